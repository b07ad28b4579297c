"""The card's Revise button: opens the revision modal for the author, explains to anyone else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.models import Draft, DraftStatus
from bot.notify import explain_privately, open_view
from bot.services import Services
from bot.views import revise_modal


def make_revise_button(services: Services) -> Callable[..., None]:
    def on_revise_button(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        user_id = (body.get("user") or {}).get("id")
        value = str(action.get("value", ""))
        channel = (body.get("channel") or {}).get("id")
        if not user_id or not value.isdigit():
            return
        with services.store.transaction() as session:
            draft = session.get(Draft, int(value))
            if draft is None:
                return
            allowed = draft.author_id == user_id and draft.status in DraftStatus.REVISABLE
            # The modal is private to the author, who wrote this text: it may hold it unredacted.
            current_text = draft.version.text if allowed else ""
            author_id = draft.author_id
        if not allowed:
            why = (
                f"Only the author (<@{author_id}>) can revise draft #{value}."
                if user_id != author_id
                else f"Draft #{value} can no longer be revised; submit a new draft."
            )
            explain_privately(services, channel, user_id, why)
            return
        open_view(services, body["trigger_id"], revise_modal(int(value), current_text))

    return on_revise_button
