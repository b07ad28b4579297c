"""The "Submit for approval" message shortcut: the submit modal, filled in from the message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.intake import media_from_files, plain_text, split_account_tag
from bot.notify import direct_message, open_view
from bot.services import Services
from bot.submit_modal import prefilled_state, submit_modal

SUBMIT_SHORTCUT = "clearpost_submit_for_approval"


def make_submit_shortcut(services: Services) -> Callable[..., None]:
    def on_submit_shortcut(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        user_id = (body.get("user") or {}).get("id")
        if not user_id or not body.get("trigger_id"):
            return
        message = body.get("message") or {}
        account_id, text = split_account_tag(plain_text(str(message.get("text") or "")))
        state = prefilled_state(text, media_from_files(message.get("files") or []), account_id)
        modal = submit_modal(services, user_id, state)
        if modal is None:
            direct_message(
                services,
                user_id,
                "You are not one of the people who may post for any account, so there is "
                "nothing to submit this message for. Ask the communications team to add you.",
            )
            return
        open_view(services, body["trigger_id"], modal)

    return on_submit_shortcut
