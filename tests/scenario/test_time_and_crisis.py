"""Time-driven work and crisis commands, over HTTP with the fake Slack and a moved clock."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.cards import MARK_PUBLISHED_ACTION
from bot.crisis import CHECKLIST_ACTION, RELEASE_ACTION
from bot.local_slack import LocalSlack
from bot.models import AuditEntry, DraftVersion, DueAction, VoteOutcome
from bot.sweep import run_sweep, start_sweeper
from policy import Policy
from policy.privacy import PrivacyEngine
from tests.conftest import MovableClock, RunningBot, make_settings, start_bot
from tests.scenario.helpers import card_text, draft_status, votes, wait_for_card, wait_until
from tests.slack_requests import APPROVAL_CHANNEL

START = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)  # 10:00 in New York, the policy's zone


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(START)


@pytest.fixture
def timed_bot(clocked_bot: RunningBot) -> RunningBot:
    return clocked_bot


def dms_to(bot: RunningBot, user: str, containing: str = "") -> list[str]:
    return [
        c.body["text"]
        for c in bot.slack.calls_to("chat.postMessage")
        if c.body.get("channel") == user and containing in c.body.get("text", "")
    ]


def latest_card(bot: RunningBot) -> str:
    return card_text(bot.slack.wait_for("chat.update")[-1])


def sweep(bot: RunningBot, worker: str = "test-worker") -> int:
    return run_sweep(bot.services, worker)


def submit_and_wait(bot: RunningBot, text: str, user: str = "U0AUTHOR", count: int = 1) -> str:
    bot.send.draft(user, text)
    ts, _ = wait_for_card(bot, count)
    return ts


# --------------------------------------------------------------------------- reminders


def test_reminder_at_half_the_sla_fires_once(timed_bot: RunningBot, clock: MovableClock) -> None:
    submit_and_wait(timed_bot, "x-main Free flu shots Saturday!")  # x-main SLA: 4 hours
    clock.move(hours=1, minutes=59)
    sweep(timed_bot)
    assert dms_to(timed_bot, "U0APPROVER1", "Reminder") == []
    clock.move(minutes=2)
    sweep(timed_bot)
    sweep(timed_bot)
    assert len(dms_to(timed_bot, "U0APPROVER1", "Reminder")) == 1
    assert len(dms_to(timed_bot, "U0APPROVER2", "Reminder")) == 1
    assert dms_to(timed_bot, "U0AUTHOR", "Reminder") == []


def test_no_reminder_once_decided(timed_bot: RunningBot, clock: MovableClock) -> None:
    ts = submit_and_wait(timed_bot, "x-main Free flu shots Saturday!")
    timed_bot.send.react("U0APPROVER1", "white_check_mark", ts)
    wait_until(lambda: draft_status(timed_bot) == "approved", what="approval")
    clock.move(hours=5)
    sweep(timed_bot)
    assert dms_to(timed_bot, "U0APPROVER2", "Reminder") == []


def test_escalation_at_the_sla_adds_backup_approvers(
    timed_bot: RunningBot, clock: MovableClock
) -> None:
    ts = submit_and_wait(timed_bot, "x-main Free flu shots Saturday!")
    timed_bot.send.react("U0DIRECTOR", "white_check_mark", ts)
    wait_until(lambda: votes(timed_bot), what="the early vote")
    assert votes(timed_bot)[0][2] == VoteOutcome.IGNORED_NOT_APPROVER
    clock.move(hours=4, minutes=1)
    sweep(timed_bot)
    assert len(dms_to(timed_bot, "U0DIRECTOR", "backup approver")) == 1
    assert "U0DIRECTOR" in latest_card(timed_bot)
    timed_bot.send.react("U0DIRECTOR", "white_check_mark", ts, event_id="Ev0BACKUP")
    wait_until(lambda: draft_status(timed_bot) == "approved", what="backup approval")


def test_expiry_tells_the_author(timed_bot: RunningBot, clock: MovableClock) -> None:
    submit_and_wait(timed_bot, "x-main Free flu shots Saturday!")
    clock.move(hours=72, minutes=1)
    sweep(timed_bot)
    assert draft_status(timed_bot) == "expired"
    assert len(dms_to(timed_bot, "U0AUTHOR", "expired")) == 1
    assert "Expired" in latest_card(timed_bot)


def test_a_reminder_due_while_down_fires_once_after_restart(
    database_url: str,
    local_slack: LocalSlack,
    privacy_engine: PrivacyEngine,
    default_policy: Policy,
    clock: MovableClock,
) -> None:
    settings = make_settings(database_url, local_slack)
    first = start_bot(settings, local_slack, privacy_engine, default_policy, clock)
    submit_and_wait(first, "x-main Free flu shots Saturday!")
    first.stop()

    clock.move(hours=3)  # the reminder fell due while nothing was running
    second = start_bot(settings, local_slack, privacy_engine, default_policy, clock)
    try:
        sweep(second)
        sweep(second)
        assert len(dms_to(second, "U0APPROVER1", "Reminder")) == 1
    finally:
        second.stop()


def test_two_schedulers_fire_each_action_once(
    database_url: str,
    local_slack: LocalSlack,
    privacy_engine: PrivacyEngine,
    default_policy: Policy,
    clock: MovableClock,
) -> None:
    settings = make_settings(database_url, local_slack)
    replicas = [
        start_bot(settings, local_slack, privacy_engine, default_policy, clock) for _ in range(2)
    ]
    try:
        for n in range(4):
            submit_and_wait(
                replicas[0], f"x-main Flu clinic number {n} opens Saturday.", count=n + 1
            )
        clock.move(hours=2, minutes=1)
        start = threading.Barrier(4)

        def race(index: int) -> None:
            start.wait()
            sweep(replicas[index % 2], worker=f"replica-{index}")

        threads = [threading.Thread(target=race, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert len(dms_to(replicas[0], "U0APPROVER1", "Reminder")) == 4
        with replicas[0].store.transaction() as session:
            sent = session.scalars(
                select(AuditEntry).where(AuditEntry.action == "reminder.sent")
            ).all()
            assert sorted(entry.draft_id for entry in sent) == [1, 2, 3, 4]
    finally:
        for replica in replicas:
            replica.stop()


def test_the_background_sweeper_runs_on_its_own(timed_bot: RunningBot, clock: MovableClock) -> None:
    submit_and_wait(timed_bot, "x-main Free flu shots Saturday!")
    clock.move(hours=2, minutes=1)
    timed_bot.services.settings = timed_bot.services.settings.model_copy(
        update={"sweep_seconds": 0.2}
    )
    scheduler = start_sweeper(timed_bot.services)
    try:
        wait_until(
            lambda: dms_to(timed_bot, "U0APPROVER1", "Reminder"), what="a reminder from APScheduler"
        )
    finally:
        scheduler.shutdown(wait=True)
    assert len(dms_to(timed_bot, "U0APPROVER1", "Reminder")) == 1


# --------------------------------------------------------------------------- scheduling


def test_scheduled_post_waits_for_its_time_then_is_ready(
    timed_bot: RunningBot, clock: MovableClock
) -> None:
    ts = submit_and_wait(timed_bot, "x-main at 2026-12-02 09:00 Free flu shots today!")
    with timed_bot.store.transaction() as session:
        version = session.scalars(select(DraftVersion)).one()
        assert version.text == "Free flu shots today!"
    timed_bot.send.react("U0APPROVER1", "white_check_mark", ts)
    wait_until(lambda: draft_status(timed_bot) == "scheduled", what="scheduling")
    wait_until(lambda: "Scheduled" in latest_card(timed_bot), what="card saying scheduled")
    dm = wait_until(lambda: dms_to(timed_bot, "U0AUTHOR", "was approved"), what="the DM")[0]
    assert "scheduled for Wed 02 Dec 2026 09:00 EST" in dm

    clock.move(hours=22, minutes=59)  # 08:59 New York time
    sweep(timed_bot)
    assert draft_status(timed_bot) == "scheduled"
    clock.move(minutes=2)
    sweep(timed_bot)
    assert draft_status(timed_bot) == "approved"
    assert "Ready to publish" in latest_card(timed_bot)
    assert len(dms_to(timed_bot, "U0AUTHOR", "time to publish")) == 1

    timed_bot.send.click("U0BYSTANDER", MARK_PUBLISHED_ACTION, "1:1", ts=ts)
    timed_bot.slack.wait_for("chat.postEphemeral")
    timed_bot.send.click("U0AUTHOR", MARK_PUBLISHED_ACTION, "1:1", ts=ts)
    wait_until(lambda: draft_status(timed_bot) == "published", what="marked published")
    wait_until(lambda: "Published" in latest_card(timed_bot), what="card saying published")


def test_publish_time_passing_before_approval_is_flagged(
    timed_bot: RunningBot, clock: MovableClock
) -> None:
    submit_and_wait(timed_bot, "x-main at 2026-12-01 12:00 Lunch and learn at noon!")
    clock.move(hours=2, minutes=1)
    sweep(timed_bot)
    assert "has passed" in latest_card(timed_bot)


def test_publish_time_in_the_past_is_refused(timed_bot: RunningBot) -> None:
    timed_bot.send.draft("U0AUTHOR", "x-main at 2026-11-30 09:00 Too late")
    refusal = timed_bot.slack.wait_for("response_url")[0].body["text"]
    assert "already passed" in refusal and "Too late" in refusal


def test_daily_digest_lists_pending_drafts_once(timed_bot: RunningBot, clock: MovableClock) -> None:
    submit_and_wait(timed_bot, "x-main Free flu shots Saturday!")
    sweep(timed_bot)
    next_nine = datetime(2026, 12, 2, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    clock.now = next_nine.astimezone(UTC) + timedelta(minutes=1)
    sweep(timed_bot)
    sweep(timed_bot)
    digests = [
        c.body["text"]
        for c in timed_bot.slack.calls_to("chat.postMessage")
        if c.body.get("channel") == APPROVAL_CHANNEL and "Daily digest" in c.body.get("text", "")
    ]
    assert len(digests) == 1 and "Draft #1" in digests[0]


# --------------------------------------------------------------------------- webhook


class WebhookReceiver:
    """A publishing tool's endpoint: fails the first ``failures`` posts, records every one."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.received: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                failing = len(receiver.received) <= receiver.failures
                self.send_response(500 if failing else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/posts"


def test_webhook_publisher_retries_with_backoff_until_it_lands(
    database_url: str,
    local_slack: LocalSlack,
    privacy_engine: PrivacyEngine,
    default_policy: Policy,
    clock: MovableClock,
) -> None:
    receiver = WebhookReceiver(failures=2)
    settings = make_settings(
        database_url,
        local_slack,
        CLEARPOST_PUBLISHER="webhook",
        CLEARPOST_WEBHOOK_URL=receiver.url,
        CLEARPOST_WEBHOOK_SECRET="shared-secret",
    )
    bot = start_bot(settings, local_slack, privacy_engine, default_policy, clock)
    try:
        ts = submit_and_wait(bot, "x-main Free flu shots Saturday!")
        bot.send.react("U0APPROVER1", "white_check_mark", ts)
        wait_until(lambda: draft_status(bot) == "approved", what="approval")
        sweep(bot)
        assert len(receiver.received) == 1
        assert "Publishing failed" in latest_card(bot)
        failure_notes = [
            c
            for c in local_slack.calls_to("chat.postMessage")
            if c.body.get("channel") == APPROVAL_CHANNEL and "failed" in c.body.get("text", "")
        ]
        assert len(failure_notes) == 1
        sweep(bot)
        assert len(receiver.received) == 1  # backing off: not due again yet
        clock.move(seconds=31)
        sweep(bot)
        assert len(receiver.received) == 2
        clock.move(seconds=61)
        sweep(bot)
        clock.move(hours=2)
        sweep(bot)
        assert len(receiver.received) == 3
        assert draft_status(bot) == "published"

        headers, body = receiver.received[-1]
        expected = hmac.new(
            b"shared-secret",
            headers["X-Clearpost-Timestamp"].encode() + b"." + body,
            hashlib.sha256,
        ).hexdigest()
        assert headers["X-Clearpost-Signature"] == f"sha256={expected}"
        post = json.loads(body)
        assert post["text"] == "Free flu shots Saturday!" and post["account"] == "x-main"
        assert post["text_sha256"] == hashlib.sha256(post["text"].encode()).hexdigest()
    finally:
        bot.stop()
        receiver.server.shutdown()


# --------------------------------------------------------------------------- crisis


def test_crisis_declare_holds_pages_and_needs_crisis_leads(
    timed_bot: RunningBot, clock: MovableClock
) -> None:
    ts = submit_and_wait(timed_bot, "x-main at 2026-12-02 09:00 Free flu shots tomorrow!")
    timed_bot.send.react("U0APPROVER1", "white_check_mark", ts)
    wait_until(lambda: draft_status(timed_bot) == "scheduled", what="scheduled post")

    timed_bot.send.slash("U0AUTHOR", "/crisis", "declare Power outage at the main campus")
    timed_bot.slack.wait_for(
        "response_url", where=lambda c: "Only the crisis team" in c.body.get("text", "")
    )

    timed_bot.send.slash("U0CRISIS1", "/crisis", "declare Power outage at the main campus")
    wait_until(lambda: draft_status(timed_bot) == "held", what="the post to be held")
    timed_bot.slack.wait_for(
        "chat.postMessage",
        where=lambda c: (
            c.body.get("channel") == APPROVAL_CHANNEL
            and "Crisis declared" in c.body.get("text", "")
        ),
    )
    paged = timed_bot.slack.wait_for(
        "chat.postMessage", where=lambda c: c.body.get("channel") == "C0CRISIS"
    )[0].body["text"]
    assert "<@U0CRISIS1>" in paged and "<@U0CRISIS2>" in paged and "<@U0DIRECTOR>" in paged
    wait_until(lambda: dms_to(timed_bot, "U0CRISIS2", "Crisis declared"), what="DM page")
    # The policy's holding statements are offered as ready drafts, needing a crisis lead.
    _, holding_card = wait_for_card(timed_bot, 3)
    assert "Crisis leads 0/1" in card_text(holding_card)

    clock.move(hours=24)  # past the post's publish time
    sweep(timed_bot)
    assert draft_status(timed_bot) == "held"  # nothing publishes during a crisis

    timed_bot.send.draft("U0AUTHOR", "x-main Our thoughts are with everyone affected.")
    _, new_card = wait_for_card(timed_bot, 4)
    assert "Crisis leads 0/1" in card_text(new_card)

    timed_bot.send.slash("U0CRISIS2", "/crisis", "status")
    status = timed_bot.slack.wait_for(
        "response_url", where=lambda c: "Crisis declared by" in c.body.get("text", "")
    )[0].body["text"]
    assert "Held (1)" in status and "#1" in status

    timed_bot.send.slash("U0CRISIS1", "/crisis", "resolve")
    listing = timed_bot.slack.wait_for(
        "chat.postMessage", where=lambda c: "Crisis resolved" in c.body.get("text", "")
    )[0]
    assert RELEASE_ACTION in json.dumps(listing.body.get("blocks"))
    assert draft_status(timed_bot) == "held"  # nothing is released automatically

    timed_bot.send.click("U0AUTHOR2", RELEASE_ACTION, "1")
    timed_bot.slack.wait_for(
        "chat.postEphemeral", where=lambda c: "Only the crisis team" in c.body.get("text", "")
    )
    timed_bot.send.click("U0CRISIS1", RELEASE_ACTION, "1")
    wait_until(lambda: draft_status(timed_bot) == "approved", what="release")  # its time passed
    with timed_bot.store.transaction() as session:
        actions = [e.action for e in session.scalars(select(AuditEntry))]
    for expected in ("crisis.declared", "draft.held", "crisis.resolved", "draft.released"):
        assert expected in actions


def test_compromised_account_is_locked_with_a_checklist(timed_bot: RunningBot) -> None:
    ts = submit_and_wait(timed_bot, "x-main Free flu shots Saturday!")
    timed_bot.send.slash("U0CRISIS1", "/crisis", "compromised x-main")
    checklist = timed_bot.slack.wait_for(
        "chat.postMessage",
        where=lambda c: "Compromised account checklist" in c.body.get("text", ""),
    )[0]
    assert checklist.body["channel"] == "C0CRISIS"
    assert "Change the account" in json.dumps(checklist.body["blocks"])

    timed_bot.send.react("U0APPROVER1", "white_check_mark", ts)
    wait_until(lambda: votes(timed_bot), what="the vote on a locked account")
    assert votes(timed_bot)[0][2] == VoteOutcome.IGNORED_LOCKED
    timed_bot.send.draft("U0AUTHOR", "x-main Another post")
    timed_bot.slack.wait_for(
        "response_url", where=lambda c: "locked because it was reported" in c.body.get("text", "")
    )

    timed_bot.send.click("U0CRISIS2", CHECKLIST_ACTION, "1:0")
    update = timed_bot.slack.wait_for(
        "chat.update", where=lambda c: "checklist" in c.body.get("text", "").lower()
    )[0]
    assert "<@U0CRISIS2>" in json.dumps(update.body["blocks"])

    timed_bot.send.slash("U0CRISIS1", "/crisis", "unlock x-main")
    timed_bot.slack.wait_for(
        "response_url", where=lambda c: "is unlocked" in c.body.get("text", "")
    )
    timed_bot.send.react("U0APPROVER1", "white_check_mark", ts, event_id="Ev0AFTERUNLOCK")
    wait_until(lambda: draft_status(timed_bot) == "approved", what="approval after unlock")
    with timed_bot.store.transaction() as session:
        ticks = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "checklist.ticked")
        ).all()
        assert ticks[0].actor == "U0CRISIS2"
        assert session.scalars(select(DueAction)).first() is not None


def test_sweep_lag_is_exported_as_a_metric(timed_bot: RunningBot, clock: MovableClock) -> None:
    from bot.metrics import metrics_text

    submit_and_wait(timed_bot, "x-main Free flu shots Saturday!")
    clock.move(hours=2, minutes=30)  # the reminder fell due 30 minutes ago
    sweep(timed_bot)
    lag = next(
        line
        for line in metrics_text().decode().splitlines()
        if line.startswith("clearpost_sweep_lag_seconds ")
    )
    assert float(lag.split()[1]) == pytest.approx(30 * 60, abs=1)
