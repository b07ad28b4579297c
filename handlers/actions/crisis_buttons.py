"""Buttons of the crisis flow: Release on held posts, Done on checklist items."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.crisis import release_held_post, tick_checklist_item
from bot.notify import explain_privately
from bot.services import Services


def _who_and_where(body: dict[str, Any]) -> tuple[str | None, str | None]:
    return (body.get("user") or {}).get("id"), (body.get("channel") or {}).get("id")


def make_release_button(services: Services) -> Callable[..., None]:
    def on_release(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        user, channel = _who_and_where(body)
        value = str(action.get("value", ""))
        if user and value.isdigit():
            note = release_held_post(services, draft_id=int(value), by=user)
            explain_privately(services, channel, user, note)

    return on_release


def make_checklist_button(services: Services) -> Callable[..., None]:
    def on_checklist_tick(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        user, channel = _who_and_where(body)
        lock, _, item = str(action.get("value", "")).partition(":")
        if not (user and lock.isdigit() and item.isdigit()):
            return
        refusal = tick_checklist_item(services, lock_id=int(lock), item=int(item), by=user)
        if refusal:
            explain_privately(services, channel, user, refusal)

    return on_checklist_tick
