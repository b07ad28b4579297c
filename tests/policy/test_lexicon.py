"""The shared matcher: whole words, disguised spellings, nearness, links and pattern safety."""

from __future__ import annotations

import pytest

from policy.lexicon import (
    UnsafePattern,
    check_pattern,
    find_links,
    find_matches,
    host_is_in,
    near_matches,
)


@pytest.mark.parametrize(
    ("text", "phrases", "found"),
    [
        ("This CURES acne", ["cures"], ["CURES"]),
        ("a cure for acne", ["cures"], []),
        ("guaranteed   results", ["guaranteed results"], ["guaranteed   results"]),
        ("the assessment class", ["ass"], []),
        ("Use #ad here", ["#ad"], ["#ad"]),
        ("#adventure awaits", ["#ad"], []),
        ("fucking hell", ["fuck*"], ["fucking"]),
        ("total bullshit", ["*shit"], ["bullshit"]),
        ("shiitake", ["*shit"], []),
    ],
)
def test_phrases_match_whole_words_ignoring_case(
    text: str, phrases: list[str], found: list[str]
) -> None:
    assert [m.text for m in find_matches(text, phrases)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("what the f*ck", ["f*ck"]),
        ("f**k this", ["f**k"]),
        ("sh1t happens", ["sh1t"]),
        ("s.h.i.t", ["s.h.i.t"]),
        ("fuuuuck", ["fuuuuck"]),
        ("f u c k", ["f u c k"]),
        ("it's hit a record", []),
        ("push it", []),
        ("Scunthorpe shift", []),
    ],
)
def test_obfuscated_spellings_are_caught_without_reading_across_words(
    text: str, found: list[str]
) -> None:
    hits = find_matches(text, ["fuck", "shit"], obfuscated=True)
    assert [m.text for m in hits] == found


def test_case_sensitive_lexicons_tell_acronyms_from_words() -> None:
    assert [m.text for m in find_matches("says WHO", ["WHO"], case_sensitive=True)] == ["WHO"]
    assert find_matches("who says", ["WHO"], case_sensitive=True) == []


def test_overlapping_matches_merge_into_one() -> None:
    hits = find_matches("enter to win a prize", ["enter to win", "to win a"])
    assert [(m.start, m.end) for m in hits] == [(0, 14)]


def test_near_pairs_matches_within_the_word_window_only() -> None:
    text = "DM us with your test results. Later, after many many more words, symptoms."
    primary = find_matches(text, ["DM us"])
    nearby = find_matches(text, ["results", "symptoms"])
    pairs = near_matches(text, primary, nearby, within_words=4)
    assert [(a.text, b.text) for a, b in pairs] == [("DM us", "results")]
    assert near_matches(text, primary, find_matches(text, ["symptoms"]), within_words=4) == []


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bvote for\b",
        r"\d{1,3}\s?%",
        r"(?:yes|no) on prop\s?\d{1,3}",
        r"(?i:vote) [A-Z][a-z]+",
        r"(?:ab){1,3}c+",
    ],
)
def test_safe_patterns_pass(pattern: str) -> None:
    check_pattern(pattern)


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        ("(a+)+$", "repeats a group"),
        (r"(\w+\s?)*end", "repeats a group"),
        (r"(?:\w+\W+){0,4}x", "repeats a group"),
        ("((ab)*c)+", "repeats a group"),
        ("(x|y+)*", "repeats a group"),
        ("[unclosed", "not a valid regular expression"),
        ("(?i)cure", "sets its own flags"),
        ("a" * 600, "keep patterns under"),
    ],
)
def test_unsafe_or_broken_patterns_are_refused(pattern: str, says: str) -> None:
    with pytest.raises(UnsafePattern, match=r".") as caught:
        check_pattern(pattern)
    assert says in str(caught.value)


def test_links_with_and_without_scheme_lose_trailing_punctuation() -> None:
    text = "See https://www.CDC.gov/flu/index.html. Or cdc.gov, or http://bit.ly/x) and a@b.org"
    links = find_links(text)
    assert [(link.url, link.host, link.scheme) for link in links] == [
        ("https://www.CDC.gov/flu/index.html", "cdc.gov", "https"),
        ("cdc.gov", "cdc.gov", None),
        ("http://bit.ly/x", "bit.ly", "http"),
    ]
    assert text[links[0].start : links[0].end] == links[0].url


def test_a_link_that_cannot_be_read_has_no_host() -> None:
    # urlsplit refuses "http://[" (an unclosed IPv6 address); the draft is still checked.
    links = find_links("Typo alert: HTTP://[ and https://[::1 are not addresses")
    assert [(link.url, link.host, link.scheme) for link in links] == [
        ("HTTP://[", "", "HTTP"),
        ("https://[::1", "", "https"),
    ]


def test_subdomains_count_as_their_domain() -> None:
    assert host_is_in("pubmed.ncbi.nlm.nih.gov", ["nih.gov"])
    assert not host_is_in("notnih.gov", ["nih.gov"])
