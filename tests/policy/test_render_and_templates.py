"""The rendered policy document, the example policies, and the policy commands' exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from policy import Draft, load_policy
from policy.checks.standards import standards_findings
from policy.render import render_policy

TEMPLATES = sorted((Path(__file__).parents[2] / "policy" / "templates").glob("*.yaml"))
SECTION_ORDER = [
    "1. Employee access",
    "2. Licensing and regulations",
    "3. Information verification",
    "4. Posting standards",
    "5. Platform-specific rules",
    "6. Confidentiality",
    "7. Patient communication",
    "8. Crisis communication",
    "9. Consequences of breach",
    "10. Who approves what",
]


def test_markdown_has_the_sections_in_policy_order() -> None:
    document = render_policy(load_policy(), "md")
    positions = [document.index(f"## {title}") for title in SECTION_ORDER]
    assert positions == sorted(positions)
    assert document.startswith("# St Mary's Health social media policy")


def test_the_document_cites_the_same_clause_as_the_finding() -> None:
    policy = load_policy()
    finding = standards_findings(
        Draft("Only an idiot skips a flu shot."), policy.accounts[0], policy
    )
    clause, _, rest = finding[0].policy_ref.partition(" ")
    title = rest.split(": ", 1)[1]
    assert f"### {clause} {title}" in render_policy(policy, "md")


def test_the_document_says_who_approves_and_what_findings_add() -> None:
    document = render_policy(load_policy(), "md")
    assert "| Main X account | U0APPROVER1, U0APPROVER2 | 1 | U0DIRECTOR | 4 hours |" in document
    assert "| disclosure | Legal | U0LEGAL | 1 |" in document
    assert "needs sign-off from Legal" in document
    assert "MyStMarys patient portal" in document


def test_profanity_lists_stay_out_of_the_document() -> None:
    document = render_policy(load_policy(), "md")
    assert "bullshit" not in document
    assert "including disguised spellings" in document


def test_html_is_a_page_with_escaped_text() -> None:
    page = render_policy(load_policy(), "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<h2>4. Posting standards</h2>" in page
    assert "St Mary&#x27;s Health" in page
    assert "<script" not in page


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.stem)
def test_templates_lint_clean_and_render(
    template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["policy", "lint", str(template)]) == 0
    assert "valid" in capsys.readouterr().out
    policy = load_policy(template)
    assert all(section.rules() or section.guidelines for section in policy.sections)
    assert f"# {policy.organisation.name} social media policy" in render_policy(policy)


def test_there_are_three_example_policies() -> None:
    assert [path.stem for path in TEMPLATES] == [
        "academic-medical-centre",
        "regional-health-authority",
        "single-clinic",
    ]
    assert len(load_policy(TEMPLATES[0]).accounts) >= 10


def test_render_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "policy.html"
    assert (
        main(["policy", "render", str(TEMPLATES[2]), "--format", "html", "--output", str(out)]) == 0
    )
    assert "Maple Street Family Clinic" in out.read_text(encoding="utf-8")
    assert main(["policy", "render", str(TEMPLATES[2])]) == 0
    assert "## 10. Who approves what" in capsys.readouterr().out


def test_invalid_policy_exits_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "accounts:\n  - id: x\n    platform: x\n    handle: h\n    owners: [U1]\n"
        "    approvers: [U2]\nstandards:\n  rules:\n    - id: r\n      title: T\n"
        "      purpose: P\n      patterns: ['(a+)+']\n      message: M\n      suggestion: S\n",
        encoding="utf-8",
    )
    for command in (["policy", "lint", str(bad)], ["policy", "render", str(bad)]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert f"{bad}:12:" in err and "repeats a group" in err


def test_render_includes_timing_and_the_crisis_response() -> None:
    from policy import load_policy
    from policy.render import render_policy

    document = render_policy(load_policy(), "md")
    assert "expires and its author is told" in document
    assert "When a crisis is declared" in document
    assert "Acknowledge the situation" in document
    assert "Revoke active sessions" in document
