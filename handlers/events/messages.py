"""Messages in the approval channel: new ones are drafts, edits revise them, deletions withdraw."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.intake import (
    channel_message,
    receive_channel_message,
    revise_from_edit,
    withdraw_deleted_message,
)
from bot.services import Services


def make_message_listener(services: Services) -> Callable[..., None]:
    def on_message(event: dict[str, Any], body: dict[str, Any]) -> None:
        channel = event.get("channel")
        if not channel or channel != services.approval_channel:
            return
        event_id = body.get("event_id")
        subtype = event.get("subtype")
        if subtype in (None, "file_share"):
            message = channel_message(event, channel)
            if message is not None:
                receive_channel_message(services, message, event_id=event_id)
        elif subtype == "message_changed":
            message = channel_message(event.get("message") or {}, channel)
            if message is not None:
                revise_from_edit(services, message, event_id=event_id)
        elif subtype == "message_deleted":
            ts = event.get("deleted_ts") or (event.get("previous_message") or {}).get("ts")
            if ts:
                withdraw_deleted_message(services, channel=channel, ts=str(ts), event_id=event_id)

    return on_message
