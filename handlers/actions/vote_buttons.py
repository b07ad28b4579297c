"""Approve, Reject and Request changes buttons on cards and in App Home.

Approve votes at once. Reject and Request changes first ask for a reason in a modal, but only
when the vote would count; anyone else's click is recorded and explained straight away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.home import refresh_home
from bot.notify import explain_privately, open_view
from bot.services import Services
from bot.views import vote_reason_modal
from bot.voting import cast_vote, vote_would_count
from policy.routing import Choice


def parse_button_value(value: str) -> tuple[int, int] | None:
    """``"12:3"`` -> draft 12, version 3; None for anything else."""
    draft, _, version = value.partition(":")
    if not (draft.isdigit() and version.isdigit()):
        return None
    return int(draft), int(version)


def make_vote_button(services: Services, choice: Choice) -> Callable[..., None]:
    def on_vote_button(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        target = parse_button_value(str(action.get("value", "")))
        user_id = (body.get("user") or {}).get("id")
        if target is None or not user_id:
            return
        draft_id, version = target
        wants_reason = choice is not Choice.APPROVE and body.get("trigger_id")
        if wants_reason and vote_would_count(services, draft_id, user_id, choice):
            modal = vote_reason_modal(draft_id, version, choice)
            if open_view(services, body["trigger_id"], modal):
                return
        vote_and_explain(services, body, user_id, choice, draft_id, version, reason=None)

    return on_vote_button


def vote_and_explain(
    services: Services,
    body: dict[str, Any],
    user_id: str,
    choice: Choice,
    draft_id: int,
    version: int,
    reason: str | None,
) -> None:
    """Cast the vote, explain privately if it did not count, and redraw App Home if used there."""
    result = cast_vote(
        services,
        voter_id=user_id,
        choice=choice,
        via="button",
        draft_id=draft_id,
        version=version,
        reason=reason,
    )
    if result.explanation:
        channel = (body.get("channel") or {}).get("id")
        explain_privately(services, channel, user_id, result.explanation)
    if (body.get("view") or {}).get("type") == "home":
        refresh_home(services, user_id)
