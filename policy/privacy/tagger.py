"""The patient tagger: a statistical entity recognizer trained on labelled hospital posts.

The rules in ``recognizers/`` and ``judgement`` find identifiers by their cue words, and on
posts written after the rules they missed about a quarter of them: names the general spaCy
model does not know, in sentences no cue describes. The tagger is the configured spaCy model's
entity recognizer fine-tuned (``training``) on posts whose patient identifiers are labelled, so
it reads "who is this about" from the whole sentence rather than from a list of cue words. Its
labels are the engine's entity types (PERSON means a patient's or relative's name).

The general model's recognizer runs beside it (``nlp``): once the confidence model weighs every
finding, the general names and places it adds, and its agreement with the tagger, raised recall
and cut false alarms on sets the learned parts never saw. The trained pipeline (tokenizer and
recognizer) ships inside the package, records the spaCy model it was trained from, and loads
offline.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

# Where the shipped tagger lives; ``python -m policy.privacy.training`` writes it.
TAGGER_PATH = Path(__file__).resolve().parent / "trained" / "patient_tagger"
# The key of the tagger's meta.json naming the spaCy model it was fine-tuned from.
BASE_MODEL_KEY = "clearpost_base_model"


class TaggerMismatch(RuntimeError):
    """The shipped tagger was trained from another spaCy model than the configured one."""


def load_tagger(path: Path, spacy_model: str) -> Language:
    """The trained tagger, checked against the configured spaCy model."""
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(
            f"the patient tagger is missing at {path}; train it with "
            "`python -m policy.privacy.training`"
        )
    tagger = spacy.load(path)
    trained_from = tagger.meta.get(BASE_MODEL_KEY)
    if trained_from != spacy_model:
        raise TaggerMismatch(
            f"the patient tagger at {path} was trained from the spaCy model {trained_from!r}, "
            f"not {spacy_model!r}; retrain it with "
            f"`python -m policy.privacy.training --model {spacy_model}`"
        )
    return tagger
