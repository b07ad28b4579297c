"""LICENSE_PLATE: vehicle licence plates.

Patterns: ``plate 7XKR221``, ``licence plate ABC-1234``, ``Ohio plate HJX 2291``, ``tag number
4GHT92``, ``reg. 151-D-20394``, and in other languages ``biển số CX 47 KL``, ``targata FX 482
KD``, ``Kennzeichen MZ-KL 482``, ``34 KLM 582 plakalı``, ``번호판 12가 3456``. Context: the word
plate or tag (or the language's own) before a code mixing letters and digits, or such a code in
brackets right after a vehicle (``your car (LMN-4821)``), or letters and digits in a plate's
shape right after one (``the silver civic KDM 2291``). Score 0.8.
"""

from __future__ import annotations

import re

from policy.privacy.recognizers.base import CuePattern, RegexRecognizer


class LicensePlateRecognizer(RegexRecognizer):
    """Finds a licence plate written after the word plate or tag."""

    ENTITY = "LICENSE_PLATE"
    PATTERNS = (
        CuePattern(
            "labelled plate",
            re.compile(
                r"\b(?:(?:licen[cs]e\s+)?(?:plate|tag)|reg\.|registration|biển\s+số|targata|targa"
                r"|matr[íi]cula|placas?|plaque|immatricul[ée]e?|Kennzeichen|номерной\s+знак"
                r"|tablica|rejestracja)\s*(?:no\.?|number|#)?"
                r"\s*[:#]?\s*(?P<plate>(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])"
                r"[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,5}){1,2})\b"
            ),
            0.8,
            "plate",
        ),
        CuePattern(
            "plate in brackets after a vehicle",
            re.compile(
                r"\b(?i:car|truck|van|vehicle|suv|motorcycle)\s*\((?P<plate>(?=[A-Z0-9 -]*\d)"
                r"(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,5}){1,2})\)"
            ),
            0.8,
            "plate",
        ),
        CuePattern(
            # "the silver civic KDM 2291 in the ED lot", "ur grey f-150 TXR-4410"
            "plate right after a described vehicle",
            re.compile(
                r"\b(?i:car|truck|van|suv|pickup|sedan|civic|corolla|camry|accord|f-?150|silverado"
                r"|ram|tacoma|jeep|minivan)\s+(?P<plate>[A-Z]{2,3}[ -]?\d{3,4})\b"
            ),
            0.8,
            "plate",
        ),
        CuePattern(
            "plate before its word",  # Turkish: "34 KLM 582 plakalı aracın"
            re.compile(
                r"(?<![\w-])(?P<plate>\d{2}\s?[A-Z]{1,3}\s?\d{2,4})\s+(?:plakal\w*|plaka)\b"
            ),
            0.8,
            "plate",
        ),
        CuePattern(
            "plate after a Korean plate word",
            re.compile(r"번호판\s*(?P<plate>\d{2,3}[가-힣]\s?\d{4})"),
            0.8,
            "plate",
        ),
    )
