"""Database tables: drafts and their versions, votes, decisions, processed events and the audit log.

The draft text is kept (it is what will be published), but only in ``draft_versions.text``;
everything shown in Slack, written to logs or to the audit log uses ``redacted_text``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite forgets the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime stored; use timezone-aware UTC datetimes")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
    }


class DraftStatus:
    """The states a draft moves through (see DESIGN.md, "The workflow")."""

    RECEIVED = "received"  # stored, checks not finished yet
    PENDING = "pending"
    BLOCKED = "blocked"
    APPROVED = "approved"
    REJECTED = "rejected"
    CHANGES_REQUESTED = "changes_requested"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    HELD = "held"

    OPEN_FOR_VOTES = frozenset({PENDING, BLOCKED})
    REVISABLE = frozenset({PENDING, BLOCKED, CHANGES_REQUESTED})


class Draft(Base):
    """A post someone asked to publish on one account; its text lives in its versions."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[str] = mapped_column(String(64), index=True)
    author_id: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(32), index=True, default=DraftStatus.RECEIVED)
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    source: Mapped[str] = mapped_column(String(32), default="slash_command")
    response_url: Mapped[str | None] = mapped_column(Text, default=None)
    card_channel: Mapped[str | None] = mapped_column(String(32), default=None)
    card_ts: Mapped[str | None] = mapped_column(String(32), default=None, index=True)
    # The version the card in Slack shows; behind current_version while a revision is posted.
    card_version: Mapped[int | None] = mapped_column(Integer, default=None)
    # A worker posting or redrawing the card holds it until then, so no card is posted twice.
    card_claimed_until: Mapped[datetime | None] = mapped_column(default=None)
    # The Slack message the draft came from, when it was posted in the approval channel.
    source_channel: Mapped[str | None] = mapped_column(String(32), default=None)
    source_ts: Mapped[str | None] = mapped_column(String(32), default=None, index=True)
    publish_at: Mapped[datetime | None] = mapped_column(default=None)
    published_at: Mapped[datetime | None] = mapped_column(default=None)
    # While a crisis holds the post: the status to return to when it is released.
    status_before_hold: Mapped[str | None] = mapped_column(String(32), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    versions: Mapped[list[DraftVersion]] = relationship(
        back_populates="draft", order_by="DraftVersion.number", cascade="all, delete-orphan"
    )

    __table_args__ = (UniqueConstraint("card_channel", "card_ts", name="uq_drafts_card"),)

    @property
    def version(self) -> DraftVersion:
        """The version currently under review."""
        return next(v for v in self.versions if v.number == self.current_version)


class DraftVersion(Base):
    """One text of a draft with its check results; approvals belong to a version."""

    __tablename__ = "draft_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    redacted_text: Mapped[str | None] = mapped_column(Text, default=None)
    verdict: Mapped[str | None] = mapped_column(String(16), default=None)
    findings: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, default=None)
    requirement: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    # Images attached to this version: [{"url": ..., "alt_text": ... or None, "name": ...}].
    media: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, default=None)
    checked_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    draft: Mapped[Draft] = relationship(back_populates="versions")

    __table_args__ = (UniqueConstraint("draft_id", "number", name="uq_draft_versions_number"),)


class DueAction(Base):
    """Work due at a time: reminders, escalations, expiry, publishing, digests, outbox retries.

    The periodic sweep claims due rows with a lease (``FOR UPDATE SKIP LOCKED`` on PostgreSQL),
    acts, and marks them done, so several replicas never fire the same row twice.
    ``dedupe_key`` makes scheduling the same work twice a no-op.
    """

    __tablename__ = "due_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    draft_id: Mapped[int | None] = mapped_column(
        ForeignKey("drafts.id", ondelete="CASCADE"), default=None, index=True
    )
    due_at: Mapped[datetime] = mapped_column(index=True)
    dedupe_key: Mapped[str] = mapped_column(String(128), unique=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(200), default=None)
    claimed_until: Mapped[datetime | None] = mapped_column(default=None)
    claimed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    done_at: Mapped[datetime | None] = mapped_column(default=None, index=True)


class Crisis(Base):
    """A declared crisis: while ``resolved_at`` is empty nothing publishes."""

    __tablename__ = "crises"

    id: Mapped[int] = mapped_column(primary_key=True)
    summary: Mapped[str] = mapped_column(Text)  # redacted before it is stored
    declared_by: Mapped[str] = mapped_column(String(32))
    declared_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_by: Mapped[str | None] = mapped_column(String(32), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)


class AccountLock(Base):
    """A social account declared compromised: no submissions, approvals or publishing for it."""

    __tablename__ = "account_locks"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[str] = mapped_column(String(64), index=True)
    locked_by: Mapped[str] = mapped_column(String(32))
    locked_at: Mapped[datetime] = mapped_column(default=utcnow)
    unlocked_by: Mapped[str | None] = mapped_column(String(32), default=None)
    unlocked_at: Mapped[datetime | None] = mapped_column(default=None)
    checklist_channel: Mapped[str | None] = mapped_column(String(32), default=None)
    checklist_ts: Mapped[str | None] = mapped_column(String(32), default=None)


class ChecklistTick(Base):
    """Who ticked which item of a compromised-account checklist, and when."""

    __tablename__ = "checklist_ticks"

    id: Mapped[int] = mapped_column(primary_key=True)
    lock_id: Mapped[int] = mapped_column(ForeignKey("account_locks.id", ondelete="CASCADE"))
    item: Mapped[int] = mapped_column(Integer)
    done_by: Mapped[str] = mapped_column(String(32))
    done_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("lock_id", "item", name="uq_checklist_ticks_item"),)


class VoteOutcome:
    """What became of a vote attempt."""

    COUNTED = "counted"
    WITHDRAWN = "withdrawn"
    IGNORED_AUTHOR = "ignored_author"
    IGNORED_NOT_APPROVER = "ignored_not_approver"
    LATE = "late"
    IGNORED_BLOCKED = "ignored_blocked"
    IGNORED_LOCKED = "ignored_locked"


class Vote(Base):
    """One vote attempt on one draft version, counted or not, with the reason."""

    __tablename__ = "votes"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String(64))
    voter_id: Mapped[str] = mapped_column(String(32))
    choice: Mapped[str] = mapped_column(String(32))
    via: Mapped[str] = mapped_column(String(16))  # reaction | button
    outcome: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(default=None)


class Decision(Base):
    """The one decision on a draft version; the unique constraint makes races harmless."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(32))
    decided_by: Mapped[str] = mapped_column(String(32))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("draft_id", "version", name="uq_decisions_version"),)


class ProcessedEvent(Base):
    """Slack event ids already handled, so a redelivered event is acted on once."""

    __tablename__ = "processed_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Append-only audit row; ``row_hash`` covers its content and the previous row's hash."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(48), index=True)
    draft_id: Mapped[int | None] = mapped_column(Integer, index=True, default=None)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64), unique=True)
