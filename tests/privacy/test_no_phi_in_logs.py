"""No patient identifier reaches the logs, from the command line or from Slack."""

from __future__ import annotations

import json
import logging

import pytest

from bot.cli import main
from tests.conftest import RunningBot
from tests.scenario.helpers import card_text, wait_for_card, wait_until

PHI_DRAFT = (
    "Happy 101st birthday to our patient Margaret Ellison in room 412! "
    "D.O.B. 03.14.58, MRN: 004-829-13. Her son Desmond says thank you."
)
IDENTIFIERS = ["Margaret", "Ellison", "room 412", "03.14.58", "004-829-13", "Desmond", "101st"]


def _assert_free_of_phi(where: str, text: str) -> None:
    leaked = [identifier for identifier in IDENTIFIERS if identifier in text]
    assert not leaked, f"{where} shows {leaked}"


def test_clearpost_check_logs_and_prints_only_the_redacted_text(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    status = main(["check", PHI_DRAFT, "--format", "json"])
    assert status == 1  # blocked
    (line,) = capsys.readouterr().out.splitlines()
    result = json.loads(line)
    assert result["verdict"] == "block"
    assert "[PATIENT NAME]" in result["redacted_text"] and "[ROOM]" in result["redacted_text"]
    _assert_free_of_phi("the redacted text", result["redacted_text"])
    _assert_free_of_phi("the logs", caplog.text)


def test_the_slack_flow_logs_and_shows_only_the_redacted_text(
    running_bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="bot")
    caplog.set_level(logging.DEBUG, logger="policy")
    caplog.set_level(logging.DEBUG, logger="handlers")
    caplog.set_level(logging.DEBUG, logger="presidio-analyzer")
    caplog.set_level(logging.INFO)
    running_bot.send.draft("U0AUTHOR", f"x-main {PHI_DRAFT}")
    _, card = wait_for_card(running_bot)
    shown = card_text(card)
    assert "[PATIENT NAME]" in shown and "[ROOM]" in shown
    _assert_free_of_phi("the approval card", shown)
    wait_until(lambda: "checked" in caplog.text, what="the check to be logged")
    assert "[PATIENT NAME]" in caplog.text  # the log line carries the redacted text
    _assert_free_of_phi("the logs", caplog.text)
