"""The submit modal's submission: checked at once, blocking findings shown under their fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.services import Services
from bot.submit_modal import finish_modal_draft, read_state, submit_modal_draft


def make_submit_submission(services: Services) -> Callable[..., None]:
    def on_submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        user_id = (body.get("user") or {}).get("id")
        if not user_id:
            ack()
            return
        state = read_state(view)
        outcome = submit_modal_draft(services, user_id, state)
        if outcome.draft_id is None:
            ack(response_action="errors", errors=outcome.errors)
            return
        ack()
        finish_modal_draft(services, outcome.draft_id, user_id, state)

    return on_submit
