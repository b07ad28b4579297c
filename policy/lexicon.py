"""Phrase and pattern matching shared by every rule check, and the safety test for policy regexes.

A policy file describes what a rule looks for as a lexicon: plain phrases (matched as whole words,
case-insensitively unless the rule says otherwise, with any run of spaces between words) and
regular expressions. Profanity lexicons may also ask for obfuscated spellings ("sh1t", "f*ck",
"a$$hole") to be caught. Everything is compiled once and cached, so checking a batch of drafts
costs one compilation per lexicon.

Patterns come from people who edit a YAML file, so they are checked at load: they must compile,
must not carry their own global flags, and must not repeat a group that itself repeats (``(a+)+``,
``(\\w+\\s?)*``), the shape that makes Python's backtracking engine take exponential time on an
unlucky post. Other slow shapes cannot all be told apart at load (``(a|a)*$``, ``a*a*a*b``), so
patterns also run with a time limit, on the ``regex`` engine (same syntax, but interruptible and
it lets other threads run meanwhile): one that runs out raises PatternTooSlow.
"""

from __future__ import annotations

import bisect
import re
import re._parser as regex_parser  # the stdlib's own parser: the only exact view of a pattern
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import regex

MAX_PATTERN_LENGTH = 500
# One emoji as it is drawn: a flag (two regional indicators), or a pictograph with its variation
# selector, skin tone and zero-width-joined parts ("👩🏽‍⚕️").
EMOJI = re.compile(
    "(?:[\U0001f1e6-\U0001f1ff]{2}"
    "|[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u00a9\u00ae\u203c\u2049\u2122]"
    "(?:[\ufe0f\U0001f3fb-\U0001f3ff]|\u200d[\U0001f000-\U0001faff\u2600-\u27bf])*)"
)

# Seconds one policy pattern may take on one draft; ordinary patterns take microseconds.
PATTERN_TIME_LIMIT = 1.0

# Characters people type in place of a letter to slip a word past a filter; any vowel may also
# be masked with *, # or @.
_LOOKALIKES: dict[str, str] = {
    "a": "a@4*#",
    "b": "b8",
    "c": "ck*",
    "e": "e3*#@",
    "g": "g9",
    "i": "i1!|*#@",
    "l": "l1|",
    "o": "o0*#@",
    "s": "s$5",
    "t": "t7+",
    "u": "uv*#@",
}
# Punctuation people put between letters ("f.u.c.k", "s-h-i-t"); never a space, so that the
# end of one word and the start of the next ("it's hit") is not read as one word.
_FILLER = r"[^\w\s]{0,2}"


@dataclass(frozen=True)
class Match:
    """Where a lexicon matched: the span (end exclusive) and the matched text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Link:
    """A web link in a draft, with its host name in lower case and without ``www.``."""

    start: int
    end: int
    url: str
    host: str
    scheme: str | None


class UnsafePattern(ValueError):
    """A policy pattern that cannot be used; the message says what to change."""


class PatternTooSlow(RuntimeError):
    """A policy pattern ran past PATTERN_TIME_LIMIT on a draft, so its rule could not be checked."""

    def __init__(self, pattern: str) -> None:
        super().__init__(f"the pattern '{pattern}' took too long on this draft")
        self.pattern = pattern


def check_pattern(pattern: str) -> None:
    """Raise UnsafePattern when ``pattern`` does not compile or could backtrack exponentially."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePattern(
            f"the pattern is {len(pattern)} characters long; keep patterns under "
            f"{MAX_PATTERN_LENGTH} characters or split it into several"
        )
    try:
        parsed = regex_parser.parse(pattern)
    except re.error as error:
        raise UnsafePattern(
            f"'{pattern}' is not a valid regular expression ({error.msg})"
        ) from None
    if re.match(r"\(\?[aiLmsux]+\)", pattern):
        raise UnsafePattern(
            f"'{pattern}' sets its own flags; remove the '(?...)' prefix and use the rule's "
            "case_sensitive setting instead"
        )
    if _repeats_a_repeat(parsed.data, inside_repeat=False):
        raise UnsafePattern(
            f"'{pattern}' repeats a group that itself contains a repeat (like '(a+)+' or "
            "'(\\w+\\s)*'), which can take minutes on some posts; remove the inner + or *, or "
            "use the rule's 'near' setting to find words close to each other"
        )


def _repeats_a_repeat(items: Iterable[tuple[Any, Any]], *, inside_repeat: bool) -> bool:
    """True when a repeat whose count can exceed one contains an unbounded repeat."""
    for op, arg in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _low, high, body = arg
            unbounded = high is regex_parser.MAXREPEAT or high > 100
            if inside_repeat and unbounded:
                return True
            if _repeats_a_repeat(body.data, inside_repeat=inside_repeat or high > 1):
                return True
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            body = arg[-1] if isinstance(arg, tuple) else arg
            if _repeats_a_repeat(body.data, inside_repeat=inside_repeat):
                return True
        elif name == "BRANCH":
            _unused, branches = arg
            if any(_repeats_a_repeat(b.data, inside_repeat=inside_repeat) for b in branches):
                return True
        elif name in ("ASSERT", "ASSERT_NOT"):
            _direction, body = arg
            if _repeats_a_repeat(body.data, inside_repeat=inside_repeat):
                return True
    return False


def phrase_pattern(phrase: str, *, obfuscated: bool = False) -> str:
    """The regex for a lexicon phrase: whole words, any spacing, ``*`` at either end a wildcard.

    ``"fuck*"`` also matches "fucking"; ``"*shit"`` also matches "bullshit".
    """
    text = " ".join(phrase.split())
    prefix = suffix = ""
    if text.startswith("*") and len(text) > 1:
        text, prefix = text[1:], r"\w*"
    if text.endswith("*") and len(text) > 1:
        text, suffix = text[:-1], r"\w*"
    if obfuscated:
        body = _obfuscated(text)
    else:
        body = r"\s+".join(re.escape(word) for word in text.split(" "))
    starts_with_word = prefix or re.match(r"\w", text)
    ends_with_word = suffix or re.search(r"\w$", text)
    left = r"(?<!\w)" if starts_with_word else ""
    right = r"(?!\w)" if ends_with_word else ""
    return f"{left}{prefix}{body}{suffix}{right}"


def _obfuscated(text: str) -> str:
    """Each word with lookalikes, repeats and punctuation between letters; words apart by spaces."""
    words = []
    for word in text.lower().split(" "):
        parts = [f"[{re.escape(_LOOKALIKES.get(char, char))}]+" for char in word]
        spaced = r"\s".join(re.escape(char) for char in word)  # "f u c k", one space apart
        words.append(f"(?:{_FILLER.join(parts)}|{spaced})")
    return r"\s+".join(words)


@lru_cache(maxsize=4096)
def compile_lexicon(
    phrases: tuple[str, ...],
    patterns: tuple[str, ...],
    case_sensitive: bool,
    obfuscated: bool,
) -> tuple[re.Pattern[str] | regex.Pattern[str], ...]:
    """One compiled regex per phrase and pattern (patterns are already validated).

    Phrases become patterns of a known, fast shape; the policy's own patterns are compiled for
    the ``regex`` engine so that they can be stopped (see PATTERN_TIME_LIMIT).
    """
    flags = 0 if case_sensitive else re.IGNORECASE
    compiled: list[re.Pattern[str] | regex.Pattern[str]] = [
        re.compile(phrase_pattern(p, obfuscated=obfuscated), flags) for p in phrases
    ]
    pattern_flags = regex.VERSION0 | (0 if case_sensitive else regex.IGNORECASE)
    compiled.extend(regex.compile(p, pattern_flags) for p in patterns)
    return tuple(compiled)


def _spans(compiled: re.Pattern[str] | regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    if isinstance(compiled, re.Pattern):
        return [m.span() for m in compiled.finditer(text) if m.end() > m.start()]
    try:
        return [
            m.span()
            for m in compiled.finditer(text, timeout=PATTERN_TIME_LIMIT)
            if m.end() > m.start()
        ]
    except TimeoutError:
        raise PatternTooSlow(compiled.pattern) from None


def find_matches(
    text: str,
    phrases: Sequence[str],
    patterns: Sequence[str] = (),
    *,
    case_sensitive: bool = False,
    obfuscated: bool = False,
) -> list[Match]:
    """Every place the lexicon matches, overlaps merged into the longest match, in text order.

    Raises PatternTooSlow when one of ``patterns`` runs past its time limit.
    """
    regexes = compile_lexicon(tuple(phrases), tuple(patterns), case_sensitive, obfuscated)
    spans = sorted(
        (span for compiled in regexes for span in _spans(compiled, text)),
        key=lambda span: (span[0], -span[1]),
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return [Match(start, end, text[start:end]) for start, end in merged]


class WordPositions:
    """Word indexes of character positions in one text, to measure how far apart two matches are."""

    def __init__(self, text: str) -> None:
        self._starts = [m.start() for m in re.finditer(r"\w+", text)]

    def words_between(self, first: Match, second: Match) -> int:
        """How many words lie strictly between two matches (0 when adjacent or overlapping)."""
        earlier, later = sorted((first, second), key=lambda m: m.start)
        if later.start < earlier.end:
            return 0
        after_earlier = bisect.bisect_left(self._starts, earlier.end)
        before_later = bisect.bisect_left(self._starts, later.start)
        return max(0, before_later - after_earlier)


def near_matches(
    text: str, primary: Sequence[Match], nearby: Sequence[Match], within_words: int
) -> list[tuple[Match, Match]]:
    """Each primary match paired with the closest nearby match no more than N words away."""
    positions = WordPositions(text)
    pairs = []
    for match in primary:
        candidates = [
            (positions.words_between(match, other), other)
            for other in nearby
            if (other.start, other.end) != (match.start, match.end)
        ]
        close = [item for item in candidates if item[0] <= within_words]
        if close:
            pairs.append((match, min(close, key=lambda item: item[0])[1]))
    return pairs


_TLDS = (
    "com|org|net|gov|edu|mil|int|info|io|co|us|uk|ca|au|nz|ie|de|fr|eu|health|care|"
    "hospital|clinic|example|ly|me|gl|gd|to|tv|app|link"
)
_LINK = re.compile(
    r"(?<![\w@.])(?:(?P<scheme>https?)://[^\s<>\"']+"
    rf"|(?:www\.)?[a-z0-9](?:[a-z0-9-]{{0,62}}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{{0,62}}[a-z0-9])?)*"
    rf"\.(?:{_TLDS})(?![\w-])(?:/[^\s<>\"']*)?)",
    re.IGNORECASE,
)
_TRAILING_PUNCTUATION = ".,;:!?)]}'\""


def find_links(text: str) -> list[Link]:
    """Web links in a draft, with or without ``https://``, trailing punctuation left out."""
    links = []
    for match in _LINK.finditer(text):
        url = match.group(0).rstrip(_TRAILING_PUNCTUATION)
        if not url:
            continue
        scheme = match.group("scheme")
        try:
            host = urlsplit(url if scheme else f"//{url}").hostname or ""
        except ValueError:  # "http://[": an address no browser could open has no host
            host = ""
        host = host.lower().removeprefix("www.")
        links.append(Link(match.start(), match.start() + len(url), url, host, scheme))
    return links


def host_is_in(host: str, domains: Iterable[str]) -> bool:
    """True when ``host`` is one of ``domains`` or a subdomain of one."""
    host = host.lower()
    for domain in domains:
        domain = domain.lower().removeprefix("www.")
        if host == domain or host.endswith("." + domain):
            return True
    return False
