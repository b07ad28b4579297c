"""AGE_OVER_89: a person's age of 90 or more, which HIPAA Safe Harbor treats as identifying.

Patterns: ordinal birthdays (``101st birthday``), ``turns 95`` / ``turning 100``, ``aged 93``,
``98 years old`` / ``91 years young``, ``92-year-old patient``, ``101 yr old``, ``95yo``, ``At
97, Walter...``, ``who at 99 donated``, ``at the age of 96``, a bare age told by whose it is
(``Marion, now 90,``, ``She's 104``, ``Hank is 98,``, ``Herr Wagner, 93, konnte``), ages spelled out
(``ninety-three-year-old``, ``turned one hundred and one``), ``92 candles`` in a birthday post,
``95岁``, ``100歳``, ``100세``, ``97 años``, ``92 ans``, ``96 Jahren``, ``97 лет``,
``90 років``, ``95 tuổi``, ``sinh nhật lần thứ 95``, ``faz 91!``, ``Cento candeline``,
``Born in 1929`` (a birth year 90 or more years ago),
``98 taong gulang``, ``(ਉਮਰ 92)``, ``(91 an)``, ``100. Geburtstag``, ``96. urodziny``,
``101-letni``, ``95-річчя``, ``miaka 93``, ``100 oed``, ``Penblwydd hapus yn 103``,
``101 bliain d'aois``,
``عيد ميلادها الـ102``, ``白寿``, ``百岁``, ``九十八歲``, ``٩٧ عاماً``, ``٩١ عامًا``, ``۹۶ برس``,
``94 χρονών``, ``100 வயது``, ``ika-100 kaarawan``, ``۹۳ ساله``, ``৯৩ বছর``, ``९४औँ जन्मदिन``,
``95ویں سالگرہ``, ``98ኛ ዓመት``.
Digits in other scripts are read as the engine gives them, as ASCII digits
(``cues.with_ascii_digits``). Context: none needed, the phrasing is personal; near misses are
excluded by what follows (``aged 90 and over``, ``90+``, ``100-year-old chapel``) and by an
organisation as the subject (``St. Mary's is turning 100``) or a sentence set before 1950.
Score 0.85.
"""

from __future__ import annotations

import re
from datetime import date

from policy.privacy.cues import (
    INSTITUTION_BEGAN,
    clause_around,
    historical,
    sentence_around,
    vocabulary,
    words_before,
)
from policy.privacy.recognizers.base import CuePattern, RegexRecognizer
from policy.privacy.recognizers.known_name import is_given_name

_AGE = r"(?:9\d|1[01]\d)"
# Spelled out: "ninety-three", "one hundred and one", "a hundred and two" (never "a hundred"
# alone, a figure of speech).
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_AGE_WORDS = (
    rf"(?:ninety(?:[\s-]{_UNITS})?|one[\s-]hundred(?:[\s-](?:and[\s-])?{_UNITS})?"
    rf"|a\s+hundred\s+and\s+{_UNITS})"
)
# An age in figures or words, where the words around it already say it is one person's age
# ("At ninety-two, she quizzed", "Dr. Samuel Adler, ninety-five, her", "at a hundred and one,").
_AGE_OR_WORDS = rf"(?:{_AGE}|{_AGE_WORDS})"
_ORDINAL_WORDS = (
    r"(?:ninetieth|ninety[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|(?:one[\s-])?hundredth|(?:one[\s-])?hundred[\s-](?:and[\s-])?(?:first|second|third))"
)
# "aged 90 and over", "90+", "90 to 100": a range of ages, not one person's.
_NOT_A_RANGE = (
    r"(?!\s*(?:\+|and\s+(?:over|older|up|above)|or\s+(?:older|over|above)|to\s+\d|[-–]\s*\d))"
)
# What may follow a bare age: a clause's end or "and" ("She's 104, she was a Navy nurse").
_AGE_ENDS = r"(?=\s*(?:[,.;:!?)\]—–]|\s+and\b|$))"
# Nouns a "100-year-old" may describe that are not people.
_THINGS = (
    r"building|hospital|chapel|church|tradition|institution|organi[sz]ation|history|tree|campus"
    r"|wing|practice|recipe|legacy|house|home|school|clinic|company|bridge|piano|clock|photo"
)
# "patients over 90 years old", "старше 90 лет", "com mais de 90 anos", "90세 이상", "90 ans et
# plus": an age group in figures or advice, not one person's age.
_GROUP_BEFORE = re.compile(
    r"(?i)(?<!\w)(?:over|above|under|older\s+than|more\s+than|старше|свыше|более|mais\s+de"
    r"|acima\s+de|más\s+de|mayores\s+de|über|ab|plus\s+de|à\s+partir\s+de|a\s+partir\s+de"
    r"|oltre(?:\s+i)?|powyżej|ponad|trên|від|от|віком\s+від|понад)\s+$"
)
# Years ago, not an age: "Há 90 anos", "Il y a 100 ans", "Hace 100 años", "vor 90 Jahren"; but
# "nació hace 95 años" (born 95 years ago) is one.
_YEARS_AGO_BEFORE = re.compile(r"(?i)(?<!\w)(?:há|hace|il\s+y\s+a|vor)\s+$")
_BORN = re.compile(r"(?i)\b(?:born|nac\w*|nasc\w*|née?|naquit|geboren|nat[oa])\b")
# After the number: "or older" in the posts' languages ("90세 이상", "90 років і старше", "90 عامًا
# فما فوق"), or a share, not an age ("۹۸ فیصد", "98 per cent").
_GROUP_AFTER = re.compile(
    r"(?i)\s*(?:이상|以上|or\s+(?:older|over|more)|and\s+(?:older|over|up)|[oy]\s+más"
    r"|y\s+mayores|(?:ou|e)\s+mais|(?:ou|et)\s+plus|e\s+oltre|(?:und|oder)\s+(?:älter|mehr|darüber)"
    r"|(?:\w+\s+)?na\s+zaidi"  # Swahili: "miaka 90 na zaidi"
    r"|(?:i|lub)\s+więcej|и\s+(?:старше|более)|і\s+старше|trở\s+lên|pataas"
    r"|(?:\S+\s+)?[فو]?\s*ما\s+فوق|و\s+بالاتر|سے\s+زائد"
    r"|%|٪|percent\b|per\s+cent\b|por\s+ciento|pour\s+cent|prozent|per\s+cento|procent"
    r"|відсот|процент|فیصد|درصد|بالمئة|في\s+المئة"
    # an era, not an age ("100세 시대", the age of living to 100); a distance or a weight; a
    # count of cases, patients or beds ("97 casos de câncer")
    r"|(?:세\s*)?시대|(?:km|kg|mi|lbs?|miles?)\b"
    r"|(?:cases|casos|casi|przypadk\w*|patients|pacientes|pazienti|pacjent\w*|beds|camas"
    r"|leitos|letti|łóżek)\b)"
)
_DIGITS = re.compile(r"\d+")
# An ordinal that counts people or events, not years: "the 100th participant", "our 95th baby".
_ORDINAL_OF_A_COUNT = re.compile(
    r"(?i)(?:st|nd|rd|th)\s+(?:\w+\s+)?(?:participants?|patients?|bab(?:y|ies)|births?|deliver"
    r"(?:y|ies)|donors?|visitors?|members?|callers?|transplants?|surger(?:y|ies)|procedures?"
    r"|cases?|volunteers?|graduates?|enrollees?|sessions?|treatments?|infusions?|shifts?|wins?"
    r"|games?)\b"
)
# The hospital's own anniversary: "Happy 100th birthday to US!".
_TO_US_AFTER = re.compile(
    r"(?i)\s+to\s+(?:us"
    # "Happy 90th birthday to the Tāwhiti Hospital Auxiliary!", "to our Volunteer Guild" (not
    # "to our hospital volunteer, Pat")
    r"|(?:the|our)\s+(?:[\w'’.-]+\s+){0,4}?(?:auxiliary|guild|hospital|foundation|society"
    r"|association|college|school|clinic|unit|department|service|corps|league))\b"
    r"(?=\s*(?:[!.,;:)]|$))"
)
# Older than anyone in a post is: "Happy 250th birthday to the U.S. Navy", "the Nurse Corps' 117th".
_OLDER_THAN_ANYONE = 115
# Years gone by, not an age: "102 years later, we're 412 beds", "100 years ago today".
_YEARS_GONE_BY = re.compile(r"(?i)\s+years?\s+(?:later|ago|on|since)\b")
# A death in a story from long ago; "a 97-year-old who landed at Juno Beach in 1944" is alive.
_DEATH = re.compile(r"(?i)\b(?:died|death|passed|lived\s+to)\b")
_BIRTHDAY = re.compile(r"(?i)\b(?:birthday|bday|b-day|cake)")
# Subjects that make "turning 100" an anniversary, not a birthday.
_INSTITUTIONS = vocabulary(
    "hospital we center centre clinic foundation school st university health"
)

# "Born in 1909, Dr. Virginia Apgar", "Born in 1915 in Leeds, Dame ...": a biography's subject.
_A_TITLED_FIGURE_AFTER = re.compile(
    r"(?:\s+in\s+[^,.;]+)?,?\s+(?:Dr|Doctor|Sir|Dame|Prof|Professor)\b"
)


def _born_90_or_more_years_ago(text: str, start: int, end: int) -> bool:
    """Whether the year in ``text[start:end]`` ("Born in 1929") makes its person 90 or more
    today, and that person is not a doctor or a titled figure in a biography ("Born in 1909,
    Dr. Virginia Apgar"); the pattern keeps to 1900 on, as a year before it is history's."""
    year = int(_DIGITS.findall(text, start, end)[-1])
    return date.today().year - year >= 90 and not _A_TITLED_FIGURE_AFTER.match(text, end)


# "Hank is 98, Margie is 96", "Walter is a hundred and two.": a given name's own age.
_GIVEN_NAME_IS = re.compile(r"\b([A-Z][a-z]+)\s+is\s+(?:now\s+)?$")


def _after_a_given_name(text: str, start: int, end: int) -> bool:
    """Whether the age at ``text[start:end]`` follows "<given name> is" (not "Unit 5 is")."""
    name = _GIVEN_NAME_IS.search(text, max(0, start - 40), start)
    return name is not None and is_given_name(name.group(1))


class AgeOver89Recognizer(RegexRecognizer):
    """Finds a person's age when it is 90 or more."""

    ENTITY = "AGE_OVER_89"
    PATTERNS = (
        CuePattern(
            "ordinal birthday",
            re.compile(
                rf"(?i)\b(?:happy\s+)?{_AGE}(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)\b"
                # not "Happy 90th anniversary to St. Brigid's Home!"
                rf"|\bhappy\s+{_AGE}(?:st|nd|rd|th)\b(?!\s+(?:anniversary|jubilee|year)\b)"
            ),
            0.85,
        ),
        CuePattern(
            "spelled-out age",
            re.compile(
                rf"(?i)\b(?:happy\s+)?{_ORDINAL_WORDS}\s+(?:birthday|bday|b-day)\b"
                rf"|\b(?:turns|turned|turning)\s+{_AGE_WORDS}\b(?![\s-]+(?:years?\s+(?!old)|percent))"
                rf"|\b{_AGE_WORDS}[\s-]years?[\s-](?:old|young)\b(?!\s+(?:{_THINGS})\b)"
            ),
            0.85,
        ),
        # "Born in 1929": a birth year alone tells an age of 90 or more (HIPAA counts it with
        # the age); a full date of birth is the date recognizer's.
        CuePattern(
            "born in year",
            re.compile(r"(?i)\bborn\s+(?:in\s+)?19\d\d\b(?![-–/]\d)"),
            0.85,
            check=_born_90_or_more_years_ago,
        ),
        # "92 candles", "Ninety-eight candles": a birthday cake's count is the age.
        CuePattern(
            "candles",
            re.compile(
                rf"(?i)\b(?:{_AGE}|{_AGE_WORDS})\s+candles\b"
                rf"|\b(?:{_AGE}|cento|cien|cent)\s+(?:candeline|velas|velinhas|bougies|Kerzen)\b"
            ),
            0.85,
        ),
        CuePattern(
            "turns",
            re.compile(rf"(?i)\b(?:turns|turned|turning|aged?)\s+{_AGE}\b{_NOT_A_RANGE}"),
            0.85,
        ),
        CuePattern("years old", re.compile(rf"(?i)\b{_AGE}\s+years?\s+(?:old|young)\b"), 0.85),
        # Written in a hurry: "101 yr old", "95yo", "92 y/o", "98 y.o."
        CuePattern(
            "yr old",
            re.compile(
                rf"(?i)\b{_AGE}\s*(?:-?\s*yrs?\.?[\s-]*(?:old|young)\b|y/?o\b|y\.o\.)"
                rf"(?!\s+(?:{_THINGS})\b)"
            ),
            0.85,
        ),
        CuePattern(
            "n-year-old",
            re.compile(rf"(?i)\b{_AGE}[\s-]years?[\s-]old\b(?!\s+(?:{_THINGS})\b)"),
            0.85,
        ),
        CuePattern(
            "at n, ...", re.compile(rf"(?i)\bat\s+(?P<age>{_AGE_OR_WORDS}),\s"), 0.75, "age"
        ),
        # "who at 99 donated", "at the age of 96": an age when a verb follows, not "at 99 Main St".
        CuePattern(
            "at n + verb",
            re.compile(
                rf"(?i)\bat\s+(?:the\s+age\s+of\s+|age\s+)?(?P<age>{_AGE_OR_WORDS})"
                rf"(?=\s+(?:is|was|still|has|had|just|became|she|he|[a-z]+ed)\b)"
            ),
            0.75,
            "age",
        ),
        CuePattern("at the age of n", re.compile(rf"(?i)\bat\s+the\s+age\s+of\s+{_AGE}\b"), 0.8),
        # "Marion, now 90, wrote", "She's 104", "Herr Wagner, 93, konnte": a bare age, told by
        # who it belongs to and by the punctuation or "and" that closes it (not "now 95%").
        CuePattern(
            "now n",
            re.compile(rf"(?i)\bnow\s+(?P<age>{_AGE_OR_WORDS})\b{_AGE_ENDS}"),
            0.75,
            "age",
        ),
        CuePattern(
            "she's n",
            re.compile(
                rf"(?i)\b(?:she|he|who)(?:['’]s|\s+is|\s+was)\s+(?:now\s+)?(?P<age>{_AGE_OR_WORDS})\b"
                rf"{_AGE_ENDS}"
            ),
            0.75,
            "age",
        ),
        CuePattern(
            "name is n",
            re.compile(rf"\bis\s+(?:now\s+)?(?P<age>{_AGE_OR_WORDS})\b{_AGE_ENDS}"),
            0.75,
            "age",
            check=_after_a_given_name,
        ),
        CuePattern(
            "name, n,",
            re.compile(rf"\b[A-Z][^\W\d_]+,\s+(?P<age>{_AGE_OR_WORDS}),\s"),
            0.7,
            "age",
        ),
        CuePattern(
            "cjk age",
            re.compile(
                rf"{_AGE}\s*(?:岁|歲|歳|세|살)|白寿|百寿"
                # "百岁", "九十八歲" in Chinese numerals; not the blessing "长命百岁" (long life)
                r"|(?<!长命)(?<!長命)百[岁歲歳]|九十[一二三四五六七八九]?[岁歲歳]"
            ),
            0.85,
        ),
        CuePattern(
            "age in other languages",
            re.compile(
                rf"(?i)\b{_AGE}\s+(?:años|ans|anos|anni|jahren?|jaar|лет|года|років|tuổi|taong\s+gulang"
                rf"|jir|ਸਾਲ|साल|χρονών|χρόνων|ετών|yaşında|வயது|bliain\s+d['’]aois)(?!\w)"
                rf"|\btuổi\s+{_AGE}\b"
                # "hoje faz 91!", "cumple 95.": turns 91 (the unit, if any, is read above)
                rf"|\b(?:faz|fez|fará|cumple|cumplió|cumplirá|compie|compirà)\s+{_AGE}\b{_AGE_ENDS}"
                # Vietnamese "sinh nhật lần thứ 95": the 95th birthday
                rf"|\bsinh\s+nhật\s+(?:lần\s+)?thứ\s+{_AGE}\b"
                rf"|(?<!\d){_AGE}\s+(?:سنة|عاما|عاماً|عامًا)(?!\w)"
                rf"|\bika-{_AGE}\s+(?:na\s+)?kaarawan\b"
                rf"|\((?:ਉਮਰ|उम्र|umur|edad)\s+{_AGE}\)|\({_AGE}\s+an\)"
                rf"|\b{_AGE}\s+aninhos\b|\b{_AGE}\.\s+(?:urodzin|Geburtstag)\w*"
                rf"|\b{_AGE}-(?:letni|letnia|річн|річч|літн)\w*|\bmiaka\s+{_AGE}\b"
                # Welsh "100 oed", "Penblwydd hapus yn 103"; Arabic "her 102nd birthday"
                rf"|\b{_AGE}\s+oed\b|\bpenblwydd\s+hapus\s+yn\s+{_AGE}\b"
                rf"|ميلاد\w*\s+الـ\s*{_AGE}(?!\d)"
            ),
            0.8,
        ),
        # Scripts with their own digits: Persian "۹۳ ساله", Bengali "৯৩ বছর", Devanagari
        # "९४औँ जन्मदिन", Urdu "95ویں سالگرہ", Amharic "98ኛ ዓመት".
        CuePattern(
            "age in another script",
            re.compile(
                rf"(?<!\d){_AGE}\s*(?:ساله|سالگی|برس|বছর\s+বয়স|তম\s+জন্মদিন|ویں\s+سالگرہ"
                rf"|سالہ|औँ\s+जन्मदिन|औं\s+जन्मदिन|ኛ\s+ዓመት|ኛ\s+የልደት)"
            ),
            0.8,
        ),
        # Hebrew puts the words first: "יום הולדת 99" (a 99th birthday), "בת 101" (aged 101),
        # "בגיל 93" (at 93).
        CuePattern(
            "Hebrew age",
            re.compile(
                rf"(?:יום\s+ה?הולדת\s+(?:ה-?)?|(?<![\u0590-\u05ff])(?:בת|בן|בגיל)\s+){_AGE}(?!\d)"
            ),
            0.8,
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        if text[start:end].lower().endswith("candles") and not _BIRTHDAY.search(text):
            return False  # "100 candles lit for the vigil": a count, not a cake
        if an_age_group(text, start, end):
            return False
        if historical(text, start, end) and _DEATH.search(text, *sentence_around(text, start, end)):
            return False  # "In 1910, Florence Nightingale died in London at age 90"
        return not an_institutions_age(text, start, end)


# The year an institution began, as the post tells it: "Since May 1930, we've cared for", "we
# opened our doors in 1931"; "Since" opening a sentence, not the twins' "every year since 1935".
_SINCE_A_YEAR = re.compile(
    r"(?:\bSince\s+(?:[A-Z][a-z]+\.?\s+)?"
    rf"|\b(?:{INSTITUTION_BEGAN}|established|opened)\s+(?:in|en|em|nel|w)\s+)"
    r"(?P<year>1[89]\d\d)\b"
    # the year first: "El 15 de septiembre de 1925 abrió sus puertas"
    rf"|\b(?P<year_first>1[89]\d\d),?\s+(?:{INSTITUTION_BEGAN})"
)
# How far from this year the founding year plus the age may be: posts are drafted ahead and
# anniversaries run all year.
_ANNIVERSARY_SLACK = 2


def an_institutions_age(text: str, start: int, end: int) -> bool:
    """Whether an institution is the subject in the age's own clause ("the hospital turns
    100"; not "Medical Center history — a 107-year-old"), or the age is an anniversary."""
    clause_start = clause_around(text, start, end)[0]
    before = words_before(text[clause_start:start], start - clause_start, 4)
    return any(word in _INSTITUTIONS for word in before) or an_anniversary(text, start, end)


def an_anniversary(text: str, start: int, end: int) -> bool:
    """Whether the post dates the start of something that many years ago: "Gulf Pines
    Terrebonne turns 95 this month! Since May 1930, ..."."""
    number = _DIGITS.search(text, start, end)
    if number is None:
        return False
    age = int(number.group())
    return any(
        abs(int(since.group("year") or since.group("year_first")) + age - date.today().year)
        <= _ANNIVERSARY_SLACK
        for since in _SINCE_A_YEAR.finditer(text)
    )


def an_age_group(text: str, start: int, end: int) -> bool:
    """Whether the age at ``text[start:end]`` is a group's ("214 пациентов старше 90 лет", "90세
    이상"), in figures or advice, a share ("98%"), a count ("the 100th participant", "her 100th
    dialysis session"), years gone by ("102 years later") or an institution's ("Happy 100th
    birthday to US!", "250th birthday"), not one person's. A model's span may hold the words
    after the number ("۹۸ فیصد"): they count too."""
    number = _DIGITS.search(text, start, end)
    after_number = number.end() if number else end
    return (
        _GROUP_BEFORE.search(text, 0, start) is not None
        or (
            _YEARS_AGO_BEFORE.search(text, 0, start) is not None
            and not _BORN.search(text, *clause_around(text, start, end))
        )
        or any(_GROUP_AFTER.match(text, position) for position in {after_number, end})
        or bool(_ORDINAL_OF_A_COUNT.match(text, after_number))
        or bool(_YEARS_GONE_BY.match(text, after_number))
        or bool(_TO_US_AFTER.match(text, end))
        # (a year of birth, "Born in 1929", is no age and tells one)
        or (number is not None and _OLDER_THAN_ANYONE < int(number.group()) < 1000)
    )
