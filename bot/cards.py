"""Block Kit rendering of approval cards and replies, kept apart from request handling.

Everything a user typed is escaped before it reaches mrkdwn, so a draft containing ``<!channel>``
or ``<@U123>`` is shown literally and never pings anyone. Cards only ever show redacted text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from policy import Finding, Verdict
from policy.routing import Outcome, Tally
from policy.schema import Account, Reactions

Block = dict[str, Any]

APPROVE_ACTION = "clearpost_approve"
REJECT_ACTION = "clearpost_reject"
REQUEST_CHANGES_ACTION = "clearpost_request_changes"
REVISE_ACTION = "clearpost_revise"
MARK_PUBLISHED_ACTION = "clearpost_mark_published"

VERDICT_LABELS = {
    Verdict.PASS: ":large_green_circle: Passed the checks",
    Verdict.REVIEW: ":large_yellow_circle: Needs review",
    Verdict.BLOCK: ":red_circle: Blocked: cannot be approved as it stands",
}
OUTCOME_LABELS = {
    Outcome.APPROVED: ":white_check_mark: Approved",
    Outcome.REJECTED: ":x: Rejected",
    Outcome.CHANGES_REQUESTED: ":pencil2: Changes requested",
}
MAX_TEXT_IN_CARD = 2900  # a section block holds at most 3,000 characters
SLACK_FILES_URL = "https://files.slack.com/"  # where files shared in Slack live (url_private)


def escape(text: str) -> str:
    """Escape user text for mrkdwn: no mentions, links or channel pings survive."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quote(text: str) -> str:
    """User text as a mrkdwn block quote, escaped and cut to fit one block."""
    shown = text if len(text) <= MAX_TEXT_IN_CARD else text[:MAX_TEXT_IN_CARD] + " …"
    return "\n".join("> " + line if line else ">" for line in escape(shown).splitlines() or [""])


def describe_finding(finding: Finding) -> str:
    """One mrkdwn bullet for a finding: category, severity, message, clause and fix."""
    line = f"• *{finding.category.value}* ({finding.severity.value}): {escape(finding.message)}"
    line += f"\n    _Policy: {escape(finding.policy_ref)}_"
    if finding.suggestion:
        line += f"\n    Suggestion: {escape(finding.suggestion)}"
    return line


def describe_findings(findings: tuple[Finding, ...] | list[Finding]) -> str:
    if not findings:
        return "No findings."
    return "\n".join(describe_finding(finding) for finding in findings)


def describe_progress(tally: Tally) -> str:
    """'Approvers of Main X account 1/1 ✓ · Privacy office 0/1'."""
    parts = []
    for item in tally.progress:
        mark = " ✓" if item.met else ""
        parts.append(
            f"{escape(item.signoff.name)} {item.approvals}/{item.signoff.min_approvals}{mark}"
        )
    return " · ".join(parts)


@dataclass(frozen=True)
class CardModel:
    """What an approval card shows about one draft version."""

    draft_id: int
    version: int
    account: Account
    author_id: str
    verdict: Verdict
    findings: tuple[Finding, ...]
    redacted_text: str
    tally: Tally
    reactions: Reactions
    outcome: Outcome | None = None
    decided_by: str | None = None
    previous_redacted_text: str | None = None
    status_note: str | None = None
    media: tuple[dict[str, Any], ...] = ()
    open_for_votes: bool = True
    can_mark_published: bool = False


def approval_card(card: CardModel) -> tuple[str, list[Block]]:
    """Fallback text and blocks of the approval card."""
    title = f"Draft #{card.draft_id} for {card.account.display_name}"
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": title[:150]}},
        {
            "type": "context",
            "elements": [
                {
                    "type": "mrkdwn",
                    "text": f"Submitted by <@{card.author_id}> · {escape(card.account.handle)} "
                    f"on {card.account.platform.value} · version {card.version}",
                }
            ],
        },
        {"type": "section", "text": {"type": "mrkdwn", "text": quote(card.redacted_text)}},
    ]
    if card.media:
        blocks.extend(media_blocks(card.media))
    if card.previous_redacted_text is not None:
        changes = describe_changes(card.previous_redacted_text, card.redacted_text)
        blocks.append(
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": f"*What changed since version {card.version - 1}:* {changes}\n"
                    "_Earlier approvals no longer count._",
                },
            }
        )
    blocks.append(
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*{VERDICT_LABELS[card.verdict]}*"}}
    )
    if card.findings:
        blocks.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": describe_findings(card.findings)[:2900]},
            }
        )
    if card.status_note:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": card.status_note}})
    if card.outcome is not None:
        status = f"*{OUTCOME_LABELS[card.outcome]}* by <@{card.decided_by}>"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": status}})
        if card.can_mark_published:
            blocks.append(
                {
                    "type": "actions",
                    "block_id": f"publish:{card.draft_id}",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": MARK_PUBLISHED_ACTION,
                            "text": {"type": "plain_text", "text": "Mark as published"},
                            "style": "primary",
                            "value": f"{card.draft_id}:{card.version}",
                        }
                    ],
                }
            )
        if card.outcome is Outcome.CHANGES_REQUESTED:
            blocks.append(
                {
                    "type": "actions",
                    "block_id": f"revise:{card.draft_id}",
                    "elements": [_revise_button(card)],
                }
            )
    elif card.open_for_votes:
        blocks.append(
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": f"*Needs sign-off:* {describe_progress(card.tally)}\n"
                    f"*Who can approve:* {_who_approves(card)}",
                },
            }
        )
        blocks.append(_vote_buttons(card))
        blocks.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": _reaction_help(card.reactions)}],
            }
        )
    fallback = f"{title}: {card.verdict.value}"
    if card.outcome is not None:
        fallback += f", {card.outcome.value.replace('_', ' ')}"
    return fallback, blocks


def media_blocks(media: tuple[dict[str, Any], ...]) -> list[Block]:
    """Thumbnails of the attached images and a reminder that Clearpost does not inspect them."""
    count = len(media)
    noun = "image" if count == 1 else "images"
    missing = sum(1 for item in media if not (item.get("alt_text") or "").strip())
    note = (
        f":frame_with_picture: {count} {noun}: Clearpost does not inspect image content yet, so "
        "check them for wristbands, screens, whiteboards and faces."
    )
    if missing:
        note += f" {missing} without alt text."
    thumbnails: list[Block] = [
        {
            "type": "image",
            # A file shared in Slack needs a login to fetch: Slack shows it from its own store.
            **(
                {"slack_file": {"url": item["url"]}}
                if str(item["url"]).startswith(SLACK_FILES_URL)
                else {"image_url": item["url"]}
            ),
            "alt_text": (item.get("alt_text") or "image without alt text")[:2000],
        }
        for item in media[:9]
        if str(item.get("url", "")).startswith("https://")
    ]
    blocks: list[Block] = [{"type": "section", "text": {"type": "mrkdwn", "text": note}}]
    if thumbnails:
        blocks.append({"type": "context", "elements": thumbnails})
    return blocks


def _who_approves(card: CardModel) -> str:
    names = []
    for item in card.tally.progress:
        members = ", ".join(_mention(member) for member in item.signoff.members)
        names.append(f"{escape(item.signoff.name)}: {members}")
    return "; ".join(names)


def _mention(member_id: str) -> str:
    return f"<!subteam^{member_id}>" if member_id.startswith("S") else f"<@{member_id}>"


def _vote_buttons(card: CardModel) -> Block:
    value = f"{card.draft_id}:{card.version}"
    approve: Block = {
        "type": "button",
        "action_id": APPROVE_ACTION,
        "text": {"type": "plain_text", "text": "Approve"},
        "style": "primary",
        "value": value,
    }
    elements = [approve] if card.verdict is not Verdict.BLOCK else []
    elements += [
        {
            "type": "button",
            "action_id": REQUEST_CHANGES_ACTION,
            "text": {"type": "plain_text", "text": "Request changes"},
            "value": value,
        },
        {
            "type": "button",
            "action_id": REJECT_ACTION,
            "text": {"type": "plain_text", "text": "Reject"},
            "style": "danger",
            "value": value,
        },
        _revise_button(card),
    ]
    return {"type": "actions", "block_id": f"vote:{value}", "elements": elements}


def _revise_button(card: CardModel) -> Block:
    return {
        "type": "button",
        "action_id": REVISE_ACTION,
        "text": {"type": "plain_text", "text": "Revise (author)"},
        "value": str(card.draft_id),
    }


_WORD = re.compile(r"\S+")


def describe_changes(old: str, new: str) -> str:
    """A word-level diff for mrkdwn: removed words struck through, added words in bold."""
    old_words, new_words = _WORD.findall(old), _WORD.findall(new)
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            kept = new_words[b1:b2]
            # Long unchanged runs are elided so the change itself stays visible.
            shown = kept if len(kept) <= 8 else [*kept[:3], "…", *kept[-3:]]
            parts.append(escape(" ".join(shown)))
            continue
        if tag in ("delete", "replace"):
            parts.append(f"~{escape(' '.join(old_words[a1:a2]))}~")
        if tag in ("insert", "replace"):
            parts.append(f"*{escape(' '.join(new_words[b1:b2]))}*")
    return " ".join(part for part in parts if part)[:2000] or "(no change in the text)"


def _reaction_help(reactions: Reactions) -> str:
    return (
        f"React with :{reactions.approve[0]}: to approve, :{reactions.reject[0]}: to reject, "
        f":{reactions.request_changes[0]}: to request changes. The author's own votes never count."
    )


def check_results_text(
    draft_id: int, account: Account, verdict: Verdict, findings: tuple[Finding, ...], redacted: str
) -> str:
    """The author's private summary of what the checks found."""
    head = f"Draft #{draft_id} for {escape(account.display_name)}: *{VERDICT_LABELS[verdict]}*"
    body = describe_findings(findings)
    tail = (
        "It has gone to the approval channel."
        if verdict is not Verdict.BLOCK
        else "It has gone to the approval channel, but it cannot be approved until you revise it."
    )
    shown = f"\nWhat approvers see:\n{quote(redacted)}" if redacted else ""
    return f"{head}\n{body}{shown}\n{tail}"
