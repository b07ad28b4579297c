"""The policy file's schema: a hospital's social media policy as validated pydantic models.

Every section except ``accounts`` is optional and defaulted, so a small clinic can start from a
ten-line file while a medical centre spells out everything. Unknown keys are errors, because a
misspelt rule that silently does nothing is worse than a refusal to start.
"""

from __future__ import annotations

import string
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from policy.findings import Category, Severity
from policy.lexicon import Match, UnsafePattern, check_pattern, find_matches
from policy.operations import CrisisResponse, Schedule

# The bundled example policy doubles as the standard rule book: a section (or a key inside a
# section) that a policy file leaves out takes its value from this file.
BUNDLED_POLICY_FILE = "default.yaml"


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
    official: bool = Field(
        default=True,
        description="Speaks for the organisation; false for a clinician's professional account.",
    )

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


# --------------------------------------------------------------------------- rules


def _safe_pattern(pattern: str) -> str:
    try:
        check_pattern(pattern)
    except UnsafePattern as error:
        raise ValueError(str(error)) from None
    return pattern


# A regular expression from the policy file, refused at load when it is broken or too slow.
SafePattern = Annotated[str, AfterValidator(_safe_pattern)]


class Lexicon(StrictModel):
    """Words and patterns a rule looks for.

    Phrases match whole words, ignoring case unless ``case_sensitive``; a ``*`` at either end of
    a phrase stands for any word ending or beginning ("fuck*", "*shit"). Patterns are Python
    regular expressions, checked at load for mistakes and for shapes that backtrack badly.
    """

    phrases: list[str] = Field(default_factory=list)
    patterns: list[SafePattern] = Field(default_factory=list)
    case_sensitive: bool = False
    obfuscated: bool = Field(
        default=False,
        description="Also catch spellings that disguise a word: 'sh1t', 'f*ck', 'a$$'.",
    )

    @field_validator("phrases")
    @classmethod
    def _phrases_have_words(cls, value: list[str]) -> list[str]:
        for phrase in value:
            if not phrase.strip(" *"):
                raise ValueError("a phrase is empty: remove it or write the words to look for")
        return value

    @property
    def is_empty(self) -> bool:
        return not self.phrases and not self.patterns

    def find(self, text: str) -> list[Match]:
        """Every place in ``text`` this lexicon matches."""
        return find_matches(
            text,
            self.phrases,
            self.patterns,
            case_sensitive=self.case_sensitive,
            obfuscated=self.obfuscated,
        )


class Nearby(Lexicon):
    """Words that must appear close to a rule's match for it to count."""

    within_words: int = Field(default=5, ge=0, le=30)


def _placeholders(template: str) -> set[str]:
    try:
        return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}
    except ValueError as error:
        raise ValueError(
            f"'{template}' has an unbalanced brace ({error}); "
            "write {{ and }} for a literal brace"
        ) from None


class Rule(StrictModel):
    """What every rule says about itself: its id, what it is for, how much it weighs.

    ``message`` and ``suggestion`` may use the placeholders the rule kind lists in
    ``placeholders`` (for example ``{match}``, the words that triggered the rule).
    """

    placeholders: ClassVar[frozenset[str]] = frozenset({"secure_channels"})

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    purpose: str = Field(description="Why the rule exists, in plain language, for the document.")
    severity: Severity = Severity.REVIEW
    message: str
    suggestion: str
    enabled: bool = True

    @model_validator(mode="after")
    def _placeholders_are_known(self) -> Rule:
        for field in ("message", "suggestion"):
            unknown = _placeholders(getattr(self, field)) - self.placeholders
            if unknown:
                allowed = ", ".join(f"{{{name}}}" for name in sorted(self.placeholders))
                raise ValueError(
                    f"{field} uses {', '.join(f'{{{n}}}' for n in sorted(unknown))}, which this "
                    f"rule does not fill; use only {allowed}"
                )
        return self

    def render_message(self, **values: object) -> str:
        return self.message.format_map(values)

    def render_suggestion(self, **values: object) -> str:
        return self.suggestion.format_map(values)


class LexiconRule(Rule, Lexicon):
    """A rule that flags the words or patterns it lists, optionally only near other words.

    ``unless``: the rule is satisfied when the draft contains any of these anywhere (a "#ad"
    disclosure, "no purchase necessary"). ``near``: a match counts only when one of these words is
    at most ``within_words`` words away.
    """

    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "secure_channels"})

    near: Nearby | None = None
    unless: Lexicon | None = None
    platforms: list[Platform] = Field(
        default_factory=list, description="Apply only to these platforms (empty: all)."
    )
    official_accounts_only: bool = False
    publish_phrases: bool = Field(
        default=True, description="List the phrases in the rendered policy (false for profanity)."
    )

    @model_validator(mode="after")
    def _looks_for_something(self) -> LexiconRule:
        if self.is_empty:
            raise ValueError(f"rule '{self.id}' has neither phrases nor patterns: add some")
        return self


class LinkRule(Rule):
    """A rule about links to certain domains (shorteners, blocked sites)."""

    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "host"})

    domains: list[str] = Field(default_factory=list)


class PlatformRule(Rule):
    """A rule that depends on the platform and a count (length, hashtags, links, media)."""

    placeholders: ClassVar[frozenset[str]] = frozenset({"platform", "count", "limit", "match"})


class PlatformLimits(StrictModel):
    """What one platform accepts, counted the way that platform counts."""

    max_characters: int = Field(ge=1)
    counting: Literal["characters", "x"] = Field(
        default="characters",
        description="'x': X's weighted count (links 23, CJK and emoji 2); else code points.",
    )
    link_characters: int | None = Field(default=None, ge=1)
    max_hashtags: int | None = Field(default=None, ge=0)
    links_clickable: bool = True


class Section(StrictModel):
    """A numbered section of the policy document; its rules are numbered inside it."""

    number: ClassVar[int]
    category: ClassVar[Category | None] = None

    title: str
    purpose: str
    guidelines: list[str] = Field(
        default_factory=list, description="What staff must do, beyond what the bot enforces."
    )

    def rules(self) -> list[Rule]:
        """The section's rules, in the order they are numbered."""
        return []

    def clause(self, rule: Rule) -> str:
        """The clause number of ``rule`` in the rendered document, e.g. '3.2'."""
        index = next(i for i, item in enumerate(self.rules()) if item is rule)
        return f"{self.number}.{index + 1}"

    def policy_ref(self, rule: Rule) -> str:
        """How findings cite ``rule``: clause number, section and rule title."""
        return f"{self.clause(rule)} {self.title}: {rule.title}"


class LexiconSection(Section):
    """A section whose rules are lexicon rules."""

    lexicon_rules: list[LexiconRule] = Field(default_factory=list, alias="rules")

    model_config = ConfigDict(populate_by_name=True)

    def rules(self) -> list[Rule]:
        return list(self.lexicon_rules)

    @model_validator(mode="after")
    def _rule_ids_are_unique(self) -> LexiconSection:
        ids = [rule.id for rule in self.rules()]
        repeated = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
        if repeated:
            raise ValueError(
                f"rule ids must be unique in a section; repeated: {', '.join(repeated)}"
            )
        return self


class AccessSection(Section):
    """1. Employee access: who may post for which account."""

    number: ClassVar[int] = 1
    category: ClassVar[Category | None] = Category.ACCESS

    owners_only: Rule

    def rules(self) -> list[Rule]:
        return [self.owners_only]


class DisclosureSection(LexiconSection):
    """2. Licensing and regulations: endorsements, sponsorships and giveaways are disclosed."""

    number: ClassVar[int] = 2
    category: ClassVar[Category | None] = Category.DISCLOSURE


class ClaimsRule(LexiconRule):
    """A claims rule; with ``needs_source`` a vetted link or a named vetted source satisfies it."""

    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "vetted_domains"})

    needs_source: bool = False


class ClaimsSection(LexiconSection):
    """3. Information verification: health claims and statistics need a vetted source."""

    number: ClassVar[int] = 3
    category: ClassVar[Category | None] = Category.CLAIMS

    lexicon_rules: list[ClaimsRule] = Field(default_factory=list, alias="rules")  # type: ignore[assignment]
    vetted_domains: list[str] = Field(default_factory=list)
    vetted_sources: Lexicon = Field(default_factory=Lexicon)


class StandardsSection(LexiconSection):
    """4. Posting standards: profanity, insults, political endorsements."""

    number: ClassVar[int] = 4
    category: ClassVar[Category | None] = Category.STANDARDS


class PlatformSection(Section):
    """5. Platform-specific rules: each network's limits, links and accessibility."""

    number: ClassVar[int] = 5
    category: ClassVar[Category | None] = Category.PLATFORM

    limits: dict[Platform, PlatformLimits]
    length: PlatformRule
    hashtags: PlatformRule
    unclickable_links: PlatformRule
    insecure_links: PlatformRule
    shortened_links: LinkRule
    blocked_links: LinkRule
    alt_text: PlatformRule

    def rules(self) -> list[Rule]:
        return [
            self.length,
            self.hashtags,
            self.unclickable_links,
            self.insecure_links,
            self.shortened_links,
            self.blocked_links,
            self.alt_text,
        ]


class ConfidentialitySection(LexiconSection):
    """6. Confidentiality: internal, embargoed and personnel matters stay inside."""

    number: ClassVar[int] = 6
    category: ClassVar[Category | None] = Category.CONFIDENTIALITY


class PatientCommunicationSection(LexiconSection):
    """7. Patient communication: patients are sent to secure channels, never asked to post."""

    number: ClassVar[int] = 7
    category: ClassVar[Category | None] = Category.PATIENT_COMMUNICATION


class CrisisSection(LexiconSection):
    """8. Crisis communication: rules that apply only while a crisis is declared."""

    number: ClassVar[int] = 8
    category: ClassVar[Category | None] = Category.CRISIS

    every_post_reviewed: Rule

    def rules(self) -> list[Rule]:
        return [self.every_post_reviewed, *self.lexicon_rules]


class ConsequencesSection(Section):
    """9. Consequences of breach: what happens when the policy is broken."""

    number: ClassVar[int] = 9


# Policy keys of the rule sections, in the order of the rendered document.
SECTION_KEYS = (
    "access",
    "disclosure",
    "claims",
    "standards",
    "platform",
    "confidentiality",
    "patient_communication",
    "crisis",
    "consequences",
)


def bundled_policy_path() -> Path:
    """Path of the example healthcare policy shipped with Clearpost."""
    return Path(__file__).with_name(BUNDLED_POLICY_FILE)


@lru_cache(maxsize=1)
def bundled_sections() -> dict[str, Any]:
    """The rule sections of the bundled policy, as plain YAML data."""
    source = bundled_policy_path().read_text(encoding="utf-8")
    data = yaml.safe_load(source)
    return {key: data[key] for key in SECTION_KEYS if key in data}


def _merged(standard: Any, given: Any) -> Any:
    """``given`` with every key it leaves out taken from ``standard``; lists are replaced whole."""
    if not isinstance(standard, dict) or not isinstance(given, dict):
        return given
    merged = dict(standard)
    for key, value in given.items():
        merged[key] = _merged(standard.get(key), value)
    return merged


class Policy(StrictModel):
    """A whole social media policy: the accounts it governs and the rules it enforces."""

    version: int = 1
    organisation: Organisation = Field(default_factory=Organisation)
    accounts: list[Account] = Field(min_length=1)
    approvals: Approvals = Field(default_factory=Approvals)
    max_draft_length: int = Field(default=10_000, ge=1, le=100_000)
    access: AccessSection
    disclosure: DisclosureSection
    claims: ClaimsSection
    standards: StandardsSection
    platform: PlatformSection
    confidentiality: ConfidentialitySection
    patient_communication: PatientCommunicationSection
    crisis: CrisisSection
    consequences: ConsequencesSection
    crisis_response: CrisisResponse = Field(default_factory=CrisisResponse)
    schedule: Schedule = Field(default_factory=Schedule)

    @model_validator(mode="before")
    @classmethod
    def _sections_default_to_the_bundled_ones(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        standard = bundled_sections()
        filled = dict(data)
        for key in SECTION_KEYS:
            if key in standard:
                filled[key] = _merged(standard[key], data.get(key, {}))
        return filled

    @property
    def sections(self) -> list[Section]:
        """The rule sections in document order."""
        return [getattr(self, key) for key in SECTION_KEYS]

    @model_validator(mode="after")
    def _account_ids_are_unique(self) -> Policy:
        ids = [account.id for account in self.accounts]
        duplicates = sorted({account_id for account_id in ids if ids.count(account_id) > 1})
        if duplicates:
            raise ValueError(f"account ids must be unique; repeated: {', '.join(duplicates)}")
        return self

    @model_validator(mode="after")
    def _holding_statements_name_accounts(self) -> Policy:
        ids = {account.id for account in self.accounts}
        for statement in self.crisis_response.holding_statements:
            if statement.account not in ids:
                raise ValueError(
                    f"holding statement '{statement.title}' names account '{statement.account}', "
                    "which is not in accounts"
                )
        return self

    def account(self, account_id: str) -> Account | None:
        """The account with this id, or None when the policy has no such account."""
        return next((account for account in self.accounts if account.id == account_id), None)
