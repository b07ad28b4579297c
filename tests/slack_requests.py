"""The scenario tests' Slack stand-in: bot.slack_requests with the test workspace's values."""

from __future__ import annotations

from bot.local_slack import LocalSlack
from bot.slack_requests import TEAM_ID, HttpAnswer
from bot.slack_requests import SlackSender as _SlackSender

APPROVAL_CHANNEL = "C0APPROVALS"
SIGNING_SECRET = "test-signing-secret"


class SlackSender(_SlackSender):
    """Signed requests for the test workspace: its signing secret and approval channel."""

    def __init__(self, bot_url: str, local_slack: LocalSlack, secret: str = SIGNING_SECRET) -> None:
        super().__init__(bot_url, local_slack, secret, approval_channel=APPROVAL_CHANNEL)


__all__ = ["APPROVAL_CHANNEL", "SIGNING_SECRET", "TEAM_ID", "HttpAnswer", "SlackSender"]
