"""The approval workflow: receive a draft, check it, post its card, count votes, decide once.

Handlers call these functions and nothing else; every state change happens inside one database
transaction together with its audit row, and Slack is only called after the commit, so a Slack
error delays a card or a message but never loses or half-writes a draft or a vote.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from bot import audit
from bot.cards import CardModel, approval_card, check_results_text, escape
from bot.models import Decision, Draft, DraftStatus, DraftVersion, ProcessedEvent, Vote, VoteOutcome
from bot.services import Services
from bot.store import DatabaseUnavailable
from policy import Draft as DraftToCheck
from policy import Finding, Verdict, check, content_hash
from policy.routing import ApprovalRequirement, Choice, Outcome, Tally, signoffs_of, tally
from policy.schema import Account

log = logging.getLogger(__name__)

# Drafts longer than this are refused outright: no social network takes them and they would only
# fill the database. Shorter drafts over the policy's own limit are checked and blocked instead.
HARD_LENGTH_LIMIT = 40_000


class SubmissionRefused(Exception):
    """A draft cannot be accepted; the message says why and what to do, for the author."""


# --------------------------------------------------------------------------- submission


def receive_draft(
    services: Services,
    *,
    author_id: str,
    account_id: str,
    text: str,
    source: str,
    response_url: str | None = None,
) -> int:
    """Validate and store a new draft; returns its id. Checks run later, in ``process_draft``."""
    account = _account_for_submission(services, author_id, account_id)
    text = text.strip()
    if not text:
        raise SubmissionRefused(
            f"Your draft for `{account.id}` is empty. Write the post after the account: "
            f"`/draft {account.id} Your post text`."
        )
    if len(text) > HARD_LENGTH_LIMIT:
        raise SubmissionRefused(
            f"Your draft has {len(text):,} characters; Clearpost accepts at most "
            f"{HARD_LENGTH_LIMIT:,}. Shorten it and submit again."
        )
    try:
        with services.store.transaction() as session:
            draft = Draft(
                account_id=account.id,
                author_id=author_id,
                status=DraftStatus.RECEIVED,
                source=source,
                response_url=response_url,
                created_at=services.clock(),
            )
            draft.versions.append(
                DraftVersion(
                    number=1,
                    text=text,
                    text_hash=content_hash(text),
                    created_at=services.clock(),
                )
            )
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
                },
                at=services.clock(),
            )
            return draft.id
    except OperationalError as error:
        raise DatabaseUnavailable(str(error.orig)[:200]) from None


def _account_for_submission(services: Services, author_id: str, account_id: str) -> Account:
    account = services.policy.account(account_id)
    if account is None:
        known = ", ".join(f"`{a.id}`" for a in services.policy.accounts)
        raise SubmissionRefused(
            f"There is no account `{escape(account_id)}` in the policy. Accounts: {known}."
        )
    if not services.directory.is_member(author_id, account.owners):
        raise SubmissionRefused(
            f"You are not one of the people who may post for `{account.id}` "
            f"({escape(account.display_name)}). Ask the communications team to add you."
        )
    return account


def process_draft(services: Services, draft_id: int) -> None:
    """Check a stored draft, post its approval card and tell the author. Safe to run again."""
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None:
            return
        version = draft.version
        needs_check = version.checked_at is None
        to_check = DraftToCheck(text=version.text, account_id=draft.account_id)
        account = _account(services, draft.account_id)
    if needs_check:
        report = check(to_check, account, services.policy, privacy=services.privacy)
        with services.store.transaction() as session:
            draft = _locked_draft(session, draft_id)
            version = draft.version
            if version.checked_at is None:
                version.verdict = report.verdict.value
                version.findings = [finding.as_dict() for finding in report.findings]
                version.requirement = report.requirement.as_dict()
                version.redacted_text = report.redacted_text
                version.checked_at = services.clock()
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
                            {"rule_id": f.rule_id, "severity": f.severity.value}
                            for f in report.findings
                        ],
                        "redacted_text": report.redacted_text,
                    },
                    at=services.clock(),
                )
                log.info(
                    "draft %s checked: %s, %d findings; redacted text: %s",
                    draft.id,
                    report.verdict.value,
                    len(report.findings),
                    report.redacted_text,
                )
    _post_card_if_missing(services, draft_id)


def _post_card_if_missing(services: Services, draft_id: int) -> None:
    with services.store.transaction() as session:
        draft = _locked_draft(session, draft_id)
        if draft.card_ts is not None or draft.version.checked_at is None:
            return
        card = _card_model(services, session, draft)
        response_url = draft.response_url
        author_id = draft.author_id
    text, blocks = approval_card(card)
    try:
        response = services.client.chat_postMessage(
            channel=services.approval_channel, text=text, blocks=blocks, unfurl_links=False
        )
    except SlackApiError as error:
        # The draft stays without a card; the recovery sweep posts it later.
        log.warning(
            "could not post the card of draft %s: %s", draft_id, error.response.get("error")
        )
        return
    with services.store.transaction() as session:
        draft = _locked_draft(session, draft_id)
        draft.card_channel = str(response["channel"])
        draft.card_ts = str(response["ts"])
        audit.append(
            session,
            actor="clearpost",
            action="card.posted",
            draft_id=draft_id,
            detail={"channel": draft.card_channel, "ts": draft.card_ts},
            at=services.clock(),
        )
    _tell_author(
        services,
        author_id,
        response_url,
        check_results_text(
            card.draft_id, card.account, card.verdict, card.findings, card.redacted_text
        ),
    )


# --------------------------------------------------------------------------- voting


@dataclass(frozen=True)
class CardRef:
    """Where an approval card sits in Slack."""

    channel: str
    ts: str


@dataclass(frozen=True)
class VoteResult:
    """What a vote attempt did, for the handler to explain if needed."""

    outcome: str  # a VoteOutcome, or "duplicate" / "not_a_card"
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
    """Record one vote from a reaction or a button, and decide the draft if it settles it.

    The single place where votes are counted: duplicates (same Slack event), the author, people
    outside the requirement and votes after the decision are recorded but change nothing.
    """
    with services.store.transaction() as session:
        if event_id is not None and not _first_delivery(session, event_id):
            return VoteResult("duplicate")
        draft = _find_draft(session, card=card, draft_id=draft_id)
        if draft is None:
            return VoteResult("not_a_card")
        current = draft.version
        requirement = ApprovalRequirement.from_dict(current.requirement or {})
        stale_version = version is not None and version != current.number
        outcome, explanation = _classify_vote(
            services, draft, requirement, voter_id, choice, stale_version
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
                reason=reason,
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
            },
            at=services.clock(),
        )
        decision = None
        if outcome == VoteOutcome.COUNTED:
            session.flush()
            decision = _decide_if_settled(services, session, draft, requirement, voter_id)
        result = VoteResult(outcome, draft.id, decision, explanation)
    if outcome == VoteOutcome.COUNTED:
        refresh_card(services, draft.id)
    if decision is not None:
        _announce_decision(services, draft.id, decision, voter_id)
    return result


def withdraw_vote(
    services: Services, *, voter_id: str, choice: Choice, card: CardRef, event_id: str | None
) -> VoteResult:
    """Take back a reaction vote; after the decision it changes nothing and is recorded as late."""
    with services.store.transaction() as session:
        if event_id is not None and not _first_delivery(session, event_id):
            return VoteResult("duplicate")
        draft = _find_draft(session, card=card, draft_id=None)
        if draft is None:
            return VoteResult("not_a_card")
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
            action="vote.withdrawal_ignored" if late else "vote.withdrawn",
            draft_id=draft.id,
            detail={"version": draft.current_version, "choice": choice.value},
            at=services.clock(),
        )
        draft_ref = draft.id
    if not late:
        refresh_card(services, draft_ref)
    return VoteResult(VoteOutcome.LATE if late else VoteOutcome.WITHDRAWN, draft_ref)


def _first_delivery(session: Session, event_id: str) -> bool:
    """Mark the Slack event as processed; False if it already was (a redelivery)."""
    try:
        with session.begin_nested():
            session.add(ProcessedEvent(event_id=event_id))
    except IntegrityError:
        return False
    return True


def _find_draft(session: Session, *, card: CardRef | None, draft_id: int | None) -> Draft | None:
    query = select(Draft)
    if card is not None:
        query = query.where(Draft.card_channel == card.channel, Draft.card_ts == card.ts)
    elif draft_id is not None:
        query = query.where(Draft.id == draft_id)
    else:
        return None
    return session.scalars(query.with_for_update()).first()


def _locked_draft(session: Session, draft_id: int) -> Draft:
    draft = session.scalars(select(Draft).where(Draft.id == draft_id).with_for_update()).one()
    return draft


def _classify_vote(
    services: Services,
    draft: Draft,
    requirement: ApprovalRequirement,
    voter_id: str,
    choice: Choice,
    stale_version: bool,
) -> tuple[str, str | None]:
    """Whether a vote counts, and if not, the sentence that explains it to the voter."""
    if draft.status not in DraftStatus.OPEN_FOR_VOTES:
        state = draft.status.replace("_", " ")
        return VoteOutcome.LATE, f"Draft #{draft.id} is already {state}; your vote was not counted."
    if stale_version:
        return (
            VoteOutcome.LATE,
            f"Draft #{draft.id} has been revised since this card was posted; vote on the current "
            "version.",
        )
    if voter_id == draft.author_id:
        return (
            VoteOutcome.IGNORED_AUTHOR,
            f"You wrote draft #{draft.id}, so your vote on it does not count. Another approver "
            "has to decide.",
        )
    if not signoffs_of(voter_id, requirement, services.directory.resolve):
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


def _current_tally(services: Services, session: Session, draft: Draft) -> Tally:
    requirement = ApprovalRequirement.from_dict(draft.version.requirement or {})
    standing = session.scalars(
        select(Vote)
        .where(
            Vote.draft_id == draft.id,
            Vote.version == draft.current_version,
            Vote.outcome == VoteOutcome.COUNTED,
            Vote.withdrawn_at.is_(None),
        )
        .order_by(Vote.id)
    )
    votes = {vote.voter_id: Choice(vote.choice) for vote in standing}
    return tally(requirement, votes, draft.author_id, services.directory.resolve)


def _decide_if_settled(
    services: Services,
    session: Session,
    draft: Draft,
    requirement: ApprovalRequirement,
    deciding_voter: str,
) -> Outcome | None:
    outcome = _current_tally(services, session, draft).outcome
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
    return outcome


# --------------------------------------------------------------------------- Slack output


def _account(services: Services, account_id: str) -> Account:
    account = services.policy.account(account_id)
    if account is None:
        raise LookupError(f"account {account_id} is no longer in the policy")
    return account


def _card_model(services: Services, session: Session, draft: Draft) -> CardModel:
    version = draft.version
    decision = session.scalars(
        select(Decision).where(
            Decision.draft_id == draft.id, Decision.version == draft.current_version
        )
    ).first()
    return CardModel(
        draft_id=draft.id,
        version=version.number,
        account=_account(services, draft.account_id),
        author_id=draft.author_id,
        verdict=Verdict(version.verdict or Verdict.PASS.value),
        findings=tuple(Finding.from_dict(item) for item in version.findings or []),
        redacted_text=version.redacted_text or "",
        tally=_current_tally(services, session, draft),
        reactions=services.policy.approvals.reactions,
        outcome=Outcome(decision.outcome) if decision else None,
        decided_by=decision.decided_by if decision else None,
    )


def refresh_card(services: Services, draft_id: int) -> None:
    """Redraw a draft's approval card from the database."""
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None or draft.card_ts is None or draft.card_channel is None:
            return
        card = _card_model(services, session, draft)
        channel, ts = draft.card_channel, draft.card_ts
    text, blocks = approval_card(card)
    try:
        services.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
    except SlackApiError as error:
        log.warning(
            "could not update the card of draft %s: %s", draft_id, error.response.get("error")
        )


def _announce_decision(services: Services, draft_id: int, outcome: Outcome, voter_id: str) -> None:
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None:
            return
        account = _account(services, draft.account_id)
        author_id = draft.author_id
    words = {
        Outcome.APPROVED: "was approved",
        Outcome.REJECTED: "was rejected",
        Outcome.CHANGES_REQUESTED: "needs changes",
    }[outcome]
    message = f"Your draft #{draft_id} for {escape(account.display_name)} {words} by <@{voter_id}>."
    _direct_message(services, author_id, message)


def explain_privately(services: Services, channel: str, user_id: str, message: str) -> None:
    """An ephemeral note to one person in a channel (non-approvers, the author, late voters)."""
    try:
        services.client.chat_postEphemeral(channel=channel, user=user_id, text=message)
    except SlackApiError as error:
        log.warning("could not send an ephemeral note: %s", error.response.get("error"))


def _direct_message(services: Services, user_id: str, message: str) -> None:
    try:
        services.client.chat_postMessage(channel=user_id, text=message)
    except SlackApiError as error:
        log.warning("could not send a direct message: %s", error.response.get("error"))


def _tell_author(
    services: Services, author_id: str, response_url: str | None, message: str
) -> None:
    """Tell the author privately: through the slash command's response URL, else by DM."""
    if response_url:
        try:
            response = WebhookClient(response_url, timeout=10).send(
                text=message, response_type="ephemeral"
            )
            if response.status_code == 200:
                return
        except OSError as error:
            log.warning("response URL unreachable (%s); sending a DM instead", type(error).__name__)
    _direct_message(services, author_id, message)
