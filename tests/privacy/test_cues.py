"""Where a sentence or a clause starts and ends, and what a word is, as the rules that read around
a name see them."""

from __future__ import annotations

import pytest

from policy.privacy.cues import (
    LONG_AGO_YEAR,
    WORD,
    clause_around,
    departments_as_offices,
    ends_a_sentence,
    historical,
    sentence_around,
    with_ascii_digits,
)


def _sentence_of(text: str, words: str) -> str:
    start = text.index(words)
    bounds = sentence_around(text, start, start + len(words))
    return text[slice(*bounds)].strip()


@pytest.mark.parametrize(
    ("text", "words", "sentence"),
    [
        ("We met Dr. Engstrom today. He retired.", "Engstrom", "We met Dr. Engstrom today"),
        ("Surgery on Oct. 2 went well! Home now.", "Oct", "Surgery on Oct. 2 went well"),
        (
            "Stops include 1540 Juniper St. Apt 3 and more. Thanks",
            "Apt",
            "Stops include 1540 Juniper St. Apt 3 and more",
        ),
        ("Thanks to Tom. He drove.", "He", "He drove."),
        ("Is Rosa home? Yes.\nShe is.", "Yes", "Yes"),
        ("祝王秀英奶奶生日快乐。她今天出院", "出院", "她今天出院"),
        ("Version 2.5 is out. Update now", "2.5", "Version 2.5 is out"),
        ("John F. Kennedy visited. Then", "Kennedy", "John F. Kennedy visited"),
        ('She said "we did it." Then Ana left.', "Ana", "Then Ana left."),
        ("He wrote “home soon!” Lena smiled", "Lena", "Lena smiled"),
        (
            "Gordon and Wyn (volunteering for 30!) and Bea, 94.",
            "Bea",
            "Gordon and Wyn (volunteering for 30!) and Bea, 94.",
        ),
    ],
)
def test_sentence_around_reads_past_titles_months_and_streets(
    text: str, words: str, sentence: str
) -> None:
    assert _sentence_of(text, words) == sentence


@pytest.mark.parametrize(
    ("between", "ends"),
    [
        (", Professor Emerita of Obstetrics, died on Sunday at age ", False),
        (" (Mrs. Avery's mentor) retired at ", False),
        (". Her patient turned ", True),
        ("! Gladys turned ", True),
        ("\nGladys turned ", True),
    ],
)
def test_ends_a_sentence_between_a_name_and_an_age(between: str, ends: bool) -> None:
    text = "Dr. Harriet Lindqvist" + between + "92"
    assert ends_a_sentence(text, len("Dr. Harriet Lindqvist"), len(text) - 2) is ends


def test_a_story_before_1900_is_historical_but_a_birth_in_1932_is_not() -> None:
    old = "On this day in 1847, Dr. Semmelweis asked doctors to wash their hands."
    born = "Our patient Edna was born in 1932 and turns 92 today."
    assert historical(old, old.index("Semmelweis"), old.index("Semmelweis") + 10)
    assert not historical(born, born.index("Edna"), born.index("Edna") + 4)


@pytest.mark.parametrize(
    ("text", "long_ago"),
    [
        ("On this day in 1847, the hospital opened.", True),
        ("Born 12 May 1820 in Florence.", True),
        ("He moved into his apartment at 1820 E. Madison St, Apt 4B.", False),
        ("Stops include 1540 Juniper St. Apt 3.", False),
        ("Call 1-800-555-1847 or fax 555-1620.", False),
    ],
)
def test_a_year_long_ago_is_not_a_house_number_or_phone(text: str, long_ago: bool) -> None:
    assert (LONG_AGO_YEAR.search(text) is not None) is long_ago


@pytest.mark.parametrize(
    ("text", "words", "clause"),
    [
        (
            "Our Employee of the Year got a surprise: a video from Amelia Grant, whose grandfather",
            "Amelia",
            "a video from Amelia Grant, whose grandfather",
        ),
        (
            "Our DAISY honoree is Trinh Vo 🌼 The nomination came from Joel Rosen.",
            "Joel",
            "The nomination came from Joel Rosen.",
        ),
        ("Thanks to Maureen; Julie retires this summer.", "Maureen", "Thanks to Maureen"),
        ("Congratulations to Maria Lopez, who retires after 30 years!", "Maria", None),
    ],
)
def test_clause_around_stops_at_colons_semicolons_dashes_and_emoji(
    text: str, words: str, clause: str | None
) -> None:
    start = text.index(words)
    bounds = clause_around(text, start, start + len(words))
    assert text[slice(*bounds)].strip() == (clause or _sentence_of(text, words))


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("please call our Home Infusion Pharmacy at", True),
        ("Questions? Patient & Family Relations can help", True),
        ("the Family Medicine clinic is open", True),
        ("we sent him home today to his family", False),
        ("Home at last! Family visits resume", False),
    ],
)
def test_departments_named_for_patients_homes_and_families_are_offices(
    text: str, office: bool
) -> None:
    read = departments_as_offices(text)
    assert len(read) == len(text)
    assert ("Desk" in read) is office


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the vowel signs of the Indic scripts and Arabic marks are inside words, not between
        ("ਡਾ. ਮਨਪ੍ਰੀਤ ਕੌਰ", ["ਡਾ", "ਮਨਪ੍ਰੀਤ", "ਕੌਰ"]),
        ("डॉक्टर शर्मा है।", ["डॉक्टर", "शर्मा", "है"]),
        ("ريم نصّار", ["ريم", "نصّار"]),
        ("O'Neil's café_bar", ["O'Neil's", "café", "bar"]),
    ],
)
def test_words_hold_their_marks(text: str, words: list[str]) -> None:
    assert WORD.findall(text) == words


def test_digits_of_every_script_become_ascii_digits_one_for_one() -> None:
    for written, read in [
        ("९४ वर्षीया", "94 वर्षीया"),  # Devanagari
        ("غرفة ٤١٢", "غرفة 412"),  # Arabic-Indic
        ("اتاق ۱۲", "اتاق 12"),  # Persian
        ("৩ নং বেডে", "3 নং বেডে"),  # Bengali
        ("room 412, bed ２", "room 412, bed 2"),  # full-width
    ]:
        assert with_ascii_digits(written) == read
        assert len(with_ascii_digits(written)) == len(written)
