"""Other mentions of a patient already found: later names, nicknames, hashtags, handles, scripts.

"Our patient Kateryna Shevchenko ... congratulations, Kateryna!": once a patient is found, the
same name elsewhere in the post names the same patient even with nothing around it. Each
mention is marked (``is_mention``) so that the engine keeps it whenever it keeps a patient of
the post: a name redacted in the text must not stay readable in the hashtag.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from policy.privacy.cues import (
    KINSHIP,
    NOT_NAME_WORDS,
    WORD,
)
from policy.privacy.people import COURTESY_TITLES, at_sentence_start, person_verdict
from policy.privacy.recognizers.known_name import is_given_name
from policy.privacy.recognizers.patient_name import NON_LATIN, is_support_hashtag

# The metadata key that marks a result as another mention of a patient already found.
_MENTION_KEY = "mention_of_a_found_patient"


def _mention(entity_type: str, start: int, end: int) -> RecognizerResult:
    return RecognizerResult(entity_type, start, end, 0.7, recognition_metadata={_MENTION_KEY: True})


def as_mention(result: RecognizerResult) -> RecognizerResult:
    """``result`` marked as another mention of a patient the judgement found."""
    return _mention(result.entity_type, result.start, result.end)


def is_mention(result: RecognizerResult) -> bool:
    """Whether ``result`` is another mention of a patient the judgement found."""
    return bool((result.recognition_metadata or {}).get(_MENTION_KEY))


_CAPITALISED_NEIGHBOUR = re.compile(r"(?<!\S)[A-Z][\w'’-]*\s+$")


def later_mentions(
    text: str, kept: list[RecognizerResult], public_words: set[str]
) -> list[RecognizerResult]:
    """Other mentions of a found patient's given name or surname on their own.

    A given name inside a patient's handle counts too (``@marcus_runs_again``).

    "Our patient Kateryna Shevchenko ... congratulations, Kateryna!": the second mention names
    the same patient even though nothing around it says so. A word joined to another capitalised
    word ("Central Park") is a different proper noun and is left alone.
    """
    names = {
        word
        for result in kept
        if result.entity_type == "PERSON" and not is_support_hashtag(text, result.start, result.end)
        for word in WORD.findall(text[result.start : result.end])
        if len(word) > 1
        and (word[0].isupper() or text[result.start : result.end].islower())
        and word.lower() not in public_words | NOT_NAME_WORDS | KINSHIP | COURTESY_TITLES
    }
    # A patient's handle often carries their given name: @marcus_runs_again ... "Congrats, Marcus!"
    # (@the_real_kofi ... "Kofi's new leg"): a known given name, or a word the post capitalises.
    capitalised = {word.lower() for word in re.findall(r"\b[A-Z][a-z]+\b", text)}
    names |= {
        word.capitalize()
        for result in kept
        if result.entity_type == "SOCIAL_HANDLE"
        for word in re.findall(r"[a-z]+", text[result.start : result.end].lower())
        if len(word) > 2
        and (is_given_name(word) or word in capitalised)
        and word not in NOT_NAME_WORDS | KINSHIP
    }
    names |= _nicknames(text, kept) - {word.capitalize() for word in public_words}
    mentions = _hashtag_and_script_mentions(text, kept, public_words)
    if not names:
        return mentions
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(names)))})\b")
    for match in pattern.finditer(text):
        start, end = match.span()
        if _overlaps_any(start, end, [other for other in kept if not _inside(other, start, end)]):
            continue
        neighbour = _CAPITALISED_NEIGHBOUR.search(text, max(0, start - 40), start)
        if (neighbour and not at_sentence_start(text, neighbour.start())) or re.match(
            r"\s+[A-Z]", text[end:]
        ):
            continue
        mention = _mention("PERSON", start, end)
        if person_verdict(text, mention, public_words) == "patient":
            mentions.append(mention)
    return mentions


# Not the domain of an email address ("info@buurtziekenhuis.example.nl"): no word before the "@".
_HASHTAG_OR_HANDLE = re.compile(r"(?<![\w.])(?P<mark>[#@])(?P<body>[^\W_]+(?:[._][^\W_]+)*)")
_SCRIPT_IN_BRACKETS = re.compile(rf"\s*[(（](?P<name>{NON_LATIN})[)）]")


def _hashtag_and_script_mentions(
    text: str, kept: list[RecognizerResult], public_words: set[str]
) -> list[RecognizerResult]:
    """A found patient's name inside a hashtag or handle (#TeamJayden, #TylersHeart, #arohastrong,
    @aroha_fights_on) or written again in its own script in brackets ("Chen Yuxi (陈雨熙)")."""
    people = [result for result in kept if result.entity_type == "PERSON"]
    name_words = (
        {
            word.lower()
            for result in people
            for word in WORD.findall(text[result.start : result.end])
            if len(word) > 2 and (word[0].isupper() or text[result.start : result.end].islower())
        }
        - public_words
        - NOT_NAME_WORDS
        - KINSHIP
        - COURTESY_TITLES
        - {"and"}
    )
    mentions = []
    for tag in _HASHTAG_OR_HANDLE.finditer(text):
        body = tag.group("body")
        parts = {part.lower() for part in re.findall(r"[A-Z][a-z]+|[a-z]+", body)}
        parts |= {part[:-1] for part in parts if part.endswith("s")}  # #TylersHeart, #PriyasBreath
        # all-lower-case tags and handles run words together: #arohastrong, @aroha_fights_on
        inside = body.islower() or tag.group("mark") == "@"
        named = parts & name_words or (
            inside and any(len(name) > 3 and name in body.lower() for name in name_words)
        )
        start, end = tag.span("body") if tag.group("mark") == "#" else tag.span()
        if named and not _overlaps_any(start, end, kept):
            entity = "PERSON" if tag.group("mark") == "#" else "SOCIAL_HANDLE"
            mentions.append(_mention(entity, start, end))
    for result in people:
        if script := _SCRIPT_IN_BRACKETS.match(text, result.end):
            start, end = script.span("name")
            if not _overlaps_any(start, end, kept):  # the tagger may have found it already
                mentions.append(_mention("PERSON", start, end))
    return mentions


def _inside(result: RecognizerResult, start: int, end: int) -> bool:
    """Whether ``result`` is another reading of the words of a patient's name: the tagger
    sometimes takes a lone given name for a place ("Congratulations, Kateryna!")."""
    return result.entity_type != "PERSON" and start <= result.start and result.end <= end


def _overlaps_any(start: int, end: int, kept: list[RecognizerResult]) -> bool:
    return any(start < other.end and other.start < end for other in kept)


_NICKNAME_IN_BRACKETS = re.compile(
    r"\s*\((?:[^()]{0,30}?\b(?:calls?\s+(?:him|her|them)|known\s+as|aka|goes\s+by)\s+)?"
    r"[\"“]?(?P<nickname>[A-Z][a-z]+)[\"”]?(?:\s+to\s+(?:his|her|their)\s+friends)?\)"
)


def _nicknames(text: str, kept: list[RecognizerResult]) -> set[str]:
    """Nicknames given in brackets after a found name: Oluwaseun Adebayo (everyone calls him
    Seun), Ikechukwu ("Ike")."""
    return {
        found.group("nickname")
        for result in kept
        if result.entity_type == "PERSON"
        and (found := _NICKNAME_IN_BRACKETS.match(text, result.end))
    }
