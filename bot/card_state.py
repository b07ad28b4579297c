"""Builds an approval card from the database and redraws it in Slack."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cards import CardModel, approval_card
from bot.models import Draft, DraftStatus, DueAction
from bot.publishing import local_time
from bot.queries import account_of, current_tally, decision_of
from bot.scheduling import ActionKind
from bot.services import Services
from policy import Finding, Verdict
from policy.routing import Outcome

log = logging.getLogger(__name__)


def card_model(services: Services, session: Session, draft: Draft) -> CardModel:
    """What the card of ``draft`` should show right now."""
    version = draft.version
    decision = decision_of(session, draft)
    previous = next((v for v in draft.versions if v.number == version.number - 1), None)
    return CardModel(
        draft_id=draft.id,
        version=version.number,
        account=account_of(services, draft),
        author_id=draft.author_id,
        verdict=Verdict(version.verdict or Verdict.PASS.value),
        findings=tuple(Finding.from_dict(item) for item in version.findings or []),
        redacted_text=version.redacted_text or "",
        tally=current_tally(services, session, draft),
        reactions=services.policy.approvals.reactions,
        outcome=Outcome(decision.outcome) if decision else None,
        decided_by=decision.decided_by if decision else None,
        previous_redacted_text=previous.redacted_text if previous else None,
        media=tuple(version.media or ()),
        status_note=status_note(services, session, draft),
        open_for_votes=draft.status in DraftStatus.OPEN_FOR_VOTES,
        can_mark_published=draft.status == DraftStatus.APPROVED
        and services.settings.publisher == "none",
    )


def status_note(services: Services, session: Session, draft: Draft) -> str | None:
    """One line on the card about where the post stands beyond the vote."""
    status, now = draft.status, services.clock()
    if status == DraftStatus.WITHDRAWN:
        return ":wastebasket: *Withdrawn* by the author."
    if status == DraftStatus.EXPIRED:
        return ":hourglass: *Expired* without a decision."
    if status == DraftStatus.HELD:
        return (
            ":octagonal_sign: *Held*: a crisis is declared or the account is locked. Nothing "
            "publishes until it is released."
        )
    if status == DraftStatus.SCHEDULED and draft.publish_at is not None:
        return f":calendar: *Scheduled* for {local_time(services, draft.publish_at)}."
    if status == DraftStatus.PUBLISHED and draft.published_at is not None:
        return f":mega: *Published* {local_time(services, draft.published_at)}."
    if status == DraftStatus.APPROVED:
        if services.settings.publisher == "none":
            return ":rocket: *Ready to publish.* Press *Mark as published* once it is out."
        failure = session.scalars(
            select(DueAction.last_error).where(
                DueAction.draft_id == draft.id,
                DueAction.kind == ActionKind.PUBLISH,
                DueAction.done_at.is_(None),
                DueAction.attempts > 0,
            )
        ).first()
        if failure:
            return f":warning: *Publishing failed* ({failure}); Clearpost keeps retrying."
        return ":outbox_tray: Sending to the publishing tool."
    if draft.publish_at is not None and status in DraftStatus.REVISABLE:
        when = local_time(services, draft.publish_at)
        if draft.publish_at <= now:
            return f":warning: *The publish time ({when}) has passed* and it is not approved yet."
        return f":calendar: To publish at {when} once approved."
    return None


def refresh_card(services: Services, draft_id: int) -> None:
    """Redraw a draft's approval card from the database."""
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None or draft.card_ts is None or draft.card_channel is None:
            return
        card = card_model(services, session, draft)
        channel, ts = draft.card_channel, draft.card_ts
    text, blocks = approval_card(card)
    try:
        services.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
    except SlackApiError as error:
        log.warning(
            "could not update the card of draft %s: %s", draft_id, error.response.get("error")
        )
