"""The one check function the Slack flow, the CLI and the benchmarks all call."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from policy.checks import RULE_CHECKS, access_findings, crisis_findings
from policy.findings import Category, Draft, Finding, Severity, Verdict, verdict_of
from policy.lexicon import PatternTooSlow
from policy.privacy import PrivacyEngine, redact
from policy.routing import ApprovalRequirement, MemberResolver, route_draft
from policy.schema import Account, Policy

# Gives the account each draft of a batch is checked for.
AccountLookup = Callable[[Draft], Account]


@dataclass(frozen=True)
class Report:
    """What checking one draft found, what that means, and who must approve it."""

    findings: tuple[Finding, ...]
    verdict: Verdict
    requirement: ApprovalRequirement
    redacted_text: str

    @property
    def privacy_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.category is Category.PRIVACY)


def check(
    draft: Draft,
    account: Account,
    policy: Policy,
    *,
    privacy: PrivacyEngine,
    crisis_active: bool = False,
    resolve_members: MemberResolver | None = None,
) -> Report:
    """Check one draft against the policy and for PHI (see ``check_many`` for the options)."""
    return check_many(
        [draft],
        account_for=lambda _d: account,
        policy=policy,
        privacy=privacy,
        crisis_active=crisis_active,
        resolve_members=resolve_members,
    )[0]


def check_many(
    drafts: Sequence[Draft],
    *,
    account_for: AccountLookup,
    policy: Policy,
    privacy: PrivacyEngine,
    crisis_active: bool = False,
    resolve_members: MemberResolver | None = None,
) -> list[Report]:
    """Check many drafts at once; the privacy engine processes them as one batch.

    ``crisis_active`` adds the crisis rules. A draft with an ``author_id`` is also checked for
    account ownership, expanding user groups with ``resolve_members`` when given.
    """
    privacy_findings = privacy.findings_batch([d.text for d in drafts], policy.organisation)
    reports = []
    for draft, found in zip(drafts, privacy_findings, strict=True):
        account = account_for(draft)
        findings = list(found)
        if len(draft.text) > policy.max_draft_length:
            findings.append(_too_long(draft, policy))
        findings.extend(access_findings(draft, account, policy, resolve_members=resolve_members))
        rule_checks = [*RULE_CHECKS, crisis_findings] if crisis_active else RULE_CHECKS
        for rule_check in rule_checks:
            try:
                findings.extend(rule_check(draft, account, policy))
            except PatternTooSlow as slow:  # that rule is unchecked: a person has to look
                findings.append(_rule_too_slow(slow, policy))
        findings.sort(key=lambda f: (f.start is None, f.start or 0, f.rule_id))
        reports.append(
            Report(
                findings=tuple(findings),
                verdict=verdict_of(findings),
                requirement=route_draft(account, findings, policy),
                redacted_text=redact(draft.text, findings),
            )
        )
    return reports


def _rule_too_slow(slow: PatternTooSlow, policy: Policy) -> Finding:
    return Finding(
        rule_id="policy.rule-too-slow",
        category=Category.STANDARDS,
        severity=Severity.REVIEW,
        message=f"A policy rule could not be checked on this draft: {slow}. Read the draft for "
        "what that rule looks for before approving.",
        policy_ref=f"{policy.standards.number} {policy.standards.title}",
        suggestion="Ask the policy's owner to simplify the pattern.",
    )


def _too_long(draft: Draft, policy: Policy) -> Finding:
    return Finding(
        rule_id="platform.max-draft-length",
        category=Category.PLATFORM,
        severity=Severity.BLOCK,
        message=f"The draft has {len(draft.text):,} characters; the policy allows "
        f"{policy.max_draft_length:,}.",
        policy_ref=f"{policy.platform.number} {policy.platform.title}",
        suggestion="Shorten the draft or split it into several posts.",
    )
