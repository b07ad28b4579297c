"""The tamper-evident audit log: an append-only hash chain that holds no PHI.

Each row's hash covers its own content and the previous row's hash, so altering or removing any
row breaks every hash after it. ``verify_chain`` recomputes the chain and names the first row
that does not fit. Appends are serialised (PostgreSQL advisory lock, SQLite's write lock) so
several replicas still build one chain.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bot.models import AuditEntry, utcnow

GENESIS_HASH = "0" * 64
# Any fixed number works; it only has to be the same in every replica.
_AUDIT_LOCK_KEY = 0x436C656172706F73


def _row_digest(
    at: datetime, actor: str, action: str, draft_id: int | None, detail: dict[str, Any], prev: str
) -> str:
    canonical = json.dumps(
        {
            "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
            "actor": actor,
            "action": action,
            "draft_id": draft_id,
            "detail": detail,
            "prev_hash": prev,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    draft_id: int | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Add one row to the chain inside the caller's transaction.

    ``detail`` must already be free of PHI: redacted text and hashes, never the original text.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _AUDIT_LOCK_KEY})
    previous = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    prev_hash = previous.row_hash if previous else GENESIS_HASH
    moment = (at or utcnow()).astimezone(UTC)
    body = detail or {}
    entry = AuditEntry(
        at=moment,
        actor=actor,
        action=action,
        draft_id=draft_id,
        detail=body,
        prev_hash=prev_hash,
        row_hash=_row_digest(moment, actor, action, draft_id, body, prev_hash),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainReport:
    """The result of verifying the chain: rows checked and the first bad one, if any."""

    rows: int
    first_bad_id: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None


def verify_chain(session: Session) -> ChainReport:
    """Recompute every row's hash in order; report the first altered row or the row after a gap."""
    expected_prev = GENESIS_HASH
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        count += 1
        if entry.prev_hash != expected_prev:
            return ChainReport(
                count, entry.id, "its link to the previous row is broken (a row was removed)"
            )
        digest = _row_digest(
            entry.at, entry.actor, entry.action, entry.draft_id, entry.detail, entry.prev_hash
        )
        if digest != entry.row_hash:
            return ChainReport(count, entry.id, "its content does not match its hash (altered)")
        expected_prev = entry.row_hash
    return ChainReport(count)


def _rows_since(session: Session, since: datetime | None) -> Iterator[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    yield from session.scalars(query)


EXPORT_FIELDS = ["id", "at", "actor", "action", "draft_id", "detail", "prev_hash", "row_hash"]


def export_rows(session: Session, *, since: datetime | None, fmt: str) -> Iterator[str]:
    """The audit log as CSV (with a header) or JSON lines, one string per output line."""
    if fmt == "csv":
        yield ",".join(EXPORT_FIELDS) + "\n"
    for entry in _rows_since(session, since):
        record = {
            "id": entry.id,
            "at": entry.at.astimezone(UTC).isoformat(),
            "actor": entry.actor,
            "action": entry.action,
            "draft_id": entry.draft_id,
            "detail": entry.detail,
            "prev_hash": entry.prev_hash,
            "row_hash": entry.row_hash,
        }
        if fmt == "jsonl":
            yield json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
        else:
            buffer = io.StringIO()
            record["detail"] = json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)
            csv.writer(buffer).writerow([record[name] for name in EXPORT_FIELDS])
            yield buffer.getvalue()


def record_policy_in_force(session: Session, policy_json: str, accounts: list[str]) -> bool:
    """Audit a configuration change: append a row when the policy differs from the last one seen.

    Returns True when a row was written. Called at startup, so every replica agrees on which
    policy version each decision was made under.
    """
    policy_hash = hashlib.sha256(policy_json.encode("utf-8")).hexdigest()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _AUDIT_LOCK_KEY})
    last = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.action == "policy.changed")
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if last is not None and last.detail.get("policy_hash") == policy_hash:
        return False
    append(
        session,
        actor="clearpost",
        action="policy.changed",
        detail={
            "policy_hash": policy_hash,
            "previous_policy_hash": last.detail.get("policy_hash") if last else None,
            "accounts": accounts,
        },
    )
    return True
