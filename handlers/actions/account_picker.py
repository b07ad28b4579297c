"""The account picker offered for a channel message with no account: a choice submits it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, Respond

from bot.intake import parse_picker_value, submit_picked_account
from bot.notify import explain_privately
from bot.services import Services


def make_account_picker(services: Services) -> Callable[..., None]:
    def on_account_picked(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
    ) -> None:
        ack()
        user_id = (body.get("user") or {}).get("id")
        picked = parse_picker_value(str(action.get("value", "")))
        if not user_id or picked is None:
            return
        account_id, channel, ts = picked
        note = submit_picked_account(
            services, user_id=user_id, account_id=account_id, channel=channel, ts=ts
        )
        if body.get("response_url"):
            respond(text=note, replace_original=True, response_type="ephemeral")
        else:
            explain_privately(services, channel, user_id, note)

    return on_account_picked
