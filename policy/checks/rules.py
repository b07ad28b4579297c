"""Applying lexicon rules to a draft: the one place where a rule's words become findings.

Every category module hands its section to ``lexicon_findings``; they differ only in the extra
facts they bring (a vetted source present, the secure channels to name), never in how matching,
``near``, ``unless``, platform and account filters, or the finding's wording work.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from policy.findings import Draft, Finding
from policy.lexicon import Match, near_matches
from policy.schema import Account, LexiconRule, LexiconSection, Platform, Policy, Rule, Section


def draft_platform(draft: Draft, account: Account) -> Platform:
    """The platform a draft is for: its own when given, else its account's."""
    if draft.platform:
        try:
            return Platform(draft.platform)
        except ValueError:
            return account.platform
    return account.platform


def placeholder_values(policy: Policy) -> dict[str, str]:
    """Values every rule message and suggestion may use."""
    channels = policy.organisation.secure_channels
    if len(channels) > 1:
        secure = ", ".join(channels[:-1]) + " or " + channels[-1]
    else:
        secure = channels[0] if channels else "a secure channel"
    domains = policy.claims.vetted_domains
    vetted = ", ".join(domains[:3]) if domains else "a public-health body's site"
    return {"secure_channels": secure, "vetted_domains": vetted}


def rule_applies(rule: LexiconRule, draft: Draft, account: Account) -> bool:
    """Whether a rule is switched on for this draft's platform and account."""
    if not rule.enabled:
        return False
    if rule.platforms and draft_platform(draft, account) not in rule.platforms:
        return False
    return not (rule.official_accounts_only and not account.official)


def rule_matches(rule: LexiconRule, text: str) -> list[Match]:
    """Where ``rule`` fires in ``text``: its matches, kept only near its ``near`` words if set."""
    matches = rule.find(text)
    if not matches or rule.near is None:
        return matches
    pairs = near_matches(text, matches, rule.near.find(text), rule.near.within_words)
    spans = []
    for match, other in pairs:
        start, end = min(match.start, other.start), max(match.end, other.end)
        spans.append(Match(start, end, text[start:end]))
    return spans


def make_finding(
    section: Section,
    rule: Rule,
    values: Mapping[str, object],
    *,
    start: int | None = None,
    end: int | None = None,
) -> Finding:
    """A finding for ``rule``, worded from the policy file and citing the rule's clause."""
    category = section.category
    assert category is not None, f"{type(section).__name__} has no finding category"
    return Finding(
        rule_id=f"{category.value}.{rule.id}",
        category=category,
        severity=rule.severity,
        message=rule.render_message(**values),
        policy_ref=section.policy_ref(rule),
        suggestion=rule.render_suggestion(**values),
        start=start,
        end=end,
    )


def lexicon_findings(
    draft: Draft,
    account: Account,
    policy: Policy,
    section: LexiconSection,
    *,
    satisfied: Callable[[LexiconRule], bool] = lambda _rule: False,
) -> list[Finding]:
    """Findings of every lexicon rule of ``section`` for one draft.

    ``satisfied`` lets a category excuse a rule for reasons outside the text's words (claims:
    a vetted source is linked).
    """
    values = placeholder_values(policy)
    findings = []
    for rule in section.lexicon_rules:
        if not rule_applies(rule, draft, account):
            continue
        matches = rule_matches(rule, draft.text)
        if not matches:
            continue
        if rule.unless is not None and rule.unless.find(draft.text):
            continue
        if satisfied(rule):
            continue
        for match in matches:
            findings.append(
                make_finding(
                    section, rule, {**values, "match": match.text}, start=match.start, end=match.end
                )
            )
    return findings
