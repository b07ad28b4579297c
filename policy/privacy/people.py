"""Whether a name is a patient's, or staff's, an official's, a donor's or no person's at all.

``person_verdict`` reads the words around one name candidate and answers ``patient``,
``public``, ``institution`` or ``not-a-person``; the helpers read titles, roles and lists, staff
news, visits and gifts, buildings named after people and stories from long ago. ``tidied``
cleans the statistical models' spans before that.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from policy.privacy.cues import (
    CARE_WORDS,
    CREDENTIALS,
    FAMILY_ELDERS,
    HIRAGANA,
    INSTITUTION_WORDS,
    KINSHIP,
    NOT_NAME_WORDS,
    PUBLIC_APPEARANCES,
    PUBLIC_FIGURES,
    PUBLIC_TITLES,
    RANK_WORDS,
    RANKS,
    RECEIVED_AN_ORGAN,
    ROLE_WORDS,
    STAFF_EVENTS,
    STREET_SUFFIXES,
    TITLES_IN_A_NAME,
    WORD,
    WORD_END,
    clause_around,
    departments_as_offices,
    historical,
    next_sentence_end,
    sentence_around,
    set_before_1900,
    vocabulary,
    words_after,
    words_before,
)
from policy.privacy.recognizers.general import GeneralEntityRecognizer
from policy.privacy.recognizers.known_name import census_surnames, is_given_name
from policy.privacy.recognizers.patient_name import (
    JAPANESE_COMMON_NOUNS,
    KANJI_KATAKANA,
    is_support_hashtag,
    names_a_patient_service,
)
from policy.privacy.recognizers.tagged import TaggedIdentifierRecognizer

_CREDENTIAL_AFTER = re.compile(r"^\s*,\s*([A-Za-z-]{2,8})\b")
# What a doctor's name is given to: a procedure, a test or an illness ("his Glenn procedure",
# "the Ross-Konno operation", "Parkinson's disease", "Wilms tumour"); not "Jake's surgery".
_EPONYM_AFTER = re.compile(
    r"(?i)\s+(?:procedure|operation|repair|shunt|technique|mano?euvre|maneuver|reflex|test"
    r"|classification)s?\b(?!-)"
    r"|(?:['’]s?)?\s+(?:syndrome|disease|tumou?r|palsy|sarcoma|lymphoma|muscular\s+dystrophy"
    r"|ataxia|anomaly)\b"
)
# Title words may be abbreviated or glued to the name by the tagger ("Dr. Raman").
_ACRONYM = re.compile(r"[A-Z0-9&.\- ]{2,7}")
_COORDINATED_BEFORE = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:and|&)\s+$")
_COORDINATED_AFTER = re.compile(r"\s+(?:and|&)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
COURTESY_TITLES = vocabulary(
    """mr mrs ms miss mx mdm madam encik puan cik ibu bapak pak khun thiru tmt srimathi smt shri
    alhaji alhaja hajia hajiya mallam ato"""
)
# Words of respect written after a name or a family word ("Sharma ji", "Dadi jaan").
_RESPECT_AFTER_A_NAME = vocabulary("ji jaan")
# Words that alone make a title, not a name ("Merry Christmas, Trooper", "the General", "Fire
# Captain", "Master Sgt."): ranks spelled out, besides the roles, titles and abbreviated ranks
# (not "Col", which is also Colin's name: "we'll miss you Col!").
TITLE_ONLY_WORDS = (
    ROLE_WORDS
    | PUBLIC_TITLES
    | RANKS
    | COURTESY_TITLES
    | vocabulary(
        """sergeant trooper detective general brigadier captain colonel lieutenant corporal
        admiral commander fire master gunnery petty"""
    )
)
# A title the span opens with, in any language: "Docteur Zinzin", "Suor Angela", "Schwester Ingrid".
_LEADING_TITLE = re.compile(
    rf"^(?:{'|'.join(sorted(TITLES_IN_A_NAME))}){WORD_END}\.?\s", re.IGNORECASE
)


# Whose family a post writes to or about, with the titles before the name: "the family of the
# Rev. Dr. Clarence Abbott", "To the family of Brigadier General Howard Lyle (ret.)".
_FAMILY_OF = re.compile(r"\b[Ff]amily\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\.?\s+){0,3}$")


def person_verdict(
    text: str,
    result: RecognizerResult,
    public_words: set[str],
    public_spans: list[tuple[int, int]] = [],  # noqa: B006 (read only)
    named_after: frozenset[str] = frozenset(),
) -> str:
    """``patient``, ``public`` (staff, official, donor), ``institution`` or ``not-a-person``."""
    start, end = result.start, result.end
    span = text[start:end]
    words = [word.lower() for word in WORD.findall(span)]
    if not words or _ACRONYM.fullmatch(span) or any(char.isdigit() for char in span):
        return "not-a-person"  # NICU, BE FAST, "Después de 42" (scripts without case pass)
    if re.fullmatch(r"I(?:['’](?:ve|m|d|ll))?", span):
        return "not-a-person"  # "the best patient I've ever had"
    if re.match(r"['’]s\s+(?:Day|Eve)\b", text[end:]) or (
        span == "Valentine" and re.match(r"['’]s\b", text[end:])
    ):
        return "not-a-person"  # Valentine's Day, Mother's Day, "Our first Valentine's baby"
    if _EPONYM_AFTER.match(text, end):
        return "not-a-person"  # the Glenn procedure, Parkinson's disease, a Wilms tumour
    if any(word in NOT_NAME_WORDS for word in words):
        return "not-a-person"  # "Cancer Center", "Pulmonary Rehab"
    if all(word in TITLE_ONLY_WORDS for word in words) or all(
        word in KINSHIP | FAMILY_ELDERS | _RESPECT_AFTER_A_NAME for word in words
    ):
        return "not-a-person"  # "Volunteer spotlight", "📸 Nurse manager", "Mdm", "Dadi ji"
    if _korean_phrase(span):
        return "not-a-person"  # "가족들과 미역국을 드셨어요": a clause, not a name
    if _SAINT.match(span):
        return "not-a-person"  # "St John", "Santa Rosa": a saint's name is an institution's
    if _SAINT_BEFORE.search(text, 0, start):
        return "not-a-person"  # St. Brigid Fall Fun Run: a saint's name is an institution's
    if _a_named_ward(text, start):
        return "institution"  # "Ward Teilo", "Uned Gofal Dwys", "Canolfan Geni": a ward's name
    if _FOUNDATION_BEFORE.search(text, max(0, start - 40), start):
        return "institution"  # "Fundação Família Andrade", "Hay'adda Qoyska Nuur": a foundation
    if _STREET_BEFORE.search(text, max(0, start - 20), start):
        return "institution"  # "12 rue Jean-Jaurès", "вул. Шевченка": a street named for someone
    if _STREET_AFTER.match(text, end):
        return "institution"  # "the Martin Luther King Jr. Blvd entrance"
    if _AUTHOR_BEFORE.search(text, max(0, start - 10), start) or _QUOTED_AFTER.match(text, end):
        return "public"  # '"The Invisible String" by Patrice Karst', "Muhammad Ali once said"
    if (
        len(words) == 1
        and from_a_model(result)
        and re.search(r"\b(?:[Tt]he|[Aa]n?)\s+$", text[:start])
        and not _FAMILY_AFTER.match(text, end)
    ):
        return "not-a-person"  # "the Keurig", "the Lakeshore UMC team", not "the Alvarez twins"
    if from_a_model(result) and _A_MAKE_BEFORE.search(text, max(0, start - 30), start):
        return "not-a-person"  # "on a John Deere and a Case IH": a make, not a person
    if _CHARACTER.fullmatch(span) or (len(words) == 1 and _EPITHET_AFTER.match(text, end)):
        return "not-a-person"  # Spider-Man; Hank the Cowdog, Bob the Builder
    if start > 0 and text[start - 1] == "#" and not is_support_hashtag(text, start, end):
        return "not-a-person"  # a model reads CamelCase hashtags (#NursesWeek) as names
    if (
        len(words) == 1
        and from_a_model(result)
        and at_sentence_start(text, start)
        and text[start].isupper()
        and not is_given_name(words[0])
        and not _TOLD_AS_A_PERSON.match(text, end)
    ):
        # A capital letter opening a sentence says nothing, and the small model often takes the
        # first word for a name there ("Info session", "Lesson from our privacy office"). Scripts
        # without capitals (김순자, 王小明) never mislead it so.
        return "not-a-person"
    if span.islower() and _in_a_roll_call(text, start, end):
        return "public"  # "ty to tanya, emeka, and rico for every cast": a team named in a hurry
    if institution_after(text, end) or any(word in _INSTITUTION_AFTER_NAME for word in words):
        return "institution"  # the Tranh & Mai Pham Pavilion, Riverside Memorial, the Riverside app
    name_start = _name_start(text, start)
    before = _without_a_rank(
        words_before(departments_as_offices(text), name_start, 4)  # "Patient Experience Manager"
    )
    if (
        ("patient" in before[-3:] or "patient's" in before[-3:])
        and not names_a_patient_service(text, start)
        and not _PATIENT_JOB_BEFORE.search(text, max(0, name_start - 40), name_start)
    ):
        return "patient"
    if re.search(
        r"(?<![Hh]is )(?<![Hh]er )(?<![Mm]y )\b(?:Sister|Brother|Father|Mother)\s+$",
        text[:name_start],
    ):
        return "public"  # Sister Mary Agnes Kelleher: a religious title, not a relative
    if before and before[-1] in KINSHIP:
        return "patient"
    if len(words) > 1 and words[0] in FAMILY_ELDERS and not (before and _is_role(before[-1])):
        return "patient"  # "Grandma Chen", "Lolo Ernesto" (not "our nurse Nana Osei")
    if (
        before
        and before[-1].removesuffix("s") in _CARE_HOME_PEOPLE
        and (_AGE_RIGHT_AFTER.match(text, end) or _HOMES.intersection(before[-2:-1]))
        and not _LEADING_TITLE.match(span)
    ):
        # "Resident Dolores Ybarra, 103", "our oldest resident, Leona Burkhalter", "Wilga House
        # resident Iris Goodwin", "long-term care residents Harry and Joan"
        return "patient"
    if _names_a_group(text, end):
        return "institution"  # "Northshore Sharks wingers", "Mercy nurses": a team's, a unit's
    if _FAMILY_OF.search(text, max(0, name_start - 60), name_start):
        return "patient"  # "the family of Judge Corinne Mabry": a title says nothing of them
    if _LEADING_TITLE.match(span) or (before and before[-1] in PUBLIC_TITLES):
        return "public"
    if len(words) > 1 and any(_is_role(word) or word in PUBLIC_TITLES for word in words[:-1]):
        return "public"  # the tagger kept the role in the name: "RT Danny", "Charge Nurse Kwame"
    credential = _CREDENTIAL_AFTER.match(text[end:])
    if credential and credential.group(1).lower() in CREDENTIALS:
        return "public"
    if _JAPANESE_ROLE_BEFORE.search(text, 0, start) or (
        text.startswith("先生", end) and HIRAGANA.search(text)
    ):
        # "看護師の吉田さん", "代表取締役の山本 健二さま", and in Japanese "石田先生" (in Chinese
        # 先生 is only "Mr.": "陈伟先生")
        return "public"
    if _department_in_brackets(text, end):
        return "public"  # "Tuan Nguyen (Pharmacy)", "Maria Kostopoulos (Operating Theatres)"
    if any(_is_role(word) for word in before[-2:]):
        return "public"  # "CEO Michael Grant", "cardiac nurse Lauren Pike", "preceptors Lauren"
    if any(_is_figure(word) for word in before[-2:]) and not _in_care(text, start, end):
        return "public"  # "goalkeeper Tanner Brooks", but not "Coach Ramsey, recovering in our ICU"
    if _appositive_role(text, end) or _staff_event(text, start, end):
        return "public"
    if _public_appearance(text, start, end) or historical(text, start, end):
        return "public"
    name_words = [word for word in words if word not in COURTESY_TITLES]
    if name_words and all(word in public_words for word in name_words):
        return "public"  # a later mention of someone already named as staff
    coordinated = _COORDINATED_AFTER.match(text, end)
    surname = WORD.findall(coordinated.group())[-1].lower() if coordinated else words[-1]
    if surname in named_after and not _in_care(text, start, end):
        return "public"  # "Daniel and Ruth Rosenberg" of the Rosenberg Family Foundation
    if any(_LIST_SEPARATOR.fullmatch(text[other_end:name_start]) for _, other_end in public_spans):
        return "public"  # the next name in a list of staff: "nurses Lupita, Rosa and Carmen"
    list_start = _list_start(text, name_start)
    opened = text[list_start : list_start + 1] in ("—", "–", ":", "-")
    list_before = _without_home_residents(
        _without_a_rank(words_before(text, list_start, 6 if opened else 2))
    )
    if any(_is_role(word) or word in PUBLIC_TITLES for word in list_before):
        return "public"  # "Our night crew — Keisha, Bao and Dmitri", "charge nurses: Keisha"
    if any(_is_figure(word) for word in list_before) and not _in_care(text, start, end):
        return "public"  # the second of "Sharks wingers Taniela Fifita and Josh Carmody"
    return "patient"


# Capitalised words in brackets right after a name: "(Food Services)", "(Lead Technician)".
_BRACKETED_AFTER = re.compile(r"\s*\(([A-Z][\w'’-]*(?:\s+(?:&\s+)?[A-Z][\w'’-]*){0,3})\)")
# Departments the hospital's own words do not already name.
_DEPARTMENTS = NOT_NAME_WORDS | vocabulary(
    """theatres theatre pathology estates facilities portering catering comms communications
    finance payroll admissions housekeeping dietetics physiotherapy security maintenance"""
)


# Three or more lower-case names in a row ("jin, farah, and tomás", "ana, luis, deshawn & mei"):
# informal posts list a team so; patients come one or two at a time, and a family's list follows
# its family word ("his whole fam (nico, paola & like 14 cousins)").
_LOWER_WORD = r"[a-zà-öø-ÿ][a-zà-öø-ÿ'’-]+"
_ROLL_CALL = re.compile(
    rf"{_LOWER_WORD}(?:,\s+{_LOWER_WORD}){{1,}},?\s+(?:and|&|\+)\s+{_LOWER_WORD}"
    rf"|{_LOWER_WORD}(?:,\s+{_LOWER_WORD}){{2,}}"
)
_FAMILY_BEFORE_A_LIST = re.compile(r"(?i)\b(?:fam|family|kids|grandkids|cousins|siblings)\W*$")


def _in_a_roll_call(text: str, start: int, end: int) -> bool:
    """Whether lower-case words are one of three or more given names listed together, not a
    family's."""
    line_start = text.rfind("\n", 0, start) + 1
    for listed in _ROLL_CALL.finditer(text, line_start):
        if listed.start() > start:
            break
        names = re.findall(_LOWER_WORD, re.sub(r"\b(?:and)\b", " ", listed.group()))
        if (
            listed.end() >= end
            and sum(is_given_name(name) for name in names) >= 2
            and not _FAMILY_BEFORE_A_LIST.search(text, max(0, listed.start() - 20), listed.start())
        ):
            return True
    return False


# A saint, in the posts' languages: "St John", "San Giuseppe", "Santa Rosa de Lima", "São João",
# "święty Mikołaj"; a saint's name is a parish's, a hospital's, a feast's or a place's.
_SAINT_WORD = (
    r"(?:St|Ste|Saint|Sainte|San|Santa|Santo|São|Sao|Sankt|[Śś]wi[ęe]t[ya]|[Śś]w)\.?\s+"
    r"|Sant['’]"
)
_SAINT = re.compile(rf"(?:{_SAINT_WORD})(?=[A-ZÀ-ÖØ-ÞŁŚŻŹĆ])")
_SAINT_BEFORE = re.compile(rf"\b(?:{_SAINT_WORD})$")


# Wards and units named after a saint or a place, as Welsh hospitals name them ("Ward Teilo",
# "Uned Gofal Dwys", "Canolfan Geni Tywi").
_NAMED_WARD = re.compile(r"(?:Ward|Uned|Canolfan)\s")
_NAMED_WARD_BEFORE = re.compile(r"\b(?:Ward|Uned|Canolfan)\s+$")


def _a_named_ward(text: str, start: int) -> bool:
    """Whether the words at ``start`` are a ward's name or follow its word ("Ward Teilo")."""
    return (
        _NAMED_WARD.match(text, start) is not None
        or _NAMED_WARD_BEFORE.search(text, max(0, start - 12), start) is not None
    )


# A foundation's word right before a family's name makes the name the foundation's, in the posts'
# languages ("Fundación Familia Hernández-Ochoa", "Fondasyon Fanmi Moïse", "Hay'adda Qoyska
# Nuur").
_FOUNDATION_BEFORE = re.compile(
    r"(?i)\b(?:foundation|fundaci[óo]n|funda[çc][ãa]o|fondasyon|fondation|fondazione|fundacj[ai]"
    r"|stiftung|hay['’]adda)\s+(?:(?:la|da|de|del|di|der|the|des)\s+)?$"
)

# A street named for someone, its word after the rest of the name ("the Martin Luther King Jr.
# Blvd entrance"), not a title before another name ("Dr. Patel", "St. Clair").
_STREET_AFTER = re.compile(
    rf"(?:\s+(?:[A-Z][a-z]+|Jr\.?|Sr\.?)){{0,3}}\s+(?:{STREET_SUFFIXES})\b\.?(?!\s+[A-Z][a-z])"
)
# The author of a book or a saying: '"The Invisible String" by Patrice Karst', "Muhammad Ali
# once said".
_AUTHOR_BEFORE = re.compile(r"[\"”]\s+by\s+$")
_QUOTED_AFTER = re.compile(r"\s+once\s+(?:said|wrote|asked)\b")
# Words for a street written before its name, in the posts' languages.
_STREET_BEFORE = re.compile(
    r"(?i)(?<!\w)(?:rue|avenue|av\.|boulevard|allée|impasse|quai|viale|piazza|calle|avenida"
    r"|rua|praça|travessa|ulica|ul\.|aleja|al\.|вул\.|вулиця|ул\.|улица|проспект|просп\.)\s+"
    r"(?:(?:de|du|des|la|le|del|di|da|do|dos)\s+)?$"
)

# Korean words that a name never is: ones that end as a verb or with a particle ("드셨어요",
# "감사합니다", "병동에서", "미역국을"; not a bare "다" or "요", which names end with too: "바다"),
# or longer than a name's four syllables unless a title or a family word is glued on
# ("최병규할아버지").
_HANGUL_WORD = re.compile(r"[\uac00-\ud7af]+")
_KOREAN_ENDINGS = re.compile(
    r"(?:어요|아요|해요|세요|니다|에서|을|를|으로|께서|들과|님께|분이|했던|였던|았던|었던)$"
)
_KOREAN_FAMILY_ENDINGS = re.compile(r"(?:할아버지|할머니|어르신|아버님|어머님|님|씨)$")


def _korean_phrase(span: str) -> bool:
    """Whether a span in Korean is a phrase rather than a name (two words at most, each a name's
    length and none ending as a verb or with a particle)."""
    words = _HANGUL_WORD.findall(span)
    if not words:
        return False
    return len(words) > 2 or any(
        _KOREAN_ENDINGS.search(word) or (len(word) > 4 and not _KOREAN_FAMILY_ENDINGS.search(word))
        for word in words
    )


# Japanese jobs right before a name, with "の" or "・" between ("保育士の浅野さん",
# "看護師長・佐々木 恵子さん"); Japanese writes no space for the word lists above to find.
_JAPANESE_ROLE_BEFORE = re.compile(
    r"(?:看護師長?|師長|医師|主治医|保育士|助産師|療法士|薬剤師|栄養士|技師|院長|部長|科長|社長"
    r"|代表取締役|職員|スタッフ|ボランティア|通訳|事務長?|ソーシャルワーカー)[のは・\s]?$"
)


def _department_in_brackets(text: str, end: int) -> bool:
    """Whether a department or job follows the name in brackets, as staff lists give them."""
    bracketed = _BRACKETED_AFTER.match(text, end)
    return bracketed is not None and any(
        word in _DEPARTMENTS or _is_role(word)
        for word in (found.lower() for found in WORD.findall(bracketed.group(1)))
    )


def beyond_dispute(text: str, result: RecognizerResult) -> bool:
    """Whether the rules' "not a patient" stands even against the patient tagger: a sentence set
    before 1900 ("On this day in 1847, Elizabeth Blackwell was admitted..."), service told of
    the name in its own clause ("Robert Henderson, who served on our Board of Directors") or a
    ward's name ("on Ward Cilgerran")."""
    return (
        set_before_1900(text, result.start, result.end)
        or _WHO_SERVED.match(text, result.end) is not None
        or _a_named_ward(text, result.start)
    )


# What follows a person and no other opening word: a verb with them as its subject ("Zainab
# was 95 when she came to us", "Seun asked us to share"), their age ("Sinéad (8)", "Aiden, 7,")
# an honorific ("Ramprasad ji"), or words to them ("Kofi, so glad you're home").
_TOLD_AS_A_PERSON = re.compile(
    r"\s+(?:was|has|had|says|said|spent|went|got|turned|turns|came|comes|loves|wants|just"
    r"|finally|asked|arrived|heads|picked|ji)\b"
    r"|\s+\(\d{1,3}\)|,\s+(?:age\s+)?\d{1,3},"
    r"|,\s+(?:thank|thanks|so|your|you|we)\b"
)
# Those a care home or veterans' home looks after: named with their age, or as the oldest, they
# are the home's patients, not a resident physician.
_CARE_HOME_PEOPLE = vocabulary("resident veteran")
# The words before "resident" that make it a home's ("Wilga House resident", "aged care
# resident", "longtime resident"), not a hospital's ("chief resident", "surgical resident").
_HOMES = vocabulary(
    "house lodge place manor court village gardens home terrace villa care oldest longtime beloved"
)
_AGE_RIGHT_AFTER = re.compile(r",\s*(?:aged?\s+)?\d{1,3}\b|\s*\((?:age\s+)?\d{1,3}!?\)")
# Bodies one is admitted to as an honour, not as a patient ("admitted to the Royal College").
_HONOURS = r"(?:College|Academy|Society|Fellowship|Bar|Hall|Order|University|School)\b"
# Jobs and services named after patients: "patient advocate", "patient care technician".
_PATIENT_JOBS = (
    r"(?:advocate|navigator|experience|liaison|representative|safety|services?|relations|educator"
    r"|access|transport|portal|care\s+(?:tech|technician|coordinator|manager))"
)
# "A patient", not one of those ("a patient advocate").
_A_PATIENT = rf"patient\b(?![\s-]+{_PATIENT_JOBS})"
# Such a job right before a name: "Our patient advocate Lena Ortiz".
_PATIENT_JOB_BEFORE = re.compile(rf"(?i)\bpatient[\s-]+{_PATIENT_JOBS}s?\s+$")


# What may stand between a name and the words after it: an age, a handle ("Dana (@dkow), 41,"),
# a short description ("Tom Reardon, an off-duty HVAC tech, started CPR", "Sgt. Marcus Oyelaran,
# 1st Battalion, 5th Marines, discharged today"), an aside in brackets ("Coach Bill Hanratty (yes,
# THE Coach Hanratty of the 1988 Lancers) is recovering"), where they serve ("Chief Darnell Hughes
# of Oak Valley Fire Rescue is awake").
def _after_a_name(description: str) -> str:
    return (
        r"(?:,\s*\d{1,3},|\s*\([^()]{1,80}\)|,\s+(?:an?|the|our)\s+[^,.;:!?()]{1,40},"
        rf"|(?:,\s+{description}){{1,2}},|\s+of\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){{0,4}})?"
        r",?\s+(?:who\s+)?"
    )


_AFTER_A_NAME = _after_a_name(r"[^,.;:!?()]{1,30}")
# A stay with us told by its owner's name: "after Frank's stay with us this winter".
_OWN_STAY_AFTER = re.compile(
    r"(?:['’]s|(?<=['’]s))\s+(?:\w+\s+)?(?:stay|admission|hospitali[sz]ation)\s+(?:with\s+us|here"
    r"|(?:on|in|at)\s+our)\b"
)
# Before a bystander's deed, no credential: "athletic trainer Luis Camacho, ATC, started CPR" did
# so as staff (a nurse's "Brianna Coley, RN, collapsed" is still her own care).
_AFTER_A_BYSTANDERS_NAME = _after_a_name(r"(?![A-Z]{2,6},)[^,.;:!?()]{1,30}")
# Surgery told as what was done to a body part: "had her knee replaced", "had his appendix
# removed".
_HAD_PART_MENDED = (
    r"had\s+(?:his|her|their)\s+(?:own\s+)?(?:\w+\s+)?(?:knee|hip|shoulder|heart\s+valve|valve"
    r"|appendix|gallbladder|kidney|liver|lung|tonsils|thyroid|spleen|uterus|ovar(?:y|ies)"
    r"|breast|lens|cataracts?|ACL|meniscus|disc|tumou?r|pacemaker|colon|leg|foot|arm|hand)s?\s+"
    r"(?:replaced|removed|repaired|reconstructed|amputated|rebuilt|fixed|out)\b"
)
# A stay in the hospital's own intensive or specialist care: "spent nine days in our ICU".
_SPENT_DAYS_IN_OUR_CARE = (
    r"spent\s+(?:[\w-]+\s+){1,2}(?:days|weeks|nights|months)\s+(?:in|on)\s+our\s+"
    r"(?:[\w-]+\s+){0,2}(?:ICU|CCU|NICU|PICU|[Ii]ntensive\s+[Cc]are|[Bb]urn|[Tt]rauma\s+[Uu]nit"
    r"|[Ss]troke\s+[Uu]nit)"
)
# A person's own care told right after their name (and age): whatever role the post gives them
# ("Officer Dana Kowalczyk ... Dana is out of her second surgery", "cook Li Guohua, 55, is in
# critical but stable condition"), they are a patient in this story.
_OWN_CARE_AFTER = re.compile(
    _AFTER_A_NAME + r"(?:" + _HAD_PART_MENDED + "|" + _SPENT_DAYS_IN_OUR_CARE + "|"
    # Staff who became patients, in the words posts use for it: "was on the other side of the
    # bed", "found herself on the family side of the ICU glass" (not "has spent 25 years on the
    # other side of the stretcher", as staff).
    r"(?:is|was|has\s+been|had\s+been|ended\s+up|found\s+(?:herself|himself|themselves)"
    r"|is\s+spending\s+(?:a\s+few\s+)?\w+\s+(?:days|weeks))\s+on\s+the\s+"
    r"(?:other|family|patient['’]?s?)\s+side\b(?!\s+of\s+the\s+(?:world|globe|country|border"
    r"|street|road|city|river|ocean|Atlantic|Pacific)\b)|"
    # "spent last weekend on the other side of the glass", "switched sides of the bed", "traded
    # her scrubs for a gown" (not "for a cap and gown", a graduation), "went from caring for
    # patients in our ICU to being one", "is now a patient on our Palliative Care unit".
    r"spent\s+(?:[\w-]+\s+){1,3}on\s+the\s+(?:other|family|patient['’]?s?)\s+side\s+of\s+the\s+"
    r"(?:bed|glass|curtain|rails?)\b"
    r"|switched\s+sides\s+of\s+the\s+bed\b"
    r"|traded\s+(?:her|his|their)\s+scrubs\s+for\s+an?\s+(?:hospital\s+|patient\s+)?gown\b"
    r"|went\s+from\s+caring\s+for\s+patients\b[^.!?]{0,50}?\bto\s+being\s+one\b"
    r"|is\s+now\s+a\s+patient\b|became\s+(?:the|a|our)\s+" + _A_PATIENT + "|"
    # Told by how they came to us, or how they are: "came to us after a stroke", "came in ...
    # this time on a stretcher", "is awake and talking", "took his first steps", "discharged
    # today", "graded finals from her bed" (not "sent photos from bed 22", as a nurse does).
    r"came\s+to\s+us\s+(?:after|with\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:stroke|heart\s+attack|fracture"
    r"|broken|burns?|injur\w+|pneumonia|sepsis|cancer|covid))\b"
    r"|came\s+(?:in|back)\b[^.!?]{0,60}?\bon\s+a\s+stretcher\b"
    r"|is\s+(?:now\s+)?(?:awake|conscious|breathing\s+on\s+(?:his|her|their)\s+own)\b"
    r"|took\s+(?:his|her|their)\s+first\s+steps\b"
    r"|discharged\s+(?:home\s+)?(?:today|yesterday|this\s+(?:morning|afternoon|week))\b"
    r"|[^.!?]{0,80}?\bfrom\s+(?:his|her|their)\s+(?:hospital\s+)?bed\b|"
    # "Lena Ortiz is also a former patient of ours"
    r"is\s+(?:also\s+)?(?:a|our)\s+former\s+" + _A_PATIENT + "|"
    # Told in the passive, as what was done to them: "was treated", "has been admitted".
    r"(?:is|was|has\s+been|had\s+been)\s+(?:(?:now|later)\s+)?"
    r"(?:admitted(?!\s+(?:to|into)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)*" + _HONOURS + r")"
    r"|discharged|diagnosed|treated|airlifted|intubated|resuscitated)\b"
    # Or as how they are: "remains in our ICU", "is in critical condition", "is recovering".
    r"|(?:(?:is|was|remains)\s+)?(?:(?:now|still|seriously|critically|badly|severely)\s+)?"
    r"(?:in\s+(?:critical|serious|stable|fair|guarded)\b|in\s+our\s+(?:[A-Z][\w-]*\s+)?"
    r"(?:ICU|CCU|NICU|PICU|[Tt]rauma|[Bb]urn)\b|recovering|out\s+of\s+(?:(?:her|his|their)\s+)?"
    r"(?:\w+\s+)?surgery|back\s+from\s+surgery|injured|hurt\b|shot\b|undergoing)"
    # "Shelby is stable and resting in room 108", "received a kidney from his younger sister"
    r"|(?:is|remains)\s+(?:now\s+)?stable\b"
    r"|(?:is\s+)?resting\s+(?:comfortably\s+)?(?:in|on)\s+(?:room|rm|bed|our)\b"
    rf"|{RECEIVED_AN_ORGAN}"
    # Or as what befell them: "had a heart attack", "collapsed", "tore her ACL".
    r"|(?:had\s+(?:a\s+)?(?:heart\s+attack|stroke|seizure)|suffered|collapsed"
    r"|tore\s+(?:her|his|their)|broke\s+(?:her|his|their)(?!\s+own\s+record))\b"
    # Or as a death in the hospital's care: "passed away in our ICU", "died peacefully on our
    # palliative unit".
    r"|(?:died|passed(?:\s+away)?)\s+(?:peacefully\s+)?(?:on\s+\w+\.?\s+\d{1,2},?\s+)?"
    r"(?:in|on|at)\s+our\b"
    r"|went\s+into\s+(?:(?:early|preterm)\s+)?(?:labou?r|cardiac\s+arrest|anaphylactic\s+shock)"
    r"|gave\s+birth\b"
    # Or as an illness they live with: "is a two-time breast cancer survivor", "caught COVID in
    # April 2020", "began chemo last week".
    r"|(?:is|was)\s+a\s+(?:[\w-]+\s+){0,2}(?:cancer|stroke|transplant|heart\s+attack)\s+survivor"
    r"|caught\s+COVID|(?:began|begins|started|starts)\s+(?:treatment|chemo|chemotherapy"
    r"|radiation|dialysis)\b"
    # "has been getting chemo in our own Cancer Center", "was upstairs getting her appendix out"
    r"|(?:(?:has\s+been|is|was)\s+(?:\w+\s+)?)?(?:getting|receiving)\s+(?:(?:her|his|their)\s+)?"
    r"(?:chemo\w*|radiation|dialysis|infusions?\b|(?:\w+\s+)?(?:appendix|gallbladder|tonsils)"
    r"\s+out\b)"
    # Or as the end of their treatment: "rang the bell in our Oncology Centre" (not the bell of
    # a retirement: "rang the bell on her own last shift").
    r"|rang\s+the\s+(?:\w+\s+)?bell\b(?!\s+(?:on|for|at)\s+(?:her|his|their)\s+(?:own\s+)?"
    r"(?:last|final|retirement)\b)"
    # Or as a return after it: "returned this week after his hip replacement here".
    r"|(?:is\s+|was\s+)?(?:back|returned|returns|came\s+back|rejoined|\w+ing\s+again)\b"
    r"[^.!?]{0,60}?\b(?:after|following)\s+(?:his|her|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:surgery|replacement|reconstruction|transplant|chemo\w*|stroke|heart\s+attack|bypass"
    r"|operation"
    r"|amputation|appendectomy|hysterectomy|mastectomy|diagnosis)\b"
    r"|(?:finished|completed)\s+(?:(?:her|his|their)\s+)?(?:last|final)\s+(?:round\s+of\s+)?"
    r"(?:chemo\w*|radiation|treatment|infusion|dialysis)\b)"
)
# A private person in a patient's story, whom the labelling counts with the patient: the
# bystander who started CPR, a living donor ("Fellow runner Dale Hutto started CPR", "Pharmacist
# Nia Llewellyn donated a kidney to her brother").
_BYSTANDER_AFTER = re.compile(
    _AFTER_A_BYSTANDERS_NAME + r"(?:(?:started|did|performed|began|gave|kept\s+up)\s+"
    r"(?:CPR|chest\s+compressions|compressions)"
    r"|ran\s+for\s+the\s+AED|held\s+pressure"
    r"|donated\s+(?:a|her|his|one\s+of\s+(?:her|his))\s+(?:kidney|liver|part\s+of))"
)


# A doctor's title before the name's words: "Dr. Amara Osei performed CPR" did so as staff.
_DOCTORS_NAME = re.compile(r"\b(?:Dr|Doctor)\b\.?(?:\s+[A-Z][\w'’-]*){1,3}$")


def in_a_patients_story(text: str, end: int) -> bool:
    """Whether the words right after a name ending at ``end`` tell of that person's own care or
    injury, whatever their role, or of a private person in the patient's story: the bystander
    who started CPR, a living donor (not a doctor, who does that as staff)."""
    if (
        _OWN_CARE_AFTER.match(text, end)
        or _OWN_STAY_AFTER.match(text, end)
        or _WHOSE_RELATIVE_IN_CARE.match(text, end)
    ):
        return True
    doctor = _DOCTORS_NAME.search(text, 0, end) is not None
    return not doctor and _BYSTANDER_AFTER.match(text, end) is not None


# The named person's own relative, right after the name: "his dad, Arturo", "her own father",
# "her twin brother", "her 9-year-old son"; "my wife" only in the person's own words, after
# "asked us to share this:" or a colon ("our CFO, Karen Lindqvist: "On March 11 my mother").
_KIN_WORDS = "|".join(
    sorted(KINSHIP - {"little"} | {"brother-in-law", "sister-in-law", "grandparents"})
)
_DESCRIBING_KIN = r"(?:(?:own|late|twin|little|older|younger|big|baby|[\w-]+-year-old)\s+)*"
_THEIR_RELATIVE = re.compile(rf"(?i)\b(?:his|her|their)\s+{_DESCRIBING_KIN}(?:{_KIN_WORDS})\b")
_MY_RELATIVE = re.compile(rf"(?i)\b(?:my|our)\s+{_DESCRIBING_KIN}(?:{_KIN_WORDS})\b")
_IN_OWN_WORDS = re.compile(
    r"(?i):|\b(?:asked\s+us\s+to\s+(?:share|post)|shared|writes|wrote|says|said)\b"
)
# Between the name and the relative, a clinician's work on someone else's relative: "Dr. Moss,
# who delivered her son", "nurse Kim, who sat with his wife".
_CARING_FOR_SOMEONE = re.compile(
    r"(?i)\b(?:treat\w*|cared|caring\s+for\s+(?:his|her)|operated|delivered|saw|sat|held|performed"
    r"|helped|saved|looked\s+after|took\s+care)\b"
)
_COORDINATED = re.compile(r",?\s+(?:and|&)\s+")
# A stay in hospital in the relative's sentence: care words, a bed or room, a ward ("3 West").
_STAY_WORDS = (
    r"bed|room|ward|unit|ICU|NICU|PICU|ED|ER|hospice|trauma|admitted|flown|stay|replaced|surgery"
    r"|transplant|delivered|born|diagnosed|recovering|treatment|palliative"
)
_A_STAY = re.compile(rf"(?i)\b(?:{_STAY_WORDS})\b|\b\d+\s+(?:North|South|East|West)\b")


# The named person's relative in the hospital's care, in a clause right after the name: "says
# Fiona Kerr, whose mother Agnes spent six weeks in bay 3 of Ward 18".
_WHOSE_RELATIVE_IN_CARE = re.compile(
    rf"(?i),\s+whose\s+{_DESCRIBING_KIN}(?:{_KIN_WORDS})\b[^.!?]{{0,80}}?"
    r"\b(?:spent|stayed|died|passed|received|(?:was|were)\s+(?:on|in|cared|treated|admitted))\b"
    rf"[^.!?]{{0,60}}?\b(?:{_STAY_WORDS}|bay|hospital|care|cared|treated|us)\b"
)


def relative_in_our_care(text: str, end: int, until: int) -> bool:
    """Whether the person named before ``end`` is told of as the relative of someone in the
    hospital's care, in the name's sentence or the next, before ``until`` (the next name): "Our
    charge nurse Manny asked us to share this: his dad, Arturo, 91, spent a week on 3 West".
    Whatever their role, the labelling counts them with the patient they identify; not when
    someone else the "his" or "her" may stand for comes between ("Unit secretary Rhonda Ellis
    learned that the gentleman in room 1107 ... his wife")."""
    sentence_end = sentence_around(text, end, end)[1]
    until = min(until, next_sentence_end(text, sentence_end))
    relative = _THEIR_RELATIVE.search(text, end, until)
    own_words = _MY_RELATIVE.search(text, end, until)
    if own_words and _IN_OWN_WORDS.search(text, end, own_words.start()):
        relative = min(filter(None, (relative, own_words)), key=lambda found: found.start())
    if relative is None or _CARING_FOR_SOMEONE.search(text, end, relative.start()):
        return False
    if _SOMEONE_ELSE.search(text, end, relative.start()):
        return False
    if _DOCTORS_NAME.search(text, 0, end) and not _COORDINATED.fullmatch(
        text, end, relative.start()
    ):
        return False  # a doctor's patient's family, unless "Dr. Sam Whitley and his wife Erin"
    stay_start, stay_end = sentence_around(text, relative.start(), relative.end())
    return _A_STAY.search(text, stay_start, stay_end) is not None


# A wish for someone's recovery before their name, whatever role it gives them: "Get well soon to
# our amazing unit secretary Pam", "Sending strength to Dominic Aguilar", "get-well notes for
# Juniper Lindqvist", "Please keep our charge nurse Kelsey Marchetti in your thoughts".
_WISHED_WELL_BEFORE = re.compile(
    r"(?i)\b(?:get[\s-]well(?:\s+soon)?(?:\s+(?:wishes|notes|cards))?,?(?:\s+(?:to|for))?"
    r"|sending\s+(?:strength|love|prayers|healing(?:\s+\w+)?|hugs)\s+(?:to|for)"
    r"|(?P<keep>keep))\s+(?:(?:our|your)\s+)?(?:own\s+)?(?:[\w'’-]+,?\s+){0,3}$"
)
_IN_YOUR_THOUGHTS = re.compile(r"(?i),?\s+in\s+your\s+(?:thoughts|prayers)\b")


def wished_well(text: str, start: int, end: int) -> bool:
    """Whether the post wishes the person named at ``text[start:end]`` a recovery."""
    wish = _WISHED_WELL_BEFORE.search(text, max(0, start - 60), start)
    if wish is None:
        return False
    return not wish.group("keep") or _IN_YOUR_THOUGHTS.match(text, end) is not None


# A research participant, whose health is in the story as much as a patient's: "the oldest
# volunteer in our Healthy Aging Study: Beatrice Nakashima", "Participant: Gordon Tsang", "Dolores
# Ashby, the very first volunteer enrolled in our memory study", "Harvey Lindgren enrolled in the
# RESTORE-AKI trial". A hospital volunteer ("volunteer Maria Lopez") is not one.
_A_STUDY = r"(?:our|the|this|a)\s+(?:[\w-]+\s+){0,4}?(?:study|trial|registry)\b"
_PARTICIPANT_BEFORE = re.compile(
    r"(?i)\b(?:(?:participant|enrollee|subject|(?:study|trial|research)\s+volunteer)"
    r"(?:\s*(?:#|no\.?\s*)\d+)?"
    r"|volunteer(?:\s*(?:#|no\.?\s*)\d+)?\s+(?:enrolled\s+)?(?:in|on|for)\s+" + _A_STUDY + r")"
    r"\s*[:,]?\s+(?:(?:is|was)\s+)?$"
)
_ENROLLED_AFTER = re.compile(
    r"(?i),?\s+(?:(?:has|had|was)\s+)?(?:(?:became\s+)?the\s+(?:very\s+)?\w+\s+"
    r"(?:participant|volunteer|patient|person)\s+(?:to\s+(?:be\s+)?)?)?enroll?(?:ed)?\s+"
    r"(?:in|on|into)\s+" + _A_STUDY
)
_ABOUT_RESEARCH = re.compile(r"(?i)\b(?:study|studies|trial|research|enrol(?:l|led|ment|ling)?)\b")


def in_a_study(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a research participant's."""
    if _ENROLLED_AFTER.match(text, end):
        return True
    if _PARTICIPANT_BEFORE.search(text, max(0, start - 100), start) is None:
        return False
    return _ABOUT_RESEARCH.search(text, *sentence_around(text, start, end)) is not None


# A list of names after a colon whose clause names them patients or participants: "we received
# the following patients from the tornado: Corinne Abbot, Luis Fernandez-Ortiz and ...",
# "three of our study participants ...: Tom Reilly, Aisha Bello and Greg Huang".
_PATIENTS_BEFORE_A_COLON = re.compile(r"(?i)\b(?:patients|participants|study\s+volunteers)\b")
_NAMES_SO_FAR = re.compile(
    r"\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*))*"
)


def listed_as_patients(text: str, start: int) -> bool:
    """Whether the name at ``start`` is in a list of patients or participants after a colon."""
    colon = text.rfind(":", max(0, start - 200), start)
    if colon < 0 or not _NAMES_SO_FAR.fullmatch(text, colon + 1, start):
        return False
    clause_start = sentence_around(text, colon, colon)[0]
    if _PATIENTS_BEFORE_A_COLON.search(text, clause_start, colon) is None:
        return False
    # "Thanks to the nurses who cared for our patients: ..." lists the staff.
    words = {word.lower() for word in WORD.findall(text[clause_start:colon])}
    return not any(_is_role(word) for word in words)


# Their own care told later in the name's sentence, of "he" or "she": "Walter Jablonski, our
# longest-serving volunteer, celebrates on 3 East, where he's recovering from pneumonia",
# "Officer Dana Whitlock came back to thank the team that cared for her".
_THEIR_CARE_LATER = re.compile(
    r"\b(?:where|after|while|since|when|because|as)\s+(?:he|she)"
    r"(?:['’]s|\s+is|\s+was|\s+has\s+been|\s+had\s+been)?\s+(?:(?:now|still)\s+)?"
    r"(?:recovering|recovers|being\s+treated|treated|admitted|struck|hit\s+by|injured|hurt"
    r"|diagnosed|airlifted|intubated|resuscitated|collapsed|suffered)\b"
    r"|\bthank\w*\s+(?:\w+\s+){0,4}(?:who|that)\s+(?:cared\s+for|treated|saved)\s+(?:her|him)\b"
)


# Their own care told in the next sentence, with "he" or "she" as its subject: "Our chaplain
# Alan Marsh has spent 20 years visiting patients. Now it's his turn: he's recovering from a hip
# replacement", "This week he's the one in Room 808".
_THEY_ARE_CARED_FOR = re.compile(
    r"(?i)\b(?:he|she)(?:['’]s|\s+is|\s+was|\s+has\s+been)\s+(?:now\s+|still\s+)?"
    r"(?:recovering|being\s+treated|admitted|diagnosed|the\s+one\s+in\s+(?:the\s+)?(?:room|bed|bay)"
    r"|the\s+one\s+on\s+the\s+(?:stretcher|transplant\s+list|ventilator))\b"
    r"|\b(?:he|she)\s+(?:went\s+into\s+(?:cardiac\s+arrest|labou?r)|collapsed|underwent"
    r"|had\s+(?:a\s+)?(?:heart\s+attack|stroke|seizure|cardiac\s+arrest))\b"
    # "He came to our Emergency Department with appendicitis", "she had her knee replaced
    # here", "he spent nine days in our ICU"
    r"|\b(?:he|she)\s+(?:came|was\s+brought|was\s+rushed)\s+(?:in\s+)?to\s+(?:our|the)\s+"
    r"(?:[\w-]+\s+){0,3}(?:with|after)\b"
    r"|\b(?:he|she)\s+(?:" + _HAD_PART_MENDED + "|" + _SPENT_DAYS_IN_OUR_CARE + ")"
)
# Staff or a doctor who became the hospital's patient, told of in the next sentence: "Last spring
# she became our patient", "at 92, he came back — as a patient — for a hip replacement", "On July
# 22, she became one" after "caring for cardiac patients". Said of a doctor too: no one else
# could be "a patient" in those words.
_BECAME_OUR_PATIENT = re.compile(
    r"(?i)\b(?:he|she)\s+(?:became|becomes|is\s+now|was\s+now)\s+(?:our|the|a)\s+"
    + _A_PATIENT
    + r"|\b(?:he|she)\s+(?:came|was\s+brought|returned|was\s+back|is\s+back)\b[^.!?]{0,50}?"
    r"\bas\s+(?:a|our)\s+"
    + _A_PATIENT
    + r"|\bpatients\b[^.!?]{0,60}[.!?]\s+[^.!?]{0,30}\b(?:he|she)\s+became\s+one\b"
)
# Someone else the "he" or "she" may be: "Dr. Rao saw the man in bay 3. He's recovering".
_SOMEONE_ELSE = re.compile(
    r"(?i)\b(?:a|an|the|this|that|his|her|their|our)\s+(?:[\w-]+\s+)?(?:patient|man|woman|boy"
    r"|girl|baby|child|son|daughter|wife|husband|mom|dad|mother|father|friend|neighbou?r|player"
    r"|gentleman|lady"
    r"|runner|driver|veteran|resident)\b"
)


def care_told_later(text: str, end: int, until: int) -> bool:
    """Whether the name ending at ``end`` is the "he" or "she" whose own care the rest of its
    sentence, or the next sentence, up to ``until`` (the next name), tells of: not a doctor's
    ("Dr. Nikhil Rao opened the artery less than an hour after he collapsed") unless the words
    make them the patient ("At 92, he came back — as a patient"), nor when someone else the
    pronoun may stand for comes between."""
    sentence_end = sentence_around(text, end, end)[1]
    next_end = next_sentence_end(text, sentence_end)
    became = _BECAME_OUR_PATIENT.search(text, end, min(until, next_end))
    if became is not None and _SOMEONE_ELSE.search(text, end, became.start()) is None:
        return True
    if _DOCTORS_NAME.search(text, 0, end):
        return False
    if _THEIR_CARE_LATER.search(text, end, min(until, sentence_end)) is not None:
        return True
    told = _THEY_ARE_CARED_FOR.search(text, end, min(until, next_end))
    return told is not None and _SOMEONE_ELSE.search(text, end, told.start()) is None


# Emoji, punctuation and lower-case words before a name, and opening marks glued to it ("¡Hola").
_LEADING_NOISE = re.compile(r"[¡¿“‘\"(\[]+(?=\w)|(?:[^\w\s]+|[a-z][\w'’]*)(?:\s+|$)")
# The first letter of a sentence: at the start of the post or a line, or after its stop (not
# the stop of "a.m." or "e.g."), past emoji, handles and hashtags ("🎂🎂 birthday pancakes").
_SENTENCE_START = re.compile(r"(?:^|(?<!\b[^\W\d_])[.!?]\s+|\n)(?:[#@][\w.]++|[^\w#@])*([^\W\d_])")
# A name's words: letters, with a space, hyphen or apostrophe between them.
_WORDS_ALONE = re.compile(r"[^\W\d_]+(?:[\s'’-]+[^\W\d_]+)*")
# Shouted words after a name-like word are the post's, not a surname: "¡Vacunas GRATIS!".
_SHOUTED_END = re.compile(r"(?:\s+[A-Z]{3,})+$")
_OPENING_VERBS = vocabulary(
    """find meet call email contact visit ask join welcome thank thanks congrats congratulations
    happy hi hello dear say see support follow tag send rencontrez conozcan conozca conheça
    conheçam"""
)
_HYPHENATED_REST = re.compile(r"(?:-[a-z]+)+\b")


def writes_in_lower_case(text: str) -> bool:
    """Whether a post starts a sentence with a lower-case letter, as informal posts do ("so
    proud of lil mo"), or may: no sentence starts with a letter ("3 generations of the reyes
    fam") or its script has no capitals."""
    starts = [start.group(1) for start in _SENTENCE_START.finditer(text)]
    return not any(start.isupper() for start in starts) or any(start.islower() for start in starts)


def tidied(text: str, result: RecognizerResult) -> RecognizerResult | None:
    """A model's name span without the words or emoji it swept in, with a cut-off "-yeon".

    "the joy 👶👶 Welcome" becomes "Welcome", "¡Vacunas GRATIS" "Vacunas"; "Seo" in "Seo-yeon"
    becomes "Seo-yeon"; a span of lower-case words alone is no name ("jollof rice") unless the
    post writes in lower case and it starts with a given name or is one word the tagger reads as
    a patient's ("bean"), nor is one ending in a lower-case word ("Llame al"). The cue patterns'
    spans are exact.
    """
    if not from_a_model(result):
        return result
    start, end = result.start, result.end
    words = text[start:end].split()
    if (
        result.entity_type == "PERSON"
        and text[start:end].islower()
        and _WORDS_ALONE.fullmatch(text, start, end)
        and text[max(0, start - 1) : start] not in ("#", "@")
        and not writes_in_lower_case(text)
    ):
        # A post that starts every sentence with a capital writes its names with one too; the
        # models' lower-case words there are other languages' function words ("nan", "её",
        # "một"), an event ("storm") or a pet name ("our sunshine in room 307").
        return None
    if words and text[start:end].islower() and len(words[0]) > 2 and is_given_name(words[0]):
        return result  # "tom hughes from 4 west beat covid"
    if len(words) == 1 and words[0].isalpha() and words[0].islower() and is_tagged_patient(result):
        # a nickname the tagger reads as a patient's from the sentence ("our lil warrior bean
        # celebrated", "when jojo finally beat nurse kayla"): no list of given names holds it
        return result
    while start < end and (noise := _LEADING_NOISE.match(text, start, end)):
        start = noise.end()
    if start >= end or re.search(r"\s[a-z]+$|-(?:speaking|born|based)$", text[start:end]):
        return None  # "Llame al", "Manman l", "Hindi-speaking": names end in a capital word
    shouted = _SHOUTED_END.search(text, start, end)
    if shouted and not text[start:end].isupper():
        end = shouted.start()
    if rest := _HYPHENATED_REST.match(text, end):
        end = rest.end()
    if _KANJI.search(text, start, end) and HIRAGANA.search(text, start, end):
        japanese = _japanese_name_at_end(text, start, end)
        if japanese is None:
            # "数えきれない患者" is no name; a long span may still hold one, for the model to weigh
            return None if end - start <= _LONGEST_JAPANESE_PHRASE else result
        start = japanese
    first = re.match(r"([A-Z][^\W\d_]+)\s+(?=[A-Z])", text[start:end])
    if first and first.group(1).lower() in _OPENING_VERBS:
        start += first.end()  # "Find Fiona at the help desk": the sentence opens with its verb
    return _respanned(result, start, end)


# A model's Japanese span often runs from the words before a name across "の", "を" or a verb
# ending to the name itself ("入院中の田中ハナ", "娘さんの恵子"): the name is the kanji or
# katakana after the last hiragana, unless that is a common noun ("患者", "お子", "ご家族").
_KANJI = re.compile(r"[\u4e00-\u9fff]")
_JAPANESE_NAME_AT_END = re.compile(rf"(?<=[\u3040-\u309f、。「」]){KANJI_KATAKANA}{{2,6}}$")
_LONGEST_JAPANESE_PHRASE = 12


def _japanese_name_at_end(text: str, start: int, end: int) -> int | None:
    """Where the name at the end of a Japanese span starts, or None if it ends in no name."""
    found = _JAPANESE_NAME_AT_END.search(text[start:end])
    if found is None or found.group() in JAPANESE_COMMON_NOUNS:
        return None
    if text[start + found.start() - 1] in "おご":
        return None  # "お子", "お手紙", "ご家族": an honorific before a common noun
    return start + found.start()


def _without_a_rank(before: list[str]) -> list[str]:
    """The words before a name, each word of a rank right before it read as a rank ("Staff
    Sgt. Clarence Whitfield", "Lt. Col. Gladys Whitmore", "Chief Petty Officer Raymond Tsosie"):
    a rank says neither staff nor patient, and its "staff" or "officer" is not a job."""
    rank_start = len(before)
    if before[-2:] == ["petty", "officer"]:
        rank_start -= 2 + (before[-3:-2] in (["chief"], ["master"]))
    while rank_start and before[rank_start - 1] in RANK_WORDS | RANKS:
        rank_start -= 1
    rank = before[rank_start:]
    if not (set(rank) & RANKS or "petty" in rank):
        return before
    return [*before[:rank_start], *["sgt"] * len(rank)]  # each of its words read as a rank


def _without_home_residents(words: list[str]) -> list[str]:
    """``words`` without a care home's "resident" ("Yarran Lodge resident Dorothy McAllister —
    Dot to everyone": the list after it names a resident, not a resident physician)."""
    return [
        word
        for i, word in enumerate(words)
        if not (word.removesuffix("s") in _CARE_HOME_PEOPLE and i and words[i - 1] in _HOMES)
    ]


def _is_role(word: str) -> bool:
    """A job or office, singular or plural ("preceptors", "chairs"), or any clinician whose
    job ends in "-ologist" ("speech pathologist", "exercise physiologist")."""
    word = word.rstrip("0123456789")  # "CNM2 Máire Ní Bhriain": a grade after the role
    return (
        word in ROLE_WORDS
        or (word.endswith("s") and word[:-1] in ROLE_WORDS)
        or word.removesuffix("s").endswith("ologist")
    )


def _is_figure(word: str) -> bool:
    """A public figure's word, singular or plural ("goalkeeper", "wingers")."""
    return word in PUBLIC_FIGURES or word.removesuffix("s") in PUBLIC_FIGURES


_FAMILY_AFTER = re.compile(
    r"\s+(?:family|twins|triplets|kids|children|household|siblings|brothers|sisters)\b"
)


# An article after an English word (not Spanish "a": "Les presentamos a Yesenia Treviño").
_A_MAKE_BEFORE = re.compile(
    r"(?i)\b(?:on|in|with|of|from|and|or|drives?|drove|driving|like|into|by)\s+an?\s+$"
)
# Heroes and characters: "Spider-Man", "Wonder Woman", "Winnie-the-Pooh"; "Hank the Cowdog".
_CHARACTER = re.compile(r"[A-Z][a-z]+[- ](?:Man|Woman|Girl)|[A-Z][a-z]+-the-[A-Z][a-z]+")
_EPITHET_AFTER = re.compile(r"\s+the\s+[A-Z][a-z]+")
# A pet or a therapy animal introduced by name: "Pip is a two-year-old golden retriever".
_A_PET = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:is|was)\s+(?:a|an|our)\s+(?:[\w-]+\s+){0,4}?(?:dog|retriever"
    r"|labrador|lab|poodle|labradoodle|goldendoodle|doodle|spaniel|terrier|shepherd|collie"
    r"|beagle|puppy|pup|horse|pony|cat|kitten|rabbit|bunny)\b"
)


def pets(text: str) -> set[str]:
    """The names of the animals a post introduces: visiting therapy dogs are not patients."""
    return {found.group(1).lower() for found in _A_PET.finditer(text)}


def named_for_the_building(text: str, named_after: frozenset[str]) -> set[str]:
    """Given names of people who share a building's or fund's surname, in a post about no one's
    care: "a gift from Harold and Margaret Lindqvist ... the Lindqvist Family Cancer Pavilion"."""
    surnames = [word for word in named_after if word not in NOT_NAME_WORDS | INSTITUTION_WORDS]
    if not surnames or _SOMEONES_CARE.search(text):
        return set()
    people = re.compile(
        rf"\b([A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?)\s+(?i:{'|'.join(surnames)})\b"
    )
    return {word.lower() for found in people.finditer(text) for word in WORD.findall(found[1])}


# A lower-case job and the given name after it: "our night clerk luis", "transport tech mike".
# (The name in a lookahead, so that each word is tried as a job: "night clerk luis".)
_LOWER_JOB_AND_NAME = re.compile(r"\b([a-z]+)\s+(?=([a-z]{3,})\b)")


def staff_named_in_lower_case(text: str) -> set[str]:
    """Given names written in lower case right after a job ("happy bday to our night clerk
    luis!! ... (per luis)"): the models often find only the later, bare mention, which then
    names staff too."""
    return {
        found[2]
        for found in _LOWER_JOB_AND_NAME.finditer(text)
        if _is_role(found[1]) and is_given_name(found[2])
    }


def _respanned(result: RecognizerResult, start: int, end: int) -> RecognizerResult:
    """``result`` moved to ``start``-``end`` (itself when nothing moves)."""
    if (start, end) == (result.start, result.end):
        return result
    return RecognizerResult(
        result.entity_type,
        start,
        end,
        result.score,
        recognition_metadata=result.recognition_metadata,
    )


# The learned sources of a candidate: the patient tagger and its other names and places.
MODEL_RECOGNIZERS = frozenset(
    {TaggedIdentifierRecognizer.__name__, GeneralEntityRecognizer.__name__}
)


def from_a_model(result: RecognizerResult) -> bool:
    """Whether the patient tagger proposed this candidate (as a patient's or as another name): a
    statistical model reads capitals as names, where the cue patterns read the words around
    them."""
    metadata = result.recognition_metadata or {}
    return metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY) in MODEL_RECOGNIZERS


def is_tagged_patient(result: RecognizerResult) -> bool:
    """Whether the patient tagger itself proposed this candidate as a patient's name."""
    metadata = result.recognition_metadata or {}
    return (
        result.entity_type == "PERSON"
        and metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY)
        == TaggedIdentifierRecognizer.__name__
    )


def at_sentence_start(text: str, position: int) -> bool:
    """Whether only punctuation, an emoji or nothing comes before ``position`` in its sentence."""
    before = text[:position].rstrip().rstrip("'\"’”)")
    if re.fullmatch(r"(?:\s*@[\w.]+)+", before):
        return True  # "@mike.dunphy Glad to hear...": the reply opens after the handle
    if before.endswith(".") and WORD.findall(before[-6:])[-1:] in ([w] for w in _ABBREVIATIONS):
        return False  # "Dr. Soo-ah Kim": the full stop ends a title, not a sentence
    return not before or not (before[-1].isalnum() or before[-1] in ",'’\"“-&#@")


_ABBREVIATIONS = frozenset(
    {"Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "St", "Sr", "Jr", "Rev", "Gov", "Sen", "Rep"}
)
# One more part of the same name before it: a hyphenated or plain capitalised word, an initial
# or a quoted nickname ("Soo-ah Kim", 'Stanisław "Stan" Nowicki').
_NAME_PART_BEFORE = re.compile(r"(?<!\S)([\"“]?(?:[A-Z]\.|[A-Z][\w'’-]*)[\"”]?)\s+$")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")


def _name_start(text: str, start: int) -> int:
    """Where the whole name starts, so that the words before it are read from there."""
    stop_words = PUBLIC_TITLES | ROLE_WORDS | KINSHIP | NOT_NAME_WORDS | COURTESY_TITLES
    while match := _NAME_PART_BEFORE.search(text, max(0, start - 40), start):
        word = match.group(1).strip('"“”.').lower()
        if word in stop_words or word == "patient":
            break
        if at_sentence_start(text, match.start(1)) and not is_given_name(word):
            break  # "Meet Jordan Ellis": the sentence's first word is not part of the name
        start = match.start(1)
    return start


_LIST_ITEM_BEFORE = re.compile(r"(?<!\S)[A-Z][\w'’-]*\s*(?:,\s*(?:(?:and|&)\s+)?|\s(?:and|&)\s+)$")
_LIST_OPENING = re.compile(r"[—–:-]\s*$")


def _list_start(text: str, start: int) -> int:
    """Where a list of first names holding the name at ``start`` begins, past a dash or colon."""
    while item := _LIST_ITEM_BEFORE.search(text, max(0, start - 40), start):
        start = item.start()
    opening = _LIST_OPENING.search(text, max(0, start - 5), start)
    return opening.start() if opening else start


# Donors share a building's name with "&"; "and" joins two people ("Seo-yeon and Min-jun Park").
_NAME_RUN_AFTER = re.compile(r"(?:\s*&?\s+[A-Z][\w'’-]*){1,5}")
# Words that end a named building or fund and are nobody's surname (unlike Park, Hall, Wing).
_NAMED_AFTER_WORDS = (
    "Foundation Fund Center Centre Institute Pavilion Auditorium Lectureship Scholarship Library"
    " College University Trust Endowment"
)
# With two or more names before them, Wing and Hall are buildings too ("Miriam Rosenberg Pediatric
# Wing"); after one they are surnames.
INSTITUTION_NAME = re.compile(
    rf"(?:[A-Z][\w'’-]*\s*&?\s+){{1,5}}(?:{'|'.join(_NAMED_AFTER_WORDS.split())})\b"
    rf"|(?:[A-Z][\w'’-]*\s+){{2,5}}(?:Wing|Hall|Tower|Garden|Building)\b"
)


def institution_after(text: str, end: int) -> str | None:
    """The capitalised words after a name when they end in an institution's word, else None."""
    following = words_after(text, end, 1)
    if following and following[0] in _INSTITUTION_AFTER_NAME:
        return following[0]  # "the Riverside app", "the Hartley foundation"
    run = _NAME_RUN_AFTER.match(text, end)
    if run is None:
        return None
    words = [word.lower() for word in WORD.findall(run.group())]
    return run.group() if any(word in _INSTITUTION_AFTER_NAME for word in words) else None


_PLURAL_AFTER = re.compile(r"\s+([a-z]+s)\b")


def _names_a_group(text: str, end: int) -> bool:
    """Whether the name is followed by people in the plural: jobs or players of a team."""
    following = _PLURAL_AFTER.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    return _is_role(word) or word.removesuffix("s") in PUBLIC_FIGURES


# Not Park, Hall or Wing here: after a given name they are surnames ("Min-jun Park").
_INSTITUTION_AFTER_NAME = (INSTITUTION_WORDS - {"park", "hall", "wing"}) | {"fc", "club", "united"}


def _in_care(text: str, start: int, end: int) -> bool:
    """Whether the name's sentence tells of someone's care."""
    sentence_start, sentence_end = sentence_around(text, start, end)
    words = {word.lower() for word in WORD.findall(text[sentence_start:sentence_end])}
    return bool(words & CARE_WORDS)


def _public_appearance(text: str, start: int, end: int) -> bool:
    """A visit, signing or gift after the name, in a post that tells of no one's care
    ("her gift ... the care she received after her hip fracture" is a grateful patient's)."""
    sentence_start, sentence_end = sentence_around(text, start, end)
    sentence = {word.lower() for word in WORD.findall(text[sentence_start:sentence_end])}
    after = {word.lower() for word in WORD.findall(text[end:sentence_end])}
    cared_for = _SOMEONES_CARE.search(text) or sentence & (CARE_WORDS | KINSHIP)
    return bool(after & PUBLIC_APPEARANCES) and not cared_for


# Someone's own care, as opposed to the services a building will offer.
_SOMEONES_CARE = re.compile(
    r"(?i)\b(?:his|her|their|she|he)\s+(?:\w+\s+){0,2}?(?:surgery|treatment|recovery|fracture"
    r"|diagnosis|stroke|chemo|transplant|injury|injuries|care|received|was\s+treated|stay"
    r"|checkup|check-up|appointment|infusion|dialysis)\b"
)


def with_coordinated_name(
    text: str, result: RecognizerResult, kept: list[RecognizerResult]
) -> RecognizerResult:
    """Widen a patient's name to the name joined to it: "Priya and Dev Sharma"."""
    before = _COORDINATED_BEFORE.search(text, 0, result.start)
    start = result.start
    if (
        before
        and before.group(1).lower() not in NOT_NAME_WORDS | PUBLIC_TITLES
        and not any(before.start(1) < other.end and other.start < result.start for other in kept)
    ):
        start = before.start(1)
    after = _COORDINATED_AFTER.match(text, result.end)
    end = after.end() if after and after.group(1).lower() not in NOT_NAME_WORDS else result.end
    return _respanned(result, start, end)


def with_the_models_reading(
    text: str, result: RecognizerResult, candidates: list[RecognizerResult]
) -> RecognizerResult:
    """A rule's patient name widened to a model's reading that holds it and runs on with a
    name's words: "congrats to tommy" to the tagger's "tommy reyes", so that redaction does not
    leave the surname. Words across a sentence's end, or not a name's, do not count."""
    if from_a_model(result):
        return result
    for other in candidates:
        if not (
            other.entity_type == "PERSON"
            and from_a_model(other)
            and other.start <= result.start
            and result.end <= other.end
            and other.end - other.start > result.end - result.start
        ):
            continue
        reading = tidied(text, other)
        if reading is None or not (reading.start <= result.start and result.end <= reading.end):
            continue
        added = (text[reading.start : result.start] + " " + text[result.end : reading.end]).split()
        if len(added) > 3 or any(re.search(r"[.!?:;。！？，、；：]", word) for word in added):
            continue
        if all(_part_of_a_name(word) for word in added):
            return _respanned(result, reading.start, reading.end)
    return result


def _part_of_a_name(word: str) -> bool:
    """A word a name may hold (capitalised, a given name or a surname, a quoted nickname), and
    no title, role or place: "Sergeant Paul Vance" stays "Paul Vance"."""
    bare = word.strip("\"“”'’(),")
    lowered = bare.lower()
    return (
        bool(bare)
        and (bare[0].isupper() or is_given_name(bare) or lowered in census_surnames())
        and lowered not in _NOT_IN_A_NAME
        and not _is_role(lowered)
    )


# Words that end a ward's, a story's or a school's name, not a person's, with titles and the
# words of departments: none widens a name (built once, not per word).
_NOT_IN_A_NAME = (
    NOT_NAME_WORDS | PUBLIC_TITLES | TITLES_IN_A_NAME | vocabulary("ward story liaison house wing")
)


_WHO_SERVED = re.compile(r",\s+who\s+(?:served|serves|worked|works|chaired|led|leads|founded)\b")


def _appositive_role(text: str, end: int) -> bool:
    """``Name, our new Chief of Cardiology`` / ``Name, Ontario's CMOH`` / ``as our new VP``."""
    rest = re.sub(r"^[^\w\s,]+\s*|^\s+(?=[^\w\s,]+\s*,)[^\w,]*", "", text[end : end + 80])
    clause = re.split(
        r"[.!?;\n]|,\s*(?:who|and|to|on)\b", rest[1:] if rest.startswith(",") else ""
    )[0]
    # "Guadalupe, from all your nurses" is addressed by staff, not one of them.
    prepositional = re.match(r"\s*(?:from|to|with|by|for)\b", clause, re.IGNORECASE)
    # An appositive is a noun phrase ("our new Chief", "Ontario's CMOH", "RN"), not a clause
    # ("told me that the best nurses...").
    opening = WORD.findall(clause)[:1]
    noun_phrase = bool(opening) and (
        opening[0].lower() in _APPOSITIVE_OPENINGS
        or opening[0].lower() in ROLE_WORDS
        or re.match(r"\s*[A-Z][\w-]*['’]s\b", clause) is not None
    )
    roles = noun_phrase and any(w.lower() in ROLE_WORDS for w in WORD.findall(clause)[:7])
    if rest.startswith(",") and not prepositional and roles and not _job_elsewhere(clause):
        return True
    if _WHO_SERVED.match(rest):
        return True  # "Robert Henderson, who served on our Board of Directors"
    joined = re.match(r"\s+(?:as|is)\s+(?:(?:our|the|its)\s+)?(?:new\s+)?([\w\s]{0,40})", rest)
    return bool(joined and any(w.lower() in ROLE_WORDS for w in joined.group(1).split()[:4]))


# "a line cook at Rosie's Diner", "a retired Ford line worker", "a Cedar Falls John Deere
# technician": a job the reader is told of to say who someone is, away from the hospital.
_JOB_ELSEWHERE = re.compile(
    r"\s*an?\s+(?:retired\b|former\b"
    r"|(?:[\w-]+\s+){0,3}?[\w-]+\s+(?:at|with|for)\s+[A-Z]"
    r"|(?:[A-Z][\w'’.-]*\s+)+(?:[\w-]+\s+){0,3}?[\w-]+\s*$)"
)
# A job at a hospital or clinic is the kind of role staff are named with.
_CARE_PLACE = vocabulary("hospital clinic health medical healthcare centre center ems")


def _job_elsewhere(clause: str) -> bool:
    """Whether an appositive ("a line cook at Rosie's Diner") gives a job outside health care."""
    if _JOB_ELSEWHERE.match(clause) is None:
        return False
    words = {word.lower() for word in WORD.findall(clause)}
    return not words & (_CARE_PLACE | {"our"})


_APPOSITIVE_OPENINGS = vocabulary(
    """our the a an its his her their new former longtime retired senior chief head lead
    interim acting assistant associate deputy executive beloved dedicated"""
)


def _staff_event(text: str, start: int, end: int) -> bool:
    """Staff news in the name's own clause: joins us, named, award, retirement, accepting.

    The clause, not the sentence: in "a video from Amelia Grant: ... Employee of the Year" or
    "Joel Rosen, whose mother ... 🌼 Our newest DAISY honoree", the award is someone else's.
    """
    sentence_start, sentence_end = sentence_around(text, start, end)
    sentence_words = {word.lower() for word in WORD.findall(text[sentence_start:sentence_end])}
    if sentence_words & {"patient", "discharged", "admitted"}:
        return False
    clause_start, clause_end = clause_around(text, start, end)
    clause_words = {word.lower() for word in WORD.findall(text[clause_start:clause_end])}
    tenure = _TENURE.search(text, clause_start, clause_end)  # "10 years with our ED team"
    award = _STAFF_AWARD.search(text, clause_start, clause_end)  # "Volunteer of the Month"
    return bool(clause_words & STAFF_EVENTS) or tenure is not None or award is not None


_STAFF_AWARD = re.compile(
    r"\b(?:Volunteer|Employee|Nurse|Staff|Physician|Doctor|Colleague)s?\s+of\s+the\s+"
    r"(?:Month|Year|Quarter|Week)\b"
)
_TENURE = re.compile(r"(?i)\b\d+\s+years\s+(?:with|at|on|in)\s+(?:our|the)\b")
