"""The periodic sweep: finishes interrupted drafts and runs every due action exactly once.

APScheduler calls ``run_sweep`` every ``CLEARPOST_SWEEP_SECONDS``. Because due times live in the
database, a reminder that fell due while the service was down fires once when it is back, and
several replicas share the work without firing anything twice (see bot.scheduling).
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bot import audit
from bot.card_state import refresh_card
from bot.cards import escape
from bot.metrics import record_sweep
from bot.models import Draft, DraftStatus, DueAction
from bot.notify import direct_message
from bot.publishing import mark_published, may_publish, send_webhook, webhook_payload
from bot.queries import account_of, current_tally, requirement_of, standing_votes
from bot.scheduling import ActionKind, claim_due, retry_later, schedule
from bot.services import Services
from policy.routing import ACCOUNT_SIGNOFF, ApprovalRequirement, SignOff

log = logging.getLogger(__name__)

# A draft stuck before its card this long is taken over by the sweep (the live request died).
RECOVERY_AFTER = timedelta(seconds=60)
OPEN = DraftStatus.OPEN_FOR_VOTES


def worker_name() -> str:
    """Identifies this process in claims, so a replica only finishes what it claimed."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def run_sweep(services: Services, worker: str) -> int:
    """One pass: recover unfinished drafts, schedule the next digest, run due actions."""
    from bot.workflow import process_draft  # the sweep finishes what intake started

    now = services.clock()
    for draft_id in _unfinished_drafts(services, now):
        process_draft(services, draft_id, recovering=True)
    _schedule_next_digest(services, now)
    with services.store.transaction() as session:
        oldest_due = session.scalar(
            select(func.min(DueAction.due_at)).where(
                DueAction.done_at.is_(None), DueAction.due_at <= now
            )
        )
        claimed = claim_due(session, now=now, worker=worker)
    for action_id in claimed:
        _run_action(services, action_id, worker)
    record_sweep((now - oldest_due).total_seconds() if oldest_due else 0.0)
    return len(claimed)


def start_sweeper(services: Services) -> BackgroundScheduler:
    """Run the sweep in the background every ``sweep_seconds``; returns the started scheduler."""
    worker = worker_name()
    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.add_job(
        run_sweep,
        "interval",
        args=[services, worker],
        seconds=services.settings.sweep_seconds,
        id="clearpost-sweep",
        max_instances=1,
        coalesce=True,
        # Due work lives in the database, so a late sweep loses nothing: run it whenever we can.
        misfire_grace_time=None,
        next_run_time=datetime.now(tz=ZoneInfo("UTC")),
    )
    scheduler.start()
    return scheduler


def _unfinished_drafts(services: Services, now: datetime) -> list[int]:
    with services.store.transaction() as session:
        return list(
            session.scalars(
                select(Draft.id).where(
                    Draft.updated_at < now - RECOVERY_AFTER,
                    Draft.status.not_in([DraftStatus.WITHDRAWN]),
                    or_(
                        Draft.status == DraftStatus.RECEIVED,
                        Draft.card_version.is_(None),
                        Draft.card_version != Draft.current_version,
                    ),
                    or_(Draft.card_claimed_until.is_(None), Draft.card_claimed_until < now),
                )
            )
        )


def _schedule_next_digest(services: Services, now: datetime) -> None:
    digest_time = services.policy.schedule.digest_time
    if digest_time is None:
        return
    zone = ZoneInfo(services.policy.organisation.timezone)
    local_now = now.astimezone(zone)
    hour, minute = (int(part) for part in digest_time.split(":"))
    due = local_now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if due <= local_now:
        due += timedelta(days=1)
    with services.store.transaction() as session:
        schedule(
            session,
            kind=ActionKind.DIGEST,
            due_at=due.astimezone(ZoneInfo("UTC")),
            dedupe_key=f"digest:{due.date().isoformat()}",
        )


def _run_action(services: Services, action_id: int, worker: str) -> None:
    with services.store.transaction() as session:
        action = session.get(DueAction, action_id)
        if action is None or action.done_at is not None or action.claimed_by != worker:
            return
        kind, draft_id, payload = action.kind, action.draft_id, dict(action.payload)
    handler = _HANDLERS.get(kind)
    error = handler(services, draft_id, payload) if handler else f"unknown action {kind}"
    with services.store.transaction() as session:
        action = session.get(DueAction, action_id)
        if action is None or action.claimed_by != worker:
            return
        if error is None:
            action.done_at = services.clock()
            action.claimed_until = None
            return
        first_failure = action.attempts == 0
        retry_later(action, now=services.clock(), error=error)
        audit.append(
            session,
            actor="clearpost",
            action=f"{kind}.failed",
            draft_id=draft_id,
            detail={"error": error[:200], "attempt": action.attempts},
            at=services.clock(),
        )
    log.warning("%s for draft %s failed (%s); will retry", kind, draft_id, error)
    if draft_id is not None:
        refresh_card(services, draft_id)
        if first_failure:
            _tell_approval_channel(
                services, f"Publishing draft #{draft_id} failed ({escape(error)}); retrying."
            )


# --------------------------------------------------------------------------- the actions
# Each returns None when done, or a short error to retry later.


def _is_current_and_open(draft: Draft | None, payload: dict[str, object]) -> bool:
    return (
        draft is not None
        and draft.status in OPEN
        and draft.current_version == payload.get("version", draft.current_version)
    )


def _waiting_approvers(services: Services, draft: Draft, session: Session) -> list[str]:
    """People in unmet sign-offs who have not voted on this version (never the author)."""
    tally = current_tally(services, session, draft)
    voted = set(standing_votes(session, draft))
    people: list[str] = []
    for item in tally.progress:
        if item.met:
            continue
        for member in item.signoff.members:
            for person in sorted(services.directory.resolve(member)):
                if person not in voted and person != draft.author_id and person not in people:
                    people.append(person)
    return people


def remind(services: Services, draft_id: int | None, payload: dict[str, object]) -> str | None:
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id) if draft_id else None
        if draft is None or not _is_current_and_open(draft, payload):
            return None
        people = _waiting_approvers(services, draft, session)
        account = account_of(services, draft).display_name
        audit.append(
            session,
            actor="clearpost",
            action="reminder.sent",
            draft_id=draft.id,
            detail={"version": draft.current_version, "to": people},
            at=services.clock(),
        )
    for person in people:
        direct_message(
            services,
            person,
            f"Reminder: draft #{draft_id} for {escape(account)} is waiting for your approval "
            "in the approval channel (or in Clearpost's App Home).",
        )
    return None


def escalate(services: Services, draft_id: int | None, payload: dict[str, object]) -> str | None:
    """At the SLA, the account's backup approvers join the account's sign-off and are told."""
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id) if draft_id else None
        if draft is None or not _is_current_and_open(draft, payload):
            return None
        account = account_of(services, draft)
        backups = [b for b in account.backup_approvers if b != draft.author_id]
        if not backups:
            return None
        requirement = requirement_of(draft)
        draft.version.requirement = ApprovalRequirement(
            signoffs=tuple(
                SignOff(
                    s.key, s.name, tuple(dict.fromkeys([*s.members, *backups])), s.min_approvals
                )
                if s.key == ACCOUNT_SIGNOFF
                else s
                for s in requirement.signoffs
            ),
            one_person_may_sign_for_several_groups=requirement.one_person_may_sign_for_several_groups,
        ).as_dict()
        audit.append(
            session,
            actor="clearpost",
            action="draft.escalated",
            draft_id=draft.id,
            detail={"version": draft.current_version, "backup_approvers": backups},
            at=services.clock(),
        )
        name = account.display_name
    for member in backups:
        for person in services.directory.resolve(member):
            direct_message(
                services,
                person,
                f"Draft #{draft_id} for {escape(name)} has waited past its approval time. You are "
                "a backup approver and can now approve or reject it on its card.",
            )
    refresh_card(services, draft_id or 0)
    return None


def expire(services: Services, draft_id: int | None, payload: dict[str, object]) -> str | None:
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id) if draft_id else None
        if draft is None or draft.status not in DraftStatus.REVISABLE:
            return None
        draft.status = DraftStatus.EXPIRED
        audit.append(
            session,
            actor="clearpost",
            action="draft.expired",
            draft_id=draft.id,
            detail={"version": draft.current_version},
            at=services.clock(),
        )
        author, hours = draft.author_id, services.policy.schedule.max_draft_age_hours
    direct_message(
        services,
        author,
        f"Your draft #{draft_id} expired after {hours:g} hours without a decision. Submit it "
        "again if it is still needed.",
    )
    refresh_card(services, draft_id or 0)
    return None


def publish_time_passed(
    services: Services, draft_id: int | None, payload: dict[str, object]
) -> str | None:
    """The card says so when a post's publish time comes before its approval."""
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id) if draft_id else None
        if draft is None or draft.status not in DraftStatus.REVISABLE:
            return None
        audit.append(
            session,
            actor="clearpost",
            action="draft.publish_time_passed",
            draft_id=draft.id,
            detail={"publish_at": draft.publish_at.isoformat() if draft.publish_at else None},
            at=services.clock(),
        )
    refresh_card(services, draft_id or 0)
    return None


def publish(services: Services, draft_id: int | None, payload: dict[str, object]) -> str | None:
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id) if draft_id else None
        if draft is None:
            return None
        verdict = may_publish(session, draft)
        if not verdict.ok:
            audit.append(
                session,
                actor="clearpost",
                action="publish.skipped",
                draft_id=draft.id,
                detail={"reason": verdict.reason},
                at=services.clock(),
            )
            return None
        author = draft.author_id
        if services.settings.publisher != "webhook":
            draft.status = DraftStatus.APPROVED  # its time has come: ready to publish
            body = None
        else:
            body = webhook_payload(services, session, draft)
    if body is None:
        direct_message(
            services,
            author,
            f"It is time to publish your approved draft #{draft_id}. Mark it published on its "
            "card once it is out.",
        )
        refresh_card(services, draft_id or 0)
        return None
    error = send_webhook(services, body)
    if error is not None:
        return error
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is not None and may_publish(session, draft).ok:
            mark_published(session, services, draft, by="clearpost", via="webhook")
    direct_message(services, author, f"Your draft #{draft_id} was published.")
    refresh_card(services, draft_id or 0)
    return None


def digest(services: Services, draft_id: int | None, payload: dict[str, object]) -> str | None:
    with services.store.transaction() as session:
        waiting = session.scalars(
            select(Draft).where(Draft.status.in_(OPEN)).order_by(Draft.created_at)
        ).all()
        lines = []
        for draft in waiting:
            progress = " · ".join(
                f"{p.signoff.name} {p.approvals}/{p.signoff.min_approvals}"
                for p in current_tally(services, session, draft).progress
            )
            age = services.clock() - draft.created_at
            lines.append(
                f"• Draft #{draft.id} for {escape(account_of(services, draft).display_name)}, "
                f"waiting {int(age.total_seconds() // 3600)} h: {escape(progress)}"
            )
        audit.append(
            session,
            actor="clearpost",
            action="digest.sent",
            detail={"pending": [draft.id for draft in waiting]},
            at=services.clock(),
        )
    if lines:
        text = f"*Daily digest: {len(lines)} draft(s) waiting for approval*\n" + "\n".join(lines)
    else:
        text = "*Daily digest:* nothing is waiting for approval."
    _tell_approval_channel(services, text)
    return None


def _tell_approval_channel(services: Services, text: str) -> None:
    try:
        services.client.chat_postMessage(channel=services.approval_channel, text=text)
    except Exception as error:  # a lost notice is retried by nothing; log and go on
        log.warning("could not post to the approval channel: %s", type(error).__name__)


_HANDLERS: dict[str, Callable[[Services, int | None, dict[str, object]], str | None]] = {
    ActionKind.REMIND: remind,
    ActionKind.ESCALATE: escalate,
    ActionKind.EXPIRE: expire,
    ActionKind.PUBLISH_TIME_PASSED: publish_time_passed,
    ActionKind.PUBLISH: publish,
    ActionKind.DIGEST: digest,
}
