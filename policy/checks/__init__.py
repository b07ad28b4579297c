"""Rule checks, one small module per policy area; each returns findings for one draft."""

from __future__ import annotations

from collections.abc import Callable

from policy.findings import Draft, Finding
from policy.schema import Account, Policy

# A rule check looks at one draft for one account and returns what it found.
RuleCheck = Callable[[Draft, Account, Policy], list[Finding]]

RULE_CHECKS: list[RuleCheck] = []
