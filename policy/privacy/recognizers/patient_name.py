"""PERSON: names that spaCy's model misses but the wording marks as a patient's or relative's.

Patterns:
- a courtesy title and surname: ``Mr. Okafor``, ``Mrs. Abernathy``, ``Ms. Chen``, also in lower
  case (``mr. okafor``);
- a family or patient word and a capitalised name: ``her daughter Mai``, ``our patient Rosa
  Delgado``, ``twins Arjun and Anaya``, ``Triplets Ava, Ella and Noah``, ``baby Leo``, ``Grandpa
  Joe``; family nicknames also in lower case (``nana ruth``);
- a name in any non-Latin script after a patient word: ``patient 李明华``, ``病人王小明``;
- a name in another script before an honorific: ``佐藤様``, ``김순자 할머니``, ``祝王秀英奶奶``
  (not the nouns that take one, ``아드님``, ``선생님``);
- a relative named in another language: ``sa fille Émilie``, ``Con gái bà, chị Hương``,
  ``asawa niyang si Tessie``, ``Hooyadiis Hodan``, ``Внучка Оля``, ``ابنها عمر``, ``ਪੁੱਤਰ ਹਰਜੀਤ``,
  ``儿子陈伟``, ``따님 김지은 씨``;
- a name inside a support hashtag: ``#PrayForMariaSantos``, ``#TeamJayden``, ``#LeoStrong``,
  ``#GetWellSoonAnanya``, ``#RestEasyJaylen``, ``#HappyBirthdayDot``, ``#EthansGift``;
- a lower-case name given with an age, news style: ``jayden morales, 7,``; a given name with an
  age in brackets: ``Sinéad (8)``;
- a name after a verb of care: ``we cared for Olamide Adeyemi``, ``treated Bao``; a name after
  "rip" (``rip earl whitfield``);
- a name opening a sentence whose verb tells a patient's story: ``Kenji is home after his
  appendectomy``, ``Keisha Brown finished 6 months of treatment``, ``Sione Tupou turns 104``;
- a name with a relative or a bed: ``Inês Carvalho and her son``, ``family of Yusuf Darwish``,
  ``ravi in bed 9``, ``J. Nakamura Rm 4417``, ``pops from room 14``;
- a name spoken to, welcomed or mourned: ``Feel better soon, Hiroshi!``, ``Rest easy, Bernie``,
  ``Keep rolling, Keiran!``, ``We're praying for you, Deb``,
  ``Welcome to the world, Ishaan and Anaya!``, ``our NICU grad Tavita``, ``Happy 1st birthday
  to Ava and Ella!``, ``kiki's bday``; in lower case, a given name thanked, cheered or mourned
  (``ty ada & emeka``, ``rest easy hattie``, ``happy discharge day abdullah``), spoken to
  about a relative (``to svetlana & yuri: ur mom``), after a word of address (``miss odessa``,
  ``doña lupe``), after "pt" or a relative (``our pt hope``, ``to his wife grace``), greeted
  in a reply (``hey kelly``), a family by its surname (``the ferreira fam``), and the name a
  nickname stands for (``pops aka walter dunleavy``, ``he goes by tito``);
- a name after a procedure: ``a liver transplant for Adaeze Okonkwo``; a name whose recovery is
  told: ``so glad Aiden is feeling better``, ``for Jayden, who's been recovering here``;
- a wristband or chart name, ``HOLLOWAY, GRETA``, next to a date of birth or record number.
- the name on a lost card or document: ``a Medicare card in the name of Stavros Kyriacou``,
  ``em nome de Edvaldo Lima``, ``на имя Зуевой Тамары``, ``به نام معصومه کرمانی``.
Context: the cue words above are part of each pattern. Score 0.75; the engine still drops names
that the surrounding words show to be staff or officials.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from policy.privacy.cues import FAMILY_ELDERS, sentence_around, vocabulary
from policy.privacy.recognizers.base import CuePattern, RegexRecognizer
from policy.privacy.recognizers.known_name import (
    census_given_names,
    census_surnames,
    is_given_name,
)
from policy.privacy.recognizers.social_handle import reply_about_care

# Capitalised, with inner capitals (DeShawn, McKenzie) and hyphenated parts (Seo-yeon).
_NAME = r"[A-Z][a-zà-öø-ÿ'’]+(?:[A-Z][a-zà-öø-ÿ]+)?(?:-[A-Za-zà-öø-ÿ'’]+)*"
_LOWER_NAME = r"[a-zà-öø-ÿ]{3,}"
_HAN = "\u4e00-\u9fff"
_HANGUL = "\uac00-\ud7af"
_SCRIPTS_WITH_SPACES_OR_KANA = (
    r"\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff"
)
NON_LATIN = rf"[{_SCRIPTS_WITH_SPACES_OR_KANA}{_HAN}{_HANGUL}]{{2,8}}"
# Chinese runs on without spaces, so a name before "先生" or "伯伯" is the two or three
# characters there ("出院的陈建国先生", "和女儿陈丽女士"), or a surname alone where the run starts
# ("。陈先生"); never starting with a particle or a word that comes before names ("恭喜", "儿子",
# "祝"), nor ending with a possessive ("有家族史嘅女士").
_CHINESE_NOT_A_NAME_START = "的和与與及给給向对對是为為让讓谢謝请請在由祝也喜子儿兒工家"
_CHINESE_NAME_BEFORE_TITLE = (
    rf"(?:(?<![{_HAN}])(?![{_CHINESE_NOT_A_NAME_START}])[{_HAN}]{{1,3}}"
    rf"|(?![{_CHINESE_NOT_A_NAME_START}])[{_HAN}]{{2,3}})(?<![的嘅之])"
)
# A Japanese name before さん, 様, ちゃん or くん is a whole run of kanji or katakana (a surname
# and a given name may be spaced: "佐々木 恵子さん"), or of hiragana after another script
# ("、さくらちゃん"); not the hiragana of the words before it ("数えきれない患者さん" is
# "patients"), nor the nouns that take these honorifics as names do.
# (Katakana letters and the long-vowel mark, not the "・" that separates a title from a name.)
KANJI_KATAKANA = r"[\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fc]"
_JAPANESE_HONOURED_NAME = (
    rf"(?<!{KANJI_KATAKANA})(?P<name>{KANJI_KATAKANA}{{1,6}}(?:\s{KANJI_KATAKANA}{{1,6}})?"
    r"|(?:(?<=の)|(?<![\u3040-\u309f]))[\u3040-\u309f]{2,4})(?:さん|様|さま|ちゃん|くん)"
)
JAPANESE_COMMON_NOUNS = vocabulary(
    """患者 看護師 医者 家族 利用者 入居者 職員 子供 息子 皆 娘 奥 孫 母 父 客 赤 嫁 嬢 ママ パパ
    スタッフ ボランティア 皆様 贈り物 手紙 病棟 みな おかあ おとう おばあ おじい あか"""
)
_FAMILY = (
    r"mom|mother|mum|dad|father|son|daughter|wife|husband|sister|brother|niece|nephew|cousin"
    r"|grandson|granddaughter|great-grandson|great-granddaughter|fianc[ée]e?|partner|baby|little"
    r"|twins|triplets|quadruplets|parents"
)
# A relative, then their name, in the other languages hospitals post in. Each alternative is
# the kinship word as that language writes it before a name, and the name in its own script:
# "sa fille Émilie", "su hija María", "Con gái bà, chị Hương", "asawa niyang si Tessie",
# "Hooyadiis Hodan", "Pitit fi li, Roseline", "Внучка Оля", "ابنها عمر", "ਪੁੱਤਰ ਹਰਜੀਤ",
# "बेटा राजू", "儿子陈伟", "따님 김지은 씨". Han names run on into the next word, so they end
# at a character that cannot be part of one (说, 和, 的...) or at another script; a Korean name
# starts with a common surname ("아드님 번호로" is "the son's number").
_LATIN_NAME = r"[A-ZÀ-ÖØ-ÞĐ][^\W\d_]+(?:-[A-ZÀ-ÖØ-ÞĐ][^\W\d_]+)*"
_RELATIVES_ELSEWHERE = (
    r"\b(?i:sa|son|ses|leur|su|sus|sua|seu)\s+(?:fille|fils|mère|père|épouse|époux|conjointe?"
    r"|femme|mari|sœur|frère|petite-fille|petit-fils|hija|hijo|esposa|esposo|madre|padre|mamá"
    r"|papá|hermana|hermano|nieta|nieto|filha|filho|mãe|pai|neta|neto|parents|padres|pais)\s*,?\s+"
    rf"(?P<name>{_LATIN_NAME}(?:\s+{_LATIN_NAME})?)",
    r"\b(?:[Cc]on\s+(?:gái|trai)|[Vv]ợ|[Cc]hồng|[Cc]háu(?:\s+(?:gái|trai|nội|ngoại))?|[Mm]ẹ|[Bb]ố)"
    r"(?:\s+(?:bà|ông|anh|chị|cô|chú))?\s*,?\s+(?:(?:chị|anh|cô|chú|em|bé)\s+)?"
    rf"(?P<name>{_LATIN_NAME}(?:\s+{_LATIN_NAME}){{0,2}})",
    r"\b(?i:asawa|anak|apo|nanay|tatay|kapatid)\s+(?:niyang|niya|nilang|ko)\s+(?:si\s+)?"
    rf"(?P<name>{_LATIN_NAME})",
    r"\b(?:Hooyadiis|Hooyadeed|Aabihiis|Aabaheed|Xaaskiisa|Ninkeeda|Walaalkeed|Walaalkiis"
    r"|Walaasheed|Walaashiis|Gabadhiisa|Gabadheeda|Wiilkiisa|Wiilkeeda)\s*,?\s+"
    rf"(?P<name>{_LATIN_NAME})",
    r"\b(?i:pitit\s+(?:fi|gason)\s+li|manman|papa\s+a|mari\s+li|madanm\s+li)\s*,?\s+"
    rf"(?P<name>{_LATIN_NAME})",
    r"(?<![а-яё])(?i:внучк[аи]|внук|правнук|правнучка|мама|папа|жена|муж|дочь|сын|сестра|брат|бабушка"
    r"|дедушка)\s+(?P<name>[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+)?)",
    r"(?:ابنها|ابنه|ابنته|ابنتها|ابنهم|ابنتهم|زوجته|زوجها|والدته|والده|والدها|والدتها|أمه|أبوه"
    r"|حفيدته|حفيده|شقيقه|شقيقته)\s+(?P<name>[\u0621-\u064a]{2,})",
    r"(?:ਪੁੱਤਰ|ਧੀ|ਪੋਤੀ|ਪੋਤਾ|ਨੂੰਹ|ਪਤਨੀ|ਪਤੀ|ਮੰਮੀ|ਪਾਪਾ|ਦੋਹਤੀ|ਦੋਹਤਾ|बेटा|बेटी|पत्नी|पति|पोता|पोती"
    r"|बहू)\s+(?P<name>[\u0900-\u097f\u0a00-\u0a7f]+(?:\s+(?!ਜੀ|जी|ਅਤੇ|और|ਨੇ|ने|ਨੂੰ|को)"
    r"[\u0900-\u097f\u0a00-\u0a7f]+)?)",
    r"(?:儿子|兒子|女儿|女兒|太太|妻子|丈夫|妈妈|媽媽|爸爸|孙女|孫女|孙子|孫子|母亲|母親|父亲|父親"
    rf"|老公|老婆)(?P<name>[{_HAN}]{{2,3}}?(?=[说說和与與、，,。的也在是都讲講：:\s]|[^{_HAN}])"
    r"|[A-Z][a-z]+)",
    r"(?:따님|아드님|남편|아내|부인|딸|아들|손녀|손자|어머니|아버지)\s+(?P<name>[김이박최정강조윤장임한오서신권"
    r"황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕"
    rf"금옥육인맹제모탁국어은편용][{_HANGUL}]{{1,2}})(?=\s|씨|님|[이가은는의을를]|$)",
)
# A lost card or document and the name on it: "a Medicare card in the name of Stavros
# Kyriacou", "em nome de Edvaldo Pereira Lima", "на имя Зуевой Тамары Николаевны", "na nazwisko
# Teresy Bąk", "به نام معصومه کرمانی", "नाम: शांति बाई", "রোগীর নাম শিউলি রানী দাস" (not the
# full stop those two scripts write, "।").
_NAME_ON_A_DOCUMENT = (
    r"\b(?i:in\s+the\s+name\s+of|a\s+nombre\s+de|au\s+nom\s+de|em\s+nome\s+de"
    r"|auf\s+den\s+Namen|na\s+nazwisko)\s+"
    rf"(?P<name>{_LATIN_NAME}(?:\s+{_LATIN_NAME}){{0,2}})",
    r"(?<![а-яё])(?i:на\s+имя|на\s+ім['’]я)\s+"
    r"(?P<name>[А-ЯЁІЇЄ][а-яёіїє'’]+(?:\s+[А-ЯЁІЇЄ][а-яёіїє'’]+){0,2})",
    r"(?:به\s+نام|باسم)\s+(?P<name>[\u0621-\u06ff\u200c]{2,}(?:\s+[\u0621-\u06ff\u200c]{2,})?)",
    r"(?:(?<!\S)नाम\s*[:：]|রোগীর\s+নাম\s*[:：]?)\s*"
    r"(?P<name>[\u0900-\u0963\u0966-\u09ff]+(?:\s+[\u0900-\u0963\u0966-\u09ff]+){0,2})",
)
# Korean nouns that take 님 as names do: son, daughter, parents, teacher or doctor, customer.
_KOREAN_TITLED_NOUNS = vocabulary(
    """아드 따 어머 아버 부모 선생 사모 고객 환자 간호사 의사 교수 원장 과장 회장 목사 신부 수녀
    여러분"""
)
# Korean titles of office that take 님, all ending alike: a head (시장 a mayor, 간호부장 a director
# of nursing, 센터장, 병원장), a councillor or legislator (시의원, 국회의원).
_KOREAN_OFFICE_ENDINGS = ("장", "의원")


def _korean_title(word: str) -> bool:
    """Whether a word before 님 is a Korean noun or title of office, not a name."""
    return word in _KOREAN_TITLED_NOUNS or word.endswith(_KOREAN_OFFICE_ENDINGS)


# What a family calls its elders, aunts and uncles, written before a name ("Auntie Rosa", "Tita
# Baby"). Only FAMILY_ELDERS make a name a patient's on their own: colleagues call an older nurse
# "Tita" or "Auntie" too.
_NICKNAME = "|".join(
    sorted(
        FAMILY_ELDERS | vocabulary("papa auntie aunt uncle tita tito"), key=lambda w: (-len(w), w)
    )
)
# A family's names for its own that stand alone as a name ("pops from room 14")...
_FAMILY_NICKNAMES = frozenset(_NICKNAME.split("|")) | vocabulary(
    "pops gramps grandad granddad mama mamá papá nonna nonno oma opa meemaw pawpaw"
)
# ...unless the words before them say whose relative ("ur grandma in rm 506").
_A_RELATION = re.compile(r"(?i)\b(?:your|ur|my|his|her|their|our|the|a)\s+$")
# A capitalised word of a CamelCase hashtag, accented letters included (#TeamOisín).
_CAMEL_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
# A fundraiser for someone: #SkateForTheo, #MilesForMéabh (the rest must hold a given name).
_FUNDRAISER_FOR = r"(?:Skate|Miles|Run|Ride|Walk|Swim|Bike|Climb|Shave|Bake|Laps|Steps)For"
# A family's elder opening a hashtag: #GrandpaJoe, #NanaRuth, #LolaCora (not #LolaPower).
_ELDERS_IN_HASHTAGS = (
    "Grandpa",
    "Grandma",
    "Granny",
    "Nana",
    "Nanna",
    "Lola",
    "Lolo",
    "Abuela",
    "Abuelo",
)
_HASHTAG_PREFIX = (
    r"PrayFor|Pray4|PrayingFor|PrayersFor|Team|Support|Love|Go|Welcome|Miracle|Fuerza|Forza"
    rf"|GetWellSoon|GetWell|RestEasy|RestInPeace|{_FUNDRAISER_FOR}"
    r"|HappyBirthday|HappyBday|BonneFête|FelizCumpleaños|StayStrong|StrongFor|StrongLike|KuatLah"
    r"|Força|" + "|".join(_ELDERS_IN_HASHTAGS)
)
# Not "Nation" or a bare "Army": fan hashtags (#DubNation, #BTSArmy) are not about patients; an
# army or a crew that is a given name's is (#AvasArmy, #CalebsCrew).
_HASHTAG_SUFFIX = (
    r"Strong|Warrior|Fighter|Tough|Journey|Forever|TheBrave|ComesHome|GoesHome|IsHome"
    r"|WalksAgain|s?Miracle|s?Gift|s?Parade|s?Legacy|VsCancer|RingsTheBell|RangTheBell"
    r"|Fuerte|Forte|sArmy|sCrew"
)
# #HappyBirthdayRuby, but also #HappyBirthdayNHS: birthday wishes must hold a given name too.
_EVERYDAY_PREFIXES = frozenset(
    {"Team", "Go", "Love", "Welcome", "Support", "Happy", "Bonne", "Feliz", "Stay", "Strong"}
    | {"Força"}  # #ForçaKauã, but also #ForçaBarça
    | set(_ELDERS_IN_HASHTAGS)
)
# #JaylenBrooksForever, but also #HomeForever, #ChristmasMiracle, #GiftOfLife, #AhmadVsCancer
# but not #WorldVsCancer: the rest must hold a given name.
_EVERYDAY_SUFFIXES = frozenset(
    {"Forever", "Miracle", "Home", "Gift", "Parade", "Legacy", "Cancer"}
    | {"Fuerte", "Forte", "Army", "Crew"}
)
# Lower-case hashtags cannot be split into words; the part after the prefix must start with a
# given name (#prayforemmawilson).
_LOWER_HASHTAG = re.compile(
    r"(?:prayfor|pray4|prayingfor|team|fuerza|getwellsoon|resteasy)(?P<rest>[a-z]{4,})"
    r"|(?P<first>[a-z]{3,})(?:strong|warrior|fighter|tough|thebrave)"
)
# Words a support hashtag may wrap that are not a person (#TeamNICU, #NursesStrong).
_NOT_NAMES = vocabulary(
    """nurse nurses nursing doctor doctors health care cancer heart hospital community city
    family staff team pink blue red green gold purple orange teal usa america nicu icu picu er ed
    survivor survivors community cancer
    kids baby babies mom moms dads
    ortho cardio onc peds rehab first responders responder firefighters heroes veterans"""
)
# The body of a support hashtag: a prefix before a name (perhaps with an initial: #TeamBobbyK),
# or a suffix after one.
_SUPPORT_HASHTAG_BODY = (
    rf"(?:{_HASHTAG_PREFIX})(?:{_CAMEL_WORD}){{1,3}}(?:[A-Z](?![a-z]))?"
    rf"|(?:{_CAMEL_WORD}){{1,3}}(?:{_HASHTAG_SUFFIX})"
)
_SUPPORT_HASHTAG = re.compile(rf"(?:{_SUPPORT_HASHTAG_BODY})\b")
# Support hashtags in the community languages: a cheer or a prayer before or after a name,
# written in its own script (#ТримайсяОлеже, #힘내라도윤, #ليلى_البطلة, #为小宇加油, #ጸሎት_ለዮሐንስ).
# Chinese cheers are common for cities and teams too ("#武汉加油"), so only a name marked as a
# child's or an elder's (小宇, 周奶奶) or one cheered "for" (为) counts.
_CYRILLIC_NAME = r"[А-ЯЁІЇЄҐ][а-яёіїєґʼ']+"
_ARABIC_WORD = r"[\u0620-\u065f\u066e-\u06d3\u06fa-\u06ff\u200c]+"
_ARABIC_NAME = rf"{_ARABIC_WORD}(?:_{_ARABIC_WORD})?"
_ETHIOPIC_NAME = r"[\u1200-\u137f]+"
_DEVANAGARI_NAME = r"[\u0900-\u097f]+(?:_[\u0900-\u097f]+)?"
_GREEK_NAME = r"[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]+"
_KANA_OR_HAN = r"\u3040-\u30ff\u4e00-\u9fff"
_SUPPORT_HASHTAG_IN_OTHER_SCRIPTS = re.compile(
    "(?:"
    rf"(?:Тримайся|Держись|Молимось[Зз]а|Молимся[Зз]а){_CYRILLIC_NAME}"
    rf"|{_CYRILLIC_NAME}(?:Вперёд|Вперед|Сильна|Сильний|Сильный|Сильная|Держись|Тримайся)"
    rf"|(?:دعواتكم_لـ?|قوی_باش_|قوي_يا_|دعا_برائے_|ادعوا_لـ?|شفاء_){_ARABIC_NAME}"
    rf"|{_ARABIC_NAME}_(?:البطلة?|القوية?|قهرمان|تنها_نیست|معك)"
    rf"|(?:힘내라|힘내요|힘내)[{_HANGUL}]{{2,3}}"
    rf"|[{_HANGUL}]{{2,3}}(?:할머니|할아버지|어르신|화이팅|파이팅)"
    rf"|(?:がんばれ|頑張れ|ようこそ)[{_KANA_OR_HAN}]{{1,7}}"
    rf"|为[{_HAN}]{{2,3}}加油"
    rf"|(?:小[{_HAN}]|[{_HAN}]{{1,2}}(?:奶奶|爷爷|爺爺|阿嬤|阿公|婆婆|伯伯|阿婆|伯|婆))加油"
    rf"|ΧρόνιαΠολλά{_GREEK_NAME}"
    rf"|ጸሎት_ለ{_ETHIOPIC_NAME}"
    rf"|{_ETHIOPIC_NAME}ን_እናድን"
    rf"|{_DEVANAGARI_NAME}(?:_के_लिए_दुआ|_की_जीत|कीजीत)"
    ")"
)
# The words of the prefixes and suffixes themselves, as the hashtag splits into words.
_HASHTAG_WORD = re.compile(
    rf"{_HASHTAG_PREFIX}|{_HASHTAG_SUFFIX}|For|Pray|Get|Well|Soon|Rest|Easy|In|Peace"
    r"|Rings|Rang|The|Bell"
)
_CARE_VERB = (
    r"cared\s+for|caring\s+for|care\s+of|treated|treating|operated\s+on|resuscitated|delivered"
)
# Predicates that make the sentence's subject a patient.
_STORY_PREDICATE = (
    r"(?:is|was|went|goes|is\s+going|(?:is\s+|was\s+)?head(?:ing|ed)|got\s+to\s+go)\s+home"
    r"|woke\s+up|rang\s+the\s+bell"
    r"|(?:is|was|were|are)\s+(?:discharged|admitted|recovering|cancer-free|in\s+remission)"
    r"|(?:finished|completed)\s+(?:\w+\s+){0,3}(?:treatment|chemo\w*|radiation|rehab|therapy)"
    r"|underwent|survived|beat\s+(?:cancer|covid|sepsis)|took\s+(?:his|her|their)\s+first\s+steps"
    r"|collapsed"
    r"|(?:tore|broke|fractured|injured|hurt|sprained)\s+(?:his|her|their)"
    r"|(?:has|had)\s+been\s+(?:with\s+us|in\s+(?:our|the)\s+\w+)"
    r"|turn(?:s|ed)\s+(?:9\d|1[01]\d)\b"
    r"|(?:was|were)\s+(?:flown|airlifted|rushed|brought|transferred|transported)"
    r"|came\s+(?:in\s+)?(?:to|for)\s+(?:his|her|their)\s+(?:infusion|chemo|treatment|dialysis"
    r"|surgery|appointment|session)"
    r"|is\s+(?:feeling|doing)\s+(?:better|well|great)"
    r"|is\s+(?:\d+\s+(?:days?|wks?|weeks?|months?)\s+)?post-?op\b"
)
# A lower-case name in a bed follows a preposition: "thanks to ravi in bed 9".
_AFTER_PREPOSITION = "|".join(rf"(?<=\b{word}\s)" for word in ("to", "for", "from", "with", "and"))
_ROOM = r"(?:in\s+(?i:bed|room|rm\.?|bay)|Rm\.?|[Bb]ed|[Bb]ay)\s*#?\d"
# Common nouns that stand where a lower-case name would ("the patient in bed 9"), and Tagalog
# particles before names ("Congrats kina Nanay Joy").
_NOT_LOWER_NAMES = vocabulary(
    """patient man woman boy girl baby guy lady gentleman kid child mom dad friend everyone
    someone anyone visitor visitors family bed room bay rm asleep awake home ward unit floor
    kina sina"""
)
# A nickname in brackets between a name and its verb: Ikechukwu ("Ike") tore his ACL.
_NICKNAME_IN_BRACKETS = r"(?:\s+\([\"“]?[A-Za-z]+[\"”]?\))?"
# Capitalised words that open sentences or follow care verbs without being a name.
_NOT_A_NAME_START = vocabulary(
    """the this that these those our we it he she they everyone today tonight yesterday
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december more over nearly about"""
)
_PATIENT_IN_SENTENCE = re.compile(r"(?i)\b(?:my|our)\s+(?:\w+\s+)?(?:patient|baby|little)\b")
_IN_CARE = re.compile(
    r"(?i)\b(?:chemo\w*|radiation|surgery|recovering|treatment|transplant|icu|nicu|picu|rehab)\b"
)
_LOWER_STOP = vocabulary(
    """is was were are and the a an has had who got gets loves will can just finally also always
    our at in on to from with for of is's says said"""
)


_GREETING = r"(?:Hi|Hello|Hey|Dear|Thank\s+you,|Thanks,)"
# What an informal post says to someone before their lower-case name: "ty kenji", "so proud of
# u vusi", "rest easy hattie", "we'll miss u hamid", "go home & rest up fernando".
_SAID_TO_SOMEONE = (
    r"ty|thx|tysm|thank\s+(?:u|you)|thanks|proud\s+of\s+(?:u|you)|miss\s+(?:u|you)"
    r"|keep\s+it\s+up|rest\s+easy|rest\s+up|get\s+well(?:\s+soon)?+|feel\s+better(?:\s+soon)?+"
    r"|love\s+(?:u|you)|welcome\s+(?:home|back)|fly\s+high|heal\s+up|congrats"
    r"|happy\s+discharge\s+day|meet|say\s+hi\s+to"
)
# Lower-case words of address before a given name: "miss odessa", "doña lupe", "big tony",
# "little josé".
_LOWER_ADDRESS = r"miss|doña|dona|señora|sra\.?|tía|tia|lil|little|big"
# A family named by its surname: "the okonkwo fam", "the ferreira family" (not a crew: "the
# night crew", "the flight crew").
_FAMILY_BY_SURNAME = r"fam|family|fambam|clan"
# Surnames that are also the words before a family: "the young family".
_NOT_A_FAMILY_NAME = vocabulary("young old little big great good best new proud happy loving")


def _addressed_in_reply(text: str, start: int, end: int) -> bool:
    """Whether a reply opens by addressing this name ("Hi Sunita!", "Gloria, please...") and is
    about that person's or their family's care ("... your portal request"), so that neither
    "Hello Columbus!" nor "Columbus, we are ready for the Heart Walk!" counts."""
    greeted = re.fullmatch(rf"\s*{_GREETING}\s+", text[:start])
    return bool(greeted or text.startswith(", ", end)) and reply_about_care(text)


class PatientNameRecognizer(RegexRecognizer):
    """Finds patient and relative names from the words that introduce them."""

    ENTITY = "PERSON"
    PATTERNS = (
        CuePattern(
            "courtesy title",
            re.compile(
                r"\b(?:Mr|Mrs|Ms|Miss|Mx|Doña|Don|Señora|Señor|Sra|Mme|Madame|Monsieur"
                # Malay, Indonesian, Thai and South Indian ones ("Puan Siti", "Ibu Wartini",
                # "Khun Malee", "Thiru Raman", "Smt. Lakshmi"), West African and Ethiopian ones
                # ("Alhaji Lawan Gambo", "Hajia Zainab", "Ato Abebe")
                r"|Mdm|Madam|Encik|Puan|Cik|Ibu|Bapak|Pak|Khun|Thiru|Tmt|Srimathi|Smt|Shri"
                r"|Alhaji|Alhaja|Hajia|Hajiya|Mallam|Ato)\.?\s+"
                r"(?:[A-Z]\.\s*){0,2}"  # initials: "Thiru K. Ramasamy"
                rf"{_NAME}(?:(?<!['’]s)\s+{_NAME}){{0,2}}"  # not past "Bautista's"
                # a Malay patronymic: "Encik Mohd Razali bin Kassim", "Puan Siti binti Osman"
                rf"(?:\s+(?:bin|binti|binte|bte|bt)\s+{_NAME}(?:\s+{_NAME})?)?"
            ),
            0.75,
        ),
        *(
            CuePattern(
                "lower-case courtesy title and name",
                re.compile(rf"(?<![\w.])(?:mrs?\.?|ms\.)\s+(?P<name>{name})\b"),
                0.7,
                "name",
                lambda text, start, end: _lower_case_name(text[start:end]),
            )
            # "mr. okafor", and "mr. harold lindgren" as one name where the words allow
            for name in (_LOWER_NAME, rf"{_LOWER_NAME}\s+{_LOWER_NAME}")
        ),
        # "rip earl whitfield", "RIP Marjorie": someone who died, named in a hurry; "Vale Beryl
        # Thompson" opening a line, as Australians and New Zealanders say farewell
        CuePattern(
            "name after rest in peace",
            re.compile(
                r"(?:^|(?<=[\s(]))(?:rip|RIP|R\.I\.P\.?|(?<![^\n])Vale)\s+"
                rf"(?P<name>{_NAME}(?:\s+{_NAME})?"
                rf"|{_LOWER_NAME}(?:\s+{_LOWER_NAME})?)\b"
            ),
            0.7,
            "name",
            lambda text, start, end: (
                not text[start:end].islower()
                or (is_given_name(text[start:end].split()[0]) and _lower_case_name(text[start:end]))
            ),
        ),
        CuePattern(
            "family word and name",
            re.compile(
                rf"\b(?i:{_FAMILY}|patient)\s*,?\s+"
                rf"(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}}(?:(?:,\s+{_NAME}(?:\s+{_NAME})?)*,?\s+"
                rf"(?:and|&)\s+{_NAME}(?:\s+{_NAME})?)?)"
            ),
            0.75,
            "name",
            lambda text, start, end: not names_a_patient_service(text, start),
        ),
        *(
            CuePattern("relative's name in another language", re.compile(pattern), 0.75, "name")
            for pattern in _RELATIVES_ELSEWHERE
        ),
        CuePattern(
            "lower-case given name after a family word",
            re.compile(rf"\b(?i:{_FAMILY})\s+(?P<name>{_LOWER_NAME})\b"),
            0.7,
            "name",
            lambda text, start, end: (
                is_given_name(text[start:end]) and _could_be_name(text[start:end])
            ),
        ),
        CuePattern(
            "name introduced as a patient",
            re.compile(
                rf"\b(?:Meet|Introducing)\s+(?P<name>{_NAME}(?:\s+{_NAME})?(?:\s+(?:and|&)\s+"
                rf"{_NAME})?),\s+(?:(?:our|the)\s+(?:[\w-]+\s+){{0,3}}?(?:twins|triplets|baby|babies"
                r"|patient|grad|graduate|warrior|survivor|superstar|fighter)\b|aged?\s+\d{1,2}\b)"
            ),
            0.75,
            "name",
        ),
        CuePattern(
            "name given with an age",
            re.compile(rf"\b\d{{1,2}}-year-old\s+(?P<name>{_NAME})\b"),
            0.7,
            "name",
        ),
        CuePattern(
            # "Sinéad (8) is raising money", "our little mate Jaxon (8) from Wagga Wagga"
            "name with an age in brackets",
            re.compile(rf"\b(?P<name>{_NAME}(?:\s+{_NAME})?)\s*\((?:age\s+)?\d{{1,2}}\)"),
            0.7,
            "name",
            lambda text, start, end: is_given_name(text[start:end].split()[0]),
        ),
        CuePattern(
            "name in another script with an honorific",
            re.compile(
                rf"(?P<name>{_CHINESE_NAME_BEFORE_TITLE}|[{_SCRIPTS_WITH_SPACES_OR_KANA}{_HANGUL}]"
                r"{2,8})\s*(?:先生|女士|小姐|太太|님|씨)"
            ),
            0.8,
            "name",
            lambda text, start, end: not _korean_title(text[start:end]),
        ),
        CuePattern(
            "Japanese name with an honorific",
            re.compile(_JAPANESE_HONOURED_NAME),
            0.8,
            "name",
            lambda text, start, end: text[start:end] not in JAPANESE_COMMON_NOUNS,
        ),
        CuePattern(
            # A Korean name is a word of two or three syllables ("김순자 할머니"), not a verb
            # ending ("태어나신 할머니") nor "our" (우리, 저희).
            "Korean name with a family honorific",
            re.compile(
                rf"(?<![{_HANGUL}])(?!우리|저희)(?P<name>[{_HANGUL}]{{2,3}})\s*"
                r"(?:할머니|할아버지|어린이)"
            ),
            0.8,
            "name",
        ),
        CuePattern(
            # Han script runs on without spaces ("祝王秀英奶奶95岁生日快乐"): a Chinese name is two
            # or three characters, so those just before a family honorific are the name.
            "Chinese name with a family honorific",
            re.compile(
                rf"(?P<name>{_CHINESE_NAME_BEFORE_TITLE})"
                r"(?:奶奶|爷爷|爺爺|婆婆|公公|伯伯|阿婆|阿伯|嫲嫲|小朋友)"
            ),
            0.8,
            "name",
        ),
        CuePattern(
            "name given in a patient's story",
            re.compile(rf"\b(?:named|called)\s+(?P<name>{_NAME})\b"),
            0.7,
            "name",
            lambda text, start, end: (
                _PATIENT_IN_SENTENCE.search(text, *sentence_around(text, start, end)) is not None
            ),
        ),
        *(
            CuePattern(
                "lower-case name thanked, cheered or mourned",
                re.compile(rf"(?<![\w@#])(?i:{_SAID_TO_SOMEONE})(?:\s+to)?,?\s+(?P<name>{name})\b"),
                0.7,
                "name",
                lambda text, start, end: _lower_case_people(text[start:end]),
            )
            # "ty ada & emeka" and "congrats tommy reyes" as one finding where the words are
            # names, else "ty ada"
            for name in (
                rf"{_LOWER_NAME}\s*(?:&|and)\s*{_LOWER_NAME}",
                rf"{_LOWER_NAME}\s+{_LOWER_NAME}",
                _LOWER_NAME,
            )
        ),
        CuePattern(
            # "to his wife grace", "our pt hope", "pt benny": a first name the lists call an
            # everyday word too, after a relative or "pt" ("PT" is a physical therapist)
            "lower-case name after a relative or pt",
            re.compile(
                rf"\b(?:(?:his|her|their|ur|your|my)\s+(?:{_FAMILY})|pt|Pt|patient)"
                rf"\s+(?P<name>{_LOWER_NAME})\b"
            ),
            0.7,
            "name",
            lambda text, start, end: _a_census_first_name(text[start:end]),
        ),
        CuePattern(
            "lower-case word of address and given name",
            # (two words of address at most: "little miss noor")
            re.compile(
                rf"(?<![\w@#])(?:{_LOWER_ADDRESS})\s+(?:(?:{_LOWER_ADDRESS})\s+)?"
                rf"(?P<name>{_LOWER_NAME})\b"
            ),
            0.7,
            "name",
            lambda text, start, end: is_given_name(text[start:end]),
        ),
        CuePattern(
            # "so proud of lil mo", "when lil d asked for": a short nickname after "lil" is a
            # child's, whatever the lists of given names say (not "lil ol' me")
            "short nickname after lil",
            re.compile(r"(?<![\w@#])(?:lil|little)\s+(?P<name>[a-z]{1,2})\b(?!['’])"),
            0.7,
            "name",
            lambda text, start, end: text[start:end] not in STOP_WORDS,
        ),
        CuePattern(
            "lower-case family named by its surname",
            re.compile(rf"\bthe\s+(?P<name>{_LOWER_NAME})\s+(?:{_FAMILY_BY_SURNAME})\b"),
            0.7,
            "name",
            lambda text, start, end: (
                _could_be_name(text[start:end])
                and text[start:end] not in _NOT_A_FAMILY_NAME
                and (text[start:end] in census_surnames() or is_given_name(text[start:end]))
            ),
        ),
        CuePattern(
            "family nickname",
            re.compile(rf"(?i)\b(?:{_NICKNAME})\s+[^\W\d_]{{2,}}(?:['’]s)?"),
            0.75,
        ),
        CuePattern(
            "non-latin name after patient word",
            # (not the hiragana of the words after it: "患者さんとご家族")
            re.compile(
                rf"(?i)(?:patient|病人|患者|病患)\s*(?![\u3040-\u309f])(?P<name>{NON_LATIN})"
            ),
            0.8,
            "name",
        ),
        CuePattern(
            "support hashtag",
            re.compile(rf"#(?P<tag>{_SUPPORT_HASHTAG_BODY})\b"),
            0.75,
            "tag",
        ),
        CuePattern(
            "support hashtag in another script",
            re.compile(rf"#(?P<tag>{_SUPPORT_HASHTAG_IN_OTHER_SCRIPTS.pattern})(?![\w])"),
            0.75,
            "tag",
        ),
        CuePattern(
            "lower-case name with age",
            re.compile(r"(?:^|(?<=[.!?]\s))(?P<name>[a-z]{2,}\s+[a-z]{2,}),\s*\d{1,3},"),
            0.7,
            "name",
        ),
        CuePattern(
            "name after a verb of care",
            re.compile(
                rf"\b(?:{_CARE_VERB})\s+(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}}|{_LOWER_NAME})"
            ),
            0.7,
            "name",
            lambda text, start, end: _could_be_name(text[start:end]),
        ),
        CuePattern(
            "name as the subject of a patient's story",
            re.compile(
                rf"(?:^|(?<=[.!?:;,]\s)|(?<=\n)|(?<=[^\w\s]\s))"
                # the clause may open with a conjunction: "When Luis Ortega collapsed"
                r"(?:(?:When|After|Before|While|Since|Once|Until|Then)\s+)?"
                rf"(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}}(?:\s+(?:and|&)\s+{_NAME})?)"
                rf"{_NICKNAME_IN_BRACKETS}\s+"
                rf"(?:just\s+|finally\s+)?(?:{_STORY_PREDICATE})\b"
            ),
            0.7,
            "name",
        ),
        CuePattern(
            "lower-case given name in a patient's story",
            # A lookahead, so that "when lily rang the bell" is tried at "lily" as well.
            re.compile(
                rf"\b(?=(?:(?:little|baby|sweet)\s+)?"
                rf"(?P<name>{_LOWER_NAME}(?:\s+{_LOWER_NAME})?)\s+(?:and\s+(?:his|her|their)\s+"
                rf"(?:{_FAMILY}|{_NICKNAME})|(?:just\s+|finally\s+)?(?:{_STORY_PREDICATE}))\b)"
            ),
            0.7,
            "name",
            lambda text, start, end: _a_lower_case_subject(text, start, end),
        ),
        CuePattern(
            "name whose recovery is told",
            re.compile(
                rf"\b(?:glad|happy|relieved|thrilled|hope|hear|for|fan)[,:]?\s+(?:that\s+)?"
                rf"(?P<name>{_NAME}(?:\s+{_NAME})?),?\s+(?:who['’]s|who\s+is|who\s+has|is|was)\s+"
                rf"(?:been\s+)?(?:feeling\s+better|doing\s+(?:better|well)|home|recovering"
                rf"|in\s+remission|(?:\w+\s+){{0,3}}(?:in|from)\s+(?i:room|bed|bay|ward))"
            ),
            0.7,
            "name",
        ),
        CuePattern(
            "name with a relative",
            re.compile(
                rf"\b(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})\s+and\s+(?:(?:his|her|their)\s+"
                rf"(?:(?i:{_FAMILY}|{_NICKNAME})|family)|wh[aā]nau|family)\b"
            ),
            0.7,
            "name",
        ),
        CuePattern(
            "name and who they are to the patient",
            re.compile(
                rf"\b(?P<name>{_NAME}|{_LOWER_NAME}),\s+(?:his|her|their)\s+"
                rf"(?i:{_FAMILY}|{_NICKNAME})\b"
            ),
            0.7,
            "name",
            lambda text, start, end: _could_be_name(text[start:end]),
        ),
        CuePattern(
            "cheering a patient on",
            re.compile(rf"\b(?i:go|vamos|fighting)\s+(?P<name>{_NAME}|{_LOWER_NAME})\s*!"),
            0.7,
            "name",
            lambda text, start, end: (
                text[start:end].lower() not in _NOT_NAMES
                and (not text[start:end].islower() or is_given_name(text[start:end]))
                and _IN_CARE.search(text) is not None
            ),
        ),
        CuePattern(
            "name of a patient whose relative is addressed",
            re.compile(
                rf"\b(?P<name>{_NAME}(?:\s+{_NAME})?|{_LOWER_NAME}(?:\s+{_LOWER_NAME})?)['’]s\s+"
                rf"(?:(?i:{_FAMILY}|{_NICKNAME})|family|classmates|teammates|schoolmates|teacher)\b"
            ),
            0.7,
            "name",
            lambda text, start, end: (
                not text[start:end].islower() or is_given_name(text[start:end].split()[0])
            ),
        ),
        CuePattern(
            "notice for a named person",
            re.compile(
                rf"\b(?:Update|Reminder|Message|Note|Notice)\s+for\s+(?P<name>{_NAME}(?:\s+{_NAME})?)"
            ),
            0.7,
            "name",
        ),
        CuePattern(
            "family of a name",
            re.compile(rf"\b(?i:family|parents|relatives)\s+of\s+(?P<name>{_NAME}(?:\s+{_NAME})?)"),
            0.75,
            "name",
        ),
        CuePattern(
            "name in a bed",
            re.compile(
                rf"\b(?P<name>(?:[A-Z]\.\s*)?{_NAME}(?:\s+{_NAME})?"
                rf"|(?:{_AFTER_PREPOSITION}){_LOWER_NAME})\s+{_ROOM}"
            ),
            0.7,
            "name",
            lambda text, start, end: _could_be_name(text[start:end]),
        ),
        CuePattern(
            "name spoken to or welcomed",
            re.compile(
                rf"(?i:feel\s+better(?:\s+soon)?|get\s+well(?:\s+soon)?|welcome\s+to\s+the\s+"
                rf"world|welcome\s+home|rest\s+easy|fly\s+high|happy\s+discharge\s+day|heal\s+up"
                rf"|keep\s+(?:rolling|fighting|smiling|shining)|stay\s+strong"
                rf"|(?:we['’]re\s+)?praying\s+for\s+you),?\s+"
                rf"(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?(?:\s+{_NAME})?)"
            ),
            0.75,
            "name",
        ),
        CuePattern(
            "birthday wishes",
            re.compile(
                rf"(?i:happy\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:birthday|bday)),?\s+(?:to\s+)?"
                rf"(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?(?:\s+{_NAME})?|{_LOWER_NAME})"
            ),
            0.7,
            "name",
            lambda text, start, end: (
                not text[start:end].islower() or is_given_name(text[start:end])
            ),
        ),
        CuePattern(
            "name after a procedure",
            re.compile(
                rf"\b(?i:transplant|surgery|operation|procedure|c-section|delivery)\s+(?:for|on)\s+"
                rf"(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})"
            ),
            0.7,
            "name",
        ),
        CuePattern(
            "unit graduate",
            re.compile(
                rf"\b(?i:nicu|picu|icu|rehab|burn\s+unit)\s+(?i:grad|graduate|alum|warrior|baby)s?"
                rf"\s+(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?)"
            ),
            0.75,
            "name",
        ),
        CuePattern(
            "chart name",
            re.compile(r"\b(?P<name>[A-Z]{2,}(?:[-'][A-Z]+)?,\s*[A-Z]{2,})\b"),
            0.75,
            "name",
            lambda text, start, end: (
                re.search(r"(?i)\b(?:dob|d\.o\.b|mrn)\b", text[end : end + 60]) is not None
            ),
        ),
        CuePattern(
            # "belongings bag for r. castellano, DOB 4/17/51", "Gerald F. (MRN 00482913)"
            "name before a date of birth or record number",
            # A lookahead, so that "Meet Beverly Sandoval (MRN" is tried at "Beverly" as well.
            re.compile(
                rf"\b(?=(?P<name>[A-Za-z]\.\s*[A-Za-z][a-z'’-]{{2,}}"
                rf"|{_NAME}(?:\s+(?:[\"“][A-Z][a-z]+[\"”]|{_NAME})){{0,2}})"
                r"\s*[,(]?\s*(?i:dob|d\.o\.b\.?|date\s+of\s+birth|mrn)\b)"
            ),
            0.75,
            "name",
            lambda text, start, end: _named_on_a_chart(text[start:end]),
        ),
        CuePattern(
            # "camille from rm 306", "stevie in the picu", and a family's name for its own:
            # "pops from room 14"
            "lower-case name in a room",
            re.compile(
                rf"\b(?P<name>{_LOWER_NAME})\s+(?:(?:from|in)\s+(?:rm|room|bed|bay)\s*#?\d"
                r"|in\s+the\s+(?:[a-z]{0,2}icu|nicu|picu|peds|er|ed)\b)"
            ),
            0.7,
            "name",
            lambda text, start, end: (
                _a_family_name(text, start, end)
                or (is_given_name(text[start:end]) and _could_be_name(text[start:end]))
            ),
        ),
        CuePattern(
            "name whose birthday it is",
            re.compile(
                rf"\b(?P<name>{_NAME}|{_LOWER_NAME})['’]s\s+(?:\d+(?:st|nd|rd|th)\s+)?"
                r"(?i:birthday|bday|b-day)\b"
            ),
            0.7,
            "name",
            lambda text, start, end: is_given_name(text[start:end]),
        ),
        CuePattern(
            "lower-case support hashtag",
            re.compile(rf"#(?P<tag>{_LOWER_HASHTAG.pattern})\b"),
            0.75,
            "tag",
        ),
        CuePattern(
            "lower-case name with a relative",  # "marcia vollmer's family: we still need"
            re.compile(
                rf"\b(?P<name>{_LOWER_NAME}(?:\s+{_LOWER_NAME})?)['’]s\s+(?:fam|family|mom|dad"
                r"|wife|husband|daughter|son|parents)\b"
            ),
            0.7,
            "name",
            lambda text, start, end: _lower_case_people(text[start:end]),
        ),
        CuePattern(
            # "pops aka walter dunleavy", "he goes by tito": the name a patient's nickname hides
            "name a nickname stands for",
            re.compile(
                rf"\b(?:aka|a\.k\.a\.?|goes\s+by|known\s+as)\s+[\"“']?(?P<name>{_NAME}"
                rf"(?:\s+{_NAME})?|{_LOWER_NAME}(?:\s+{_LOWER_NAME})?)\b"
            ),
            0.7,
            "name",
            lambda text, start, end: _lower_case_people(text[start:end].lower()),
        ),
        CuePattern(
            "lower-case name a reply opens with",  # "hey kelly — we got ur dm"
            re.compile(rf"^\s*(?:hi|hey|hello|dear)\s+(?P<name>{_LOWER_NAME})\b"),
            0.7,
            "name",
            lambda text, start, end: _lower_case_people(text[start:end]) and reply_about_care(text),
        ),
        CuePattern(
            "name a reply opens with",
            re.compile(rf"^\s*(?:{_GREETING}\s+)?(?P<name>{_NAME})\b"),
            0.7,
            "name",
            _addressed_in_reply,
        ),
        CuePattern(
            "name spoken to about a relative",
            re.compile(rf"\b(?P<name>{_NAME}),\s+your\s+(?i:{_FAMILY}|{_NICKNAME})\b"),
            0.75,
            "name",
        ),
        CuePattern(
            # "to svetlana & yuri: ur mom talked about u nonstop", "kenji, ur grandma says"
            "lower-case name spoken to about a relative",
            re.compile(
                rf"\b(?P<name>{_LOWER_NAME}(?:\s*(?:&|and)\s*{_LOWER_NAME})?)[:,]\s+(?:ur|your)\s+"
                rf"(?i:{_FAMILY}|{_NICKNAME})\b"
            ),
            0.7,
            "name",
            lambda text, start, end: _given_names_only(text[start:end]),
        ),
        *(
            CuePattern("name on a card or document", re.compile(pattern), 0.75, "name")
            for pattern in _NAME_ON_A_DOCUMENT
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        if re.search(r"\bSt\.?\s*$", text[:start]):
            return False  # "St. Brigid's turns 100": a saint's name is the hospital's
        first_word = text[start:end].split()[0]
        if first_word.lower() in _NOT_A_NAME_START:
            return False
        if start > 0 and text[start - 1] == "#":
            return is_support_hashtag(text, start, end)
        words = text[start:end].lower().replace("’", "'").split()
        if len(words) >= 2 and words[0] in _NICKNAME.split("|"):
            return words[1].removesuffix("'s") not in _LOWER_STOP
        return not all(word in _LOWER_STOP for word in words)


def _lower_case_name(words: str) -> bool:
    """Whether the words after "mr." or "mrs." are a name: a surname, or a given name and a
    surname ("mr. harold lindgren"), not "mr. rogers says"."""
    first, *rest = words.split()
    if first in STOP_WORDS or first in _NOT_LOWER_NAMES:
        return False
    return not rest or (is_given_name(first) and _could_be_name(rest[0]))


def _given_names_only(words: str) -> bool:
    """Whether every word but "and" and "&" is a given name ("ada & emeka", not "ada & the")."""
    return all(is_given_name(word) for word in re.split(r"\s*(?:&|\band\b)\s*", words))


def _named_on_a_chart(words: str) -> bool:
    """Whether the words before a date of birth are a name: an initial and a surname ("r.
    castellano"), a given name first ("Robert \"Bobby\" Lyle", not "Meet Beverly Sandoval"),
    or a surname alone."""
    first, *rest = words.split()
    if "." in first:
        return words.split(".")[-1].strip().lower() not in STOP_WORDS
    return is_given_name(first) or (not rest and first.lower() in census_surnames())


def _lower_case_people(words: str) -> bool:
    """Whether lower-case words are given names ("ada & emeka", "hattie"), or a given name and
    a surname ("tommy reyes", not "tommy on")."""
    first, *rest = words.split()
    if any(word in STOP_WORDS or word in _NOT_LOWER_NAMES for word in (first, *rest[-1:])):
        return False
    if len(rest) == 1 and rest[0] not in ("&", "and"):
        return is_given_name(first) and rest[0] in census_surnames()
    return _given_names_only(words)


def _a_lower_case_subject(text: str, start: int, end: int) -> bool:
    """Whether lower-case words opening a patient's story are a name: a given name first, a
    family's name for its own ("pops went home", not "your grandpa is home"), or a census first
    name that is an everyday word too, with a surname ("ray dominguez went home")."""
    first, *rest = text[start:end].split()
    if is_given_name(first) or _a_family_name(text, start, end):
        return True
    return len(rest) == 1 and first in census_given_names() and rest[0] in census_surnames()


def _a_census_first_name(word: str) -> bool:
    """Whether a lower-case word is a first name in the Census lists, everyday words included
    ("hope", "grace"), and no stop word ("will", "may"): for places where the words around say
    it is a person's ("our pt hope", "his wife grace")."""
    return word in census_given_names() and word not in STOP_WORDS


def _a_family_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a family's name for its own standing as a name ("pops"),
    not a word for the reader's relative ("ur grandma")."""
    return text[start:end] in _FAMILY_NICKNAMES and not _A_RELATION.search(text, 0, start)


def _could_be_name(word: str) -> bool:
    """Whether lower-case words may be a name: not a stop word, common noun or inflected word."""
    if not word.islower():
        return True
    return not (
        word in STOP_WORDS
        or word in _NOT_LOWER_NAMES
        or word.endswith(("ing", "ed", "s", "ly", "tion"))
    )


def is_support_hashtag(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the body of a support hashtag such as #PrayForMariaSantos."""
    if start == 0 or text[start - 1] != "#":
        return False
    if _SUPPORT_HASHTAG_IN_OTHER_SCRIPTS.fullmatch(text, start, end):
        return True
    match = _SUPPORT_HASHTAG.match(text, start)
    lower = _LOWER_HASHTAG.fullmatch(text, start, end)
    if lower:
        if lower.group("first"):
            return is_given_name(lower.group("first"))  # #elistrong
        rest = lower.group("rest")
        return any(is_given_name(rest[:length]) for length in range(4, len(rest) + 1))
    # A saint's name is the hospital's or the parish's: #TeamStMarys, #PrayForStJude.
    saint = re.search(r"St(?=[A-Z])", text[start:end])
    if match is None or match.end() != end or saint is not None:
        return False
    # #TeamScience, #GoRed, #LoveWhereYouWork: these prefixes also start everyday hashtags, so
    # the rest must hold a given name (the engine adds names already found in the post).
    words = re.findall(_CAMEL_WORD, text[start:end])
    if not any(
        word.lower() not in _NOT_NAMES and not _HASHTAG_WORD.fullmatch(word) for word in words
    ):
        return False  # #NursesStrong, #TeamNICU: no name inside
    if words[-1] in _EVERYDAY_SUFFIXES:
        return any(_names_someone(word) for word in words[:-1])  # #MiguelsMiracle
    if (
        words[0] in _EVERYDAY_PREFIXES
        and len(words) >= 3
        and re.fullmatch(_HASHTAG_SUFFIX, words[-1])
    ):
        return True  # #TeamLiamStrong: wrapped at both ends, a name the name lists may lack
    if words[0] in _EVERYDAY_PREFIXES or re.match(_FUNDRAISER_FOR, text[start:end]):
        return any(_names_someone(word) for word in words[1:])  # #WalkForHope is no one's
    return True


def _names_someone(word: str) -> bool:
    """A given name, or one with a possessive s glued on in a hashtag (#MiguelsMiracle)."""
    return is_given_name(word) or (word.endswith("s") and is_given_name(word[:-1]))


# A capitalised "Patient" right before the words: a service's name ("Patient Safety", "Patient
# Transport", "our Patient Advice Line") unless a given name follows ("Patient Deborah Lin").
_CAPITALISED_PATIENT_BEFORE = re.compile(r"\bPatients?\s+$")


def names_a_patient_service(text: str, start: int) -> bool:
    """Whether the words at ``start`` name a service after a capitalised "Patient" ("Patient
    Safety", "Patient Accounts") rather than a patient called so ("Patient Deborah Lin")."""
    first = re.match(r"[^\W\d_]+", text[start:])
    return (
        _CAPITALISED_PATIENT_BEFORE.search(text, max(0, start - 12), start) is not None
        and first is not None
        and not is_given_name(first.group().lower())
    )
