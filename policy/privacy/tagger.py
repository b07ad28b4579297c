"""The patient tagger: a statistical entity recognizer trained on labelled hospital posts.

The rules in ``recognizers/`` and ``judgement`` find identifiers by their cue words, and on
posts written after the rules they missed about a quarter of them: names the general spaCy
model does not know, in sentences no cue describes. The tagger is spaCy's English entity
recognizer fine-tuned (``training``) on posts whose patient identifiers are labelled, so it
reads "who is this about" from the whole sentence rather than from a list of cue words. Its
labels are the engine's entity types (PERSON means a patient's or relative's name).

It runs as the last pipe of the engine's spaCy pipeline and writes what it finds to
``doc.spans[SPAN_KEY]``, leaving ``doc.ents`` (the general model's names) as they were. The
trained model ships inside the package (``patient_tagger/``); it is small and loads offline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

# Where the shipped tagger lives; ``python -m policy.privacy.training`` writes it.
TAGGER_PATH = Path(__file__).resolve().parent / "trained" / "patient_tagger"
# The doc.spans key the tagger writes to and its recognizer reads.
SPAN_KEY = "patient_tagger"
PIPE_NAME = "patient_tagger"


class PatientTagger:
    """A spaCy pipe running the trained recognizer on each doc, into ``doc.spans``."""

    def __init__(self, path: Path) -> None:
        # Only the trained recognizer is kept: its vocabulary is the configured model's.
        self._tagger = spacy.load(path)

    def __call__(self, doc: Doc) -> Doc:
        return _copy_spans(doc, self._tagger(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Tag a stream of docs in batches, as ``nlp.pipe`` does for every pipe."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch, batch_size)
                batch = []
        yield from self._tag(batch, batch_size)

    def _tag(self, docs: list[Doc], batch_size: int) -> Iterator[Doc]:
        tagged = self._tagger.pipe((doc.text for doc in docs), batch_size=batch_size)
        for doc, found in zip(docs, tagged, strict=True):
            yield _copy_spans(doc, found)


def _copy_spans(doc: Doc, tagged: Doc) -> Doc:
    """Put the tagger's entities on ``doc`` as spans, by character offsets."""
    spans: list[Span] = []
    for entity in tagged.ents:
        span = doc.char_span(
            entity.start_char, entity.end_char, label=entity.label_, alignment_mode="expand"
        )
        if span is not None:
            spans.append(span)
    doc.spans[SPAN_KEY] = spans
    return doc


@Language.factory(PIPE_NAME, default_config={"path": str(TAGGER_PATH)})
def make_patient_tagger(nlp: Language, name: str, path: str) -> PatientTagger:
    """spaCy's factory for the tagger pipe: ``nlp.add_pipe(PIPE_NAME)``."""
    return PatientTagger(Path(path))


def add_patient_tagger(nlp: Language, path: Path = TAGGER_PATH) -> None:
    """Append the tagger to a loaded pipeline."""
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(
            f"the patient tagger is missing at {path}; train it with "
            "`python -m policy.privacy.training`"
        )
    nlp.add_pipe(PIPE_NAME, last=True, config={"path": str(path)})
