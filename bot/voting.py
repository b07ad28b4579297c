"""Votes on approval cards: the one function reactions, buttons, modals and App Home all call.

A vote is recorded whatever happens to it (counted, ignored because of who cast it, or late),
with an audit row. Exactly one decision per draft version: the draft row is locked while the
vote is counted (PostgreSQL ``FOR UPDATE``; SQLite serialises writers), and the decision's
unique constraint turns any race that slips through into a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from bot import audit
from bot.card_state import refresh_card
from bot.cards import escape
from bot.models import Decision, Draft, DraftStatus, ProcessedEvent, Vote, VoteOutcome
from bot.notify import direct_message, reply_in_thread
from bot.publishing import after_approval, local_time
from bot.queries import (
    CardRef,
    account_of,
    active_lock,
    current_tally,
    find_draft,
    requirement_of,
)
from bot.services import Services
from policy.privacy import redact
from policy.routing import Choice, Outcome, signoffs_of

CHOICE_WORDS = {
    Choice.APPROVE: "approved",
    Choice.REJECT: "rejected",
    Choice.REQUEST_CHANGES: "asked for changes to",
}
OUTCOME_WORDS = {
    Outcome.APPROVED: "was approved",
    Outcome.REJECTED: "was rejected",
    Outcome.CHANGES_REQUESTED: "needs changes",
}


@dataclass(frozen=True)
class VoteResult:
    """What a vote attempt did, for the handler to explain if needed."""

    outcome: str  # a VoteOutcome, or "duplicate" / "not_a_card" / "not_a_vote"
    draft_id: int | None = None
    decision: Outcome | None = None
    explanation: str | None = None


def cast_vote(
    services: Services,
    *,
    voter_id: str,
    choice: Choice,
    via: str,
    card: CardRef | None = None,
    draft_id: int | None = None,
    version: int | None = None,
    event_id: str | None = None,
    reason: str | None = None,
) -> VoteResult:
    """Record one vote and decide the draft version if it settles it."""
    shown_reason = redact_reason(services, reason)
    with services.store.transaction() as session:
        # The card first: a reaction that comes before its card is on record (the card was
        # posted but not yet stored) must not mark its event done, or Slack's retry is dropped.
        draft = find_draft(session, card=card, draft_id=draft_id)
        if draft is None:
            return VoteResult("not_a_card")
        if event_id is not None and not first_delivery(session, event_id):
            return VoteResult("duplicate")
        current = draft.version
        outcome, explanation = classify_vote(
            services,
            draft,
            voter_id,
            choice,
            stale=version is not None and version != current.number,
        )
        if outcome == VoteOutcome.COUNTED:
            _supersede_previous_votes(session, draft, voter_id, services)
        session.add(
            Vote(
                draft_id=draft.id,
                version=current.number,
                text_hash=current.text_hash,
                voter_id=voter_id,
                choice=choice.value,
                via=via,
                outcome=outcome,
                reason=shown_reason,
                created_at=services.clock(),
            )
        )
        audit.append(
            session,
            actor=voter_id,
            action="vote.recorded" if outcome == VoteOutcome.COUNTED else "vote.ignored",
            draft_id=draft.id,
            detail={
                "version": current.number,
                "text_hash": current.text_hash,
                "choice": choice.value,
                "via": via,
                "outcome": outcome,
                "reason": shown_reason,
            },
            at=services.clock(),
        )
        decision = None
        if outcome == VoteOutcome.COUNTED:
            session.flush()
            decision = _decide_if_settled(services, session, draft, voter_id)
        result = VoteResult(outcome, draft.id, decision, explanation)
    if outcome == VoteOutcome.COUNTED:
        refresh_card(services, result.draft_id or 0)
    if decision is not None:
        announce_decision(services, result.draft_id or 0, decision, voter_id, shown_reason)
    return result


def vote_would_count(services: Services, draft_id: int, voter_id: str, choice: Choice) -> bool:
    """Whether a vote from this person would count now (asked before opening a reason modal)."""
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None:
            return False
        outcome, _ = classify_vote(services, draft, voter_id, choice, stale=False)
        return outcome == VoteOutcome.COUNTED


def withdraw_vote(
    services: Services, *, voter_id: str, choice: Choice, card: CardRef, event_id: str | None
) -> VoteResult:
    """Take back a reaction vote; after the decision it changes nothing and is recorded as late."""
    with services.store.transaction() as session:
        draft = find_draft(session, card=card)  # the card first, as for a vote
        if draft is None:
            return VoteResult("not_a_card")
        if event_id is not None and not first_delivery(session, event_id):
            return VoteResult("duplicate")
        active = session.scalars(
            select(Vote).where(
                Vote.draft_id == draft.id,
                Vote.version == draft.current_version,
                Vote.voter_id == voter_id,
                Vote.choice == choice.value,
                Vote.via == "reaction",
                Vote.outcome == VoteOutcome.COUNTED,
                Vote.withdrawn_at.is_(None),
            )
        ).first()
        if active is None:
            return VoteResult("not_a_vote", draft.id)
        late = draft.status not in DraftStatus.OPEN_FOR_VOTES
        if not late:
            active.withdrawn_at = services.clock()
        audit.append(
            session,
            actor=voter_id,
            action="vote.withdrawal_late" if late else "vote.withdrawn",
            draft_id=draft.id,
            detail={"version": draft.current_version, "choice": choice.value},
            at=services.clock(),
        )
        draft_ref = draft.id
    if not late:
        refresh_card(services, draft_ref)
    return VoteResult(VoteOutcome.LATE if late else VoteOutcome.WITHDRAWN, draft_ref)


def first_delivery(session: Session, event_id: str) -> bool:
    """Mark a Slack event as processed; False if it already was (a redelivery)."""
    try:
        with session.begin_nested():
            session.add(ProcessedEvent(event_id=event_id))
    except IntegrityError:
        return False
    return True


def classify_vote(
    services: Services, draft: Draft, voter_id: str, choice: Choice, *, stale: bool
) -> tuple[str, str | None]:
    """Whether a vote counts, and if not, the sentence that explains it to the voter."""
    session = object_session(draft)
    if session is not None and active_lock(session, draft.account_id) is not None:
        return (
            VoteOutcome.IGNORED_LOCKED,
            f"`{draft.account_id}` is locked because it was reported compromised; votes on its "
            "drafts do not count until the crisis team unlocks it.",
        )
    if draft.status not in DraftStatus.OPEN_FOR_VOTES:
        state = draft.status.replace("_", " ")
        return VoteOutcome.LATE, f"Draft #{draft.id} is already {state}; your vote was not counted."
    if stale:
        return (
            VoteOutcome.LATE,
            f"Draft #{draft.id} has been revised since you saw it; vote on the current version.",
        )
    if voter_id == draft.author_id:
        return (
            VoteOutcome.IGNORED_AUTHOR,
            f"You wrote draft #{draft.id}, so your vote on it does not count. Another approver "
            "has to decide.",
        )
    if not signoffs_of(voter_id, requirement_of(draft), services.directory.resolve):
        return (
            VoteOutcome.IGNORED_NOT_APPROVER,
            f"You are not an approver for draft #{draft.id}, so your vote was not counted.",
        )
    if draft.status == DraftStatus.BLOCKED and choice is Choice.APPROVE:
        return (
            VoteOutcome.IGNORED_BLOCKED,
            f"Draft #{draft.id} is blocked by its checks and cannot be approved as it stands; "
            "reject it or request changes.",
        )
    return VoteOutcome.COUNTED, None


def redact_reason(services: Services, reason: str | None) -> str | None:
    """A reviewer's reason with any patient identifiers redacted: it is shown in the channel."""
    if reason is None or not reason.strip():
        return None
    text = reason.strip()[:2000]
    return redact(text, services.privacy.findings(text, services.policy.organisation))


def _supersede_previous_votes(
    session: Session, draft: Draft, voter_id: str, services: Services
) -> None:
    """A person has one standing vote per version: a new vote replaces their earlier one."""
    for earlier in session.scalars(
        select(Vote).where(
            Vote.draft_id == draft.id,
            Vote.version == draft.current_version,
            Vote.voter_id == voter_id,
            Vote.outcome == VoteOutcome.COUNTED,
            Vote.withdrawn_at.is_(None),
        )
    ):
        earlier.withdrawn_at = services.clock()


def _decide_if_settled(
    services: Services, session: Session, draft: Draft, deciding_voter: str
) -> Outcome | None:
    outcome = current_tally(services, session, draft).outcome
    if outcome is None:
        return None
    try:
        with session.begin_nested():
            session.add(
                Decision(
                    draft_id=draft.id,
                    version=draft.current_version,
                    text_hash=draft.version.text_hash,
                    outcome=outcome.value,
                    decided_by=deciding_voter,
                    decided_at=services.clock(),
                )
            )
    except IntegrityError:
        return None  # another replica decided this version first
    draft.status = outcome.value
    audit.append(
        session,
        actor=deciding_voter,
        action="draft.decided",
        draft_id=draft.id,
        detail={
            "version": draft.current_version,
            "text_hash": draft.version.text_hash,
            "outcome": outcome.value,
        },
        at=services.clock(),
    )
    if outcome is Outcome.APPROVED:
        after_approval(session, services, draft)
    return outcome


def announce_decision(
    services: Services, draft_id: int, outcome: Outcome, voter_id: str, reason: str | None
) -> None:
    """Tell the author by DM, and the approvers in the card's thread when there is a reason."""
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None:
            return
        account = account_of(services, draft)
        author_id, channel, ts = draft.author_id, draft.card_channel, draft.card_ts
        next_step = publishing_note(services, draft) if outcome is Outcome.APPROVED else ""
    message = (
        f"Your draft #{draft_id} for {escape(account.display_name)} {OUTCOME_WORDS[outcome]} "
        f"by <@{voter_id}>. {next_step}"
    ).strip()
    if reason:
        message += f"\nReason: {escape(reason)}"
    if outcome is Outcome.CHANGES_REQUESTED:
        message += f"\nRevise it with `/draft revise {draft_id} <new text>` or the card's button."
    direct_message(services, author_id, message)
    if outcome is not Outcome.APPROVED and channel and ts:
        note = f"<@{voter_id}> {CHOICE_WORDS[_choice_of(outcome)]} this draft."
        note += f" Reason: {escape(reason)}" if reason else " No reason given."
        reply_in_thread(services, channel, ts, note)


def publishing_note(services: Services, draft: Draft) -> str:
    """What happens next to an approved post, in one sentence for its author."""
    if draft.status == DraftStatus.HELD:
        return "It is held: a crisis is declared or the account is locked."
    if draft.status == DraftStatus.SCHEDULED and draft.publish_at is not None:
        return f"It is scheduled for {local_time(services, draft.publish_at)}."
    if services.settings.publisher == "webhook":
        return "Clearpost is sending it to the publishing tool."
    return "It is cleared: publish it, then press *Mark as published* on its card."


def _choice_of(outcome: Outcome) -> Choice:
    return {
        Outcome.APPROVED: Choice.APPROVE,
        Outcome.REJECTED: Choice.REJECT,
        Outcome.CHANGES_REQUESTED: Choice.REQUEST_CHANGES,
    }[outcome]
