"""Clearpost's checks as a pure library: policy schema, privacy engine, rule checks and routing.

Nothing here talks to Slack or a database; ``bot`` and the CLI call ``check`` and ``route_draft``.
"""

from policy.check import Report, check, check_many
from policy.findings import Category, Draft, Finding, Severity, Verdict, content_hash
from policy.loader import PolicyError, load_policy, parse_policy
from policy.routing import ApprovalRequirement, route_draft
from policy.schema import Account, Policy

__all__ = [
    "Account",
    "ApprovalRequirement",
    "Category",
    "Draft",
    "Finding",
    "Policy",
    "PolicyError",
    "Report",
    "Severity",
    "Verdict",
    "check",
    "check_many",
    "content_hash",
    "load_policy",
    "parse_policy",
    "route_draft",
]
