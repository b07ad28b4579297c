"""Two `clearpost serve --http` processes on one PostgreSQL schema behave like one.

Slack's requests are spread across both replicas and duplicates are delivered to both, as a load
balancer and Slack's retries would do; the outcome is the one a single replica gives: one draft,
one card, one counted vote per approver, one decision, one message to the author.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.local_slack import LocalSlack
from bot.models import Decision, Draft, ProcessedEvent, Vote, VoteOutcome
from bot.store import Store
from tests.conftest import POSTGRES_URL, SPACY_MODEL
from tests.scenario.helpers import wait_until
from tests.slack_requests import APPROVAL_CHANNEL, SIGNING_SECRET, SlackSender

pytestmark = pytest.mark.skipif(
    not POSTGRES_URL, reason="CLEARPOST_TEST_POSTGRES_URL not set: replicas share PostgreSQL"
)

STARTUP_TIMEOUT = 90.0  # each replica loads the privacy model before it listens


@dataclass
class Replica:
    """One `clearpost serve --http` process and what it wrote to stderr."""

    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    port: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _environment(database_url: str, local_slack: LocalSlack) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "CLEARPOST_"))
    }
    environment.update(
        SLACK_BOT_TOKEN="xoxb-test-token",
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=local_slack.api_url,
        CLEARPOST_DATABASE_URL=database_url,
        CLEARPOST_APPROVAL_CHANNEL=APPROVAL_CHANNEL,
        CLEARPOST_SPACY_MODEL=SPACY_MODEL,
        CLEARPOST_HTTP_HOST="127.0.0.1",
        CLEARPOST_HTTP_THREADS="8",
    )
    return environment


def _clearpost(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot.cli", *args]


def _start_replica(environment: dict[str, str], cwd: Path) -> Replica:
    process = subprocess.Popen(
        _clearpost("serve", "--http", "--port", "0"),
        env=environment,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    replica = Replica(process)

    def read_stderr() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            replica.lines.append(line)
            try:
                message = json.loads(line).get("message", "")
            except json.JSONDecodeError:
                continue
            if message.startswith("serving Slack requests on port"):
                replica.port = int(message.rsplit(" ", 1)[1])

    threading.Thread(target=read_stderr, daemon=True).start()
    return replica


def _wait_listening(replica: Replica) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while replica.port is None:
        if replica.process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError("replica did not start:\n" + "".join(replica.lines[-20:]))
        time.sleep(0.1)


@pytest.fixture
def replicas(
    database_url: str, local_slack: LocalSlack, tmp_path: Path
) -> Iterator[tuple[Replica, Replica]]:
    if not database_url.startswith("postgresql"):
        pytest.skip("replicas share PostgreSQL")
    environment = _environment(database_url, local_slack)
    upgrade = subprocess.run(
        _clearpost("db", "upgrade"), env=environment, cwd=tmp_path, capture_output=True, text=True
    )
    assert upgrade.returncode == 0, upgrade.stderr
    started = [_start_replica(environment, tmp_path) for _ in range(2)]
    try:
        for replica in started:
            _wait_listening(replica)
        yield started[0], started[1]
    finally:
        for replica in started:
            replica.process.terminate()
        for replica in started:
            try:
                replica.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                replica.process.kill()
                replica.process.wait(timeout=10)


def _all_at_once(*deliveries: tuple[SlackSender, str, str, str]) -> list[int]:
    """Deliver reactions (sender, user, ts, event id) at the same moment; their HTTP statuses."""
    statuses: list[int] = []
    barrier = threading.Barrier(len(deliveries))

    def deliver(sender: SlackSender, user: str, ts: str, event_id: str) -> None:
        barrier.wait(timeout=10)
        statuses.append(sender.react(user, "white_check_mark", ts, event_id=event_id).status)

    threads = [threading.Thread(target=deliver, args=delivery) for delivery in deliveries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return statuses


def test_two_replicas_give_the_outcome_of_one(
    replicas: tuple[Replica, Replica], local_slack: LocalSlack, database_url: str
) -> None:
    first, second = replicas
    to_first = SlackSender(first.url, local_slack)
    to_second = SlackSender(second.url, local_slack)

    assert (
        to_first.draft("U0AUTHOR", "x-main Join us Saturday for our free flu clinic!").status == 200
    )
    cards = local_slack.wait_for(
        "chat.postMessage", where=lambda c: c.body.get("channel") == APPROVAL_CHANNEL, timeout=30
    )
    ts = next(m.ts for m in local_slack.messages if m.channel == APPROVAL_CHANNEL)
    # Slack has the card a moment before the replica has recorded where it is; an approver
    # reacts after that moment.
    store = Store(database_url)
    try:

        def card_recorded() -> bool:
            with store.transaction() as session:
                return session.scalar(select(func.count()).where(Draft.card_ts == ts)) == 1

        wait_until(card_recorded, timeout=30, what="the card's place to be recorded")
    finally:
        store.dispose()

    # One approver's reaction reaches both replicas at once and is then retried; another
    # approver approves at the same moment through the other replica.
    statuses = _all_at_once(
        (to_first, "U0APPROVER1", ts, "EvREPLICA1"),
        (to_second, "U0APPROVER1", ts, "EvREPLICA1"),
        (to_second, "U0APPROVER2", ts, "EvREPLICA2"),
    )
    assert statuses == [200, 200, 200]
    assert (
        to_second.react("U0APPROVER1", "white_check_mark", ts, event_id="EvREPLICA1").status == 200
    )

    store = Store(database_url)
    try:

        def decided() -> bool:
            with store.transaction() as session:
                return session.scalar(select(func.count()).select_from(Decision)) == 1

        wait_until(decided, timeout=30, what="the decision")
        dms = local_slack.wait_for(
            "chat.postMessage", where=lambda c: c.body.get("channel") == "U0AUTHOR", timeout=30
        )
        time.sleep(1.0)  # let any duplicate work that slipped through show itself

        with store.transaction() as session:
            drafts = session.scalars(select(Draft)).all()
            decisions = session.scalars(select(Decision)).all()
            approver1_votes = session.scalars(
                select(Vote).where(Vote.voter_id == "U0APPROVER1")
            ).all()
            counted = session.scalars(select(Vote).where(Vote.outcome == VoteOutcome.COUNTED)).all()
            events = session.scalars(select(ProcessedEvent.event_id)).all()
        assert [(d.id, d.status) for d in drafts] == [(1, "approved")]
        assert len(decisions) == 1 and decisions[0].outcome == "approved"
        assert decisions[0].decided_by in ("U0APPROVER1", "U0APPROVER2")
        assert len(approver1_votes) == 1  # three deliveries of one event, one vote
        assert 1 <= len(counted) <= 2
        assert sorted(events) == ["EvREPLICA1", "EvREPLICA2"]
    finally:
        store.dispose()

    card_posts = [
        c
        for c in local_slack.calls_to("chat.postMessage")
        if c.body.get("channel") == APPROVAL_CHANNEL and not c.body.get("thread_ts")
    ]
    assert len(cards) == 1 and len(card_posts) == 1
    approvals_told = [
        c
        for c in local_slack.calls_to("chat.postMessage")
        if c.body.get("channel") == "U0AUTHOR" and "was approved" in c.body.get("text", "")
    ]
    assert len(dms) >= 1 and len(approvals_told) == 1
