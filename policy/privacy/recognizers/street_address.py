"""STREET_ADDRESS: a street address (``214 Willow Creek Lane``, ``218 Crescent Ave., Apt. 3``,
``Blk 208 Toa Payoh Lor 8 #11-342``).

Patterns: a house number, one to three capitalised words and a street suffix; the same in lower
case with a suffix that is no everyday word (``82 willow creek rd``, not ``3 nurses and dr``).
Context is judged by the engine, which knows the organisation: the hospital's own addresses
and venue words ("located at", "our clinic", "registration") are not a patient's home; home,
lives, her/his are.
Score 0.6.
"""

from __future__ import annotations

import re

from policy.privacy.cues import LOWER_STREET_SUFFIXES, STREET_SUFFIXES
from policy.privacy.recognizers.base import CuePattern, RegexRecognizer


class StreetAddressRecognizer(RegexRecognizer):
    """Finds a street address."""

    ENTITY = "STREET_ADDRESS"
    PATTERNS = (
        CuePattern(
            "number street suffix",
            re.compile(
                rf"\b\d{{1,5}}\s+(?:[A-Z][a-z]+\s+){{1,3}}(?:{STREET_SUFFIXES})\b"
                r"(?:\.?,?\s+(?:Apt|Unit|Suite|#)\.?\s*\w+)?"
            ),
            0.6,
        ),
        CuePattern(
            # a Singapore public-housing block: "Blk 208 Toa Payoh Lor 8 #11-342", "Blk 268A
            # Punggol Field"; "Block" only with a unit number ("Block 12 Jalan Bukit #04-11")
            "housing block",
            re.compile(
                r"\bBlk\s+\d{1,4}[A-Z]?(?:\s+[A-Z][\w'’]*){1,4}(?:\s+\d{1,3})?"
                r"(?:,?\s+#\d{1,3}-\d{1,4})?"
                r"|\bBlock\s+\d{1,4}[A-Z]?(?:\s+[A-Z][\w'’]*){1,4}(?:\s+\d{1,3})?,?\s+#\d{1,3}-\d{1,4}"
            ),
            0.6,
        ),
        CuePattern(
            # numbered streets and rural roads: "41870 286th St", "2215 W. Palmer St, Apt 3B",
            # "4810 County Road 17"
            "numbered street or rural road",
            re.compile(
                r"\b\d{1,6}\s+(?:[NSEW]\.?\s+)?\d{1,3}(?:st|nd|rd|th)\s+"
                rf"(?:{STREET_SUFFIXES})\b"
                r"|\b\d{1,6}\s+(?:[NSEW]\.?\s+)(?:[A-Z][a-z]+\s+){1,3}"
                rf"(?:{STREET_SUFFIXES})\b"
                r"|\b\d{1,6}\s+(?:County|State|Township|Farm[- ]to[- ]Market|Rural)\s+"
                r"(?:Road|Rd|Route|Rte|Highway|Hwy)\s+\d{1,4}[A-Z]?\b"
            ),
            0.6,
        ),
        CuePattern(
            # typed in a hurry: "can be mailed to 82 willow creek rd"
            "lower-case number street suffix",
            re.compile(rf"\b\d{{1,5}}\s+(?:[a-z]{{3,}}\s+){{1,3}}(?:{LOWER_STREET_SUFFIXES})\b"),
            0.6,
        ),
    )
