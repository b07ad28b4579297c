"""Slack listeners, thin: parse the payload, call the workflow in ``bot``, reply.

``register`` is the one place that wires every listener into the Bolt app.
"""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers import actions, commands, events, shortcuts, views


def register(app: App, services: Services) -> None:
    """Attach every Clearpost listener to ``app``."""
    commands.register(app, services)
    events.register(app, services)
    actions.register(app, services)
    views.register(app, services)
    shortcuts.register(app, services)
