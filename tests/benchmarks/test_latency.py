"""How the privacy benchmark times the engines it compares."""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.privacy import latency_ms


def test_the_engines_take_each_draft_in_turn_and_each_gets_its_own_figures() -> None:
    calls: list[tuple[str, str]] = []

    def detector(name: str) -> Callable[[str], None]:
        return lambda draft: calls.append((name, draft))

    drafts = ["first draft", "second draft", "third draft"]
    figures = latency_ms({"ours": detector("ours"), "theirs": detector("theirs")}, drafts)

    # a warm-up call each, then every draft by one engine and at once by the other, so that a
    # burst of other work on the machine slows both alike
    assert calls == [
        ("ours", "first draft"),
        ("theirs", "first draft"),
        *[(name, draft) for draft in drafts for name in ("ours", "theirs")],
    ]
    assert set(figures) == {"ours", "theirs"}
    for timing in figures.values():
        assert set(timing) == {"p50", "p99"}
        assert 0 <= timing["p50"] <= timing["p99"]
