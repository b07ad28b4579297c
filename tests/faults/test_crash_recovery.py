"""A crash between storing a draft and posting its card: after a restart the sweep finishes it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.local_slack import LocalSlack
from bot.models import AuditEntry
from bot.sweep import RECOVERY_AFTER, run_sweep
from bot.workflow import receive_draft
from policy import Policy
from policy.privacy import PrivacyEngine
from tests.conftest import make_settings, start_bot
from tests.faults.conftest import MovableClock, cards_in_channel, stored_cards
from tests.scenario.helpers import draft_status


def test_sweep_after_restart_posts_the_card_of_a_draft_stored_before_a_crash(
    database_url: str,
    local_slack: LocalSlack,
    privacy_engine: PrivacyEngine,
    default_policy: Policy,
    clock: MovableClock,
) -> None:
    settings = make_settings(database_url, local_slack)
    crashed = start_bot(settings, local_slack, privacy_engine, default_policy, clock)
    draft_id = receive_draft(
        crashed.services,
        author_id="U0AUTHOR",
        account_id="x-main",
        text="Join us Saturday for our free flu clinic!",
        source="slash_command",
        response_url=local_slack.response_url("before-the-crash"),
    )
    # The process dies here: the draft is stored, its checks and card never ran.
    crashed.stop()
    assert cards_in_channel(crashed) == []

    restarted = start_bot(settings, local_slack, privacy_engine, default_policy, clock)
    try:
        assert draft_status(restarted, draft_id) == "received"
        run_sweep(restarted.services, "restarted")  # too soon: the live request might still run
        assert cards_in_channel(restarted) == []

        clock.now = max(clock.now, datetime.now(UTC)) + RECOVERY_AFTER + timedelta(seconds=1)
        run_sweep(restarted.services, "restarted")
        assert draft_status(restarted, draft_id) == "pending"
        assert [card.text for card in cards_in_channel(restarted)] == [
            "Draft #1 for Main X account: pass"
        ]
        assert stored_cards(restarted) == [(draft_id, cards_in_channel(restarted)[0].ts)]
        told = [
            c
            for c in local_slack.calls_to("response_url")
            if c.body["response_path"] == "before-the-crash"
        ]
        assert len(told) == 1 and "Draft #1" in told[0].body["text"]

        run_sweep(restarted.services, "restarted")  # finished work is not done twice
        assert len(cards_in_channel(restarted)) == 1
        with restarted.store.transaction() as session:
            actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
        assert actions.count("draft.checked") == 1 and actions.count("card.posted") == 1
    finally:
        restarted.stop()
