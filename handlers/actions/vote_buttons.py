"""Approve, Reject and Request changes buttons: the same vote as a reaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.services import Services
from bot.workflow import cast_vote, explain_privately
from policy.routing import Choice


def parse_button_value(value: str) -> tuple[int, int] | None:
    """``"12:3"`` -> draft 12, version 3; None for anything else."""
    draft, _, version = value.partition(":")
    if not (draft.isdigit() and version.isdigit()):
        return None
    return int(draft), int(version)


def make_vote_button(services: Services, choice: Choice) -> Callable[..., None]:
    def on_vote_button(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        target = parse_button_value(str(action.get("value", "")))
        user_id = (body.get("user") or {}).get("id")
        if target is None or not user_id:
            return
        draft_id, version = target
        result = cast_vote(
            services,
            voter_id=user_id,
            choice=choice,
            via="button",
            draft_id=draft_id,
            version=version,
        )
        channel = (body.get("channel") or {}).get("id")
        if result.explanation and channel:
            explain_privately(services, channel, user_id, result.explanation)

    return on_vote_button
