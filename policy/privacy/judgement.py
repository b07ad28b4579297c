"""Whether a candidate identifier is about a patient, or about staff, officials or the hospital.

Recognizers find candidates; ``keep_candidates`` keeps those that point at a patient. Names are
judged in ``people``, other mentions of a found patient in ``mentions``, phone numbers, e-mail
and street addresses in ``contacts``. For names, the rules apply in this order:

- the models' name spans are tidied first (swept-in emoji and lower-case words, cut-off hyphens);
- not a person: departments and programmes ("Cancer Center"), a role alone ("Volunteer"),
  ordinary hashtags, a sentence's unknown first word, "the Keurig", anything with digits;
- an institution: a name followed by a building's or fund's words ("the Pham Pavilion");
- a patient: "patient" or a family word right before the name;
- public (staff, officials, donors, visitors): a title, credentials, a job or office before or
  after the name, staff news (joins, retires, 10 years with our team), a visit or gift in a post
  about nobody's care, a story set before 1950, a name on one of the post's buildings, the next
  name in a list of staff, a later mention of someone already found public;
- a patient after all, whatever the role: a name the post tells of as cared for ("Officer Dana
  Kowalczyk ... Dana is out of her second surgery"), a care home's resident or a veteran named
  with their age, someone named by a job away from health care ("a line cook at Rosie's Diner");
- otherwise a patient: the safe default for a privacy gate. Most name candidates come from the
  patient tagger, which learned from labelled posts which names in hospital posts are
  patients', or from a healthcare recognizer. The tagger's other names (those it did not take
  for a patient's) go through the same rules, and the confidence model after them learned how
  often such a name is a patient's. A name the tagger took for a patient's that the rules
  call staff, official or no person is passed on marked as disputed (``is_disputed``), and
  only the confidence model can keep it.

A patient found once is found again: later mentions of their given name or surname, a nickname
given in brackets, their name inside a hashtag or handle, their name in another script. A phone
line, e-mail address or street address is the organisation's own when its nearest cue words are
the hospital's ("call our nurse line", "located at") and a person's when they are personal ("her
cell", "call you at", right after a patient's name). The organisation's listed public contacts
and names are always allowed. A date with a year before 1900 is nobody living's. A room the
patient tagger found among a venue's words ("our new Family Lounge on 5 East (Room 512)") is a
meeting place, as the room recognizer judges its own. A handle in capitals or naming a newspaper
or agency is an organisation's, one opened by an office ("@MPP_LindaKowalski") an
office-holder's, one with a clinician's job or credential ("@nicu_nurse_alexis") a clinician's,
and the name in it is staff's wherever the post repeats it ("Congrats to Alexis"). An age over
89 whose nearest name before it in the sentence is a public person's is theirs ("Dr. Lindqvist,
Professor Emerita, died on Sunday at age 92"), unless that name is disputed: then the age goes
with the name, reported exactly when the confidence model keeps it. Any age given right with a
patient's name ("Walter Pemberton, 93,") goes with that name too. Dates are not judged so,
because "Dr. Yilmaz repaired her ACL on 03/14/2024" tells a patient's date through a surgeon's
name (tried again with staff deaths and retirements only: it still lost seven patients' dates
for two staff ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult

from policy.privacy.contacts import (
    after_a_patient,
    personal_contact,
    public_handle,
    public_handle_words,
)
from policy.privacy.cues import (
    CARE_WORDS,
    INSTITUTION_BEGAN,
    KINSHIP,
    LONG_AGO_YEAR,
    NOT_NAME_WORDS,
    PUBLIC_TITLES,
    ROLE_WORDS,
    TITLES_IN_A_NAME,
    WORD,
    clause_around,
    ends_a_sentence,
    historical,
    normalise,
    sentence_around,
    vocabulary,
)
from policy.privacy.mentions import as_mention, later_mentions
from policy.privacy.people import (
    COURTESY_TITLES,
    INSTITUTION_NAME,
    TITLE_ONLY_WORDS,
    beyond_dispute,
    care_told_later,
    from_a_model,
    in_a_patients_story,
    in_a_study,
    is_tagged_patient,
    listed_as_patients,
    named_for_the_building,
    person_verdict,
    pets,
    relative_in_our_care,
    staff_named_in_lower_case,
    tidied,
    wished_well,
    with_coordinated_name,
    with_the_models_reading,
)
from policy.privacy.recognizers.age_over_89 import an_age_group, an_anniversary
from policy.privacy.recognizers.patient_date import PATIENT_EVENTS
from policy.privacy.recognizers.room_number import is_a_venue
from policy.privacy.recognizers.social_handle import replied_to_about_own_care
from policy.schema import Organisation

_CONTACTS = ("PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS")
# Identifiers that are numbers, whoever's they are.
_NUMBERS = frozenset(
    {"MRN", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER", "DEVICE_SERIAL", "US_SSN", "LICENSE_PLATE"}
)
# A clinical trial's registry number (ClinicalTrials.gov, ISRCTN): public, no patient's.
_TRIAL_REGISTRY_NUMBER = re.compile(r"(?i)\b(?:NCT|ISRCTN)\d{8}\b")
# A capitalised word without a possessive "'s" (O'Brien, but "Frank" of "Frank's stay").
_CAPITALISED = re.compile(r"\b[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)*")
# "Happy 90th birthday to Evelyn Stroud, our longest-serving volunteer": the age is theirs.
_AGE_GIVEN_TO = re.compile(
    r"\s+(?:to|for)\s+(?:our\s+(?:own\s+)?)?"
    rf"(?:(?i:{'|'.join(sorted(TITLES_IN_A_NAME))})\.?\s+)?"  # "to Dr. Harold Jensen"
)
# Between a name and its age: "Marge is 96", "Walter is now 101".
_IS_AN_AGE = re.compile(r"\s+is\s+(?:now\s+)?")
# An event's day, told with "on": "represent us at the state Nurse of the Year gala in Columbus
# on November 8", "at the launch of our Centre of Excellence for Trauma Care on 19 March".
_AT_AN_EVENT = re.compile(
    r"(?i)\b(?:at|for|during)\s+(?:the|our|this|a|an)\s+(?:[\w'’.-]+\s+){0,6}?"
    r"(?:awards?|gala|launch|conference|summit|ceremony|symposium|congress|convention|banquet"
    r"|luncheon|forum|opening|graduation)\s+(?:[\w'’.-]+\s+){0,8}?"
    r"on\s+(?:\w+day,?\s+)?$"
)
# Words of something that happened to someone ("Patient Experience Champion" is an award's name).
_SOMETHING_HAPPENED = PATIENT_EVENTS | (CARE_WORDS - {"patient"}) | vocabulary("tore broke hurt")
# Hours from one time to another right after a date: an event's or a clinic's, not a patient's.
_OPENING_HOURS = re.compile(
    r"(?i),?\s*(?:from\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:to|until|till|[–-])\s*"
    r"\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|noon)"
    # "on Wednesday, Oct 16 between 6 and 7 a.m.", "sábado 2 de agosto, de 8 a 12"
    r"|,?\s*between\s+\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\s*and\s+\d{1,2}(?::\d{2})?"
    r"\s*(?:a\.?m\.?|p\.?m\.?|noon)"
    r"|,?\s*de\s+\d{1,2}(?::\d{2})?\s*a\s+\d{1,2}(?::\d{2})?\b"
)
# How far an age may follow the public person's name it belongs to.
_AGE_AFTER_NAME = 120


@dataclass(frozen=True)
class AllowList:
    """The organisation's public contacts and names, normalised for comparison."""

    values: frozenset[str]
    domains: frozenset[str]
    name_words: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, organisation: Organisation) -> AllowList:
        contacts = organisation.public_contacts
        values = [*contacts.phones, *contacts.emails, *contacts.websites, *contacts.addresses]
        domains = {email.rsplit("@", 1)[-1].lower() for email in contacts.emails}
        domains |= {
            re.sub(r"^(?:https?://)?(?:www\.)?", "", w).split("/")[0] for w in contacts.websites
        }
        names = tuple(
            frozenset(word.lower() for word in WORD.findall(name))
            for name in organisation.public_names
        )
        return cls(frozenset(normalise(v) for v in values), frozenset(domains), names)

    def allows(self, entity_type: str, span: str) -> bool:
        if normalise(span) in self.values:
            return True
        if entity_type == "EMAIL_ADDRESS" and span.rsplit("@", 1)[-1].lower() in self.domains:
            return True
        if entity_type == "PERSON":
            words = {word.lower() for word in WORD.findall(span)}
            return any(words and words <= name for name in self.name_words)
        return False


def keep_candidates(
    text: str, results: list[RecognizerResult], allow: AllowList
) -> list[RecognizerResult]:
    """The candidates that identify a patient, widest first where they overlap."""
    kept: list[RecognizerResult] = []
    # Names on buildings and funds are donors' or namesakes': "the Tranh & Mai Pham Pavilion".
    named_after = frozenset(
        word.lower() for run in INSTITUTION_NAME.findall(text) for word in WORD.findall(run)
    )
    public_words = (
        set(named_after)
        | named_for_the_building(text, named_after)
        | staff_named_in_lower_case(text)
        | pets(text)
    )
    # "@KimBrennanRN ... Congrats to Kim": the name is staff's; a found patient's name inside
    # such a handle ("@nurse.sam.rn Get well soon, Sam") still makes it a mention.
    clinicians = public_handle_words(text) - KINSHIP
    public_spans: list[tuple[int, int]] = []
    in_the_story = _people_in_a_patients_story(text, results)
    # Where the post's first name ends: the relatives a name's "his" or "her" tells of are that
    # person's only when no one is named before ("Mr. Okonkwo told night nurse Jolene he'd been
    # craving his late wife's pancakes").
    names = _name_spans(results)
    first_name = min((end for _, end in names), default=len(text))
    disputed: list[RecognizerResult] = []
    # The organisation's own lines and addresses, which a model may read part of as something
    # else: the tagger's "record number" 0412 inside the clinic's "(0412) 55-51-60". (Its reading
    # of the whole number stands on its own: many a patient's number the rules take for the
    # clinic's is one the tagger reads right.)
    not_personal: list[RecognizerResult] = []
    # The rules' candidates first, so that where they and a model found the same identifier
    # the rules' span (a record number without the words after it) is the one reported.
    in_order = sorted(results, key=lambda r: (from_a_model(r), r.start, r.start - r.end))
    for result in in_order:
        if any(result.start < other.end and other.start < result.end for other in kept):
            continue  # overlapping candidates are reported once, the widest
        if from_a_model(result) and any(_part_of(text, result, other) for other in not_personal):
            continue
        span = text[result.start : result.end]
        if allow.allows(result.entity_type, span):
            continue
        if result.entity_type == "PERSON":
            clean = tidied(text, result)
            if clean is None:
                continue
            result, span = clean, text[clean.start : clean.end]
            verdict = person_verdict(
                text, result, public_words | clinicians, public_spans, named_after
            )
            if verdict == "public" and (
                _name_words(span) & in_the_story
                or (
                    result.start <= first_name
                    and not _name_words(span) & named_after
                    and relative_in_our_care(text, result.end, _next_name(text, names, result.end))
                )
            ):
                # "Officer Dana Kowalczyk ... Dana is out of surgery", "Our charge nurse Manny
                # asked us to share this: his dad, Arturo, 91, spent a week on 3 West"
                verdict = "patient"
            if verdict == "patient" and _name_words(span) & in_the_story:
                result = _with_metadata(result, {_OWN_CARE_KEY: True})
            if verdict == "public":
                public_words.update(word.lower() for word in WORD.findall(span))
                public_spans.append((result.start, result.end))
            if verdict != "patient":
                if is_tagged_patient(result) and not beyond_dispute(text, result):
                    disputed.append(result)
                continue
            result = with_coordinated_name(
                text, with_the_models_reading(text, result, results), kept
            )
        elif result.entity_type in _NUMBERS and _nobodys_number(span):
            continue  # "for example SND-0000-00000", "NCT05873311": a sample or a trial's number
        elif result.entity_type == "DATE" and LONG_AGO_YEAR.search(span):
            # "Florence Nightingale was born on 12 May 1820": nobody living. Only the date's own
            # year counts: a veteran's discharge date in a sentence that also says 1944 is PHI.
            continue
        elif result.entity_type == "IDENTIFYING_DETAILS" and historical(
            text, result.start, result.end
        ):
            continue  # "Florence Nightingale was born on 12 May 1820", read as a place: history
        elif result.entity_type == "DATE" and _OPENING_HOURS.match(text, result.end):
            continue  # "Blood drive on March 14 from 10 am to 4 pm": an event's day
        elif result.entity_type == "DATE" and _an_events_day(text, result):
            continue  # "at the Kenya Healthcare Awards on 20 March"
        elif result.entity_type == "DATE" and _an_institutions_day(text, result):
            continue  # "On April 3, 1925, Mercy General opened its doors with 40 beds"
        elif result.entity_type == "DATE" and _a_colleagues_death(text, result):
            continue  # "Walt Brennan, who volunteered with us for 24 years, died January 12"
        elif result.entity_type == "AGE_OVER_89" and an_age_group(text, result.start, result.end):
            continue  # the tagger's "старше 90 лет", "90세 이상": an age group, nobody's age
        elif result.entity_type == "AGE_OVER_89" and an_anniversary(text, result.start, result.end):
            continue  # "Our maternity unit turns 90 this month! Since November 1934, ..."
        elif result.entity_type == "ROOM_NUMBER" and is_a_venue(text, result.start, result.end):
            continue  # the tagger's "Family Lounge on 5 East (Room 512)": a place for visitors
        elif (
            result.entity_type == "SOCIAL_HANDLE"
            and public_handle(span)
            and not replied_to_about_own_care(text, result.start)
        ):
            continue  # "New in @NEJM", "@FairhavenGazette", "@MPP_LindaKowalski": not a patient
        elif result.entity_type in _CONTACTS and not (
            after_a_patient(text, result, kept) or personal_contact(text, result, span)
        ):
            not_personal.append(result)
            continue
        kept.append(result)
    ages = [result for result in kept if result.entity_type == "AGE_OVER_89"]
    kept = _without_public_people(text, kept, public_words, public_spans)
    ages = [age for age in ages if age not in kept]
    mentions = later_mentions(text, kept, public_words)
    # A mention replaces another reading of the same words (the tagger's place "Kateryna").
    kept = [
        result
        for result in kept
        if not any(m.start <= result.start and result.end <= m.end for m in mentions)
    ] + mentions
    kept += _let_go_elsewhere(text, results, kept)
    for result in disputed:
        if not any(result.start < other.end and other.start < result.end for other in kept):
            kept.append(_marked_disputed(result))
    kept += _ages_of_disputed_names(text, ages, kept, public_spans, disputed)
    return sorted(_ages_with_their_names(text, kept), key=lambda r: r.start)


def _part_of(text: str, result: RecognizerResult, other: RecognizerResult) -> bool:
    """Whether ``result`` is part of ``other``'s number, read as something else (the same
    number in brackets, "(2953 41876 1)", is the whole of it)."""
    digits = [
        sum(char.isdigit() for char in text[found.start : found.end]) for found in (result, other)
    ]
    return (
        other.start <= result.start
        and result.end <= other.end
        and digits[0] < digits[1]
        and result.entity_type != other.entity_type
    )


# A death told in the same sentence as the dead person's service: an obituary of staff, a
# volunteer or a board member ("Walt Brennan, who volunteered with Lakeshore Hospice for 24
# years, died January 12", "James T. Okonkwo, chair emeritus, who died October 3"), whose dates
# are public; not where the sentence tells of care ("one of our longtime patients", "longtime
# resident Stan Kuzyk passed away on May 8", "who died here").
_DIED_BEFORE = re.compile(r"(?i)\b(?:died|passed\s+away)\b[^.!?]{0,40}$")
_SERVICE = re.compile(
    r"(?i)\b(?:served|worked|volunteered|founded|joined\s+(?:us|our|the)|retired\s+(?:in|from|after)"
    r"|chair(?:ed|man|woman)?|treasurer|emeritus|director|longtime|long-time|longest-serving"
    r"|colleague|career|board)\b"
)
# Care in lower case: "Care" capitalised names a programme or a board ("our Rides to Care
# program", "the Lakeshore Hospice Care board").
_CARE_IN_THE_SENTENCE = re.compile(
    r"\b(?:care|(?i:cared|in\s+our|with\s+us|here|patients?|residents?|admitted|ICU|unit|ward"
    r"|bed|room|dialysis|treatments?|chemo\w*))\b"
)


# Not a job at a death: "his family honored his wish to be a donor".
_ORGAN_DONORS = frozenset({"donor", "donors"})


def _a_colleagues_death(text: str, date: RecognizerResult) -> bool:
    """Whether a date is the death of someone its sentence names by their job ("Denise Farrow,
    a social worker on our team, died on August 14") or tells, or the sentence before does,
    of serving the organisation ("Nancy Pham, RN, served in the ED for 27 years. Nancy passed
    away Oct. 8"); neither sentence may tell of care (a patient's story names "the nurses")."""
    if not _DIED_BEFORE.search(text, max(0, date.start - 60), date.start):
        return False
    start, end = sentence_around(text, date.start, date.end)
    before = sentence_around(text, start - 1, start - 1)[0] if start > 0 else start
    sentence, both = text[start:end], text[before:end]
    jobs = {word.lower() for word in WORD.findall(sentence)} & (ROLE_WORDS - _ORGAN_DONORS)
    return bool(_SERVICE.search(both) or jobs) and not _CARE_IN_THE_SENTENCE.search(both)


# The day an institution began or was built, told in the date's sentence: "Mercy General opened
# its doors on April 3, 1925", "Founded in September 1975", "Groundbreaking is set for October
# 15", "nous avons inauguré notre nouveau service".
_AN_INSTITUTIONS_BEGINNING = re.compile(
    rf"(?i)\b(?:{INSTITUTION_BEGAN}|groundbreaking|broke\s+ground|inaugur\w*|verified\s+as)\b"
)


def _an_institutions_day(text: str, date: RecognizerResult) -> bool:
    """Whether a date is an institution's founding, opening or building day: its sentence says
    so and tells of nobody's care or injury."""
    start, end = sentence_around(text, date.start, date.end)
    if not _AN_INSTITUTIONS_BEGINNING.search(text, start, end):
        return False
    words = {word.lower() for word in WORD.findall(text[start:end])}
    return words.isdisjoint(_SOMETHING_HAPPENED)


def _an_events_day(text: str, date: RecognizerResult) -> bool:
    """Whether a date is the day of an awards night, gala, launch or conference its clause puts
    it at, in a clause that tells of nobody's injury or care ("tore her hamstring at the
    conference meet on March 14" is the day of an injury)."""
    clause_start, _ = clause_around(text, date.start, date.end)
    if not _AT_AN_EVENT.search(text, clause_start, date.start):
        return False
    clause = {word.lower() for word in WORD.findall(text[clause_start : date.start])}
    return clause.isdisjoint(_SOMETHING_HAPPENED)


def _ages_with_their_names(text: str, kept: list[RecognizerResult]) -> list[RecognizerResult]:
    """Each age given right with a found name, marked as that name's (``belongs_to``).

    "Meet Walter Pemberton, 93, who has pushed the book cart since 1987": whether the age tells
    of a patient is whether the name does. Weighed apart, the confidence model dropped such a
    volunteer's name and kept the age beside it.
    """
    # A disputed name may be no name at all ("Cumplió 96 años"): it cannot take an age with it.
    names = [(r.start, r.end) for r in kept if r.entity_type == "PERSON" and not is_disputed(r)]
    marked = []
    for result in kept:
        if result.entity_type == "AGE_OVER_89" and belongs_to(result) is None:
            owner = next((span for span in names if _given_with(text, result, span)), None)
            if owner is not None:
                result = _with_metadata(result, {_BELONGS_TO_KEY: owner})
        marked.append(result)
    return marked


def _ages_of_disputed_names(
    text: str,
    dropped_ages: list[RecognizerResult],
    kept: list[RecognizerResult],
    public_spans: list[tuple[int, int]],
    disputed: list[RecognizerResult],
) -> list[RecognizerResult]:
    """The ages dropped only because they were given to a disputed name ("Evelyn Marsh, a
    resident at The Pines, turned 102"), each marked as that name's: it is reported exactly
    when the name is (``belongs_to``), since a patient's age is as telling as their name."""
    disputed_spans = [(result.start, result.end) for result in disputed]
    undisputed = [span for span in public_spans if span not in disputed_spans]
    owned = []
    for age in dropped_ages:
        if _is_public_age(text, age, kept, undisputed):
            continue  # given to someone the rules alone call public
        nearest_first = sorted(disputed_spans, key=lambda span: abs(span[0] - age.start))
        owner = next(
            (span for span in nearest_first if _is_public_age(text, age, kept, [span])), None
        )
        if owner is not None:
            owned.append(_with_metadata(age, {_DISPUTED_KEY: True, _BELONGS_TO_KEY: owner}))
    return owned


# The metadata key that marks a name the tagger took for a patient's and the rules did not.
_DISPUTED_KEY = "judged_not_a_patient"
# The metadata key of an age given with a name: the (start, end) of that name.
_BELONGS_TO_KEY = "belongs_to"
# The metadata key of a name the post tells of receiving care (``told_of_own_care``).
_OWN_CARE_KEY = "told_of_own_care"


def _marked_disputed(result: RecognizerResult) -> RecognizerResult:
    return _with_metadata(result, {_DISPUTED_KEY: True})


def _with_metadata(result: RecognizerResult, marks: dict[str, object]) -> RecognizerResult:
    """A copy of ``result`` with ``marks`` added to its recognition metadata."""
    metadata = dict(result.recognition_metadata or {}) | marks
    return RecognizerResult(
        result.entity_type, result.start, result.end, result.score, recognition_metadata=metadata
    )


def is_disputed(result: RecognizerResult) -> bool:
    """Whether the patient tagger took ``result`` for a patient's name and the rules did not.

    Such a name is kept only if the confidence model keeps it: the rules' verdict (staff, an
    official, no person) is one thing it weighs, with the words of the post, not a veto. On
    posts the learned parts had not seen, this found more identifiers and flagged fewer clean
    posts than letting the rules decide alone. An age given to such a name is disputed with it
    (``belongs_to``) and goes whichever way the name goes.
    """
    return bool((result.recognition_metadata or {}).get(_DISPUTED_KEY))


def told_of_own_care(result: RecognizerResult) -> bool:
    """Whether ``result`` is a patient's name that the post tells of receiving care, or of a
    private person in a patient's story ("Nurse Theresa Kwan ... Last spring she became our
    patient", "says Fiona Kerr, whose mother Agnes spent six weeks in bay 3"), whatever role
    it is given. The words around such a name are often a staff member's or a quoted
    speaker's, and the confidence model, which weighs them, would drop it; the engine reports
    it whatever the model says. Not a staff member's relative found only by "his dad, Arturo"
    (``people.relative_in_our_care``), which family news tells of as often."""
    return bool((result.recognition_metadata or {}).get(_OWN_CARE_KEY))


def belongs_to(result: RecognizerResult) -> tuple[int, int] | None:
    """The span of the disputed name an age was given to, which it is reported with."""
    owner = (result.recognition_metadata or {}).get(_BELONGS_TO_KEY)
    return (owner[0], owner[1]) if owner else None


def _name_words(span: str) -> set[str]:
    """The lower-cased words of a name, without titles and family words."""
    words = {word.lower() for word in WORD.findall(span)}
    return words - KINSHIP - COURTESY_TITLES - PUBLIC_TITLES - ROLE_WORDS


def _let_go_elsewhere(
    text: str, results: list[RecognizerResult], kept: list[RecognizerResult]
) -> list[RecognizerResult]:
    """The names let go of in one place that name a patient kept in another: "Agnes Mulcahy was
    a nurse at St. Brendan's ... she has been one of our patients ... Agnes trained here in
    1951". Every word of the name must be a word of a kept patient's name."""
    patients = {
        word
        for result in kept
        if result.entity_type == "PERSON"
        for word in _name_words(text[result.start : result.end])
        if len(word) > 1 and word not in NOT_NAME_WORDS
    }
    found: list[RecognizerResult] = []
    if not patients:
        return found
    for result in results:
        if result.entity_type != "PERSON":
            continue
        clean = tidied(text, result)
        if clean is None or any(
            clean.start < other.end and other.start < clean.end for other in kept + found
        ):
            continue
        span = text[clean.start : clean.end]
        words = _name_words(span) - TITLE_ONLY_WORDS
        if not words or not words <= patients:
            continue
        word_before = WORD.findall(text[max(0, clean.start - 30) : clean.start])[-1:]
        if {word.lower() for word in [*word_before, *WORD.findall(span)]} & (
            ROLE_WORDS | PUBLIC_TITLES
        ):
            continue  # "pharmacist Grace", "Chaplain Owen": a colleague who shares the name
        if person_verdict(text, clean, set()) in ("not-a-person", "institution"):
            continue  # "#Teletón", "the Terry Fox Foundation"
        found.append(as_mention(clean))
    return found


def _name_spans(results: list[RecognizerResult]) -> list[tuple[int, int]]:
    """The (start, end) of every name candidate, in order."""
    return sorted({(r.start, r.end) for r in results if r.entity_type == "PERSON"})


def _next_name(text: str, names: list[tuple[int, int]], end: int) -> int:
    """Where the first of ``names`` starting at or after ``end`` starts (the text's end if none)."""
    return min((start for start, _ in names if start >= end), default=len(text))


def _people_in_a_patients_story(text: str, results: list[RecognizerResult]) -> set[str]:
    """The words of the names the post tells of as receiving care, whatever role it gives
    them, or as private people in a patient's story or research participants: a name
    candidate, or a capitalised word, right before "is in critical condition", "was treated",
    "had a heart attack", "started CPR", "enrolled in the trial"."""
    names = _name_spans(results)
    next_name = {(start, end): _next_name(text, names, end) for start, end in names}
    capitalised = [found.span() for found in _CAPITALISED.finditer(text)]
    named = [
        text[start:end]
        for start, end in names + capitalised
        if (
            in_a_patients_story(text, end)
            or in_a_study(text, start, end)
            or listed_as_patients(text, start)
            or (
                (start, end) in next_name
                and (
                    care_told_later(text, end, next_name[start, end])
                    or wished_well(text, start, end)
                )
            )
        )
        # "In 1847, Elizabeth Blackwell was admitted to Geneva Medical College"
        and not historical(text, start, end)
    ]
    return _name_words(" ".join(named))


def _nobodys_number(span: str) -> bool:
    """A sample number whose digits are all zeros ("SND-0000-00000", "MRN 000-000-00"), or a
    clinical trial's registry number."""
    digits = re.sub(r"\D", "", span)
    return (len(digits) >= 4 and not digits.strip("0")) or bool(_TRIAL_REGISTRY_NUMBER.search(span))


def _without_public_people(
    text: str,
    kept: list[RecognizerResult],
    public_words: set[str],
    public_spans: list[tuple[int, int]],
) -> list[RecognizerResult]:
    """Drop what the whole post shows to be about public people after all.

    A name found before the sentence that shows it is staff ("the Henderson family ... Robert
    Henderson, who served on our Board"), an age given with a public person's name ("Dr.
    Edward Lim, aged 94", "Volunteer of the Month is 91-year-old Arthur Bennett", "Happy 90th
    birthday to Evelyn Stroud, our longest-serving volunteer") or told of one later in the
    sentence.
    """

    def public_person(result: RecognizerResult) -> bool:
        words = {word.lower() for word in WORD.findall(text[result.start : result.end])}
        words -= KINSHIP | COURTESY_TITLES | {"and"}
        return bool(words) and words <= public_words

    return [
        result
        for result in kept
        if not (result.entity_type == "PERSON" and public_person(result))
        and not (
            result.entity_type == "AGE_OVER_89" and _is_public_age(text, result, kept, public_spans)
        )
    ]


def _is_public_age(
    text: str,
    result: RecognizerResult,
    kept: list[RecognizerResult],
    public_spans: list[tuple[int, int]],
) -> bool:
    """Whether an age is given with, or told of, one of the public names at ``public_spans``."""
    return any(_given_with(text, result, span) for span in public_spans) or (
        _told_of_a_public_person(text, result, kept, public_spans)
    )


def _given_with(text: str, age: RecognizerResult, name: tuple[int, int]) -> bool:
    """Whether an age is given right with the name at ``name``: "Walter Pemberton, 93,",
    "96-year-old Winifred Ashby", "Grandpa Gus (age 96!)", "Happy 90th birthday to Evelyn",
    "Marge is 96"."""
    name_start, name_end = name
    return (
        0 <= name_start - age.end <= 3
        or 0 <= age.start - name_end <= 3
        or _AGE_GIVEN_TO.fullmatch(text, age.end, name_start) is not None
        or _IS_AN_AGE.fullmatch(text, name_end, age.start) is not None
    )


def _told_of_a_public_person(
    text: str,
    result: RecognizerResult,
    kept: list[RecognizerResult],
    public_spans: list[tuple[int, int]],
) -> bool:
    """Whether the nearest name before an age, in its sentence, is a public person's, with no
    patient and no word of care in between ("Dr. Harriet Lindqvist, Professor Emerita of
    Obstetrics, died peacefully on Sunday at age 92")."""
    before = [span for span in public_spans if 0 <= result.start - span[1] <= _AGE_AFTER_NAME]
    if not before:
        return False
    name_start, name_end = max(before, key=lambda span: span[1])
    between = text[name_end : result.start]
    # "Give Mr. Bertolli our best, and a happy 92nd birthday": a courtesy title alone is how a
    # post speaks of a patient as often as of anyone public.
    titled = {word.lower() for word in WORD.findall(text[max(0, name_start - 6) : name_end])}
    return not (
        titled & COURTESY_TITLES
        or ends_a_sentence(text, name_end, result.start)
        or any(
            other.entity_type == "PERSON" and name_end <= other.start < result.start
            for other in kept
        )
        or {word.lower() for word in WORD.findall(between)} & CARE_WORDS
    )
