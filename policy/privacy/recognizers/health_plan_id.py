"""HEALTH_PLAN_ID: health plan, insurance member, Medicaid and Medicare numbers.

Patterns: a label (``member ID``, ``Medicaid ID``, ``Medicare number``, ``insurance ID``,
``policy number``, ``subscriber ID``) followed within a few words by an alphanumeric code with
at least four digits (``XGH 448 219 004``, ``1EG4-TE5-MK73``); a Medicare-style code of
letters and digits in dashed groups after the bare word (``Medicare 1EG4-TE5-MK73``); or a code
shaped like a member ID (one to three capital letters and six to eleven digits, ``W28841093``)
or like an Ontario health card (``5582-114-907-KT``) anywhere in a sentence that names an
insurance or health card or member ID; a number soon after "health
card number" or "número de Medicaid" ("El número de Medicaid de su hijo, 448120937"); a
number after a public health card named in another language ("cartão SUS", "carte RAMQ",
"tessera sanitaria", "PhilHealth PIN") or after Medicare's "MBI".
Context: the label, or the sentence that holds both.
Score 0.85 with the label right before the code, 0.7 in the same sentence.
"""

from __future__ import annotations

import re

from policy.privacy.cues import sentence_around
from policy.privacy.recognizers.base import CuePattern, RegexRecognizer

_PLAN_WORDS = re.compile(
    r"(?i)\bcart[ãa]o\s+(?:do\s+)?sus\b|\b(?:ohip|ramq|vitale|sanitaria|philhealth|mbi"
    r"|versichertennummer|полис)\b|அட்டை|보험증"
    r"|\b(?:member|medicaid|medicare|insurance|subscriber|beneficiary|policy)\s+"
    r"(?:id|no\.?|number|#|card)\b|\binsurance\b|\bmedicaid\b|\bmedicare\b|\bhealth\s+card\b"
    r"|\btarjeta\s+sanitaria\b"
)


class HealthPlanIdRecognizer(RegexRecognizer):
    """Finds a health plan or insurance member number after its label."""

    ENTITY = "HEALTH_PLAN_ID"
    PATTERNS = (
        CuePattern(
            "labelled plan id",
            re.compile(
                r"\b(?:member|medicaid|medicare|insurance|subscriber|policy|plan|beneficiary)"
                r"\s+(?:id|no\.?|number|#)\b[^0-9A-Z]{0,40}?"
                r"(?P<id>(?=[A-Z0-9 -]*\d[A-Z0-9 -]*\d[A-Z0-9 -]*\d[A-Z0-9 -]*\d)"
                # parts joined by hyphens may be letters only and the last one long
                # ("JUB-MED-00718824"); after a space a part needs a digit, or it is a word
                r"[A-Z0-9]{1,5}(?:-[A-Z0-9]{1,12}|[ -]?(?=[A-Z]*\d)[A-Z0-9]{2,5}){1,4})\b",
                re.IGNORECASE,
            ),
            0.85,
            "id",
        ),
        CuePattern(
            "medicare number after the bare word",
            re.compile(
                r"\b(?i:medicare|medicaid)(?:\s+card)?\s*\(?(?P<id>(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*\d){4})"
                r"[A-Z0-9]{2,5}(?:-[A-Z0-9]{2,5}){1,3})\b"
            ),
            0.85,
            "id",
        ),
        CuePattern(
            "number after a health card's or plan's number named so",
            re.compile(
                r"(?i:\bhealth\s+card\s+(?:number|no\.?|#)|\bn[úu]mero\s+de\s+(?:medicaid|medicare"
                r"|seguro|afiliad[oa]|tarjeta\s+sanitaria))"
                r"\D{0,40}?(?P<id>(?<![\d-])\d[\d -]{6,14}\d(?:[- ]?[A-Z]{2}\b)?)(?![\d/])"
            ),
            0.85,
            "id",
        ),
        # A public health card named in other languages, or Medicare's MBI: "cartão SUS 898 0012
        # 3456 7890", "carte RAMQ BOUD 3405 1217", "tessera sanitaria 8038...", "MBI 3QW7-HN2-PK84".
        CuePattern(
            "health card number named in another language",
            re.compile(
                r"(?:\b(?i:cart[ãa]o\s+(?:do\s+)?SUS|carte\s+(?:RAMQ|vitale|d['’]assurance\s+maladie)"
                r"|tessera\s+sanitaria|tarjeta\s+sanitaria|PhilHealth(?:\s*\(?(?:PIN|no\.?|number))?"
                r"|(?-i:MBI)|Krankenversichertennummer|Versichertennummer|полис(?:\s+ОМС)?)"
                r"|அட்டை\s+எண்|보험증\s*번호)"
                r"\s*[:#(]?\s*"
                r"(?P<id>(?=(?:[A-Z -]*\d){4})[A-Z0-9]{1,5}(?:[ -]?[A-Z0-9]{1,12}){0,4})"
                r"(?![\w-])"
            ),
            0.85,
            "id",
        ),
        CuePattern("member-id-shaped code", re.compile(r"\b[A-Z]{1,3}\d{6,11}\b"), 0.7),
        # Ontario's health card (OHIP): ten digits and a two-letter version code.
        CuePattern(
            "ohip-shaped code", re.compile(r"\b\d{4}[- ]?\d{3}[- ]?\d{3}[- ]?[A-Z]{2}\b"), 0.7
        ),
        CuePattern(
            "medicare-shaped code",
            re.compile(r"\b\d[A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d{2}\b"),
            0.7,
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        sentence_start, sentence_end = sentence_around(text, start, end)
        # The label right before the code counts even across "no.", which may end a sentence.
        label_start = min(sentence_start, max(0, start - 20))
        return bool(_PLAN_WORDS.search(text, label_start, sentence_end))
