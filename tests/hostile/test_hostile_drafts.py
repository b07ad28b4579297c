"""Hostile and odd draft text, through the checks and through the whole Slack flow.

Property-based (hypothesis, a bounded number of examples so the suite stays quick): whatever
the text, the checks answer and their spans fit the text; on Slack, mentions and links in a
draft are shown literally and never ping anyone.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.workflow import HARD_LENGTH_LIMIT
from policy import Draft, Policy, Verdict, check
from policy.privacy import PrivacyEngine
from tests.conftest import RunningBot
from tests.faults.conftest import cards_in_channel, ephemeral_replies
from tests.scenario.helpers import draft_count, wait_until

# Characters that trip up text handling: bidirectional controls, joiners, variation selectors,
# combining marks, emoji sequences, non-breaking and ideographic spaces, NUL-like controls.
ODDITIES = [
    "\u202e",
    "\u202d",
    "\u200f",
    "\u200e",
    "\u2066",
    "\u2069",  # RTL/LTR overrides, isolates
    "\u200d",
    "\u200c",
    "\u200b",
    "\ufeff",
    "\ufe0f",  # joiners, zero width, BOM, VS16
    "e\u0301",
    "a\u0308\u0323",
    "\u0e01\u0e34\u0e4a",  # combining marks
    "👩\u200d⚕️",
    "👨\u200d👩\u200d👧\u200d👦",
    "🏳️\u200d🌈",
    "👍🏽",
    "🇺🇸",  # emoji sequences
    "\u00a0",
    "\u3000",
    "\u2028",
    "\t",
    "\x0b",  # spaces and separators
    "مرحبا",
    "שלום",
    "患者",
    "Ⅻ",
    "ﬁ",
    "Ａｂｃ",  # scripts, ligatures, full width
]
# Slack markup that would ping, link or format if passed through unescaped.
INJECTIONS = [
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U123>",
    "<@U0APPROVER1>",
    "<#C0APPROVALS>",
    "<!subteam^S0COMMS>",
    "<https://evil.example|click>",
    "<mailto:a@evil.example|mail>",
    "&lt;!channel&gt;",
    "*bold*",
    "_it_",
    "~x~",
    "`code`",
    "```",
    "> quote",
    "&amp;",
    "<",
    ">",
]
WORDS = ["Join", "us", "Saturday", "for", "our", "free", "flu", "clinic", "!", " ", "\n"]

draft_text = st.lists(
    st.sampled_from(ODDITIES + INJECTIONS + WORDS) | st.text(max_size=8), min_size=0, max_size=40
).map("".join)


@settings(max_examples=50, deadline=None)
@given(text=draft_text)
def test_checks_answer_any_text_with_spans_inside_it(
    text: str, privacy_engine: PrivacyEngine, default_policy: Policy
) -> None:
    account = default_policy.account("x-main")
    assert account is not None
    report = check(
        Draft(text=text, account_id="x-main"), account, default_policy, privacy=privacy_engine
    )
    assert report.verdict in set(Verdict)
    for finding in report.findings:
        if finding.start is not None and finding.end is not None:
            assert 0 <= finding.start < finding.end <= len(text)
        else:
            assert finding.start is None and finding.end is None  # a whole-post finding
    assert isinstance(report.redacted_text, str)


def everything_sent(bot: RunningBot) -> str:
    """Every text and block the bot sent to Slack, as one string."""
    parts = []
    for call in bot.slack.calls:
        for key in ("text", "blocks"):
            value = call.body.get(key)
            if value:
                parts.append(
                    value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                )
    return "\n".join(parts)


PINGS = [
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U123>",
    "<!subteam^",
    "<https://evil",
    "<mailto:",
]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(pieces=st.lists(st.sampled_from(INJECTIONS + ODDITIES + WORDS), min_size=1, max_size=12))
def test_markup_in_a_draft_never_reaches_slack_as_markup(
    pieces: list[str], running_bot: RunningBot
) -> None:
    running_bot.slack.reset()
    text = "Join us " + "".join(pieces)
    before = draft_count(running_bot)
    assert running_bot.send.draft("U0AUTHOR", f"x-main {text}").status == 200
    wait_until(
        lambda: draft_count(running_bot) > before and running_bot.slack.calls_to("response_url"),
        what="the draft to be stored and answered",
    )
    wait_until(lambda: cards_in_channel(running_bot), what="its card")
    sent = everything_sent(running_bot)
    for ping in PINGS:
        assert ping not in sent
    for call in running_bot.slack.calls_to("chat.postMessage"):
        assert "link_names" not in call.body  # Slack would turn a typed @here into a ping


def test_injection_is_shown_literally_on_the_card(running_bot: RunningBot) -> None:
    text = "Join us <!channel> <!here> <@U123> <https://evil.example|click> Saturday!"
    running_bot.send.draft("U0AUTHOR", f"x-main {text}")
    wait_until(lambda: cards_in_channel(running_bot), what="the card")
    card = json.dumps(cards_in_channel(running_bot)[0].blocks, ensure_ascii=False)
    for literal in [
        "&lt;!channel&gt;",
        "&lt;!here&gt;",
        "&lt;@U123&gt;",
        "&lt;https://evil.example|click&gt;",
    ]:
        assert literal in card
    assert "<!channel>" not in card and "<@U123>" not in card


@pytest.mark.parametrize(
    "body",
    ["", "   ", "\u00a0\u3000\t", "\u200b\u200d\ufeff", "\u202e\u200f"],
    ids=["nothing", "spaces", "unicode-spaces", "zero-width", "direction-marks"],
)
def test_empty_and_invisible_drafts_are_refused(running_bot: RunningBot, body: str) -> None:
    assert running_bot.send.draft("U0AUTHOR", f"x-main {body}").status == 200
    reply = wait_until(lambda: ephemeral_replies(running_bot), what="the refusal")[0]
    assert "The draft is empty" in reply
    assert draft_count(running_bot) == 0


def test_draft_over_the_hard_limit_is_refused_with_the_limit_and_the_text_back(
    running_bot: RunningBot,
) -> None:
    text = "Flu clinic Saturday. " * (HARD_LENGTH_LIMIT // 21 + 10)
    assert len(text) > HARD_LENGTH_LIMIT
    assert running_bot.send.draft("U0AUTHOR", f"x-main {text}").status == 200
    reply = wait_until(lambda: ephemeral_replies(running_bot), what="the refusal")[0]
    assert (
        f"at most {HARD_LENGTH_LIMIT:,}" in reply and f"{len(text.strip()):,} characters" in reply
    )
    assert "Your text, to copy" in reply and len(reply) < 4_000  # Slack's message limit
    assert draft_count(running_bot) == 0
    assert cards_in_channel(running_bot) == []
