"""Migrations: they build exactly the models' schema, and the service refuses an unmigrated one."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from bot.cli import main
from bot.migrations import head_revisions, schema_problem
from bot.models import Base
from bot.store import SchemaOutOfDate, Store


def test_migrations_build_exactly_the_models_schema(database_url: str) -> None:
    store = Store(database_url)
    try:
        store.upgrade_schema()
        with store.engine.connect() as connection:
            differences = compare_metadata(
                MigrationContext.configure(connection, opts={"compare_type": True}),
                Base.metadata,
            )
    finally:
        store.dispose()
    assert differences == [], (
        "bot/models.py and bot/migrations/versions/ disagree; add a revision with "
        f'`python -m bot.migrations revision "what changed"`: {differences}'
    )


def test_upgrade_is_idempotent_and_then_the_schema_is_current(database_url: str) -> None:
    store = Store(database_url)
    try:
        with pytest.raises(SchemaOutOfDate, match="clearpost db upgrade"):
            store.require_current_schema()
        store.upgrade_schema()
        store.upgrade_schema()
        store.require_current_schema()
        assert schema_problem(store.engine) is None
    finally:
        store.dispose()


def test_an_older_revision_is_named_with_the_command_to_run(database_url: str) -> None:
    store = Store(database_url)
    try:
        store.upgrade_schema()
        with store.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
        problem = schema_problem(store.engine)
    finally:
        store.dispose()
    assert problem is not None and "ffff" in problem and "newer Clearpost" in problem


def test_serve_refuses_an_unmigrated_database_and_db_upgrade_fixes_it(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the working directory
    for name, value in {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": "secret",
        "CLEARPOST_APPROVAL_CHANNEL": "C0APPROVALS",
        "CLEARPOST_DATABASE_URL": database_url,
    }.items():
        monkeypatch.setenv(name, value)

    assert main(["serve", "--http", "--port", "0"]) == 2
    error = capsys.readouterr().err
    assert "not starting" in error and "clearpost db upgrade" in error

    assert main(["db", "upgrade"]) == 0
    assert head_revisions()[0] in capsys.readouterr().out
    assert main(["audit", "verify"]) == 0
