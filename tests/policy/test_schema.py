"""The policy file's rule sections: defaults, overrides, and errors that name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy import PolicyError, load_policy, parse_policy
from policy.findings import Severity
from policy.schema import bundled_policy_path

ACCOUNTS = """\
accounts:
  - id: x-main
    platform: x
    handle: "@Clinic"
    owners: [U1]
    approvers: [U2]
"""


def problems_of(source: str) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        parse_policy(source, "clinic.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_a_policy_with_only_accounts_gets_every_standard_section() -> None:
    policy = parse_policy(ACCOUNTS)
    bundled = load_policy()
    for section, standard in zip(policy.sections, bundled.sections, strict=True):
        assert section == standard
    assert [rule.id for rule in policy.standards.lexicon_rules][:2] == ["profanity", "insults"]


def test_a_key_left_out_of_a_section_keeps_the_standard_value() -> None:
    policy = parse_policy(ACCOUNTS + "claims:\n  vetted_domains: [example.gov]\n")
    assert policy.claims.vetted_domains == ["example.gov"]
    assert policy.claims.lexicon_rules == load_policy().claims.lexicon_rules
    assert policy.claims.title == "Information verification"


def test_nested_mappings_merge_key_by_key() -> None:
    policy = parse_policy(ACCOUNTS + "platform:\n  limits:\n    x: {max_characters: 300}\n")
    assert policy.platform.limits["x"].max_characters == 300
    assert policy.platform.limits["x"].counting == "x"
    assert policy.platform.limits["linkedin"].max_characters == 3000


def test_rules_given_replace_the_standard_list() -> None:
    source = ACCOUNTS + (
        "standards:\n"
        "  rules:\n"
        "    - id: no-slang\n"
        "      title: No slang\n"
        "      purpose: Plain words.\n"
        "      severity: info\n"
        "      phrases: [lit]\n"
        "      message: '\"{match}\" is slang.'\n"
        "      suggestion: Use plain words.\n"
    )
    policy = parse_policy(source)
    assert [rule.id for rule in policy.standards.lexicon_rules] == ["no-slang"]
    assert policy.standards.lexicon_rules[0].severity is Severity.INFO


@pytest.mark.parametrize(
    ("addition", "line", "says"),
    [
        ("claims:\n  vetted_domain: [cdc.gov]\n", 8, "not part of the policy schema"),
        (
            "standards:\n  rules:\n    - id: bad\n      title: T\n      purpose: P\n"
            "      patterns: ['(unclosed']\n      message: M\n      suggestion: S\n",
            12,
            "not a valid regular expression",
        ),
        (
            "standards:\n  rules:\n    - id: slow\n      title: T\n      purpose: P\n"
            "      patterns: ['(\\w+\\s?)+$']\n      message: M\n      suggestion: S\n",
            12,
            "repeats a group that itself contains a repeat",
        ),
        (
            "standards:\n  rules:\n    - id: flags\n      title: T\n      purpose: P\n"
            "      patterns: ['(?i)vote']\n      message: M\n      suggestion: S\n",
            12,
            "sets its own flags",
        ),
        (
            "standards:\n  rules:\n    - id: typo\n      title: T\n      purpose: P\n"
            "      phrases: [x]\n      message: 'bad {mach}'\n      suggestion: S\n",
            9,
            "{mach}",
        ),
        (
            "standards:\n  rules:\n    - id: empty\n      title: T\n      purpose: P\n"
            "      message: M\n      suggestion: S\n",
            9,
            "neither phrases nor patterns",
        ),
        (
            "confidentiality:\n  rules:\n    - id: twice\n      title: T\n      purpose: P\n"
            "      phrases: [a]\n      message: M\n      suggestion: S\n"
            "    - id: twice\n      title: T\n      purpose: P\n"
            "      phrases: [b]\n      message: M\n      suggestion: S\n",
            7,
            "repeated: twice",
        ),
        ("platform:\n  limits:\n    x: {max_characters: 0}\n", 9, "greater than or equal to 1"),
        (
            "standards:\n  rules:\n    - id: sev\n      title: T\n      purpose: P\n"
            "      severity: fatal\n      phrases: [x]\n      message: M\n      suggestion: S\n",
            12,
            "'block', 'review' or 'info'",
        ),
    ],
)
def test_mistakes_are_reported_with_file_line_and_what_to_fix(
    addition: str, line: int, says: str
) -> None:
    problems = problems_of(ACCOUNTS + addition)
    assert any(p.startswith(f"clinic.yaml:{line}:") and says in p for p in problems), problems


def test_a_pattern_with_a_bounded_inner_repeat_is_accepted() -> None:
    source = ACCOUNTS + (
        "standards:\n  rules:\n    - id: ok\n      title: T\n      purpose: P\n"
        "      patterns: ['\\b(?:yes|no) on prop\\s?\\d{1,3}\\b']\n      message: M\n"
        "      suggestion: S\n"
    )
    assert parse_policy(source).standards.lexicon_rules[0].patterns


def test_every_rule_cites_a_numbered_clause_of_its_section() -> None:
    policy = load_policy()
    refs = [section.policy_ref(rule) for section in policy.sections for rule in section.rules()]
    assert "4.1 Posting standards: No profanity" in refs
    assert "1.1 Employee access: Only account owners submit posts" in refs
    assert len(refs) == len(set(refs))


def test_the_bundled_policy_is_a_file_the_lint_command_accepts(tmp_path: Path) -> None:
    copy = tmp_path / "policy.yaml"
    copy.write_text(bundled_policy_path().read_text(encoding="utf-8"), encoding="utf-8")
    assert load_policy(copy) == load_policy()
