"""``/clearpost history <draft id>``: a draft's timeline for its author and approvers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, Respond

from bot.history import draft_history
from bot.services import Services

HELP = "Show a draft's timeline with `/clearpost history <draft id>`."


def make_clearpost_command(services: Services) -> Callable[..., None]:
    def handle_clearpost_command(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        words = (command.get("text") or "").split()
        if len(words) != 2 or words[0].lower() != "history" or not words[1].lstrip("#").isdigit():
            ack(HELP)
            return
        ack()
        draft_id = int(words[1].lstrip("#"))
        respond(
            text=draft_history(services, draft_id, command["user_id"]), response_type="ephemeral"
        )

    return handle_clearpost_command
