"""Lookups of drafts shared by the workflow, voting and the App Home."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from bot.models import AccountLock, Crisis, Decision, Draft, Vote, VoteOutcome
from bot.services import Services
from policy.routing import ApprovalRequirement, Choice, Tally, tally
from policy.schema import Account


@dataclass(frozen=True)
class CardRef:
    """Where an approval card sits in Slack."""

    channel: str
    ts: str


def find_draft(
    session: Session, *, card: CardRef | None = None, draft_id: int | None = None
) -> Draft | None:
    """The draft behind a card or an id, locked for update (a no-op on SQLite).

    A draft posted as a plain message in the approval channel is found from that message too, so
    votes on the message and on its card count the same.
    """
    query = select(Draft)
    if card is not None:
        query = query.where(
            or_(
                and_(Draft.card_channel == card.channel, Draft.card_ts == card.ts),
                and_(Draft.source_channel == card.channel, Draft.source_ts == card.ts),
            )
        )
    elif draft_id is not None:
        query = query.where(Draft.id == draft_id)
    else:
        return None
    return session.scalars(query.with_for_update()).first()


def locked_draft(session: Session, draft_id: int) -> Draft:
    draft = find_draft(session, draft_id=draft_id)
    if draft is None:
        raise LookupError(f"draft {draft_id} does not exist")
    return draft


def account_of(services: Services, draft: Draft) -> Account:
    account = services.policy.account(draft.account_id)
    if account is None:
        raise LookupError(f"account {draft.account_id} is no longer in the policy")
    return account


def requirement_of(draft: Draft) -> ApprovalRequirement:
    return ApprovalRequirement.from_dict(draft.version.requirement or {})


def standing_votes(session: Session, draft: Draft) -> dict[str, Choice]:
    """Each person's current vote on the draft's current version (withdrawn votes excluded)."""
    rows = session.scalars(
        select(Vote)
        .where(
            Vote.draft_id == draft.id,
            Vote.version == draft.current_version,
            Vote.outcome == VoteOutcome.COUNTED,
            Vote.withdrawn_at.is_(None),
        )
        .order_by(Vote.id)
    )
    return {vote.voter_id: Choice(vote.choice) for vote in rows}


def current_tally(services: Services, session: Session, draft: Draft) -> Tally:
    return tally(
        requirement_of(draft),
        standing_votes(session, draft),
        draft.author_id,
        services.directory.resolve,
    )


def decision_of(session: Session, draft: Draft) -> Decision | None:
    """The decision on the draft's current version, if there is one."""
    return session.scalars(
        select(Decision).where(
            Decision.draft_id == draft.id, Decision.version == draft.current_version
        )
    ).first()


def active_crisis(session: Session) -> Crisis | None:
    """The crisis declared and not yet resolved, if any."""
    return session.scalars(
        select(Crisis).where(Crisis.resolved_at.is_(None)).order_by(Crisis.id.desc()).limit(1)
    ).first()


def active_lock(session: Session, account_id: str) -> AccountLock | None:
    """The lock on a compromised account, if it is locked."""
    return session.scalars(
        select(AccountLock)
        .where(AccountLock.account_id == account_id, AccountLock.unlocked_at.is_(None))
        .order_by(AccountLock.id.desc())
        .limit(1)
    ).first()
