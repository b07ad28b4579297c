"""Small waits and lookups shared by the scenario tests."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from bot.local_slack import RecordedCall
from bot.models import Draft, Vote
from tests.conftest import RunningBot
from tests.slack_requests import APPROVAL_CHANNEL


def card_posts(bot: RunningBot) -> list[RecordedCall]:
    return [
        c
        for c in bot.slack.calls_to("chat.postMessage")
        if c.body.get("channel") == APPROVAL_CHANNEL
    ]


def wait_for_card(bot: RunningBot, count: int = 1) -> tuple[str, RecordedCall]:
    """Wait for the count-th approval card; returns its ts and the call that posted it."""
    calls = bot.slack.wait_for(
        "chat.postMessage", count, where=lambda c: c.body.get("channel") == APPROVAL_CHANNEL
    )
    card = calls[count - 1]
    ts = next(
        m.ts
        for m in bot.slack.messages
        if m.channel == APPROVAL_CHANNEL and m.text == card.body.get("text")
    )
    return ts, card


def card_text(call: RecordedCall) -> str:
    """Everything a person sees on a card: fallback text plus every block's text."""
    blocks = call.body.get("blocks")
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    return call.body.get("text", "") + "\n" + json.dumps(blocks, ensure_ascii=False)


def wait_until(condition: Callable[[], Any], timeout: float = 15.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def draft_status(bot: RunningBot, draft_id: int = 1) -> str | None:
    with bot.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        return draft.status if draft else None


def votes(bot: RunningBot) -> list[tuple[str, str, str]]:
    """(voter, choice, outcome) of every vote attempt, oldest first."""
    with bot.store.transaction() as session:
        return [
            (v.voter_id, v.choice, v.outcome)
            for v in session.scalars(select(Vote).order_by(Vote.id))
        ]


def draft_count(bot: RunningBot) -> int:
    with bot.store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Draft)) or 0)
