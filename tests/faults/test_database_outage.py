"""The database going away while drafts arrive: a clear answer, nothing half-written, recovery.

The outage is real: the SQLite database's volume disappears (its directory is moved away and the
connections the pool held are dropped, as when a network volume is unmounted), so every
connection attempt fails in the SQLite driver itself.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

from sqlalchemy import func, select

from bot.audit import verify_chain
from bot.local_slack import LocalSlack
from bot.models import AuditEntry, Draft
from policy import Policy
from policy.privacy import PrivacyEngine
from tests.conftest import make_settings, start_bot
from tests.faults.conftest import FLU_CLINIC, cards_in_channel, ephemeral_replies
from tests.scenario.helpers import wait_until


def readiness(url: str) -> tuple[int, dict[str, str]]:
    try:
        with urllib.request.urlopen(f"{url}/readyz", timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_draft_during_an_outage_is_refused_clearly_and_service_recovers(
    tmp_path: Path, local_slack: LocalSlack, privacy_engine: PrivacyEngine, default_policy: Policy
) -> None:
    volume = tmp_path / "volume"
    volume.mkdir()
    database_url = f"sqlite:///{volume / 'clearpost.db'}"
    bot = start_bot(
        make_settings(database_url, local_slack), local_slack, privacy_engine, default_policy
    )
    unmounted = tmp_path / "volume-unmounted"
    try:
        volume.rename(unmounted)
        bot.store.dispose()

        answer = bot.send.draft("U0AUTHOR", FLU_CLINIC)
        assert answer.status == 200  # Slack still gets its answer in time
        reply = wait_until(
            lambda: [t for t in ephemeral_replies(bot) if "cannot reach its database" in t],
            what="the outage reply",
        )[0]
        assert "was not saved" in reply and "try again" in reply
        assert "Join us Saturday for our free flu clinic!" in reply  # the author keeps the text
        assert cards_in_channel(bot) == []
        status, checks = readiness(bot.http.url)
        assert status == 503 and checks["database"] == "unreachable"

        unmounted.rename(volume)
        status, checks = readiness(bot.http.url)
        assert status == 200 and checks["database"] == "ok"
        with bot.store.transaction() as session:
            # Nothing of the refused draft was written: no draft, no audit row for it.
            assert session.scalar(select(func.count()).select_from(Draft)) == 0
            assert "draft.submitted" not in session.scalars(select(AuditEntry.action)).all()
            assert verify_chain(session).ok

        assert bot.send.draft("U0AUTHOR", FLU_CLINIC).status == 200
        wait_until(lambda: cards_in_channel(bot), what="the card once the database is back")
        with bot.store.transaction() as session:
            assert session.scalar(select(func.count()).select_from(Draft)) == 1
            assert verify_chain(session).ok
    finally:
        if unmounted.exists():
            unmounted.rename(volume)
        bot.stop()
