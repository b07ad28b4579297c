"""The Slack app manifest, generated from one declaration of what Clearpost's code uses.

``clearpost manifest [--socket | --http --url URL]`` prints it as YAML; ``deploy/`` keeps the
generated copies. ``SLACK_SURFACE`` is the single place that lists the slash commands, events,
interactive callbacks and shortcuts the handlers register, and the bot scopes they need; a test
compares it with the listeners registered on the built Bolt app and with the Web API methods the
code calls, so the manifest cannot drift from the code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from re import Pattern
from typing import Any

import yaml
from slack_bolt import App

from bot.server import SLACK_EVENTS_PATH

PLACEHOLDER_URL = "https://clearpost.example.org"
DEPLOY_DIR = Path(__file__).resolve().parent.parent / "deploy"
HTTP_MANIFEST_FILE = "slack-manifest.yaml"
SOCKET_MANIFEST_FILE = "slack-manifest-socket.yaml"


@dataclass(frozen=True)
class SlashCommand:
    """A slash command as Slack shows it in the composer."""

    command: str
    description: str
    usage_hint: str = ""


@dataclass(frozen=True)
class Shortcut:
    """A global or message shortcut (Slack's lightning-bolt menu)."""

    callback_id: str
    name: str
    description: str
    type: str = "global"  # global | message


@dataclass(frozen=True)
class SlackSurface:
    """Everything Clearpost asks of a Slack workspace."""

    commands: tuple[SlashCommand, ...]
    bot_events: tuple[str, ...]
    action_ids: tuple[str, ...]
    view_callback_ids: tuple[str, ...]
    shortcuts: tuple[Shortcut, ...]
    bot_scopes: tuple[str, ...]
    home_tab: bool
    direct_messages: bool

    @property
    def event_types(self) -> set[str]:
        """The event types the subscriptions deliver (``message.channels`` delivers ``message``)."""
        return {event.split(".", 1)[0] for event in self.bot_events}

    @property
    def interactive(self) -> bool:
        return bool(self.action_ids or self.view_callback_ids or self.shortcuts)


SLACK_SURFACE = SlackSurface(
    commands=(
        SlashCommand("/draft", "Submit a social media post for approval", "<account> <post text>"),
        SlashCommand(
            "/clearpost", "A draft's history, for its author and approvers", "history <draft id>"
        ),
        SlashCommand(
            "/crisis",
            "Crisis team: declare, status, resolve, compromised <account>, unlock <account>",
            "declare <summary> | status | resolve | compromised <account> | unlock <account>",
        ),
    ),
    bot_events=("app_home_opened", "message.channels", "reaction_added", "reaction_removed"),
    action_ids=(
        "clearpost_approve",
        "clearpost_reject",
        "clearpost_request_changes",
        "clearpost_revise",
        "clearpost_mark_published",
        "clearpost_release_held",
        "clearpost_checklist_tick",
        "clearpost_pick_account",
        "clearpost_submit_account",
        "clearpost_submit_text",
        "clearpost_submit_publish_at",
        "clearpost_submit_add_image",
    ),
    view_callback_ids=(
        "clearpost_revise_submit",
        "clearpost_vote_reason",
        "clearpost_submit_draft",
    ),
    shortcuts=(
        Shortcut(
            "clearpost_submit_for_approval",
            "Submit for approval",
            "Check this message with Clearpost and send it for approval",
            type="message",
        ),
    ),
    bot_scopes=("channels:history", "chat:write", "commands", "reactions:read", "usergroups:read"),
    home_tab=True,
    direct_messages=True,
)

# The bot scope each Web API method needs (None: no scope). A method the code calls that is not
# listed here fails the manifest test, so a new call cannot ship without its scope.
WEB_API_SCOPES: dict[str, str | None] = {
    "auth_test": None,
    "chat_delete": "chat:write",
    "chat_getPermalink": None,
    "chat_postEphemeral": "chat:write",
    "chat_postMessage": "chat:write",
    "chat_update": "chat:write",
    "conversations_history": "channels:history",
    "conversations_info": "channels:read",
    "conversations_open": "im:write",
    "reactions_add": "reactions:write",
    "reactions_get": "reactions:read",
    "usergroups_list": "usergroups:read",
    "usergroups_users_list": "usergroups:read",
    "users_info": "users:read",
    "views_open": None,
    "views_publish": None,
    "views_update": None,
}

# The bot scope each event subscription needs.
EVENT_SCOPES: dict[str, str | None] = {
    "app_home_opened": None,
    "app_mention": "app_mentions:read",
    "member_joined_channel": "channels:read",
    "message.channels": "channels:history",
    "reaction_added": "reactions:read",
    "reaction_removed": "reactions:read",
}

_WEB_API_CALL = re.compile(
    r"\.((?:auth|chat|conversations|reactions|usergroups|users|views)_[A-Za-z_]+)\("
)


def web_api_methods_called(sources: Iterable[Path]) -> set[str]:
    """The ``WebClient`` methods (``chat_postMessage``, ...) called in these Python files."""
    found: set[str] = set()
    for source in sources:
        found.update(_WEB_API_CALL.findall(source.read_text(encoding="utf-8")))
    return found


def required_scopes(surface: SlackSurface, methods: Iterable[str]) -> set[str]:
    """The bot scopes the commands, events and Web API calls need; KeyError for unknown ones."""
    scopes = {"commands"} if surface.commands else set()
    scopes.update(scope for m in methods if (scope := WEB_API_SCOPES[m]) is not None)
    scopes.update(scope for e in surface.bot_events if (scope := EVENT_SCOPES[e]) is not None)
    return scopes


# --------------------------------------------------------------------------- registered listeners


@dataclass
class RegisteredListeners:
    """What a built Bolt app listens for, read from its listener matchers."""

    commands: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    views: set[str] = field(default_factory=set)
    shortcuts: set[str] = field(default_factory=set)
    unrecognised: list[str] = field(default_factory=list)


# Bolt builds each listener's matcher as a closure inside a function named after the listener
# kind (``command.<locals>.func``); the closure holds the constraint given at registration.
_MATCHER_KINDS = {
    "command": "commands",
    "event": "events",
    "action": "actions",
    "block_action": "actions",
    "view": "views",
    "view_submission": "views",
    "view_closed": "views",
    "shortcut": "shortcuts",
    "global_shortcut": "shortcuts",
    "message_shortcut": "shortcuts",
}


def registered_listeners(app: App) -> RegisteredListeners:
    """The commands, events, action ids, view callbacks and shortcuts registered on ``app``."""
    found = RegisteredListeners()
    for listener in app._listeners:
        for matcher in listener.matchers:
            func = getattr(matcher, "func", None)
            qualname = getattr(func, "__qualname__", "")
            kind = _MATCHER_KINDS.get(qualname.split(".<locals>", 1)[0])
            constraint = _closure_constraint(func)
            if kind is None or constraint is None:
                found.unrecognised.append(qualname or repr(matcher))
                continue
            getattr(found, kind).add(constraint)
    return found


def _closure_constraint(func: Any) -> str | None:
    for cell in getattr(func, "__closure__", None) or ():
        value = cell.cell_contents
        if isinstance(value, str):
            return value
        if isinstance(value, Pattern):
            return value.pattern
        if isinstance(value, dict):
            for key in ("action_id", "callback_id", "type"):
                inner = value.get(key)
                if isinstance(inner, str):
                    return inner
    return None


# --------------------------------------------------------------------------- YAML


def build_manifest(*, socket_mode: bool, url: str = PLACEHOLDER_URL) -> dict[str, Any]:
    """The manifest as a dict: Socket Mode, or HTTP mode with requests sent to ``url``."""
    surface = SLACK_SURFACE
    request_url = url.rstrip("/") + SLACK_EVENTS_PATH
    commands = []
    for command in surface.commands:
        entry: dict[str, Any] = {"command": command.command}
        if not socket_mode:
            entry["url"] = request_url
        entry["description"] = command.description
        if command.usage_hint:
            entry["usage_hint"] = command.usage_hint
        entry["should_escape"] = False
        commands.append(entry)
    features: dict[str, Any] = {
        "app_home": {
            "home_tab_enabled": surface.home_tab,
            "messages_tab_enabled": surface.direct_messages,
            "messages_tab_read_only_enabled": surface.direct_messages,
        },
        "bot_user": {"display_name": "Clearpost", "always_online": True},
        "slash_commands": commands,
    }
    if surface.shortcuts:
        features["shortcuts"] = [
            {
                "name": shortcut.name,
                "type": shortcut.type,
                "callback_id": shortcut.callback_id,
                "description": shortcut.description,
            }
            for shortcut in surface.shortcuts
        ]
    events: dict[str, Any] = {"bot_events": list(surface.bot_events)}
    interactivity: dict[str, Any] = {"is_enabled": surface.interactive}
    if not socket_mode:
        events = {"request_url": request_url, **events}
        if surface.interactive:
            interactivity["request_url"] = request_url
    return {
        "display_information": {
            "name": "Clearpost",
            "description": "Clears social media posts against your policy and for patient "
            "privacy before they go out.",
            "background_color": "#1d4e6b",
        },
        "features": features,
        "oauth_config": {"scopes": {"bot": sorted(surface.bot_scopes)}},
        "settings": {
            "event_subscriptions": events,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket_mode,
            "token_rotation_enabled": False,
        },
    }


def manifest_yaml(*, socket_mode: bool, url: str = PLACEHOLDER_URL) -> str:
    """The manifest as YAML, with a header saying how it was made and how to use it."""
    if socket_mode:
        header = (
            "# Slack app manifest for Clearpost in Socket Mode (no public URL needed).\n"
            "# Generated by `clearpost manifest --socket`; do not edit by hand.\n"
            "# Create the app at api.slack.com/apps -> Create New App -> From a manifest.\n"
        )
    else:
        header = (
            "# Slack app manifest for Clearpost in HTTP mode, sending requests to\n"
            f"# {url.rstrip('/')}{SLACK_EVENTS_PATH}.\n"
            f"# Generated by `clearpost manifest --http --url {url}`; do not edit by hand.\n"
            "# Create the app at api.slack.com/apps -> Create New App -> From a manifest.\n"
        )
    body = yaml.safe_dump(
        build_manifest(socket_mode=socket_mode, url=url), sort_keys=False, width=100
    )
    return header + body
