"""Routing and tallying as pure functions: sign-offs, quorum, the author, shared signers."""

from __future__ import annotations

import pytest

from policy import Category, Finding, Severity, parse_policy
from policy.routing import Choice, Outcome, route_draft, tally

POLICY = parse_policy(
    """
accounts:
  - id: x-main
    platform: x
    handle: "@Hospital"
    owners: [U0AUTHOR]
    approvers: [U0A, U0B, U0BOTH]
    min_approvals: 2
approvals:
  groups:
    privacy-office: {name: Privacy office, members: [U0P, U0BOTH]}
    legal: {name: Legal, members: [U0L]}
  escalations: {privacy: privacy-office, disclosure: legal}
"""
)
ACCOUNT = POLICY.accounts[0]


def finding(category: Category, severity: Severity = Severity.REVIEW) -> Finding:
    return Finding("x.rule", category, severity, "message", "clause")


def resolve(member: str) -> frozenset[str]:
    return frozenset({member})


@pytest.mark.parametrize(
    "findings, expected",
    [
        ([], ["account"]),
        ([finding(Category.PRIVACY)], ["account", "privacy-office"]),
        ([finding(Category.PRIVACY), finding(Category.PRIVACY)], ["account", "privacy-office"]),
        (
            [finding(Category.DISCLOSURE), finding(Category.PRIVACY)],
            ["account", "legal", "privacy-office"],
        ),
        ([finding(Category.PRIVACY, Severity.INFO)], ["account"]),
        ([finding(Category.CLAIMS)], ["account"]),  # no escalation configured for claims
    ],
)
def test_findings_add_the_configured_signoffs(findings: list[Finding], expected: list[str]) -> None:
    requirement = route_draft(ACCOUNT, findings, POLICY)
    assert [s.key for s in requirement.signoffs] == expected


def test_every_signoff_needs_its_own_quorum() -> None:
    requirement = route_draft(ACCOUNT, [finding(Category.PRIVACY)], POLICY)
    half = tally(requirement, {"U0A": Choice.APPROVE, "U0B": Choice.APPROVE}, "U0AUTHOR", resolve)
    assert half.outcome is None
    assert [(p.signoff.key, p.approvals, p.met) for p in half.progress] == [
        ("account", 2, True),
        ("privacy-office", 0, False),
    ]
    full = tally(
        requirement,
        {"U0A": Choice.APPROVE, "U0B": Choice.APPROVE, "U0P": Choice.APPROVE},
        "U0AUTHOR",
        resolve,
    )
    assert full.outcome is Outcome.APPROVED


def test_one_person_cannot_fill_two_signoffs_by_default() -> None:
    requirement = route_draft(ACCOUNT, [finding(Category.PRIVACY)], POLICY)
    votes = {"U0A": Choice.APPROVE, "U0BOTH": Choice.APPROVE}
    result = tally(requirement, votes, "U0AUTHOR", resolve)
    assert result.outcome is None  # U0BOTH counts once: account 2/2 or privacy 1/1, not both
    votes["U0P"] = Choice.APPROVE
    # Now U0BOTH is best placed on the account, U0P on privacy: the matching finds it.
    assert tally(requirement, votes, "U0AUTHOR", resolve).outcome is Outcome.APPROVED


def test_policy_may_let_one_person_sign_for_several_groups() -> None:
    shared = POLICY.model_copy(
        update={
            "approvals": POLICY.approvals.model_copy(
                update={"one_person_may_sign_for_several_groups": True}
            )
        }
    )
    requirement = route_draft(ACCOUNT, [finding(Category.PRIVACY)], shared)
    votes = {"U0A": Choice.APPROVE, "U0BOTH": Choice.APPROVE}
    assert tally(requirement, votes, "U0AUTHOR", resolve).outcome is Outcome.APPROVED


def test_author_and_outsiders_never_count() -> None:
    requirement = route_draft(ACCOUNT, [], POLICY)
    votes = {"U0A": Choice.APPROVE, "U0STRANGER": Choice.APPROVE}
    assert tally(requirement, votes, "U0AUTHOR", resolve).outcome is None
    assert (
        tally(requirement, {"U0A": Choice.APPROVE, "U0B": Choice.APPROVE}, "U0B", resolve).outcome
        is None
    )
    assert tally(requirement, {"U0STRANGER": Choice.REJECT}, "U0AUTHOR", resolve).outcome is None


@pytest.mark.parametrize(
    "choice, outcome",
    [(Choice.REJECT, Outcome.REJECTED), (Choice.REQUEST_CHANGES, Outcome.CHANGES_REQUESTED)],
)
def test_one_eligible_objection_decides(choice: Choice, outcome: Outcome) -> None:
    requirement = route_draft(ACCOUNT, [], POLICY)
    votes = {"U0A": Choice.APPROVE, "U0B": choice}
    assert tally(requirement, votes, "U0AUTHOR", resolve).outcome is outcome


def test_group_members_are_resolved() -> None:
    requirement = route_draft(ACCOUNT, [], POLICY)
    groups = {"U0A": frozenset({"U0X", "U0Y"})}
    result = tally(
        requirement,
        {"U0X": Choice.APPROVE, "U0Y": Choice.APPROVE},
        "U0AUTHOR",
        lambda member: groups.get(member, frozenset({member})),
    )
    assert result.outcome is Outcome.APPROVED
