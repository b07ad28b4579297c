"""PERSON and IDENTIFYING_DETAILS: the names and places spaCy's general entity recognizer finds.

The patient tagger learned from a few thousand labelled posts which names are patients'; the
configured spaCy model's own recognizer learned names and places from a large general corpus
and knows many the tagger misses. Its PERSON spans are name candidates and its GPE, LOC and FAC
spans (towns, regions, roads, buildings) candidate identifying details, like the tagger's: the
judgement drops staff, officials and the hospital's own places, and the confidence model weighs
each finding knowing which recognizers proposed it. Where the general model and the tagger
agree, that agreement is itself a feature the confidence model learned from.

Patterns and context: none. Score 0.6. Like the tagger's, these results are added after
Presidio's analyzer has run (``nlp.GENERAL_SPANS`` holds them on the doc).
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from policy.privacy.nlp import GENERAL_SPANS

SCORE = 0.6
# The general model's labels, as the engine's entity types.
ENTITY_TYPES = {
    "PERSON": "PERSON",
    "GPE": "IDENTIFYING_DETAILS",
    "LOC": "IDENTIFYING_DETAILS",
    "FAC": "IDENTIFYING_DETAILS",
}


class GeneralEntityRecognizer(EntityRecognizer):
    """Reports the general recognizer's names and places as the engine's entity types."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=sorted(set(ENTITY_TYPES.values())), name=type(self).__name__
        )

    def load(self) -> None:
        """Nothing to load: the general recognizer is a pipe of the engine's spaCy pipeline."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        if doc is None or GENERAL_SPANS not in doc.spans:
            return []
        return [
            RecognizerResult(
                entity_type=ENTITY_TYPES[span.label_],
                start=span.start_char,
                end=span.end_char,
                score=SCORE,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for span in doc.spans[GENERAL_SPANS]
            if ENTITY_TYPES.get(span.label_) in entities
        ]
