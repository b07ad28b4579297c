"""Live updates of the open submit modal: character count, publish time note, image slots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.notify import update_view
from bot.services import Services
from bot.submit_modal import SUBMIT_CALLBACK, redrawn_modal


def make_submit_modal_action(services: Services, *, add_image: bool = False) -> Callable[..., None]:
    def on_submit_modal_action(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        view = body.get("view") or {}
        user_id = (body.get("user") or {}).get("id")
        if view.get("callback_id") != SUBMIT_CALLBACK or not view.get("id") or not user_id:
            return
        modal = redrawn_modal(services, user_id, view, add_image=add_image)
        if modal is not None:
            update_view(services, view["id"], modal)

    return on_submit_modal_action
