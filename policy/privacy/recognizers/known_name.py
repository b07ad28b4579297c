"""PERSON: a common given name followed by a surname, whatever words surround them.

spaCy's small model misses plain two-word names in running text (``Ethan Park woke up``,
``Derek Mills``), so this recognizer reads them from name lists instead.

Patterns: a capitalised given name, an optional middle initial and a capitalised surname. The
given name must be in the US Census first-name lists and the surname in its surname list (both
from the ``names`` package: public-domain Census data covering about 90% of the population).

Context: none here; like spaCy's own PERSON results these are candidates, and the engine's
judgement drops staff, officials and buildings (``Grace Hall``). Given names that are also
everyday capitalised words (``May``, ``Will``, ``Hope``) are left out. Score 0.7.
"""

from __future__ import annotations

import re
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
    patience charity destiny honey sky river forest brook man"""
)


@cache
def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased given names and surnames, read once per process from the Census lists."""
    folder = files("names")

    def read(*file_names: str) -> frozenset[str]:
        return frozenset(
            line.split(maxsplit=1)[0].lower()
            for name in file_names
            for line in folder.joinpath(name).read_text(encoding="ascii").splitlines()
            if line.strip()
        )

    return read("dist.male.first", "dist.female.first") - _EVERYDAY_WORDS, read("dist.all.last")


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a common given name (case-insensitive)."""
    return word.lower() in _name_lists()[0]


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
        words = text[start:end].split()
        return is_given_name(words[0]) and all(
            part.lower() in _name_lists()[1] for part in words[-1].split("-")
        )
