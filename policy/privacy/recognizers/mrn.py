"""MRN: medical record numbers written after their label, in any spacing.

Patterns: ``MRN: 004-829-13``, ``MR# 7781 2234``, ``medical record no. 20-448-117``,
``chart #55120``, Scotland's ``CHI 0704389125`` and New Zealand's ``NHI ABC1234``. Context: the
label itself (MRN, MR#, medical record, chart, CHI, NHI); a bare number is never taken for an
MRN. Score 0.9.
"""

from __future__ import annotations

import re

from policy.privacy.recognizers.base import CuePattern, RegexRecognizer


class MedicalRecordNumberRecognizer(RegexRecognizer):
    """Finds a medical record number written after its label."""

    ENTITY = "MRN"
    PATTERNS = (
        CuePattern(
            "labelled mrn",
            re.compile(
                r"\b(?:MRN|MR\s?#|med(?:ical)?\.?\s*rec(?:ord)?s?\.?(?:\s*(?:no\.?|number|#))?"
                r"|chart\s*(?:no\.?|number|#)|(?:hospital|patient|nhs|unit)\s+number(?:\s+is)?"
                r"|(?-i:CHI)(?:\s+(?:no\.?|number))?)"  # Scotland's CHI, ten digits
                r"\s*[:#]?\s*\(?[A-Z]{0,3}-?\d[\d\s.-]{3,14}\d\b",  # "MRN (0893214)" too
                re.IGNORECASE,
            ),
            0.9,
        ),
        # New Zealand's NHI: three letters and four digits, or (since 2022) two digits and two
        # letters.
        CuePattern(
            "labelled nhi",
            re.compile(
                r"\bNHI(?:\s+(?:no\.?|number))?\s*[:#]?\s*[A-Z]{3}(?:\d{4}|\d{2}[A-Z]{2})\b"
            ),
            0.9,
        ),
    )
