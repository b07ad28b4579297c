"""PERSON: a common given name followed by a surname, whatever words surround them.

spaCy's small model misses plain two-word names in running text (``Ethan Park woke up``,
``Derek Mills``), so this recognizer reads them from name lists instead.

Patterns: a capitalised given name, an optional middle initial and a capitalised surname. The
given name must be in the US Census first-name lists and the surname in its surname list (both
from the ``names`` package: public-domain Census data covering about 90% of the population).

Context: none here; like spaCy's own PERSON results these are candidates, and the engine's
judgement drops staff, officials and buildings (``Grace Hall``). Given names that are also
everyday capitalised words (``May``, ``Will``, ``Hope``) are left out. Score 0.7.

``is_given_name``, which the judgement's rules ask ("is this sentence's first word a name?"),
also knows the modern given names of the SSA baby-name files (``policy.privacy.given_names``);
this recognizer keeps to the Census list, as modern names often open places' names too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.resources import files

from policy.privacy.cues import vocabulary
from policy.privacy.recognizers.base import CuePattern, RegexRecognizer

_WORD = r"[A-Z][a-z]+(?:['’][A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
# Given names that open ordinary sentences and headlines far more often than they name anyone.
_EVERYDAY_WORDS = vocabulary(
    """an in my so see else many may will june april august hope faith grace joy mark bill art
    rich frank sunny summer autumn dawn star major king prince bishop dean chase lane guy max
    pat sue ray page christian rose ivy holly iris ruby pearl amber crystal angel precious
    patience charity destiny honey sky river forest brook man miss lady buddy"""
)


@cache
def _census_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased given names and surnames, read once per process from the Census lists."""
    folder = files("names")

    def read(*file_names: str) -> frozenset[str]:
        return frozenset(
            line.split(maxsplit=1)[0].lower()
            for name in file_names
            for line in folder.joinpath(name).read_text(encoding="ascii").splitlines()
            if line.strip()
        )

    return read("dist.male.first", "dist.female.first"), read("dist.all.last")


def census_given_names() -> frozenset[str]:
    """The Census given names, everyday words included."""
    return _census_lists()[0]


def census_surnames() -> frozenset[str]:
    """The Census surnames, lower-cased, everyday words included."""
    return _census_lists()[1]


@cache
def _given_names() -> frozenset[str]:
    """Census and modern given names (``policy.privacy.given_names``), without everyday words."""
    modern = files("policy.privacy").joinpath("data", "modern_given_names.txt")
    added = (line for line in modern.read_text(encoding="utf-8").splitlines() if line[:1].isalpha())
    return (census_given_names() | frozenset(added)) - _EVERYDAY_WORDS


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name (case-insensitive), from the Census or modern lists.

    The accents of a capitalised word are read past, as the lists spell names without them
    ("José", "Inès", "Oisín"); not those of a lower-case one, which in Vietnamese or Spanish
    is more often an everyday word ("bên", "hạn", "día").
    """
    lowered = word.lower()
    if not lowered.isascii() and word[:1].isupper():
        lowered = "".join(
            char
            for char in unicodedata.normalize("NFKD", lowered)
            if not unicodedata.combining(char)
        )
    return lowered in _given_names()


class KnownNameRecognizer(RegexRecognizer):
    """Finds "Given Surname" pairs from Census name lists."""

    ENTITY = "PERSON"
    PATTERNS = (
        CuePattern(
            "given name and surname",
            # A lookahead, so that "Meet Jordan Ellis" is tried at "Jordan" as well.
            re.compile(rf"\b(?=(?P<name>{_WORD}(?:\s+[A-Z]\.)?\s+{_WORD}\b))"),
            0.7,
            "name",
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        # The Census given names only: many modern ones are also places' and firms' first words
        # ("San Diego", "Kalani Point", "Halsey Fire & Rescue").
        given_names, surnames = _census_lists()
        words = text[start:end].split()
        first = words[0].lower()
        return (
            first not in _EVERYDAY_WORDS
            and first in given_names
            and all(part.lower() in surnames for part in words[-1].split("-"))
        )
