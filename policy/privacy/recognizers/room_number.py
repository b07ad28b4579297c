"""ROOM_NUMBER: a room, bed or bay number that places a patient ("room 412", "Rm 4012", "bay 3").

Score 0.6, raised by context words (patient, admitted, visiting) that tie the place to a person.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer


class RoomNumberRecognizer(PatternRecognizer):
    """Finds room, bed and bay numbers."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="ROOM_NUMBER",
            name="RoomNumberRecognizer",
            patterns=[
                Pattern(
                    "room bed bay",
                    r"(?i)\b(?:room|rm\.?|bed|bay|suite)\s*#?\s*[A-Z]?\d{1,5}[A-Z]?\b",
                    0.6,
                ),
            ],
            context=["patient", "admitted", "visiting", "recovering", "in", "staying"],
        )
