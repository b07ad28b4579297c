"""ROOM_NUMBER: a room, bed or bay number that places a patient.

Patterns: ``room 412``, ``Rm 4012``, ``bed 12``, ``bay 3``, ``room 5B``, a camper's
``bunk 9``, a baby's ``cot 7``, ``crib 12`` or ``pod 3`` (not Polish "dzwoń pod
911", "call 911"); in other languages ``habitación 210``, ``cama 4``,
``chambre 312``, ``civière 14``, ``phòng 214``, ``kabann 9``, ``qolka 312``,
``палате 508``, ``ліжко 4``, ``w pokoju 12``, ``Bettplatz 3``, ``chumba namba 210``,
``12號床``, ``712房``, ``508호실``, ``302号室``, ``السرير رقم ٧``, ``اتاق ۴۱۲``,
``بیڈ نمبر 4``, ``বেড ১৭``, ``बेड नं. १२``, ``ክፍል 305``.

Context: venue words near the number (conference, class, meeting, RSVP, exhibit, building), a
capitalised place name before "Room" (``Conference Room B``, ``Community Room``) or a room given
as a landmark (``next to Room 301``) make it a place and the match is dropped. Score 0.7.
"""

from __future__ import annotations

import re

from policy.privacy.cues import HIRAGANA, VENUE_CUES, words_after, words_before
from policy.privacy.recognizers.base import CuePattern, RegexRecognizer


class RoomNumberRecognizer(RegexRecognizer):
    """Finds room, bed and bay numbers that are not meeting rooms."""

    ENTITY = "ROOM_NUMBER"
    PATTERNS = (
        CuePattern(
            "room bed bay",
            re.compile(
                r"(?i)\b(?:room|rm\.?|bed|bay|bunk|crib|cot|isolette|pod(?!\s+(?:911|112|999)\b)|chambre|civière|habitaci[oó]n|cuarto|cama|quarto"
                r"|leito|stanza|letto|zimmer|bett|phòng|giường|kuwarto|kama|kabann|chanm|qolka"
                r"|sariirta|палат[аеуыиі]|койк[аеу]|ліжк[оау]|pokoj[ua]|łóżk[oau]|bettplatz"
                r"|chumba(?:\s+namba)?|kitanda(?:\s+namba)?)"
                r"\s*(?:№|#|n[o°º]\.?)?\s*[A-Z]?\d{1,5}(?:-\d{1,3})?"
                # "before bed 4️⃣ Move your body": a keycap emoji numbers a list, not a bed.
                # "bay 14,250 vizit" (Haitian Creole "gave 14,250 visits"): a count, not a bay.
                r"[A-Z]?\b(?![\ufe0f\u20e3]|,\d{3}\b)"
            ),
            0.7,
        ),
        # Scripts written without spaces put the number first ("12號床", "712房", "508호실"), or
        # after the word and "number" ("السرير رقم ٧"). Not the words for an office's or a
        # clinic's room (Polish "pokój 115", Urdu "کمرہ نمبر ۷", Nepali "कोठा नं. १०१"), which
        # in every labelled post gave a clinic's door, never a patient's; a patient's is
        # "w pokoju", "بیڈ", "बेड".
        CuePattern(
            "room bed bay in another script",
            re.compile(
                r"(?<![\d-])\d{1,5}\s*(?:號床|号床|床(?!位)|號房|号房|房|호실|병실|호(?![점선기])"
                r"|号室|番ベッド)"
                r"|(?:الغرفة|غرفة|السرير|سرير|اتاق|تخت|بیڈ|বেড|কেবিন|बेड|ክፍል|አልጋ)"
                r"(?:\s+(?:رقم|شماره|نمبر|নম্বর|नं\.?|नम्बर|ቁጥር))?\s*\d{1,5}"
            ),
            0.7,
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        if text[end - 1] == "床" and HIRAGANA.search(text):
            return False  # Japanese "病床数は24床" counts beds; a bed's number is "7番ベッド"
        return not is_a_venue(text, start, end)


# A room given a new use, as the subject of its sentence: "Room 412 on 4 West is now our new
# Family Lactation Lounge", "Our old Room 101 has a new life!"; not where someone is ("our patient
# in Room 412 is now our longest stay") nor a patient's room decorated ("Room 318 is now a space
# station for Kenji").
_GIVEN_A_NEW_USE_AFTER = re.compile(
    r"(?i)[^.!?\n]{0,40}?\b(?:is\s+now\s+(?:our|the)\b|has\s+a\s+new\s+(?:purpose|life|use|look)"
    r"|(?:will\s+)?(?:become|becomes|is\s+becoming)\s+(?:our|the)\b)"
)
_WHERE_SOMEONE_IS_BEFORE = re.compile(r"(?i)\b(?:in|at|from|to|into|of|on)\s+(?:the\s+)?$")

# A room given as a landmark: "find it next to Room 301".
_DIRECTIONS = re.compile(r"(?i)\b(?:next\s+to|opposite|across\s+from)\s+(?:the\s+)?$")


def is_a_venue(text: str, start: int, end: int) -> bool:
    """Whether the room at ``text[start:end]`` is a meeting place, by the words around it.

    The engine asks this of the patient tagger's rooms too ("our new Family Lounge (Room 512)").
    """
    nearby = words_before(text, start, 6) + words_after(text, end, 6)
    if any(word in VENUE_CUES for word in nearby):
        return True
    if _DIRECTIONS.search(text, 0, start) and re.match(r"(?i)r(?:oo)?m", text[start : start + 4]):
        return True  # a room only: "a wedding next to bed 11" is at a patient's bedside
    if _GIVEN_A_NEW_USE_AFTER.match(text, end) and not _WHERE_SOMEONE_IS_BEFORE.search(
        text, max(0, start - 12), start
    ):
        return True
    # "Conference Room B", "Education Center, Room 214": a named room is a venue; a name
    # before "Rm 4417" on a whiteboard is a patient's.
    preceding = text[max(0, start - 30) : start].rstrip(" ,")
    named_room = text[start : start + 4] == "Room"
    return named_room and re.search(r"[A-Z][a-z]+$", preceding) is not None
