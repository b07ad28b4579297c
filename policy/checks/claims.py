"""Information verification: absolute or unverified health claims, and statistics with no source.

A rule marked ``needs_source`` (statistics, risk figures) is satisfied when the draft links a page
on one of the policy's vetted domains or names a vetted source ("according to the CDC").
"""

from __future__ import annotations

from policy.checks.rules import lexicon_findings
from policy.findings import Draft, Finding
from policy.lexicon import find_links, host_is_in
from policy.schema import Account, ClaimsRule, LexiconRule, Policy


def has_vetted_source(text: str, policy: Policy) -> bool:
    """Whether the text links a vetted domain or names a vetted source."""
    section = policy.claims
    if any(host_is_in(link.host, section.vetted_domains) for link in find_links(text)):
        return True
    return bool(section.vetted_sources.find(text))


def claims_findings(draft: Draft, account: Account, policy: Policy) -> list[Finding]:
    """Findings for absolute and unverified claims and for unsourced statistics."""
    sourced: bool | None = None

    def satisfied(rule: LexiconRule) -> bool:
        nonlocal sourced
        if not (isinstance(rule, ClaimsRule) and rule.needs_source):
            return False
        if sourced is None:
            sourced = has_vetted_source(draft.text, policy)
        return sourced

    return lexicon_findings(draft, account, policy, policy.claims, satisfied=satisfied)
