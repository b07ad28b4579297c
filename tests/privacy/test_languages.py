"""Which language group a post falls in: it chooses the confidence threshold for its findings."""

from __future__ import annotations

import pytest

from policy.privacy.languages import ENGLISH, OTHER_LANGUAGES, language_group


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Happy 101st birthday to Margaret, who is with us on 4 West!", ENGLISH),
        # Accented names and a Spanish greeting do not make an English post another language's.
        (
            "¡Felicidades! Bà Nguyễn Thị Hoa came to our clinic for a checkup and went home.",
            ENGLISH,
        ),
        ("Free flu shots Saturday 9–12, Main Lobby. Walk-ins welcome.", ENGLISH),
        ("", ENGLISH),
        ("Hoy cumple 97 años en nuestra unidad de geriatría, con su familia.", OTHER_LANGUAGES),
        ("Pani Halina przeszła operację w naszym szpitalu i jest już w domu.", OTHER_LANGUAGES),
        ("Li fèt 8 me 1924 nan Jacmel, e li di mèsi a tout enfimyè yo.", OTHER_LANGUAGES),
        # Other scripts count whatever their language.
        ("本日、当院で最高齢の患者さんが100歳の誕生日を迎えられました", OTHER_LANGUAGES),
        ("Дякуємо родині за теплі слова та домашній борщ!", OTHER_LANGUAGES),
        # Bilingual: the English half holds as many telling words as the Japanese.
        (
            "本日、防災訓練を実施しました Today we held our annual earthquake drill with the fire "
            "service.",
            ENGLISH,
        ),
    ],
)
def test_a_post_is_read_as_mostly_english_or_mostly_another_language(text: str, group: str) -> None:
    assert language_group(text) == group
