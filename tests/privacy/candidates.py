"""Presidio results made by hand for tests of the judgement and the confidence model."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult


def candidate(
    text: str, words: str, recognizer: str, entity_type: str = "PERSON"
) -> RecognizerResult:
    """A result on the first occurrence of ``words`` in ``text``, as ``recognizer`` found it."""
    start = text.index(words)
    return RecognizerResult(
        entity_type,
        start,
        start + len(words),
        0.65,
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer},
    )
