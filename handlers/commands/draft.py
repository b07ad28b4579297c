"""``/draft <account> <text>`` submits a post; ``/draft revise <id> <text>`` revises one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, Respond

from bot.cards import escape
from bot.notify import open_view
from bot.publish_time import PublishTimeError, split_publish_time
from bot.services import Services
from bot.store import DatabaseUnavailable
from bot.submit_modal import prefilled_state, submit_modal
from bot.workflow import (
    SubmissionRefused,
    process_draft_soon,
    receive_draft,
    revise_draft,
)

log = logging.getLogger(__name__)


def usage(services: Services) -> str:
    accounts = ", ".join(f"`{account.id}`" for account in services.policy.accounts)
    return (
        "Submit a post for approval with `/draft <account> <post text>`, for example "
        f"`/draft {services.policy.accounts[0].id} Join us Saturday for our free flu clinic!`.\n"
        "Revise one with `/draft revise <draft id> <new text>`. To publish at a set time, put "
        "it first: `/draft <account> at 2026-12-01 09:00 <post text>` "
        f"({services.policy.organisation.timezone}).\n"
        f"Accounts: {accounts}."
    )


def make_draft_command(services: Services) -> Callable[..., None]:
    def handle_draft_command(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        text = (command.get("text") or "").strip()
        if not text:
            ack()
            if not _open_submit_modal(services, command):
                respond(text=usage(services), response_type="ephemeral")
            return
        first, _, body = text.partition(" ")
        first = first.strip().lower()
        if first == "revise":
            ack("Checking your revision…")
            _revise(services, command, body, respond)
            return
        ack(f"Checking your draft for `{escape(first)}`…")
        try:
            publish_at, body = split_publish_time(
                body, services.policy.organisation.timezone, services.clock()
            )
            draft_id = receive_draft(
                services,
                author_id=command["user_id"],
                account_id=first,
                text=body,
                source="slash_command",
                response_url=command.get("response_url"),
                publish_at=publish_at,
            )
        except (SubmissionRefused, DatabaseUnavailable, PublishTimeError) as problem:
            respond(text=refusal_text(problem, body), response_type="ephemeral")
            return
        process_draft_soon(services, draft_id)

    return handle_draft_command


def _open_submit_modal(services: Services, command: dict[str, Any]) -> bool:
    """``/draft`` alone opens the submit modal; False if it could not be opened."""
    modal = submit_modal(services, command["user_id"], prefilled_state())
    trigger_id = command.get("trigger_id")
    return modal is not None and bool(trigger_id) and open_view(services, str(trigger_id), modal)


def _revise(services: Services, command: dict[str, Any], body: str, respond: Respond) -> None:
    draft_ref, _, new_text = body.strip().partition(" ")
    draft_ref = draft_ref.lstrip("#")
    if not draft_ref.isdigit():
        respond(
            text="Say which draft to revise: `/draft revise <draft id> <new text>`.\n"
            + your_text(new_text or body),
            response_type="ephemeral",
        )
        return
    try:
        revise_draft(
            services,
            draft_id=int(draft_ref),
            author_id=command["user_id"],
            text=new_text,
            response_url=command.get("response_url"),
        )
    except (SubmissionRefused, DatabaseUnavailable) as problem:
        respond(text=refusal_text(problem, new_text), response_type="ephemeral")
        return
    process_draft_soon(services, int(draft_ref))


def refusal_text(problem: Exception, body: str) -> str:
    """Why a draft was not accepted, followed by the author's own text so nothing is lost."""
    if isinstance(problem, DatabaseUnavailable):
        reason = (
            "Clearpost cannot reach its database right now, so your draft was not saved. "
            "Please try again in a minute."
        )
    else:
        reason = str(problem)
    return f"{reason}\n{your_text(body)}".rstrip()


def your_text(body: str) -> str:
    """The author's own text back to them, so a refused draft is never lost."""
    if not body.strip():
        return ""
    shown = body if len(body) <= 2800 else body[:2800] + " …"
    return f"Your text, to copy:\n```{escape(shown)}```"
