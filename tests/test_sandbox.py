"""The local sandbox: the real app against the local Slack, driven by typed lines."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.sandbox import Sandbox, sample_users
from bot.settings import Settings
from policy import Policy
from policy.privacy import PrivacyEngine
from tests.conftest import SPACY_MODEL

FLU_CLINIC = "/draft x-main Join us Saturday for our free flu clinic!"
SLACK_SETTINGS = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL")


@pytest.fixture
def sandbox(privacy_engine: PrivacyEngine) -> Iterator[Sandbox]:
    # privacy_engine: the model is loaded once per test run and shared with the sandbox.
    settings = Settings(_env_file=None, CLEARPOST_SPACY_MODEL=SPACY_MODEL)  # type: ignore[call-arg]
    with Sandbox(settings) as running:
        yield running


def say(sandbox: Sandbox, line: str) -> str:
    shown, go_on = sandbox.handle(line)
    assert go_on
    return shown


def test_sample_users_come_from_the_policy(default_policy: Policy) -> None:
    users = {user.user_id: user for user in sample_users(default_policy)}
    assert users["U0APPROVER1"].name == "approver1"
    assert any("approves x-main" in role for role in users["U0APPROVER1"].roles)
    assert any("posts for x-main" in role for role in users["U0AUTHOR"].roles)
    assert "U0PRIVACY" in users
    assert not any(user_id.startswith("S") for user_id in users)  # groups are not people
    assert sample_users(default_policy)[0].user_id == "U0AUTHOR"  # someone who can post first


def test_a_draft_gets_a_card_and_an_approval_reaction_decides_it(sandbox: Sandbox) -> None:
    submitted = say(sandbox, FLU_CLINIC)
    assert "(only @author sees this) Checking your draft" in submitted
    assert "[#approvals: new message]" in submitted
    assert "== Draft #1 for Main X account ==" in submitted
    assert "Join us Saturday for our free flu clinic!" in submitted
    assert "@approver1" in submitted and "[Approve]" in submitted

    assert "You are now @approver1" in say(sandbox, "as approver1")
    decided = say(sandbox, ":white_check_mark:")
    assert "[#approvals: card updated]" in decided
    assert "Approved* by @approver1" in decided
    assert "[direct message to @author] Your draft #1" in decided


def test_votes_that_do_not_count_are_explained_privately(sandbox: Sandbox) -> None:
    say(sandbox, FLU_CLINIC)
    say(sandbox, "as U0LEGAL")
    outsider_vote = say(sandbox, ":white_check_mark: #1")
    assert "(only @legal sees this)" in outsider_vote and "not an approver" in outsider_vote


def test_patient_details_never_reach_the_card(sandbox: Sandbox) -> None:
    shown = say(
        sandbox, "/draft x-main Happy birthday to our patient Margaret Ellison in room 412!"
    )
    card = shown.split("[#approvals: new message]", 1)[1]
    assert "Margaret" not in card and "412" not in card
    assert "[PATIENT NAME]" in card


def test_commands_the_app_does_not_handle_fail_as_in_slack(sandbox: Sandbox) -> None:
    assert 'Slack: /weather failed with the error "dispatch_failed"' in say(sandbox, "/weather")


def test_help_users_unknown_input_and_quit(sandbox: Sandbox) -> None:
    assert "/draft" in say(sandbox, "help")
    assert "U0APPROVER1" in say(sandbox, "users")
    assert "No user" in say(sandbox, "as nobody-at-all")
    assert "Not understood" in say(sandbox, "approve it please")
    assert "no approval card" in say(sandbox, ":white_check_mark:")
    assert sandbox.handle("quit") == ("", False)


def test_serve_without_slack_credentials_runs_the_sandbox(
    privacy_engine: PrivacyEngine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env, and the default SQLite file is not touched
    for name in SLACK_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CLEARPOST_SPACY_MODEL", SPACY_MODEL)
    monkeypatch.setattr(sys, "stdin", io.StringIO(FLU_CLINIC + "\nquit\n"))

    assert main(["serve"]) == 0
    captured = capsys.readouterr()
    assert "starting the local sandbox" in captured.err
    assert "Clearpost sandbox" in captured.out
    assert "== Draft #1 for Main X account ==" in captured.out
    assert not (tmp_path / "clearpost.db").exists()
