"""Slash command listeners."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers.commands.clearpost import make_clearpost_command
from handlers.commands.crisis import make_crisis_command
from handlers.commands.draft import make_draft_command


def register(app: App, services: Services) -> None:
    app.command("/draft")(make_draft_command(services))
    app.command("/clearpost")(make_clearpost_command(services))
    app.command("/crisis")(make_crisis_command(services))
