"""PHONE_NUMBER: phone and fax numbers, found by Presidio's recognizer (Google's phonenumbers).

Patterns: every format phonenumbers accepts for the default regions (``(555) 384-2291``,
``555-290-7712``, ``+44 20 7946 0958``). Context: phone, number, call, cell, mobile (Presidio's
words raise the score from 0.4); whose number it is (a patient's or the hospital's) is judged by
the engine. Drafts without a run of seven digits skip the costly parser entirely.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

_DIGIT_RUN = re.compile(r"\d(?:[\s().+-]{0,3}\d){6,}")


class PhoneNumberRecognizer(PhoneRecognizer):
    """Presidio's phone recognizer, skipped for drafts that hold no phone-length digit run."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None or _DIGIT_RUN.search(text) is None:
            return []
        return super().analyze(text, entities, nlp_artifacts)
