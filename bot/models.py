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
    checked_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    draft: Mapped[Draft] = relationship(back_populates="versions")

    __table_args__ = (UniqueConstraint("draft_id", "number", name="uq_draft_versions_number"),)


class VoteOutcome:
    """What became of a vote attempt."""

    COUNTED = "counted"
    WITHDRAWN = "withdrawn"
    IGNORED_AUTHOR = "ignored_author"
    IGNORED_NOT_APPROVER = "ignored_not_approver"
    LATE = "late"
    IGNORED_BLOCKED = "ignored_blocked"


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
