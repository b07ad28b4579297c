"""IDENTIFYING_DETAILS: details that point at one patient (hometown + vehicle, a named school).

Patterns: a hometown phrase (``A Millbrook man``, ``the Oakdale woman``, ``A Cedar Falls teen``),
a described vehicle (``red Ford F-150``, ``blue Kawasaki motorcycle``, ``white Toyota Camry``)
and a named school (``Lincoln High``, ``Westfield High School``, ``Oak Ridge Middle School``).
Context (required): the post must tell of someone's care (recovering, surgery, ICU, radiation).
A named school then counts when the post tells of an incident (crash, collision, collapse,
injury) or is about one person (his, her); a vehicle described by colour or model (``blue Honda
Civic``, ``silver 2017 Subaru Outback``) only with an incident; a hometown only with such a
vehicle. Each narrows the patient down to the few people who know them or saw it. Score 0.7.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from policy.privacy.cues import INSTITUTION_WORDS
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
    r"|injur\w*|fell|fall|accident|overdose\w*|burning|fire|tore|torn|broke|broken"
    r"|fractur\w*)\b"
)
_CARE = re.compile(
    r"(?i)\b(?:recovering|recovery|surgery|condition|[nmsp]?icu|trauma|treated|cared\s+for"
    r"|admitted|critical|stable|airlifted|rehab|therapy|radiation|chemo\w*|came\s+in"
    r"|brought\s+in)\b"
)
# Someone in particular: a school in a story about "his classmates" points at one child.
_ONE_PERSON = re.compile(r"(?i)\b(?:his|her|he|she)\b")
# A vehicle told apart from others by its colour, year or model, not just its make.
_DESCRIBED = re.compile(
    rf"(?i)\b(?:{_COLOURS}|(?:19|20)\d\d)\b|\b(?:{_MAKES})\s+(?P<model>[A-Z0-9][\w-]*)"
)
_SCHOOL = CuePattern(
    "school",
    re.compile(
        r"\b(?:(?!(?:The|A|An|Our|Their|His|Her|At)\b)[A-Z][a-z]+\.?\s+){1,3}(?:High|Middle|Elementary|Junior\s+High|Academy)"
        r"(?:\s+School)?\b"
    ),
    0.7,
)


def _described(text: str, vehicle: RecognizerResult) -> bool:
    """A colour, a year or a model name, not a make alone or a "Ford Foundation"."""
    found = _DESCRIBED.search(text, vehicle.start, vehicle.end)
    model = found and found.group("model")
    return bool(found) and not (model and model.lower() in INSTITUTION_WORDS)


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
                rf"\b(?:(?:{_COLOURS})\s+)?(?:(?:19|20)\d\d\s+)?(?:{_MAKES})(?:\s+[A-Z0-9][\w-]*)?"
                rf"(?:\s+(?:{_KINDS}))?\b|\b(?:{_COLOURS})\s+(?:{_KINDS})\b"
            ),
            0.7,
        ),
    )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if not _CARE.search(text):
            return []
        incident = _INCIDENT.search(text) is not None
        schools = self.matches(text, _SCHOOL) if incident or _ONE_PERSON.search(text) else []
        if not incident:
            return schools
        hometowns, vehicles = (self.matches(text, pattern) for pattern in self.PATTERNS)
        described = [v for v in vehicles if _described(text, v)]
        return (hometowns + vehicles if hometowns and vehicles else described) + schools
