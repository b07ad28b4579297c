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

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

SCORE = 0.65


class TaggerSpanRecognizer(EntityRecognizer):
    """Reports the tagger's spans whose labels ``entity_type`` reads as an engine entity type."""

    score = SCORE

    def load(self) -> None:
        """Nothing to load: the tagger is the engine's spaCy pipeline."""

    def entity_type(self, label: str) -> str | None:
        """The engine entity type a tagger label stands for here, if any."""
        raise NotImplementedError

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        if doc is None:
            return []
        results = []
        for span in doc.ents:
            entity_type = self.entity_type(span.label_)
            if entity_type is not None and entity_type in entities:
                results.append(
                    RecognizerResult(
                        entity_type=entity_type,
                        start=span.start_char,
                        end=span.end_char,
                        score=self.score,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return results


class TaggedIdentifierRecognizer(TaggerSpanRecognizer):
    """Reports the patient tagger's spans for the entity types asked for."""

    def __init__(self, entity_types: list[str]) -> None:
        super().__init__(supported_entities=entity_types, name=type(self).__name__)

    def entity_type(self, label: str) -> str | None:
        return label if label in self.supported_entities else None
