"""The shapes every check speaks in: a draft, a finding and a verdict."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Category(StrEnum):
    """Policy areas a finding can belong to (see DESIGN.md, "The checks")."""

    PRIVACY = "privacy"
    CLAIMS = "claims"
    DISCLOSURE = "disclosure"
    STANDARDS = "standards"
    PLATFORM = "platform"
    CONFIDENTIALITY = "confidentiality"
    PATIENT_COMMUNICATION = "patient-communication"
    CRISIS = "crisis"
    ACCESS = "access"


class Severity(StrEnum):
    """How much a finding weighs: ``block`` cannot be approved as is; ``review`` needs more eyes."""

    BLOCK = "block"
    REVIEW = "review"
    INFO = "info"


class Verdict(StrEnum):
    """The overall outcome of checking one draft."""

    PASS = "pass"
    REVIEW = "review"
    BLOCK = "block"


@dataclass(frozen=True)
class Draft:
    """One post as submitted: the text and where it is meant to go."""

    text: str
    account_id: str | None = None
    platform: str | None = None
    author_id: str | None = None
    media_count: int = 0
    media_missing_alt_text: int = 0


@dataclass(frozen=True)
class Finding:
    """One problem a check found, in the shape the CLI, the card and the audit log share."""

    rule_id: str
    category: Category
    severity: Severity
    message: str
    policy_ref: str
    suggestion: str | None = None
    start: int | None = None
    end: int | None = None
    entity_type: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "category": str(self.category),
            "severity": str(self.severity),
            "start": self.start,
            "end": self.end,
            "entity_type": self.entity_type,
            "message": self.message,
            "policy_ref": self.policy_ref,
            "suggestion": self.suggestion,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            rule_id=data["rule_id"],
            category=Category(data["category"]),
            severity=Severity(data["severity"]),
            message=data["message"],
            policy_ref=data["policy_ref"],
            suggestion=data.get("suggestion"),
            start=data.get("start"),
            end=data.get("end"),
            entity_type=data.get("entity_type"),
        )


def verdict_of(findings: list[Finding]) -> Verdict:
    """``block`` if any finding blocks, else ``review`` if any asks for review, else ``pass``."""
    severities = {finding.severity for finding in findings}
    if Severity.BLOCK in severities:
        return Verdict.BLOCK
    if Severity.REVIEW in severities:
        return Verdict.REVIEW
    return Verdict.PASS


def content_hash(text: str) -> str:
    """Stable fingerprint of a draft's exact text; approvals are bound to it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
