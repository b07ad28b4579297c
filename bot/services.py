"""Everything the handlers and the workflow need, built once from the settings."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.directory import Directory
from bot.metrics import CountingRetryHandler, MeteredWebClient
from bot.settings import Settings
from bot.store import Store
from policy import Policy, load_policy
from policy.privacy import PrivacyEngine, get_privacy_engine

Clock = Callable[[], datetime]

# Checks and cards run on these workers after the acknowledgement. Left on Bolt's few listener
# threads, they would make the next command's acknowledgement wait behind them; few, because the
# checks are CPU-bound and share one interpreter lock with the threads answering Slack.
AFTER_ACK_WORKERS = 2


def system_clock() -> datetime:
    return datetime.now(UTC)


def after_ack_workers() -> Executor:
    """The pool that runs slow work a listener hands off once Slack has its answer."""
    return ThreadPoolExecutor(max_workers=AFTER_ACK_WORKERS, thread_name_prefix="clearpost-work")


@dataclass
class Services:
    """The running service's parts; tests build one with a fake Slack and a moved clock."""

    settings: Settings
    policy: Policy
    store: Store
    privacy: PrivacyEngine
    client: WebClient
    directory: Directory
    approval_channel: str
    clock: Clock = system_clock
    after_ack: Executor = field(default_factory=after_ack_workers)


def make_slack_client(settings: Settings) -> WebClient:
    """A Web API client that retries rate limits, server errors and dropped connections.

    Failed calls and retries are counted for ``/metrics``.
    """
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return MeteredWebClient(
        token=token,
        base_url=settings.slack_api_base,
        timeout=10,
        retry_handlers=[
            CountingRetryHandler(RateLimitErrorRetryHandler(max_retry_count=3), "ratelimited"),
            CountingRetryHandler(ServerErrorRetryHandler(max_retry_count=2), "server_error"),
            CountingRetryHandler(ConnectionErrorRetryHandler(max_retry_count=2), "connection"),
        ],
    )


def build_services(settings: Settings, clock: Clock = system_clock) -> Services:
    """Load the policy, open the database, load the privacy model and connect to Slack.

    Raises SchemaOutOfDate when the database is not migrated to this version.
    """
    policy = load_policy(settings.policy_file)
    store = Store(settings.database_url)
    try:
        store.require_current_schema()
    except Exception:
        store.dispose()
        raise
    client = make_slack_client(settings)
    return Services(
        settings=settings,
        policy=policy,
        store=store,
        privacy=get_privacy_engine(settings.spacy_model),
        client=client,
        directory=Directory(client),
        approval_channel=settings.approval_channel or "",
        clock=clock,
    )
