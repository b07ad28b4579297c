"""The confidence model: what it reads of a finding, how it is fitted, saved and applied."""

from __future__ import annotations

from pathlib import Path

from policy.privacy.confidence import (
    CONFIDENCE_PATH,
    EVEN_ODDS,
    ConfidenceModel,
    ScoredFinding,
    features,
    fit,
)
from policy.privacy.training import (
    CATCH_TARGET,
    THRESHOLDS,
    LabelledPost,
    choose_threshold,
    load_findings,
    save_findings,
)
from tests.privacy.candidates import candidate

NAMES = ["Ana Silva", "Tom Reyes", "Li Wei", "Omar Haddad", "Eva Novak", "Raj Patel"]
PATIENT = "Prayers for {}, recovering in our ICU tonight."
STAFF = "Congratulations to {} on 20 years as our charge nurse."
# A patient congratulated the way staff are: a finding the model is unsure of.
MIXED = "Congratulations to {}, recovering in our ICU tonight."


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


def _name_finding(text: str, name: str) -> ScoredFinding:
    return ScoredFinding.of(text, candidate(text, name, "TaggedIdentifierRecognizer"), [])


def _examples() -> tuple[list[ScoredFinding], list[bool]]:
    findings, right = [], []
    for name in NAMES:
        for text, is_patient in ((PATIENT.format(name), True), (STAFF.format(name), False)):
            findings.append(_name_finding(text, name))
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
    assert model.threshold == EVEN_ODDS
    assert model.probability(about_patient) > EVEN_ODDS > model.probability(about_staff)
    assert model.keeps(about_patient) and not model.keeps(about_staff)


def _labelled(
    split: str, template: str, is_patient: bool, names: list[str]
) -> list[tuple[LabelledPost, ScoredFinding]]:
    posts = []
    for number, name in enumerate(names):
        text = template.format(name)
        start = text.index(name)
        phi = ((start, start + len(name), "PERSON"),) if is_patient else ()
        post = LabelledPost(f"{split}-{template[:4]}-{number}", split, "x", text, phi)
        posts.append((post, _name_finding(text, name)))
    return posts


def _threshold(patients_read_as_staff: int, never_found: int = 0) -> float:
    """The chosen threshold when some patients are congratulated the way staff are, and some
    posts with PHI have no finding at all for any threshold to keep."""
    labelled = []
    for split in ("a", "b"):
        labelled += _labelled(split, PATIENT, True, NAMES * 4)
        labelled += _labelled(split, STAFF, False, NAMES * 4)
        labelled += _labelled(split, MIXED, True, NAMES[:patients_read_as_staff])
    posts = [post for post, _ in labelled]
    found = {post.id: [finding] for post, finding in labelled}
    for number in range(never_found):
        text = f"Room {400 + number} says thank you!"
        posts.append(LabelledPost(f"unfound-{number}", "a", "x", text, ((0, 8, "ROOM_NUMBER"),)))
        found[posts[-1].id] = []
    return choose_threshold(posts, found, [["a"], ["b"]])


def test_the_threshold_is_the_strictest_that_still_stops_the_target_share_of_phi_posts() -> None:
    clear = _threshold(0)
    # One patient post in 25 is congratulated like staff: stopping 98% takes a lower threshold.
    assert 1 - CATCH_TARGET < 1 / 25
    muddled = _threshold(1)
    assert muddled < clear
    assert clear > EVEN_ODDS


def test_posts_no_threshold_can_catch_do_not_drag_the_threshold_down() -> None:
    # Three PHI posts in 83 have no finding: no threshold stops 98%, so the target becomes what
    # the best threshold stops, and lower ones, which would only add false flags, are not taken.
    clear = _threshold(0)
    assert _threshold(0, never_found=3) == clear > min(THRESHOLDS)


def test_saved_weights_and_threshold_give_the_same_verdicts(tmp_path: Path) -> None:
    findings, _ = _examples()
    model = ConfidenceModel(fit(*_examples()).weights, threshold=0.65)
    path = tmp_path / "confidence.json"
    model.save(path)
    loaded = ConfidenceModel.load(path)
    assert loaded.threshold == 0.65
    assert [round(loaded.probability(f), 6) for f in findings] == [
        round(model.probability(f), 6) for f in findings
    ]


def test_out_of_fold_findings_saved_by_training_load_as_they_were(tmp_path: Path) -> None:
    # The cross-validation reuses a training run's findings; a tuple read back as a list would
    # change nothing visible but a finding's equality and hash.
    age = ScoredFinding(
        "Ana Silva, 96, home", 11, 13, "AGE_OVER_89", ("AgeOver89Recognizer",), (0, 9)
    )
    name = ScoredFinding("Ana Silva, 96, home", 0, 9, "PERSON", ("A", "B"))
    path = tmp_path / "findings.json"
    save_findings({"post-1": [name, age], "post-2": []}, path)
    assert load_findings(path) == {"post-1": [name, age], "post-2": []}


def test_the_shipped_weights_are_in_the_package() -> None:
    model = ConfidenceModel.load(CONFIDENCE_PATH)
    assert len(model.weights) > 100 and "bias" in model.weights
    assert 0 < model.threshold < 1


def test_an_age_given_to_a_disputed_name_is_kept_exactly_when_the_name_is() -> None:
    model = fit(*_examples())
    for template, kept in ((PATIENT, True), (STAFF, False)):
        text = template.format("Mia Costa") + " She turned 96 on Sunday."
        name = _name_finding(text, "Mia Costa")
        age = ScoredFinding(
            text,
            text.index("turned 96"),
            text.index(" on Sunday"),
            "AGE_OVER_89",
            ("AgeOver89Recognizer",),
            (name.start, name.end),
        )
        assert model.kept([name, age]) == [kept, kept]
