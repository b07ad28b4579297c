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


def is_card(call: RecordedCall) -> bool:
    """An approval card is a top-level message in the approval channel (replies go in threads)."""
    return call.body.get("channel") == APPROVAL_CHANNEL and not call.body.get("thread_ts")


def card_posts(bot: RunningBot) -> list[RecordedCall]:
    """The approval cards posted so far, oldest first."""
    return [c for c in bot.slack.calls_to("chat.postMessage") if is_card(c)]


def wait_for_card(bot: RunningBot, count: int = 1) -> tuple[str, RecordedCall]:
    """Wait for the count-th approval card; returns its ts and the call that posted it."""
    card = bot.slack.wait_for("chat.postMessage", count, where=is_card)[count - 1]
    ts = next(
        m.ts
        for m in bot.slack.messages
        if m.channel == APPROVAL_CHANNEL and m.thread_ts is None and m.text == card.body.get("text")
    )
    wait_for_card_recorded(bot, ts)
    return ts, card


def wait_for_card_recorded(bot: RunningBot, ts: str) -> None:
    """Slack has a card a moment before the service has recorded where it is, and a vote on a
    card the service cannot place is ignored: tests that vote wait for both."""

    def recorded() -> bool:
        with bot.store.transaction() as session:
            return session.scalar(select(func.count()).where(Draft.card_ts == ts)) == 1

    wait_until(recorded, what="the card's place to be recorded")


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


def submit_view(
    bot: RunningBot,
    user: str,
    callback_id: str,
    private_metadata: str,
    values: dict[str, dict[str, str]],
) -> Any:
    """Send a signed view_submission, as Slack does when someone presses a modal's submit."""
    from urllib.parse import urlencode

    payload = {
        "type": "view_submission",
        "team": {"id": "T0CLEARPOST", "domain": "local"},
        "user": {"id": user, "username": user.lower(), "team_id": "T0CLEARPOST"},
        "api_app_id": "A0CLEARPOST",
        "token": "legacy-token-unused",
        "trigger_id": f"trigger-view-{time.monotonic_ns()}",
        "view": {
            "id": "V0MODAL",
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": private_metadata,
            "state": {
                "values": {
                    block: {action: {"type": "plain_text_input", "value": value}}
                    for block, inner in values.items()
                    for action, value in inner.items()
                }
            },
        },
    }
    return bot.send.post(
        urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
    )


def open_home(bot: RunningBot, user: str) -> Any:
    return bot.send.event({"type": "app_home_opened", "user": user, "tab": "home"})


def last_view_published(bot: RunningBot, user: str, count: int = 1) -> str:
    calls = bot.slack.wait_for(
        "views.publish", count, where=lambda c: c.body.get("user_id") == user
    )
    view = calls[-1].body.get("view")
    return view if isinstance(view, str) else json.dumps(view, ensure_ascii=False)
