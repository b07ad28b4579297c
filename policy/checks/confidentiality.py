"""Confidentiality: internal-only and embargoed material, unreleased results, internal incidents
and investigations, personnel matters and emergency codes ("Code Silver in the ED").
"""

from __future__ import annotations

from policy.checks.rules import lexicon_findings
from policy.findings import Draft, Finding
from policy.schema import Account, Policy


def confidentiality_findings(draft: Draft, account: Account, policy: Policy) -> list[Finding]:
    """Findings for material that must not leave the organisation."""
    return lexicon_findings(draft, account, policy, policy.confidentiality)
