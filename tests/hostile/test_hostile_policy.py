"""Policy files with hostile regular expressions must not hang the checks.

Nested repeats (``(a+)+``) are refused at load; shapes the load-time test cannot tell apart
(overlapping alternatives, runs of repeats) are stopped at match time, and the draft is sent to a
person instead of hanging every thread of the service.
"""

from __future__ import annotations

import pytest

from policy import Draft, PolicyError, Verdict, check, parse_policy
from policy.lexicon import PATTERN_TIME_LIMIT
from policy.privacy import PrivacyEngine

POLICY_WITH_PATTERN = """
accounts:
  - id: x-main
    platform: x
    handle: "@StMarysHealth"
    owners: [U0AUTHOR]
    approvers: [U0APPROVER1]
standards:
  rules:
    - id: evil
      title: A rule with a slow pattern
      purpose: Shows what a hostile pattern does.
      severity: block
      patterns: ['{pattern}']
      message: '"{{match}}" matched.'
      suggestion: Rewrite it.
"""


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)*!", r"(?:x|(ab)*)+c"])
def test_nested_repeats_are_refused_at_load(pattern: str) -> None:
    with pytest.raises(PolicyError, match="repeats a group"):
        parse_policy(POLICY_WITH_PATTERN.format(pattern=pattern))


# Exponential (overlapping alternatives) and polynomial (runs of repeats) backtracking that the
# load-time test accepts; unstopped, each would run for hours on these drafts.
SLOW_SHAPES = [
    (r"^(a|a)*$", "a" * 40 + "!"),
    (r"(a|aa)+$", "a" * 60 + "!"),
    (r"\w*\w*\w*\w*[.!]\d", "a" * 5_000 + "!"),
]


@pytest.mark.timeout(60)  # a hang fails here instead of stalling the suite
@pytest.mark.parametrize(("pattern", "text"), SLOW_SHAPES)
def test_slow_pattern_is_stopped_and_the_draft_goes_to_a_person(
    pattern: str, text: str, privacy_engine: PrivacyEngine
) -> None:
    policy = parse_policy(POLICY_WITH_PATTERN.format(pattern=pattern))
    account = policy.account("x-main")
    assert account is not None

    report = check(Draft(text=text, account_id="x-main"), account, policy, privacy=privacy_engine)

    slow = [f for f in report.findings if f.rule_id == "policy.rule-too-slow"]
    assert len(slow) == 1 and pattern in slow[0].message
    assert report.verdict in (Verdict.REVIEW, Verdict.BLOCK)  # never a silent pass


def test_time_limit_leaves_ordinary_patterns_alone(privacy_engine: PrivacyEngine) -> None:
    policy = parse_policy(POLICY_WITH_PATTERN.format(pattern=r"\bmiracle\s+cure\b"))
    account = policy.account("x-main")
    assert account is not None and PATTERN_TIME_LIMIT > 0
    long_text = "Flu clinic on Saturday. " * 1_600 + "A miracle cure!"  # ~38,000 characters
    report = check(
        Draft(text=long_text, account_id="x-main"), account, policy, privacy=privacy_engine
    )
    assert [f.rule_id for f in report.findings if f.rule_id.endswith("evil")] == ["standards.evil"]
    assert not [f for f in report.findings if f.rule_id == "policy.rule-too-slow"]
