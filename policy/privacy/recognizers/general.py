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

from policy.privacy.recognizers.tagged import TaggerSpanRecognizer
from policy.privacy.tagger import OTHER_PERSON, PLACE

# The tagger's labels for other names and places, as the engine's entity types.
ENTITY_TYPES = {OTHER_PERSON: "PERSON", PLACE: "IDENTIFYING_DETAILS"}


class GeneralEntityRecognizer(TaggerSpanRecognizer):
    """Reports the tagger's other names and places as the engine's entity types."""

    def __init__(self) -> None:
        super().__init__(ENTITY_TYPES, score=0.6)
