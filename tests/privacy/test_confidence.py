"""The confidence model: what it reads of a finding, how it is fitted, saved and applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy.privacy.confidence import (
    CONFIDENCE_PATH,
    EVEN_ODDS,
    ConfidenceModel,
    ScoredFinding,
    features,
    fit,
    same_threshold,
)
from policy.privacy.languages import ENGLISH, OTHER_LANGUAGES, language_group
from policy.privacy.training import (
    CATCH_TARGET,
    THRESHOLDS,
    LabelledPost,
    choose_thresholds,
    load_findings,
    save_findings,
)
from tests.privacy.candidates import candidate

NAMES = ["Ana Silva", "Tom Reyes", "Li Wei", "Omar Haddad", "Eva Novak", "Raj Patel"]
PATIENT = "Prayers for {}, recovering in our ICU tonight."
STAFF = "Congratulations to {} on 20 years as our charge nurse."
# A patient congratulated the way staff are: a finding the model is unsure of.
MIXED = "Congratulations to {}, recovering in our ICU tonight."
# The same three in Spanish: posts of the other language group.
PATIENT_ES = "Oramos por {}, que se recupera en nuestra UCI esta noche."
STAFF_ES = "Felicidades a {} por sus 20 años como nuestra enfermera jefa."
MIXED_ES = "Felicidades a {}, que se recupera en nuestra UCI esta noche."


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


def test_a_long_posts_words_each_count_less() -> None:
    story = "So proud of Bilal Rahimi, who went home today."
    # 240 distinct words: each of the post's words counts sqrt(60 / 240) = 0.5
    filler = " ".join(f"x{chr(97 + n // 26)}{chr(97 + n % 26)}" for n in range(231))
    for text, weight in ((story, 1.0), (f"{story} {filler}", 0.5)):
        found = features(ScoredFinding.of(text, candidate(text, "Bilal Rahimi", "X"), []))
        assert found["post:proud"] == weight
        assert found["before0:of"] == 1  # the words around the finding keep their full weight


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
    assert model.thresholds == same_threshold(EVEN_ODDS)
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


def _thresholds(
    patients_read_as_staff: int, never_found: int = 0, in_spanish: int = 0
) -> dict[str, float]:
    """The chosen thresholds when some patients are congratulated the way staff are, some
    posts with PHI have no finding at all for any threshold to keep, and some Spanish posts,
    a few of them patients congratulated like staff, sit beside the English ones."""
    labelled = []
    for split in ("a", "b"):
        labelled += _labelled(split, PATIENT, True, NAMES * 4)
        labelled += _labelled(split, STAFF, False, NAMES * 4)
        labelled += _labelled(split, MIXED, True, NAMES[:patients_read_as_staff])
        if in_spanish:
            labelled += _labelled(split, PATIENT_ES, True, NAMES * 4)
            labelled += _labelled(split, STAFF_ES, False, NAMES * 4)
            labelled += _labelled(split, MIXED_ES, True, NAMES[:in_spanish])
    posts = [post for post, _ in labelled]
    found = {post.id: [finding] for post, finding in labelled}
    for number in range(never_found):
        text = f"Room {400 + number} says thank you!"
        posts.append(LabelledPost(f"unfound-{number}", "a", "x", text, ((0, 8, "ROOM_NUMBER"),)))
        found[posts[-1].id] = []
    return choose_thresholds(posts, found, [["a"], ["b"]])


def test_the_threshold_is_the_strictest_that_still_stops_the_target_share_of_phi_posts() -> None:
    clear = _thresholds(0)
    # One patient post in 25 is congratulated like staff: stopping 98% takes a lower threshold.
    assert 1 - CATCH_TARGET < 1 / 25
    muddled = _thresholds(1)
    assert muddled[ENGLISH] < clear[ENGLISH]
    assert clear[ENGLISH] > EVEN_ODDS
    # With no posts in other languages to judge by, they take the threshold of all posts.
    assert clear[OTHER_LANGUAGES] == clear[ENGLISH] and muddled[OTHER_LANGUAGES] == muddled[ENGLISH]


def test_each_language_group_gets_the_threshold_that_stops_its_own_phi_posts() -> None:
    assert {language_group(t) for t in (PATIENT_ES, STAFF_ES, MIXED_ES)} == {OTHER_LANGUAGES}
    english_only = _thresholds(0)
    # Spanish patients congratulated like staff lower the Spanish posts' threshold only: the
    # English ones stay as strict as before, where one threshold for all would fall.
    both = _thresholds(0, in_spanish=1)
    assert both[OTHER_LANGUAGES] < both[ENGLISH] == english_only[ENGLISH]


def test_posts_no_threshold_can_catch_do_not_drag_the_threshold_down() -> None:
    # Three PHI posts in 83 have no finding: no threshold stops 98%, so the target becomes what
    # the best threshold stops, and lower ones, which would only add false flags, are not taken.
    clear = _thresholds(0)
    assert _thresholds(0, never_found=3)[ENGLISH] == clear[ENGLISH] > min(THRESHOLDS)


def test_saved_weights_and_thresholds_give_the_same_verdicts(tmp_path: Path) -> None:
    findings, _ = _examples()
    thresholds = {ENGLISH: 0.65, OTHER_LANGUAGES: 0.4}
    model = ConfidenceModel(fit(*_examples()).weights, thresholds)
    path = tmp_path / "confidence.json"
    model.save(path)
    loaded = ConfidenceModel.load(path)
    assert loaded.thresholds == thresholds
    assert [round(loaded.probability(f), 6) for f in findings] == [
        round(model.probability(f), 6) for f in findings
    ]


def test_a_finding_is_weighed_against_its_posts_language_groups_threshold() -> None:
    even = ConfidenceModel({"bias": 0.0}, {ENGLISH: 0.6, OTHER_LANGUAGES: 0.4})  # always 0.5
    english = _name_finding(PATIENT.format("Ana Silva"), "Ana Silva")
    spanish = _name_finding(PATIENT_ES.format("Ana Silva"), "Ana Silva")
    assert even.kept([english]) == [False]
    assert even.kept([spanish]) == [True]


def test_a_confidence_file_without_both_thresholds_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "confidence.json"
    path.write_text('{"thresholds": {"english": 0.3}, "weights": {"bias": 1.0}}')
    with pytest.raises(ValueError, match="thresholds for \\['english'\\]"):
        ConfidenceModel.load(path)


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
    assert all(0 < threshold < 1 for threshold in model.thresholds.values())


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
