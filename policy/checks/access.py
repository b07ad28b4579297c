"""Employee access: the author of a draft must be an owner of the account it is for.

The Slack flow refuses non-owners before anything is stored, resolving user groups through Slack;
this check gives the CLI (``clearpost check --author``) and any other caller the same rule as a
finding. Without a way to expand user groups, an author who is not listed by user ID is reported
as unconfirmed (``info``) rather than blocked.
"""

from __future__ import annotations

from policy.checks.rules import make_finding, placeholder_values
from policy.findings import Draft, Finding, Severity
from policy.routing import MemberResolver
from policy.schema import Account, Policy


def _is_user_id(member: str) -> bool:
    return member[:1] in ("U", "W")


def access_findings(
    draft: Draft,
    account: Account,
    policy: Policy,
    *,
    resolve_members: MemberResolver | None = None,
) -> list[Finding]:
    """A finding when the draft's author may not post for ``account``; none without an author."""
    author = draft.author_id
    rule = policy.access.owners_only
    if author is None or not rule.enabled:
        return []
    if resolve_members is not None:
        if any(author in resolve_members(owner) for owner in account.owners):
            return []
        return [make_finding(policy.access, rule, placeholder_values(policy))]
    if author in account.owners:
        return []
    finding = make_finding(policy.access, rule, placeholder_values(policy))
    groups = [owner for owner in account.owners if not _is_user_id(owner)]
    if groups:
        return [
            Finding(
                rule_id=finding.rule_id,
                category=finding.category,
                severity=Severity.INFO,
                message=f"The author is not listed by user ID among the owners of {account.id}; "
                f"membership of {', '.join(groups)} could not be checked here.",
                policy_ref=finding.policy_ref,
                suggestion=finding.suggestion,
            )
        ]
    return [finding]
