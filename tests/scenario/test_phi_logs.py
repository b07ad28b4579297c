"""A draft full of patient identifiers goes through the whole flow; none reaches the logs."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.logs import configure_logging, redact_identifiers
from tests.conftest import RunningBot
from tests.scenario.helpers import draft_status, wait_for_card, wait_until

IDENTIFIERS = (
    "Margaret",
    "Ellison",
    "room 412",
    "004-829-13",
    "555-201-7788",
    "101st",
    "margaret.ellison@example.com",
)
PHI_DRAFT = (
    "x-main Happy 101st birthday to our patient Margaret Ellison in room 412! MRN 004-829-13. "
    "Her daughter asks friends to call 555-201-7788 or write to margaret.ellison@example.com."
)


@pytest.fixture
def service_log() -> Iterator[io.StringIO]:
    """Everything the service logs, as production writes it, at the most talkative level (the
    root logger is put back by ``restored_root_logger``)."""
    captured = io.StringIO()
    configure_logging("DEBUG", captured)
    yield captured


def test_no_identifier_reaches_the_logs(running_bot: RunningBot, service_log: io.StringIO) -> None:
    answer = running_bot.send.draft("U0AUTHOR", PHI_DRAFT)
    assert answer.status == 200
    ts, _ = wait_for_card(running_bot)
    wait_until(lambda: draft_status(running_bot) == "blocked", what="the draft to be blocked")
    running_bot.send.react("U0APPROVER1", "x", ts)
    running_bot.send.react("U0PRIVACY", "x", ts)
    wait_until(lambda: draft_status(running_bot) == "rejected", what="the rejection")

    lines = service_log.getvalue().splitlines()
    assert any("redacted text" in json.loads(line)["message"] for line in lines), (
        "the flow logged nothing about the draft; the test would prove nothing"
    )
    for line in lines:
        json.loads(line)  # every line is one JSON object
        for identifier in IDENTIFIERS:
            assert identifier.lower() not in line.lower(), f"{identifier!r} logged: {line[:300]}"


def test_the_filter_catches_identifiers_a_careless_log_call_would_leak(
    service_log: io.StringIO,
) -> None:
    log = logging.getLogger("clearpost.careless")
    log.warning("retrying draft %s", PHI_DRAFT)
    try:
        raise ValueError(f"cannot parse {PHI_DRAFT}")
    except ValueError:
        log.exception("failed")
    written = service_log.getvalue()
    for identifier in ("room 412", "004-829-13", "555-201-7788", "101st", "@example.com"):
        assert identifier not in written
    assert "[ROOM]" in written and "[MRN]" in written and "[PHONE]" in written


@pytest.mark.parametrize(
    ("logged", "kept"),
    [
        ("card posted at ts 1700000000.000123 in C0APPROVALS", "1700000000.000123"),
        ("draft 12 checked: block, 3 findings", "draft 12 checked: block, 3 findings"),
        ("sweep finished in 0.25 s", "sweep finished in 0.25 s"),
    ],
)
def test_the_filter_leaves_operational_detail_readable(logged: str, kept: str) -> None:
    assert kept in redact_identifiers(logged)
