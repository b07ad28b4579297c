"""Messages to people: private notes, direct messages, thread replies and replies to commands.

Every function here is best effort: a Slack error is logged (without message text) and
swallowed, because the database already holds the truth and a lost notification must never
undo a stored draft or vote.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.services import Services

log = logging.getLogger(__name__)


def explain_privately(services: Services, channel: str | None, user_id: str, message: str) -> None:
    """An ephemeral note to one person in a channel; a direct message when there is no channel."""
    if not channel:
        direct_message(services, user_id, message)
        return
    try:
        services.client.chat_postEphemeral(channel=channel, user=user_id, text=message)
    except SlackApiError as error:
        log.warning("could not send an ephemeral note: %s", error.response.get("error"))


def direct_message(services: Services, user_id: str, message: str) -> None:
    """A message in the person's conversation with Clearpost."""
    try:
        services.client.chat_postMessage(channel=user_id, text=message)
    except SlackApiError as error:
        log.warning("could not send a direct message: %s", error.response.get("error"))


def reply_in_thread(services: Services, channel: str, thread_ts: str, message: str) -> None:
    """A reply under an approval card, where the approvers' discussion lives."""
    try:
        services.client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=message)
    except SlackApiError as error:
        log.warning("could not reply in a card's thread: %s", error.response.get("error"))


def tell_author(services: Services, author_id: str, response_url: str | None, message: str) -> None:
    """Tell the author privately: through the slash command's response URL, else by DM."""
    if response_url:
        try:
            response = WebhookClient(response_url, timeout=10).send(
                text=message, response_type="ephemeral"
            )
            if response.status_code == 200:
                return
        except OSError as error:
            log.warning("response URL unreachable (%s); sending a DM instead", type(error).__name__)
    direct_message(services, author_id, message)


def open_view(services: Services, trigger_id: str, view: dict[str, Any]) -> bool:
    """Open a modal; False if Slack refused (an expired trigger, for instance)."""
    try:
        services.client.views_open(trigger_id=trigger_id, view=view)
    except SlackApiError as error:
        log.warning("could not open a modal: %s", error.response.get("error"))
        return False
    return True


def update_view(services: Services, view_id: str, view: dict[str, Any]) -> None:
    """Redraw an open modal (a live count, for instance); a lost update is redrawn next time."""
    try:
        services.client.views_update(view_id=view_id, view=view)
    except SlackApiError as error:
        log.warning("could not update a modal: %s", error.response.get("error"))


def publish_home(services: Services, user_id: str, view: dict[str, Any]) -> None:
    try:
        services.client.views_publish(user_id=user_id, view=view)
    except SlackApiError as error:
        log.warning("could not publish App Home: %s", error.response.get("error"))
