"""Turn labelled posts written in markup into rows of ``benchmarks/data/privacy_posts.jsonl``.

Run ``python -m benchmarks.markup posts.txt --split heldout-41 > heldout-41.jsonl``. The markup
is described in ``benchmarks/data/LABELLING.md``: posts separated by a line holding only
``---``, the platform on each post's first line, and every PHI span written ``[[TYPE|words]]``.
Bad markup stops the conversion with the post's number and what is wrong, so a set is never
written with a span silently lost.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

PLATFORMS = frozenset({"x", "facebook", "instagram", "linkedin"})
ENTITY_TYPES = frozenset(
    {
        "PERSON",
        "SOCIAL_HANDLE",
        "AGE_OVER_89",
        "DATE",
        "ROOM_NUMBER",
        "MRN",
        "HEALTH_PLAN_ID",
        "US_SSN",
        "ACCOUNT_NUMBER",
        "LICENSE_PLATE",
        "DEVICE_SERIAL",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "STREET_ADDRESS",
        "IDENTIFYING_DETAILS",
    }
)

_POST_BREAK = re.compile(r"^---[ \t]*$", re.MULTILINE)
_MARK = re.compile(r"\[\[([A-Z_0-9]+)\|([^\[\]|]+)\]\]")


class MarkupError(ValueError):
    """A post's markup cannot be read; the message names the post and the problem."""


def parse_post(block: str, number: int) -> tuple[str, str, list[dict[str, object]]]:
    """Return the platform, the plain text and the spans of one marked-up post."""
    platform, _, marked = block.strip().partition("\n")
    platform = platform.strip().lower()
    if platform not in PLATFORMS:
        raise MarkupError(f"post {number}: the first line must be one of {sorted(PLATFORMS)}")
    text_parts: list[str] = []
    spans: list[dict[str, object]] = []
    length = 0
    position = 0
    marked = marked.strip()
    for mark in _MARK.finditer(marked):
        entity_type, words = mark.group(1), mark.group(2)
        if entity_type not in ENTITY_TYPES:
            raise MarkupError(f"post {number}: unknown entity type {entity_type}")
        before = marked[position : mark.start()]
        text_parts += [before, words]
        start = length + len(before)
        length = start + len(words)
        spans.append({"start": start, "end": length, "entity_type": entity_type})
        position = mark.end()
    text_parts.append(marked[position:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise MarkupError(f"post {number}: a mark is not closed, is nested or has no type")
    if not text:
        raise MarkupError(f"post {number}: the post has no text")
    return platform, text, spans


def convert(markup: str, split: str) -> list[dict[str, object]]:
    """Return the benchmark rows of every post in ``markup``, numbered within ``split``."""
    blocks = [block for block in _POST_BREAK.split(markup) if block.strip()]
    rows: list[dict[str, object]] = []
    for number, block in enumerate(blocks, start=1):
        platform, text, spans = parse_post(block, number)
        rows.append(
            {
                "id": f"{split}-{number:03d}",
                "split": split,
                "platform": platform,
                "text": text,
                "phi": spans,
            }
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("markup", type=Path, help="the marked-up posts")
    parser.add_argument("--split", required=True, help="the set's name, e.g. heldout-41")
    args = parser.parse_args(argv)
    try:
        rows = convert(args.markup.read_text(encoding="utf-8"), args.split)
    except MarkupError as error:
        print(f"{args.markup}: {error}", file=sys.stderr)
        return 1
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
