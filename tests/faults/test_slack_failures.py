"""Slack failing under the bot: rate limits, server errors and timeouts on cards and updates.

Retries happen after the acknowledgement, with slack_sdk's retry handlers; a card that still
could not be posted is posted by the sweep; nothing is lost and no card appears twice.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from bot.sweep import RECOVERY_AFTER, run_sweep
from tests.conftest import RunningBot
from tests.faults.conftest import (
    FLU_CLINIC,
    MovableClock,
    audit_actions,
    card_attempts,
    cards_in_channel,
    metric,
    stored_cards,
)
from tests.scenario.helpers import card_text, draft_status, wait_until

SLACK_ACK_LIMIT = 3.0  # seconds Slack waits for an answer before showing the user an error


def submit(bot: RunningBot, text: str = FLU_CLINIC) -> float:
    """Send /draft; returns how long the acknowledgement took (seconds)."""
    started = time.monotonic()
    answer = bot.send.draft("U0AUTHOR", text)
    took = time.monotonic() - started
    assert answer.status == 200
    assert "Checking your draft" in answer.body
    return took


def wait_for_cards(bot: RunningBot, count: int = 1, *, recorded: bool = True) -> None:
    """Wait for the cards in the channel and (unless told not to) for the service to have
    recorded where they are."""
    wait_until(lambda: len(cards_in_channel(bot)) >= count, what=f"{count} card(s) in the channel")
    if not recorded:
        return
    wait_until(
        lambda: sum(1 for _, ts in stored_cards(bot) if ts) >= count,
        what=f"{count} card(s) recorded",
    )


def sweep_after_recovery_time(bot: RunningBot, clock: MovableClock) -> None:
    """Run the sweep once RECOVERY_AFTER has passed since anything was last written."""
    clock.now = max(clock.now, datetime.now(UTC)) + RECOVERY_AFTER + timedelta(seconds=1)
    run_sweep(bot.services, "fault-test-worker")


def test_rate_limited_card_waits_for_retry_after_then_posts_once(fault_bot: RunningBot) -> None:
    retries_before = metric(
        fault_bot,
        "clearpost_slack_api_retries_total",
        method="chat.postMessage",
        reason="ratelimited",
    )
    fault_bot.slack.fail_next("chat.postMessage", status=429, retry_after=1)

    assert submit(fault_bot) < SLACK_ACK_LIMIT
    wait_for_cards(fault_bot)

    attempts = card_attempts(fault_bot)
    assert len(attempts) == 2
    assert attempts[1] - attempts[0] >= 0.9  # Retry-After: 1 was honoured
    assert len(cards_in_channel(fault_bot)) == 1
    assert stored_cards(fault_bot) == [(1, cards_in_channel(fault_bot)[0].ts)]
    retries_after = metric(
        fault_bot,
        "clearpost_slack_api_retries_total",
        method="chat.postMessage",
        reason="ratelimited",
    )
    assert retries_after == retries_before + 1


def test_server_errors_are_retried_with_backoff(fault_bot: RunningBot) -> None:
    fault_bot.slack.fail_next("chat.postMessage", status=500, times=2)
    submit(fault_bot)
    wait_for_cards(fault_bot)
    time.sleep(0.3)  # a doubled post would arrive now
    assert len(card_attempts(fault_bot)) == 3
    assert len(cards_in_channel(fault_bot)) == 1
    assert audit_actions(fault_bot).count("card.posted") == 1


def test_acknowledgement_does_not_wait_for_a_hanging_slack(fault_bot: RunningBot) -> None:
    # Slack hangs for 5 seconds on the card and then fails: the author still hears back at once.
    fault_bot.slack.fail_next("chat.postMessage", status=500, delay=5)
    assert submit(fault_bot) < SLACK_ACK_LIMIT
    assert cards_in_channel(fault_bot) == []
    wait_for_cards(fault_bot)
    assert len(cards_in_channel(fault_bot)) == 1


def test_card_slack_would_not_take_is_posted_by_the_sweep(
    fault_bot: RunningBot, clock: MovableClock
) -> None:
    # More 429s than the retry handler allows (3 retries): the live attempt gives up.
    fault_bot.slack.fail_next("chat.postMessage", status=429, retry_after=1, times=4)
    submit(fault_bot)
    wait_until(lambda: len(card_attempts(fault_bot)) == 4, what="the four refused attempts")
    wait_until(
        lambda: fault_bot.services.store and _claim_released(fault_bot), what="the claim released"
    )
    assert cards_in_channel(fault_bot) == []
    assert draft_status(fault_bot) == "pending"  # checked and stored, only the card is missing

    run_sweep(fault_bot.services, "too-early")  # before RECOVERY_AFTER the live request may run
    assert cards_in_channel(fault_bot) == []
    sweep_after_recovery_time(fault_bot, clock)
    assert len(cards_in_channel(fault_bot)) == 1
    sweep_after_recovery_time(fault_bot, clock)
    assert len(cards_in_channel(fault_bot)) == 1
    assert stored_cards(fault_bot) == [(1, cards_in_channel(fault_bot)[0].ts)]
    assert audit_actions(fault_bot).count("card.posted") == 1


def test_timed_out_card_that_slack_did_post_is_not_posted_again(
    fault_bot: RunningBot, clock: MovableClock
) -> None:
    # Slack posts the card but answers after the client has given up: the post's outcome is
    # unknown to the bot. The sweep must find the card in the channel, not post a second one.
    fault_bot.services.client.timeout = 1
    fault_bot.slack.answer_late("chat.postMessage", delay=2)
    submit(fault_bot)
    wait_for_cards(fault_bot, recorded=False)
    wait_until(lambda: _claim_released(fault_bot), what="the timed-out attempt to give up")
    assert stored_cards(fault_bot) == [(1, None)]

    sweep_after_recovery_time(fault_bot, clock)
    assert len(card_attempts(fault_bot)) == 1
    assert len(cards_in_channel(fault_bot)) == 1
    assert stored_cards(fault_bot) == [(1, cards_in_channel(fault_bot)[0].ts)]
    assert audit_actions(fault_bot).count("card.posted") == 1
    # The adopted card is the live one: a vote on it decides the draft.
    fault_bot.send.react("U0APPROVER1", "white_check_mark", cards_in_channel(fault_bot)[0].ts)
    wait_until(lambda: draft_status(fault_bot) == "approved", what="approval on the adopted card")


def test_timed_out_card_that_slack_never_posted_is_posted_by_the_sweep(
    fault_bot: RunningBot, clock: MovableClock
) -> None:
    fault_bot.services.client.timeout = 1
    fault_bot.slack.fail_next("chat.postMessage", status=500, delay=2)
    submit(fault_bot)
    wait_until(lambda: card_attempts(fault_bot), what="the attempt")
    wait_until(lambda: _claim_released(fault_bot), what="the timed-out attempt to give up")
    assert cards_in_channel(fault_bot) == []

    sweep_after_recovery_time(fault_bot, clock)
    assert len(cards_in_channel(fault_bot)) == 1
    assert stored_cards(fault_bot) == [(1, cards_in_channel(fault_bot)[0].ts)]


def test_card_update_after_a_vote_is_retried(fault_bot: RunningBot) -> None:
    submit(fault_bot)
    wait_for_cards(fault_bot)
    ts = cards_in_channel(fault_bot)[0].ts
    fault_bot.slack.fail_next("chat.update", status=429, retry_after=1)
    fault_bot.slack.fail_next("chat.update", status=503)

    assert fault_bot.send.react("U0APPROVER1", "white_check_mark", ts).status == 200
    wait_until(lambda: draft_status(fault_bot) == "approved", what="the approval")
    wait_until(
        lambda: "Approved" in cards_in_channel(fault_bot)[0].blocks.__repr__(),
        what="the card to show the approval",
    )
    updates = fault_bot.slack.calls_to("chat.update")
    assert len(updates) >= 3  # 429, 503, then the update that landed
    assert "Approved" in card_text(updates[-1])
    assert len(cards_in_channel(fault_bot)) == 1


def _claim_released(bot: RunningBot) -> bool:
    from bot.models import Draft

    with bot.store.transaction() as session:
        draft = session.get(Draft, 1)
        return draft is not None and draft.card_claimed_until is None
