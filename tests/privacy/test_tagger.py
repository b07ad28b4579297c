"""The patient tagger: its entities, its recognizer, how the judgement uses it, its training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from policy.privacy import PrivacyEngine
from policy.privacy.confidence import ConfidenceModel
from policy.privacy.engine import CONFIDENCE_PATH, ENTITY_RULES
from policy.privacy.judgement import AllowList, is_disputed, keep_candidates
from policy.privacy.recognizers.general import GeneralEntityRecognizer
from policy.privacy.recognizers.tagged import TaggedIdentifierRecognizer
from policy.privacy.tagger import OTHER_PERSON, PLACE, TAGGER_PATH, TaggerMismatch, load_tagger
from policy.privacy.training import (
    LabelledPost,
    deal_folds,
    folds_of,
    load_findings,
    read_labelled_posts,
    rejudged_findings,
    taught_spans,
    train,
    train_tagger,
    training_posts,
)
from policy.privacy.training import main as training_main
from policy.schema import Organisation
from tests.conftest import SPACY_MODEL
from tests.privacy.candidates import candidate

NO_ALLOW_LIST = AllowList.of(Organisation())


def _doc(engine: PrivacyEngine, text: str) -> spacy.tokens.Doc:
    return engine._nlp_engine.get_nlp("en")(text)


def test_the_tagger_labels_patient_identifiers_with_the_engines_entity_types(
    privacy_engine: PrivacyEngine,
) -> None:
    doc = _doc(privacy_engine, "Happy 101st birthday to our patient Margaret Ellison in room 412!")
    tagged = {(span.text, span.label_) for span in doc.ents}
    assert ("Margaret Ellison", "PERSON") in tagged
    assert ("room 412", "ROOM_NUMBER") in tagged
    assert {label for _, label in tagged} <= set(ENTITY_RULES)


def test_the_tagger_reads_a_batch_as_it_reads_one_draft(privacy_engine: PrivacyEngine) -> None:
    texts = [
        "Sione Faleolo is heading home today after 10 weeks in our spinal unit.",
        "Meet Dr. Priya Raman, our new Chief of Cardiology.",
    ] * 3
    nlp = privacy_engine._nlp_engine.get_nlp("en")
    one_by_one = [nlp(text) for text in texts]
    batched = list(nlp.pipe(texts, batch_size=4))
    assert any(doc.ents for doc in batched)
    assert [[(e.start_char, e.label_) for e in doc.ents] for doc in batched] == [
        [(e.start_char, e.label_) for e in doc.ents] for doc in one_by_one
    ]


def test_the_recognizer_reports_only_the_entity_types_asked_for(
    privacy_engine: PrivacyEngine,
) -> None:
    text = "Happy 101st birthday to our patient Margaret Ellison in room 412!"
    artifacts = privacy_engine._nlp_engine.artifacts(_doc(privacy_engine, text))
    recognizer = TaggedIdentifierRecognizer(["PERSON", "ROOM_NUMBER"])
    everything = recognizer.analyze(text, ["PERSON", "ROOM_NUMBER"], artifacts)
    assert {text[r.start : r.end] for r in everything} >= {"Margaret Ellison", "room 412"}
    names = recognizer.analyze(text, ["PERSON"], artifacts)
    assert names and {r.entity_type for r in names} == {"PERSON"}
    assert recognizer.analyze(text, ["PERSON"], None) == []


def test_the_tagger_reports_other_names_and_places_only_through_their_own_recognizer(
    privacy_engine: PrivacyEngine,
) -> None:
    text = "Barack Obama toured the clinic in Chicago with our patient Margaret Ellison."
    doc = privacy_engine._nlp_engine.get_nlp("en").make_doc(text)

    def span(words: str, label: str) -> Span:
        found = doc.char_span(text.index(words), text.index(words) + len(words), label=label)
        assert found is not None
        return found

    doc.ents = [
        span("Barack Obama", OTHER_PERSON),
        span("Chicago", PLACE),
        span("Margaret Ellison", "PERSON"),
    ]
    artifacts = privacy_engine._nlp_engine.artifacts(doc)
    entities = list(ENTITY_RULES)
    general = GeneralEntityRecognizer().analyze(text, entities, artifacts)
    assert {(text[r.start : r.end], r.entity_type) for r in general} == {
        ("Barack Obama", "PERSON"),
        ("Chicago", "IDENTIFYING_DETAILS"),
    }
    tagged = TaggedIdentifierRecognizer(entities).analyze(text, entities, artifacts)
    assert [(text[r.start : r.end], r.entity_type) for r in tagged] == [
        ("Margaret Ellison", "PERSON")
    ]
    names = GeneralEntityRecognizer().analyze(text, ["PERSON"], artifacts)
    assert [text[r.start : r.end] for r in names] == ["Barack Obama"]
    assert GeneralEntityRecognizer().analyze(text, entities, None) == []


def test_training_keeps_the_general_models_other_names_and_places() -> None:
    text = "Barack Obama toured the clinic in Chicago with our patient Margaret Ellison."
    start = text.index("Margaret Ellison")
    post = LabelledPost("a", "dev", "x", text, ((start, start + 16, "PERSON"),))
    (taught,) = taught_spans([post], spacy.load(SPACY_MODEL))
    assert {(text[s:e], label) for s, e, label in taught} == {
        ("Barack Obama", OTHER_PERSON),
        ("Chicago", PLACE),
        ("Margaret Ellison", "PERSON"),  # the label, not the general model's PERSON beside it
    }


@pytest.mark.parametrize(
    ("text", "name", "sources", "kept"),
    [
        # nothing around the name says whose it is: the tagger's word is a patient's
        (
            "Sione Faleolo is heading home today.",
            "Sione Faleolo",
            ["TaggedIdentifierRecognizer"],
            True,
        ),
        # and so is a name from the Census lists
        ("Ethan Park woke up this morning.", "Ethan Park", ["KnownNameRecognizer"], True),
        # but a capitalised word opening a sentence is no name on a model's say alone
        ("Win a free spa day!", "Win", ["TaggedIdentifierRecognizer"], False),
        # words that say "patient" decide
        (
            "Prayers for our patient Liam Byrne tonight.",
            "Liam Byrne",
            ["PatientNameRecognizer"],
            True,
        ),
        # a name followed by people in the plural is a team's or a unit's
        (
            "Northshore Sharks wingers Taniela Fifita handed out footies.",
            "Northshore Sharks",
            ["TaggedIdentifierRecognizer"],
            False,
        ),
        # unless words before it say "patient" ("nurses" is a verb here)
        (
            "Our patient Dana Reyes nurses her newborn in the NICU.",
            "Dana Reyes",
            ["TaggedIdentifierRecognizer"],
            True,
        ),
        # and the tagger cannot overrule words that say "staff"
        (
            "Meet Dr. Priya Raman, our new Chief of Cardiology.",
            "Priya Raman",
            ["TaggedIdentifierRecognizer"],
            False,
        ),
        # the second name after "wingers" is a player too; after "patients" a patient
        (
            "Sharks wingers Taniela Fifita and Josh Carmody handed out signed footies.",
            "Josh Carmody",
            ["KnownNameRecognizer"],
            False,
        ),
        (
            "Our patients Taniela Fifita and Josh Carmody went home today.",
            "Josh Carmody",
            ["KnownNameRecognizer"],
            True,
        ),
        # a shouted word after a sentence's first word is no surname; a shouted name is a name
        (
            "¡Vacunas GRATIS! En nuestra clínica.",
            "¡Vacunas GRATIS",
            ["GeneralEntityRecognizer"],
            False,
        ),
        ("Happy birthday, MARGARET! 🎂", "MARGARET", ["TaggedIdentifierRecognizer"], True),
    ],
)
def test_the_words_around_a_name_decide_and_the_tagger_decides_the_rest(
    text: str, name: str, sources: list[str], kept: bool
) -> None:
    results = [candidate(text, name, source) for source in sources]
    judged = keep_candidates(text, results, NO_ALLOW_LIST)
    # A tagger's name the rules reject comes back disputed, for the confidence model to weigh.
    found = [text[r.start : r.end] for r in judged if not is_disputed(r)]
    assert any(name in span for span in found) is kept  # a kept name may take in its partner


@pytest.mark.parametrize(
    ("text", "date", "kept"),
    [
        ("Florence Nightingale was born on 12 May 1820.", "12 May 1820", False),
        ("Walter, who landed in Normandy in 1944, went home on 12 May 2024.", "12 May 2024", True),
    ],
)
def test_a_date_before_1900_is_nobody_living(text: str, date: str, kept: bool) -> None:
    results = [candidate(text, date, "TaggedIdentifierRecognizer", "DATE")]
    found = [text[r.start : r.end] for r in keep_candidates(text, results, NO_ALLOW_LIST)]
    assert (date in found) is kept


def _posts() -> list[LabelledPost]:
    made = []
    for number, (name, clean) in enumerate(
        [("Aroha Ngata", False), ("Bilal Rahimi", False), ("Dr. Ines Moreau", True)] * 6
    ):
        text = (
            f"Meet {name}, our new head of pharmacy."
            if clean
            else f"So proud of {name}, who went home today after three weeks in our ICU."
        )
        start = text.index(name)
        phi = () if clean else ((start, start + len(name), "PERSON"),)
        made.append(LabelledPost(f"t-{number}", f"set-{number % 3}", "x", text, phi))
    return made


def test_training_writes_a_tagger_that_learned_its_posts(tmp_path: Path) -> None:
    output = tmp_path / "tagger"
    train_tagger(_posts(), output, base_model=SPACY_MODEL, epochs=8)
    tagger = load_tagger(output, SPACY_MODEL)
    assert "PERSON" in tagger.get_pipe("ner").labels
    doc = tagger("So proud of Bilal Rahimi, who went home today after three weeks in our ICU.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Bilal Rahimi", "PERSON")]
    with pytest.raises(TaggerMismatch, match=r"--model en_core_web_lg"):
        load_tagger(output, "en_core_web_lg")


def test_training_the_tagger_alone_leaves_the_confidence_model_as_it_is(tmp_path: Path) -> None:
    data = tmp_path / "posts.jsonl"
    rows = [
        {
            "id": post.id,
            "split": post.split,
            "platform": post.platform,
            "text": post.text,
            "phi": [{"start": s, "end": e, "entity_type": kind} for s, e, kind in post.phi],
        }
        for post in _posts()
    ]
    data.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    confidence = tmp_path / CONFIDENCE_PATH.name
    confidence.write_text("kept as it is", encoding="utf-8")
    status = training_main(
        ["--tagger-only", "--data", str(data), "--output", str(tmp_path), "--epochs", "2"]
    )
    assert status == 0
    assert (tmp_path / TAGGER_PATH.name / "ner" / "model").exists()
    assert confidence.read_text(encoding="utf-8") == "kept as it is"


def test_a_missing_tagger_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"python -m policy\.privacy\.training"):
        load_tagger(tmp_path / "nowhere", SPACY_MODEL)


def test_the_shipped_tagger_is_in_the_package() -> None:
    assert (TAGGER_PATH / "config.cfg").exists()
    assert (TAGGER_PATH / "ner" / "model").exists()


def test_training_leaves_out_the_sets_kept_blind() -> None:
    posts = _posts()
    kept = training_posts(posts, ["set-1"])
    assert kept and all(post.split != "set-1" for post in kept)
    assert len(kept) == len(posts) - sum(post.split == "set-1" for post in posts)


def test_labelled_posts_with_a_bad_span_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    row = {"id": "a", "split": "dev", "platform": "x", "text": "Hi Ana!", "phi": []}
    bad = dict(row, phi=[{"start": 2, "end": 6, "entity_type": "PERSON"}])  # " Ana"
    path.write_text(json.dumps(row) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"posts\.jsonl:2: bad span 2-6"):
        read_labelled_posts(path)
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert read_labelled_posts(path)[0].text == "Hi Ana!"


def test_folds_deal_the_sets_in_turn() -> None:
    assert deal_folds(["a", "b", "c", "d", "e"], 2) == [["a", "c", "e"], ["b", "d"]]
    assert deal_folds(["a"], 3) == [["a"]]


def test_training_writes_both_learned_parts_and_the_engine_runs_on_them(tmp_path: Path) -> None:
    folds = tmp_path / "folds"
    findings = tmp_path / "findings.json"
    train(
        _posts(),
        tmp_path,
        base_model=SPACY_MODEL,
        epochs=6,
        folds=3,
        processes=1,
        findings_path=findings,
        fold_taggers=folds,
    )
    # the kept fold taggers re-read their folds as the training run did, rules unchanged
    rejudged = rejudged_findings(_posts(), folds_of(_posts(), 3), folds, SPACY_MODEL)
    assert rejudged == load_findings(findings, _posts())
    with pytest.raises(ValueError, match="no tagger for fold 3"):
        rejudged_findings(_posts(), [*folds_of(_posts(), 3), ["set-9"]], folds, SPACY_MODEL)
    confidence = ConfidenceModel.load(tmp_path / "confidence.json")
    assert confidence.weights
    engine = PrivacyEngine(SPACY_MODEL, tmp_path / "patient_tagger", tmp_path / "confidence.json")
    text = "So proud of Aroha Ngata, who went home today after three weeks in our ICU."
    assert engine.pipes == ["ner"]
    assert [f.entity_type for f in engine.findings(text, Organisation())] == ["PERSON"]
