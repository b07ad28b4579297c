"""IDENTIFYING_DETAILS: details that point at one patient (hometown + vehicle, a named school).

Patterns: a hometown phrase (``A Millbrook man``, ``the Oakdale woman``, ``A Cedar Falls teen``),
a described vehicle (``red Ford F-150``, ``blue Kawasaki motorcycle``, ``white Toyota Camry``),
a named school (``Lincoln High``, ``Westfield High School``, ``Oak Ridge Middle School``, in
lower case after "from", "at" or "his": ``from westfield high``), a workplace (``a line cook at
Harbor Street Diner``, ``the Amtrak conductor``), a team named with its player (``goalie for the
Spruce Grove Saints U16``, ``the Central Valley Cougars point guard``), the town where an
incident happened (``the grain bin accident outside Wahoo``), a hometown the way the news
gives it (``Tyler Brooks, 19, of Reporoa``) and a family's (``proud parents Tia and Josh of
Ngongotahā``, ``the Begay family drove 90 minutes from Tohatchi``), a mark on the body (``a
tattoo of a compass on his left forearm``).
Context: the post must tell of someone's care (recovering, surgery, ICU, radiation, a stroke,
flown in, a get-well wish), except for a family's hometown and a mark on the body, which need
nothing more (birth announcements tell of no care). A named school, a workplace or a team then
counts when the post tells of an incident (crash, collision, collapse, injury) or is about one
person (his, her); a vehicle described by colour or model (``blue Honda Civic``, ``silver 2017
Subaru Outback``), the incident's town and the news hometown only with an incident; a hometown
phrase only with such a vehicle. Each narrows the patient down to the few people who know them
or saw it. Score 0.7.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from policy.privacy.cues import INSTITUTION_WORDS, vocabulary
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
    r"(?i)\b(?:crash\w*|roll(?:ed)?\s*over|collision|collided|wreck|hit|struck|collaps\w*"
    r"|injur\w*|fell|fall|accident|overdose\w*|burning|fire|tore|torn|broke|broken"
    r"|fractur\w*|hurt|rushed)\b"
)
_CARE = re.compile(
    r"(?i)\b(?:recovering|recovery|surgery|condition|[a-z]{0,3}icu|trauma|treated|cared\s+for"
    r"|admitted|critical|stable|airlifted|rehab|therapy|radiation|chemo\w*|came\s+in"
    r"|brought\s+in|peds|get[\s-]well|discharged|ran\s+a\s+code|cpr|a&e|procedure|patient"
    r"|flown|stroke|heart\s+attack|cardiac\s+arrest|ortho\w*|spinal\s+unit)\b"
)
# Someone in particular: a school in a story about "his classmates" points at one child.
_ONE_PERSON = re.compile(r"(?i)\b(?:his|her|he|she)\b")
# Jobs that, with the employer's name, point at one worker: "a line cook at Harbor Street Diner".
_JOBS = (
    r"cook|line\s+cook|chef|conductor|driver|bus\s+driver|mechanic|cashier|server|waitress"
    r"|waiter|bartender|roofer|electrician|carpenter|plumber|welder|farmer|firefighter|officer"
    r"|teacher|schoolteacher|janitor|clerk|lineman|worker|employee|owner|operator|pilot|sergeant"
    r"|soldier|miner|trucker|engineer|technician|accountant|librarian"
)
_WORKPLACE = CuePattern(
    "workplace",
    re.compile(
        rf"\b(?:{_JOBS})\s+(?:at|from|for|with|of|in)\s+(?:the\s+)?"
        rf"(?P<place>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){{0,3}})"
        rf"|\b(?!(?:The|A|An|Our|Their|His|Her|This|That|Every|Each|Local|Junior|Senior|Retired"
        rf"|Former|Head|Lead|Chief)\b)"
        rf"(?P<employer>[A-Z][a-zA-Z&]*(?:\s+[A-Z][a-zA-Z&]*)?)\s+(?:{_JOBS})\b"
    ),
    0.7,
)
_YEAR = r"(?:(?:19|20)\d\d|['’]\d\d)"
# A town's name, the same in every pattern: up to three capitalised words, with accents, hyphens
# and apostrophes ("Te Kōwhai Valley", "Ngongotahā", "Wilkes-Barre"), never an acronym ("home
# from SCBU").
_TOWN = r"(?P<town>[A-Z][a-zà-öø-ÿā-ž'’-]+(?:\s+[A-Z][a-zà-öø-ÿā-ž'’-]+){0,2})"
# Capitalised words after "crash on" that are not towns.
_NOT_TOWNS = vocabulary(
    """Route Highway Interstate I Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December"""
)
# Where an incident happened, by town: "the grain bin accident outside Wahoo".
_INCIDENT_PLACE = CuePattern(
    "incident place",
    re.compile(
        r"\b(?:crash|accident|rollover|collision|fire|explosion|wreck)\s+(?:[\w-]+\s+){0,4}?"
        rf"(?:outside|near|in|on)\s+(?!(?:our|the|a|an|{'|'.join(sorted(_NOT_TOWNS))})\b)"
        rf"{_TOWN}"
    ),
    0.7,
    "town",
)
# A vehicle told apart from others by its colour, year or model, not just its make.
_DESCRIBED = re.compile(
    rf"(?i)\b(?:{_COLOURS}|(?:19|20)\d\d)\b|\b(?:{_MAKES})\s+(?P<model>[A-Z0-9][\w-]*)"
)
_SCHOOL = CuePattern(
    "school",
    re.compile(
        r"\b(?:(?!(?:The|A|An|Our|Their|His|Her|At)\b)[A-Z][a-z]+(?:['’]s)?\.?\s+){1,3}"
        r"(?:High|Middle|Elementary|Junior\s+High|Academy|Primary|Secondary"
        r"|(?<!Medical\s)(?<!Nursing\s)(?<!Dental\s)(?<!Graduate\s)School)"
        # not a college of a profession ("the American Academy of Orthotists")
        r"(?:\s+School)?\b(?!\s+of\b)"
    ),
    0.7,
)

# Typed in a hurry: "deshawn from westfield high", "his lincoln middle school hoopers".
_LOWER_SCHOOL = CuePattern(
    "lower-case school",
    re.compile(
        r"\b(?:from|at|of|his|her|their)\s+(?P<school>(?!(?:the|a|an|our|my|junior|senior|high"
        r"|middle|medical|nursing|grad|summer|night)\b)[a-z]+(?:\s+[a-z]+)?\s+"
        r"(?:high|middle|elementary|academy)(?:\s+school)?)\b"
    ),
    0.7,
    "school",
    # its name's words are no stop words: not "plenty of snow up high"
    lambda text, start, end: not STOP_WORDS.intersection(text[start:end].split()[:-1]),
)

# A player's position or part on a team, which ties the team to that one player.
_PLAYERS = (
    r"goalie|goalkeeper|keeper|point\s+guard|shooting\s+guard|forward|centre|center|linebacker"
    r"|quarterback|receiver|running\s+back|setter|libero|pitcher|catcher|shortstop|striker"
    r"|midfielder|defender|defenseman|defenceman|winger|captain|player|wrestler|swimmer"
    r"|cheerleader|QB|goaltender|flyhalf|fly-half|fullback|outfielder|batter|bowler|rower|paddler"
    r"|coach|crew|reserve\s+grade"
)
# A team's name ends in a plural ("the Spruce Grove Saints U16", "the Lady Wildcats").
_TEAM_NAME = (
    r"(?P<team>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][a-z]+s"
    r"(?:\s+(?:U-?\d{1,2}|\d{1,2}U|JV|Varsity))?)\b"
)
# A team with one of its players: "goalie for the Spruce Grove Saints U16", "his first game
# back with the Avon Orioles 8U", "the Central Valley Cougars point guard".
_TEAMS = (
    CuePattern(
        "team after its player",
        re.compile(
            rf"\b(?:(?:{_PLAYERS})\s+(?:for|with|on|of)|(?:game|season|practice)\s+"
            rf"(?:back\s+)?(?:with|for))\s+the\s+{_TEAM_NAME}"
        ),
        0.7,
        "team",
    ),
    CuePattern(
        "team before its player",
        re.compile(rf"\bthe\s+{_TEAM_NAME}(?=\s+(?:starting\s+)?(?:{_PLAYERS})\b)"),
        0.7,
        "team",
    ),
)
# A hometown the way the news gives it, after a name and an age: "Tyler Brooks, 19, of Reporoa".
_NEWS_HOMETOWN = CuePattern(
    "news hometown",
    re.compile(
        r"\b[A-Z][\w'’-]+,\s+\d{1,3},\s+(?:of|from)\s+"
        rf"{_TOWN}"
    ),
    0.7,
    "town",
)

# A family's hometown: "proud parents Tia and Josh of Ngongotahā", "Twins Priya and Anjali from
# Fishers", "the Begay family drove 90 minutes from Tohatchi", "the Thompson family of Cedar
# Falls" (not "the family of Yusuf Demir", whose name that is).
_FAMILY_HOMETOWNS = (
    CuePattern(
        "parents' hometown",
        re.compile(
            r"\b(?:(?i:parents)|(?i:mum|mom)\s+and\s+dad|[Tt]wins)\b[^.!?\n]{0,50}?\b(?:of|from)\s+"
            rf"(?!(?:The|Our|St)\b){_TOWN}"
        ),
        0.7,
        "town",
    ),
    CuePattern(
        "family's hometown",
        re.compile(
            r"\b(?:(?!(?:The|A|An|Our|His|Her|Their|This|That|Whole)\b)[A-Z][a-z]+\s+family\s+"
            r"(?:of|from)|family\s+(?:drove|drives|flew|flies|came"
            r"|travell?ed|travels)(?:\s+[\w-]+){0,3}?\s+from)\s+"
            rf"(?!(?:The|Our|St)\b){_TOWN}"
        ),
        0.7,
        "town",
    ),
)


def _ours(text: str, result: RecognizerResult) -> bool:
    """Whether a matched workplace is the hospital itself ("a nurse at our Heart Center")."""
    return (
        re.search(r"(?i)\b(?:our|we)\b", text[max(0, result.start - 20) : result.start]) is not None
    )


def _described(text: str, vehicle: RecognizerResult) -> bool:
    """A colour, a year or a model name, not a make alone or a "Ford Foundation"."""
    found = _DESCRIBED.search(text, vehicle.start, vehicle.end)
    model = found and found.group("model")
    return bool(found) and not (model and model.lower() in INSTITUTION_WORDS)


# A mark on someone's body, as an appeal to identify a patient describes it: "a small rose tattoo
# on her left wrist", "a tattoo of a compass on his left forearm", "a scar on his left eyebrow".
# It points at one person whatever else the post says.
_BODY_MARK = CuePattern(
    "mark on the body",
    re.compile(
        r"(?i)\ban?\s+(?P<mark>(?:[\w.'’-]+\s+){0,3}?(?:tattoo|scar|birthmark)"
        r"(?:\s+of\s+an?\s+[\w'’-]+)?\s+on\s+(?:her|his|their)\s+"
        r"(?:(?:left|right|upper|lower|inner|outer)\s+)*[a-z]+)"
    ),
    0.7,
    "mark",
)


class IdentifyingDetailsRecognizer(RegexRecognizer):
    """Finds hometown and vehicle details that identify a patient together."""

    ENTITY = "IDENTIFYING_DETAILS"
    PATTERNS = (
        CuePattern(
            "hometown",
            re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s+{_TOWN}\s+(?:{_PEOPLE})\b"),
            0.7,
            "town",
        ),
        CuePattern(
            "vehicle",
            re.compile(
                rf"\b(?:(?:{_COLOURS})\s+)?(?:{_YEAR}\s+)?(?:{_MAKES})(?:\s+[A-Z0-9][\w-]*)?"
                rf"(?:\s+(?:{_KINDS}))?\b|\b(?:{_COLOURS})\s+(?:{_KINDS})\b"
                rf"|\b(?:{_COLOURS})\s+(?:{_YEAR}\s+)?[A-Z]{{1,3}}-?\d{{2,4}}\b"
            ),
            0.7,
        ),
    )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        # A family's hometown points at their child or relative with or without a word of care
        # (birth announcements say none), and a mark on the body at its bearer.
        family_towns = [
            town for pattern in _FAMILY_HOMETOWNS for town in self.matches(text, pattern)
        ] + self.matches(text, _BODY_MARK)
        if not _CARE.search(text):
            return family_towns
        incident = _INCIDENT.search(text) is not None
        about_someone = []
        if incident or _ONE_PERSON.search(text):
            about_someone = (
                self.matches(text, _SCHOOL)
                + self.matches(text, _LOWER_SCHOOL)
                + [team for pattern in _TEAMS for team in self.matches(text, pattern)]
                + [place for place in self.matches(text, _WORKPLACE) if not _ours(text, place)]
            )
        if not incident:
            return family_towns + about_someone
        hometowns, vehicles = (self.matches(text, pattern) for pattern in self.PATTERNS)
        described = [v for v in vehicles if _described(text, v)]
        details = hometowns + vehicles if hometowns and vehicles else described
        places = self.matches(text, _INCIDENT_PLACE) + self.matches(text, _NEWS_HOMETOWN)
        return details + family_towns + about_someone + places
