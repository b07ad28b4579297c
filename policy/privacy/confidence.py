"""How likely a finding is a patient's identifier: a second opinion learned from labelled posts.

The recognizers, the patient tagger and the judgement each see part of a post; on posts none of
them was tuned on, one clean post in three still got a finding. This model looks at each
finding as a whole: its entity type, which recognizers proposed it (and whether the rules
disputed the patient tagger's name), the shape of its words, the words right before and after
it and the words of the whole post, each counting less in a long post (``POST_WORDS_AT_FULL``).
It is a logistic regression whose weights are fitted (``fit``) on findings the engine made on
posts its tagger had not been trained on, each marked right or wrong against the labels, so it
learns where the engine is wrong on new posts, not on the posts it remembers.

A finding is kept when its probability reaches the model's threshold for the post's language
group (``policy.privacy.languages``: mostly English, or mostly another language). Training
chooses each by cross-validation: the strictest threshold that still stops the target share of
the group's posts with PHI (``policy.privacy.training.CATCH_TARGET``) among posts the model was
not fitted on. The weights and the thresholds ship with the package as readable JSON;
``python -m policy.privacy.training`` refits them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from presidio_analyzer import RecognizerResult

from policy.privacy.judgement import belongs_to, is_disputed, told_of_own_care
from policy.privacy.languages import LANGUAGE_GROUPS, language_group
from policy.privacy.mentions import is_mention

# Where the shipped weights live, next to the shipped tagger.
CONFIDENCE_PATH = Path(__file__).resolve().parent / "trained" / "confidence.json"
# Even odds: the threshold of a model fitted without one chosen by cross-validation.
EVEN_ODDS = 0.5
# Words either side of a finding that count as its context.
CONTEXT_WORDS = 4
# A post of up to this many distinct words gives each its full weight; a longer one gives each
# sqrt(POST_WORDS_AT_FULL / words). A newsletter of 300 words tells several stories, and its
# words, counted whole, outvoted everything a finding's own words said: a staff member's knee
# replacement or a patient's street address deep in one scored 0.01. Scaled so, the
# cross-validation (11,793 posts) flags 12.8% of clean posts instead of 13.6% at the same catch
# rate, and catches 96.3% of the PHI posts longer than 700 characters instead of 94.8%.
POST_WORDS_AT_FULL = 60
RECOGNIZER_NAME = RecognizerResult.RECOGNIZER_NAME_KEY
# Read as one more source of a finding: the rules judged the tagger's patient to be staff, an
# official or no person (``judgement.is_disputed``), and the model learns how often they are right.
RULES_SAY_NOT_A_PATIENT = "RulesSayNotAPatient"
_WORD = re.compile(r"[^\W\d_]+|\d+|[#@]")
L2 = 1.0
STEPS = 1000
LEARNING_RATE = 0.5


@dataclass(frozen=True)
class ScoredFinding:
    """What the model reads of one finding: the post, the span, its type and its sources."""

    text: str
    start: int
    end: int
    entity_type: str
    recognizers: tuple[str, ...]
    # An age given with a name (the name's own, or a disputed name the rules called public):
    # the (start, end) of that name, whose verdict it shares instead of being weighed on its
    # own (``judgement.belongs_to``).
    belongs_to: tuple[int, int] | None = None
    # Another mention of a found patient (``mentions.is_mention``): reported with the patient.
    mention: bool = False
    # A name the post tells of receiving care, whatever role it is given
    # (``judgement.told_of_own_care``): reported whatever the model says.
    own_care: bool = False

    @classmethod
    def of(
        cls, text: str, result: RecognizerResult, candidates: Iterable[RecognizerResult]
    ) -> ScoredFinding:
        """A judged result, with the recognizers of every candidate on the same words."""
        names = {
            str((candidate.recognition_metadata or {}).get(RECOGNIZER_NAME, ""))
            for candidate in candidates
            if candidate.start < result.end and result.start < candidate.end
        }
        if is_disputed(result):
            names.add(RULES_SAY_NOT_A_PATIENT)
        return cls(
            text,
            result.start,
            result.end,
            result.entity_type,
            tuple(sorted(names)),
            belongs_to(result),
            is_mention(result),
            told_of_own_care(result),
        )


def features(finding: ScoredFinding) -> dict[str, float]:
    """The named features of one finding and their values (absent features are 0)."""
    text, start, end = finding.text, finding.start, finding.end
    span = text[start:end]
    kind = finding.entity_type
    found: dict[str, float] = {"bias": 1, f"type={kind}": 1}
    for recognizer in finding.recognizers:
        found[f"by={recognizer}"] = 1
        found[f"by={recognizer}|{kind}"] = 1
    if len(finding.recognizers) == 1:
        found[f"only={finding.recognizers[0]}|{kind}"] = 1
    words = _WORD.findall(span)
    found[f"words={min(len(words), 4)}"] = 1
    found["lower case"] = int(span == span.lower())
    found["other script"] = int(any(ord(char) > 0x2FF for char in span))
    found["hashtag"] = int(start > 0 and text[start - 1] == "#")
    before = [word.lower() for word in _WORD.findall(text[max(0, start - 80) : start])]
    after = [word.lower() for word in _WORD.findall(text[end : end + 80])]
    for distance, word in enumerate(reversed(before[-CONTEXT_WORDS:])):
        found[f"before:{word}"] = found.get(f"before:{word}", 0) + 1
        if distance < 2:
            found[f"before{distance}:{word}"] = 1
    for distance, word in enumerate(after[:CONTEXT_WORDS]):
        found[f"after:{word}"] = found.get(f"after:{word}", 0) + 1
        if distance < 2:
            found[f"after{distance}:{word}"] = 1
    for word in {word.lower() for word in words}:
        found[f"word:{word}"] = 1
    post_words = _post_words(text)
    weight = min(1.0, math.sqrt(POST_WORDS_AT_FULL / max(1, len(post_words))))
    for word in post_words:
        found[f"post:{word}"] = weight
    return found


@lru_cache(maxsize=64)
def _post_words(text: str) -> frozenset[str]:
    """The lower-cased words of a post, read once for all its findings."""
    return frozenset(word.lower() for word in _WORD.findall(text))


def same_threshold(threshold: float) -> dict[str, float]:
    """One threshold for every language group."""
    return dict.fromkeys(LANGUAGE_GROUPS, threshold)


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic-regression weights by feature name, and the probability a finding must reach
    in a post of each language group (``policy.privacy.languages``)."""

    weights: dict[str, float]
    thresholds: dict[str, float] = field(default_factory=lambda: same_threshold(EVEN_ODDS))

    def probability(self, finding: ScoredFinding) -> float:
        """The probability that ``finding`` is a patient's identifier."""
        weights = self.weights
        total = sum(weights.get(name, 0.0) * count for name, count in features(finding).items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))

    def threshold_for(self, text: str) -> float:
        """The probability a finding in the post ``text`` must reach to be kept."""
        return self.thresholds[language_group(text)]

    def keeps(self, finding: ScoredFinding) -> bool:
        return self.probability(finding) >= self.threshold_for(finding.text)

    def kept(self, findings: Sequence[ScoredFinding]) -> list[bool]:
        """Which of one post's findings are kept: each on its own, but an age given with a
        name only with that name."""
        verdicts = [self.keeps(finding) for finding in findings]
        names = {
            (finding.start, finding.end): verdict
            for finding, verdict in zip(findings, verdicts, strict=True)
            if finding.belongs_to is None
        }
        return [
            verdict if finding.belongs_to is None else names.get(finding.belongs_to, False)
            for finding, verdict in zip(findings, verdicts, strict=True)
        ]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        ordered = dict(sorted(self.weights.items(), key=lambda item: -abs(item[1])))
        saved = {"thresholds": self.thresholds, "weights": ordered}
        path.write_text(json.dumps(saved, indent=0, ensure_ascii=False) + "\n", "utf-8")

    @classmethod
    def load(cls, path: Path) -> ConfidenceModel:
        saved = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(name): float(weight) for name, weight in saved["weights"].items()}
        thresholds = {str(group): float(value) for group, value in saved["thresholds"].items()}
        if set(thresholds) != set(LANGUAGE_GROUPS):
            raise ValueError(
                f"{path}: thresholds for {sorted(thresholds)}, not for {LANGUAGE_GROUPS}"
            )
        return cls(weights, thresholds)


def fit(findings: Sequence[ScoredFinding], right: Sequence[bool]) -> ConfidenceModel:
    """Fit the weights by gradient descent on the log loss with an L2 penalty.

    Each finding has a few hundred of the tens of thousands of features, so the design matrix
    is kept as (row, column, value) triples and multiplied with ``np.bincount``.
    """
    index: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    for number, finding in enumerate(findings):
        for name, count in features(finding).items():
            if count:
                rows.append(number)
                columns.append(index.setdefault(name, len(index)))
                values.append(float(count))
    row, column, value = np.array(rows), np.array(columns), np.array(values)
    target = np.asarray(right, dtype=np.float64)
    weights = np.zeros(len(index))
    for _ in range(STEPS):
        scores = np.bincount(row, weights=weights[column] * value, minlength=len(target))
        error = 1 / (1 + np.exp(-np.clip(scores, -30, 30))) - target
        gradient = np.bincount(column, weights=error[row] * value, minlength=len(index))
        weights -= LEARNING_RATE * (gradient + L2 * weights) / len(target)
    # Weights this small never move a probability across the threshold; leave them out.
    return ConfidenceModel(
        {name: round(float(weights[i]), 4) for name, i in index.items() if abs(weights[i]) > 1e-3}
    )
