"""PERSON and IDENTIFYING_DETAILS: the names and places the tagger finds that are not labelled PHI.

The patient tagger keeps what spaCy's general recognizer knew of names and places (``tagger``):
it labels a name it does not take for a patient's ``OTHER_PERSON`` and a place it does not take
for an identifying detail ``PLACE``. Its word is not the last one. A staff member's name a
clause away from the role, a patient named in a sentence unlike any labelled post, the town a
patient comes from: these are candidates like any other, reported as ``PERSON`` and
``IDENTIFYING_DETAILS``. The judgement drops staff, officials and the hospital's own places,
and the confidence model, which knows which recognizer proposed each finding, learned how
often such a name or place is a patient's.

Patterns and context: none. Score 0.6. Like the tagger's, these results are added after
Presidio's analyzer has run.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from policy.privacy.tagger import OTHER_PERSON, PLACE

SCORE = 0.6
# The tagger's labels for other names and places, as the engine's entity types.
ENTITY_TYPES = {OTHER_PERSON: "PERSON", PLACE: "IDENTIFYING_DETAILS"}


class GeneralEntityRecognizer(EntityRecognizer):
    """Reports the tagger's other names and places as the engine's entity types."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=sorted(set(ENTITY_TYPES.values())), name=type(self).__name__
        )

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
                entity_type=ENTITY_TYPES[span.label_],
                start=span.start_char,
                end=span.end_char,
                score=SCORE,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for span in doc.ents
            if ENTITY_TYPES.get(span.label_) in entities
        ]
