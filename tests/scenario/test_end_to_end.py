"""The whole path over real HTTP: /draft -> checks -> approval card -> reaction -> decision."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from bot.cards import APPROVE_ACTION
from bot.models import AuditEntry, Decision, DraftVersion, VoteOutcome
from policy import parse_policy
from tests.conftest import RunningBot, bot_running, make_settings, start_bot
from tests.scenario.helpers import (
    card_posts,
    card_text,
    draft_count,
    draft_status,
    votes,
    wait_for_card,
    wait_until,
)
from tests.slack_requests import APPROVAL_CHANNEL

FLU_CLINIC = "x-main Join us Saturday for our free flu clinic!"
PHI_POST = "x-main Happy 101st birthday to our patient Margaret Ellison in room 412!"


def _wait_decided(bot: RunningBot, status: str) -> None:
    wait_until(lambda: draft_status(bot) == status, what=f"draft to be {status}")


def test_submission_is_acknowledged_and_posts_a_card(running_bot: RunningBot) -> None:
    started = time.monotonic()
    answer = running_bot.send.draft("U0AUTHOR", FLU_CLINIC)
    assert answer.status == 200
    assert time.monotonic() - started < 3.0
    assert "Checking your draft" in answer.body

    ts, card = wait_for_card(running_bot)
    shown = card_text(card)
    assert "Main X account" in shown
    assert "<@U0AUTHOR>" in shown
    assert "Passed the checks" in shown
    assert "Join us Saturday for our free flu clinic!" in shown
    assert "<@U0APPROVER1>" in shown and "<@U0APPROVER2>" in shown
    assert draft_status(running_bot) == "pending"

    reply = running_bot.slack.wait_for(
        "response_url", where=lambda c: "Draft #1" in c.body.get("text", "")
    )
    assert reply[0].body["response_type"] == "ephemeral"
    assert ts


def test_approval_reaction_approves_updates_card_and_tells_author(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", FLU_CLINIC)
    ts, _ = wait_for_card(running_bot)

    assert running_bot.send.react("U0APPROVER1", "white_check_mark", ts).status == 200
    _wait_decided(running_bot, "approved")

    update = running_bot.slack.wait_for("chat.update")[-1]
    assert update.body["ts"] == ts
    assert "Approved" in card_text(update) and "<@U0APPROVER1>" in card_text(update)
    dm = running_bot.slack.wait_for(
        "chat.postMessage", where=lambda c: c.body.get("channel") == "U0AUTHOR"
    )
    assert "was approved" in dm[0].body["text"]
    with running_bot.store.transaction() as session:
        decision = session.scalars(select(Decision)).one()
        version = session.scalars(select(DraftVersion)).one()
        assert (decision.outcome, decision.decided_by) == ("approved", "U0APPROVER1")
        assert decision.text_hash == version.text_hash


def test_reject_reaction_rejects(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", FLU_CLINIC)
    ts, _ = wait_for_card(running_bot)
    running_bot.send.react("U0APPROVER2", "x", ts)
    _wait_decided(running_bot, "rejected")
    update = running_bot.slack.wait_for("chat.update")[-1]
    assert "Rejected" in card_text(update)
    dm = running_bot.slack.wait_for(
        "chat.postMessage", where=lambda c: c.body.get("channel") == "U0AUTHOR"
    )
    assert "was rejected" in dm[0].body["text"]


def test_buttons_vote_like_reactions(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", FLU_CLINIC)
    wait_for_card(running_bot)
    assert running_bot.send.click("U0APPROVER1", APPROVE_ACTION, "1:1").status == 200
    _wait_decided(running_bot, "approved")
    assert votes(running_bot) == [("U0APPROVER1", "approve", VoteOutcome.COUNTED)]


def test_non_approver_reaction_changes_nothing_and_is_recorded(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", FLU_CLINIC)
    ts, _ = wait_for_card(running_bot)
    running_bot.send.react("U0BYSTANDER", "white_check_mark", ts)
    wait_until(lambda: votes(running_bot), what="the ignored attempt to be stored")
    assert votes(running_bot) == [("U0BYSTANDER", "approve", VoteOutcome.IGNORED_NOT_APPROVER)]
    assert draft_status(running_bot) == "pending"
    note = running_bot.slack.wait_for("chat.postEphemeral")[0]
    assert note.body["user"] == "U0BYSTANDER" and "not an approver" in note.body["text"]


def test_author_cannot_approve_own_draft(
    database_url: str, local_slack, privacy_engine, default_policy
) -> None:
    policy = parse_policy(
        """
accounts:
  - id: x-main
    platform: x
    handle: "@StMarysHealth"
    owners: [U0APPROVER1]
    approvers: [U0APPROVER1, U0APPROVER2]
"""
    )
    with bot_running(
        make_settings(database_url, local_slack), local_slack, privacy_engine, policy
    ) as bot:
        bot.send.draft("U0APPROVER1", FLU_CLINIC)
        ts, _ = wait_for_card(bot)
        bot.send.react("U0APPROVER1", "white_check_mark", ts)
        wait_until(lambda: votes(bot), what="the self-vote to be stored")
        assert votes(bot) == [("U0APPROVER1", "approve", VoteOutcome.IGNORED_AUTHOR)]
        assert draft_status(bot) == "pending"
        bot.send.react("U0APPROVER2", "white_check_mark", ts)
        wait_until(lambda: draft_status(bot) == "approved", what="approval by the other approver")


def test_same_event_delivered_twice_counts_once(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", FLU_CLINIC)
    ts, _ = wait_for_card(running_bot)
    # Slack retries with the same event id when it thinks the first delivery failed.
    running_bot.send.react("U0BYSTANDER", "white_check_mark", ts, event_id="Ev0DUPLICATE")
    running_bot.send.react("U0BYSTANDER", "white_check_mark", ts, event_id="Ev0DUPLICATE")
    running_bot.send.react("U0BYSTANDER", "x", ts, event_id="Ev0OTHER")
    wait_until(lambda: len(votes(running_bot)) >= 2, what="both distinct events")
    time.sleep(0.3)
    # Distinct events are handled concurrently, so the two votes may be stored in either order.
    assert sorted(v[1] for v in votes(running_bot)) == ["approve", "reject"]


def test_skin_tone_reactions_are_normalised(
    database_url: str, local_slack, privacy_engine, default_policy
) -> None:
    policy = parse_policy(
        """
accounts:
  - id: x-main
    platform: x
    handle: "@StMarysHealth"
    owners: [U0AUTHOR]
    approvers: [U0APPROVER1]
approvals:
  reactions:
    approve: ["+1", white_check_mark]
"""
    )
    with bot_running(
        make_settings(database_url, local_slack), local_slack, privacy_engine, policy
    ) as bot:
        bot.send.draft("U0AUTHOR", FLU_CLINIC)
        ts, _ = wait_for_card(bot)
        bot.send.react("U0APPROVER1", "+1::skin-tone-3", ts)
        wait_until(lambda: draft_status(bot) == "approved", what="skin-toned approval")


def test_reactions_on_other_messages_are_ignored(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", FLU_CLINIC)
    wait_for_card(running_bot)
    running_bot.send.react("U0APPROVER1", "white_check_mark", "1700000000.000100")
    running_bot.send.react("U0APPROVER1", "tada", "1700000000.000100")
    time.sleep(0.5)
    assert votes(running_bot) == []
    assert draft_status(running_bot) == "pending"


@pytest.mark.parametrize("signed, age_seconds", [(False, 0), (True, 6 * 60)])
def test_unsigned_or_stale_requests_are_refused(
    running_bot: RunningBot, signed: bool, age_seconds: int
) -> None:
    answer = running_bot.send.draft(
        "U0AUTHOR", FLU_CLINIC, signed=signed, timestamp=int(time.time()) - age_seconds
    )
    assert answer.status == 401
    time.sleep(0.3)
    assert draft_count(running_bot) == 0
    assert card_posts(running_bot) == []


def test_tampered_body_is_refused(running_bot: RunningBot) -> None:
    stamp = int(time.time())
    signed_for = "command=%2Fdraft&text=hello&user_id=U0AUTHOR"
    from slack_sdk.signature import SignatureVerifier

    signature = SignatureVerifier(running_bot.send.secret).generate_signature(
        timestamp=str(stamp), body=signed_for
    )
    answer = running_bot.send.post(
        signed_for.replace("hello", "other"),
        "application/x-www-form-urlencoded",
        signed=False,
        timestamp=stamp,
        extra_headers={"X-Slack-Signature": signature},
    )
    assert answer.status == 401
    assert draft_count(running_bot) == 0


def test_phi_never_reaches_the_approval_channel(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", PHI_POST)
    _, card = wait_for_card(running_bot)
    shown = card_text(card)
    assert "Margaret" not in shown and "Ellison" not in shown and "412" not in shown
    assert "[PATIENT NAME]" in shown and "[ROOM]" in shown
    assert draft_status(running_bot) == "blocked"
    for call in running_bot.slack.calls:
        if call.body.get("channel") == APPROVAL_CHANNEL:
            assert "Ellison" not in card_text(call)
    with running_bot.store.transaction() as session:
        for entry in session.scalars(select(AuditEntry)):
            assert "Ellison" not in str(entry.detail)


def test_unknown_account_and_non_owner_are_refused_clearly(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", "tiktok-main Hello there")
    refusal = running_bot.slack.wait_for("response_url")[0]
    assert "no account `tiktok-main`" in refusal.body["text"]
    assert "Hello there" in refusal.body["text"]  # the author's text comes back, nothing is lost

    running_bot.send.draft("U0STRANGER", FLU_CLINIC)
    refusal = running_bot.slack.wait_for("response_url", 2)[1]
    assert "not one of the people who may post" in refusal.body["text"]
    assert draft_count(running_bot) == 0


def test_owner_through_a_user_group_may_submit(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0COMMS1", FLU_CLINIC)  # S0COMMS member, listed as an owner by group
    wait_for_card(running_bot)
    assert draft_status(running_bot) == "pending"


@pytest.mark.parametrize("text", ["", "x-main", "x-main    "])
def test_empty_drafts_get_help_not_a_card(running_bot: RunningBot, text: str) -> None:
    answer = running_bot.send.draft("U0AUTHOR", text)
    assert answer.status == 200
    if text:
        refusal = running_bot.slack.wait_for("response_url")[0]
        assert "empty" in refusal.body["text"]
    else:  # no text at all opens the submit modal instead
        running_bot.slack.wait_for("views.open")
    assert draft_count(running_bot) == 0


def test_huge_draft_is_refused_with_its_limit(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", "x-main " + "a" * 40_001)
    refusal = running_bot.slack.wait_for("response_url")[0]
    assert "at most 40,000" in refusal.body["text"]
    assert draft_count(running_bot) == 0


def test_everything_survives_a_restart(
    database_url: str, local_slack, privacy_engine, default_policy
) -> None:
    first = start_bot(
        make_settings(database_url, local_slack), local_slack, privacy_engine, default_policy
    )
    first.send.draft("U0AUTHOR", FLU_CLINIC)
    ts, _ = wait_for_card(first)
    first.send.react("U0APPROVER1", "x", ts, removed=False, event_id="Ev0BEFORE")
    wait_until(lambda: draft_status(first) == "rejected", what="rejection before restart")
    first.stop()

    second = start_bot(
        make_settings(database_url, local_slack), local_slack, privacy_engine, default_policy
    )
    try:
        assert draft_status(second) == "rejected"
        assert votes(second) == [("U0APPROVER1", "reject", VoteOutcome.COUNTED)]
        second.send.react("U0APPROVER1", "x", ts, event_id="Ev0BEFORE")  # redelivered after restart
        second.send.react("U0APPROVER2", "white_check_mark", ts)
        wait_until(lambda: len(votes(second)) == 2, what="the late vote")
        assert votes(second)[-1] == ("U0APPROVER2", "approve", VoteOutcome.LATE)
        assert draft_status(second) == "rejected"
    finally:
        second.stop()
