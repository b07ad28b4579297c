"""Redacted previews: each PHI span becomes a readable placeholder such as ``[PATIENT NAME]``."""

from __future__ import annotations

from collections.abc import Iterable

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from policy.findings import Category, Finding

PLACEHOLDERS: dict[str, str] = {
    "PERSON": "[PATIENT NAME]",
    "PATIENT_NAME": "[PATIENT NAME]",
    "RELATIVE_NAME": "[RELATIVE NAME]",
    "DATE": "[DATE]",
    "DATE_TIME": "[DATE]",
    "AGE_OVER_89": "[AGE]",
    "ROOM_NUMBER": "[ROOM]",
    "MRN": "[MRN]",
    "HEALTH_PLAN_ID": "[HEALTH PLAN ID]",
    "US_SSN": "[SSN]",
    "ACCOUNT_NUMBER": "[ACCOUNT NUMBER]",
    "LICENSE_PLATE": "[LICENCE PLATE]",
    "DEVICE_SERIAL": "[DEVICE SERIAL]",
    "PHONE_NUMBER": "[PHONE]",
    "EMAIL_ADDRESS": "[EMAIL]",
    "STREET_ADDRESS": "[ADDRESS]",
    "SOCIAL_HANDLE": "[HANDLE]",
    "IDENTIFYING_DETAILS": "[IDENTIFYING DETAILS]",
}

_anonymizer = AnonymizerEngine()


def placeholder_for(entity_type: str) -> str:
    """The placeholder shown instead of an identifier of this type."""
    return PLACEHOLDERS.get(entity_type, f"[{entity_type.replace('_', ' ')}]")


def redact(text: str, findings: Iterable[Finding]) -> str:
    """The text with every privacy finding's span replaced by its placeholder.

    Only spans of privacy findings are replaced; a claims or standards finding stays readable so
    reviewers can judge it.
    """
    spans = [
        finding
        for finding in findings
        if finding.category is Category.PRIVACY
        and finding.start is not None
        and finding.end is not None
    ]
    if not spans:
        return text
    results = [
        RecognizerResult(
            entity_type=finding.entity_type or "PHI",
            start=finding.start,  # type: ignore[arg-type]
            end=finding.end,  # type: ignore[arg-type]
            score=1.0,
        )
        for finding in spans
    ]
    operators = {
        result.entity_type: OperatorConfig(
            "replace", {"new_value": placeholder_for(result.entity_type)}
        )
        for result in results
    }
    return _anonymizer.anonymize(text=text, analyzer_results=results, operators=operators).text
