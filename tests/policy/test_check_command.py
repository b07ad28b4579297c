"""``clearpost check`` as DESIGN.md specifies it: inputs, JSON shape, text output, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from policy.privacy import PrivacyEngine

CLEAN = "Join us Saturday for our free flu clinic!"
REVIEW = "Giveaway! Tag a friend to win a water bottle."
BLOCKED = "This herbal tea cures cancer."


@pytest.fixture(autouse=True)
def isolated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, privacy_engine: PrivacyEngine
) -> None:
    """No .env or policy setting from the developer's machine; the engine is loaded once."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLEARPOST_POLICY_FILE", raising=False)
    monkeypatch.setenv("CLEARPOST_SPACY_MODEL", privacy_engine.spacy_model)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("text", "code"), [(CLEAN, 0), (REVIEW, 0), (BLOCKED, 1)])
def test_exit_status_follows_the_verdict(
    capsys: pytest.CaptureFixture[str], text: str, code: int
) -> None:
    assert run(capsys, text, "--format", "json")[0] == code


def test_json_has_the_contract_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, BLOCKED, "--account", "facebook-main", "--format", "json")
    assert code == 1
    record = json.loads(out)
    assert set(record) == {"id", "verdict", "findings", "approvers", "redacted_text"}
    assert record["verdict"] == "block"
    finding = next(f for f in record["findings"] if f["rule_id"] == "claims.absolute-claims")
    assert set(finding) == {
        "rule_id",
        "category",
        "severity",
        "start",
        "end",
        "entity_type",
        "message",
        "policy_ref",
        "suggestion",
    }
    assert BLOCKED[finding["start"] : finding["end"]] == "cures cancer"
    assert finding["policy_ref"].startswith("3.1 Information verification")
    keys = [signoff["key"] for signoff in record["approvers"]["signoffs"]]
    assert keys == ["account", "medical-review"]


def test_text_output_underlines_the_span_and_gives_the_fix(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _err = run(capsys, BLOCKED)
    assert code == 1
    assert "BLOCK" in out
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("at: This herbal"))
    marks = lines[at + 1]
    assert marks.strip() == "^" * len("cures cancer")
    assert marks.index("^") == lines[at].index("cures cancer")
    assert "fix: Say what the evidence supports" in out


def test_jsonl_file_one_line_per_draft_with_its_account_and_platform(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = tmp_path / "drafts.jsonl"
    drafts.write_text(
        "\n".join(
            json.dumps(record)
            for record in [
                {"id": "a", "text": CLEAN},
                {"id": "b", "text": "x" * 2500, "account": "linkedin-careers"},
                {"id": "c", "text": "x" * 2500, "platform": "instagram"},
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    code, out, _err = run(capsys, "--file", str(drafts), "--format", "json")
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["verdict"]) for r in records] == [
        ("a", "pass"),
        ("b", "pass"),
        ("c", "block"),
    ]
    assert code == 1


def test_txt_file_is_one_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "post.txt"
    draft.write_text(REVIEW + "\n", encoding="utf-8")
    code, out, _err = run(capsys, "--file", str(draft), "--format", "json")
    assert code == 0
    assert json.loads(out)["verdict"] == "review"


def test_hootsuite_csv_rows_become_drafts_with_their_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bulk = tmp_path / "bulk.csv"
    bulk.write_text(
        "Date,Message,Link\n"
        f"03/14/2026 09:00,{CLEAN},https://stmaryshealth.example/flu\n"
        '03/15/2026 09:00,"1 in 3 adults has high blood pressure.",http://bit.ly/bp\n',
        encoding="utf-8",
    )
    code, out, _err = run(capsys, "--file", str(bulk), "--format", "json")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert records[0]["verdict"] == "pass"
    rules = {f["rule_id"] for f in records[1]["findings"]}
    assert {"claims.unsourced-statistics", "platform.shortened-links"} <= rules


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--account", "nope", CLEAN], "unknown account 'nope'"),
        (["--file", "missing.jsonl"], "cannot read the file"),
        ([], "nothing to check"),
        (["--policy", "missing.yaml", CLEAN], "invalid policy"),
    ],
)
def test_bad_input_exits_2_with_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert says in err and err.count("\n") == 1


def test_bad_jsonl_line_and_platform_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "ok"}\n{not json}\n', encoding="utf-8")
    code, _out, err = run(capsys, "--file", str(broken))
    assert code == 2 and f"{broken}:2:" in err
    odd = tmp_path / "odd.jsonl"
    odd.write_text('{"text": "ok", "platform": "myspace"}\n', encoding="utf-8")
    code, _out, err = run(capsys, "--file", str(odd))
    assert code == 2 and "unknown platform 'myspace'" in err


def test_author_and_crisis_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        capsys, CLEAN, "--account", "linkedin-careers", "--author", "U0STRANGER", "--format", "json"
    )
    assert code == 1
    assert {f["rule_id"] for f in json.loads(out)["findings"]} == {"access.owners-only"}
    code, out, _err = run(
        capsys, "Thrilled to celebrate our new cafe!", "--crisis", "--format", "json"
    )
    assert code == 1
    rules = {f["rule_id"] for f in json.loads(out)["findings"]}
    assert {"crisis.every-post-reviewed", "crisis.promotional-tone"} <= rules


def test_a_spacy_model_the_tagger_was_not_trained_from_exits_2_saying_how_to_retrain(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEARPOST_SPACY_MODEL", "en_core_web_lg")
    code, out, err = run(capsys, CLEAN)
    assert code == 2 and out == ""
    assert err.startswith("clearpost: the privacy engine cannot start:")
    assert "python -m policy.privacy.training --model en_core_web_lg" in err
    assert len(err.strip().splitlines()) == 1
