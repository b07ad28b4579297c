"""``/draft <account> <text>``: submit a post for approval."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, Respond

from bot.cards import escape
from bot.services import Services
from bot.store import DatabaseUnavailable
from bot.workflow import SubmissionRefused, process_draft, receive_draft

log = logging.getLogger(__name__)


def usage(services: Services) -> str:
    accounts = ", ".join(f"`{account.id}`" for account in services.policy.accounts)
    return (
        "Submit a post for approval with `/draft <account> <post text>`, for example "
        f"`/draft {services.policy.accounts[0].id} Join us Saturday for our free flu clinic!`.\n"
        f"Accounts: {accounts}."
    )


def make_draft_command(services: Services) -> Callable[..., None]:
    def handle_draft_command(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        text = (command.get("text") or "").strip()
        if not text:
            ack(usage(services))
            return
        account_id, _, body = text.partition(" ")
        account_id = account_id.strip().lower()
        ack(f"Checking your draft for `{escape(account_id)}`…")
        try:
            draft_id = receive_draft(
                services,
                author_id=command["user_id"],
                account_id=account_id,
                text=body,
                source="slash_command",
                response_url=command.get("response_url"),
            )
        except SubmissionRefused as refusal:
            respond(text=f"{refusal}\n{_your_text(body)}", response_type="ephemeral")
            return
        except DatabaseUnavailable:
            respond(
                text="Clearpost cannot reach its database right now, so your draft was not saved. "
                f"Please try again in a minute.\n{_your_text(body)}",
                response_type="ephemeral",
            )
            return
        process_draft(services, draft_id)

    return handle_draft_command


def _your_text(body: str) -> str:
    """The author's own text back to them, so a refused draft is never lost."""
    if not body.strip():
        return ""
    shown = body if len(body) <= 2800 else body[:2800] + " …"
    return f"Your text, to copy:\n```{escape(shown)}```"
