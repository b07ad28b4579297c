"""Interactive component listeners (buttons on approval cards and in App Home)."""

from __future__ import annotations

from slack_bolt import App

from bot.cards import APPROVE_ACTION, REJECT_ACTION, REQUEST_CHANGES_ACTION, REVISE_ACTION
from bot.services import Services
from handlers.actions.revise_button import make_revise_button
from handlers.actions.vote_buttons import make_vote_button
from policy.routing import Choice


def register(app: App, services: Services) -> None:
    app.action(APPROVE_ACTION)(make_vote_button(services, Choice.APPROVE))
    app.action(REJECT_ACTION)(make_vote_button(services, Choice.REJECT))
    app.action(REQUEST_CHANGES_ACTION)(make_vote_button(services, Choice.REQUEST_CHANGES))
    app.action(REVISE_ACTION)(make_revise_button(services))
