"""Builds an approval card from the database and redraws it in Slack."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session

from bot.cards import CardModel, approval_card
from bot.models import Draft
from bot.queries import account_of, current_tally, decision_of
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
    )


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
