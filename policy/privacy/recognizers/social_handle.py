"""SOCIAL_HANDLE: the handle of a patient or relative the post replies to or names.

Patterns: a reply handle opening the post (``@kelly_brandt88 we're so sorry your mom...``,
``Replying to @tran.family.vn: ...``) when the post speaks to that person about their care; a
handle right after a patient or family word (``our patient @rosa.d``); a handle congratulated on
a birth or a recovery (``Congratulations @kaylaandjoe.b on the arrival of baby Wren``).
Context: second-person care words (your mom, your stay, your surgery, feel better, healing, DM
us), or the birth or recovery. Handles of agencies thanked mid-post (``@CDCgov``) are not
matched. Score 0.8.
"""

from __future__ import annotations

import re

from policy.privacy.recognizers.base import CuePattern, RegexRecognizer

_CARE_TALK = re.compile(
    r"(?i)\b(?:your|ur)\s+(?:\w+\s+)?(?:mom|mum|dad|mother|father|son|daughter|wife|husband|baby|stay"
    r"|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|child|kids?|family"
    r"|abuela|abuelo|nana|papa|aunt|auntie|uncle|grandad|granddad|gran|nan|nanna"
    r"|visit|surgery|care|experience|recovery|treatment|appointment|procedure|diagnosis|knee|hip"
    r"|wrist|arm|leg|back|heart)(?:['’]s)?\b|\bfeel(?:ing)?\s+better\b|\bget\s+well\b"
    r"|\bheal(?:ing|s)?\b|\b(?:speedy|smooth|quick|full)\s+recovery\b"
    r"|\bdm\s+us\b|\bsorry\s+(?:to\s+hear|you|for|about)\b|\b(?:your|ur)\s+(?:\w+\s+){0,2}number\b"
    # "Happy to hear the baby is feeding well!", "So glad to hear you're feeling better"
    r"|\b(?:glad|happy)\s+to\s+hear\s+(?:that\s+)?(?:she|he|the\s+baby|you(?:['’]re|\s+are)"
    r"\s+(?:feeling|doing|recovering|home|back))\b"
    # "your Jan 29 lab results": a date or a kind of test may come between ("ur" in a hurry).
    r"|\b(?:your|ur)\s+(?:[\w/-]+\s+){0,3}(?:request|bill|message|portal|records|results|account|claim|card"
    r"|mri|scan|test|plan|dad['’]s|mom['’]s)\b"
)


_RELATIVE_IN_CARE = re.compile(
    r"(?i)\b(?:her|his|their)\s+(?:son|daughter|baby|mom|mum|dad|husband|wife|twins)\b"
    r"[^.!?]{0,60}\b(?:nicu|icu|picu|spent|stay|surgery|treatment|chemo|born)\b"
)
_ARRIVAL_OR_RECOVERY = re.compile(
    r"(?i)\b(?:baby|arrival|born|newborn|twins|discharged|going\s+home|went\s+home|recovery"
    r"|surgery|transplant)\b"
)


# The reader's own care, spoken of to them: "so glad you're home after your surgery", "rest up
# and feel better". A reply saying so is to a patient, even one whose handle reads as staff's.
_OWN_CARE_TALK = re.compile(
    r"(?i)\b(?:your|ur)\s+(?:\w+\s+)?(?:surgery|recovery|treatment|diagnosis|procedure|chemo"
    r"|transplant)\b|\byou(?:['’]re|\s+are)\s+(?:(?:back\s+)?home|recovering|feeling\s+better)\b"
    r"|\bfeel\s+better\b|\bget\s+well\b"
)


def replied_to_about_own_care(text: str, start: int) -> bool:
    """Whether the handle at ``start`` opens a reply that speaks to it of its own care."""
    opening = text[:start].strip().removeprefix(".")
    return not opening and _OWN_CARE_TALK.search(text) is not None


def reply_about_care(text: str) -> bool:
    """Whether a post speaks to someone about their own or their family's care."""
    return _CARE_TALK.search(text) is not None


class SocialHandleRecognizer(RegexRecognizer):
    """Finds the handles of patients a post replies to or names."""

    ENTITY = "SOCIAL_HANDLE"
    PATTERNS = (
        CuePattern(
            "reply handle",
            re.compile(r"(?i)^\s*(?:replying\s+to\s+)?(?P<handle>@[a-z0-9_]+(?:\.[a-z0-9_]+)*)"),
            0.8,
            "handle",
        ),
        CuePattern(
            "handle congratulated on a birth or a recovery",
            re.compile(
                r"(?i)\b(?:congratulations|congrats|welcome\s+home),?\s+"
                r"(?P<handle>@[a-z0-9_]+(?:\.[a-z0-9_]+)*)"
            ),
            0.8,
            "handle",
        ),
        CuePattern(
            "handle of a patient's relative",
            re.compile(r"(?P<handle>@[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\s+(?:is|was|has)\b"),
            0.8,
            "handle",
            lambda text, start, end: _RELATIVE_IN_CARE.search(text) is not None,
        ),
        CuePattern(
            "patient handle",
            re.compile(
                r"(?i)\b(?:patient|mom|dad|son|daughter|wife|husband|grandma|grandpa)\s+"
                r"(?P<handle>@[A-Za-z0-9_.]{2,30})"
            ),
            0.85,
            "handle",
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        if re.search(r"(?i)(?:congratulations|congrats|welcome\s+home),?\s+$", text[:start]):
            return _ARRIVAL_OR_RECOVERY.search(text) is not None
        if re.sub(r"(?i)replying\s+to", "", text[:start]).strip():
            return True  # the handle follows a patient or family word
        return reply_about_care(text) or _RELATIVE_IN_CARE.search(text) is not None
