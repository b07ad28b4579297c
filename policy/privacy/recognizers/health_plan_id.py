"""HEALTH_PLAN_ID: health plan, insurance member, Medicaid and Medicare numbers.

Patterns: a label (``member ID``, ``Medicaid ID``, ``Medicare number``, ``insurance ID``,
``policy number``, ``subscriber ID``) followed within a few words by an alphanumeric code with
at least four digits (``XGH 448 219 004``, ``1EG4-TE5-MK73``). Context: the label. Score 0.85.
"""

from __future__ import annotations

import re

from policy.privacy.recognizers.base import CuePattern, RegexRecognizer


class HealthPlanIdRecognizer(RegexRecognizer):
    """Finds a health plan or insurance member number after its label."""

    ENTITY = "HEALTH_PLAN_ID"
    PATTERNS = (
        CuePattern(
            "labelled plan id",
            re.compile(
                r"\b(?:member|medicaid|medicare|insurance|subscriber|policy|plan|beneficiary)"
                r"\s+(?:id|no\.?|number|#)\b[^0-9A-Z]{0,40}?"
                r"(?P<id>(?=[A-Z0-9 -]*\d[A-Z0-9 -]*\d[A-Z0-9 -]*\d[A-Z0-9 -]*\d)"
                r"[A-Z0-9]{1,5}(?:[ -]?(?=[A-Z]*\d)[A-Z0-9]{2,5}){1,4})\b",
                re.IGNORECASE,
            ),
            0.85,
            "id",
        ),
    )
