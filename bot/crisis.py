"""Crisis commands: declare (hold everything, page the team), status, resolve and release, and
locking a compromised account with a checklist the team ticks off.

Only the crisis team from the policy may use them; everything is audited.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from bot import audit
from bot.card_state import refresh_card
from bot.cards import escape
from bot.models import AccountLock, ChecklistTick, Crisis, Draft, DraftStatus
from bot.notify import direct_message
from bot.publishing import hold, release
from bot.queries import account_of, active_crisis, active_lock
from bot.services import Services
from policy.privacy import redact

log = logging.getLogger(__name__)

RELEASE_ACTION = "clearpost_release_held"
CHECKLIST_ACTION = "clearpost_checklist_tick"
HOLDABLE = (DraftStatus.APPROVED, DraftStatus.SCHEDULED)


class CrisisRefused(Exception):
    """The crisis command cannot be done; the message says why, for the person who asked."""


def is_crisis_team(services: Services, user_id: str) -> bool:
    return services.directory.is_member(user_id, services.policy.crisis_response.team)


def _require_team(services: Services, user_id: str) -> None:
    if not is_crisis_team(services, user_id):
        raise CrisisRefused(
            "Only the crisis team named in the policy can use /crisis. Ask the communications "
            "director if you think you should be on it."
        )


def _redacted(services: Services, text: str) -> str:
    return redact(text, services.privacy.findings(text, services.policy.organisation))


@dataclass(frozen=True)
class Declared:
    crisis_id: int
    held: list[int]
    holding_drafts: list[int]


def declare_crisis(services: Services, *, by: str, summary: str) -> Declared:
    """Hold every approved, unpublished post, page the team and offer the holding statements."""
    from bot.workflow import process_draft, receive_draft

    _require_team(services, by)
    if not summary.strip():
        raise CrisisRefused("Say what is happening: `/crisis declare <summary>`.")
    shown_summary = _redacted(services, summary.strip()[:1000])
    with services.store.transaction() as session:
        if active_crisis(session) is not None:
            raise CrisisRefused("A crisis is already declared; see `/crisis status`.")
        crisis = Crisis(summary=shown_summary, declared_by=by, declared_at=services.clock())
        session.add(crisis)
        session.flush()
        held = []
        for draft in session.scalars(
            select(Draft).where(Draft.status.in_(HOLDABLE)).with_for_update()
        ):
            hold(session, services, draft, reason="crisis")
            held.append(draft.id)
        audit.append(
            session,
            actor=by,
            action="crisis.declared",
            detail={"crisis": crisis.id, "summary": shown_summary, "held": held},
            at=services.clock(),
        )
        crisis_id = crisis.id
    for draft_id in held:
        refresh_card(services, draft_id)
    _post(
        services,
        services.approval_channel,
        f":rotating_light: *Crisis declared by <@{by}>:* {escape(shown_summary)}\n"
        f"{len(held)} approved post(s) are held and nothing will publish. Every new draft needs "
        "a crisis lead's approval too. `/crisis status` shows where things stand.",
    )
    _page_team(services, f"Crisis declared by <@{by}>: {escape(shown_summary)}")
    holding = []
    for statement in services.policy.crisis_response.holding_statements:
        draft_id = receive_draft(
            services,
            author_id=by,
            account_id=statement.account,
            text=statement.text,
            source="holding_statement",
            require_owner=False,
        )
        process_draft(services, draft_id)
        holding.append(draft_id)
    return Declared(crisis_id, held, holding)


def crisis_status(services: Services, user_id: str) -> str:
    _require_team(services, user_id)
    with services.store.transaction() as session:
        crisis = active_crisis(session)
        held = session.scalars(select(Draft).where(Draft.status == DraftStatus.HELD)).all()
        pending = session.scalars(
            select(Draft).where(Draft.status.in_(DraftStatus.OPEN_FOR_VOTES))
        ).all()
        locks = session.scalars(select(AccountLock).where(AccountLock.unlocked_at.is_(None))).all()
        if crisis is None:
            head = "No crisis is declared."
        else:
            when = crisis.declared_at.strftime("%Y-%m-%d %H:%M UTC")
            head = (
                f":rotating_light: Crisis declared by <@{crisis.declared_by}> at {when}: "
                f"{escape(crisis.summary)}"
            )
        lines = [head, f"*Held ({len(held)}):* " + _list(services, held)]
        lines.append(f"*Waiting for approval ({len(pending)}):* " + _list(services, pending))
        if locks:
            lines.append(
                "*Locked accounts:* "
                + ", ".join(f"`{lock.account_id}` (by <@{lock.locked_by}>)" for lock in locks)
            )
    return "\n".join(lines)


def _list(services: Services, drafts: Any) -> str:
    items = [f"#{d.id} ({escape(account_of(services, d).display_name)})" for d in drafts]
    return ", ".join(items) if items else "none"


def resolve_crisis(services: Services, *, by: str) -> list[int]:
    """End the crisis; held posts stay held and are listed with a Release button each."""
    _require_team(services, by)
    with services.store.transaction() as session:
        crisis = active_crisis(session)
        if crisis is None:
            raise CrisisRefused("No crisis is declared.")
        crisis.resolved_by, crisis.resolved_at = by, services.clock()
        held = list(session.scalars(select(Draft.id).where(Draft.status == DraftStatus.HELD)))
        audit.append(
            session,
            actor=by,
            action="crisis.resolved",
            detail={"crisis": crisis.id, "still_held": held},
            at=services.clock(),
        )
    blocks: list[dict[str, Any]] = [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": f":white_check_mark: *Crisis resolved by <@{by}>.* Held posts stay held "
                "until someone releases them:"
                if held
                else f":white_check_mark: *Crisis resolved by <@{by}>.* No posts were held.",
            },
        }
    ]
    for draft_id in held[:45]:
        blocks.append(
            {
                "type": "section",
                "block_id": f"held:{draft_id}",
                "text": {"type": "mrkdwn", "text": f"Draft #{draft_id}"},
                "accessory": {
                    "type": "button",
                    "action_id": RELEASE_ACTION,
                    "text": {"type": "plain_text", "text": "Release"},
                    "value": str(draft_id),
                },
            }
        )
    _post(services, services.approval_channel, "Crisis resolved", blocks)
    _page_team(services, f"Crisis resolved by <@{by}>. {len(held)} post(s) still held.")
    return held


def release_held_post(services: Services, *, draft_id: int, by: str) -> str:
    """Release one held post (crisis team or the account's approvers); returns a note for them."""
    with services.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        if draft is None or draft.status != DraftStatus.HELD:
            return f"Draft #{draft_id} is not held."
        account = account_of(services, draft)
        allowed = is_crisis_team(services, by) or services.directory.is_member(
            by, account.approvers
        )
        if not allowed:
            return "Only the crisis team or the account's approvers can release a held post."
        if active_crisis(session) is not None:
            return "The crisis is still declared; resolve it first."
        if active_lock(session, draft.account_id) is not None:
            return f"`{draft.account_id}` is locked as compromised; unlock it first."
        release(session, services, draft, by=by)
        status = draft.status
    refresh_card(services, draft_id)
    return f"Draft #{draft_id} released: it is {status.replace('_', ' ')}."


def lock_account(services: Services, *, by: str, account_id: str) -> int:
    """Lock a compromised account, hold its posts, page the team and post the checklist."""
    _require_team(services, by)
    account = services.policy.account(account_id)
    if account is None:
        known = ", ".join(f"`{a.id}`" for a in services.policy.accounts)
        raise CrisisRefused(f"There is no account `{escape(account_id)}`. Accounts: {known}.")
    with services.store.transaction() as session:
        if active_lock(session, account.id) is not None:
            raise CrisisRefused(f"`{account.id}` is already locked.")
        lock = AccountLock(account_id=account.id, locked_by=by, locked_at=services.clock())
        session.add(lock)
        session.flush()
        held = []
        for draft in session.scalars(
            select(Draft)
            .where(Draft.account_id == account.id, Draft.status.in_(HOLDABLE))
            .with_for_update()
        ):
            hold(session, services, draft, reason="locked")
            held.append(draft.id)
        audit.append(
            session,
            actor=by,
            action="account.locked",
            detail={"account": account.id, "lock": lock.id, "held": held},
            at=services.clock(),
        )
        lock_id = lock.id
    for draft_id in held:
        refresh_card(services, draft_id)
    _page_team(
        services,
        f":lock: <@{by}> reported `{account.id}` ({escape(account.handle)}) as compromised. "
        "No submissions, approvals or publishing for it until `/crisis unlock`.",
    )
    channel = services.policy.crisis_response.channel or services.approval_channel
    ts = _post(
        services, channel, "Compromised account checklist", checklist_blocks(services, lock_id)
    )
    if ts:
        with services.store.transaction() as session:
            stored = session.get(AccountLock, lock_id)
            assert stored is not None
            stored.checklist_channel, stored.checklist_ts = channel, ts
    return lock_id


def unlock_account(services: Services, *, by: str, account_id: str) -> None:
    _require_team(services, by)
    with services.store.transaction() as session:
        lock = active_lock(session, account_id)
        if lock is None:
            raise CrisisRefused(f"`{escape(account_id)}` is not locked.")
        lock.unlocked_by, lock.unlocked_at = by, services.clock()
        done = len(
            session.scalars(select(ChecklistTick).where(ChecklistTick.lock_id == lock.id)).all()
        )
        audit.append(
            session,
            actor=by,
            action="account.unlocked",
            detail={"account": account_id, "lock": lock.id, "checklist_done": done},
            at=services.clock(),
        )
    _page_team(services, f":unlock: <@{by}> unlocked `{escape(account_id)}`. Held posts stay held.")


def tick_checklist_item(services: Services, *, lock_id: int, item: int, by: str) -> str | None:
    """Record who did a checklist item; returns a refusal note, or None when recorded."""
    if not is_crisis_team(services, by):
        return "Only the crisis team can tick the checklist."
    with services.store.transaction() as session:
        lock = session.get(AccountLock, lock_id)
        items = services.policy.crisis_response.compromised_checklist
        if lock is None or not 0 <= item < len(items):
            return "That checklist item no longer exists."
        already = session.scalars(
            select(ChecklistTick).where(
                ChecklistTick.lock_id == lock_id, ChecklistTick.item == item
            )
        ).first()
        if already is not None:
            return None
        session.add(ChecklistTick(lock_id=lock_id, item=item, done_by=by, done_at=services.clock()))
        audit.append(
            session,
            actor=by,
            action="checklist.ticked",
            detail={"account": lock.account_id, "lock": lock_id, "item": items[item]},
            at=services.clock(),
        )
        channel, ts = lock.checklist_channel, lock.checklist_ts
    if channel and ts:
        try:
            services.client.chat_update(
                channel=channel,
                ts=ts,
                text="Compromised account checklist",
                blocks=checklist_blocks(services, lock_id),
            )
        except Exception as error:  # the tick is stored; a stale checklist view is harmless
            log.warning("could not redraw the checklist: %s", type(error).__name__)
    return None


def checklist_blocks(services: Services, lock_id: int) -> list[dict[str, Any]]:
    items = services.policy.crisis_response.compromised_checklist
    with services.store.transaction() as session:
        lock = session.get(AccountLock, lock_id)
        assert lock is not None
        ticks = {
            tick.item: tick
            for tick in session.scalars(
                select(ChecklistTick).where(ChecklistTick.lock_id == lock_id)
            )
        }
        account = lock.account_id
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": f"Compromised account: {account}"[:150]},
        }
    ]
    for index, text in enumerate(items):
        tick = ticks.get(index)
        if tick is not None:
            when = tick.done_at.strftime("%Y-%m-%d %H:%M UTC")
            blocks.append(
                {
                    "type": "section",
                    "text": {
                        "type": "mrkdwn",
                        "text": f":white_check_mark: ~{escape(text)}~ — <@{tick.done_by}>, {when}",
                    },
                }
            )
        else:
            blocks.append(
                {
                    "type": "section",
                    "text": {"type": "mrkdwn", "text": f":white_large_square: {escape(text)}"},
                    "accessory": {
                        "type": "button",
                        "action_id": CHECKLIST_ACTION,
                        "text": {"type": "plain_text", "text": "Done"},
                        "value": f"{lock_id}:{index}",
                    },
                }
            )
    return blocks


def _page_team(services: Services, message: str) -> None:
    """Mention the crisis team in the crisis channel and DM each of them."""
    people: list[str] = []
    for member in services.policy.crisis_response.team:
        people.extend(p for p in sorted(services.directory.resolve(member)) if p not in people)
    channel = services.policy.crisis_response.channel
    if channel:
        mentions = " ".join(f"<@{person}>" for person in people)
        _post(services, channel, f"{mentions} {message}")
    for person in people:
        direct_message(services, person, message)


def _post(
    services: Services, channel: str, text: str, blocks: list[dict[str, Any]] | None = None
) -> str | None:
    try:
        response = services.client.chat_postMessage(channel=channel, text=text, blocks=blocks)
    except Exception as error:  # paging must not stop the crisis from being declared
        log.warning("could not post a crisis message: %s", type(error).__name__)
        return None
    return str(response.get("ts"))
