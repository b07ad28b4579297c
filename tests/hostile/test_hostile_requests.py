"""Requests an attacker or a broken client could send: forged, replayed, malformed, misdirected.

Each is answered without a crash and leaves nothing stored and nothing posted.
"""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from bot.models import AuditEntry, Draft, Vote
from bot.slack_requests import signed_headers
from tests.conftest import RunningBot
from tests.faults.conftest import FLU_CLINIC, cards_in_channel
from tests.scenario.helpers import votes, wait_for_card, wait_until
from tests.slack_requests import SIGNING_SECRET

FORM = "application/x-www-form-urlencoded"


def stored(bot: RunningBot) -> tuple[int, int, int]:
    """(drafts, votes, audit rows other than the policy in force)."""
    with bot.store.transaction() as session:
        drafts = session.scalar(select(func.count()).select_from(Draft))
        vote_rows = session.scalar(select(func.count()).select_from(Vote))
        audit = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.draft_id.is_not(None))
        )
    return int(drafts or 0), int(vote_rows or 0), int(audit or 0)


def slack_calls_after_start(bot: RunningBot) -> list[str]:
    """Web API calls and replies the bot made, leaving out its start-up identity check."""
    return [c.method for c in bot.slack.calls if c.method != "auth.test"]


def draft_form(text: str = FLU_CLINIC, user: str = "U0AUTHOR") -> str:
    return urlencode(
        {
            "team_id": "T0CLEARPOST",
            "user_id": user,
            "command": "/draft",
            "text": text,
            "channel_id": "C0GENERAL",
            "response_url": "http://127.0.0.1:9/unused",
            "trigger_id": "trigger-hostile",
        }
    )


def assert_nothing_happened(bot: RunningBot) -> None:
    time.sleep(0.3)  # anything the request started would show by now
    assert stored(bot) == (0, 0, 0)
    assert slack_calls_after_start(bot) == []


# --------------------------------------------------------------------------- signatures


def test_request_replayed_after_five_minutes_is_refused(running_bot: RunningBot) -> None:
    six_minutes_ago = int(time.time()) - 6 * 60
    answer = running_bot.send.draft("U0AUTHOR", FLU_CLINIC, timestamp=six_minutes_ago)
    assert answer.status == 401
    assert_nothing_happened(running_bot)


def test_tampered_body_is_refused(running_bot: RunningBot) -> None:
    signed_for = draft_form("x-main Join us Saturday!")
    sent = draft_form("x-main Join us Saturday! <!channel> free iPads")
    headers = signed_headers(SIGNING_SECRET, signed_for, FORM)
    answer = running_bot.send.post(sent, FORM, signed=False, extra_headers=headers)
    assert answer.status == 401
    assert_nothing_happened(running_bot)


def test_unsigned_and_wrongly_signed_requests_are_refused(running_bot: RunningBot) -> None:
    assert running_bot.send.post(draft_form(), FORM, signed=False).status == 401
    forged = signed_headers("a-guessed-secret", draft_form(), FORM)
    answer = running_bot.send.post(draft_form(), FORM, signed=False, extra_headers=forged)
    assert answer.status == 401
    assert_nothing_happened(running_bot)


def test_valid_signature_replayed_within_the_window_does_not_vote_twice(
    running_bot: RunningBot,
) -> None:
    running_bot.send.draft("U0AUTHOR", FLU_CLINIC)
    ts, _ = wait_for_card(running_bot)  # in Slack and recorded: votes need both
    for _ in range(3):  # the same signed event, captured and sent again
        running_bot.send.react("U0BYSTANDER", "white_check_mark", ts, event_id="Ev0CAPTURED")
    wait_until(lambda: votes(running_bot), what="the vote attempt")
    time.sleep(0.3)
    assert len(votes(running_bot)) == 1


# --------------------------------------------------------------------------- malformed bodies


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"type": "event_callback", "event": {', "application/json"),
        ("[1, 2, 3]", "application/json"),
        ('"just a string"', "application/json"),
        ("payload=%7Bnot-json", FORM),
        ("payload=%5B%5D", FORM),
        ("%%%&&&===", FORM),
        ("", FORM),
        ("\x00\x01binary\xff", "application/octet-stream"),
    ],
    ids=[
        "truncated-json",
        "json-array",
        "json-string",
        "payload-not-json",
        "payload-array",
        "garbled-form",
        "empty",
        "binary",
    ],
)
def test_malformed_signed_bodies_get_a_client_error_and_change_nothing(
    running_bot: RunningBot, body: str, content_type: str
) -> None:
    answer = running_bot.send.post(body, content_type)
    assert 400 <= answer.status < 500
    assert_nothing_happened(running_bot)
    assert running_bot.send.draft("U0AUTHOR", FLU_CLINIC).status == 200  # still serving


def test_command_missing_its_user_is_refused_and_stores_nothing(running_bot: RunningBot) -> None:
    form = urlencode({"team_id": "T0CLEARPOST", "command": "/draft", "text": FLU_CLINIC})
    answer = running_bot.send.post(form, FORM)
    assert answer.status < 500
    time.sleep(0.3)
    assert stored(running_bot) == (0, 0, 0)
    assert cards_in_channel(running_bot) == []


# --------------------------------------------------------------------------- misdirected events


def test_reaction_on_an_unknown_message_is_ignored(running_bot: RunningBot) -> None:
    assert running_bot.send.react("U0APPROVER1", "white_check_mark", "1234.000099").status == 200
    assert (
        running_bot.send.react("U0APPROVER1", "x", "1234.000099", channel="C0ELSEWHERE").status
        == 200
    )
    assert_nothing_happened(running_bot)


def test_events_from_unknown_users_and_channels_change_nothing(running_bot: RunningBot) -> None:
    running_bot.send.draft("U0AUTHOR", FLU_CLINIC)
    ts, _ = wait_for_card(running_bot)  # in Slack and recorded: votes need both
    before = stored(running_bot)

    unknown_channel = {
        "type": "message",
        "channel": "C0NOBODYKNOWS",
        "user": "U0STRANGER",
        "text": "x-main <!channel> approve everything",
        "ts": "1234.000100",
    }
    assert running_bot.send.event(unknown_channel).status < 500
    # Someone nobody named reacts on a real card: recorded as an ignored attempt, nothing more.
    assert running_bot.send.react("U0STRANGER", "white_check_mark", ts).status == 200
    wait_until(lambda: len(votes(running_bot)) == 1, what="the ignored attempt")
    assert votes(running_bot)[0][2] == "ignored_not_approver"
    assert stored(running_bot)[0] == before[0]
    with running_bot.store.transaction() as session:
        assert session.get(Draft, 1).status == "pending"  # type: ignore[union-attr]
    unknown_type = {"type": "team_join", "user": {"id": "U0NEW"}}
    assert running_bot.send.event(unknown_type).status < 500
    assert json.dumps(unknown_type)  # the payload above was sent as JSON
