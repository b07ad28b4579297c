"""DATE: a date tied to a patient: birth, admission, discharge, surgery, diagnosis, arrival.

Patterns: numeric dates (``03.14.58``, ``2/14/2024``, ``11/02``; never ``1.5``), month-name
dates (``March 3``, ``Oct. 3``, ``Tuesday, April 16``, ``January 9``) optionally preceded by a
clock time, a day of the month alone (``Thursday the 14th``, ``on the 8th``), holidays after
"on" (``Christmas Eve``, ``Labor Day``), ``D.O.B.``-labelled dates, and dates in the other
languages hospitals post in (``8月3日``, ``三月十四日``, ``9 мая``, ``22 agosto``, ``3 Şubat``,
``4 Δεκεμβρίου``, ``ஜூலை 18``).
Context (required): a patient event word (born, admitted, discharged, surgery, transplant,
diagnosed, arrived, went home, came to our emergency department, brought in, stroke,
appendectomy, their own session...) within the eight words before the date in its sentence, a
life's dates (``May 2, 1934 – Nov. 14, 2024``), or a patient's event verb (underwent, was
admitted, was flown, married) or the crash or fire it names after it (``On October 22, Anjali
underwent...``, ``after the Feb. 17 house fire``); in other languages, their own event words a
few words either side. Event dates, opening hours and ``24/7`` have none. Score 0.8.
"""

from __future__ import annotations

import re

from policy.privacy.cues import (
    LONG_AGO_YEAR,
    RECEIVED_AN_ORGAN,
    VENUE_CUES,
    WORD,
    sentence_around,
    vocabulary,
)
from policy.privacy.recognizers.base import CuePattern, RegexRecognizer

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Day before month ("12 May", "14 février", "9 de octubre", "3 de março"): the month capitalised,
# French, Spanish or Portuguese, so that "under 12 may not visit" is no date.
_MONTH_AFTER_DAY = (
    r"(?-i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:[a-z]+|\.)?"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
    r"|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro))"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# Before a day of the month, a weekday also goes short: "thurs the 17th", "Sat. 8th".
_SHORT_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?"
_TIME = r"(?:(?:at\s+)?\d{1,2}(?::\d2)?\s*(?:a\.?m\.?|p\.?m\.?)\s+(?:on\s+)?)"
# Holidays, which date a birth or an accident as well as a day of the month, after "on": "born on
# Christmas Eve", "since his appendix ruptured on Halloween", "arrived on Labor Day" (not "home
# in time for Christmas", "our first Halloween baby").
_HOLIDAY = (
    r"(?:Christmas(?:\s+(?:Eve|Day|morning|night))?|New\s+Year['’]s\s+(?:Eve|Day)"
    r"|Halloween(?:\s+night)?|Thanksgiving(?:\s+(?:Day|morning|night|weekend))?"
    r"|Easter\s+(?:Sunday|Monday|Saturday|morning)|(?:Mother|Father|Valentine)['’]s\s+Day"
    r"|Labou?r\s+Day|Memorial\s+Day|Independence\s+Day|the\s+Fourth\s+of\s+July|Boxing\s+Day"
    r"|Canada\s+Day|Anzac\s+Day|St\.?\s+Patrick['’]s\s+Day)"
)
_DATE = (
    rf"(?:(?<=\bon\s){_HOLIDAY}(?:\s+\d{{4}})?"
    rf"|{_TIME}?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:er|st|nd|rd|th)?\s+{_MONTH_AFTER_DAY}(?:\s+\d{{4}})?"
    # Numeric, after a weekday too: "Saturday 16/8", as Australian and British posts write it.
    rf"|(?:(?:{_WEEKDAY}|{_SHORT_WEEKDAY}),?\s+)?"
    r"(?!24/7)(?:\d{1,2}([/.-])\d{1,2}\1\d{2}(?:\d{2})?|\d{1,2}/\d{1,2})"
    # A day of the month alone: "Thursday the 14th", "Saturday 8th", "on the 8th" (not "the 8th
    # floor").
    rf"|(?:(?:{_WEEKDAY}|{_SHORT_WEEKDAY}),?\s+(?:the\s+)?|(?<=\bon\s)the\s+)"
    r"\d{1,2}(?:st|nd|rd|th)\b"
    rf"(?:\s+(?:of\s+)?{_MONTH_AFTER_DAY}(?:\s+\d{{4}})?)?"
    r"(?!\s+(?:floor|fl|grade|annual|year|time|street|st|ave|avenue|century|round|place)\b))"
).replace(r"\d2", r"\d{2}")

# Dates in the forms of the other languages hospitals post in: "8月3日", "8월 15일", "9 мая",
# "١٤ مارس", "ngày 3 tháng 2", "Martes, Agosto 6", "samdi 9 novanm", "26-kii Sebtembar",
# "5 जनवरी", "18 ਜੁਲਾਈ". Scripts written without spaces need no word boundary. Statistics
# ("截至11月8日...1,204例确诊") have no patient's event near them.
_DATE_ELSEWHERE = "|".join(
    (
        r"(?<!\d)(?:(?:令和|平成|昭和)\d{1,2}\s*年\s*|\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号號]",
        r"(?<!\d)(?:\d{4}년\s*)?\d{1,2}월\s*\d{1,2}일",
        r"(?<![\w/.-])\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября"
        r"|октября|ноября|декабря)(?:\s+\d{4})?(?!\w)",
        r"(?<![\w/.-])\d{1,2}\s+(?:يناير|فبراير|مارس|أبريل|إبريل|ابريل|مايو|يونيو|يوليو|أغسطس"
        r"|سبتمبر|أكتوبر|نوفمبر|ديسمبر)(?:\s+\d{4})?",
        r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?",
        r"(?:\b(?:Lunes|Martes|Miyerkules|Huwebes|Biyernes|Sabado|Linggo),?\s+)?\b(?:Enero"
        r"|Pebrero|Marso|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre)\s+\d{1,2}"
        r"(?:\s*[–-]\s*\d{1,2})?\b",
        r"(?:\b(?:lendi|madi|mèkredi|jedi|vandredi|samdi|dimanch)\s+)?(?<![\w/.-])\d{1,2}\s+"
        r"(?:janvye|fevriye|mas|avril|me|jen|jiyè|out(?!\s+of\b)|septanm|oktòb|novanm|desanm)\b"
        r"(?:\s+\d{4})?",
        r"(?<![\w/.-])\d{1,2}-(?:kii|ka|dii|da|ii)\s+(?:Janaayo|Febraayo|Maarso|Abriil|Meey|Juun"
        r"|Luulyo|Ogost|Sebtembar|Oktoobar|Nofembar|Desembar)\b",
        r"(?<![\w/.-])\d{1,2}\s+(?:जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर"
        r"|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर|ਜਨਵਰੀ|ਫ਼ਰਵਰੀ|ਫਰਵਰੀ|ਮਾਰਚ|ਅਪ੍ਰੈਲ"
        r"|ਅਪਰੈਲ|ਮਈ|ਜੂਨ|ਜੁਲਾਈ|ਅਗਸਤ|ਸਤੰਬਰ|ਅਕਤੂਬਰ|ਨਵੰਬਰ|ਦਸੰਬਰ)(?:\s+\d{4})?",
        # Polish and Ukrainian months in the genitive ("4 listopada", "22 листопада"), German
        # ("2. Oktober"), Swahili ("tarehe 3 Machi").
        r"(?<![\w/.-])\d{1,2}\s+(?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia"
        r"|września|października|listopada|grudnia|січня|лютого|березня|квітня|травня|червня"
        r"|липня|серпня|вересня|жовтня|листопада|грудня)(?:\s+\d{4})?(?!\w)",
        r"(?<![\w/.-])\d{1,2}\.\s*(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August"
        r"|September|Oktober|November|Dezember)\b(?:\s+\d{4})?",
        r"\btarehe\s+\d{1,2}\s+(?:Januari|Februari|Machi|Aprili|Mei|Juni|Julai|Agosti|Septemba"
        r"|Oktoba|Novemba|Desemba)\b",
        # Persian (Gregorian and solar months), Urdu and Bengali, day first ("۳ نوامبر",
        # "۲۸ بهمن", "14 فروری", "১২ মার্চ").
        r"(?<![\w/.-])\d{1,2}\s+(?:ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر"
        r"|دسامبر|فروردین|اردیبهشت|خرداد|مرداد|شهریور|آبان|آذر|بهمن|اسفند|جنوری|فروری|مارچ"
        r"|اپریل|مئی|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر|জানুয়ারি|ফেব্রুয়ারি|মার্চ|এপ্রিল"
        r"|জুলাই|আগস্ট|সেপ্টেম্বর|অক্টোবর|নভেম্বর|ডিসেম্বর)(?!\w)",
        # Nepali and Amharic, month first ("नोभेम्बर १", "साउन ५ गते", "ጥር 11", "ማርች 4").
        r"(?:\d{4}\s+)?(?:बैशाख|वैशाख|जेठ|असार|साउन|श्रावण|भदौ|असोज|कात्तिक|मंसिर|पुस|माघ|फागुन"
        r"|चैत)\s+\d{1,2}\s+गते|(?:जनवरी|फेब्रुअरी|अप्रिल|जुलाई|अगस्ट|सेप्टेम्बर|अक्टोबर"
        r"|नोभेम्बर|डिसेम्बर)\s+\d{1,2}(?!\d)",
        r"(?:መስከረም|ጥቅምት|ኅዳር|ህዳር|ታኅሣሥ|ታህሳስ|ጥር|የካቲት|መጋቢት|ሚያዝያ|ግንቦት|ሰኔ|ሐምሌ|ነሐሴ"
        r"|ጃንዋሪ|ፌብሩዋሪ|ማርች|ኤፕሪል|ጁላይ|ኦገስት|ሴፕቴምበር|ኦክቶበር|ኖቬምበር|ዲሴምበር)\s+\d{1,2}"
        r"(?!\d)",
        # Italian, Turkish and Greek, day first ("22 agosto", "3 Şubat", "4 Δεκεμβρίου"); the
        # Levantine Arabic months ("٢٠ تموز ٢٠٢٤"); Tamil, month first ("ஜூலை 18").
        r"(?<![\w/.-])\d{1,2}\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto"
        r"|settembre|ottobre|novembre|dicembre|Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz"
        r"|Ağustos|Eylül|Ekim|Kasım|Aralık|Ιανουαρίου|Φεβρουαρίου|Μαρτίου|Απριλίου|Μαΐου"
        r"|Ιουνίου|Ιουλίου|Αυγούστου|Σεπτεμβρίου|Οκτωβρίου|Νοεμβρίου|Δεκεμβρίου|كانون\s+الثاني"
        r"|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين\s+الأول|تشرين\s+الثاني|كانون\s+الأول)"
        r"(?:\s+\d{4})?(?!\w)",
        r"(?:ஜனவரி|பிப்ரவரி|மார்ச்|ஏப்ரல்|மே|ஜூன்|ஜூலை|ஆகஸ்ட்|செப்டம்பர்|அக்டோபர்|நவம்பர்"
        r"|டிசம்பர்)\s+\d{1,2}(?!\d)",
        # Hebrew, day first with the month's prefix "in" ("14 באוגוסט", "ב-2 בפברואר").
        r"(?:(?<=ב-)|(?<![\w/.-]))\d{1,2}\s+ב(?:ינואר|פברואר|מרץ|מרס|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר"
        r"|אוקטובר|נובמבר|דצמבר)(?:\s+\d{4})?(?!\w)",
        # Chinese numerals: "三月十四日".
        r"[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日号號]",
        # A month and its year, as a diagnosis is told: "en marzo de 2023", "em março de 2023",
        # "w listopadzie 2023".
        r"(?i:(?<=\ben\s)|(?<=\bem\s))(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto"
        r"|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho"
        r"|setembro|outubro|novembro|dezembro)\s+de\s+\d{4}"
        r"|(?i:(?<=\bw\s))(?:styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrześniu"
        r"|październiku|listopadzie|grudniu)\s+\d{4}",
    )
)
# How far from the date those words may be, in characters (a few words either side).
_ELSEWHERE_REACH = 60
# What happened to a patient, in those languages and in French, Spanish and Portuguese: born,
# operated, admitted, discharged, diagnosed, an accident, died. Stems are matched from a word's
# start; scripts written without spaces are matched anywhere in the sentence.
_EVENT_ELSEWHERE = re.compile(
    r"(?i)\b(?:née?s?|opérée?s?|chirurgie|admise?|hospitalisée?|congé|avc|greffe|accouch"
    r"|transportée?|effondrée?|diagnostiquée?|décédée?|naci[óo]|nacid[oa]|cirug[ií]a|operad[oa]"
    r"|ingres[óo]|ingresad[oa]|diagnosticad[oa]|diagn[óo]stico|diagnoz|accidente|trasplante"
    r"|falleci[óo]|nasceu|incendio"
    r"|incêndio|quemad[oa]|queimad[oa]"
    r"|cirurgia|internad[oa]|ipinanganak|operasyon|na-?admit|naospital|isinugod|na-?discharge"
    r"|nakalabas|nanganak|fèt|ijans|lopital|aksidan|akouche|dhash|qalliin|shil|sinh\s+ra"
    r"|chào\s+đời|mổ|phẫu\s+thuật|nhập\s+viện|xuất\s+viện|chẩn\s+đoán|cấp\s+cứu|ghép|xạ\s+trị"
    r"|hóa\s+trị|tai\s+nạn|родил|операц|выписа[лн]|поступил|госпитализ|диагно|инсульт|авари"
    r"|скончал|доставлен|urodzi|operac|operowan|przyjęt|wypis|zmarł|udar|wypadk|wypadek"
    r"|народи|виписа|госпіталіз|діагно|інсульт|помер|geboren|operiert|eingeliefert|entlassen"
    r"|diagnose|unfall|schlaganfall|verstorben|gestorben|aufgenommen|alizaliwa|upasuaji"
    r"|alilazwa|aliruhusiwa|ajali|kiharusi|alifariki|amelazwa|ameruhusiwa)"
    r"|وُلد|ولد|جراحة|عملية|تشخيص|حادث|الطوارئ|نُقل|भर्ती|जन्म|ऑपरेशन|सर्जरी|हादस|दुर्घटना"
    r"|ਜਨਮ|ਦਾਖਲ|ਦਾਖ਼ਲ|ਸਰਜਰੀ|ਅਪਰੇਸ਼ਨ|ਓਪਰੇਸ਼ਨ|ਹਾਦਸ|ਅਕਾਲ ਚਲਾਣਾ|ਛੁੱਟੀ|出生|出院|入院|住院|手术|手術"
    r"|车祸|車禍|诊断|診斷|急诊|急診|送至|送到|送来|送來|化疗|化療|植入|骤停|驟停|中风|中風"
    r"|生まれ|退院|分娩|去世|过世|過世|수술|퇴원|입원|태어|출생|진단|쓰러|이송|응급실|사고|별세"
    r"|誕生|搬送|救急|متولد|به\s+دنیا|جراحی|بستری|ترخیص|مرخص|تصادف|سکته|درگذشت|پیدا\s+ہو|پیدائش"
    r"|آپریشن|داخل|ڈسچارج|فالج|انتقال|জন্ম|অপারেশন|ভর্তি|ছুটি|স্ট্রোক|দুর্ঘটনা|মারা|ইন্তেকাল"
    r"|भर्ना|डिस्चार्ज|शल्यक्रिया|अप्रेशन|निधन|ተወለ|ቀዶ\s+ጥገና|ሆስፒታል\s+ገ|አደጋ|ስትሮክ|ከሆስፒታል\s+ወጣ"
    # Italian, Turkish, Greek, Tamil, Vietnamese and more Chinese: born, operated, admitted,
    # discharged, brought to the emergency department, an accident, collapsed, died (not
    # "diagnosed" in Chinese, which statistics say: "截至11月8日...1,204例确诊").
    r"|(?i:\b(?:nat[oa]|operat[oa]|ricoverat[oa]|dimess[oa]|pronto\s+soccorso|incidente"
    r"|intervento|decedut[oa]|doğ|dünyaya\s+geldi|ameliyat|taburcu|yatırıl|kaza|acil|vefat"
    r"|getirilen|γεννήθηκε|χειρουργ|εξιτήριο|νοσηλεύ|μεταφέρθηκε|επείγοντα|μεθ|πέθανε"
    r"|απεβίωσε|ngã\s+quỵ|đột\s+quỵ|qua\s+đời|bị\s+thương))"
    r"|அனுமதி|அறுவை|பிறந்த|காலமான|மயங்கி|விபத்து|离世|離世|出世|突发|突發|抢救|搶救|覆诊|覆診"
    # More of a patient's story in the community languages: brought in, fell, a heart attack, a
    # transplant, came into the world, passed away, under treatment, an intensive-care stay.
    # Not a clinic's own words ("come to our clinic", "book your visit", "vaccination").
    r"|(?i:\b(?:(?<!co-)op\b|zur\s+welt|\w*transplantation\b|stürzte|gestürzt|implantiert|eingeschlafen"
    r"|rettungswagen|przeszczep|przysz[łl][aoy]?\s+na\s+świat|odszed[łl]|odesz[łl]a|zderzy[łl]"
    r"|spad[łl]|wr[óo]ci[łl]a?\s+do\s+domu|реанімац|поранен|лікується|исполнилось|dinala"
    r"|nakauwi|pumanaw|isinilang|naka-?confine|nanghina|đến\s+khám|điều\s+trị|sinh\s+ngày"
    r"|atak\s+kè|tonbe|alifikishwa|aliyelazwa|kuzaliwa|dhalatay|geeriyooday|suuxay"
    r"|diagnosticat[oa]|fenalaş|s'est\s+éteinte?|καθετηριασμ))"
    r"|توفي|العناية\s+المركزة|اورژانس|حمله\s+قلبی|وداع|ٹوٹ|ٹرانسپلانٹ|پیدا|নিয়ে\s+আস"
    r"|চিকিৎসাধীন|সার্জারি|इमरजेंसी|लाया|लाए|स्ट्रोक|旅立|亡くな|溶栓|눈을\s+감|ቀዶ\s+ሕክምና"
    # Hebrew: born, died, an operation, admitted (also "מאושפז", in hospital), discharged,
    # diagnosed, an accident.
    r"|נולד|נפטר|ניתוח|אושפז|שוחרר|אובחן|תאונ"
)

# Words that tie a date to something that happened to a patient.
PATIENT_EVENTS = vocabulary(
    """born birth dob admitted admission discharged discharge surgery operation operated
    transplant diagnosed diagnosis arrived delivered died passed seen treated procedure
    appendectomy mastectomy amputation replacement bypass accident crash fall injured home
    emergency airlifted rushed collapsed flown infusion chemo chemotherapy dialysis radiation
    stroke seizure arrest implanted né née nacido nacida fire implant fracture fractured
    appointment rescued ed er arrival sober sobriety"""
)
_RECEIVED_ORGAN = re.compile(rf"(?i)\b{RECEIVED_AN_ORGAN}")
# Brought in by ambulance or a neighbour: "was brought in to our Emergency Department on", "a man
# brought to our ED unresponsive on".
_BROUGHT_IN = re.compile(
    r"(?i)\bbrought\s+(?:in\s+)?(?:to|into)\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:emergency|ed|er|trauma|hospital|icu)\b|\b(?:was|were|been|got)\s+brought\s+in\b"
)
# Their own session, whatever a session is elsewhere (a meeting's): "after his final session
# Friday, Aug. 22".
_THEIR_SESSION_BEFORE = re.compile(
    r"(?i)\b(?:his|her|their)\s+(?:(?:first|last|final|\d+(?:st|nd|rd|th))\s+)?(?:session|infusion"
    r"|treatment|scan|check-?up)\s+(?:on\s+)?$"
)
# A life's two dates, years apart: "Wendell Jory (May 2, 1934 – Nov. 14, 2024)", "In loving
# memory of Tyler Brooks, April 4, 2001 – September 10, 2023" (not an enrolment period's "Oct.
# 15, 2024 – Dec. 7, 2024").
_FULL_DATE = rf"{_MONTH}\s+\d{{1,2}},?\s+(\d{{4}})"
_LIFE_DATES = re.compile(rf"(?i){_FULL_DATE}\s*[–—-]\s*{_FULL_DATE}")
_YEARS_OF_A_LIFE = 15


_IN_MEMORY = re.compile(
    r"(?i)\b(?:in\s+(?:loving\s+)?memory\s+of|rest\s+in\s+peace|remembering"
    r"|celebrating\s+the\s+life\s+of|forever\s+in\s+our\s+hearts)\b"
)


def _in_a_lifes_dates(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is one of a life's two dates, born since 1900; a
    child's short life too, in a post of remembrance ("In loving memory of Elijah Bennett 💙
    March 2, 2016 – Oct. 9, 2024")."""
    remembered = _IN_MEMORY.search(text, max(0, start - 120), start) is not None
    return any(
        found.start() <= start
        and end <= found.end()
        and (remembered or int(found.group(2)) - int(found.group(1)) >= _YEARS_OF_A_LIFE)
        and int(found.group(1)) >= 1900  # "(May 12, 1820 – August 13, 1910)": history
        for found in _LIFE_DATES.finditer(text, max(0, start - 40), min(len(text), end + 40))
    )


# A newborn's card: the date, then the weight ("7.4.25 | 8 lb 1 oz | 20 in", "3/2 · 3.2 kg").
_BIRTH_WEIGHT_AFTER = re.compile(
    r"\s*[|•·,–—-]?\s*\d{1,2}(?:\.\d{1,3})?\s*(?:lbs?|pounds?|kg)\b|\s*[|•·,–—-]?\s*\d{3,4}\s*g\b"
)


# A birthday: "who turned 99 on Saturday, July 12", "would have turned 10 on April 22".
_TURNED_AN_AGE_ON = re.compile(r"(?i)\bturn(?:s|ed|ing)?\s+\d{1,3}\s+on\s+$")
# Verbs after a date that make it the day something happened to a patient.
_EVENT_VERBS_AFTER = vocabulary(
    """underwent admitted discharged born delivered flown airlifted rushed collapsed diagnosed
    transplant injured married crash collision fire rollover admit discharge"""
)


# Someone's own event named by its day: "since his Nov. 1 injury", "after her March 3 surgery".
_POSSESSIVES = (["his"], ["her"], ["their"])
_THEIR_DATED_EVENT = re.compile(
    r"\s+(?:injury|surgery|accident|crash|fall|transplant|diagnosis|stroke|operation|delivery"
    r"|admission|discharge)\b"
)


class PatientDateRecognizer(RegexRecognizer):
    """Finds dates that a patient event word ties to a person."""

    ENTITY = "DATE"
    PATTERNS = (
        CuePattern(
            "date of birth",
            re.compile(r"(?i)\b(?:d\.?o\.?b\.?|date\s+of\s+birth)\s*[:#]?\s*\d[\d/.-]{4,9}\d\b"),
            0.9,
        ),
        CuePattern("patient event date", re.compile(rf"(?i)(?<![\w/.-]){_DATE}(?![\w/])"), 0.8),
        CuePattern("patient event date in another language", re.compile(_DATE_ELSEWHERE), 0.8),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        if re.match(r"(?i)d\.?o\.?b|date\s+of", text[start:end]):
            return True
        sentence_start, sentence_end = sentence_around(text, start, end)
        # Capitalised cue words inside a sentence name events, not what happened: "World Stroke
        # Day", "Fall Fun Run"; the sentence's own first word may be capitalised ("Born April 22").
        window_start = max(sentence_start, start - 96)
        before = [
            found.group().lower()
            for found in WORD.finditer(text, window_start, start)
            if found.group()[0].islower()
            or found.group().isupper()
            or not re.search(r"\w", text[sentence_start : found.start()])
        ][-8:]
        # Capitalised words after the date name things ("Lakeview Fire Station"), not events.
        after = [
            word.lower() for word in WORD.findall(text[end:sentence_end])[:10] if word[0].islower()
        ]
        # Read before the venue words, which take "session" for a meeting's.
        if (
            _THEIR_SESSION_BEFORE.search(text, window_start, start)
            or _in_a_lifes_dates(text, start, end)
            or _BIRTH_WEIGHT_AFTER.match(text, end)
        ):
            return True
        if any(word in VENUE_CUES for word in before) or LONG_AGO_YEAR.search(text, start, end):
            return False  # "our outcomes at the AANS meeting on April 27", "May 12, 1820"
        if text.lstrip().startswith("@") and before[-3:-1] == ["see", "you"]:
            return True  # a reply's "See you on Oct. 18!" is the reader's appointment
        return (
            any(
                word in PATIENT_EVENTS or word.endswith(("ectomy", "plasty", "otomy"))
                for word in before
            )
            or any(word in _EVENT_VERBS_AFTER for word in after)
            or _RECEIVED_ORGAN.search(text, end, sentence_end) is not None
            or (before[-1:] == ["since"] and "been" in before)
            or (before[-1:] in _POSSESSIVES and _THEIR_DATED_EVENT.match(text, end) is not None)
            or _TURNED_AN_AGE_ON.search(text, window_start, start) is not None
            or _BROUGHT_IN.search(text, window_start, start) is not None
            or _BROUGHT_IN.search(text, end, sentence_end) is not None
            or _EVENT_ELSEWHERE.search(
                text,
                max(sentence_start, start - _ELSEWHERE_REACH),
                min(sentence_end, end + _ELSEWHERE_REACH),
            )
            is not None
        )
