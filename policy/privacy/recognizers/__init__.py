"""Healthcare recognizers for HIPAA Safe Harbor identifiers that Presidio does not ship."""

from presidio_analyzer import EntityRecognizer

from policy.privacy.recognizers.account_number import AccountNumberRecognizer
from policy.privacy.recognizers.age_over_89 import AgeOver89Recognizer
from policy.privacy.recognizers.device_serial import DeviceSerialRecognizer
from policy.privacy.recognizers.health_plan_id import HealthPlanIdRecognizer
from policy.privacy.recognizers.identifying_details import IdentifyingDetailsRecognizer
from policy.privacy.recognizers.known_name import KnownNameRecognizer
from policy.privacy.recognizers.license_plate import LicensePlateRecognizer
from policy.privacy.recognizers.mrn import MedicalRecordNumberRecognizer
from policy.privacy.recognizers.national_id import NationalIdRecognizer
from policy.privacy.recognizers.patient_date import PatientDateRecognizer
from policy.privacy.recognizers.patient_name import PatientNameRecognizer
from policy.privacy.recognizers.room_number import RoomNumberRecognizer
from policy.privacy.recognizers.social_handle import SocialHandleRecognizer
from policy.privacy.recognizers.street_address import StreetAddressRecognizer


def healthcare_recognizers() -> list[EntityRecognizer]:
    """One fresh instance of every healthcare recognizer, ready to add to a registry."""
    return [
        AccountNumberRecognizer(),
        AgeOver89Recognizer(),
        DeviceSerialRecognizer(),
        HealthPlanIdRecognizer(),
        IdentifyingDetailsRecognizer(),
        KnownNameRecognizer(),
        LicensePlateRecognizer(),
        MedicalRecordNumberRecognizer(),
        NationalIdRecognizer(),
        PatientDateRecognizer(),
        PatientNameRecognizer(),
        RoomNumberRecognizer(),
        SocialHandleRecognizer(),
        StreetAddressRecognizer(),
    ]


__all__ = [
    "AccountNumberRecognizer",
    "AgeOver89Recognizer",
    "DeviceSerialRecognizer",
    "HealthPlanIdRecognizer",
    "IdentifyingDetailsRecognizer",
    "KnownNameRecognizer",
    "LicensePlateRecognizer",
    "MedicalRecordNumberRecognizer",
    "NationalIdRecognizer",
    "PatientDateRecognizer",
    "PatientNameRecognizer",
    "RoomNumberRecognizer",
    "SocialHandleRecognizer",
    "StreetAddressRecognizer",
    "healthcare_recognizers",
]
