"""Reactions on approval cards are votes: added casts one, removed withdraws it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.notify import explain_privately
from bot.queries import CardRef
from bot.services import Services
from bot.voting import cast_vote, withdraw_vote
from policy.routing import Choice
from policy.schema import Reactions


def reaction_choice(reaction: str, reactions: Reactions) -> Choice | None:
    """The vote a reaction stands for; skin tones (``+1::skin-tone-3``) are ignored."""
    name = reaction.split("::", 1)[0].strip(":")
    if name in reactions.approve:
        return Choice.APPROVE
    if name in reactions.reject:
        return Choice.REJECT
    if name in reactions.request_changes:
        return Choice.REQUEST_CHANGES
    return None


def _vote_target(event: dict[str, Any], services: Services) -> tuple[Choice, CardRef] | None:
    item = event.get("item") or {}
    if item.get("type") != "message" or not item.get("channel") or not item.get("ts"):
        return None
    choice = reaction_choice(str(event.get("reaction", "")), services.policy.approvals.reactions)
    if choice is None or not event.get("user"):
        return None
    return choice, CardRef(channel=item["channel"], ts=item["ts"])


def make_reaction_listeners(
    services: Services,
) -> tuple[Callable[..., None], Callable[..., None]]:
    def on_reaction_added(event: dict[str, Any], body: dict[str, Any]) -> None:
        target = _vote_target(event, services)
        if target is None:
            return
        choice, card = target
        result = cast_vote(
            services,
            voter_id=event["user"],
            choice=choice,
            via="reaction",
            card=card,
            event_id=body.get("event_id"),
        )
        if result.explanation:
            explain_privately(services, card.channel, event["user"], result.explanation)

    def on_reaction_removed(event: dict[str, Any], body: dict[str, Any]) -> None:
        target = _vote_target(event, services)
        if target is None:
            return
        choice, card = target
        withdraw_vote(
            services,
            voter_id=event["user"],
            choice=choice,
            card=card,
            event_id=body.get("event_id"),
        )

    return on_reaction_added, on_reaction_removed
