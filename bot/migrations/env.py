"""Alembic's entry point: runs revisions on the connection Clearpost hands it.

The target metadata is ``bot.models``, so autogenerate compares revisions with the models.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy.engine import Connection

from bot.migrations import render_item
from bot.models import Base
from bot.store import make_engine

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_item=render_item,
        # SQLite cannot ALTER most things; batch operations rebuild the table there and are plain
        # ALTERs on PostgreSQL, so revisions are written the same whichever database made them.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    given: Any = config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Clearpost runs migrations online only: clearpost db upgrade")
_run_online()
