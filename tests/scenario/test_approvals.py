"""Approvals the way hospitals run them: quorum, groups, sign-offs, revisions, modals, history."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bot.cards import REJECT_ACTION, REQUEST_CHANGES_ACTION, REVISE_ACTION
from bot.local_slack import LocalSlack
from bot.models import Decision, DraftVersion, VoteOutcome
from bot.views import (
    REASON_BLOCK,
    REASON_INPUT,
    REVISE_CALLBACK,
    TEXT_BLOCK,
    TEXT_INPUT,
    VOTE_REASON_CALLBACK,
)
from policy import Policy, parse_policy
from policy.privacy import PrivacyEngine
from tests.conftest import RunningBot, make_settings, start_bot
from tests.scenario.helpers import (
    card_text,
    draft_status,
    last_view_published,
    open_home,
    submit_view,
    votes,
    wait_for_card,
    wait_until,
)
from tests.slack_requests import APPROVAL_CHANNEL

CAREERS = "linkedin-careers We are hiring night-shift nurses for our new cardiac unit."

TEAM_POLICY = """
organisation:
  name: St Mary's Health
accounts:
  - id: x-main
    platform: x
    handle: "@StMarysHealth"
    owners: [U0AUTHOR]
    approvers: [S0LEADS]
    min_approvals: 2
approvals:
  groups:
    privacy-office:
      name: Privacy office
      members: [U0PRIVACY, U0LEAD1]
  escalations:
    privacy: privacy-office
"""


@pytest.fixture
def team_bot(database_url: str, privacy_engine: PrivacyEngine) -> Iterator[RunningBot]:
    """A bot whose x-main approvers are the user group S0LEADS (three people), quorum 2."""
    with LocalSlack(user_groups={"S0LEADS": ["U0LEAD1", "U0LEAD2", "U0LEAD3"]}) as slack:
        bot = start_bot(
            make_settings(database_url, slack), slack, privacy_engine, parse_policy(TEAM_POLICY)
        )
        yield bot
        bot.stop()


def _latest_card(bot: RunningBot) -> str:
    return card_text(bot.slack.wait_for("chat.update")[-1])


def test_quorum_of_two_needs_two_approvers(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", CAREERS)
    ts, card = wait_for_card(running_bot)
    assert "0/2" in card_text(card)

    running_bot.send.react("U0APPROVER2", "white_check_mark", ts)
    wait_until(lambda: "1/2" in _latest_card(running_bot), what="progress 1/2 on the card")
    assert draft_status(running_bot) == "pending"

    running_bot.send.react("U0DIRECTOR", "white_check_mark", ts)
    wait_until(lambda: draft_status(running_bot) == "approved", what="approval at quorum")


def test_user_group_approvers_are_resolved(team_bot: RunningBot) -> None:
    team_bot.send.draft("U0AUTHOR", "x-main Flu shots are free this week at all our clinics.")
    ts, _ = wait_for_card(team_bot)
    # Events are handled concurrently: wait for the outsider's attempt before the deciding votes.
    team_bot.send.react("U0OUTSIDER", "white_check_mark", ts)
    wait_until(lambda: votes(team_bot), what="the outsider's attempt")
    team_bot.send.react("U0LEAD1", "white_check_mark", ts)
    team_bot.send.react("U0LEAD3", "white_check_mark", ts)
    wait_until(lambda: draft_status(team_bot) == "approved", what="two group members approving")
    wait_until(lambda: len(votes(team_bot)) == 3, what="all three attempts to be stored")
    outcomes = {voter: outcome for voter, _, outcome in votes(team_bot)}
    assert outcomes["U0OUTSIDER"] == VoteOutcome.IGNORED_NOT_APPROVER
    assert outcomes["U0LEAD1"] == outcomes["U0LEAD3"] == VoteOutcome.COUNTED
    assert len(team_bot.slack.calls_to("usergroups.users.list")) >= 1


def test_workspace_without_user_groups_warns_and_keeps_working(
    database_url: str, privacy_engine: PrivacyEngine, default_policy: Policy
) -> None:
    with LocalSlack(user_groups_available=False) as slack:
        bot = start_bot(make_settings(database_url, slack), slack, privacy_engine, default_policy)
        try:
            warning = bot.services.directory.check_user_groups_available()
            assert warning is not None and "plan_upgrade_required" in warning
            # Owners listed by user ID still work; the group S0COMMS now matches nobody.
            bot.send.draft("U0AUTHOR", "x-main Our flu clinic opens Saturday at 9am.")
            wait_for_card(bot)
            bot.send.draft("U0COMMS1", "x-main Our flu clinic opens Saturday at 9am.")
            refusal = slack.wait_for(
                "response_url", where=lambda c: "not one of the people" in c.body.get("text", "")
            )
            assert refusal
        finally:
            bot.stop()


def test_privacy_finding_adds_privacy_office_and_one_person_cannot_sign_twice(
    team_bot: RunningBot,
) -> None:
    team_bot.send.draft("U0AUTHOR", "x-main Get well soon to our patient John Carter in room 12!")
    _, card = wait_for_card(team_bot)
    shown = card_text(card)
    assert "Privacy office 0/1" in shown and "0/2" in shown
    with team_bot.store.transaction() as session:
        version = session.scalars(select(DraftVersion)).one()
        assert [s["key"] for s in version.requirement["signoffs"]] == ["account", "privacy-office"]


def test_removing_a_reaction_withdraws_the_vote(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", CAREERS)
    ts, _ = wait_for_card(running_bot)
    running_bot.send.react("U0APPROVER2", "white_check_mark", ts)
    wait_until(lambda: "1/2" in _latest_card(running_bot), what="first approval")
    running_bot.send.react("U0APPROVER2", "white_check_mark", ts, removed=True)
    wait_until(lambda: "0/2" in _latest_card(running_bot), what="withdrawal shown on the card")
    running_bot.send.react("U0DIRECTOR", "white_check_mark", ts)
    time.sleep(0.3)
    assert draft_status(running_bot) == "pending"  # one standing approval of two


def test_votes_after_the_decision_are_late(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", "x-main Free flu shots Saturday!")
    ts, _ = wait_for_card(running_bot)
    running_bot.send.react("U0APPROVER1", "white_check_mark", ts)
    wait_until(lambda: draft_status(running_bot) == "approved", what="approval")
    running_bot.send.react("U0APPROVER2", "x", ts)
    wait_until(lambda: len(votes(running_bot)) == 2, what="the late vote")
    assert votes(running_bot)[-1] == ("U0APPROVER2", "reject", VoteOutcome.LATE)
    running_bot.send.react("U0APPROVER1", "white_check_mark", ts, removed=True)
    time.sleep(0.3)
    assert draft_status(running_bot) == "approved"
    with running_bot.store.transaction() as session:
        assert len(session.scalars(select(Decision)).all()) == 1


def test_reject_button_asks_for_a_reason_that_reaches_the_author(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", "x-main Free flu shots Saturday!")
    ts, _ = wait_for_card(running_bot)
    running_bot.send.click("U0APPROVER1", REJECT_ACTION, "1:1", ts=ts)
    modal = running_bot.slack.wait_for("views.open")[0]
    view = modal.body["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert view["callback_id"] == VOTE_REASON_CALLBACK
    assert draft_status(running_bot) == "pending"  # opening the modal is not a vote

    answer = submit_view(
        running_bot,
        "U0APPROVER1",
        VOTE_REASON_CALLBACK,
        view["private_metadata"],
        {
            REASON_BLOCK: {
                REASON_INPUT: "Wrong date: the clinic is on Sunday, and the photo shows our "
                "patient Maria Lopez."
            }
        },
    )
    assert answer.status == 200
    wait_until(lambda: draft_status(running_bot) == "rejected", what="rejection with reason")
    dm = running_bot.slack.wait_for(
        "chat.postMessage", where=lambda c: c.body.get("channel") == "U0AUTHOR"
    )[0]
    assert "was rejected" in dm.body["text"] and "clinic is on Sunday" in dm.body["text"]
    thread = running_bot.slack.wait_for(
        "chat.postMessage", where=lambda c: c.body.get("thread_ts") == ts
    )[0]
    assert "clinic is on Sunday" in thread.body["text"]
    assert "Maria Lopez" not in thread.body["text"]  # reasons are redacted like drafts


def test_empty_reason_is_refused_inside_the_modal(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", "x-main Free flu shots Saturday!")
    wait_for_card(running_bot)
    answer = submit_view(
        running_bot,
        "U0APPROVER1",
        VOTE_REASON_CALLBACK,
        "1:1:reject",
        {REASON_BLOCK: {REASON_INPUT: "  "}},
    )
    assert answer.json()["response_action"] == "errors"
    assert draft_status(running_bot) == "pending"


def test_non_approver_reject_click_opens_no_modal(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", "x-main Free flu shots Saturday!")
    ts, _ = wait_for_card(running_bot)
    running_bot.send.click("U0BYSTANDER", REQUEST_CHANGES_ACTION, "1:1", ts=ts)
    note = running_bot.slack.wait_for("chat.postEphemeral")[0]
    assert note.body["user"] == "U0BYSTANDER"
    assert running_bot.slack.calls_to("views.open") == []
    assert votes(running_bot) == [
        ("U0BYSTANDER", "request_changes", VoteOutcome.IGNORED_NOT_APPROVER)
    ]


def test_revision_voids_earlier_approvals_and_shows_the_change(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", CAREERS)
    ts, _ = wait_for_card(running_bot)
    running_bot.send.react("U0APPROVER2", "white_check_mark", ts)
    wait_until(lambda: "1/2" in _latest_card(running_bot), what="first approval")

    running_bot.send.draft(
        "U0AUTHOR", "revise 1 We are hiring day-shift nurses for our new cardiac unit."
    )
    wait_until(lambda: "version 2" in _latest_card(running_bot), what="card for version 2")
    shown = _latest_card(running_bot)
    assert "~night-shift~" in shown and "*day-shift*" in shown
    assert "0/2" in shown
    thread = running_bot.slack.wait_for(
        "chat.postMessage", where=lambda c: c.body.get("thread_ts") == ts
    )
    assert "version 2" in thread[0].body["text"]

    running_bot.send.react("U0DIRECTOR", "white_check_mark", ts)
    time.sleep(0.3)
    assert draft_status(running_bot) == "pending"  # the old approval does not carry over
    running_bot.send.react("U0APPROVER2", "white_check_mark", ts, event_id="Ev0REAPPROVE")
    wait_until(lambda: draft_status(running_bot) == "approved", what="approval of version 2")
    with running_bot.store.transaction() as session:
        decision = session.scalars(select(Decision)).one()
        v2 = session.scalars(select(DraftVersion).where(DraftVersion.number == 2)).one()
        assert (decision.version, decision.text_hash) == (2, v2.text_hash)


def test_revision_rules_only_author_and_only_open_drafts(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", "x-main Free flu shots Saturday!")
    ts, _ = wait_for_card(running_bot)
    running_bot.send.draft("U0AUTHOR2", "revise 1 Someone else's words")
    refusal = running_bot.slack.wait_for(
        "response_url", where=lambda c: "Only the author" in c.body.get("text", "")
    )
    assert "Someone else's words" in refusal[0].body["text"]  # their text comes back to them
    running_bot.send.react("U0APPROVER1", "white_check_mark", ts)
    wait_until(lambda: draft_status(running_bot) == "approved", what="approval")
    running_bot.send.draft("U0AUTHOR", "revise 1 Free flu shots Sunday!")
    running_bot.slack.wait_for(
        "response_url", where=lambda c: "can no longer be revised" in c.body.get("text", "")
    )


def test_revise_from_the_card_through_the_modal(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", "x-main Free flu shots Saturday!")
    ts, _ = wait_for_card(running_bot)
    running_bot.send.click("U0APPROVER1", REVISE_ACTION, "1", ts=ts)
    running_bot.slack.wait_for(
        "chat.postEphemeral", where=lambda c: "Only the author" in c.body["text"]
    )
    running_bot.send.click("U0AUTHOR", REVISE_ACTION, "1", ts=ts)
    modal = running_bot.slack.wait_for("views.open")[0]
    view = modal.body["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert view["callback_id"] == REVISE_CALLBACK
    submit_view(
        running_bot,
        "U0AUTHOR",
        REVISE_CALLBACK,
        "1",
        {TEXT_BLOCK: {TEXT_INPUT: "Free flu shots Sunday!"}},
    )
    wait_until(lambda: "version 2" in _latest_card(running_bot), what="revised card")


def test_history_shows_the_timeline_to_approvers_only(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", "x-main Free flu shots Saturday!")
    ts, _ = wait_for_card(running_bot)
    running_bot.send.react("U0BYSTANDER", "white_check_mark", ts)
    # Events are handled off the request thread: let the refused vote land before the decision,
    # which would otherwise close the draft to it.
    wait_until(lambda: votes(running_bot), what="the refused vote to be stored")
    running_bot.send.react("U0APPROVER1", "white_check_mark", ts)
    wait_until(lambda: draft_status(running_bot) == "approved", what="approval")

    running_bot.send.slash("U0APPROVER2", "/clearpost", "history 1")
    history = running_bot.slack.wait_for(
        "response_url", where=lambda c: "History of draft #1" in c.body.get("text", "")
    )[0].body["text"]
    for expected in (
        "submitted version 1",
        "<@U0BYSTANDER> tried to vote",
        "decision on version 1: approved",
    ):
        assert expected in history

    running_bot.send.slash("U0BYSTANDER", "/clearpost", "history 1")
    running_bot.slack.wait_for(
        "response_url",
        where=lambda c: "Only the author and the approvers" in c.body.get("text", ""),
    )


def test_app_home_shows_waiting_drafts_and_own_drafts(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", "x-main Free flu shots Saturday!")
    wait_for_card(running_bot)
    open_home(running_bot, "U0APPROVER1")
    home = last_view_published(running_bot, "U0APPROVER1")
    assert "Waiting for you" in home and "Draft #1" in home and "clearpost_approve" in home
    open_home(running_bot, "U0AUTHOR")
    home = last_view_published(running_bot, "U0AUTHOR")
    assert "Your drafts" in home and "pending" in home
    assert "Nothing is waiting for your approval" in home

    running_bot.send.react("U0APPROVER1", "white_check_mark", wait_for_card(running_bot)[0])
    wait_until(lambda: draft_status(running_bot) == "approved", what="approval")
    open_home(running_bot, "U0APPROVER2")
    assert "Nothing is waiting" in last_view_published(running_bot, "U0APPROVER2")


def test_cards_show_user_text_literally(running_bot: RunningBot) -> None:
    running_bot.send.draft(
        "U0AUTHOR", "x-main <!channel> big news <@U0CEO> <https://evil.example|click>"
    )
    _, card = wait_for_card(running_bot)
    shown = card_text(card)
    assert "<!channel>" not in shown and "<@U0CEO>" not in shown and "<https://evil" not in shown
    assert "&lt;!channel&gt;" in shown
    assert card.body["channel"] == APPROVAL_CHANNEL


@pytest.mark.parametrize(
    "text, office, officer",
    [
        (
            "x-main Shared with permission: our patient Maria Santos is home after 40 days!",
            "Privacy office",
            "U0PRIVACY",
        ),
        ("x-main Win a free spa day! Enter our giveaway by tagging a friend.", "Legal", "U0LEGAL"),
    ],
)
def test_findings_needing_review_add_their_office(
    running_bot: RunningBot, text: str, office: str, officer: str
) -> None:
    running_bot.send.draft("U0AUTHOR", text)
    ts, card = wait_for_card(running_bot)
    assert "Needs review" in card_text(card) and f"{office} 0/1" in card_text(card)
    assert "Maria Santos" not in card_text(card)
    running_bot.send.react("U0APPROVER1", "white_check_mark", ts)
    wait_until(lambda: "1/1 ✓" in _latest_card(running_bot), what="account sign-off")
    assert draft_status(running_bot) == "pending"  # the office has not signed off yet
    running_bot.send.react(officer, "white_check_mark", ts)
    wait_until(lambda: draft_status(running_bot) == "approved", what="both sign-offs")
