"""The privacy engine: Presidio's analyzer, built once per process, tuned for hospital posts.

Candidates come from the patient tagger, spaCy's entity recognizer fine-tuned on labelled posts
(``tagger``), which also reports the other names and places it finds, Presidio's phone, e-mail
and SSN recognizers and the healthcare recognizers in ``recognizers/``. ``judgement`` then
keeps only the candidates that point at a patient: staff, officials and the organisation's own
contacts are dropped, except the tagger's patients, which are passed on as disputed. Last, the
confidence model (``confidence``), fitted on the engine's own mistakes on posts its tagger had
not seen, drops the findings below its threshold; ``standing`` makes that last decision,
with its exceptions (a kept patient's other mentions, numbers found after their own label, the
tagger's dates in a post about nobody), for the engine and its cross-validation alike.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from presidio_analyzer import (
    AnalyzerEngine,
    EntityRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer, UsSsnRecognizer

from policy.findings import Category, Finding, Severity
from policy.privacy.confidence import (
    CONFIDENCE_PATH,
    RULES_SAY_NOT_A_PATIENT,
    ConfidenceModel,
    ScoredFinding,
)
from policy.privacy.consent import states_consent
from policy.privacy.cues import KINSHIP, PATIENT_CUES, with_ascii_digits
from policy.privacy.judgement import AllowList, keep_candidates
from policy.privacy.nlp import TaggerNlpEngine
from policy.privacy.offline import use_bundled_public_suffix_list
from policy.privacy.people import MODEL_RECOGNIZERS
from policy.privacy.recognizers import (
    AccountNumberRecognizer,
    DeviceSerialRecognizer,
    HealthPlanIdRecognizer,
    MedicalRecordNumberRecognizer,
    NationalIdRecognizer,
    healthcare_recognizers,
)
from policy.privacy.recognizers.general import GeneralEntityRecognizer
from policy.privacy.recognizers.patient_name import names_a_patient_service
from policy.privacy.recognizers.phone_number import PhoneNumberRecognizer
from policy.privacy.recognizers.tagged import TaggedIdentifierRecognizer
from policy.privacy.tagger import TAGGER_PATH
from policy.schema import Organisation

log = logging.getLogger(__name__)

POLICY_REF = "Confidentiality and patient privacy (HIPAA)"
# nlp.pipe batch size: large enough to amortise per-call overhead, small enough for memory.
BATCH_SIZE = 64
# From this many drafts on, a batch is shared between worker processes, one per CPU: starting
# them costs a few seconds once per process, which only a large file check or benchmark repays.
PARALLEL_MIN_DRAFTS = 256
# The findings that name a patient; other mentions of them are kept when one of these is.
_PATIENTS = ("PERSON", "SOCIAL_HANDLE")
# A word of a name as the engine's last step counts them: letters only, a hyphenated surname one
# word ("Baptiste-Hall"), unlike ``cues.WORD``, which splits it and keeps digits.
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Numbers found right after their own label ("MRN 00739214", "Medicaid ID", "SSN", "acct #",
# "serial no."), by the recognizer of that label. Across the 6,473 labelled posts these
# recognizers never took anything else for one, while the confidence model, which weighs the
# words of the whole post, dropped a record number in a reply to a relative. They always stand.
_LABELLED_NUMBERS = frozenset(
    {
        (recognizer.__name__, recognizer.ENTITY)
        for recognizer in (
            MedicalRecordNumberRecognizer,
            HealthPlanIdRecognizer,
            AccountNumberRecognizer,
            DeviceSerialRecognizer,
            NationalIdRecognizer,
        )
    }
    | {(UsSsnRecognizer.__name__, "US_SSN")}
)

# A name the post itself calls a patient's, right before it: "our patient Rosa Delgado",
# "Patient spotlight: Dr. Samuel Osei", "pt benny". Like a number after its label, the rules'
# plainest cue stands whatever the model makes of the words around it.
_CALLED_A_PATIENT = re.compile(
    r"(?i)\b(?:patient|pt)s?(?:\s+(?:spotlight|story|update|of\s+the\s+(?:week|month|year)))?"
    r"\s*[:,—–-]?\s*(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx)\.?\s+)?$"
)
# ... or right after it: "Riley, a 19-year-old patient from Fenwick", "Mabel (one of our
# patients)"; not a role beside patients ("Dr. Osei, a champion for patients", "Kim, our
# patient navigator").
_CALLED_A_PATIENT_AFTER = re.compile(
    r"\s*[,(—–]\s*(?:an?|our|one\s+of\s+our)\s+"
    r"(?:(?!(?:for|to|with|of|and|who|whose|at|in)\b)[\w-]+\s+){0,3}?patients?\b"
    r"(?!\s+(?:experience|safety|navigator|advocate|care|services?|portal|relations|liaison"
    r"|access|transport|flow|education|engagement|representative|family|families)\b)"
)


@dataclass(frozen=True)
class EntityRule:
    """How one kind of identifier is reported: rule id, wording, fix and the score to count."""

    rule_id: str
    label: str
    suggestion: str
    min_score: float = 0.4
    # Indirect identifiers only point at a patient in combination: review, not block.
    severity: Severity = Severity.BLOCK


_REMOVE = "Remove it, or get the patient's signed media consent and say so in the post."
ENTITY_RULES: dict[str, EntityRule] = {
    "PERSON": EntityRule(
        "privacy.patient-name",
        "a patient's or relative's name",
        "Remove the name, or say that signed media consent is on file. Staff and officials "
        "named with their role are not flagged.",
        0.6,
    ),
    "SOCIAL_HANDLE": EntityRule("privacy.patient-handle", "a patient's social handle", _REMOVE),
    "AGE_OVER_89": EntityRule(
        "privacy.age-over-89", "an age over 89", "Leave the exact age out (e.g. 'over 90')."
    ),
    "DATE": EntityRule(
        "privacy.patient-date",
        "a date tied to a patient (birth, admission, discharge, surgery)",
        "Leave the date out or give only the year or season.",
    ),
    "ROOM_NUMBER": EntityRule(
        "privacy.room", "a room, bed or bay number", "Leave out the room, bed or bay number."
    ),
    "MRN": EntityRule("privacy.mrn", "a medical record number", "Remove the record number."),
    "HEALTH_PLAN_ID": EntityRule(
        "privacy.health-plan-id", "a health plan or member ID", "Remove the member ID."
    ),
    "US_SSN": EntityRule(
        "privacy.ssn",
        "a Social Security or national ID number",
        "Remove the number.",
        min_score=0.5,
    ),
    "ACCOUNT_NUMBER": EntityRule(
        "privacy.account-number", "an account number", "Remove the account number."
    ),
    "LICENSE_PLATE": EntityRule(
        "privacy.licence-plate", "a licence plate", "Remove the plate number."
    ),
    "DEVICE_SERIAL": EntityRule(
        "privacy.device-serial", "a device serial number", "Remove the serial number."
    ),
    "PHONE_NUMBER": EntityRule(
        "privacy.phone",
        "a personal phone number",
        "Remove it; list the organisation's own lines under public_contacts in the policy.",
    ),
    "EMAIL_ADDRESS": EntityRule(
        "privacy.email",
        "a personal e-mail address",
        "Remove it; list the organisation's own addresses under public_contacts in the policy.",
    ),
    "STREET_ADDRESS": EntityRule(
        "privacy.address",
        "a home address",
        "Remove it; list the organisation's own addresses under public_contacts in the policy.",
    ),
    "IDENTIFYING_DETAILS": EntityRule(
        "privacy.identifying-details",
        "a detail (hometown, vehicle) that identifies a patient together with the story",
        "Leave out the hometown and vehicle details.",
        severity=Severity.REVIEW,
    ),
}


class RegistryInOrder(RecognizerRegistry):
    """Presidio's registry, giving its recognizers back in the order they were registered.

    Presidio collects them in a set, so their order, and with it which of two recognizers'
    equal results (same entity, span and score) survives Presidio's de-duplication, changed
    with each process's string hashing. The survivor's name is a feature of the confidence
    model, so the same draft could be flagged in one process and not in another.
    """

    def get_recognizers(
        self,
        language: str,
        entities: list[str] | None = None,
        all_fields: bool = False,
        ad_hoc_recognizers: list[EntityRecognizer] | None = None,
    ) -> list[EntityRecognizer]:
        found = super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
        registered = [*self.recognizers, *(ad_hoc_recognizers or [])]
        return sorted(found, key=lambda recognizer: registered.index(recognizer))


class PrivacyEngine:
    """Finds patient identifiers in draft text; safe to share between threads."""

    def __init__(
        self,
        spacy_model: str,
        tagger_path: Path = TAGGER_PATH,
        confidence_path: Path | None = CONFIDENCE_PATH,
    ) -> None:
        """``confidence_path=None`` reports every judged finding (training reads them so)."""
        use_bundled_public_suffix_list()
        nlp_engine = TaggerNlpEngine(spacy_model, tagger_path)
        nlp_engine.load()
        registry = RegistryInOrder(
            recognizers=[
                PhoneNumberRecognizer(),
                EmailRecognizer(),
                UsSsnRecognizer(),
                *healthcare_recognizers(),
            ],
            supported_languages=["en"],
        )
        self.spacy_model = spacy_model
        self.tagger_path = tagger_path
        self.confidence_path = confidence_path
        self._confidence = ConfidenceModel.load(confidence_path) if confidence_path else None
        self._nlp_engine = nlp_engine
        self._workers: ProcessPoolExecutor | None = None
        self._worker_count = 0
        self._workers_lock = threading.Lock()
        self._tagged = TaggedIdentifierRecognizer(list(ENTITY_RULES))
        self._general = GeneralEntityRecognizer()
        self._analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=nlp_engine, supported_languages=["en"]
        )

    @property
    def pipes(self) -> list[str]:
        """The spaCy pipes actually loaded."""
        return list(self._nlp_engine.get_nlp("en").pipe_names)

    def findings(self, text: str, organisation: Organisation) -> list[Finding]:
        """Privacy findings for one draft."""
        text = with_ascii_digits(text)
        artifacts = self._nlp_engine.artifacts(self._nlp_engine.get_nlp("en")(text))
        return self._findings(text, artifacts, AllowList.of(organisation))

    def findings_batch(
        self,
        texts: Sequence[str],
        organisation: Organisation,
        *,
        batch_size: int = BATCH_SIZE,
        processes: int | None = None,
    ) -> list[list[Finding]]:
        """Privacy findings for many drafts at once: spaCy reads them through ``nlp.pipe``.

        Large batches are split between ``processes`` worker processes (default: one per CPU
        from ``PARALLEL_MIN_DRAFTS`` drafts on), each running the same batch path.
        """
        if processes is None:
            processes = cpu_count() if len(texts) >= PARALLEL_MIN_DRAFTS else 1
        if processes > 1 and len(texts) > 1:
            return self._findings_in_workers(texts, organisation, batch_size, processes)
        allow = AllowList.of(organisation)
        return [
            self._findings(text, artifacts, allow)
            for text, artifacts in self._artifacts(texts, batch_size)
        ]

    def candidates(
        self, text: str, artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every candidate identifier before judgement: Presidio's, the patient tagger's, then
        the tagger's other names and places."""
        text = with_ascii_digits(text)
        artifacts = artifacts or self._nlp_engine.process_text(text, "en")
        entities = list(ENTITY_RULES)
        found = self._analyzer.analyze(
            text=text, language="en", entities=entities, nlp_artifacts=artifacts
        )
        found += self._tagged.analyze(text, entities, artifacts)
        return found + self._general.analyze(text, entities, artifacts)

    def _findings_in_workers(
        self, texts: Sequence[str], organisation: Organisation, batch_size: int, processes: int
    ) -> list[list[Finding]]:
        with self._workers_lock:
            if self._workers is None or self._worker_count < processes:
                if self._workers is not None:
                    self._workers.shutdown()
                self._worker_count = processes
                # spawn, not fork: the bot's threads may hold locks a forked child would inherit.
                self._workers = ProcessPoolExecutor(
                    max_workers=processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(self.spacy_model, self.tagger_path, self.confidence_path),
                )
            workers = self._workers
        size = -(-len(texts) // processes)
        chunks = [list(texts[i : i + size]) for i in range(0, len(texts), size)]
        try:
            jobs = [
                workers.submit(_worker_findings, chunk, organisation, batch_size)
                for chunk in chunks
            ]
            return [found for job in jobs for found in job.result()]
        except BrokenProcessPool:
            # Workers cannot start from a script without a __main__ guard; stay in-process.
            log.warning("privacy worker processes failed to start; checking in one process")
            with self._workers_lock:
                self._workers = None
            return self.findings_batch(texts, organisation, batch_size=batch_size, processes=1)

    def _artifacts(
        self, texts: Sequence[str], batch_size: int
    ) -> Iterator[tuple[str, NlpArtifacts]]:
        texts = [with_ascii_digits(text) for text in texts]
        docs = self._nlp_engine.get_nlp("en").pipe(texts, batch_size=batch_size)
        for text, doc in zip(texts, docs, strict=True):
            yield text, self._nlp_engine.artifacts(doc)

    def judged_batch(
        self, texts: Sequence[str], organisation: Organisation, batch_size: int = BATCH_SIZE
    ) -> list[list[ScoredFinding]]:
        """What the judgement keeps of each draft, before the confidence model (for training)."""
        allow = AllowList.of(organisation)
        return [
            [scored for _, scored in self._judged(text, artifacts, allow)]
            for text, artifacts in self._artifacts(texts, batch_size)
        ]

    def _judged(
        self, text: str, artifacts: NlpArtifacts, allow: AllowList
    ) -> list[tuple[RecognizerResult, ScoredFinding]]:
        candidates = [
            result
            for result in self.candidates(text, artifacts)
            if result.score >= ENTITY_RULES[result.entity_type].min_score
        ]
        return [
            (result, ScoredFinding.of(text, result, candidates))
            for result in keep_candidates(text, candidates, allow)
        ]

    def _findings(self, text: str, artifacts: NlpArtifacts, allow: AllowList) -> list[Finding]:
        consented = states_consent(text)
        judged = self._judged(text, artifacts, allow)
        reported = standing([scored for _, scored in judged], self._confidence)
        return [
            _finding(result, consented)
            for (result, _), stands in zip(judged, reported, strict=True)
            if stands
        ]


def standing(findings: Sequence[ScoredFinding], confidence: ConfidenceModel | None) -> list[bool]:
    """Which of one post's judged findings are reported (the engine's last step, which the
    cross-validation takes too).

    - With no confidence model, the rules' verdict on a name stands.
    - Otherwise the model's, with these exceptions. Another mention of a kept patient
      (#TeamYuxi after "baby Chen Yuxi") goes with the patient: the model must not leave
      readable in a hashtag a name it redacts elsewhere. A number found after its own label
      stands whatever the model says (``_LABELLED_NUMBERS``); so does a name right after the
      word "patient" (``_CALLED_A_PATIENT``), and a name the post tells of receiving care,
      whatever role it is given (``judgement.told_of_own_care``). A single word the rules call
      a name that is one of the words of a kept name elsewhere in the post goes with it
      ("Congratulations, Kateryna!" after "Our patient Kateryna Shevchenko"), like another
      mention.
    - Last, a date only the patient tagger found goes when nothing else stands and the post
      has no word of care or family (``_dates_of_nobody``).
    """
    if confidence is None:
        kept = [RULES_SAY_NOT_A_PATIENT not in finding.recognizers for finding in findings]
    else:
        kept = confidence.kept(findings)
        a_patient_kept = any(
            stands and finding.entity_type in _PATIENTS and not finding.mention
            for finding, stands in zip(findings, kept, strict=True)
        )
        kept = [
            stands
            or (a_patient_kept and finding.mention)
            or _labelled_number(finding)
            or _called_a_patient(finding)
            or finding.own_care
            for finding, stands in zip(findings, kept, strict=True)
        ]
        kept = [
            stands or _part_of_a_kept_name(finding, findings, kept)
            for finding, stands in zip(findings, kept, strict=True)
        ]
    others_stand = any(
        stands and finding.entity_type != "DATE"
        for finding, stands in zip(findings, kept, strict=True)
    )
    if others_stand:
        return kept
    return [
        stands and not _dates_of_nobody(finding)
        for finding, stands in zip(findings, kept, strict=True)
    ]


def _part_of_a_kept_name(
    finding: ScoredFinding, findings: Sequence[ScoredFinding], kept: Sequence[bool]
) -> bool:
    """Whether ``finding`` is a one-word name, not disputed by the rules, that is a word of a
    longer name kept elsewhere in the post: a model found the patient's later mention as a
    name of its own, which the confidence model would otherwise weigh apart."""
    span = finding.text[finding.start : finding.end]
    if finding.entity_type != "PERSON" or RULES_SAY_NOT_A_PATIENT in finding.recognizers:
        return False
    if len(_NAME_WORD.findall(span)) != 1:
        return False
    return any(
        stands
        and other.entity_type == "PERSON"
        and not (other.start < finding.end and finding.start < other.end)
        and span in (words := _NAME_WORD.findall(other.text[other.start : other.end]))
        and len(words) > 1
        for other, stands in zip(findings, kept, strict=True)
    )


def _labelled_number(finding: ScoredFinding) -> bool:
    return any((name, finding.entity_type) in _LABELLED_NUMBERS for name in finding.recognizers)


def _called_a_patient(finding: ScoredFinding) -> bool:
    """Whether an undisputed name comes right after the word "patient" (or "pt"), not a
    service's name after it ("Patient Safety"), or right before "a 19-year-old patient"."""
    return (
        finding.entity_type == "PERSON"
        and RULES_SAY_NOT_A_PATIENT not in finding.recognizers
        and (
            (
                _CALLED_A_PATIENT.search(finding.text, max(0, finding.start - 40), finding.start)
                is not None
                and not names_a_patient_service(finding.text, finding.start)
            )
            or _CALLED_A_PATIENT_AFTER.match(finding.text, finding.end) is not None
        )
    )


def _dates_of_nobody(finding: ScoredFinding) -> bool:
    """Whether a date that stands alone in its post was found only by the patient tagger, in a
    post with no word of care or family ("discharged", "born", "mom", "#LungTransplant").

    The tagger learned what a patient's date looks like, but it also takes the day of a ribbon
    cutting, a peak in visits or the clocks going forward for one. The date recognizer's own
    dates need such a word already. Across the labelled posts this dropped 16 wrong dates and
    one right one (a lost hearing aid whose owner's name was missed); read in the date's
    sentence only, three more wrong ones and one more right one.
    """
    if finding.entity_type != "DATE" or not set(finding.recognizers) <= MODEL_RECOGNIZERS:
        return False
    words = {word.lower() for word in re.findall(r"[A-Z]?[a-z]+|[^\W\d_]+", finding.text)}
    return words.isdisjoint(PATIENT_CUES | KINSHIP)


def _finding(result: RecognizerResult, consented: bool) -> Finding:
    rule = ENTITY_RULES[result.entity_type]
    if consented:
        message = (
            f"This looks like {rule.label}. The post says the patient consented: the privacy "
            "office must confirm the consent before it goes out."
        )
        severity = Severity.REVIEW
    else:
        message = f"This looks like {rule.label}, which could identify a patient."
        severity = rule.severity
    return Finding(
        rule_id=rule.rule_id,
        category=Category.PRIVACY,
        severity=severity,
        message=message,
        policy_ref=POLICY_REF,
        suggestion=rule.suggestion,
        start=result.start,
        end=result.end,
        entity_type=result.entity_type,
    )


def cpu_count() -> int:
    """CPUs this process may run on: the default number of batch worker processes."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _start_worker(spacy_model: str, tagger_path: Path, confidence_path: Path | None) -> None:
    get_privacy_engine(spacy_model, tagger_path, confidence_path)


def _worker_findings(
    texts: list[str], organisation: Organisation, batch_size: int
) -> list[list[Finding]]:
    (engine,) = _engines.values()
    return engine.findings_batch(texts, organisation, batch_size=batch_size, processes=1)


_engines: dict[tuple[str, Path, Path | None], PrivacyEngine] = {}
_engines_lock = threading.Lock()


def get_privacy_engine(
    spacy_model: str,
    tagger_path: Path = TAGGER_PATH,
    confidence_path: Path | None = CONFIDENCE_PATH,
) -> PrivacyEngine:
    """The process-wide engine for this spaCy model and trained parts, built on first use."""
    with _engines_lock:
        key = (spacy_model, tagger_path, confidence_path)
        if key not in _engines:
            _engines[key] = PrivacyEngine(spacy_model, tagger_path, confidence_path)
        return _engines[key]
