"""Modal submissions (view_submission payloads)."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from bot.submit_modal import SUBMIT_CALLBACK
from bot.views import REVISE_CALLBACK, VOTE_REASON_CALLBACK
from handlers.views.revise import make_revise_submission
from handlers.views.submit import make_submit_submission
from handlers.views.vote_reason import make_vote_reason_submission


def register(app: App, services: Services) -> None:
    app.view(VOTE_REASON_CALLBACK)(make_vote_reason_submission(services))
    app.view(REVISE_CALLBACK)(make_revise_submission(services))
    app.view(SUBMIT_CALLBACK)(make_submit_submission(services))
