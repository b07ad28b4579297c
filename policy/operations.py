"""The operational part of a policy: crisis team and holding statements, reminders and digest.

These settings drive the service's time-driven work and the crisis commands rather than the
content checks, so they live apart from the rule sections.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator


class StrictModel(BaseModel):
    """Same strictness as the rest of the policy schema (which imports this module)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


DEFAULT_COMPROMISED_CHECKLIST = [
    "Change the account's password and turn on two-factor authentication",
    "Revoke active sessions and connected third-party apps",
    "Report the compromise to the platform through its official channel",
    "Warn followers from another official account",
    "Review and remove posts made since the compromise",
]


class HoldingStatement(StrictModel):
    """A pre-approved-in-principle statement offered as a ready draft when a crisis is declared."""

    account: str
    title: str
    text: str = Field(min_length=1)


class CrisisResponse(StrictModel):
    """Who runs a crisis and what they need at hand."""

    team: list[str] = Field(
        default_factory=list,
        description="Who may declare and resolve a crisis; all are paged. User or group IDs.",
    )
    leads: list[str] = Field(
        default_factory=list,
        description="Crisis leads: every draft needs their sign-off while a crisis is declared.",
    )
    lead_approvals: int = Field(default=1, ge=1)
    channel: str | None = Field(default=None, description="Crisis channel ID (C…) for paging.")
    holding_statements: list[HoldingStatement] = Field(default_factory=list)
    compromised_checklist: list[str] = Field(
        default_factory=lambda: list(DEFAULT_COMPROMISED_CHECKLIST), min_length=1
    )


class Schedule(StrictModel):
    """When reminders, expiry and the daily digest happen."""

    max_draft_age_hours: float = Field(default=72, gt=0)
    digest_time: str | None = Field(
        default="09:00", description="HH:MM in the organisation's time zone; null turns it off."
    )

    @field_validator("digest_time")
    @classmethod
    def _is_a_time_of_day(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            raise ValueError(f"'{value}' is not a time of day like 09:00")
        return value
