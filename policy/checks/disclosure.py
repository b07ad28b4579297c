"""Licensing and regulations: sponsored content, paid partnerships, giveaways, endorsements and
testimonials that lack their disclosure (#ad, "paid partnership", official rules). The policy
routes these findings to legal through ``approvals.escalations``.
"""

from __future__ import annotations

from policy.checks.rules import lexicon_findings
from policy.findings import Draft, Finding
from policy.schema import Account, Policy


def disclosure_findings(draft: Draft, account: Account, policy: Policy) -> list[Finding]:
    """Findings for undisclosed commercial content in one draft."""
    return lexicon_findings(draft, account, policy, policy.disclosure)
