"""The reason modal behind Reject and Request changes: its submission is the vote."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.services import Services
from bot.views import REASON_BLOCK, REASON_INPUT, parse_vote_reason_metadata
from handlers.actions.vote_buttons import vote_and_explain


def make_vote_reason_submission(services: Services) -> Callable[..., None]:
    def on_vote_reason(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = (view.get("state") or {}).get("values") or {}
        reason = str((values.get(REASON_BLOCK) or {}).get(REASON_INPUT, {}).get("value") or "")
        if not reason.strip():
            ack(response_action="errors", errors={REASON_BLOCK: "Say why, for the author."})
            return
        ack()
        target = parse_vote_reason_metadata(str(view.get("private_metadata", "")))
        user_id = (body.get("user") or {}).get("id")
        if target is None or not user_id:
            return
        draft_id, version, choice = target
        vote_and_explain(services, body, user_id, choice, draft_id, version, reason=reason)

    return on_vote_reason
