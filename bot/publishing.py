"""What happens to an approved post: held in a crisis, scheduled, or cleared for publishing.

Two publishers: ``none`` (the author is told the post is cleared and marks it published with a
button) and ``webhook`` (Clearpost POSTs the post as JSON, signed with HMAC-SHA256, to the
organisation's publishing tool, retrying with backoff from the due-action outbox). Either way,
publishing re-checks that the text is exactly the approved one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot import audit
from bot.models import Draft, DraftStatus
from bot.queries import account_of, active_crisis, active_lock, decision_of
from bot.scheduling import ActionKind, schedule
from bot.services import Services

SIGNATURE_HEADER = "X-Clearpost-Signature"
TIMESTAMP_HEADER = "X-Clearpost-Timestamp"
PUBLISHABLE = frozenset({DraftStatus.APPROVED, DraftStatus.SCHEDULED})


def after_approval(session: Session, services: Services, draft: Draft) -> None:
    """Move a just-approved draft on: held, scheduled or cleared (in the decision's transaction)."""
    now = services.clock()
    if active_crisis(session) is not None or active_lock(session, draft.account_id) is not None:
        hold(session, services, draft, reason="crisis" if active_crisis(session) else "locked")
        return
    if draft.publish_at is not None and draft.publish_at > now:
        draft.status = DraftStatus.SCHEDULED
        schedule_publishing(session, draft, draft.publish_at)
        return
    clear_for_publishing(session, services, draft)


def local_time(services: Services, moment: datetime) -> str:
    """A time as the organisation reads it, in its own time zone."""
    zone = ZoneInfo(services.policy.organisation.timezone)
    return moment.astimezone(zone).strftime("%a %d %b %Y %H:%M %Z")


def hold(session: Session, services: Services, draft: Draft, *, reason: str) -> None:
    """Stop an approved post from publishing until someone releases it."""
    draft.status_before_hold = draft.status
    draft.status = DraftStatus.HELD
    audit.append(
        session,
        actor="clearpost",
        action="draft.held",
        draft_id=draft.id,
        detail={"version": draft.current_version, "reason": reason},
        at=services.clock(),
    )


def release(session: Session, services: Services, draft: Draft, *, by: str) -> None:
    """Undo a hold: back to scheduled if its time is still ahead, else cleared for publishing."""
    draft.status = draft.status_before_hold or DraftStatus.APPROVED
    draft.status_before_hold = None
    audit.append(
        session,
        actor=by,
        action="draft.released",
        draft_id=draft.id,
        detail={"version": draft.current_version},
        at=services.clock(),
    )
    if draft.publish_at is not None and draft.publish_at > services.clock():
        draft.status = DraftStatus.SCHEDULED
        schedule_publishing(session, draft, draft.publish_at)
    else:
        clear_for_publishing(session, services, draft)


def schedule_publishing(session: Session, draft: Draft, when: datetime) -> None:
    schedule(
        session,
        kind=ActionKind.PUBLISH,
        due_at=when,
        dedupe_key=f"publish:{draft.id}:v{draft.current_version}:{draft.status}",
        draft_id=draft.id,
        payload={"version": draft.current_version},
    )


def clear_for_publishing(session: Session, services: Services, draft: Draft) -> None:
    """The post may go out now: the webhook publisher sends it from the outbox."""
    draft.status = DraftStatus.APPROVED
    if services.settings.publisher == "webhook":
        schedule(
            session,
            kind=ActionKind.PUBLISH,
            due_at=services.clock(),
            dedupe_key=f"publish:{draft.id}:v{draft.current_version}:now",
            draft_id=draft.id,
            payload={"version": draft.current_version},
        )


@dataclass(frozen=True)
class PublishCheck:
    """Whether a post may be published now, and if not, why."""

    ok: bool
    reason: str | None = None


def may_publish(session: Session, draft: Draft) -> PublishCheck:
    """Re-check everything at the moment of publishing, including the approved text's hash."""
    if draft.status not in PUBLISHABLE:
        return PublishCheck(False, f"it is {draft.status.replace('_', ' ')}")
    if active_crisis(session) is not None:
        return PublishCheck(False, "a crisis is declared")
    if active_lock(session, draft.account_id) is not None:
        return PublishCheck(False, "the account is locked as compromised")
    decision = decision_of(session, draft)
    if decision is None or decision.outcome != DraftStatus.APPROVED:
        return PublishCheck(False, "the current version is not approved")
    if decision.text_hash != draft.version.text_hash:
        return PublishCheck(False, "the text differs from the approved text")
    return PublishCheck(True)


def mark_published(
    session: Session, services: Services, draft: Draft, *, by: str, via: str
) -> None:
    draft.status = DraftStatus.PUBLISHED
    draft.published_at = services.clock()
    audit.append(
        session,
        actor=by,
        action="draft.published",
        draft_id=draft.id,
        detail={"version": draft.current_version, "text_hash": draft.version.text_hash, "via": via},
        at=services.clock(),
    )


def webhook_payload(services: Services, session: Session, draft: Draft) -> bytes:
    """The JSON body a publishing tool receives for an approved post."""
    account = account_of(services, draft)
    decision = decision_of(session, draft)
    body = {
        "draft_id": draft.id,
        "version": draft.current_version,
        "account": account.id,
        "platform": account.platform.value,
        "handle": account.handle,
        "text": draft.version.text,
        "text_sha256": draft.version.text_hash,
        "images": draft.version.media or [],
        "approved_by": decision.decided_by if decision else None,
        "approved_at": decision.decided_at.isoformat() if decision else None,
        "publish_at": draft.publish_at.isoformat() if draft.publish_at else None,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex>`` of HMAC-SHA256 over ``timestamp.body``, like Slack's own signatures."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def send_webhook(services: Services, body: bytes) -> str | None:
    """POST the post to the configured webhook; None on success, else a short error."""
    settings = services.settings
    assert settings.webhook_url and settings.webhook_secret
    timestamp = str(int(time.time()))
    request = urllib.request.Request(
        settings.webhook_url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: sign(settings.webhook_secret.get_secret_value(), timestamp, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            if 200 <= response.status < 300:
                return None
            return f"HTTP {response.status}"
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return f"unreachable ({type(error).__name__})"


def confirm_published(services: Services, *, draft_id: int, by: str) -> str | None:
    """The author or an approver says the post is out; returns a refusal note, or None."""
    from bot.card_state import refresh_card  # the card module depends on this one

    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None:
            return f"There is no draft #{draft_id}."
        account = account_of(services, draft)
        if by != draft.author_id and not services.directory.is_member(by, account.approvers):
            return "Only the author or the account's approvers can mark a post published."
        verdict = may_publish(session, draft)
        if not verdict.ok:
            return f"Draft #{draft_id} cannot be marked published: {verdict.reason}."
        mark_published(session, services, draft, by=by, via="marked")
    refresh_card(services, draft_id)
    return None
