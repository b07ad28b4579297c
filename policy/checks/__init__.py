"""Rule checks, one small module per policy area; each returns findings for one draft.

``RULE_CHECKS`` run on every draft. Two more depend on the caller: ``access_findings`` needs the
author (and a way to expand user groups), ``crisis_findings`` applies only while a crisis is
declared; ``policy.check`` runs them when asked to.
"""

from __future__ import annotations

from collections.abc import Callable

from policy.checks.access import access_findings
from policy.checks.claims import claims_findings
from policy.checks.confidentiality import confidentiality_findings
from policy.checks.crisis import crisis_findings
from policy.checks.disclosure import disclosure_findings
from policy.checks.patient_communication import patient_communication_findings
from policy.checks.platform import platform_findings
from policy.checks.standards import standards_findings
from policy.findings import Draft, Finding
from policy.schema import Account, Policy

# A rule check looks at one draft for one account and returns what it found.
RuleCheck = Callable[[Draft, Account, Policy], list[Finding]]

RULE_CHECKS: list[RuleCheck] = [
    disclosure_findings,
    claims_findings,
    standards_findings,
    platform_findings,
    confidentiality_findings,
    patient_communication_findings,
]

__all__ = ["RULE_CHECKS", "RuleCheck", "access_findings", "crisis_findings"]
