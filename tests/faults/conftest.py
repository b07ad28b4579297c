"""A live bot whose clock the fault tests move, and what they look at after a fault."""

from __future__ import annotations

import urllib.request
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.local_slack import StoredMessage
from bot.models import AuditEntry, Draft
from tests.conftest import MovableClock, RunningBot
from tests.slack_requests import APPROVAL_CHANNEL

FLU_CLINIC = "x-main Join us Saturday for our free flu clinic!"


@pytest.fixture
def clock() -> MovableClock:
    # Real time to start with: rows stamp their own update times from the wall clock.
    return MovableClock(datetime.now(UTC))


@pytest.fixture
def fault_bot(clocked_bot: RunningBot) -> RunningBot:
    return clocked_bot


def cards_in_channel(bot: RunningBot) -> list[StoredMessage]:
    """Approval cards as people in the approval channel see them (not attempts that failed)."""
    with bot.slack._lock:  # appended to from the fake's request threads
        messages = list(bot.slack.messages)
    return [m for m in messages if m.channel == APPROVAL_CHANNEL and m.text.startswith("Draft #")]


def card_attempts(bot: RunningBot) -> list[float]:
    """When each chat.postMessage of an approval card reached Slack, failed ones included."""
    return [
        call.at
        for call in bot.slack.calls_to("chat.postMessage")
        if call.body.get("channel") == APPROVAL_CHANNEL
        and str(call.body.get("text", "")).startswith("Draft #")
    ]


def stored_cards(bot: RunningBot) -> list[tuple[int, str | None]]:
    """(draft id, card ts) of every stored draft."""
    with bot.store.transaction() as session:
        return [(d.id, d.card_ts) for d in session.scalars(select(Draft).order_by(Draft.id))]


def audit_actions(bot: RunningBot) -> list[str]:
    with bot.store.transaction() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def metric(bot: RunningBot, name: str, **labels: str) -> float:
    """A counter's value on the bot's /metrics (0 when not counted yet)."""
    with urllib.request.urlopen(f"{bot.http.url}/metrics", timeout=5) as answer:
        lines = answer.read().decode().splitlines()
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in lines:
        if line.startswith(name + "{"):
            label_text = line[len(name) + 1 : line.index("}")]
            got = ",".join(sorted(label_text.split(",")))
            if got == wanted:
                return float(line.rsplit(" ", 1)[1])
    return 0.0


def ephemeral_replies(bot: RunningBot) -> list[str]:
    """Texts sent to slash-command response URLs, oldest first."""
    return [
        str(call.body.get("text", ""))
        for call in bot.slack.calls_to("response_url")
        if call.body.get("response_type") == "ephemeral"
    ]


__all__ = ["FLU_CLINIC", "MovableClock"]
