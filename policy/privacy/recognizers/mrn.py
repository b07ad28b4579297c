"""MRN: medical record numbers, in any spacing ("MRN: 004-829-13", "medical record # 0048 2913").

The label is part of the pattern, so a bare number is never taken for an MRN. Score 0.9.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer


class MedicalRecordNumberRecognizer(PatternRecognizer):
    """Finds a medical record number written after its label."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="MRN",
            name="MedicalRecordNumberRecognizer",
            patterns=[
                Pattern(
                    "labelled mrn",
                    r"(?i)\b(?:MRN|med(?:ical)?\.?\s*rec(?:ord)?\.?\s*(?:no\.?|number|#)?)"
                    r"\s*[:#]?\s*[A-Z]{0,3}\d[\d\s.-]{3,14}\d\b",
                    0.9,
                ),
            ],
        )
