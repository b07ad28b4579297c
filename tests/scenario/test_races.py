"""Exactly one decision per version when votes race, and one vote per Slack event, across replicas.

Two bots (two "replicas", each with its own connection pool) share one database. Votes and
redelivered events are fired at both at the same instant from several threads.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

from sqlalchemy import select

from bot.audit import verify_chain
from bot.models import AuditEntry, Decision, Vote
from policy import Policy
from policy.privacy import PrivacyEngine
from tests.conftest import make_settings, start_bot
from tests.scenario.helpers import draft_status, wait_for_card, wait_until


def test_racing_votes_and_duplicate_deliveries_make_one_decision(
    database_url: str, local_slack, privacy_engine: PrivacyEngine, default_policy: Policy
) -> None:
    settings = make_settings(database_url, local_slack)
    replica_a = start_bot(settings, local_slack, privacy_engine, default_policy)
    replica_b = start_bot(settings, local_slack, privacy_engine, default_policy)
    try:
        replica_a.send.draft("U0AUTHOR", "x-main Free flu shots this Saturday at all clinics!")
        ts, _ = wait_for_card(replica_a)

        # Each approver's reaction is delivered to both replicas (Slack retrying to another
        # instance behind the load balancer), and both approvers act in the same instant.
        deliveries = [
            (replica, voter, f"Ev0RACE{voter}")
            for voter in ("U0APPROVER1", "U0APPROVER2")
            for replica in (replica_a, replica_b, replica_a, replica_b)
        ]
        start = threading.Barrier(len(deliveries))
        statuses: list[int] = []

        def deliver(replica, voter: str, event_id: str) -> None:  # type: ignore[no-untyped-def]
            start.wait()
            statuses.append(
                replica.send.react(voter, "white_check_mark", ts, event_id=event_id).status
            )

        threads = [threading.Thread(target=deliver, args=item) for item in deliveries]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert statuses == [200] * len(deliveries)

        wait_until(lambda: draft_status(replica_a) == "approved", what="the decision")
        wait_until(lambda: _vote_count(replica_a) == 2, what="one vote per event")
        with replica_a.store.transaction() as session:
            decisions = session.scalars(select(Decision)).all()
            assert len(decisions) == 1
            per_voter = Counter(v.voter_id for v in session.scalars(select(Vote)))
            assert per_voter == {"U0APPROVER1": 1, "U0APPROVER2": 1}
            decided = session.scalars(
                select(AuditEntry).where(AuditEntry.action == "draft.decided")
            ).all()
            assert len(decided) == 1
            assert verify_chain(session).ok

        def dms_to_author() -> list[object]:
            return [
                c
                for c in local_slack.calls_to("chat.postMessage")
                if c.body.get("channel") == "U0AUTHOR"
            ]

        wait_until(dms_to_author, what="the author to be told")
        time.sleep(0.5)  # a second announcement, if any, would arrive now
        assert len(dms_to_author()) == 1
    finally:
        for replica in (replica_a, replica_b):
            replica.stop()


def test_a_reaction_before_its_card_is_on_record_is_counted_when_slack_retries(
    database_url: str, local_slack, privacy_engine: PrivacyEngine, default_policy: Policy
) -> None:
    settings = make_settings(database_url, local_slack)
    bot = start_bot(settings, local_slack, privacy_engine, default_policy)
    try:
        bot.send.draft("U0AUTHOR", "x-main Free flu shots this Saturday at all clinics!")
        ts, _ = wait_for_card(bot)
        # The first delivery names a message the service cannot place yet (as when Slack has the
        # card a moment before the service has recorded it); the retry of the same event can.
        early = bot.send.react("U0APPROVER1", "white_check_mark", "1.000001", event_id="Ev0EARLY")
        assert early.status == 200
        time.sleep(0.5)
        assert _vote_count(bot) == 0
        bot.send.react("U0APPROVER1", "white_check_mark", ts, event_id="Ev0EARLY")
        wait_until(lambda: _vote_count(bot) == 1, what="the retried reaction to count")
    finally:
        bot.stop()


def _vote_count(bot) -> int:  # type: ignore[no-untyped-def]
    with bot.store.transaction() as session:
        return len(session.scalars(select(Vote)).all())


def test_audit_appends_from_many_threads_stay_one_chain(
    database_url: str, local_slack, privacy_engine: PrivacyEngine, default_policy: Policy
) -> None:
    from bot import audit
    from bot.store import Store

    stores = [Store(database_url), Store(database_url)]
    stores[0].create_schema()
    start = threading.Barrier(8)

    def append_some(index: int) -> None:
        start.wait()
        for n in range(5):
            with stores[index % 2].transaction() as session:
                audit.append(session, actor=f"U{index}", action="test.append", detail={"n": n})

    threads = [threading.Thread(target=append_some, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    with stores[0].transaction() as session:
        report = verify_chain(session)
    assert report.ok and report.rows == 40
    for store in stores:
        store.dispose()
