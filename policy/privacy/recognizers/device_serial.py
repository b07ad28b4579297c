"""DEVICE_SERIAL: serial numbers of implants and medical devices (pacemaker, CPAP, hearing aid).

Patterns: ``serial PJN-884213``, ``S/N 4471-AC-0982``, ``SN 88-04127``, ``serial no. RX7740023``,
``device ID 00-4471``. Context: the serial/device label; the code must hold four digits. Score
0.85.
"""

from __future__ import annotations

import re

from policy.privacy.recognizers.base import CuePattern, RegexRecognizer


class DeviceSerialRecognizer(RegexRecognizer):
    """Finds a device serial number after its label."""

    ENTITY = "DEVICE_SERIAL"
    PATTERNS = (
        CuePattern(
            "labelled serial",
            re.compile(
                r"(?:\b(?:serial|device(?:\s+id)?|implant\s+id|udi)(?:\s*(?:no\.?|number|#))?|"
                r"\bS/N|\bSN\b)\s*[:#]?\s*"
                r"(?=[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d)(?P<serial>[A-Z0-9][A-Z0-9-]{3,20}[A-Z0-9])\b",
                re.IGNORECASE,
            ),
            0.85,
        ),
    )
