"""Patient communication: invitations to post or send symptoms, results, medication, insurance or
identifiers on social media, and offers of individual advice. Suggestions name the secure
channels the policy lists under ``organisation.secure_channels``.
"""

from __future__ import annotations

from policy.checks.rules import lexicon_findings
from policy.findings import Draft, Finding
from policy.schema import Account, Policy


def patient_communication_findings(draft: Draft, account: Account, policy: Policy) -> list[Finding]:
    """Findings for drafts that invite health details onto social media."""
    return lexicon_findings(draft, account, policy, policy.patient_communication)
