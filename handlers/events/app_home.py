"""App Home: redrawn each time a person opens it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.home import refresh_home
from bot.services import Services


def make_app_home_listener(services: Services) -> Callable[..., None]:
    def on_app_home_opened(event: dict[str, Any]) -> None:
        if event.get("tab", "home") == "home" and event.get("user"):
            refresh_home(services, event["user"])

    return on_app_home_opened
