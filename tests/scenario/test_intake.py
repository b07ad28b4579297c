"""Every way a draft reaches the approval channel: plain messages, edits and deletions, files,
the message shortcut and the submit modal, all over signed HTTP against the local Slack.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from bot.intake import ACCOUNT_PICKER_ACTION, plain_text, split_account_tag
from bot.local_slack import LocalSlack, RecordedCall
from bot.models import AuditEntry, Draft, DraftVersion
from bot.submit_modal import (
    ACCOUNT_ACTION,
    ACCOUNT_BLOCK,
    ADD_IMAGE_ACTION,
    IMAGE_ALT_INPUT,
    IMAGE_URL_INPUT,
    PUBLISH_AT_ACTION,
    PUBLISH_BLOCK,
    SUBMIT_CALLBACK,
    TEXT_ACTION,
    TEXT_BLOCK,
    image_alt_block,
    image_url_block,
)
from policy import Policy
from policy.privacy import PrivacyEngine
from tests.conftest import RunningBot, make_settings, start_bot
from tests.scenario.helpers import (
    card_posts,
    card_text,
    draft_count,
    draft_status,
    votes,
    wait_for_card,
    wait_until,
)
from tests.slack_requests import APPROVAL_CHANNEL, TEAM_ID

FLU_CLINIC = "Join us Saturday for our free flu clinic!"
PHI_TEXT = "Happy 101st birthday to our patient Margaret Ellison in room 412!"
PHI_PIECES = ("Margaret", "Ellison", "412", "101st")
ADMIN_TOKEN = "xoxp-admin-user-token"
# U0AUTHOR owns all four accounts of the default policy; U0AUTHOR2 owns only x-main; U0HR only
# linkedin-careers; approvers own none.


# --------------------------------------------------------------------------- Slack's side


def post_message(
    bot: RunningBot,
    user: str,
    text: str,
    *,
    files: list[dict[str, Any]] | None = None,
    channel: str = APPROVAL_CHANNEL,
    thread_ts: str | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """``user`` posts a message (the workspace keeps it, the bot gets its event); returns its ts."""
    stored = bot.slack.add_user_message(channel, user, text, files=files, thread_ts=thread_ts)
    event: dict[str, Any] = {
        "type": "message",
        "channel": channel,
        "channel_type": "channel",
        "user": user,
        "text": text,
        "ts": stored.ts,
        "event_ts": stored.ts,
        "team": TEAM_ID,
    }
    if files:
        event["subtype"] = "file_share"
        event["files"] = files
    if thread_ts:
        event["thread_ts"] = thread_ts
    event.update(extra or {})
    assert bot.send.event(event).status == 200
    return stored.ts


def edit_message(bot: RunningBot, user: str, ts: str, new_text: str) -> None:
    """The author edits their message; Slack sends message_changed."""
    stored = next(m for m in bot.slack.messages if m.ts == ts)
    previous = {"type": "message", "user": user, "text": stored.text, "ts": ts}
    stored.text = new_text
    event = {
        "type": "message",
        "subtype": "message_changed",
        "hidden": True,
        "channel": stored.channel,
        "ts": f"{time.time():.6f}",
        "message": {
            "type": "message",
            "user": user,
            "text": new_text,
            "ts": ts,
            "edited": {"user": user, "ts": f"{time.time():.6f}"},
        },
        "previous_message": previous,
    }
    assert bot.send.event(event).status == 200


def delete_message(
    bot: RunningBot,
    user: str,
    ts: str,
    channel: str = APPROVAL_CHANNEL,
    *,
    event_id: str | None = None,
) -> None:
    """The author deletes their message; Slack sends message_deleted."""
    bot.slack.messages[:] = [m for m in bot.slack.messages if m.ts != ts]
    event = {
        "type": "message",
        "subtype": "message_deleted",
        "hidden": True,
        "channel": channel,
        "deleted_ts": ts,
        "ts": f"{time.time():.6f}",
        "previous_message": {"type": "message", "user": user, "text": "…", "ts": ts},
    }
    assert bot.send.event(event, event_id=event_id).status == 200


def interactive(bot: RunningBot, payload: dict[str, Any]) -> Any:
    base = {
        "team": {"id": TEAM_ID, "domain": "local"},
        "api_app_id": "A0CLEARPOST",
        "token": "legacy-token-unused",
        "trigger_id": f"trigger-{time.monotonic_ns()}",
    }
    body = urlencode({"payload": json.dumps({**base, **payload})})
    return bot.send.post(body, "application/x-www-form-urlencoded")


def modal_state(
    *,
    account: str | None = None,
    text: str | None = None,
    publish_at: datetime | None = None,
    images: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """The ``state.values`` Slack sends for the submit modal."""
    values: dict[str, Any] = {
        ACCOUNT_BLOCK: {
            ACCOUNT_ACTION: {
                "type": "static_select",
                "selected_option": {"value": account} if account else None,
            }
        },
        TEXT_BLOCK: {TEXT_ACTION: {"type": "plain_text_input", "value": text}},
        PUBLISH_BLOCK: {
            PUBLISH_AT_ACTION: {
                "type": "datetimepicker",
                "selected_date_time": int(publish_at.timestamp()) if publish_at else None,
            }
        },
    }
    for slot, (url, alt) in enumerate(images):
        values[image_url_block(slot)] = {
            IMAGE_URL_INPUT: {"type": "url_text_input", "value": url or None}
        }
        values[image_alt_block(slot)] = {
            IMAGE_ALT_INPUT: {"type": "plain_text_input", "value": alt or None}
        }
    return {"values": values}


def submit_modal(bot: RunningBot, user: str, state: dict[str, Any], image_slots: int = 1) -> Any:
    """``user`` presses "Check and submit" on the submit modal."""
    view = {
        "id": "V0SUBMIT",
        "type": "modal",
        "callback_id": SUBMIT_CALLBACK,
        "private_metadata": json.dumps({"image_slots": image_slots}),
        "state": state,
        "hash": "1.abc",
    }
    return interactive(
        bot,
        {
            "type": "view_submission",
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "view": view,
        },
    )


def modal_action(
    bot: RunningBot, user: str, action_id: str, state: dict[str, Any], value: Any = None
) -> Any:
    """``user`` types in (or clicks) an element of the open submit modal."""
    view = {
        "id": "V0SUBMIT",
        "type": "modal",
        "callback_id": SUBMIT_CALLBACK,
        "private_metadata": json.dumps({"image_slots": 1}),
        "state": state,
        "hash": "1.abc",
    }
    return interactive(
        bot,
        {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "container": {"type": "view", "view_id": "V0SUBMIT"},
            "view": view,
            "actions": [
                {
                    "action_id": action_id,
                    "block_id": TEXT_BLOCK,
                    "type": "plain_text_input",
                    "value": value,
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        },
    )


# --------------------------------------------------------------------------- lookups


def blocks_of(call: RecordedCall) -> list[dict[str, Any]]:
    blocks = call.body.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


def view_of(call: RecordedCall) -> dict[str, Any]:
    view = call.body["view"]
    return json.loads(view) if isinstance(view, str) else dict(view)


def thread_replies(bot: RunningBot, ts: str) -> list[str]:
    return [
        str(c.body.get("text", ""))
        for c in bot.slack.calls_to("chat.postMessage")
        if c.body.get("thread_ts") == ts
    ]


def sent_to(bot: RunningBot, method: str, who: str, key: str = "channel") -> list[str]:
    return [
        json.dumps(c.body, ensure_ascii=False)
        for c in bot.slack.calls_to(method)
        if c.body.get(key) == who
    ]


def ephemerals(bot: RunningBot, user: str) -> list[RecordedCall]:
    return [c for c in bot.slack.calls_to("chat.postEphemeral") if c.body.get("user") == user]


def the_draft(bot: RunningBot, draft_id: int = 1) -> dict[str, Any]:
    with bot.store.transaction() as session:
        draft = session.get(Draft, draft_id)
        assert draft is not None
        return {
            "account": draft.account_id,
            "author": draft.author_id,
            "status": draft.status,
            "source": draft.source,
            "source_message": (draft.source_channel, draft.source_ts),
            "version": draft.current_version,
            "publish_at": draft.publish_at,
            "media": draft.version.media,
            "verdict": draft.version.verdict,
            "findings": [f["rule_id"] for f in draft.version.findings or []],
        }


def checked(bot: RunningBot, draft_id: int = 1) -> dict[str, Any]:
    wait_until(lambda: draft_status(bot, draft_id) not in (None, "received"), what="the checks")
    return the_draft(bot, draft_id)


def audit_rows(bot: RunningBot, action: str) -> list[dict[str, Any]]:
    with bot.store.transaction() as session:
        return [
            dict(row.detail)
            for row in session.scalars(select(AuditEntry).where(AuditEntry.action == action))
        ]


def no_call_leaks(bot: RunningBot, pieces: tuple[str, ...]) -> None:
    """No Slack call made by the bot carries any of these pieces of patient information."""
    for call in bot.slack.calls:
        # Links Clearpost makes (permalinks) carry local port numbers that may contain digits
        # like the room number; they are not part of what a person wrote.
        shown = re.sub(r"https?://[^\s|>\"]+", "<link>", json.dumps(call.body, ensure_ascii=False))
        # So do Slack's message timestamps ("1796570412.000001" holds "412" by chance).
        shown = re.sub(r"\b\d{10}\.\d{6}\b", "<ts>", shown)
        leaked = [piece for piece in pieces if piece in shown]
        assert not leaked, f"{call.method} repeated {leaked}: {shown[:300]}"


@pytest.fixture
def bot_factory(
    database_url: str,
    local_slack: LocalSlack,
    privacy_engine: PrivacyEngine,
    default_policy: Policy,
) -> Iterator[Callable[..., RunningBot]]:
    started: list[RunningBot] = []

    def start(**settings: object) -> RunningBot:
        bot = start_bot(
            make_settings(database_url, local_slack, **settings),
            local_slack,
            privacy_engine,
            default_policy,
        )
        started.append(bot)
        return bot

    yield start
    for bot in started:
        bot.stop()


# --------------------------------------------------------------------------- reading messages


@pytest.mark.parametrize(
    ("slack_text", "typed"),
    [
        ("Visit <https://stmaryshealth.example/flu>", "Visit https://stmaryshealth.example/flu"),
        ("See <http://stmaryshealth.example|stmaryshealth.example>", "See stmaryshealth.example"),
        ("Thanks <@U0NURSE|Dr Ada>!", "Thanks @Dr Ada!"),
        ("Ask <!subteam^S0COMMS|@comms> or <!here>", "Ask @comms or @here"),
        ("In <#C0NEWS|news>", "In #news"),
        (
            "Mail <mailto:media@stmaryshealth.example|media@stmaryshealth.example>",
            "Mail media@stmaryshealth.example",
        ),
        ("Fish &amp; chips &lt;3 &gt;", "Fish & chips <3 >"),
    ],
)
def test_slack_markup_is_read_back_as_the_author_typed_it(slack_text: str, typed: str) -> None:
    assert plain_text(slack_text) == typed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[x-main] Join us", ("x-main", "Join us")),
        ("  [X-Main]Join us", ("x-main", "Join us")),
        ("Join us [x-main]", (None, "Join us [x-main]")),
        ("[not a tag] Join us", (None, "[not a tag] Join us")),
        ("[linkedin-careers]", ("linkedin-careers", "")),
    ],
)
def test_account_tag_opens_the_message(text: str, expected: tuple[str | None, str]) -> None:
    assert split_account_tag(text) == expected


# --------------------------------------------------------------------------- plain messages


def test_tagged_message_is_a_draft_answered_in_its_thread(running_bot: RunningBot) -> None:
    ts = post_message(running_bot, "U0AUTHOR", f"[facebook-main] {FLU_CLINIC}")

    draft = checked(running_bot)
    assert draft["account"] == "facebook-main"
    assert draft["source"] == "channel_message"
    assert draft["source_message"] == (APPROVAL_CHANNEL, ts)
    assert draft["verdict"] == "pass"
    card_ts, card = wait_for_card(running_bot)
    assert "Main Facebook page" in card_text(card) and FLU_CLINIC in card_text(card)
    assert "[facebook-main]" not in card_text(card)  # the tag is not part of the post

    reply = wait_until(lambda: thread_replies(running_bot, ts), what="the thread reply")[0]
    assert "Draft #1" in reply and "Passed the checks" in reply
    assert "Needs sign-off" in reply
    assert f"p{card_ts.replace('.', '')}" in reply  # a link to the approval card


def test_votes_on_the_message_and_on_the_card_count_the_same(running_bot: RunningBot) -> None:
    # linkedin-careers needs two approvals: one on each message.
    ts = post_message(
        running_bot, "U0AUTHOR", "[linkedin-careers] We are hiring night-shift nurses."
    )
    assert checked(running_bot)["verdict"] == "pass"
    card_ts, _ = wait_for_card(running_bot)

    running_bot.send.react("U0APPROVER2", "white_check_mark", ts, item_user="U0AUTHOR")
    wait_until(lambda: len(votes(running_bot)) == 1, what="the first vote")
    assert draft_status(running_bot) == "pending"
    running_bot.send.react("U0DIRECTOR", "white_check_mark", card_ts)
    wait_until(lambda: draft_status(running_bot) == "approved", what="the approval")
    assert votes(running_bot) == [
        ("U0APPROVER2", "approve", "counted"),
        ("U0DIRECTOR", "approve", "counted"),
    ]
    # The author's own reaction on their message is recorded and does not count.
    running_bot.send.react("U0AUTHOR", "x", ts, item_user="U0AUTHOR")
    wait_until(lambda: len(votes(running_bot)) == 3, what="the author's vote")
    assert votes(running_bot)[-1][2] == "late"


def test_untagged_message_uses_the_only_account_the_author_owns(running_bot: RunningBot) -> None:
    ts = post_message(running_bot, "U0AUTHOR2", FLU_CLINIC)
    draft = checked(running_bot)
    assert (draft["account"], draft["author"]) == ("x-main", "U0AUTHOR2")
    assert draft["source_message"] == (APPROVAL_CHANNEL, ts)
    wait_for_card(running_bot)


def test_untagged_message_from_an_owner_of_several_accounts_offers_a_picker(
    running_bot: RunningBot,
) -> None:
    ts = post_message(running_bot, "U0AUTHOR", FLU_CLINIC)
    picker = wait_until(lambda: ephemerals(running_bot, "U0AUTHOR"), what="the picker")[0]
    blocks = blocks_of(picker)
    buttons = [b["accessory"] for b in blocks if b.get("accessory")]
    assert {json.loads(b["value"])["account"] for b in buttons} == {
        "x-main",
        "facebook-main",
        "instagram-main",
        "linkedin-careers",
    }
    assert all(b["action_id"] == ACCOUNT_PICKER_ACTION for b in buttons)
    time.sleep(0.3)
    assert draft_count(running_bot) == 0  # nothing is submitted before the choice

    x_main = next(b["value"] for b in buttons if json.loads(b["value"])["account"] == "x-main")
    # Someone else cannot submit the author's message.
    running_bot.send.click("U0AUTHOR2", ACCOUNT_PICKER_ACTION, x_main)
    refused = running_bot.slack.wait_for(
        "response_url", where=lambda c: "Only the person" in c.body.get("text", "")
    )
    assert refused and draft_count(running_bot) == 0

    running_bot.send.click("U0AUTHOR", ACCOUNT_PICKER_ACTION, x_main)
    draft = checked(running_bot)
    assert draft["account"] == "x-main" and draft["source_message"] == (APPROVAL_CHANNEL, ts)
    replaced = running_bot.slack.wait_for(
        "response_url", where=lambda c: "Submitted for Main X account" in c.body.get("text", "")
    )[0]
    assert replaced.body["replace_original"] in (True, "true")
    wait_for_card(running_bot)
    # A second click does not submit the message twice.
    running_bot.send.click("U0AUTHOR", ACCOUNT_PICKER_ACTION, x_main)
    running_bot.slack.wait_for(
        "response_url", where=lambda c: "already draft #1" in c.body.get("text", "")
    )
    assert draft_count(running_bot) == 1


def test_message_from_someone_who_owns_no_account_is_explained(running_bot: RunningBot) -> None:
    post_message(running_bot, "U0APPROVER1", "Looks good to me")
    note = wait_until(lambda: ephemerals(running_bot, "U0APPROVER1"), what="the note")[0]
    assert "not one of the people who may post" in note.body["text"]
    assert draft_count(running_bot) == 0


def test_unknown_tag_is_refused_privately(running_bot: RunningBot) -> None:
    post_message(running_bot, "U0AUTHOR", f"[tiktok] {FLU_CLINIC}")
    note = wait_until(lambda: ephemerals(running_bot, "U0AUTHOR"), what="the refusal")[0]
    assert "no account `tiktok`" in note.body["text"]
    assert draft_count(running_bot) == 0


def test_thread_replies_bot_messages_and_other_subtypes_are_ignored(
    running_bot: RunningBot,
) -> None:
    parent = post_message(running_bot, "U0AUTHOR2", FLU_CLINIC)
    wait_for_card(running_bot)
    post_message(running_bot, "U0AUTHOR2", "Happy to change the time", thread_ts=parent)
    post_message(running_bot, "U0AUTHOR2", "Posted by a workflow", extra={"bot_id": "B0OTHER"})
    post_message(running_bot, "U0AUTHOR2", "joined", extra={"subtype": "channel_join"})
    post_message(running_bot, "U0AUTHOR2", FLU_CLINIC, channel="C0GENERAL")
    time.sleep(0.5)
    assert draft_count(running_bot) == 1
    assert ephemerals(running_bot, "U0AUTHOR2") == []


def test_redelivered_message_event_makes_one_draft(running_bot: RunningBot) -> None:
    stored = running_bot.slack.add_user_message(APPROVAL_CHANNEL, "U0AUTHOR2", FLU_CLINIC)
    event = {
        "type": "message",
        "channel": APPROVAL_CHANNEL,
        "user": "U0AUTHOR2",
        "text": FLU_CLINIC,
        "ts": stored.ts,
    }
    running_bot.send.event(event, event_id="Ev0SAME")
    running_bot.send.event(event, event_id="Ev0SAME")
    running_bot.send.event(event, event_id="Ev0OTHER")  # same message, another delivery id
    wait_for_card(running_bot)
    time.sleep(0.5)
    assert draft_count(running_bot) == 1 and len(card_posts(running_bot)) == 1


# --------------------------------------------------------------------------- PHI in the channel


@pytest.mark.parametrize(
    "settings",
    [
        pytest.param({}, id="no-admin-token"),
        pytest.param({"SLACK_ADMIN_USER_TOKEN": ADMIN_TOKEN}, id="token-but-deletion-off"),
        pytest.param({"CLEARPOST_DELETE_PHI_MESSAGES": "true"}, id="deletion-on-but-no-token"),
    ],
)
def test_message_with_phi_asks_the_author_to_delete_it(
    bot_factory: Callable[..., RunningBot], settings: dict[str, object]
) -> None:
    bot = bot_factory(**settings)
    ts = post_message(bot, "U0AUTHOR2", PHI_TEXT)

    note = wait_until(lambda: ephemerals(bot, "U0AUTHOR2"), what="the ephemeral")[0]
    assert "patient information" in note.body["text"] and "delete it" in note.body["text"]
    dm = wait_until(
        lambda: [t for t in sent_to(bot, "chat.postMessage", "U0AUTHOR2") if "redacted" in t],
        what="the author's DM",
    )[0]
    assert "[PATIENT NAME]" in dm and "Please delete" in dm
    office = wait_until(
        lambda: sent_to(bot, "chat.postMessage", "U0PRIVACY"), what="the privacy office"
    )[0]
    assert f"/archives/{APPROVAL_CHANNEL}/p{ts.replace('.', '')}" in office
    assert "<@U0AUTHOR2>" in office and "not repeated" in office

    # The message stays (nobody may delete it) and is still a draft, blocked, voted on here.
    draft = checked(bot)
    assert draft["status"] == "blocked" and draft["source_message"] == (APPROVAL_CHANNEL, ts)
    assert bot.slack.calls_to("chat.delete") == []
    assert any(m.ts == ts for m in bot.slack.messages)
    _, card = wait_for_card(bot)
    assert "[PATIENT NAME]" in card_text(card)
    wait_until(lambda: thread_replies(bot, ts), what="the thread reply")

    (row,) = audit_rows(bot, "message.phi_exposed")
    assert row["removed"] is False and row["ts"] == ts and row["author"] == "U0AUTHOR2"
    assert row["privacy_office_told"] == ["U0PRIVACY"]
    assert "PERSON" in row["entity_types"] or "PATIENT_NAME" in row["entity_types"]
    no_call_leaks(bot, PHI_PIECES)
    with bot.store.transaction() as session:
        audit_text = json.dumps([r.detail for r in session.scalars(select(AuditEntry))])
    # Whole words only: a Slack timestamp such as 1764624120.000412 holds digits, not a room.
    assert not [piece for piece in PHI_PIECES if re.search(rf"\b{piece}\b", audit_text)]


def test_message_with_phi_is_removed_with_the_admin_token_and_the_card_takes_its_place(
    bot_factory: Callable[..., RunningBot],
) -> None:
    bot = bot_factory(SLACK_ADMIN_USER_TOKEN=ADMIN_TOKEN, CLEARPOST_DELETE_PHI_MESSAGES="true")
    ts = post_message(bot, "U0AUTHOR2", PHI_TEXT)

    deleted = bot.slack.wait_for("chat.delete")[0]
    assert deleted.body == {"channel": APPROVAL_CHANNEL, "ts": ts}
    assert deleted.token == ADMIN_TOKEN
    assert not any(m.ts == ts for m in bot.slack.messages)
    _, card = wait_for_card(bot)
    assert "[PATIENT NAME]" in card_text(card)
    draft = checked(bot)
    assert draft["status"] == "blocked" and draft["source_message"] == (None, None)

    note = wait_until(lambda: ephemerals(bot, "U0AUTHOR2"), what="the ephemeral")[0]
    assert "Clearpost removed it" in note.body["text"]
    office = wait_until(
        lambda: sent_to(bot, "chat.postMessage", "U0PRIVACY"), what="the privacy office"
    )[0]
    assert "has removed it" in office
    (row,) = audit_rows(bot, "message.phi_exposed")
    assert row["removed"] is True

    # Slack reports the deletion; the draft it became is not withdrawn for that.
    delete_message(bot, "U0AUTHOR2", ts)
    time.sleep(0.5)
    assert draft_status(bot) == "blocked"
    assert thread_replies(bot, ts) == []  # nothing is posted under a deleted message
    no_call_leaks(bot, PHI_PIECES)


def test_refused_deletion_falls_back_to_asking_the_author(
    bot_factory: Callable[..., RunningBot],
) -> None:
    # A token that is not an admin user token cannot delete someone else's message.
    bot = bot_factory(SLACK_ADMIN_USER_TOKEN="xoxb-not-a-user", CLEARPOST_DELETE_PHI_MESSAGES="1")
    ts = post_message(bot, "U0AUTHOR2", PHI_TEXT)
    bot.slack.wait_for("chat.delete")
    draft = checked(bot)
    assert draft["source_message"] == (APPROVAL_CHANNEL, ts)  # still linked, still votable
    note = wait_until(lambda: ephemerals(bot, "U0AUTHOR2"), what="the ephemeral")[0]
    assert "Please delete it" in note.body["text"]
    assert audit_rows(bot, "message.phi_exposed")[0]["removed"] is False


# --------------------------------------------------------------------------- edits and deletions


def test_editing_the_message_makes_a_new_version_and_deleting_withdraws(
    running_bot: RunningBot,
) -> None:
    bot = running_bot
    ts = post_message(bot, "U0AUTHOR2", FLU_CLINIC)
    card_ts, _ = wait_for_card(bot)
    bot.send.react("U0APPROVER1", "white_check_mark", ts, item_user="U0AUTHOR2")
    wait_until(lambda: draft_status(bot) == "approved", what="the approval")

    # An approved draft cannot change: the author is told so.
    edit_message(bot, "U0AUTHOR2", ts, FLU_CLINIC + " Bring your kids.")
    refusal = wait_until(lambda: ephemerals(bot, "U0AUTHOR2"), what="the refusal")[0]
    assert "can no longer be revised" in refusal.body["text"]

    ts2 = post_message(bot, "U0AUTHOR2", "[x-main] Free flu shots this Saturday, 9 to 12.")
    wait_until(lambda: draft_status(bot, 2) == "pending", what="draft 2")
    wait_for_card(bot, 2)
    edit_message(bot, "U0AUTHOR2", ts2, "[x-main] Free flu shots this Saturday, 9 to 1.")
    wait_until(lambda: the_draft(bot, 2)["version"] == 2, what="version 2")
    wait_until(lambda: draft_status(bot, 2) == "pending", what="version 2 checked")
    with bot.store.transaction() as session:
        texts = [
            v.text for v in session.scalars(select(DraftVersion).where(DraftVersion.draft_id == 2))
        ]
    assert texts == [
        "Free flu shots this Saturday, 9 to 12.",
        "Free flu shots this Saturday, 9 to 1.",
    ]
    wait_until(
        lambda: any("version 2" in t for t in thread_replies(bot, ts2)), what="the thread note"
    )
    # Slack also sends message_changed when only a link preview or reply count changes.
    edit_message(bot, "U0AUTHOR2", ts2, "[x-main] Free flu shots this Saturday, 9 to 1.")
    time.sleep(0.4)
    assert the_draft(bot, 2)["version"] == 2

    delete_message(bot, "U0AUTHOR2", ts2)
    wait_until(lambda: draft_status(bot, 2) == "withdrawn", what="the withdrawal")
    (second_card_ts, _) = wait_for_card(bot, 2)
    wait_until(
        lambda: any("deleted the message" in t for t in thread_replies(bot, second_card_ts)),
        what="the note under the card",
    )
    assert draft_status(bot, 1) == "approved" and card_ts != second_card_ts


def test_a_deletion_before_its_draft_is_on_record_counts_when_slack_retries(
    running_bot: RunningBot,
) -> None:
    bot = running_bot
    ts = post_message(bot, "U0AUTHOR2", FLU_CLINIC)
    wait_for_card(bot)
    # The first delivery names a message the service has no draft for yet (as when the author
    # deletes it the moment it is posted); Slack's retry of the same event comes after.
    delete_message(bot, "U0AUTHOR2", "1.000001", event_id="Ev0EARLYDELETE")
    time.sleep(0.4)
    assert draft_status(bot) == "pending"
    delete_message(bot, "U0AUTHOR2", ts, event_id="Ev0EARLYDELETE")
    wait_until(lambda: draft_status(bot) == "withdrawn", what="the withdrawal")


def test_edit_that_adds_phi_is_reported_and_blocks_the_new_version(
    running_bot: RunningBot,
) -> None:
    ts = post_message(running_bot, "U0AUTHOR2", FLU_CLINIC)
    wait_for_card(running_bot)
    assert checked(running_bot)["status"] == "pending"
    edit_message(running_bot, "U0AUTHOR2", ts, PHI_TEXT)
    wait_until(lambda: audit_rows(running_bot, "message.phi_exposed"), what="the PHI report")
    wait_until(
        lambda: the_draft(running_bot)["version"] == 2 and draft_status(running_bot) == "blocked",
        what="a blocked version 2",
    )
    no_call_leaks(running_bot, PHI_PIECES)


# --------------------------------------------------------------------------- files and media


def slack_file(name: str, alt: str | None) -> dict[str, Any]:
    file = {
        "id": f"F0{name.upper()[:6]}",
        "name": f"{name}.jpg",
        "mimetype": "image/jpeg",
        "filetype": "jpg",
        "url_private": f"https://files.slack.com/files-pri/T0CLEARPOST-F0/{name}.jpg",
        "thumb_360": f"https://files.slack.com/files-tmb/T0CLEARPOST-F0/{name}_360.jpg",
    }
    if alt is not None:
        file["alt_txt"] = alt
    return file


def test_files_shared_with_the_message_are_the_drafts_images(running_bot: RunningBot) -> None:
    files = [
        slack_file("clinic", "Nurses at the flu clinic's front desk"),
        slack_file("queue", None),
        {"id": "F0PDF", "name": "flyer.pdf", "mimetype": "application/pdf", "url_private": "x"},
    ]
    post_message(running_bot, "U0AUTHOR2", FLU_CLINIC, files=files)
    draft = checked(running_bot)
    assert [item["alt_text"] for item in draft["media"]] == [
        "Nurses at the flu clinic's front desk",
        None,
    ]
    assert draft["media"][0]["url"].endswith("/clinic.jpg")
    assert "platform.alt-text" in draft["findings"] and draft["verdict"] == "block"
    _, card = wait_for_card(running_bot)
    shown = card_text(card)
    assert "2 images" in shown and "wristbands" in shown and "1 without alt text" in shown
    blocks = blocks_of(card)
    thumbnails = [e for b in blocks if b["type"] == "context" for e in b["elements"]]
    slack_files = [e["slack_file"]["url"] for e in thumbnails if e.get("type") == "image"]
    assert slack_files == [f["url_private"] for f in files[:2]]


def test_files_with_alt_text_pass(running_bot: RunningBot) -> None:
    files = [slack_file("clinic", "Nurses at the front desk"), slack_file("sign", "A sign")]
    post_message(running_bot, "U0AUTHOR2", FLU_CLINIC, files=files)
    draft = checked(running_bot)
    assert draft["verdict"] == "pass" and len(draft["media"]) == 2


# --------------------------------------------------------------------------- shortcut and modal


def opened_views(bot: RunningBot, count: int = 1) -> list[dict[str, Any]]:
    return [view_of(call) for call in bot.slack.wait_for("views.open", count)]


def element_of(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    return next(b for b in view["blocks"] if b.get("block_id") == block_id)


def test_message_shortcut_opens_the_modal_filled_from_the_message(
    running_bot: RunningBot,
) -> None:
    message = {
        "type": "message",
        "user": "U0SOMEONE",
        "ts": "1700000000.000100",
        "text": "[instagram-main] Meet our team at <https://stmaryshealth.example|"
        "stmaryshealth.example> &amp; say hi",
        "files": [slack_file("team", "Our nurses smiling")],
    }
    answer = interactive(
        running_bot,
        {
            "type": "message_action",
            "callback_id": "clearpost_submit_for_approval",
            "user": {"id": "U0AUTHOR", "username": "u0author", "team_id": TEAM_ID},
            "channel": {"id": "C0GENERAL", "name": "general"},
            "message_ts": message["ts"],
            "message": message,
            "response_url": running_bot.slack.response_url("shortcut"),
        },
    )
    assert answer.status == 200
    (view,) = opened_views(running_bot)
    assert view["callback_id"] == SUBMIT_CALLBACK
    text = element_of(view, TEXT_BLOCK)["element"]["initial_value"]
    assert text == "Meet our team at stmaryshealth.example & say hi"
    account = element_of(view, ACCOUNT_BLOCK)["element"]
    assert account["initial_option"]["value"] == "instagram-main"
    assert len(account["options"]) == 4
    image = element_of(view, image_url_block(0))["element"]
    assert image["initial_value"].endswith("/team.jpg")
    assert element_of(view, image_alt_block(0))["element"]["initial_value"] == "Our nurses smiling"
    count = json.dumps(element_of(view, "character_count"))
    assert f"{len(text)} / 2200 characters on instagram" in count


def test_draft_without_text_opens_the_modal_or_explains(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0HR", "")
    (view,) = opened_views(running_bot)
    account = element_of(view, ACCOUNT_BLOCK)["element"]
    assert [o["value"] for o in account["options"]] == ["linkedin-careers"]
    assert account["initial_option"]["value"] == "linkedin-careers"  # the only one: chosen
    assert "America/New_York" in json.dumps(view)

    # Someone who owns no account gets the usage text instead.
    running_bot.send.draft("U0APPROVER1", "", response_name="no-accounts")
    usage = running_bot.slack.wait_for(
        "response_url", where=lambda c: c.body.get("response_path") == "no-accounts"
    )[0]
    assert "/draft <account> <post text>" in usage.body["text"]
    assert len(running_bot.slack.calls_to("views.open")) == 1


def test_modal_shows_a_live_character_count(running_bot: RunningBot) -> None:
    long_text = "Flu shots " * 30
    state = modal_state(account="x-main", text=long_text)
    assert modal_action(running_bot, "U0AUTHOR", TEXT_ACTION, state, long_text).status == 200
    update = running_bot.slack.wait_for("views.update")[0]
    assert update.body["view_id"] == "V0SUBMIT"
    view = view_of(update)
    count = json.dumps(element_of(view, "character_count"))
    assert "300 / 280 characters on x" in count
    assert "too many" in count
    # Adding an image slot keeps what was typed and shows a second pair of fields.
    modal_action(running_bot, "U0AUTHOR", ADD_IMAGE_ACTION, state)
    view = view_of(running_bot.slack.wait_for("views.update", 2)[1])
    assert element_of(view, TEXT_BLOCK)["element"]["initial_value"] == long_text
    assert element_of(view, image_url_block(1))
    assert json.loads(view["private_metadata"]) == {"image_slots": 2}


def test_modal_blocking_finding_is_shown_inline_and_nothing_is_posted(
    running_bot: RunningBot,
) -> None:
    answer = submit_modal(running_bot, "U0AUTHOR", modal_state(account="x-main", text=PHI_TEXT))
    assert answer.status == 200
    body = answer.json()
    assert body["response_action"] == "errors"
    assert body["errors"][TEXT_BLOCK].startswith("Blocked: ")
    assert "patient" in body["errors"][TEXT_BLOCK]
    time.sleep(0.3)
    assert draft_count(running_bot) == 0 and card_posts(running_bot) == []

    # Missing alt text is shown under the image that lacks it; bad links under the link.
    images = [
        ("https://cdn.stmaryshealth.example/clinic.jpg", "Nurses at the clinic"),
        ("https://cdn.stmaryshealth.example/queue.jpg", ""),
        ("http://cdn.stmaryshealth.example/old.jpg", "An old photo"),
    ]
    state = modal_state(account="x-main", text=FLU_CLINIC, images=images)
    body = submit_modal(running_bot, "U0AUTHOR", state, image_slots=3).json()
    assert set(body["errors"]) == {image_url_block(2)}  # input errors come first
    body = submit_modal(
        running_bot,
        "U0AUTHOR",
        modal_state(account="x-main", text=FLU_CLINIC, images=images[:2]),
        image_slots=2,
    ).json()
    assert set(body["errors"]) == {image_alt_block(1)}
    assert "alt text" in body["errors"][image_alt_block(1)].lower()

    past = datetime.now(UTC) - timedelta(hours=1)
    state = modal_state(account="x-main", text=FLU_CLINIC, publish_at=past)
    body = submit_modal(running_bot, "U0AUTHOR", state).json()
    assert set(body["errors"]) == {PUBLISH_BLOCK} and "passed" in body["errors"][PUBLISH_BLOCK]
    assert draft_count(running_bot) == 0


def test_modal_submission_posts_the_card_with_images_and_publish_time(
    running_bot: RunningBot,
) -> None:
    publish_at = datetime(2031, 3, 14, 14, 30, tzinfo=UTC)  # 10:30 in New York (EDT)
    images = [
        ("https://cdn.stmaryshealth.example/clinic.jpg", "Nurses at the clinic"),
        ("https://cdn.stmaryshealth.example/sign.jpg", "The clinic's sign"),
    ]
    state = modal_state(
        account="facebook-main", text=FLU_CLINIC, publish_at=publish_at, images=images
    )
    answer = submit_modal(running_bot, "U0AUTHOR", state, image_slots=2)
    assert answer.status == 200 and answer.body == ""  # the modal closes

    draft = checked(running_bot)
    assert (draft["account"], draft["source"], draft["verdict"]) == (
        "facebook-main",
        "modal",
        "pass",
    )
    assert draft["publish_at"] == publish_at
    assert [m["url"] for m in draft["media"]] == [url for url, _ in images]
    _, card = wait_for_card(running_bot)
    blocks = blocks_of(card)
    shown = [e for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert [e["image_url"] for e in shown if e.get("type") == "image"] == [u for u, _ in images]
    assert "2 images" in card_text(card)
    confirmation = wait_until(
        lambda: [
            t for t in sent_to(running_bot, "chat.postMessage", "U0AUTHOR") if "goes out" in t
        ],
        what="the publish time confirmation",
    )[0]
    assert "Friday 14 March 2031 at 10:30 EDT (America/New_York)" in confirmation
