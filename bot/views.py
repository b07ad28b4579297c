"""Block Kit modals and the App Home view, kept apart from request handling like the cards."""

from __future__ import annotations

from typing import Any

from bot.cards import (
    APPROVE_ACTION,
    REJECT_ACTION,
    REQUEST_CHANGES_ACTION,
    Block,
    escape,
    quote,
)
from policy.routing import Choice

VOTE_REASON_CALLBACK = "clearpost_vote_reason"
REVISE_CALLBACK = "clearpost_revise_submit"
REASON_BLOCK, REASON_INPUT = "reason", "reason_input"
TEXT_BLOCK, TEXT_INPUT = "draft_text", "draft_text_input"

_CHOICE_TITLES = {Choice.REJECT: "Reject draft", Choice.REQUEST_CHANGES: "Request changes"}


def vote_reason_modal(draft_id: int, version: int, choice: Choice) -> dict[str, Any]:
    """Asks an approver why they reject or want changes; the reason reaches the author."""
    return {
        "type": "modal",
        "callback_id": VOTE_REASON_CALLBACK,
        "private_metadata": f"{draft_id}:{version}:{choice.value}",
        "title": {"type": "plain_text", "text": _CHOICE_TITLES[choice]},
        "submit": {"type": "plain_text", "text": "Send"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {
                "type": "input",
                "block_id": REASON_BLOCK,
                "label": {"type": "plain_text", "text": f"Why? (draft #{draft_id})"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": REASON_INPUT,
                    "multiline": True,
                    "max_length": 2000,
                    "placeholder": {
                        "type": "plain_text",
                        "text": "The author sees this; do not include patient details.",
                    },
                },
            }
        ],
    }


def parse_vote_reason_metadata(metadata: str) -> tuple[int, int, Choice] | None:
    draft, _, rest = metadata.partition(":")
    version, _, choice = rest.partition(":")
    if not (draft.isdigit() and version.isdigit()):
        return None
    try:
        return int(draft), int(version), Choice(choice)
    except ValueError:
        return None


def revise_modal(draft_id: int, current_text: str) -> dict[str, Any]:
    """Lets the author edit the draft; the modal is private to them."""
    return {
        "type": "modal",
        "callback_id": REVISE_CALLBACK,
        "private_metadata": str(draft_id),
        "title": {"type": "plain_text", "text": f"Revise draft #{draft_id}"[:24]},
        "submit": {"type": "plain_text", "text": "Submit revision"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {
                "type": "input",
                "block_id": TEXT_BLOCK,
                "label": {"type": "plain_text", "text": "Post text"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": TEXT_INPUT,
                    "multiline": True,
                    "initial_value": current_text[:3000],
                    "max_length": 3000,
                },
            }
        ],
    }


def home_view(waiting: list[dict[str, Any]], own: list[dict[str, Any]]) -> dict[str, Any]:
    """App Home: drafts waiting for this person's vote, and the drafts they wrote.

    Each item is ``{"id", "version", "account", "status", "redacted_text", "blocked"}``.
    """
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Waiting for you"}}
    ]
    if not waiting:
        blocks.append(_plain_section("Nothing is waiting for your approval."))
    for item in waiting:
        blocks.append(
            _mrkdwn_section(
                f"*Draft #{item['id']}* for {escape(item['account'])} "
                f"(version {item['version']})\n{quote(_short(item['redacted_text']))}"
            )
        )
        value = f"{item['id']}:{item['version']}"
        buttons: list[Block] = []
        if not item["blocked"]:
            buttons.append(_button(APPROVE_ACTION, "Approve", value, "primary"))
        buttons.append(_button(REQUEST_CHANGES_ACTION, "Request changes", value))
        buttons.append(_button(REJECT_ACTION, "Reject", value, "danger"))
        blocks.append({"type": "actions", "block_id": f"home-vote:{value}", "elements": buttons})
    blocks.append({"type": "divider"})
    blocks.append({"type": "header", "text": {"type": "plain_text", "text": "Your drafts"}})
    if not own:
        blocks.append(_plain_section("You have not submitted any drafts yet. Try /draft."))
    for item in own:
        state = str(item["status"]).replace("_", " ")
        blocks.append(
            _mrkdwn_section(
                f"*Draft #{item['id']}* for {escape(item['account'])}: *{state}* "
                f"(version {item['version']})\n{quote(_short(item['redacted_text']))}"
            )
        )
    return {"type": "home", "blocks": blocks[:100]}


def _short(text: str, limit: int = 280) -> str:
    return text if len(text) <= limit else text[:limit] + " …"


def _plain_section(text: str) -> Block:
    return {"type": "section", "text": {"type": "plain_text", "text": text}}


def _mrkdwn_section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:2900]}}


def _button(action_id: str, label: str, value: str, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": label},
        "value": value,
    }
    if style:
        button["style"] = style
    return button
