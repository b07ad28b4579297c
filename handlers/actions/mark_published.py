"""The card's Mark as published button, for the ``none`` publisher."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.notify import explain_privately
from bot.publishing import confirm_published
from bot.services import Services
from handlers.actions.vote_buttons import parse_button_value


def make_mark_published_button(services: Services) -> Callable[..., None]:
    def on_mark_published(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        user = (body.get("user") or {}).get("id")
        target = parse_button_value(str(action.get("value", "")))
        if not user or target is None:
            return
        refusal = confirm_published(services, draft_id=target[0], by=user)
        if refusal:
            explain_privately(services, (body.get("channel") or {}).get("id"), user, refusal)

    return on_mark_published
