"""``/crisis declare|status|resolve|compromised|unlock``: the crisis team's commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, Respond

from bot.crisis import (
    CrisisRefused,
    crisis_status,
    declare_crisis,
    lock_account,
    resolve_crisis,
    unlock_account,
)
from bot.services import Services

HELP = (
    "Crisis commands (crisis team only):\n"
    "• `/crisis declare <what is happening>`: hold every approved post, page the team\n"
    "• `/crisis status`: who declared it, what is held and pending\n"
    "• `/crisis resolve`: end it; held posts are listed with a Release button\n"
    "• `/crisis compromised <account>`: lock an account and post the checklist\n"
    "• `/crisis unlock <account>`: unlock it"
)


def make_crisis_command(services: Services) -> Callable[..., None]:
    def handle_crisis_command(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        verb, _, rest = (command.get("text") or "").strip().partition(" ")
        verb, rest, user = verb.lower(), rest.strip(), command["user_id"]
        if verb not in ("declare", "status", "resolve", "compromised", "unlock"):
            ack(HELP)
            return
        ack()
        try:
            reply = _run(services, verb, rest, user)
        except CrisisRefused as refusal:
            reply = str(refusal)
        respond(text=reply, response_type="ephemeral")

    return handle_crisis_command


def _run(services: Services, verb: str, rest: str, user: str) -> str:
    if verb == "declare":
        declared = declare_crisis(services, by=user, summary=rest)
        return (
            f"Crisis declared. {len(declared.held)} post(s) held; the team has been paged. "
            f"Holding statements are ready as drafts: "
            + (", ".join(f"#{d}" for d in declared.holding_drafts) or "none in the policy")
            + "."
        )
    if verb == "status":
        return crisis_status(services, user)
    if verb == "resolve":
        held = resolve_crisis(services, by=user)
        return f"Crisis resolved. {len(held)} post(s) are still held until released."
    account = rest.split()[0].lower() if rest.split() else ""
    if not account:
        raise CrisisRefused(f"Name the account: `/crisis {verb} <account>`.")
    if verb == "compromised":
        lock_account(services, by=user, account_id=account)
        return f"`{account}` is locked; the team has been paged and the checklist posted."
    unlock_account(services, by=user, account_id=account)
    return f"`{account}` is unlocked."
