"""The confidence model: what it reads of a finding, how it is fitted, saved and applied."""

from __future__ import annotations

from pathlib import Path

from policy.privacy.confidence import (
    CONFIDENCE_PATH,
    THRESHOLD,
    ConfidenceModel,
    ScoredFinding,
    features,
    fit,
)
from tests.privacy.candidates import candidate


def test_a_finding_carries_the_recognizers_of_every_candidate_on_its_words() -> None:
    text = "So proud of Bilal Rahimi, who went home today from room 12."
    judged = candidate(text, "Bilal Rahimi", "KnownNameRecognizer")
    candidates = [
        judged,
        candidate(text, "Rahimi", "TaggedIdentifierRecognizer"),
        candidate(text, "room 12", "RoomNumberRecognizer", "ROOM_NUMBER"),
    ]
    scored = ScoredFinding.of(text, judged, candidates)
    assert scored.recognizers == ("KnownNameRecognizer", "TaggedIdentifierRecognizer")
    assert (scored.start, scored.end, scored.entity_type) == (12, 24, "PERSON")


def test_features_read_the_words_around_and_the_shape_of_the_finding() -> None:
    text = "Welcome to our new head nurse aroha ngata! #NursesWeek"
    scored = ScoredFinding.of(text, candidate(text, "aroha ngata", "X"), [])
    found = features(scored)
    assert found["before0:nurse"] == 1 and found["before:head"] == 1
    assert found["lower case"] == 1 and found["words=2"] == 1
    assert found["post:nursesweek"] == 1 and found["after:#"] == 1
    assert found["other script"] == 0


def _examples() -> tuple[list[ScoredFinding], list[bool]]:
    findings, right = [], []
    for name in ["Ana Silva", "Tom Reyes", "Li Wei", "Omar Haddad", "Eva Novak", "Raj Patel"]:
        patient = f"Prayers for {name}, recovering in our ICU tonight."
        staff = f"Congratulations to {name} on 20 years as our charge nurse."
        for text, is_patient in ((patient, True), (staff, False)):
            findings.append(
                ScoredFinding.of(text, candidate(text, name, "TaggedIdentifierRecognizer"), [])
            )
            right.append(is_patient)
    return findings, right


def test_fitting_learns_which_findings_are_wrong() -> None:
    model = fit(*_examples())
    patient = "Prayers for Mia Costa, recovering in our ICU tonight."
    staff = "Congratulations to Mia Costa on 20 years as our charge nurse."
    about_patient = ScoredFinding.of(
        patient, candidate(patient, "Mia Costa", "TaggedIdentifierRecognizer"), []
    )
    about_staff = ScoredFinding.of(
        staff, candidate(staff, "Mia Costa", "TaggedIdentifierRecognizer"), []
    )
    assert model.probability(about_patient) > THRESHOLD > model.probability(about_staff)
    assert model.keeps(about_patient) and not model.keeps(about_staff)


def test_saved_weights_give_the_same_probabilities(tmp_path: Path) -> None:
    findings, _ = _examples()
    model = fit(*_examples())
    path = tmp_path / "confidence.json"
    model.save(path)
    loaded = ConfidenceModel.load(path)
    assert [round(loaded.probability(f), 6) for f in findings] == [
        round(model.probability(f), 6) for f in findings
    ]


def test_the_shipped_weights_are_in_the_package() -> None:
    model = ConfidenceModel.load(CONFIDENCE_PATH)
    assert len(model.weights) > 100 and "bias" in model.weights
