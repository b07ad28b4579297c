"""Prometheus metrics served at ``/metrics``: drafts, verdicts, decisions, Slack API health, sweeps.

Each metric has a small ``record_*`` function. The workflow's own facts (drafts submitted,
verdicts, votes, decisions and the time to decide) are recorded from the rows it commits, by
session events ``watch_sessions`` installs on the store, so a rolled-back transaction or a
redelivered Slack event is never counted and the workflow needs no metrics code. Slack API
errors and retries are recorded by ``MeteredWebClient`` and ``CountingRetryHandler``, which
``bot.services.make_slack_client`` uses. Labels carry categories and outcomes only, never user
IDs or text.
"""

from __future__ import annotations

import urllib.error
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Gauge, Histogram
from prometheus_client import generate_latest as _generate_latest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.util import identity_key

METRICS_CONTENT_TYPE = CONTENT_TYPE_LATEST

DRAFTS_SUBMITTED = Counter(
    "clearpost_drafts_submitted", "Drafts received for approval.", ["account", "source"]
)
VERDICTS = Counter("clearpost_verdicts", "Check results by verdict.", ["verdict"])
FINDINGS = Counter(
    "clearpost_findings",
    "Check findings by policy category and severity.",
    ["category", "severity"],
)
VOTES = Counter("clearpost_votes", "Vote attempts by channel and outcome.", ["via", "outcome"])
DECISIONS = Counter(
    "clearpost_decisions", "Decisions on drafts: approvals, rejections, changes.", ["outcome"]
)
TIME_TO_DECISION = Histogram(
    "clearpost_time_to_decision_seconds",
    "Time from submission to the decision.",
    ["outcome"],
    # Approvals take minutes to days; the policy's SLAs are counted in hours.
    buckets=(60, 300, 900, 1800, 3600, 2 * 3600, 4 * 3600, 8 * 3600, 86400, 3 * 86400, 7 * 86400),
)
SLACK_API_ERRORS = Counter(
    "clearpost_slack_api_errors", "Slack Web API calls that failed.", ["method", "error"]
)
SLACK_API_RETRIES = Counter(
    "clearpost_slack_api_retries", "Slack Web API calls retried.", ["method", "reason"]
)
SWEEP_LAG = Gauge(
    "clearpost_sweep_lag_seconds", "How late the last sweep acted on its most overdue item."
)
SWEEP_RUNS = Counter("clearpost_sweep_runs", "Sweeps run.")


def record_draft_submitted(account: str, source: str) -> None:
    DRAFTS_SUBMITTED.labels(account=account, source=source).inc()


def record_verdict(verdict: str, findings: Sequence[tuple[str, str]] = ()) -> None:
    """One checked draft version: its verdict and each finding's (category, severity)."""
    VERDICTS.labels(verdict=verdict).inc()
    for category, severity in findings:
        FINDINGS.labels(category=category, severity=severity).inc()


def record_vote(via: str, outcome: str) -> None:
    VOTES.labels(via=via, outcome=outcome).inc()


def record_decision(outcome: str, seconds_since_submission: float | None) -> None:
    DECISIONS.labels(outcome=outcome).inc()
    if seconds_since_submission is not None and seconds_since_submission >= 0:
        TIME_TO_DECISION.labels(outcome=outcome).observe(seconds_since_submission)


def record_slack_api_error(method: str, error: str) -> None:
    SLACK_API_ERRORS.labels(method=method, error=error).inc()


def record_slack_api_retry(method: str, reason: str) -> None:
    SLACK_API_RETRIES.labels(method=method, reason=reason).inc()


def record_sweep(lag_seconds: float) -> None:
    """A finished sweep; ``lag_seconds``: how far past due its most overdue item was (0: none)."""
    SWEEP_RUNS.inc()
    SWEEP_LAG.set(max(0.0, lag_seconds))


def metrics_text() -> bytes:
    """Every metric in Prometheus' text format."""
    return _generate_latest(REGISTRY)


# --------------------------------------------------------------------------- committed rows

_PENDING_KEY = "clearpost_metrics_pending"


def watch_sessions(sessions: sessionmaker[Session]) -> None:
    """Record workflow metrics from the rows each transaction commits, and only those."""
    event.listen(sessions, "after_flush", _collect_after_flush)
    event.listen(sessions, "after_commit", _record_after_commit)
    event.listen(sessions, "after_rollback", _forget_after_rollback)


def _collect_after_flush(session: Session, _flush_context: Any) -> None:
    # Imported here: the models import nothing from metrics, and metrics stays importable alone.
    from bot.models import Decision, Draft, DraftVersion, Vote

    pending: list[tuple[Any, ...]] = session.info.setdefault(_PENDING_KEY, [])
    for row in session.new:
        if isinstance(row, Draft):
            pending.append(("draft", row.account_id, row.source))
        elif isinstance(row, Vote):
            pending.append(("vote", row.via, row.outcome))
        elif isinstance(row, Decision):
            # The workflow holds the draft it decides; look in the session, never query mid-flush.
            draft = session.identity_map.get(identity_key(Draft, row.draft_id))
            seconds = _seconds_between(draft.created_at if draft else None, row.decided_at)
            pending.append(("decision", row.outcome, seconds))
    for row in [*session.new, *session.dirty]:
        if isinstance(row, DraftVersion) and row.verdict is not None and _verdict_just_set(row):
            findings = tuple(
                (str(f.get("category", "")), str(f.get("severity", ""))) for f in row.findings or []
            )
            pending.append(("verdict", row.verdict, findings))


def _verdict_just_set(version: Any) -> bool:
    from sqlalchemy import inspect

    history = inspect(version).attrs.verdict.history
    return bool(history.added) and not any(history.deleted)


def _seconds_between(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return (end - start).total_seconds()


def _record_after_commit(session: Session) -> None:
    for item in session.info.pop(_PENDING_KEY, []):
        kind = item[0]
        if kind == "draft":
            record_draft_submitted(item[1], item[2])
        elif kind == "vote":
            record_vote(item[1], item[2])
        elif kind == "decision":
            record_decision(item[1], item[2])
        elif kind == "verdict":
            record_verdict(item[1], item[2])


def _forget_after_rollback(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)


# --------------------------------------------------------------------------- Slack Web API


class CountingRetryHandler(RetryHandler):
    """Wraps one of slack_sdk's retry handlers and counts each retry it asks for."""

    def __init__(self, inner: RetryHandler, reason: str) -> None:
        super().__init__(
            max_retry_count=inner.max_retry_count, interval_calculator=inner.interval_calculator
        )
        self.inner = inner
        self.reason = reason

    def can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return self.inner.can_retry(state=state, request=request, response=response, error=error)

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        record_slack_api_retry(_method_of(request.url), self.reason)
        self.inner.prepare_for_next_attempt(
            state=state, request=request, response=response, error=error
        )


def _method_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0] or "unknown"


class MeteredWebClient(WebClient):
    """A Web API client that counts the calls that fail, by method and Slack's error code."""

    def api_call(self, api_method: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().api_call(api_method, *args, **kwargs)
        except SlackApiError as error:
            record_slack_api_error(api_method, str(error.response.get("error") or "http_error"))
            raise
        except (urllib.error.URLError, OSError) as error:
            record_slack_api_error(api_method, type(error).__name__)
            raise
