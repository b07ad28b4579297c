"""Which language a post is mostly written in, as far as the privacy engine's threshold cares.

The engine finds patients' names and dates less well in posts written mostly in a language
other than English: the spaCy model and most rules read English. A single confidence threshold
chosen to stop 98% of all PHI posts is pulled down by those posts, and every English post pays
for it in false flags; chosen on English posts alone it would stop fewer PHI posts in community
languages. So the confidence model keeps one threshold per language group, each chosen to stop
the catch target of that group's PHI posts (``policy.privacy.training``).

A post is read as mostly in another language when at least half of the words that tell
languages apart, and two at least, are not English: stop words of the Latin-script languages
hospitals post in most (spaCy's lists, less English's), and any word in another script.
Bilingual posts with an English half stay English. The group only chooses a threshold, so a
wrong call on a post costs a little strictness or leniency, never a finding the engine did not
make.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

ENGLISH = "english"
OTHER_LANGUAGES = "other languages"
LANGUAGE_GROUPS = (ENGLISH, OTHER_LANGUAGES)
# Latin-script languages of the community posts hospitals write most, by spaCy's codes:
# Spanish, Portuguese, French, German, Italian, Dutch, Polish, Tagalog and Haitian Creole.
OTHER_LATIN_SCRIPT_LANGUAGES = ("es", "pt", "fr", "de", "it", "nl", "pl", "tl", "ht")
# Letters past Latin Extended-B are another script (Greek, Cyrillic, Arabic, CJK, Ethiopic...).
LAST_LATIN_LETTER = 0x24F
# A short notice with no English stop word is not another language's for one borrowed word
# ("Walk-ins": "ins" is a German one).
FEWEST_TELLING_WORDS = 2
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stop_words() -> tuple[frozenset[str], frozenset[str]]:
    """English stop words, and the other languages' stop words that are not English ones."""
    english = frozenset(
        word.lower() for word in importlib.import_module("spacy.lang.en.stop_words").STOP_WORDS
    )
    other: set[str] = set()
    for code in OTHER_LATIN_SCRIPT_LANGUAGES:
        stop_words = importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS
        other |= {word.lower() for word in stop_words}
    return english, frozenset(other - english)


@lru_cache(maxsize=64)  # asked once for each finding of the same post
def language_group(text: str) -> str:
    """``OTHER_LANGUAGES`` for a post mostly in another language, else ``ENGLISH``."""
    english_words, other_words = _stop_words()
    english = other = 0
    for word in _WORD.findall(text.lower()):
        if word in english_words:
            english += 1
        elif word in other_words or any(ord(letter) > LAST_LATIN_LETTER for letter in word):
            other += 1
    return OTHER_LANGUAGES if other >= max(english, FEWEST_TELLING_WORDS) else ENGLISH
