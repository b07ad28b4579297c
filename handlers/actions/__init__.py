"""Interactive component listeners (buttons on approval cards)."""

from __future__ import annotations

from slack_bolt import App

from bot.cards import APPROVE_ACTION, REJECT_ACTION, REQUEST_CHANGES_ACTION
from bot.services import Services
from handlers.actions.vote_buttons import make_vote_button
from policy.routing import Choice


def register(app: App, services: Services) -> None:
    app.action(APPROVE_ACTION)(make_vote_button(services, Choice.APPROVE))
    app.action(REJECT_ACTION)(make_vote_button(services, Choice.REJECT))
    app.action(REQUEST_CHANGES_ACTION)(make_vote_button(services, Choice.REQUEST_CHANGES))
