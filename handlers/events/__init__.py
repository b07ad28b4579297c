"""Events API listeners."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers.events.app_home import make_app_home_listener
from handlers.events.messages import make_message_listener
from handlers.events.reactions import make_reaction_listeners


def register(app: App, services: Services) -> None:
    on_added, on_removed = make_reaction_listeners(services)
    app.event("reaction_added")(on_added)
    app.event("reaction_removed")(on_removed)
    app.event("app_home_opened")(make_app_home_listener(services))
    app.event("message")(make_message_listener(services))
