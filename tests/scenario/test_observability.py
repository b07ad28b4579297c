"""/healthz, /readyz and /metrics of a running service."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import replace

from slack_bolt import App

from bot.local_slack import LocalSlack
from bot.server import HttpService
from bot.store import Store
from tests.conftest import RunningBot
from tests.scenario.helpers import draft_status, wait_for_card, wait_until


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def metric(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text format (0 if absent)."""
    for line in text.splitlines():
        match = re.fullmatch(rf"{name}(?:\{{(.*)\}})? (\S+)", line)
        if not match:
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1) or ""))
        if all(found.get(key) == value for key, value in labels.items()):
            return float(match.group(2))
    return 0.0


def test_readyz_reports_each_check_and_fails_without_the_database(running_bot: RunningBot) -> None:
    status, body = get(f"{running_bot.http.url}/readyz")
    assert status == 200
    assert json.loads(body) == {
        "status": "ready",
        "database": "ok",
        "policy": "ok",
        "privacy_model": "ok",
    }
    assert get(f"{running_bot.http.url}/healthz")[0] == 200

    # The same service with a database that does not answer: alive, but not ready.
    unreachable = Store("postgresql://clearpost@127.0.0.1:1/clearpost")
    services = replace(running_bot.services, store=unreachable)
    app = App(signing_secret="unused", token="xoxb-unused", token_verification_enabled=False)
    http = HttpService(app, services, "127.0.0.1", 0, threads=2)
    http.start()
    try:
        status, body = get(f"{http.url}/readyz")
        assert status == 503
        assert json.loads(body)["database"] == "unreachable"
        assert json.loads(body)["status"] == "not ready"
        assert get(f"{http.url}/healthz")[0] == 200
    finally:
        http.stop()
        unreachable.dispose()


def test_metrics_count_the_flow(running_bot: RunningBot, local_slack: LocalSlack) -> None:
    before = get(f"{running_bot.http.url}/metrics")[1]
    running_bot.send.draft("U0AUTHOR", "x-main Join us Saturday for our free flu clinic!")
    ts, _ = wait_for_card(running_bot)
    local_slack.fail_next("chat.update", status=500)  # the card refresh is retried once
    running_bot.send.react("U0APPROVER1", "white_check_mark", ts)
    wait_until(lambda: draft_status(running_bot) == "approved", what="the approval")
    wait_until(lambda: len(local_slack.calls_to("chat.update")) >= 2, what="the retried update")
    status, after = get(f"{running_bot.http.url}/metrics")
    assert status == 200

    def grew(name: str, **labels: str) -> float:
        return metric(after, name, **labels) - metric(before, name, **labels)

    assert grew("clearpost_drafts_submitted_total", account="x-main") == 1
    assert grew("clearpost_verdicts_total", verdict="pass") == 1
    assert grew("clearpost_decisions_total", outcome="approved") == 1
    assert grew("clearpost_votes_total", via="reaction", outcome="counted") == 1
    assert grew("clearpost_time_to_decision_seconds_count", outcome="approved") == 1
    assert (
        grew("clearpost_slack_api_retries_total", method="chat.update", reason="server_error") == 1
    )
