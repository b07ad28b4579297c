"""Shortcut listeners (Slack's lightning-bolt menu and a message's ⋯ menu)."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers.shortcuts.submit_for_approval import SUBMIT_SHORTCUT, make_submit_shortcut


def register(app: App, services: Services) -> None:
    app.shortcut(SUBMIT_SHORTCUT)(make_submit_shortcut(services))
