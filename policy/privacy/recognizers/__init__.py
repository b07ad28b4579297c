"""Healthcare recognizers for HIPAA Safe Harbor identifiers that Presidio does not ship."""

from presidio_analyzer import EntityRecognizer

from policy.privacy.recognizers.age_over_89 import AgeOver89Recognizer
from policy.privacy.recognizers.mrn import MedicalRecordNumberRecognizer
from policy.privacy.recognizers.room_number import RoomNumberRecognizer


def healthcare_recognizers() -> list[EntityRecognizer]:
    """One fresh instance of every healthcare recognizer, ready to add to a registry."""
    return [
        AgeOver89Recognizer(),
        MedicalRecordNumberRecognizer(),
        RoomNumberRecognizer(),
    ]


__all__ = ["healthcare_recognizers"]
