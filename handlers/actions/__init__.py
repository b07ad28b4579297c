"""Interactive component listeners (buttons on approval cards and in App Home)."""

from __future__ import annotations

from slack_bolt import App

from bot.cards import (
    APPROVE_ACTION,
    MARK_PUBLISHED_ACTION,
    REJECT_ACTION,
    REQUEST_CHANGES_ACTION,
    REVISE_ACTION,
)
from bot.crisis import CHECKLIST_ACTION, RELEASE_ACTION
from bot.intake import ACCOUNT_PICKER_ACTION
from bot.services import Services
from bot.submit_modal import ADD_IMAGE_ACTION, LIVE_ACTIONS
from handlers.actions.account_picker import make_account_picker
from handlers.actions.crisis_buttons import make_checklist_button, make_release_button
from handlers.actions.mark_published import make_mark_published_button
from handlers.actions.revise_button import make_revise_button
from handlers.actions.submit_modal import make_submit_modal_action
from handlers.actions.vote_buttons import make_vote_button
from policy.routing import Choice


def register(app: App, services: Services) -> None:
    app.action(APPROVE_ACTION)(make_vote_button(services, Choice.APPROVE))
    app.action(REJECT_ACTION)(make_vote_button(services, Choice.REJECT))
    app.action(REQUEST_CHANGES_ACTION)(make_vote_button(services, Choice.REQUEST_CHANGES))
    app.action(REVISE_ACTION)(make_revise_button(services))
    app.action(MARK_PUBLISHED_ACTION)(make_mark_published_button(services))
    app.action(RELEASE_ACTION)(make_release_button(services))
    app.action(CHECKLIST_ACTION)(make_checklist_button(services))
    app.action(ACCOUNT_PICKER_ACTION)(make_account_picker(services))
    for live_action in LIVE_ACTIONS:
        adds_image = live_action == ADD_IMAGE_ACTION
        app.action(live_action)(make_submit_modal_action(services, add_image=adds_image))
