"""The audit chain: verify proves it, and names the first row that was altered or removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, update

from bot import audit
from bot.cli import main
from bot.models import AuditEntry
from bot.store import Store


@pytest.fixture
def filled_store(database_url: str) -> Store:
    store = Store(database_url)
    store.upgrade_schema()  # the audit commands insist on a migrated database
    for n in range(5):
        with store.transaction() as session:
            audit.append(
                session, actor="U0APPROVER1", action="vote.recorded", draft_id=1, detail={"n": n}
            )
    return store


def test_intact_chain_verifies(filled_store: Store) -> None:
    with filled_store.transaction() as session:
        report = audit.verify_chain(session)
    assert report.ok and report.rows == 5


def test_altered_row_is_named(filled_store: Store) -> None:
    with filled_store.transaction() as session:
        session.execute(update(AuditEntry).where(AuditEntry.id == 3).values(actor="U0MALLORY"))
    with filled_store.transaction() as session:
        report = audit.verify_chain(session)
    assert (report.ok, report.first_bad_id) == (False, 3)
    assert "altered" in (report.problem or "")


def test_removed_row_is_detected_at_the_next_row(filled_store: Store) -> None:
    with filled_store.transaction() as session:
        session.execute(delete(AuditEntry).where(AuditEntry.id == 2))
    with filled_store.transaction() as session:
        report = audit.verify_chain(session)
    assert (report.ok, report.first_bad_id) == (False, 3)
    assert "removed" in (report.problem or "")


def test_rehashed_forgery_is_still_caught(filled_store: Store) -> None:
    """Rewriting a row and its own hash breaks the next row's link."""
    with filled_store.transaction() as session:
        row = session.get(AuditEntry, 2)
        assert row is not None
        row.detail = {"n": 99}
        row.row_hash = audit._row_digest(
            row.at, row.actor, row.action, row.draft_id, row.detail, row.prev_hash
        )
    with filled_store.transaction() as session:
        report = audit.verify_chain(session)
    assert report.first_bad_id == 3


def test_cli_verify_and_export(
    filled_store: Store,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the working tree
    monkeypatch.setenv("CLEARPOST_DATABASE_URL", database_url)
    assert main(["audit", "verify"]) == 0
    assert "5 rows verified" in capsys.readouterr().out

    assert main(["audit", "export", "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["detail"]["n"] for line in lines] == [0, 1, 2, 3, 4]
    assert main(["audit", "export", "--format", "csv", "--since", "2000-01-01"]) == 0
    csv_out = capsys.readouterr().out.splitlines()
    assert csv_out[0].startswith("id,at,actor") and len(csv_out) == 6

    with filled_store.transaction() as session:
        session.execute(update(AuditEntry).where(AuditEntry.id == 4).values(action="vote.ignored"))
    assert main(["audit", "verify"]) == 1
    assert "row 4" in capsys.readouterr().err


def test_policy_changes_are_audited_once_each(database_url: str) -> None:
    from sqlalchemy import select

    store = Store(database_url)
    store.create_schema()
    for policy_json, expected in [("{1}", True), ("{1}", False), ("{2}", True), ("{2}", False)]:
        with store.transaction() as session:
            assert audit.record_policy_in_force(session, policy_json, ["x-main"]) is expected
    with store.transaction() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "policy.changed")
        ).all()
        assert [r.detail["previous_policy_hash"] is None for r in rows] == [True, False]
        assert audit.verify_chain(session).ok
