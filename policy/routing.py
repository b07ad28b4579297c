"""Who must approve a draft, and whether the votes cast so far decide it. Pure functions.

A draft's approval requirement is a list of sign-offs: the account's own approvers with their
quorum, plus an extra group for each finding category the policy escalates (privacy office for
privacy findings, legal for disclosure, medical review for claims). Every sign-off must reach its
own quorum. Members are Slack user or user-group IDs; the caller resolves groups to people.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from policy.findings import Finding, Severity
from policy.schema import Account, Policy

ACCOUNT_SIGNOFF = "account"

# Resolves a user or user-group ID to the user IDs it stands for.
MemberResolver = Callable[[str], frozenset[str]]


@dataclass(frozen=True)
class SignOff:
    """One group that must approve, and how many of its members must."""

    key: str
    name: str
    members: tuple[str, ...]
    min_approvals: int


@dataclass(frozen=True)
class ApprovalRequirement:
    """Every sign-off a draft needs before it is approved."""

    signoffs: tuple[SignOff, ...]
    one_person_may_sign_for_several_groups: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "signoffs": [
                {
                    "key": signoff.key,
                    "name": signoff.name,
                    "members": list(signoff.members),
                    "min_approvals": signoff.min_approvals,
                }
                for signoff in self.signoffs
            ],
            "one_person_may_sign_for_several_groups": self.one_person_may_sign_for_several_groups,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ApprovalRequirement:
        signoffs = data.get("signoffs", [])
        assert isinstance(signoffs, list)
        return cls(
            signoffs=tuple(
                SignOff(
                    key=item["key"],
                    name=item["name"],
                    members=tuple(item["members"]),
                    min_approvals=int(item["min_approvals"]),
                )
                for item in signoffs
            ),
            one_person_may_sign_for_several_groups=bool(
                data.get("one_person_may_sign_for_several_groups", False)
            ),
        )


def route_draft(
    account: Account, findings: Iterable[Finding], policy: Policy
) -> ApprovalRequirement:
    """The sign-offs a draft for ``account`` with these findings needs under ``policy``."""
    signoffs = [
        SignOff(
            key=ACCOUNT_SIGNOFF,
            name=f"Approvers of {account.display_name}",
            members=tuple(account.approvers),
            min_approvals=account.min_approvals,
        )
    ]
    escalated: list[str] = []
    for finding in findings:
        if finding.severity is Severity.INFO:
            continue
        group_id = policy.approvals.escalations.get(finding.category.value)
        if group_id and group_id not in escalated:
            escalated.append(group_id)
    for group_id in escalated:
        group = policy.approvals.groups[group_id]
        signoffs.append(
            SignOff(
                key=group_id,
                name=group.name,
                members=tuple(group.members),
                min_approvals=group.min_approvals,
            )
        )
    return ApprovalRequirement(
        signoffs=tuple(signoffs),
        one_person_may_sign_for_several_groups=policy.approvals.one_person_may_sign_for_several_groups,
    )


class Choice(StrEnum):
    """What a vote asks for."""

    APPROVE = "approve"
    REJECT = "reject"
    REQUEST_CHANGES = "request_changes"


class Outcome(StrEnum):
    """How a draft version was decided."""

    APPROVED = "approved"
    REJECTED = "rejected"
    CHANGES_REQUESTED = "changes_requested"


@dataclass(frozen=True)
class Progress:
    """How far one sign-off has got."""

    signoff: SignOff
    approvals: int

    @property
    def met(self) -> bool:
        return self.approvals >= self.signoff.min_approvals


@dataclass(frozen=True)
class Tally:
    """The state of the vote: progress of every sign-off and the outcome, once there is one."""

    progress: tuple[Progress, ...]
    outcome: Outcome | None


def signoffs_of(
    voter: str, requirement: ApprovalRequirement, resolve: MemberResolver
) -> list[SignOff]:
    """The sign-offs ``voter`` is a member of (directly or through a user group)."""
    return [
        signoff
        for signoff in requirement.signoffs
        if any(voter in resolve(member) for member in signoff.members)
    ]


def tally(
    requirement: ApprovalRequirement,
    votes: Mapping[str, Choice],
    author: str,
    resolve: MemberResolver,
) -> Tally:
    """Decide a draft version from the current vote of each person.

    The author's vote never counts, nor does a vote from someone in none of the sign-offs. One
    eligible reject or request for changes decides at once; approval needs every sign-off's quorum.
    """
    eligible = {
        voter: choice
        for voter, choice in votes.items()
        if voter != author and signoffs_of(voter, requirement, resolve)
    }
    approvers = sorted(voter for voter, choice in eligible.items() if choice is Choice.APPROVE)
    counts = _assign_approvals(approvers, requirement, resolve)
    progress = tuple(
        Progress(signoff=signoff, approvals=counts[signoff.key]) for signoff in requirement.signoffs
    )
    outcome: Outcome | None = None
    if any(choice is Choice.REJECT for choice in eligible.values()):
        outcome = Outcome.REJECTED
    elif any(choice is Choice.REQUEST_CHANGES for choice in eligible.values()):
        outcome = Outcome.CHANGES_REQUESTED
    elif all(item.met for item in progress):
        outcome = Outcome.APPROVED
    return Tally(progress=progress, outcome=outcome)


def _assign_approvals(
    approvers: list[str], requirement: ApprovalRequirement, resolve: MemberResolver
) -> dict[str, int]:
    """Count approvals per sign-off.

    When one person may not sign for several groups, each approver is given to the one sign-off
    where they help most: the assignment that meets the most quorum places, found by a small
    augmenting-path matching (groups and approvers are a handful, so this stays cheap).
    """
    keys = [signoff.key for signoff in requirement.signoffs]
    member_of = {voter: signoffs_of(voter, requirement, resolve) for voter in approvers}
    if requirement.one_person_may_sign_for_several_groups:
        return {
            key: sum(1 for voter in approvers if any(s.key == key for s in member_of[voter]))
            for key in keys
        }
    # Each sign-off offers min_approvals seats; match approvers to seats.
    seats = [
        (signoff.key, index)
        for signoff in requirement.signoffs
        for index in range(signoff.min_approvals)
    ]
    seat_holder: dict[tuple[str, int], str] = {}

    def place(voter: str, visited: set[tuple[str, int]]) -> bool:
        for seat in seats:
            if seat in visited or not any(s.key == seat[0] for s in member_of[voter]):
                continue
            visited.add(seat)
            holder = seat_holder.get(seat)
            if holder is None or place(holder, visited):
                seat_holder[seat] = voter
                return True
        return False

    for voter in approvers:
        place(voter, set())
    counts = dict.fromkeys(keys, 0)
    for key, _index in seat_holder:
        counts[key] += 1
    return counts


CRISIS_SIGNOFF = "crisis-leads"


def with_crisis_leads(requirement: ApprovalRequirement, policy: Policy) -> ApprovalRequirement:
    """The requirement with the crisis leads' sign-off added, for drafts made during a crisis."""
    leads = policy.crisis_response.leads
    if not leads or any(s.key == CRISIS_SIGNOFF for s in requirement.signoffs):
        return requirement
    crisis_leads = SignOff(
        key=CRISIS_SIGNOFF,
        name="Crisis leads",
        members=tuple(leads),
        min_approvals=policy.crisis_response.lead_approvals,
    )
    return ApprovalRequirement(
        signoffs=(*requirement.signoffs, crisis_leads),
        one_person_may_sign_for_several_groups=requirement.one_person_may_sign_for_several_groups,
    )
