"""Requests shaped and signed exactly as Slack sends them: slash commands, events, button clicks.

The local sandbox uses them to play Slack's part in front of the real Bolt app, and so do the
scenario tests. Responses are sent to the local Slack-compatible server's response URLs.
"""

from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from bot.local_slack import LocalSlack

TEAM_ID = "T0CLEARPOST"
APP_ID = "A0CLEARPOST"
DEFAULT_COMMAND_CHANNEL = "C0GENERAL"

_counter = itertools.count(1)


@dataclass
class HttpAnswer:
    """The bot's HTTP answer to one request."""

    status: int
    body: str

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


def signed_headers(
    secret: str, body: str, content_type: str, timestamp: int | None = None
) -> dict[str, str]:
    """The headers Slack adds to a request: its timestamp and the HMAC signature over both."""
    stamp = str(timestamp if timestamp is not None else int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    assert signature is not None  # None only without a secret, which the signature needs
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
    }


class SlackSender:
    """Plays Slack's part: sends signed slash commands, events and button clicks to the bot."""

    def __init__(
        self,
        bot_url: str,
        local_slack: LocalSlack,
        secret: str,
        *,
        approval_channel: str,
        timeout: float = 10.0,
    ) -> None:
        self.events_url = f"{bot_url}/slack/events"
        self.local_slack = local_slack
        self.secret = secret
        self.approval_channel = approval_channel
        self.timeout = timeout

    # ------------------------------------------------------------------ raw transport

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        signed: bool = True,
        extra_headers: dict[str, str] | None = None,
    ) -> HttpAnswer:
        if signed:
            headers = signed_headers(self.secret, body, content_type, timestamp)
        else:
            stamp = str(timestamp if timestamp is not None else int(time.time()))
            headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp}
        headers.update(extra_headers or {})
        request = urllib.request.Request(
            self.events_url, data=body.encode("utf-8"), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return HttpAnswer(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return HttpAnswer(error.code, error.read().decode())

    # ------------------------------------------------------------------ what users do

    def slash(
        self,
        user: str,
        command: str,
        text: str,
        *,
        channel: str = DEFAULT_COMMAND_CHANNEL,
        response_name: str | None = None,
        **kwargs: Any,
    ) -> HttpAnswer:
        """A slash command typed by ``user``; replies land on the response URL ``response_name``."""
        trigger = next(_counter)
        form = {
            "token": "legacy-token-unused",
            "team_id": TEAM_ID,
            "team_domain": "local",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "response_url": self.local_slack.response_url(response_name or f"command-{trigger}"),
            "trigger_id": f"trigger-{trigger}",
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded", **kwargs)

    def draft(self, user: str, text: str, **kwargs: Any) -> HttpAnswer:
        return self.slash(user, "/draft", text, **kwargs)

    def event(
        self, event: dict[str, Any], *, event_id: str | None = None, **kwargs: Any
    ) -> HttpAnswer:
        """An Events API delivery; pass the same ``event_id`` twice to imitate a retry."""
        envelope = {
            "token": "legacy-token-unused",
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(_counter):08d}",
            "event_time": int(time.time()),
            "authorizations": [
                {"team_id": TEAM_ID, "user_id": self.local_slack.bot_user_id, "is_bot": True}
            ],
        }
        return self.post(json.dumps(envelope), "application/json", **kwargs)

    def react(
        self,
        user: str,
        reaction: str,
        ts: str,
        *,
        channel: str | None = None,
        removed: bool = False,
        event_id: str | None = None,
        item_user: str | None = "U0CLEARPOST",
    ) -> HttpAnswer:
        """``user`` adds (or removes) ``reaction`` on the message ``ts``."""
        event: dict[str, Any] = {
            "type": "reaction_removed" if removed else "reaction_added",
            "user": user,
            "reaction": reaction,
            "item": {"type": "message", "channel": channel or self.approval_channel, "ts": ts},
            "event_ts": f"{time.time():.6f}",
        }
        if item_user is not None:
            event["item_user"] = item_user
        return self.event(event, event_id=event_id)

    def click(self, user: str, action_id: str, value: str, *, ts: str = "1.000001") -> HttpAnswer:
        """``user`` clicks the button ``action_id`` carrying ``value`` on an approval card."""
        channel = self.approval_channel
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM_ID, "domain": "local"},
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "api_app_id": APP_ID,
            "token": "legacy-token-unused",
            "container": {"type": "message", "message_ts": ts, "channel_id": channel},
            "trigger_id": f"trigger-{next(_counter)}",
            "channel": {"id": channel, "name": "approvals"},
            "message": {"ts": ts, "text": "card"},
            "response_url": self.local_slack.response_url(f"action-{next(_counter)}"),
            "actions": [
                {
                    "action_id": action_id,
                    "block_id": f"vote:{value}",
                    "type": "button",
                    "value": value,
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        }
        return self.post(
            urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
        )
