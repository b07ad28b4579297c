"""US_SSN, widened: a national identity number other countries use as the SSN is used.

Patterns, each after its own label: an Irish PPS number (``PPSN 6734129PA``: seven digits and
one or two letters), a South African ID number (``ID no. 4103150234084``: thirteen digits), a
UK National Insurance number (``NI number QQ 12 34 56 C``) and a Canadian Social Insurance
Number (``SIN 046-454-286``). Presidio's own recognizer finds US Social Security numbers.
Context: the label; a bare number of these shapes is too often something else. Score 0.85.
"""

from __future__ import annotations

import re

from policy.privacy.recognizers.base import CuePattern, RegexRecognizer


class NationalIdRecognizer(RegexRecognizer):
    """Finds a national identity number after its label."""

    ENTITY = "US_SSN"
    PATTERNS = tuple(
        CuePattern(name, re.compile(rf"(?i)\b{label}\s*[:#]?\s*(?P<id>{number})\b"), 0.85, "id")
        for name, label, number in (
            ("Irish PPS number", r"(?:PPSN?|PPS\s+(?:no\.?|number))", r"\d{7}\s?[A-W][A-IW]?"),
            (
                "South African ID number",
                r"(?:ID|identity)\s+(?:no\.?|number)",
                r"\d{6}\s?\d{4}\s?\d{3}",
            ),
            (
                "UK National Insurance number",
                r"(?:NI|NINO|national\s+insurance)\s*(?:no\.?|number)?",
                r"[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]",
            ),
            (
                "Canadian Social Insurance Number",
                r"(?:SIN|social\s+insurance\s+(?:no\.?|number))",
                r"\d{3}[\s-]?\d{3}[\s-]?\d{3}",
            ),
        )
    )
