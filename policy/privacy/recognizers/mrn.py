"""MRN: medical record numbers written after their label, in any spacing.

Patterns: ``MRN: 004-829-13``, ``MR# 7781 2234``, ``medical record no. 20-448-117``,
``chart #55120``, ``chart 448-2915``, Scotland's ``CHI 0704389125``, Australia's unit record
``UR 00482915``, New Zealand's ``NHI ABC1234``, and the record's number named in other
languages (``病历号 00381542``, ``dosya no: 2023-004187``).
Context: the label itself (MRN, MR#, medical record, chart, CHI, UR, NHI, or the language's
own); a bare number is never taken for an MRN. Score 0.9.
"""

from __future__ import annotations

import re

from policy.privacy.recognizers.base import CuePattern, RegexRecognizer


class MedicalRecordNumberRecognizer(RegexRecognizer):
    """Finds a medical record number written after its label."""

    ENTITY = "MRN"
    PATTERNS = (
        CuePattern(
            "labelled mrn",
            re.compile(
                r"\b(?:MRN|MR\s?#|med(?:ical)?\.?\s*rec(?:ord)?s?\.?(?:\s*(?:no\.?|number|#))?"
                r"|chart\s*(?:no\.?|number|#)|(?:hospital|patient|nhs|unit)\s+(?:number|no\.)(?:\s+is)?"
                r"|(?-i:CHI)(?:\s+(?:no\.?|number))?"  # Scotland's CHI, ten digits
                # "chart 448-2915"; Australia's unit record "UR 00482915" (seven digits at least)
                r"|(?:chart|(?-i:UR))(?:\s+(?:no\.?|number))?(?=\s*[:#]?\s*\d{3}[\s.-]?\d{4}))"
                # "MRN (0893214)", "hospital no. H 0731 448" too
                r"\s*[:#]?\s*\(?(?:[A-Z]{1,3}[-\s]?)?\d[\d\s.-]{3,14}\d\b",
                re.IGNORECASE,
            ),
            0.9,
        ),
        # The record's number named in other languages: "病历号 00381542", "患者ID：0041-7726",
        # "رقم الملف الطبي 4471903", "dosya no: 2023-004187", "prontuário 2023-0045817",
        # "αρ. μητρώου ΓΝΑ-552019", "numer historii choroby 55120", "карта № 0045-7781".
        CuePattern(
            "labelled mrn in another language",
            re.compile(
                r"(?:病[历歷]号|病[历歷]號|病案号|病案號|患者ID|カルテ番号|診察券番号|병록번호"
                r"|رقم\s+الملف(?:\s+الطبي)?|(?i:\b(?:dosya\s+no|protokol\s+no|prontu[áa]rio"
                r"|n[°º]\s+de\s+dossier|dossier\s+(?:m[ée]dical\s+)?(?:n[°º]|no\.?)?"
                r"|cartella\s+clinica|historia\s+cl[íi]nica|n[úu]mero\s+de\s+expediente"
                r"|expediente|fallnummer|patientennummer|numer\s+historii\s+choroby"
                r"|номер\s+(?:медицинской\s+)?карты|карт[аы]\s*№|αρ\.?\s+μητρώου)))"
                r"\s*[:：#]?\s*\(?(?P<number>[A-ZΑ-Ω]{0,3}-?\d[\d\s.-]{3,14}\d)(?!\d)"
            ),
            0.9,
            "number",
        ),
        # New Zealand's NHI: three letters and four digits, or (since 2022) two digits and two
        # letters.
        CuePattern(
            "labelled nhi",
            re.compile(
                r"\bNHI(?:\s+(?:no\.?|number))?\s*[:#]?\s*[A-Z]{3}(?:\d{4}|\d{2}[A-Z]{2})\b"
            ),
            0.9,
        ),
    )
