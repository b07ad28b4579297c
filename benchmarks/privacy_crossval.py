"""How the privacy engine does on sets its learned parts never saw: cross-validation by set.

Run ``python -m benchmarks.privacy_crossval`` (``make bench-crossval``). The sets the shipped
tagger was trained on are dealt into folds as in ``policy.privacy.training``; for each fold a
patient tagger is trained on the other folds and the engine (rules and that tagger) checks the
fold's posts. The confidence model for a fold's posts is then fitted, and its thresholds
chosen, on the other folds' findings only. Every post is thus checked by learned parts that
never saw its set. The sets the benchmark keeps blind are left out entirely.

The rules were tuned on these sets, so the figures are blind for the learned parts only.
``heldout-11`` to ``heldout-21`` (``RULES_LATE_TUNED_ON``) were measured blind with the rules
alone and no rule was changed for them until the sentence-start, honorific and contact rules,
which were drawn from the misses on every trained set; they are reported together.
Writes ``benchmarks/results/privacy_crossval.md`` and ``.json``.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from benchmarks.privacy import (
    ACCURACY_HEADER,
    DEFAULT_MODEL,
    NEVER_TUNED_ON,
    RESULTS,
    accuracy_row,
    load_posts,
    measure_accuracy,
)
from policy.privacy.confidence import ScoredFinding
from policy.privacy.engine import standing
from policy.privacy.languages import ENGLISH, OTHER_LANGUAGES, language_group
from policy.privacy.training import (
    FOLDS,
    fit_confidence,
    folds_of,
    load_findings,
    out_of_fold_findings,
)

# Sets measured blind with the rules alone and used to change a rule only late.
RULES_LATE_TUNED_ON = frozenset(f"heldout-{n}" for n in range(11, 22))


def run(
    model: str, fold_count: int, processes: int, findings: Path | None = None
) -> dict[str, object]:
    """Cross-validate; with ``findings``, reuse the out-of-fold findings a training run wrote
    (``python -m policy.privacy.training --findings``) instead of training the fold taggers."""
    posts = [p for p in load_posts() if p.split not in NEVER_TUNED_ON]
    folds = folds_of(posts, fold_count)
    if findings is None:
        found = out_of_fold_findings(posts, folds, base_model=model, processes=processes)
    else:
        found = load_findings(findings, posts)
    confident: dict[str, list[ScoredFinding]] = {}
    thresholds: dict[str, dict[str, float]] = {}
    for fold in folds:
        others = [post for post in posts if post.split not in fold]
        confidence = fit_confidence(others, found, [other for other in folds if other != fold])
        thresholds[", ".join(fold)] = confidence.thresholds
        for post in posts:
            if post.split in fold:
                # The engine's own last step: the model's verdicts and their exceptions.
                confident[post.id] = [
                    finding
                    for finding, stands in zip(
                        found[post.id], standing(found[post.id], confidence), strict=True
                    )
                    if stands
                ]
    engines = {"rules and tagger": found, "rules, tagger and confidence model": confident}
    splits = list(dict.fromkeys(p.split for p in posts))
    groups = {
        "all cross-validated sets": posts,
        "heldout-11 to heldout-21": [p for p in posts if p.split in RULES_LATE_TUNED_ON],
        "the ordinary months (everyday sets)": [p for p in posts if p.split.startswith("everyday")],
        "the held-out sets (heldout sets)": [p for p in posts if p.split.startswith("heldout")],
        "posts mostly in English": [p for p in posts if language_group(p.text) == ENGLISH],
        "posts mostly in other languages": [
            p for p in posts if language_group(p.text) == OTHER_LANGUAGES
        ],
    } | {split: [p for p in posts if p.split == split] for split in splits}
    accuracy: dict[str, dict[str, object]] = {}
    for name, chosen in groups.items():
        accuracy[name] = {
            engine: asdict(
                measure_accuracy(
                    chosen, [[(f.start, f.end) for f in by_post[p.id]] for p in chosen]
                )
            )
            for engine, by_post in engines.items()
        }
    return {"model": model, "folds": folds, "thresholds": thresholds, "accuracy": accuracy}


def write_results(results: dict[str, object]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "privacy_crossval.json").write_text(json.dumps(results, indent=2) + "\n")
    accuracy = results["accuracy"]
    folds = results["folds"]
    thresholds = results["thresholds"]
    assert isinstance(accuracy, dict) and isinstance(folds, list) and isinstance(thresholds, dict)
    lines = [
        "# Privacy engine, cross-validated by set",
        "",
        f"Model `{results['model']}`, no organisation allow-list. Each set's posts are checked by "
        f"the rules and learned parts trained without that set ({len(folds)} folds: "
        + "; ".join(", ".join(group) for group in folds)
        + "). The confidence thresholds (posts mostly in English / in other languages), chosen "
        "on the other folds each time, were "
        + ", ".join(
            f"{values[ENGLISH]} / {values[OTHER_LANGUAGES]} for {fold}"
            for fold, values in thresholds.items()
        )
        + ". Written by `python -m benchmarks.privacy_crossval`.",
        "",
        *ACCURACY_HEADER,
    ]
    for name, engines in accuracy.items():
        for engine, figures in engines.items():
            lines.append(accuracy_row(name, engine, figures))
    path = RESULTS / "privacy_crossval.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--model", default=os.environ.get("CLEARPOST_SPACY_MODEL", DEFAULT_MODEL))
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--processes", type=int, default=2, help="folds trained at once")
    parser.add_argument(
        "--findings", type=Path, help="out-of-fold findings written by a training run, to reuse"
    )
    args = parser.parse_args(argv)
    try:
        results = run(args.model, args.folds, args.processes, args.findings)
    except ValueError as error:  # findings of other posts
        raise SystemExit(str(error)) from None
    path = write_results(results)
    print(path.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
