"""ACCOUNT_NUMBER: a patient's billing or hospital account number.

Patterns: ``account #88120045``, ``acct no. 55190873``, ``billing account 4471-220``, ``claim
number 99812``, ``patient account PA-20931177``. Context: the label; at least five digits must
follow. Score 0.85.
"""

from __future__ import annotations

import re

from policy.privacy.recognizers.base import CuePattern, RegexRecognizer


class AccountNumberRecognizer(RegexRecognizer):
    """Finds an account or claim number after its label."""

    ENTITY = "ACCOUNT_NUMBER"
    PATTERNS = (
        CuePattern(
            "labelled account",
            re.compile(
                r"\b(?:acc(?:oun)?t|claim|invoice)\s*(?:no\.?|number|#)?\s*[:#]?\s*"
                r"(?P<id>#?(?:[A-Z]{1,3}-?)?\d[\d -]{3,18}\d)\b",
                re.IGNORECASE,
            ),
            0.85,
            0,
        ),
    )
