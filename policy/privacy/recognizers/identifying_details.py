"""IDENTIFYING_DETAILS: details that point at one patient (hometown + vehicle, a named school).

Patterns: a hometown phrase (``A Millbrook man``, ``the Oakdale woman``, ``A Cedar Falls teen``),
a described vehicle (``red Ford F-150``, ``blue Kawasaki motorcycle``, ``white Toyota Camry``)
and a named school (``Lincoln High``, ``Westfield High School``, ``Oak Ridge Middle School``).
Context (required): the post must tell of an incident (crash, collision, collapse, injury) and
of the person's care (recovering, surgery, ICU). Hometown and vehicle count only together,
since either alone is ordinary news; a named school counts on its own, because it narrows a
patient down to a few hundred people. Score 0.7.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from policy.privacy.recognizers.base import CuePattern, RegexRecognizer

_COLOURS = r"red|blue|white|black|silver|gr[ae]y|green|yellow|orange|gold|maroon|tan|brown"
_MAKES = (
    r"Ford|Toyota|Honda|Chevy|Chevrolet|Kawasaki|Harley(?:-Davidson)?|Nissan|Jeep|Dodge|Ram"
    r"|Subaru|Tesla|BMW|Hyundai|Kia|Yamaha|Mazda|GMC|Volkswagen|VW|Audi|Mercedes|Suzuki|Ducati"
)
_KINDS = r"truck|pickup|motorcycle|motorbike|car|SUV|van|sedan|minivan|scooter|semi"
_PEOPLE = (
    r"man|woman|teen|teenager|boy|girl|resident|couple|family|driver|motorcyclist|cyclist"
    r"|student|mother|father|grandmother|grandfather"
)
_INCIDENT = re.compile(
    r"(?i)\b(?:crash\w*|roll(?:ed)?\s+over|collision|collided|wreck|hit|struck|collaps\w*"
    r"|injur\w*|fell|fall|accident|overdose\w*)\b"
)
_CARE = re.compile(
    r"(?i)\b(?:recovering|recovery|surgery|condition|icu|trauma|treated|cared\s+for|admitted"
    r"|critical|stable)\b"
)
_SCHOOL = CuePattern(
    "school",
    re.compile(
        r"\b(?:(?!(?:The|A|An|Our|Their|His|Her|At)\b)[A-Z][a-z]+\.?\s+){1,3}(?:High|Middle|Elementary|Junior\s+High|Academy)"
        r"(?:\s+School)?\b"
    ),
    0.7,
)


class IdentifyingDetailsRecognizer(RegexRecognizer):
    """Finds hometown and vehicle details that identify a patient together."""

    ENTITY = "IDENTIFYING_DETAILS"
    PATTERNS = (
        CuePattern(
            "hometown",
            re.compile(
                rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<town>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:{_PEOPLE})\b"
            ),
            0.7,
            "town",
        ),
        CuePattern(
            "vehicle",
            re.compile(
                rf"\b(?:(?:{_COLOURS})\s+)?(?:{_MAKES})(?:\s+[A-Z0-9][\w-]*)?(?:\s+(?:{_KINDS}))?\b"
                rf"|\b(?:{_COLOURS})\s+(?:{_KINDS})\b"
            ),
            0.7,
        ),
    )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if not (_INCIDENT.search(text) and _CARE.search(text)):
            return []
        found = [self.matches(text, pattern) for pattern in self.PATTERNS]
        details = [result for results in found for result in results] if all(found) else []
        return details + self.matches(text, _SCHOOL)
