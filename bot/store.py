"""The database: engine, transactions and schema, for SQLite (default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.metrics import watch_sessions
from bot.models import Base


class DatabaseUnavailable(Exception):
    """The database could not be reached; callers tell the user and keep nothing half-written."""


class SchemaOutOfDate(Exception):
    """The database schema is not the one this version needs; the message names the fix."""


def make_engine(database_url: str) -> Engine:
    """An engine tuned for Clearpost's access pattern on either backend."""
    if database_url.startswith("sqlite"):
        engine = create_engine(
            database_url,
            connect_args={"check_same_thread": False, "timeout": 30},
            # Bound parameters hold draft text: keep them out of exception messages and logs.
            hide_parameters=True,
            # The driver's own transaction handling is turned off so that every transaction can
            # start with BEGIN IMMEDIATE: readers that later write (audit chain, vote tally) then
            # queue for the write lock instead of failing with "database is locked".
            isolation_level=None,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin_immediate(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    url = database_url
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=20, hide_parameters=True
    )


class Store:
    """Owns the engine and hands out transactions."""

    def __init__(self, database_url: str) -> None:
        self.engine = make_engine(database_url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        watch_sessions(self._sessions)

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def create_schema(self) -> None:
        """Create any missing tables straight from the models (tests); production migrates."""
        Base.metadata.create_all(self.engine)

    def upgrade_schema(self) -> None:
        """Run every migration the database lacks (``clearpost db upgrade``)."""
        from bot.migrations import upgrade

        upgrade(self.engine)

    def require_current_schema(self) -> None:
        """Raise SchemaOutOfDate unless the database is migrated to exactly this version."""
        from bot.migrations import schema_problem

        problem = schema_problem(self.engine)
        if problem is not None:
            raise SchemaOutOfDate(problem)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits together or not at all."""
        with self._sessions() as session, session.begin():
            yield session

    def ping(self) -> bool:
        """Whether the database answers right now."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    def dispose(self) -> None:
        self.engine.dispose()
