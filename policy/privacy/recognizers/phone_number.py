"""PHONE_NUMBER: phone and fax numbers, found by Presidio's recognizer (Google's phonenumbers).

Patterns: every format phonenumbers accepts for the default regions (``(555) 384-2291``,
``555-290-7712``, ``+44 20 7946 0958``), and a local number after a word of calling (``text
Renee at 555-0163``). Context: phone, number, call, cell, mobile (Presidio's
words raise the score from 0.4); whose number it is (a patient's or the hospital's) is judged by
the engine. Drafts without a run of seven digits skip the costly parser entirely.
"""

from __future__ import annotations

import re

from presidio_analyzer import AnalysisExplanation, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

_DIGIT_RUN = re.compile(r"\d(?:[\s().+-]{0,3}\d){6,}")
# A local number without its area code ("text his sister Renee at 555-0163"), which the parser
# does not take for a phone number; only after a word of calling, so "Form 555-0163" is none.
_LOCAL_NUMBER = re.compile(
    r"(?i)\b(?:call|text|phone|ring|reach|cell|mobile|tel|at|on)\W{1,3}(\d{3}[-.]\d{4})(?![\w-])"
)
_LOCAL_SCORE = 0.4


class PhoneNumberRecognizer(PhoneRecognizer):
    """Presidio's phone recognizer, skipped for drafts that hold no phone-length digit run."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None or _DIGIT_RUN.search(text) is None:
            return []
        found = super().analyze(text, entities, nlp_artifacts)
        for local in _LOCAL_NUMBER.finditer(text):
            start, end = local.span(1)
            if not any(result.start < end and start < result.end for result in found):
                found.append(
                    RecognizerResult(
                        self.supported_entities[0],
                        start,
                        end,
                        _LOCAL_SCORE,
                        # Presidio's context words raise the score of this result too.
                        analysis_explanation=AnalysisExplanation(
                            type(self).__name__, _LOCAL_SCORE, textual_explanation="local number"
                        ),
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return found
