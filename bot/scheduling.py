"""Due work in the database: schedule it once, claim it once, across any number of replicas.

Everything with a due time (reminders, escalations, expiry, publishing, the digest, outbox
retries) is a ``DueAction`` row. Scheduling the same work twice is a no-op thanks to its unique
``dedupe_key``. Claiming takes a lease: on PostgreSQL ``FOR UPDATE SKIP LOCKED`` lets replicas
claim different rows at once; on SQLite one writer at a time does the same.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.models import DueAction

# Long enough for any action's Slack calls and webhook with retries; a crashed worker's claim
# lapses after this and another replica finishes the job.
CLAIM_LEASE = timedelta(minutes=2)


class ActionKind:
    """What a due action does (see bot.sweep for each one's handler)."""

    REMIND = "remind"
    ESCALATE = "escalate"
    EXPIRE = "expire"
    PUBLISH_TIME_PASSED = "publish_time_passed"
    PUBLISH = "publish"
    DIGEST = "digest"


def schedule(
    session: Session,
    *,
    kind: str,
    due_at: datetime,
    dedupe_key: str,
    draft_id: int | None = None,
    payload: dict[str, Any] | None = None,
) -> bool:
    """Add due work unless the same ``dedupe_key`` is already scheduled; True if added."""
    try:
        with session.begin_nested():
            session.add(
                DueAction(
                    kind=kind,
                    draft_id=draft_id,
                    due_at=due_at,
                    dedupe_key=dedupe_key,
                    payload=payload or {},
                )
            )
    except IntegrityError:
        return False
    return True


def cancel(session: Session, *, draft_id: int, kinds: tuple[str, ...], now: datetime) -> None:
    """Mark a draft's not-yet-done actions of these kinds as done (they no longer apply)."""
    session.execute(
        update(DueAction)
        .where(
            DueAction.draft_id == draft_id,
            DueAction.kind.in_(kinds),
            DueAction.done_at.is_(None),
        )
        .values(done_at=now, last_error="cancelled")
    )


def claim_due(session: Session, *, now: datetime, worker: str, limit: int = 50) -> list[int]:
    """Claim up to ``limit`` due actions for ``worker``; returns their ids."""
    query = (
        select(DueAction)
        .where(
            DueAction.done_at.is_(None),
            DueAction.due_at <= now,
            or_(DueAction.claimed_until.is_(None), DueAction.claimed_until < now),
        )
        .order_by(DueAction.due_at, DueAction.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    claimed = []
    for action in session.scalars(query):
        action.claimed_until = now + CLAIM_LEASE
        action.claimed_by = worker
        claimed.append(action.id)
    return claimed


def retry_later(action: DueAction, *, now: datetime, error: str) -> None:
    """Back off exponentially (30 s, 1 min, 2 min … capped at an hour) and release the claim."""
    action.attempts += 1
    action.last_error = error[:200]
    action.due_at = now + min(
        timedelta(seconds=30 * 2 ** (action.attempts - 1)), timedelta(hours=1)
    )
    action.claimed_until = None
    action.claimed_by = None
