"""The Slack app manifest matches the code: listeners, scopes and the generated files in deploy/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.app import build_app
from bot.local_slack import LocalSlack
from bot.manifest import (
    DEPLOY_DIR,
    HTTP_MANIFEST_FILE,
    PLACEHOLDER_URL,
    SLACK_SURFACE,
    SOCKET_MANIFEST_FILE,
    WEB_API_SCOPES,
    RegisteredListeners,
    manifest_yaml,
    registered_listeners,
    required_scopes,
    web_api_methods_called,
)
from policy import Policy
from policy.privacy import PrivacyEngine
from tests.conftest import make_services, make_settings

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture
def built_app_listeners(
    tmp_path: Path, local_slack: LocalSlack, privacy_engine: PrivacyEngine, default_policy: Policy
) -> Iterator[RegisteredListeners]:
    """What the real app, as ``build_app`` assembles it, registers."""
    settings = make_settings(f"sqlite:///{tmp_path / 'manifest.db'}", local_slack)
    services = make_services(settings, privacy_engine, default_policy)
    yield registered_listeners(build_app(services, verify_token=False))
    services.store.dispose()


def test_every_registered_listener_is_declared_and_every_declaration_is_registered(
    built_app_listeners: RegisteredListeners,
) -> None:
    found = built_app_listeners
    assert found.unrecognised == []
    assert found.commands == {c.command for c in SLACK_SURFACE.commands}
    assert found.events == SLACK_SURFACE.event_types
    assert found.actions == set(SLACK_SURFACE.action_ids)
    assert found.views == set(SLACK_SURFACE.view_callback_ids)
    assert found.shortcuts == {s.callback_id for s in SLACK_SURFACE.shortcuts}


def test_scopes_are_exactly_what_the_code_calls_and_subscribes_to() -> None:
    sources = [
        path
        for folder in ("bot", "handlers")
        for path in (REPOSITORY / folder).rglob("*.py")
        if path.name != "local_slack.py"  # the fake server names methods, it does not call them
    ]
    methods = web_api_methods_called(sources)
    assert "chat_postMessage" in methods  # the scan sees real calls
    unknown = sorted(method for method in methods if method not in WEB_API_SCOPES)
    assert unknown == [], f"add these Web API methods to WEB_API_SCOPES: {unknown}"
    assert set(SLACK_SURFACE.bot_scopes) == required_scopes(SLACK_SURFACE, methods)


@pytest.mark.parametrize(
    ("file_name", "socket_mode"), [(HTTP_MANIFEST_FILE, False), (SOCKET_MANIFEST_FILE, True)]
)
def test_deploy_manifests_are_the_generated_ones(file_name: str, socket_mode: bool) -> None:
    kept = (DEPLOY_DIR / file_name).read_text(encoding="utf-8")
    assert kept == manifest_yaml(socket_mode=socket_mode), (
        f"deploy/{file_name} is stale: regenerate it with `clearpost manifest "
        f"{'--socket' if socket_mode else '--http --url ' + PLACEHOLDER_URL}`"
    )


def test_http_manifest_sends_everything_to_the_given_url() -> None:
    manifest = yaml.safe_load(manifest_yaml(socket_mode=False, url="https://bot.hospital.org/"))
    expected = "https://bot.hospital.org/slack/events"
    assert manifest["settings"]["event_subscriptions"]["request_url"] == expected
    assert manifest["settings"]["interactivity"]["request_url"] == expected
    assert {c["url"] for c in manifest["features"]["slash_commands"]} == {expected}
    assert manifest["settings"]["socket_mode_enabled"] is False


def test_socket_manifest_has_no_urls() -> None:
    text = manifest_yaml(socket_mode=True)
    manifest = yaml.safe_load(text)
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert "request_url" not in text and "url:" not in text
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == list(
        SLACK_SURFACE.bot_events
    )
