"""Assembles the Bolt app from the services: the one place that registers the handlers."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App

from bot.audit import record_policy_in_force
from bot.services import Services

log = logging.getLogger(__name__)


def build_app(services: Services, *, verify_token: bool = True) -> App:
    """A Bolt app wired to Clearpost's handlers, built from explicit settings only."""
    from handlers import register  # the one place bot imports handlers

    settings = services.settings
    signing_secret = (
        settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    )
    app = App(
        client=services.client,
        signing_secret=signing_secret,
        token_verification_enabled=verify_token,
        # Listeners run after the acknowledgement, so Slack gets its answer within 3 seconds.
        process_before_response=False,
        # A listener holds one of these threads until it has stored what it received (its
        # acknowledgement waits for a free one), so there are as many as HTTP threads, not
        # Bolt's default five; the slow work after that runs on services.after_ack.
        listener_executor=ThreadPoolExecutor(
            max_workers=settings.http_threads, thread_name_prefix="clearpost-listener"
        ),
        logger=logging.getLogger("clearpost.bolt"),
    )
    register(app, services)
    with services.store.transaction() as session:
        record_policy_in_force(
            session,
            services.policy.model_dump_json(),
            [account.id for account in services.policy.accounts],
        )
    return app
