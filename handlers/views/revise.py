"""The revision modal's submission: a new version of the draft, checked again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.services import Services
from bot.store import DatabaseUnavailable
from bot.views import TEXT_BLOCK, TEXT_INPUT
from bot.workflow import SubmissionRefused, process_draft, revise_draft


def make_revise_submission(services: Services) -> Callable[..., None]:
    def on_revise(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = (view.get("state") or {}).get("values") or {}
        text = str((values.get(TEXT_BLOCK) or {}).get(TEXT_INPUT, {}).get("value") or "")
        draft_ref = str(view.get("private_metadata", ""))
        user_id = (body.get("user") or {}).get("id")
        if not draft_ref.isdigit() or not user_id:
            ack()
            return
        try:
            revise_draft(services, draft_id=int(draft_ref), author_id=user_id, text=text)
        except SubmissionRefused as refusal:
            ack(response_action="errors", errors={TEXT_BLOCK: str(refusal)[:150]})
            return
        except DatabaseUnavailable:
            ack(
                response_action="errors",
                errors={TEXT_BLOCK: "Clearpost cannot reach its database; try again shortly."},
            )
            return
        ack()
        process_draft(services, int(draft_ref))

    return on_revise
