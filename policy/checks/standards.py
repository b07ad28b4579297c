"""Posting standards: profanity (disguised spellings too), insults to patients, colleagues or
competitors, and political endorsements from official accounts. Lexicons live in the policy file.
"""

from __future__ import annotations

from policy.checks.rules import lexicon_findings
from policy.findings import Draft, Finding
from policy.schema import Account, Policy


def standards_findings(draft: Draft, account: Account, policy: Policy) -> list[Finding]:
    """Findings for discourteous or partisan wording in one draft."""
    return lexicon_findings(draft, account, policy, policy.standards)
