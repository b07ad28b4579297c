"""App Home: what is waiting for an approver, and where an author's drafts stand."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.models import Draft, DraftStatus
from bot.notify import publish_home
from bot.queries import account_of, requirement_of, standing_votes
from bot.services import Services
from bot.views import home_view
from policy.routing import signoffs_of

MAX_ITEMS = 20


def refresh_home(services: Services, user_id: str) -> None:
    """Publish the person's App Home from the database."""
    waiting: list[dict[str, Any]] = []
    own: list[dict[str, Any]] = []
    with services.store.transaction() as session:
        open_drafts = session.scalars(
            select(Draft)
            .where(Draft.status.in_(DraftStatus.OPEN_FOR_VOTES))
            .order_by(Draft.created_at)
        )
        for draft in open_drafts:
            if len(waiting) >= MAX_ITEMS:
                break
            if draft.author_id == user_id or user_id in standing_votes(session, draft):
                continue
            if signoffs_of(user_id, requirement_of(draft), services.directory.resolve):
                waiting.append(_summary(services, draft))
        for draft in session.scalars(
            select(Draft)
            .where(Draft.author_id == user_id)
            .order_by(Draft.created_at.desc())
            .limit(MAX_ITEMS)
        ):
            own.append(_summary(services, draft))
    publish_home(services, user_id, home_view(waiting, own))


def _summary(services: Services, draft: Draft) -> dict[str, Any]:
    return {
        "id": draft.id,
        "version": draft.current_version,
        "account": account_of(services, draft).display_name,
        "status": draft.status,
        "redacted_text": draft.version.redacted_text or "(being checked)",
        "blocked": draft.status == DraftStatus.BLOCKED,
    }
