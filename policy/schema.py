"""The policy file's schema: a hospital's social media policy as validated pydantic models.

Every section except ``accounts`` is optional and defaulted, so a small clinic can start from a
ten-line file while a medical centre spells out everything. Unknown keys are errors, because a
misspelt rule that silently does nothing is worse than a refusal to start.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class StrictModel(BaseModel):
    """Base for every policy section: unknown keys are rejected, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Platform(StrEnum):
    """Social networks Clearpost knows the rules of."""

    X = "x"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"


class Account(StrictModel):
    """One official social media account and the people who own and approve its posts."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Short id used in /draft.")
    platform: Platform
    handle: str
    name: str | None = Field(default=None, description="Human name, e.g. 'Main X account'.")
    owners: list[str] = Field(min_length=1, description="Who may submit: user or group IDs.")
    approvers: list[str] = Field(min_length=1, description="Who approves: user or group IDs.")
    min_approvals: int = Field(default=1, ge=1)
    backup_approvers: list[str] = Field(default_factory=list)
    approval_sla_hours: float = Field(default=24, gt=0)

    @property
    def display_name(self) -> str:
        return self.name or f"{self.handle} ({self.platform.value})"

    @model_validator(mode="after")
    def _quorum_is_reachable(self) -> Account:
        # A group ID may stand for many people, so only a list of plain user IDs can be too short.
        if all(member.startswith("U") for member in self.approvers) and self.min_approvals > len(
            self.approvers
        ):
            raise ValueError(
                f"min_approvals is {self.min_approvals} but only {len(self.approvers)} approvers "
                "are listed: add approvers or lower min_approvals"
            )
        return self


class PublicContacts(StrictModel):
    """The organisation's own public phone lines, addresses, websites and e-mail addresses.

    Privacy checks never flag these: a hospital posting its own switchboard number is not a leak.
    """

    phones: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    websites: list[str] = Field(default_factory=list)
    addresses: list[str] = Field(default_factory=list)


class Organisation(StrictModel):
    """Who the policy belongs to and what it may say about itself in public."""

    name: str = "Our organisation"
    timezone: str = "UTC"
    public_contacts: PublicContacts = Field(default_factory=PublicContacts)
    public_names: list[str] = Field(
        default_factory=list,
        description="Staff and public figures whose names may appear in posts.",
    )
    secure_channels: list[str] = Field(
        default_factory=lambda: ["the patient portal"],
        description="Where patients should be sent instead of posting health details.",
    )


class ApproverGroup(StrictModel):
    """A named group whose sign-off some drafts need (privacy office, legal, medical review...)."""

    name: str
    members: list[str] = Field(min_length=1)
    min_approvals: int = Field(default=1, ge=1)


class Reactions(StrictModel):
    """Emoji names that count as votes on an approval card (without colons or skin tones)."""

    approve: list[str] = Field(default_factory=lambda: ["white_check_mark", "heavy_check_mark"])
    reject: list[str] = Field(default_factory=lambda: ["x"])
    request_changes: list[str] = Field(default_factory=lambda: ["pencil2"])

    @model_validator(mode="after")
    def _no_emoji_means_two_things(self) -> Reactions:
        seen: dict[str, str] = {}
        for meaning in ("approve", "reject", "request_changes"):
            for name in getattr(self, meaning):
                if name in seen:
                    raise ValueError(
                        f"reaction '{name}' is listed under both {seen[name]} and {meaning}: "
                        "give each emoji one meaning"
                    )
                seen[name] = meaning
        return self


class Approvals(StrictModel):
    """How drafts are approved: vote reactions, extra sign-off groups and when they are needed."""

    reactions: Reactions = Field(default_factory=Reactions)
    groups: dict[str, ApproverGroup] = Field(default_factory=dict)
    escalations: dict[str, str] = Field(
        default_factory=dict,
        description="Finding category -> id of the group whose sign-off it adds.",
    )
    one_person_may_sign_for_several_groups: bool = False

    @field_validator("escalations")
    @classmethod
    def _escalations_name_categories(cls, value: dict[str, str]) -> dict[str, str]:
        from policy.findings import Category

        known = {category.value for category in Category}
        for category in value:
            if category not in known:
                raise ValueError(
                    f"'{category}' is not a finding category; use one of: "
                    f"{', '.join(sorted(known))}"
                )
        return value

    @model_validator(mode="after")
    def _escalations_name_groups(self) -> Approvals:
        for category, group_id in self.escalations.items():
            if group_id not in self.groups:
                raise ValueError(
                    f"escalation for '{category}' names group '{group_id}', which is not defined "
                    "under approvals.groups"
                )
        return self


class Policy(StrictModel):
    """A whole social media policy: the accounts it governs and the rules it enforces."""

    version: int = 1
    organisation: Organisation = Field(default_factory=Organisation)
    accounts: list[Account] = Field(min_length=1)
    approvals: Approvals = Field(default_factory=Approvals)
    max_draft_length: int = Field(default=10_000, ge=1, le=100_000)

    @model_validator(mode="after")
    def _account_ids_are_unique(self) -> Policy:
        ids = [account.id for account in self.accounts]
        duplicates = sorted({account_id for account_id in ids if ids.count(account_id) > 1})
        if duplicates:
            raise ValueError(f"account ids must be unique; repeated: {', '.join(duplicates)}")
        return self

    def account(self, account_id: str) -> Account | None:
        """The account with this id, or None when the policy has no such account."""
        return next((account for account in self.accounts if account.id == account_id), None)
