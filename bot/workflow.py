"""Drafts coming in: receive a draft or a revision, check it, and post or redraw its card.

Handlers call these functions; every state change happens inside one database transaction
together with its audit row, and Slack is only called after the commit, so a Slack error delays
a card or a message but never loses or half-writes a draft. ``process_draft`` is idempotent:
running it again (after a crash, from the recovery sweep) finishes whatever is left.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from bot import audit
from bot.card_state import card_model, refresh_card
from bot.cards import approval_card, check_results_text, escape
from bot.models import Draft, DraftStatus, DraftVersion
from bot.notify import reply_in_thread, tell_author
from bot.queries import account_of, active_crisis, active_lock, locked_draft
from bot.scheduling import ActionKind, schedule
from bot.services import Services
from bot.store import DatabaseUnavailable
from policy import Draft as DraftToCheck
from policy import Verdict, check, content_hash
from policy.routing import with_crisis_leads
from policy.schema import Account

log = logging.getLogger(__name__)

# Drafts longer than this are refused outright: no social network takes them and they would only
# fill the database. Shorter drafts over the policy's own limit are checked and blocked instead.
HARD_LENGTH_LIMIT = 40_000
# How long a worker may take to post a card before another may try (Slack retries included).
CARD_CLAIM = timedelta(seconds=90)


class SubmissionRefused(Exception):
    """A draft cannot be accepted; the message says why and what to do, for the author."""


def receive_draft(
    services: Services,
    *,
    author_id: str,
    account_id: str,
    text: str,
    source: str,
    response_url: str | None = None,
    media: list[dict[str, Any]] | None = None,
    publish_at: datetime | None = None,
    source_message: tuple[str, str] | None = None,
    require_owner: bool = True,
) -> int:
    """Validate and store a new draft; returns its id. Checks run next, in ``process_draft``.

    ``media`` lists attached images (``url``, ``alt_text``, ``name``); ``publish_at`` is when the
    author wants it out; ``source_message`` is the (channel, ts) of the Slack message it came from.
    ``require_owner=False`` is for Clearpost's own drafts (a crisis's holding statements).
    """
    account = _account_for_submission(services, author_id, account_id, require_owner)
    text = _valid_text(text, f"/draft {account.id} Your post text")
    if publish_at is not None and publish_at.tzinfo is None:
        raise ValueError("publish_at must be timezone-aware")
    try:
        with services.store.transaction() as session:
            if active_lock(session, account.id) is not None:
                raise SubmissionRefused(
                    f"`{account.id}` is locked because it was reported compromised; nothing can "
                    "be submitted for it until the crisis team unlocks it."
                )
            draft = Draft(
                account_id=account.id,
                author_id=author_id,
                status=DraftStatus.RECEIVED,
                source=source,
                response_url=response_url,
                created_at=services.clock(),
                publish_at=publish_at,
                source_channel=source_message[0] if source_message else None,
                source_ts=source_message[1] if source_message else None,
            )
            draft.versions.append(_new_version(services, 1, text, media))
            session.add(draft)
            session.flush()
            audit.append(
                session,
                actor=author_id,
                action="draft.submitted",
                draft_id=draft.id,
                detail={
                    "account": account.id,
                    "version": 1,
                    "text_hash": content_hash(text),
                    "length": len(text),
                    "source": source,
                    "images": len(media or []),
                    "publish_at": publish_at.isoformat() if publish_at else None,
                },
                at=services.clock(),
            )
            return draft.id
    except OperationalError as error:
        raise DatabaseUnavailable(type(error.orig).__name__) from None


def revise_draft(
    services: Services,
    *,
    draft_id: int,
    author_id: str,
    text: str,
    response_url: str | None = None,
    media: list[dict[str, Any]] | None = None,
) -> int:
    """Store a new version of a draft; returns its number. Earlier approvals no longer count.

    ``media`` replaces the images when given; otherwise the previous version's images are kept.
    """
    text = _valid_text(text, f"/draft revise {draft_id} Your new text")
    try:
        with services.store.transaction() as session:
            draft = session.get(Draft, draft_id)
            if draft is None:
                raise SubmissionRefused(f"There is no draft #{draft_id}.")
            if draft.author_id != author_id:
                raise SubmissionRefused(
                    f"Only the author of draft #{draft_id} (<@{draft.author_id}>) can revise it."
                )
            draft = locked_draft(session, draft_id)
            if draft.status not in DraftStatus.REVISABLE:
                state = draft.status.replace("_", " ")
                raise SubmissionRefused(
                    f"Draft #{draft_id} is {state} and can no longer be revised; "
                    "submit a new draft."
                )
            previous = draft.version
            if previous.text_hash == content_hash(text):
                raise SubmissionRefused(f"The new text is the same as version {previous.number}.")
            number = max(v.number for v in draft.versions) + 1
            images = media if media is not None else previous.media
            draft.versions.append(_new_version(services, number, text, images))
            draft.current_version = number
            draft.status = DraftStatus.RECEIVED
            if response_url:
                draft.response_url = response_url
            audit.append(
                session,
                actor=author_id,
                action="draft.revised",
                draft_id=draft.id,
                detail={
                    "version": number,
                    "text_hash": content_hash(text),
                    "previous_text_hash": previous.text_hash,
                    "length": len(text),
                },
                at=services.clock(),
            )
            return number
    except OperationalError as error:
        raise DatabaseUnavailable(type(error.orig).__name__) from None


def _valid_text(text: str, example: str) -> str:
    text = text.strip()
    # Zero-width characters and direction marks alone would make a card with nothing to read.
    if not any(char.isprintable() and not char.isspace() for char in text):
        raise SubmissionRefused(f"The draft is empty. Write the post text: `{example}`.")
    if len(text) > HARD_LENGTH_LIMIT:
        raise SubmissionRefused(
            f"Your draft has {len(text):,} characters; Clearpost accepts at most "
            f"{HARD_LENGTH_LIMIT:,}. Shorten it and submit again."
        )
    return text


def _new_version(
    services: Services, number: int, text: str, media: list[dict[str, Any]] | None = None
) -> DraftVersion:
    return DraftVersion(
        number=number,
        text=text,
        text_hash=content_hash(text),
        media=list(media) if media else None,
        created_at=services.clock(),
    )


def draft_to_check(draft: Draft) -> DraftToCheck:
    """The policy library's view of a stored draft's current version."""
    media = draft.version.media or []
    return DraftToCheck(
        text=draft.version.text,
        account_id=draft.account_id,
        author_id=draft.author_id,
        media_count=len(media),
        media_missing_alt_text=sum(1 for item in media if not (item.get("alt_text") or "").strip()),
    )


def _account_for_submission(
    services: Services, author_id: str, account_id: str, require_owner: bool = True
) -> Account:
    account = services.policy.account(account_id)
    if account is None:
        known = ", ".join(f"`{a.id}`" for a in services.policy.accounts)
        raise SubmissionRefused(
            f"There is no account `{escape(account_id)}` in the policy. Accounts: {known}."
        )
    if require_owner and not services.directory.is_member(author_id, account.owners):
        raise SubmissionRefused(
            f"You are not one of the people who may post for `{account.id}` "
            f"({escape(account.display_name)}). Ask the communications team to add you."
        )
    return account


def process_draft_soon(services: Services, draft_id: int) -> None:
    """Queue ``process_draft`` on the after-acknowledgement workers and return at once.

    Nothing is lost if the process dies before it runs: the draft is stored, and the sweep
    finishes it.
    """
    services.after_ack.submit(_process_draft_logging_failure, services, draft_id)


def _process_draft_logging_failure(services: Services, draft_id: int) -> None:
    try:
        process_draft(services, draft_id)
    except Exception as error:  # a pool swallows exceptions: say so, the sweep retries it
        log.error(
            "processing draft %s failed (%s); the sweep will retry",
            draft_id,
            type(error).__name__,
        )


def process_draft(services: Services, draft_id: int, *, recovering: bool = False) -> None:
    """Check the draft's current version, then post or redraw its card and tell the author.

    ``recovering`` (the sweep) first looks for a card an earlier attempt posted without hearing
    back, so a timeout never leaves two cards for one draft.
    """
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None:
            return
        needs_check = draft.version.checked_at is None
        to_check = draft_to_check(draft)
        account = account_of(services, draft)
    if needs_check:
        _check_and_store(services, draft_id, to_check, account)
    _show_card(services, draft_id, recovering=recovering)


def _check_and_store(
    services: Services, draft_id: int, to_check: DraftToCheck, account: Account
) -> None:
    with services.store.transaction() as session:
        crisis_active = active_crisis(session) is not None
    report = check(
        to_check,
        account,
        services.policy,
        privacy=services.privacy,
        crisis_active=crisis_active,
        resolve_members=services.directory.resolve,
    )
    requirement = report.requirement
    if crisis_active:
        requirement = with_crisis_leads(requirement, services.policy)
    with services.store.transaction() as session:
        draft = locked_draft(session, draft_id)
        version = draft.version
        if version.checked_at is not None or version.text != to_check.text:
            return  # another worker got there first, or the draft moved on
        version.verdict = report.verdict.value
        version.findings = [finding.as_dict() for finding in report.findings]
        version.requirement = requirement.as_dict()
        version.redacted_text = report.redacted_text
        version.checked_at = services.clock()
        version_number = version.number
        draft.status = (
            DraftStatus.BLOCKED if report.verdict is Verdict.BLOCK else DraftStatus.PENDING
        )
        audit.append(
            session,
            actor="clearpost",
            action="draft.checked",
            draft_id=draft.id,
            detail={
                "version": version.number,
                "text_hash": version.text_hash,
                "verdict": report.verdict.value,
                "findings": [
                    {"rule_id": f.rule_id, "severity": f.severity.value} for f in report.findings
                ],
                "redacted_text": report.redacted_text,
                "requirement": [s.key for s in requirement.signoffs],
            },
            at=services.clock(),
        )
        schedule_follow_ups(session, services, draft, account)
    log.info(
        "draft %s version %s checked: %s, %d findings; redacted text: %s",
        draft_id,
        version_number,
        report.verdict.value,
        len(report.findings),
        report.redacted_text,
    )


def schedule_follow_ups(
    session: Session, services: Services, draft: Draft, account: Account
) -> None:
    """Reminder at half the account's SLA, escalation at the SLA, expiry at the policy's age."""
    start = services.clock()
    version = draft.current_version
    sla = timedelta(hours=account.approval_sla_hours)
    max_age = timedelta(hours=services.policy.schedule.max_draft_age_hours)
    follow_ups = [
        (ActionKind.REMIND, start + sla / 2),
        (ActionKind.ESCALATE, start + sla),
        (ActionKind.EXPIRE, draft.created_at + max_age),
    ]
    if draft.publish_at is not None:
        follow_ups.append((ActionKind.PUBLISH_TIME_PASSED, draft.publish_at))
    for kind, due_at in follow_ups:
        schedule(
            session,
            kind=kind,
            due_at=due_at,
            dedupe_key=f"{kind}:{draft.id}:v{version}",
            draft_id=draft.id,
            payload={"version": version},
        )


def _show_card(services: Services, draft_id: int, *, recovering: bool = False) -> None:
    """Post the card if there is none, or redraw it for a new version; idempotent."""
    with services.store.transaction() as session:
        draft = locked_draft(session, draft_id)
        if draft.version.checked_at is None or draft.card_version == draft.current_version:
            return
        now = services.clock()
        if draft.card_claimed_until is not None and draft.card_claimed_until > now:
            return  # another worker is posting this card right now
        draft.card_claimed_until = now + CARD_CLAIM
        card = card_model(services, session, draft)
        response_url, author_id = draft.response_url, draft.author_id
        existing = (
            (draft.card_channel, draft.card_ts) if draft.card_channel and draft.card_ts else None
        )
        submitted_at = draft.created_at
    results = check_results_text(
        card.draft_id, card.account, card.verdict, card.findings, card.redacted_text
    )
    if existing is None:
        text, blocks = approval_card(card)
        title = str(blocks[0]["text"]["text"])  # the card's header: "Draft #7 for …"
        posted = _card_already_posted(services, title, submitted_at) if recovering else None
        if posted is None:
            try:
                response = services.client.chat_postMessage(
                    channel=services.approval_channel, text=text, blocks=blocks, unfurl_links=False
                )
            except Exception as error:  # any failure leaves the card to the recovery sweep
                log.warning(
                    "could not post the card of draft %s: %s", draft_id, type(error).__name__
                )
                with services.store.transaction() as session:
                    locked_draft(session, draft_id).card_claimed_until = None
                return
            posted = (str(response["channel"]), str(response["ts"]))
        with services.store.transaction() as session:
            _record_card(session, services, draft_id, *posted)
    else:
        with services.store.transaction() as session:
            _record_card(session, services, draft_id, existing[0], existing[1])
        refresh_card(services, draft_id)
        reply_in_thread(
            services,
            existing[0],
            existing[1],
            f"<@{author_id}> revised this draft: version {card.version} is up for approval and "
            "earlier approvals no longer count.",
        )
    tell_author(services, author_id, response_url, results)


def _card_already_posted(
    services: Services, title: str, submitted_at: datetime
) -> tuple[str, str] | None:
    """(channel, ts) of this draft's card if Slack posted it but its answer was lost (a timeout).

    Looks through the approval channel since the draft came in for a message whose header block
    is the card's title; people cannot post header blocks, so a person's message quoting the
    title is not taken for the card. None when there is none or history is unavailable, and the
    card is posted.
    """
    try:
        response = services.client.conversations_history(
            channel=services.approval_channel,
            oldest=f"{(submitted_at - CARD_CLAIM).timestamp():.6f}",
            limit=200,
        )
    except Exception as error:  # no history (scope, private channel): post as usual
        log.warning("could not read the approval channel's history: %s", type(error).__name__)
        return None
    for message in response.get("messages") or []:
        blocks = message.get("blocks") or [{}]
        header = (
            blocks[0].get("text", {}).get("text") if blocks[0].get("type") == "header" else None
        )
        if header == title:
            return services.approval_channel, str(message["ts"])
    return None


def _record_card(
    session: Session, services: Services, draft_id: int, channel: str, ts: str
) -> None:
    draft = locked_draft(session, draft_id)
    first_post = draft.card_ts is None
    draft.card_channel, draft.card_ts = channel, ts
    draft.card_version = draft.current_version
    draft.card_claimed_until = None
    audit.append(
        session,
        actor="clearpost",
        action="card.posted" if first_post else "card.revised",
        draft_id=draft_id,
        detail={"channel": channel, "ts": ts, "version": draft.current_version},
        at=services.clock(),
    )


def withdraw_draft(services: Services, *, draft_id: int, by: str, why: str) -> bool:
    """Withdraw a draft that is still open (its author deleted it, for instance)."""
    with services.store.transaction() as session:
        draft = locked_draft(session, draft_id)
        if draft.status not in DraftStatus.REVISABLE | {DraftStatus.RECEIVED}:
            return False
        draft.status = DraftStatus.WITHDRAWN
        audit.append(
            session,
            actor=by,
            action="draft.withdrawn",
            draft_id=draft_id,
            detail={"version": draft.current_version, "why": why},
            at=services.clock(),
        )
    refresh_card(services, draft_id)
    return True
