"""The privacy engine: Presidio's analyzer, built once per process, tuned for hospital posts."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpEngineProvider

from policy.findings import Category, Finding, Severity
from policy.privacy.offline import use_bundled_public_suffix_list
from policy.privacy.recognizers import healthcare_recognizers
from policy.schema import Organisation

POLICY_REF = "Confidentiality and patient privacy (HIPAA)"


@dataclass(frozen=True)
class EntityRule:
    """How one kind of identifier is reported: rule id, wording and the minimum score to count."""

    rule_id: str
    label: str
    min_score: float = 0.5


ENTITY_RULES: dict[str, EntityRule] = {
    "PERSON": EntityRule("privacy.patient-name", "a person's name", 0.6),
    "PHONE_NUMBER": EntityRule("privacy.phone", "a phone number", 0.4),
    "EMAIL_ADDRESS": EntityRule("privacy.email", "an e-mail address", 0.5),
    "US_SSN": EntityRule("privacy.ssn", "a Social Security number", 0.3),
    "AGE_OVER_89": EntityRule("privacy.age-over-89", "an age over 89"),
    "MRN": EntityRule("privacy.mrn", "a medical record number"),
    "ROOM_NUMBER": EntityRule("privacy.room", "a room or bed number", 0.6),
}


class PrivacyEngine:
    """Finds patient identifiers in draft text; safe to share between threads."""

    def __init__(self, spacy_model: str) -> None:
        use_bundled_public_suffix_list()
        provider = NlpEngineProvider(
            nlp_configuration={
                "nlp_engine_name": "spacy",
                "models": [{"lang_code": "en", "model_name": spacy_model}],
            }
        )
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(languages=["en"])
        for recognizer in healthcare_recognizers():
            registry.add_recognizer(recognizer)
        self.spacy_model = spacy_model
        self._analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=provider.create_engine(), supported_languages=["en"]
        )

    def findings(self, text: str, organisation: Organisation) -> list[Finding]:
        """Privacy findings for one draft."""
        results = self._analyzer.analyze(
            text=text, language="en", entities=list(ENTITY_RULES), score_threshold=0.3
        )
        return self._to_findings(text, results, organisation)

    def findings_batch(
        self, texts: Sequence[str], organisation: Organisation
    ) -> list[list[Finding]]:
        """Privacy findings for many drafts at once."""
        return [self.findings(text, organisation) for text in texts]

    def _to_findings(
        self, text: str, results: list[RecognizerResult], organisation: Organisation
    ) -> list[Finding]:
        allowed = _public_values(organisation)
        findings: list[Finding] = []
        for result in sorted(results, key=lambda item: (item.start, -item.end)):
            rule = ENTITY_RULES.get(result.entity_type)
            if rule is None or result.score < rule.min_score:
                continue
            span = text[result.start : result.end]
            if _normalise(span) in allowed:
                continue
            if any(
                f.start is not None and f.start <= result.start < (f.end or 0) for f in findings
            ):
                continue  # overlapping spans are reported once, the widest first
            findings.append(
                Finding(
                    rule_id=rule.rule_id,
                    category=Category.PRIVACY,
                    severity=Severity.BLOCK,
                    message=f"This looks like {rule.label} that could identify a patient.",
                    policy_ref=POLICY_REF,
                    suggestion="Remove it, or get signed media consent and route to the privacy "
                    "office.",
                    start=result.start,
                    end=result.end,
                    entity_type=result.entity_type,
                )
            )
        return findings


def _normalise(value: str) -> str:
    return re.sub(r"[^0-9a-z@.]", "", value.lower())


def _public_values(organisation: Organisation) -> set[str]:
    contacts = organisation.public_contacts
    values = [*contacts.phones, *contacts.emails, *contacts.websites, *contacts.addresses]
    return {_normalise(value) for value in [*values, *organisation.public_names]}


_engines: dict[str, PrivacyEngine] = {}
_engines_lock = threading.Lock()


def get_privacy_engine(spacy_model: str) -> PrivacyEngine:
    """The process-wide engine for this spaCy model, built on first use."""
    with _engines_lock:
        if spacy_model not in _engines:
            _engines[spacy_model] = PrivacyEngine(spacy_model)
        return _engines[spacy_model]
