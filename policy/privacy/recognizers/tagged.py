"""Every entity type: what the trained patient tagger found (``policy.privacy.tagger``).

The tagger reads whole sentences, so it finds patients the cue patterns do not describe
("Sione Faleolo is heading home today") and names the general spaCy model does not know.

Patterns and context: none; the tagger was trained on labelled posts. Its spans are candidates
like any other and go through the engine's judgement, which still drops staff, officials and
the organisation's own contacts. Score 0.65. The engine adds these results after Presidio's
analyzer has run, not through it: Presidio would drop a tagger span that a rule's span
contains, and the confidence model needs to know every recognizer that found a finding.
"""

from __future__ import annotations

from collections.abc import Mapping

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

SCORE = 0.65


class TaggerSpanRecognizer(EntityRecognizer):
    """Reports the tagger's spans whose labels ``labels`` maps to an engine entity type."""

    def __init__(self, labels: Mapping[str, str], score: float = SCORE) -> None:
        super().__init__(supported_entities=sorted(set(labels.values())), name=type(self).__name__)
        self.labels = dict(labels)
        self.score = score

    def load(self) -> None:
        """Nothing to load: the tagger is the engine's spaCy pipeline."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        if doc is None:
            return []
        return [
            RecognizerResult(
                entity_type=self.labels[span.label_],
                start=span.start_char,
                end=span.end_char,
                score=self.score,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for span in doc.ents
            if self.labels.get(span.label_) in entities
        ]


class TaggedIdentifierRecognizer(TaggerSpanRecognizer):
    """Reports the patient tagger's spans for the entity types asked for."""

    def __init__(self, entity_types: list[str]) -> None:
        super().__init__({entity_type: entity_type for entity_type in entity_types})
