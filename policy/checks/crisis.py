"""Crisis communication: rules that apply only while a crisis is declared.

Declaring and ending a crisis is the workflow's business; the check only needs to know whether
one is active (``check(..., crisis_active=True)``). While it is, every post gets a review finding
so the crisis leads sign off (``approvals.escalations.crisis`` names them), and promotional or
speculative wording is flagged.
"""

from __future__ import annotations

from policy.checks.rules import lexicon_findings, make_finding, placeholder_values
from policy.findings import Draft, Finding
from policy.schema import Account, Policy


def crisis_findings(draft: Draft, account: Account, policy: Policy) -> list[Finding]:
    """Findings that apply to a draft while a crisis is declared."""
    section = policy.crisis
    findings = []
    if section.every_post_reviewed.enabled:
        findings.append(
            make_finding(section, section.every_post_reviewed, placeholder_values(policy))
        )
    findings.extend(lexicon_findings(draft, account, policy, section))
    return findings
