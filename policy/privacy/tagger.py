"""The patient tagger: a statistical entity recognizer trained on labelled hospital posts.

The rules in ``recognizers/`` and ``judgement`` find identifiers by their cue words, and on
posts written after the rules they missed about a quarter of them: names the general spaCy
model does not know, in sentences no cue describes. The tagger is the configured spaCy model's
entity recognizer fine-tuned (``training``) on posts whose patient identifiers are labelled, so
it reads "who is this about" from the whole sentence rather than from a list of cue words. Its
labels are the engine's entity types (PERSON means a patient's or relative's name).

It also keeps what the general model knew of names and places. Fine-tuned on the patient
labels alone, it would unlearn every name that is not a patient's; so training adds the
general model's own names and places that are not labelled identifiers, as ``OTHER_PERSON``
and ``PLACE`` (``GENERAL_LABELS``). The tagger then finds every name and place the general
model would, and says which are patients'. Those other names and places are candidates too
(``recognizers/general.py``): the judgement and the confidence model decide, and on sets the
learned parts never saw they raised recall and cut false alarms. One recognizer does what two
did (the general model's beside the tagger measured the same) in half the time. The trained
pipeline (tokenizer and recognizer) ships inside the package, records the spaCy model it was
trained from, and loads offline.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

# Where the shipped tagger lives; ``python -m policy.privacy.training`` writes it.
TAGGER_PATH = Path(__file__).resolve().parent / "trained" / "patient_tagger"
# The key of the tagger's meta.json naming the spaCy model it was fine-tuned from.
BASE_MODEL_KEY = "clearpost_base_model"
# The tagger's labels for a name that is not a patient's and for a place that is not an
# identifying detail, and the general model's labels it learns them from.
OTHER_PERSON = "OTHER_PERSON"
PLACE = "PLACE"
GENERAL_LABELS = {"PERSON": OTHER_PERSON, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}


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
