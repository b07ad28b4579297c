"""The markup converter for labelled posts, and the labelled posts it has written."""

from __future__ import annotations

import json

import pytest

from benchmarks.markup import ENTITY_TYPES, PLATFORMS, MarkupError, convert
from benchmarks.privacy import DATA


def test_spans_land_on_their_words_after_earlier_marks_are_removed() -> None:
    markup = (
        "x\nHappy [[AGE_OVER_89|101st birthday]] to [[PERSON|Margaret Ellison]] "
        "in [[ROOM_NUMBER|room 412]]!\n---\nlinkedin\nMeet Dr. Priya Raman.\n"
    )
    rows = convert(markup, "heldout-99")
    assert [row["id"] for row in rows] == ["heldout-99-001", "heldout-99-002"]
    first = rows[0]
    text = first["text"]
    assert text == "Happy 101st birthday to Margaret Ellison in room 412!"
    assert [(text[s["start"] : s["end"]], s["entity_type"]) for s in first["phi"]] == [
        ("101st birthday", "AGE_OVER_89"),
        ("Margaret Ellison", "PERSON"),
        ("room 412", "ROOM_NUMBER"),
    ]
    assert rows[1]["phi"] == [] and rows[1]["platform"] == "linkedin"


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        ("myspace\nHello", "first line"),
        ("x\nHi [[PATIENT|Ann]]", "unknown entity type PATIENT"),
        ("x\nHi [[PERSON|Ann]", "not closed"),
        ("x\nHi [[Ann]]", "not closed"),
        ("x\n", "no text"),
    ],
)
def test_bad_markup_names_the_post_and_the_problem(markup: str, problem: str) -> None:
    with pytest.raises(MarkupError, match=f"post 1: .*{problem}"):
        convert(markup, "heldout-99")


def test_every_labelled_post_follows_the_labelling_guide() -> None:
    ids = set()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert row["id"] not in ids, row["id"]
        ids.add(row["id"])
        assert row["platform"] in PLATFORMS, row["id"]
        for span in row["phi"]:
            assert span["entity_type"] in ENTITY_TYPES, row["id"]
            assert 0 <= span["start"] < span["end"] <= len(row["text"]), row["id"]
            assert row["text"][span["start"] : span["end"]].strip(), row["id"]
