"""AGE_OVER_89: ages of 90 and above, which HIPAA Safe Harbor treats as identifying.

Patterns: ordinal birthdays ("101st birthday"), "turns 95", "aged 93", "95 years old", "95岁".
Score 0.85 for the explicit forms; no context needed because the phrasing itself is personal.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

_AGE = r"(?:9\d|1[0-2]\d)"


class AgeOver89Recognizer(PatternRecognizer):
    """Finds a person's age when it is 90 or more."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="AGE_OVER_89",
            name="AgeOver89Recognizer",
            patterns=[
                Pattern("ordinal birthday", rf"(?i)\b{_AGE}(?:st|nd|rd|th)\s+birthday\b", 0.85),
                Pattern("turns", rf"(?i)\b(?:turns|turned|turning|aged?)\s+{_AGE}\b", 0.85),
                Pattern("years old", rf"(?i)\b{_AGE}[\s-]+years?[\s-]+old\b", 0.85),
                Pattern("cjk age", rf"{_AGE}\s*岁", 0.85),
            ],
        )
