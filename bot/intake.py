"""Drafts posted straight into the approval channel: plain messages, their edits and deletions.

A person's message in the approval channel (not a thread reply, not a bot's) is a draft. Its
account comes from a leading tag (``[x-main] Join us…``), else from the only account the person
may post for, else from an ephemeral account picker. The draft goes through the same checks,
card and audit log as ``/draft``; the bot answers in the message's thread, and reactions on the
message count as votes exactly like reactions on the card (``bot.queries.find_draft``).

A message that exposes patient information is already visible to the whole channel, so it is
dealt with at once: the author is told privately (with the redacted text to submit instead), the
privacy office is told where it sits without repeating it, and an audit row is written. When the
organisation allows it and an admin user token is configured, Clearpost deletes the message
itself and the redacted approval card takes its place.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import audit
from bot.card_state import card_model
from bot.cards import VERDICT_LABELS, Block, describe_findings, describe_progress, escape
from bot.models import Draft
from bot.notify import direct_message, explain_privately, reply_in_thread
from bot.services import Services
from bot.store import DatabaseUnavailable
from bot.voting import first_delivery
from bot.workflow import (
    SubmissionRefused,
    process_draft,
    receive_draft,
    revise_draft,
    withdraw_draft,
)
from policy import Finding, Severity, content_hash
from policy.privacy import redact
from policy.privacy.redaction import placeholder_for
from policy.schema import Account

log = logging.getLogger(__name__)

ACCOUNT_PICKER_ACTION = "clearpost_pick_account"
SOURCE = "channel_message"

# "[x-main] text": the account tag must open the message.
_ACCOUNT_TAG = re.compile(r"^\s*\[([A-Za-z0-9][A-Za-z0-9_-]*)\]\s*")
# Slack's markup in message text: <https://url|label>, <@U123>, <#C123|name>, <!here>.
_SLACK_ENTITY = re.compile(r"<([^<>]+)>")
# Files that count as a post's images (videos need alt text too, by the platform rule).
_MEDIA_TYPES = ("image/", "video/")
_DATABASE_DOWN = (
    "Clearpost cannot reach its database right now, so your draft was not saved. "
    "Post it again in a minute."
)


@dataclass(frozen=True)
class ChannelMessage:
    """A person's top-level message in a channel, as a draft submission sees it."""

    channel: str
    ts: str
    user: str
    text: str  # plain text: Slack's link and mention markup already undone
    media: tuple[dict[str, Any], ...] = ()


def channel_message(message: dict[str, Any], channel: str | None) -> ChannelMessage | None:
    """The submission in a message event (or history item); None for bots and thread replies."""
    user, ts = message.get("user"), message.get("ts")
    if not channel or not user or not ts or message.get("bot_id"):
        return None
    if message.get("subtype") not in (None, "file_share"):
        return None
    thread_ts = message.get("thread_ts")
    if thread_ts and thread_ts != ts:
        return None  # a reply in a thread is discussion, not a draft
    return ChannelMessage(
        channel=str(channel),
        ts=str(ts),
        user=str(user),
        text=plain_text(str(message.get("text") or "")),
        media=tuple(media_from_files(message.get("files") or [])),
    )


def plain_text(slack_text: str) -> str:
    """Message text as the author typed it, without Slack's markup, which is what gets posted."""

    def entity(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return "@" + (label or target[1:]).lstrip("@")
        if target.startswith("#"):
            return "#" + (label or target[1:]).lstrip("#")
        if target.startswith("!"):
            return "@" + (label or target[1:].split("^", 1)[0]).lstrip("@")
        if target.startswith("mailto:"):
            return label or target.removeprefix("mailto:")
        # Slack turns a typed "example.org" into <http://example.org|example.org>: keep what
        # the author typed, so an added scheme never changes the link checks.
        return label or target

    text = _SLACK_ENTITY.sub(entity, slack_text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def media_from_files(files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The images and videos shared with a message, in the shape drafts record media."""
    media = []
    for file in files:
        url = file.get("url_private")
        if not url or not str(file.get("mimetype") or "").startswith(_MEDIA_TYPES):
            continue
        media.append(
            {
                "url": str(url),
                "thumbnail": file.get("thumb_360"),
                "alt_text": (file.get("alt_txt") or "").strip() or None,
                "name": file.get("name") or file.get("title"),
            }
        )
    return media


def split_account_tag(text: str) -> tuple[str | None, str]:
    """``"[x-main] Join us"`` -> ``("x-main", "Join us")``; no tag -> ``(None, text)``."""
    match = _ACCOUNT_TAG.match(text)
    if match is None:
        return None, text.strip()
    return match.group(1).lower(), text[match.end() :].strip()


def owned_accounts(services: Services, user_id: str) -> list[Account]:
    """The accounts this person may submit drafts for."""
    return [
        account
        for account in services.policy.accounts
        if services.directory.is_member(user_id, account.owners)
    ]


def exposed_phi(services: Services, text: str) -> list[Finding]:
    """Patient information that must not sit in the channel: privacy findings that block a post.

    Findings that only ask for review (a stated consent, identifying details) go through the
    card and the privacy office's sign-off like any draft.
    """
    return [
        finding
        for finding in services.privacy.findings(text, services.policy.organisation)
        if finding.severity is Severity.BLOCK
    ]


# --------------------------------------------------------------------------- new messages


def receive_channel_message(
    services: Services, message: ChannelMessage, *, event_id: str | None
) -> int | None:
    """Treat a new message in the approval channel as a draft; returns the draft id if one."""
    with services.store.transaction() as session:
        if event_id is not None and not first_delivery(session, event_id):
            return None
        # Claimed once per message, whatever the delivery, so a message never makes two drafts.
        if not first_delivery(session, f"message:{message.channel}:{message.ts}"):
            return None
    tag, body = split_account_tag(message.text)
    phi = exposed_phi(services, body) if body else []
    removed = report_exposed_phi(services, message, body, phi) if phi else False
    if tag is not None:
        return submit_channel_message(services, message, tag, removed=removed)
    accounts = owned_accounts(services, message.user)
    if len(accounts) == 1:
        return submit_channel_message(services, message, accounts[0].id, removed=removed)
    if not accounts:
        explain_privately(
            services,
            message.channel,
            message.user,
            "Messages in this channel are drafts for approval, but you are not one of the people "
            "who may post for any account, so this one was not submitted. Discuss drafts in "
            "their threads, or ask the communications team to add you.",
        )
        return None
    if removed:
        # The message is gone, so there is nothing left for a picker to submit.
        choices = ", ".join(f"`{account.id}`" for account in accounts)
        explain_privately(
            services,
            message.channel,
            message.user,
            f"To submit the redacted version, use `/draft <account> <text>` with one of {choices}.",
        )
        return None
    offer_account_picker(services, message, accounts)
    return None


def submit_channel_message(
    services: Services, message: ChannelMessage, account_id: str, *, removed: bool = False
) -> int | None:
    """Store and check the message as a draft for ``account_id``; answer in its thread."""
    _, body = split_account_tag(message.text)
    try:
        draft_id = receive_draft(
            services,
            author_id=message.user,
            account_id=account_id,
            text=body,
            source=SOURCE,
            media=list(message.media) or None,
            source_message=None if removed else (message.channel, message.ts),
        )
    except SubmissionRefused as refusal:
        explain_privately(services, message.channel, message.user, str(refusal))
        return None
    except DatabaseUnavailable:
        explain_privately(services, message.channel, message.user, _DATABASE_DOWN)
        return None
    process_draft(services, draft_id)
    if not removed:
        reply_with_draft_state(services, draft_id, message.channel, message.ts)
    return draft_id


def reply_with_draft_state(services: Services, draft_id: int, channel: str, ts: str) -> None:
    """Under the author's message: the check results and where the approval card stands."""
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None or draft.version.checked_at is None:
            return
        card = card_model(services, session, draft)
        card_at = (draft.card_channel, draft.card_ts)
    lines = [
        f"Draft #{card.draft_id} (version {card.version}) for "
        f"{escape(card.account.display_name)}: *{VERDICT_LABELS[card.verdict]}*"
    ]
    if card.findings:
        lines.append(describe_findings(card.findings)[:2500])
    if card.outcome is None:
        lines.append(f"*Needs sign-off:* {describe_progress(card.tally)}")
    link = _permalink(services, card_at[0], card_at[1]) if card_at[0] and card_at[1] else None
    where = f"<{link}|approval card>" if link else "approval card"
    lines.append(f"Votes on this message and on its {where} count the same.")
    reply_in_thread(services, channel, ts, "\n".join(lines))


# --------------------------------------------------------------------------- account picker


def account_picker_blocks(message: ChannelMessage, accounts: list[Account]) -> list[Block]:
    """Buttons, one per account the author may post for; the choice submits the message."""
    blocks: list[Block] = [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": "Which account is your message for? Clearpost submits it for approval "
                "once you choose. (Next time, start the message with the account, e.g. "
                f"`[{accounts[0].id}]`.)",
            },
        }
    ]
    for account in accounts[:40]:
        value = json.dumps({"account": account.id, "channel": message.channel, "ts": message.ts})
        blocks.append(
            {
                "type": "section",
                "block_id": f"pick:{account.id}",
                "text": {
                    "type": "mrkdwn",
                    "text": f"*{escape(account.display_name)}* · {escape(account.handle)} on "
                    f"{account.platform.value}",
                },
                "accessory": {
                    "type": "button",
                    "action_id": ACCOUNT_PICKER_ACTION,
                    "text": {"type": "plain_text", "text": "Submit for this account"},
                    "value": value,
                },
            }
        )
    return blocks


def offer_account_picker(
    services: Services, message: ChannelMessage, accounts: list[Account]
) -> None:
    try:
        services.client.chat_postEphemeral(
            channel=message.channel,
            user=message.user,
            text="Which account is your message for?",
            blocks=account_picker_blocks(message, accounts),
        )
    except SlackApiError as error:
        log.warning("could not offer the account picker: %s", error.response.get("error"))


def parse_picker_value(value: str) -> tuple[str, str, str] | None:
    """A picker button's (account, channel, ts); None if it is not one of ours."""
    try:
        data = json.loads(value)
        return str(data["account"]), str(data["channel"]), str(data["ts"])
    except (ValueError, KeyError, TypeError):
        return None


def submit_picked_account(
    services: Services, *, user_id: str, account_id: str, channel: str, ts: str
) -> str:
    """Submit the message the picker was shown for; returns the note that replaces the picker."""
    message = fetch_channel_message(services, channel, ts)
    if message is None:
        return "That message is no longer in the channel, so nothing was submitted."
    if message.user != user_id:
        return "Only the person who posted the message can choose its account."
    with services.store.transaction() as session:
        existing = _draft_from_message(session, channel, ts)
        if existing is not None:
            return f"This message is already draft #{existing.id}."
    draft_id = submit_channel_message(services, message, account_id)
    if draft_id is None:
        return "Your message was not submitted; Clearpost has told you why."
    account = services.policy.account(account_id)
    name = escape(account.display_name) if account else f"`{account_id}`"
    return f"Submitted for {name} as draft #{draft_id}."


def fetch_channel_message(services: Services, channel: str, ts: str) -> ChannelMessage | None:
    """The current text and files of one top-level message, read back from Slack."""
    try:
        response = services.client.conversations_history(
            channel=channel, latest=ts, oldest=ts, inclusive=True, limit=1
        )
    except SlackApiError as error:
        log.warning("could not read a message back: %s", error.response.get("error"))
        return None
    for item in response.get("messages") or []:
        if item.get("ts") == ts:
            return channel_message(item, channel)
    return None


# --------------------------------------------------------------------------- edits and deletions


def revise_from_edit(services: Services, message: ChannelMessage, *, event_id: str | None) -> None:
    """An edited draft message becomes a new version of its draft (if its text changed)."""
    with services.store.transaction() as session:
        # The draft first: an edit that comes before its draft is on record must not mark its
        # event done, or Slack's retry of it would be dropped as a duplicate.
        draft = _draft_from_message(session, message.channel, message.ts)
        if draft is None:
            return
        if event_id is not None and not first_delivery(session, event_id):
            return
        draft_id, unchanged_hash = draft.id, draft.version.text_hash
    _, body = split_account_tag(message.text)
    if content_hash(body) == unchanged_hash:
        return  # Slack also sends message_changed for unfurls and thread replies
    phi = exposed_phi(services, body) if body else []
    removed = report_exposed_phi(services, message, body, phi) if phi else False
    try:
        revise_draft(
            services,
            draft_id=draft_id,
            author_id=message.user,
            text=body,
            media=list(message.media),
        )
    except SubmissionRefused as refusal:
        explain_privately(services, message.channel, message.user, str(refusal))
        return
    except DatabaseUnavailable:
        explain_privately(services, message.channel, message.user, _DATABASE_DOWN)
        return
    process_draft(services, draft_id)
    if not removed:
        reply_with_draft_state(services, draft_id, message.channel, message.ts)


def withdraw_deleted_message(
    services: Services, *, channel: str, ts: str, event_id: str | None
) -> bool:
    """Deleting a draft's message withdraws the draft while it is still open."""
    with services.store.transaction() as session:
        draft = _draft_from_message(session, channel, ts)  # the draft first, as for an edit
        if draft is None:
            return False
        if event_id is not None and not first_delivery(session, event_id):
            return False
        draft_id, author_id = draft.id, draft.author_id
        card_channel, card_ts = draft.card_channel, draft.card_ts
    withdrawn = withdraw_draft(
        services, draft_id=draft_id, by=author_id, why="its message in the channel was deleted"
    )
    if withdrawn and card_channel and card_ts:
        reply_in_thread(
            services,
            card_channel,
            card_ts,
            f"<@{author_id}> deleted the message this draft came from, so it is withdrawn.",
        )
    return withdrawn


def _draft_from_message(session: Session, channel: str, ts: str) -> Draft | None:
    return session.scalars(
        select(Draft).where(Draft.source_channel == channel, Draft.source_ts == ts)
    ).first()


# --------------------------------------------------------------------------- exposed PHI


def report_exposed_phi(
    services: Services, message: ChannelMessage, text: str, findings: list[Finding]
) -> bool:
    """Deal with patient information sitting in the channel; True if Clearpost removed it."""
    permalink = _permalink(services, message.channel, message.ts)
    removed = services.settings.delete_phi_messages and remove_message(services, message)
    kinds = ", ".join(sorted({placeholder_for(f.entity_type or "PHI") for f in findings}))
    redacted = redact(text, findings)
    where = f"<{permalink}|your message>" if permalink else "your message"
    if removed:
        note = (
            f"Your message contained patient information ({kinds}), so Clearpost removed it "
            "from the channel. The redacted approval card is there instead; I have sent you the "
            "redacted text."
        )
        dm = (
            f"Clearpost removed {where} in <#{message.channel}>: it contained patient "
            f"information ({kinds}). The approval card shows only the redacted text and the "
            "draft is blocked until you revise it (the card's *Revise* button). The redacted "
            f"text, to revise with or to submit again:\n```{escape(redacted)}```"
        )
    else:
        note = (
            f":warning: Your message contains patient information ({kinds}) and everyone in "
            "this channel can see it. Please delete it now (hover over it, ⋯, *Delete "
            "message*). I have sent you the redacted text to submit instead."
        )
        dm = (
            f"Please delete {where} in <#{message.channel}>: it contains patient information "
            f"({kinds}) that everyone in the channel can see. The privacy office has been told. "
            "Here is the redacted text to post instead:\n"
            f"```{escape(redacted)}```"
        )
    explain_privately(services, message.channel, message.user, note)
    direct_message(services, message.user, dm)
    notified = _tell_privacy_office(services, message, permalink, kinds, removed)
    with services.store.transaction() as session:
        audit.append(
            session,
            actor="clearpost",
            action="message.phi_exposed",
            detail={
                "channel": message.channel,
                "ts": message.ts,
                "author": message.user,
                "permalink": permalink,
                "text_hash": content_hash(text),
                "entity_types": sorted({f.entity_type or "PHI" for f in findings}),
                "removed": removed,
                "privacy_office_told": notified,
            },
            at=services.clock(),
        )
    log.warning(
        "message %s in %s exposes patient information (%s); removed: %s",
        message.ts,
        message.channel,
        kinds,
        removed,
    )
    return removed


def remove_message(services: Services, message: ChannelMessage) -> bool:
    """Delete someone's message with the admin user token; False if that is not possible."""
    token = services.settings.slack_admin_user_token
    if token is None:
        log.warning(
            "CLEARPOST_DELETE_PHI_MESSAGES is on but SLACK_ADMIN_USER_TOKEN is not set; the "
            "author was asked to delete the message instead"
        )
        return False
    # Slack will tell us the message was deleted; the draft must not be withdrawn for that.
    detached = _detach_source(services, message.channel, message.ts)
    admin = WebClient(
        token=token.get_secret_value(), base_url=services.settings.slack_api_base, timeout=10
    )
    try:
        admin.chat_delete(channel=message.channel, ts=message.ts)
    except SlackApiError as error:
        log.warning("could not delete a message with PHI: %s", error.response.get("error"))
        for draft_id in detached:
            _reattach_source(services, draft_id, (message.channel, message.ts))
        return False
    return True


def _detach_source(services: Services, channel: str, ts: str) -> list[int]:
    """Unlink drafts from a message about to be deleted; returns their ids."""
    with services.store.transaction() as session:
        drafts = list(
            session.scalars(
                select(Draft).where(Draft.source_channel == channel, Draft.source_ts == ts)
            )
        )
        for draft in drafts:
            draft.source_channel, draft.source_ts = None, None
        return [draft.id for draft in drafts]


def _reattach_source(services: Services, draft_id: int, source: tuple[str, str]) -> None:
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is not None:
            draft.source_channel, draft.source_ts = source


def _tell_privacy_office(
    services: Services,
    message: ChannelMessage,
    permalink: str | None,
    kinds: str,
    removed: bool,
) -> list[str]:
    """Direct messages to the privacy office saying where the message is; never what it says."""
    approvals = services.policy.approvals
    group = approvals.groups.get(approvals.escalations.get("privacy", ""))
    if group is None:
        log.warning("no privacy office group in the policy to tell about exposed PHI")
        return []
    people = sorted(
        {user for member in group.members for user in services.directory.resolve(member)}
    )
    where = f"<{permalink}|this message>" if permalink else f"a message (ts {message.ts})"
    status = (
        "Clearpost has removed it."
        if removed
        else "Its author has been asked to delete it; it is still there until they do."
    )
    text = (
        f":rotating_light: <@{message.user}> posted patient information ({kinds}) in "
        f"<#{message.channel}>: {where}. {status} The text is not repeated here."
    )
    for person in people:
        direct_message(services, person, text)
    return people


def _permalink(services: Services, channel: str | None, ts: str | None) -> str | None:
    if not channel or not ts:
        return None
    try:
        response = services.client.chat_getPermalink(channel=channel, message_ts=ts)
    except SlackApiError as error:
        log.warning("could not get a permalink: %s", error.response.get("error"))
        return None
    link = response.get("permalink")
    return str(link) if link else None
