"""The shape every healthcare recognizer shares: compiled patterns, a score, an optional check."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


@dataclass(frozen=True)
class CuePattern:
    """One regular expression; ``group`` is the part of the match reported as the identifier.

    ``check``, when given, is asked about each of this pattern's matches (text, start, end of
    the reported words) before the recognizer's own ``accept``.
    """

    name: str
    regex: re.Pattern[str]
    score: float
    group: int | str = 0
    check: Callable[[str, int, int], bool] | None = None


class RegexRecognizer(EntityRecognizer):
    """A Presidio recognizer driven by precompiled patterns and a context check per match.

    Presidio's PatternRecognizer recompiles with the analyzer's flags (case-insensitive), which
    would break patterns that rely on capital letters; these patterns carry their own flags.
    """

    ENTITY: str = ""
    PATTERNS: tuple[CuePattern, ...] = ()

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name=type(self).__name__)

    def load(self) -> None:
        """Nothing to load: the patterns are compiled at import time."""

    def accept(self, text: str, start: int, end: int) -> bool:
        """Whether the words around a match make it an identifier; every match by default."""
        return True

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        best: dict[tuple[int, int], RecognizerResult] = {}
        for pattern in self.PATTERNS:
            for result in self.matches(text, pattern):
                # Two patterns may match the same words; report them once, with the best score.
                key = (result.start, result.end)
                if key not in best or best[key].score < result.score:
                    best[key] = result
        return list(best.values())

    def matches(self, text: str, pattern: CuePattern) -> list[RecognizerResult]:
        """The accepted matches of one pattern, as Presidio results."""
        results: list[RecognizerResult] = []
        for match in pattern.regex.finditer(text):
            start, end = match.span(pattern.group)
            if start < 0 or end <= start:
                continue
            if pattern.check and not pattern.check(text, start, end):
                continue
            if not self.accept(text, start, end):
                continue
            results.append(
                RecognizerResult(
                    entity_type=self.ENTITY,
                    start=start,
                    end=end,
                    score=pattern.score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results
