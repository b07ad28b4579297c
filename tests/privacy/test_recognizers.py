"""Table-driven tests for each healthcare recognizer: what it must find, and near misses."""

from __future__ import annotations

from datetime import date

import pytest
from presidio_analyzer import EntityRecognizer

from policy.privacy.cues import with_ascii_digits
from policy.privacy.engine import PrivacyEngine
from policy.privacy.recognizers import (
    AccountNumberRecognizer,
    AgeOver89Recognizer,
    DeviceSerialRecognizer,
    HealthPlanIdRecognizer,
    IdentifyingDetailsRecognizer,
    KnownNameRecognizer,
    LicensePlateRecognizer,
    MedicalRecordNumberRecognizer,
    NationalIdRecognizer,
    PatientDateRecognizer,
    PatientNameRecognizer,
    RoomNumberRecognizer,
    SocialHandleRecognizer,
    StreetAddressRecognizer,
)
from policy.privacy.recognizers.age_over_89 import an_age_group, an_anniversary
from policy.privacy.recognizers.known_name import is_given_name


def found(recognizer: EntityRecognizer, text: str) -> list[str]:
    """The spans ``recognizer`` finds in ``text``, read as the engine gives it to them (digits
    in every script as ASCII digits) and shown as written."""
    read = with_ascii_digits(text)
    return sorted(text[r.start : r.end] for r in recognizer.analyze(read, [], None))


CASES: list[tuple[type[EntityRecognizer], str, list[str]]] = [
    # ages over 89
    (AgeOver89Recognizer, "Happy 101st birthday to our patient!", ["Happy 101st birthday"]),
    (AgeOver89Recognizer, "Edith just turned 95 and is recovering.", ["turned 95"]),
    (AgeOver89Recognizer, "Our 92-year-old patient painted sunflowers.", ["92-year-old"]),
    (AgeOver89Recognizer, "She is 98 years old and beat pneumonia.", ["98 years old"]),
    (AgeOver89Recognizer, "At 97, Walter is our oldest graduate.", ["97"]),
    (AgeOver89Recognizer, "Zainab was 95岁 when she came to us.", ["95岁"]),
    (AgeOver89Recognizer, "黃美玲婆婆今年101歲，康復出院！", ["101歲"]),
    (AgeOver89Recognizer, "которому 9 мая исполнилось 97 лет!", ["97 лет"]),
    (AgeOver89Recognizer, "ਜਸਵੰਤ ਬਾਪੂ ਜੀ (ਉਮਰ 92) ਨੂੰ ਛੁੱਟੀ ਮਿਲ ਗਈ", ["(ਉਮਰ 92)"]),
    (AgeOver89Recognizer, "Mme Anite Lubin (91 an), tanpri rele nou", ["(91 an)"]),
    (AgeOver89Recognizer, "98 taong gulang na siya ngayong araw", ["98 taong gulang"]),
    (AgeOver89Recognizer, "Oma Lena feiert heute ihren 100. Geburtstag", ["100. Geburtstag"]),
    (AgeOver89Recognizer, "101-letni pan Zbigniew wrócił do domu", ["101-letni"]),
    (AgeOver89Recognizer, "Mzee Juma ana miaka 93 na anaendelea vizuri", ["miaka 93"]),
    (AgeOver89Recognizer, "پروین خانم ۹۳ ساله در اتاق ۴۱۲", ["۹۳ ساله"]),
    (AgeOver89Recognizer, "المريض عبد الرحمن سليم (٩١ عامًا) غادر قسم الطوارئ", ["٩١ عامًا"]),
    (AgeOver89Recognizer, "Олені Степанівні Мороз, якій було 90 років", ["90 років"]),
    (AgeOver89Recognizer, "بابا جی غلام رسول آج ۹۶ برس کے ہو گئے", ["۹۶ برس"]),
    (AgeOver89Recognizer, "রহিমা খাতুন ৯৩ বছর বয়সে মারা যান", ["৯৩ বছর বয়স"]),
    (AgeOver89Recognizer, "धनमाया गुरुङको ९४औँ जन्मदिन", ["९४औँ जन्मदिन"]),
    (AgeOver89Recognizer, "ዘውዲቱ 98ኛ ዓመት ልደቷን አከበረች", ["98ኛ ዓመት"]),
    (AgeOver89Recognizer, "ヨシ子さんが白寿を迎えました", ["白寿"]),
    (AgeOver89Recognizer, "Chúc mừng sinh nhật lần thứ 95 của cụ Lan!", ["sinh nhật lần thứ 95"]),
    (AgeOver89Recognizer, "আমাদের হাসপাতাল ৯০ বছর ধরে সেবা দিচ্ছে", []),
    # an age group in figures or advice, in any language, is nobody's age
    (AgeOver89Recognizer, "214 пациентов старше 90 лет получают помощь на дому", []),
    (AgeOver89Recognizer, "412 idosos, sendo 27 com mais de 90 anos", []),
    (AgeOver89Recognizer, "방문진료 중 90세 이상 어르신 방문 127건", []),
    (AgeOver89Recognizer, "We care for 40 patients over 90 years old at home.", []),
    (AgeOver89Recognizer, "Vaccins gratuits pour les adultes de 90 ans et plus", []),
    (AgeOver89Recognizer, "Our clinic has served 90 years of families.", []),
    (AgeOver89Recognizer, "Adults aged 90 and over are at the highest risk.", []),
    (AgeOver89Recognizer, "Colorectal screening is recommended from age 45.", []),
    (AgeOver89Recognizer, "St. Mary's is turning 100! Tour our 100-year-old chapel.", []),
    # an institution in an earlier clause is not the age's subject
    (
        AgeOver89Recognizer,
        "the oldest patient in Crossroads Medical Center history — a 107-year-old woman",
        ["107-year-old"],
    ),
    (AgeOver89Recognizer, "Our therapy dog turned 9 this week.", []),
    (AgeOver89Recognizer, "Irene, who at 99 donated her hats", ["99"]),
    (AgeOver89Recognizer, "She ran a marathon at the age of 96.", ["at the age of 96"]),
    (AgeOver89Recognizer, "Visit us at 99 Main Street.", []),
    (AgeOver89Recognizer, "Our ED ran at 95% capacity.", []),
    (AgeOver89Recognizer, "Happy 100th birthday to US! We opened in 1924.", []),
    (AgeOver89Recognizer, "Happy 90th anniversary to St. Brigid's Home!", []),
    (AgeOver89Recognizer, "Happy 90th, Ida! 🎂", ["Happy 90th"]),
    # a birth year 90 or more years ago; not a doctor's in a biography
    (AgeOver89Recognizer, "Born in 1929 in a farmhouse near Mitchell, Verna", ["Born in 1929"]),
    (AgeOver89Recognizer, "Born in 1909, Dr. Virginia Apgar was the first woman", []),
    (AgeOver89Recognizer, "Our newest nurse was born in 1999.", []),
    (AgeOver89Recognizer, "Parabéns ao Sr. Armindo, que hoje faz 91! 🎉", ["faz 91"]),
    (AgeOver89Recognizer, "A campanha faz 90 dias hoje.", []),
    (AgeOver89Recognizer, "Cento candeline per nonna Assunta!", ["Cento candeline"]),
    (AgeOver89Recognizer, "A letter came from Marion, now 90, who wrote", ["90"]),
    (AgeOver89Recognizer, "She's 104, she was a Navy nurse in WWII.", ["104"]),
    (AgeOver89Recognizer, "Herr Friedhelm Wagner, 93, konnte", ["93"]),
    (AgeOver89Recognizer, "田中ハナさん(102歳)と김순자 할머니의 100세 생신", ["100세", "102歳"]),
    (AgeOver89Recognizer, "Mit 96 Jahren hat er heute seine Reha beendet", ["96 Jahren"]),
    (AgeOver89Recognizer, "Our ED is now 95% full; she's 99 percent sure.", []),
    (AgeOver89Recognizer, "On Tuesday, 95 volunteers and Ward 7, 90, helped.", []),
    # medical record numbers
    (
        MedicalRecordNumberRecognizer,
        "The patient, MRN: 004-829-13, is stable.",
        ["MRN: 004-829-13"],
    ),
    (MedicalRecordNumberRecognizer, "record MR# 7781 2234 tattooed", ["MR# 7781 2234"]),
    (MedicalRecordNumberRecognizer, "ring Ward 4 about CHI 0704389125", ["CHI 0704389125"]),
    (MedicalRecordNumberRecognizer, "Mere Te Kani (NHI ZHK4721) moved", ["NHI ZHK4721"]),
    (MedicalRecordNumberRecognizer, "discharged from Rm 12 (chart 448-2915)", ["chart 448-2915"]),
    (
        MedicalRecordNumberRecognizer,
        "Mr. Ó Dálaigh – hospital no. H 0731 448 – please bring your form",
        ["hospital no. H 0731 448"],
    ),
    (MedicalRecordNumberRecognizer, "the family of Vince Caruso, UR 00482915:", ["UR 00482915"]),
    (MedicalRecordNumberRecognizer, "see the growth chart 2024-25 and our UR 2025 plan", []),
    (MedicalRecordNumberRecognizer, "D. Ruru, NHI ZAC47KM, discharged", ["NHI ZAC47KM"]),
    (MedicalRecordNumberRecognizer, "CHI Health St. Mary's hired 200 nurses", []),
    (
        MedicalRecordNumberRecognizer,
        "cared for her (medical record no. 20-448-117)",
        ["medical record no. 20-448-117"],
    ),
    (MedicalRecordNumberRecognizer, "Never share a patient's MRN or room number.", []),
    (MedicalRecordNumberRecognizer, "Our ED saw 412 patients on Monday.", []),
    # health plan IDs
    (HealthPlanIdRecognizer, "member ID XGH 448 219 004, admitted", ["XGH 448 219 004"]),
    (HealthPlanIdRecognizer, "Medicare number 1EG4-TE5-MK73 won", ["1EG4-TE5-MK73"]),
    (HealthPlanIdRecognizer, "(Medicaid ID NY44729183) is ready", ["NY44729183"]),
    (HealthPlanIdRecognizer, "Medicare open enrollment runs October 15 to December 7.", []),
    (HealthPlanIdRecognizer, "Call member services at our main line.", []),
    (
        HealthPlanIdRecognizer,
        "Her insurance member ID is still taped to the bell, W28841093, from day one",
        ["W28841093"],
    ),
    (HealthPlanIdRecognizer, "Your order W28841093 has shipped.", []),
    (HealthPlanIdRecognizer, "Harold Pemberton, Medicare 1EG4-TE5-MK73, SSN", ["1EG4-TE5-MK73"]),
    (HealthPlanIdRecognizer, "Medicare 2025 plans: open enrollment", []),
    (LicensePlateRecognizer, "your car (LMN-4821) was moved to Lot D", ["LMN-4821"]),
    (AgeOver89Recognizer, "In 1910, Florence Nightingale died in London at age 90.", []),
    (AgeOver89Recognizer, "doña Rosario celebra sus 97 años", ["97 años"]),
    (AgeOver89Recognizer, "Happy 90th, Ernest! 🎉", ["Happy 90th"]),
    (
        StreetAddressRecognizer,
        "visited Frank at 14 Larkspur Crescent today",
        ["14 Larkspur Crescent"],
    ),
    (RoomNumberRecognizer, "Bay 3 is closed for a deep clean until Thursday.", []),
    (
        RoomNumberRecognizer,
        "color war MVPs: Liam (bunk 9) and Priya (bunk 12)",
        ["bunk 9", "bunk 12"],
    ),
    # national identity numbers after their label, in the countries that use them as an SSN
    (NationalIdRecognizer, "your mother's PPSN 6734129PA is now linked", ["6734129PA"]),
    (NationalIdRecognizer, "we matched it using her ID no. 4103150234084", ["4103150234084"]),
    (NationalIdRecognizer, "his NI number AB 12 34 56 C was on the form", ["AB 12 34 56 C"]),
    (NationalIdRecognizer, "SIN 046-454-286 on the intake sheet", ["046-454-286"]),
    (NationalIdRecognizer, "Badge ID 4471 and room 4103150234084 are not IDs", []),
    (NationalIdRecognizer, "Call our SIN 123 line or visit PPS 12", []),
    (RoomNumberRecognizer, "Put the phone down before bed\n4️⃣ Move your body", []),
    (RoomNumberRecognizer, "Lab draws 7a–5p, Rm 104. Pharmacy refills: 402-555-0130.", []),
    (RoomNumberRecognizer, "bed 4 in the sim lab is broken again, use bay 2", []),
    (RoomNumberRecognizer, "cake in rm 204 (admin conf rm) at 3", []),
    (RoomNumberRecognizer, "stop by rm B12 (basement) 7a-7p", []),
    (RoomNumberRecognizer, "Outpatient Phlebotomy moves to Room G14, Ground Floor.", []),
    (RoomNumberRecognizer, "Room 3 was furnished by the Rotary Club of Wagga Wagga.", []),
    (
        SocialHandleRecognizer,
        "@kaylee.bmore is raising money for the NICU where her daughter Nevaeh spent 3 months.",
        ["@kaylee.bmore"],
    ),
    (SocialHandleRecognizer, "@CityHealth is hosting a flu clinic on Saturday.", []),
    (RoomNumberRecognizer, "six semaines en réadaptation (chambre 312)", ["chambre 312"]),
    (RoomNumberRecognizer, "Dès mon arrivée à la civière 14, on m'a parlé", ["civière 14"]),
    (RoomNumberRecognizer, "mang bánh đến phòng 214 để cả khoa vui", ["phòng 214"]),
    (RoomNumberRecognizer, "kalkaalisooyinka qolka 312.", ["qolka 312"]),
    (RoomNumberRecognizer, "провёл у нас в палате 508 почти три недели", ["палате 508"]),
    (RoomNumberRecognizer, "10月5日從5樓東翼12號床康復出院", ["12號床"]),
    (RoomNumberRecognizer, "住喺七樓712房一個禮拜", ["712房"]),
    (RoomNumberRecognizer, "لم تغب يوماً عن السرير رقم ٧.", ["السرير رقم ٧"]),
    (RoomNumberRecognizer, "护士们在3床旁边给她唱了生日歌", ["3床"]),
    (RoomNumberRecognizer, "Оленка лежала в палаті № 6 два тижні", ["палаті № 6"]),
    (RoomNumberRecognizer, "Pani Stasia z pokoju 12 ma dziś urodziny", ["pokoju 12"]),
    (RoomNumberRecognizer, "Pani Stasia leży w pokoju 12 od wtorku", ["pokoju 12"]),
    (RoomNumberRecognizer, "Poradnia Kardiologiczna (pokój 115, I piętro)", []),
    (RoomNumberRecognizer, "حفاظتی ٹیکہ جات مرکز (کمرہ نمبر ۷)", []),
    (RoomNumberRecognizer, "Opa Heinz auf Bettplatz 3 bekam Besuch", ["Bettplatz 3"]),
    (RoomNumberRecognizer, "Bibi Mwanaisha yuko chumba namba 210", ["chumba namba 210"]),
    (RoomNumberRecognizer, "302号室のヨシ子さん", ["302号室"]),
    (RoomNumberRecognizer, "بیڈ نمبر 4 پر زبیدہ بیگم", ["بیڈ نمبر 4"]),
    (RoomNumberRecognizer, "বেড ১৭-এ রহিমা খাতুন", ["বেড ১৭"]),
    (RoomNumberRecognizer, "बेड नं. १२ मा धनमाया", ["बेड नं. १२"]),
    (RoomNumberRecognizer, "ዘውዲቱ ክፍል 305 ውስጥ", ["ክፍል 305"]),
    (RoomNumberRecognizer, "新院区新增50床位", []),
    # in Japanese "N床" counts beds; a Haitian Creole "bay" gives ("klinik la te bay 14,250 vizit")
    (RoomNumberRecognizer, "病床数は24床、うち4床は家族が付き添えるファミリールームです。", []),
    (RoomNumberRecognizer, "An 2023, klinik nou an te bay 14,250 vizit.", []),
    (
        RoomNumberRecognizer,
        "Our sickest patient is in bay 14, 250 metres from the door.",
        ["bay 14"],
    ),
    (RoomNumberRecognizer, "LA 한인타운 1호점 개업", []),
    (PatientDateRecognizer, "after her stroke on Feb. 14, 2023, she", ["Feb. 14, 2023"]),
    (PatientDateRecognizer, "present surgery outcomes at the AANS meeting on April 27", []),
    (PatientDateRecognizer, "World Stroke Day is Oct. 29. Remember BE FAST.", []),
    # a newborn's card, and a child's short life remembered
    (PatientDateRecognizer, "Welcome, Penelope Rae! 🎀\n\n7.4.25 | 8 lb 1 oz | 20 in", ["7.4.25"]),
    (
        PatientDateRecognizer,
        "In loving memory of Elijah Bennett 💙\nMarch 2, 2016 – Oct. 9, 2024",
        ["March 2, 2016", "Oct. 9, 2024"],
    ),
    (PatientDateRecognizer, "Our Magnet journey ran March 2, 2016 – Oct. 9, 2024.", []),
    (PatientDateRecognizer, "the St. Brigid Fall Fun Run on Sunday, Oct. 20!", []),
    (PatientDateRecognizer, "Children under 12 may not visit the unit.", []),
    (PatientDateRecognizer, "Florence Nightingale was born on May 12, 1820.", []),
    (PatientDateRecognizer, "Born April 22 at 3:14 a.m. to proud parents", ["April 22"]),
    (PatientDateRecognizer, "Née le 14 février à notre unité des naissances.", ["14 février"]),
    (PatientDateRecognizer, "On July 12, 17-year-old Brandon was critically injured", ["July 12"]),
    (
        PatientDateRecognizer,
        "On Oct. 22, 2023, Tom received a kidney from his sister",
        ["Oct. 22, 2023"],
    ),
    (PatientDateRecognizer, "has been with our Transitional Care Unit since March 3", ["March 3"]),
    (
        PatientDateRecognizer,
        "@dfisher_22 your plan is in-network. See you on Oct. 18!",
        ["Oct. 18"],
    ),
    (PatientDateRecognizer, "Née le 1er janvier à 0 h 04", ["1er janvier"]),
    (PatientDateRecognizer, "su bebé Santiago, nacido el 9 de mayo", ["9 de mayo"]),
    (PatientDateRecognizer, "came in with a fractured hip on 2 February.", ["2 February"]),
    (PatientDateRecognizer, "cake in the ED break room on Friday, June 6", []),
    (LicensePlateRecognizer, "your car, reg. 151-D-20394, was blocking the bay", ["151-D-20394"]),
    (
        MedicalRecordNumberRecognizer,
        "his hospital number is RX00582214",
        ["hospital number is RX00582214"],
    ),
    (DeviceSerialRecognizer, "(Device PNR702318K, for the device nerds)", ["Device PNR702318K"]),
    (
        AgeOver89Recognizer,
        "I cared for a 97-year-old who landed at Juno Beach in 1944.",
        ["97-year-old"],
    ),
    (HealthPlanIdRecognizer, "his Medicare card (1EG4-TE5-MK72) inside", ["1EG4-TE5-MK72"]),
    (PatientDateRecognizer, "On October 22, Anjali underwent a craniotomy", ["October 22"]),
    (PatientDateRecognizer, "Our Emergency Department is open 24/7/365.", []),
    (PatientDateRecognizer, "Babies born early need care. November 17 is Prematurity Day", []),
    (AccountNumberRecognizer, "about patient account PA-20931177 today", ["account PA-20931177"]),
    (LicensePlateRecognizer, "his Civic (Ohio plate HJX 2291) was struck", ["HJX 2291"]),
    (LicensePlateRecognizer, "Licence plate recognition cameras in lot B", []),
    (
        SocialHandleRecognizer,
        "Replying to @tran.family.vn: wishing him a smooth recovery",
        ["@tran.family.vn"],
    ),
    (SocialHandleRecognizer, "Replying to @CDCgov: thanks for the data!", []),
    (
        SocialHandleRecognizer,
        "Congratulations @kaylaandjoe.b on the arrival of baby Wren!",
        ["@kaylaandjoe.b"],
    ),
    (SocialHandleRecognizer, "Congratulations @CityCouncil on the new budget!", []),
    (
        HealthPlanIdRecognizer,
        "your Medicare card: your number 1EG4-TE5-MK73 is visible",
        ["1EG4-TE5-MK73"],
    ),
    (MedicalRecordNumberRecognizer, "and reference MRN HX-5519042.", ["MRN HX-5519042"]),
    (MedicalRecordNumberRecognizer, "quoting your son's MRN (0893214), and", ["MRN (0893214"]),
    (MedicalRecordNumberRecognizer, "患者黄志强（病历号 00381542）于5月20日", ["00381542"]),
    (
        MedicalRecordNumberRecognizer,
        "Hastamız Mehmet (dosya no: 2023-004187) taburcu",
        ["2023-004187"],
    ),
    (
        MedicalRecordNumberRecognizer,
        "nº de historia clínica HC-2231847, al Servicio",
        ["HC-2231847"],
    ),
    (MedicalRecordNumberRecognizer, "(رقم الملف الطبي 4471903)", ["4471903"]),
    (MedicalRecordNumberRecognizer, "Тамару Гусеву (карта № 0045-7781)", ["0045-7781"]),
    (MedicalRecordNumberRecognizer, "Consultez notre dossier spécial sur la grippe", []),
    # ages written in a hurry
    (AgeOver89Recognizer, "our 101 yr old friend in 5W says hi", ["101 yr old"]),
    (AgeOver89Recognizer, "95yo pt in bed 3, and a 92 y/o gent", ["95yo", "92 y/o"]),
    (AgeOver89Recognizer, "a 100 yr old building; 90 yrs of care", []),
    (AgeOver89Recognizer, "rip earl, 98 yrs young", ["98 yrs young"]),
    # spelled out, and a birthday cake's candles
    (AgeOver89Recognizer, "Our ninety-three-year-old rehab star", ["ninety-three-year-old"]),
    (AgeOver89Recognizer, "Edna turned one hundred and one today", ["turned one hundred and one"]),
    (AgeOver89Recognizer, "Happy ninety-fifth birthday, Edna!", ["Happy ninety-fifth birthday"]),
    (AgeOver89Recognizer, "92 candles! Happy birthday Iris", ["92 candles"]),
    (AgeOver89Recognizer, "Ninety-eight candles 🎂 Happy bday", ["Ninety-eight candles"]),
    (AgeOver89Recognizer, "100 candles lit for the vigil tonight", []),
    (AgeOver89Recognizer, "Our ED turned ninety percent of calls around", []),
    (AgeOver89Recognizer, "At ninety-two, she quizzed every resident", ["ninety-two"]),
    (AgeOver89Recognizer, "Walter Nguyen, ninety-one, raised the flag", ["ninety-one"]),
    (AgeOver89Recognizer, "our oldest resident at a hundred and one, led", ["a hundred and one"]),
    (AgeOver89Recognizer, "Florence turned a hundred and one!", ["turned a hundred and one"]),
    (AgeOver89Recognizer, "She's ninety-one and still corrects us", ["ninety-one"]),
    (AgeOver89Recognizer, "Our new wing is a hundred times brighter", []),
    (AgeOver89Recognizer, "At ninety percent capacity, we ask for patience", []),
    (AgeOver89Recognizer, "Hank is 98, Margie is 96, and they hold hands", ["98", "96"]),
    (
        AgeOver89Recognizer,
        "Walter is a hundred and two. There wasn't a dry eye",
        ["a hundred and two"],
    ),
    (AgeOver89Recognizer, "Riverside is 100. Come to the party!", []),
    (AgeOver89Recognizer, "Unit 5 is 95, and Unit 6 is 90, per cent full", []),
    (AgeOver89Recognizer, "a hundred candles and a hundred-year-old oak", []),
    (AgeOver89Recognizer, "今天是王秀英奶奶的百岁生日", ["百岁"]),
    (AgeOver89Recognizer, "恭喜何玉珍婆婆九十八歲大壽", ["九十八歲"]),
    (AgeOver89Recognizer, "a giant tray of pancit for long life. 长命百岁!", []),
    (AgeOver89Recognizer, "ببلوغ الحاجة فاطمة ٩٧ عاماً", ["٩٧ عاما"]),
    (AgeOver89Recognizer, "Είναι 94 χρονών και ακόμα φτιάχνει", ["94 χρονών"]),
    (AgeOver89Recognizer, "பாட்டிக்கு 100 வயது பிறந்தநாள்", ["100 வயது"]),
    (AgeOver89Recognizer, "Maligayang ika-99 na kaarawan, Lolo Isko!", ["ika-99 na kaarawan"]),
    (PatientNameRecognizer, "rip earl whitfield 🕊️ 98 yrs young", ["earl whitfield"]),
    (PatientNameRecognizer, "RIP Marjorie. She loved our garden.", ["Marjorie"]),
    (PatientNameRecognizer, "a swimmer pulled from a rip current Sunday", []),
    # courtesy titles in lower case
    (PatientNameRecognizer, "our pt in rm 12, mr. okafor, who turned 95", ["okafor"]),
    # both readings; the judgement reports the widest
    (
        PatientNameRecognizer,
        "mr. harold lindgren (room 22) just beat",
        ["harold", "harold lindgren"],
    ),
    (PatientNameRecognizer, "mrs. patel says hi to the night crew", ["patel"]),
    (PatientNameRecognizer, "ms awareness walk this sat", []),
    (PatientNameRecognizer, "we miss you all, mr. the night shift", []),
    # lower-case names thanked, cheered or mourned, and words of address
    (PatientNameRecognizer, "ty ada & emeka, ur dad was the sweetest pt", ["ada & emeka", "ada"]),
    (PatientNameRecognizer, "we'll miss u hamid!! go enjoy that garden", ["hamid"]),
    (PatientNameRecognizer, "rest easy hattie 🕊️", ["hattie"]),
    (PatientNameRecognizer, "get well soon, liam!", ["liam"]),
    (PatientNameRecognizer, "get well soon & stop pulling his iv lol", []),
    (PatientNameRecognizer, "ty to every charge nurse who taught me", []),
    (PatientNameRecognizer, "happy 93rd bday to miss odessa!!", ["odessa"]),
    (PatientNameRecognizer, "doña lupe (91) in rm 318 has taught us", ["lupe"]),
    (PatientNameRecognizer, "don't miss the flu clinic, big thanks", []),
    # a family named by its lower-case surname, not a crew
    (PatientNameRecognizer, "ty to the ferreira fam for the açaí bowls", ["ferreira"]),
    (PatientNameRecognizer, "shoutout to the night crew and the young family", []),
    (PatientNameRecognizer, "to svetlana & yuri: ur mom talked about u", ["svetlana & yuri"]),
    (PatientNameRecognizer, "hi all, your mom will love the new menu", []),
    (PatientNameRecognizer, "bashir is 6 wks post-op from his transplant", ["bashir"]),
    (PatientNameRecognizer, "our little mate Jaxon (8) rang the bell", ["Jaxon"]),
    (PatientNameRecognizer, "Step (1): wash your hands for 20 seconds", []),
    # a name right before a date of birth or record number, and a lower-case name in a room
    (PatientNameRecognizer, "belongings bag for r. castellano, DOB 4/17/51", ["r. castellano"]),
    (
        PatientNameRecognizer,
        "Meet Beverly Sandoval (MRN 00482917), who",
        ["Beverly Sandoval", "Sandoval"],  # tried at each word; the engine reports the widest
    ),
    (PatientNameRecognizer, "camille from rm 306 was already up walking", ["camille"]),
    # a Japanese name before an honorific is a whole run of kanji, katakana or hiragana
    (PatientNameRecognizer, "看護師長・佐々木 恵子さんが定年", ["佐々木 恵子"]),
    (PatientNameRecognizer, "入院中の田中ハナさん(", ["田中ハナ"]),
    (PatientNameRecognizer, "ママのさくらさん、おめでとう", ["さくら"]),
    (PatientNameRecognizer, "数えきれない患者さんとご家族に寄り添って", []),
    (PatientNameRecognizer, "ご家族のみなさん、お母さんと皆さん", []),
    (PatientNameRecognizer, "pops from room 14 taught us dominoes", ["pops"]),
    # lower-case names opening a story, with a relative, or greeted in a reply
    (PatientNameRecognizer, "ray dominguez went home today w/ his new LVAD", ["ray dominguez"]),
    (PatientNameRecognizer, "pops went home today!!!", ["pops"]),
    (PatientNameRecognizer, "so glad ur grandpa is home!!", []),
    (PatientNameRecognizer, "the new grad went home early, the second patient was discharged", []),
    (PatientNameRecognizer, "andre collapsed during a pickup game", ["andre"]),
    (PatientNameRecognizer, "When Luis Ortega collapsed at the station", ["Luis Ortega"]),
    (PatientNameRecognizer, "our pt hope sure didn't give up", ["hope"]),
    (PatientNameRecognizer, "pt will be discharged; her PT jess walked with her", []),
    (PatientNameRecognizer, "happy discharge day abdullah!!", ["abdullah"]),
    (PatientNameRecognizer, "Happy discharge day, Jaylen! 🏀", ["Jaylen"]),
    (PatientNameRecognizer, "little miss noor was born 6/18", ["noor"]),
    (PatientNameRecognizer, "can't believe our lil mo went home today!!!", ["mo"]),
    (PatientNameRecognizer, "when lil d asked for the nurse with the sparkly badge", ["d"]),
    (PatientNameRecognizer, "a lil bit of sunshine for lil ol' me", []),
    (PatientNameRecognizer, "to his wife grace + their 4 kids, we love u", ["grace"]),
    (PatientNameRecognizer, "her son will visit; my mom said hi", []),
    (PatientNameRecognizer, "say hi to kaito 👋 he's 6 and loves trains", ["kaito"]),
    (PatientNameRecognizer, "marcia vollmer's family: we still need the card", ["marcia vollmer"]),
    (PatientNameRecognizer, "hey kelly — we got ur dm about ur grandma's hearing aids", ["kelly"]),
    (PatientNameRecognizer, "hey team — the new schedule is up", []),
    (PatientNameRecognizer, "ur grandma in rm 506 says hi", []),
    (PatientNameRecognizer, "it's kiki's bday!!! our fave 8 y/o", ["kiki"]),
    (PatientNameRecognizer, "a surprise for Mavis's 92nd birthday", ["Mavis"]),
    (PatientNameRecognizer, "Florence Nightingale's birthday is Nurses Day", []),
    (PatientNameRecognizer, "a week on our stroke ward in bed 14", []),
    (PatientNameRecognizer, "congrats to tommy reyes on finishing chemo", ["tommy", "tommy reyes"]),
    (PatientNameRecognizer, "congrats tommy on ur new job", ["tommy"]),
    (LicensePlateRecognizer, "whoever owns the silver civic KDM 2291 in the ED lot", ["KDM 2291"]),
    (LicensePlateRecognizer, "the car park by entrance B2 is closed", []),
    # a day of the month alone, and a rescue
    (
        PatientDateRecognizer,
        "Your brother's surgery got moved to Thursday the 14th, 7:30am check-in.",
        ["Thursday the 14th"],
    ),
    (PatientDateRecognizer, "your grandma's fall in room 227 on the 8th.", ["the 8th"]),
    (PatientDateRecognizer, "She was admitted on Sunday 30th March.", ["Sunday 30th March"]),
    (PatientDateRecognizer, "the hiker rescued on Saturday, July 13 is", ["Saturday, July 13"]),
    (PatientDateRecognizer, "The clinic for your appointment is on the 8th floor.", []),
    (PatientDateRecognizer, "ur grandpa in rm 901, discharge thurs the 17th", ["thurs the 17th"]),
    (PatientDateRecognizer, "his surgery moved to sat the 3rd floor OR", []),
    (StreetAddressRecognizer, "cards can be mailed to 82 willow creek rd", ["82 willow creek rd"]),
    (StreetAddressRecognizer, "ty to 3 amazing nurses and dr patel", []),
    (
        StreetAddressRecognizer,
        "Delivery for Mdm Wong is to Blk 208 Toa Payoh Lor 8 #11-342, not the old address",
        ["Blk 208 Toa Payoh Lor 8 #11-342"],
    ),
    (
        StreetAddressRecognizer,
        "our team visited him at Blk 268A Punggol Field",
        ["Blk 268A Punggol Field"],
    ),
    (StreetAddressRecognizer, "Parking is in Block 5 behind the clinic.", []),
    (PatientDateRecognizer, "Join us on the 3rd annual surgery fun run.", []),
    (
        HealthPlanIdRecognizer,
        "El número de Medicaid de su hijo, 448120937, ya está en su expediente",
        ["448120937"],
    ),
    (
        HealthPlanIdRecognizer,
        "your dad's health card number and birth date (6623-118-452-RW, 14/08/1938)",
        ["6623-118-452-RW"],
    ),
    (HealthPlanIdRecognizer, "Bring your health card. Questions? Call 705-555-0100.", []),
    (HealthPlanIdRecognizer, "El número de Medicaid está en su tarjeta.", []),
    (HealthPlanIdRecognizer, "Medicare enrollment is open. Order W28841093 shipped.", []),
    (HealthPlanIdRecognizer, "cartão SUS 898 0012 3456 7890, admitido", ["898 0012 3456 7890"]),
    (HealthPlanIdRecognizer, "(carte RAMQ BOUD 3405 1217, dossier", ["BOUD 3405 1217"]),
    (HealthPlanIdRecognizer, "sagot ng PhilHealth (PIN 12-050432178-6) ang", ["12-050432178-6"]),
    (HealthPlanIdRecognizer, "Harold Jeffries, MBI 3QW7-HN2-PK84, verified", ["3QW7-HN2-PK84"]),
    (HealthPlanIdRecognizer, "Traiga sus documentos. Pedido W28841093 enviado.", []),
    (HealthPlanIdRecognizer, "Traga o seu cartão SUS e um documento com foto.", []),
    (
        HealthPlanIdRecognizer,
        "An Ontario health card was handed in: Raymond Lacroix, 5582-114-907-KT.",
        ["5582-114-907-KT"],
    ),
    (HealthPlanIdRecognizer, "Order 5582-114-907-KT shipped to the pharmacy.", []),
    (
        HealthPlanIdRecognizer,
        "A 92-year-old member (policy no. JUB-MED-00718824) needed surgery.",
        ["JUB-MED-00718824"],
    ),
    (HealthPlanIdRecognizer, "Read our privacy policy no. 2 online.", []),
    # account numbers
    (AccountNumberRecognizer, "whose account #88120045 was resolved", ["account #88120045"]),
    (AccountNumberRecognizer, "under acct no. 55190873: please call", ["acct no. 55190873"]),
    (AccountNumberRecognizer, "Take into account 3 factors before booking.", []),
    # licence plates
    (LicensePlateRecognizer, "a silver Honda, plate 7XKR221, belonging", ["7XKR221"]),
    (LicensePlateRecognizer, "licence plate ABC-1234 in the garage", ["ABC-1234"]),
    (LicensePlateRecognizer, "We served 300 plates of food at the picnic.", []),
    (LicensePlateRecognizer, "alla guida della Fiat Panda targata FX 482 KD", ["FX 482 KD"]),
    (LicensePlateRecognizer, "Chiếc Corolla màu trắng biển số CX 47 KL do anh", ["CX 47 KL"]),
    (LicensePlateRecognizer, "34 KLM 582 plakalı aracın sürücüsü", ["34 KLM 582"]),
    (LicensePlateRecognizer, "흰색 쏘나타, 번호판 12가 3456", ["12가 3456"]),
    (LicensePlateRecognizer, "Las placas de Petri del laboratorio", []),
    # device serials
    (DeviceSerialRecognizer, "his new pacemaker (serial PJN-884213)", ["serial PJN-884213"]),
    (DeviceSerialRecognizer, "a hearing aid, S/N 4471-AC-0982, was left", ["S/N 4471-AC-0982"]),
    (DeviceSerialRecognizer, "Serial testing helps catch cancer early.", []),
    # room, bed and bay numbers
    (RoomNumberRecognizer, "our patient Margaret in room 412!", ["room 412"]),
    (RoomNumberRecognizer, "recovering from surgery in Rm 4012.", ["Rm 4012"]),
    (RoomNumberRecognizer, "the patient in bed 12 of our trauma bay", ["bed 12"]),
    (RoomNumberRecognizer, "walk his daughter down the aisle from bay 3", ["bay 3"]),
    (RoomNumberRecognizer, "baby june in pod 3 looks like a lil strawberry", ["pod 3"]),
    (RoomNumberRecognizer, "peanut (crib 4) hit 4 lbs today!!!", ["crib 4"]),
    (RoomNumberRecognizer, "Saoirse is in cot 7 in Special Care now", ["cot 7"]),
    (RoomNumberRecognizer, "W nagłych wypadkach dzwoń pod 911.", []),
    (RoomNumberRecognizer, "Blood drive on March 14 in Conference Room B.", []),
    (RoomNumberRecognizer, "Open House, Education Center, Room 214. RSVP today.", []),
    (RoomNumberRecognizer, "Our 48-bed emergency department opens this spring.", []),
    (RoomNumberRecognizer, "Find the new lounge next to Room 301.", []),
    (RoomNumberRecognizer, "mock code in trauma rm 3 went great today", []),
    # a room given a new use, an outpatient clinic's room, a panel's room
    (RoomNumberRecognizer, "Room 412 on 4 West is now our new Family Lactation Lounge", []),
    (RoomNumberRecognizer, "Our old Room 101 on the Ground Floor has a new life!", []),
    (RoomNumberRecognizer, "Free vaccines, 8AM–3PM, at our Pedia OPD, Room 204.", []),
    (RoomNumberRecognizer, "Dr. Lee joins a 2:30pm panel in Room 204B of McCormick Place", []),
    # but a patient's room as the place someone is, or decorated for a patient
    (RoomNumberRecognizer, "Our patient in Room 412 is now our longest stay", ["Room 412"]),
    (RoomNumberRecognizer, "Room 318 is now a space station for Kenji", ["Room 318"]),
    # ages in Welsh and Arabic
    (AgeOver89Recognizer, "Penblwydd hapus yn 103, Wil Treharne!", ["Penblwydd hapus yn 103"]),
    (AgeOver89Recognizer, "Mae Gwen yn 100 oed heddiw", ["100 oed"]),
    (AgeOver89Recognizer, "atá 101 bliain d'aois inniu!", ["101 bliain d'aois"]),
    (AgeOver89Recognizer, "احتفلت الحاجّة فاطمة بعيد ميلادها الـ102 في الغرفة", ["ميلادها الـ102"]),
    (AgeOver89Recognizer, "Mae'r ward yn 50 oed eleni", []),
    (AgeOver89Recognizer, "יום הולדת 99 במחלקה הגריאטרית! 🎉", ["יום הולדת 99"]),
    (AgeOver89Recognizer, "רבקה, בת 101, חגגה עם הנכדים", ["בת 101"]),
    (AgeOver89Recognizer, "שושנה ברגר, בת 78, מתנדבת בדלפק", []),
    # dates tied to a patient
    (PatientDateRecognizer, "Harold (D.O.B. 03.14.58) was moved", ["D.O.B. 03.14.58"]),
    (PatientDateRecognizer, "Sofia was admitted on March 3 with RSV", ["March 3"]),
    (PatientDateRecognizer, "walking after her spinal surgery on 2/14/2024.", ["2/14/2024"]),
    (PatientDateRecognizer, "Kenji is home after his appendectomy on Oct. 3", ["Oct. 3"]),
    (PatientDateRecognizer, "Blood drive on March 14 from 10 am to 4 pm.", []),
    (PatientDateRecognizer, "Rosa turned 99 on Saturday, July 12 while", ["Saturday, July 12"]),
    (PatientDateRecognizer, "Brody would have turned 10 on April 22.", ["April 22"]),
    (PatientDateRecognizer, "Our hospital turned 100 this year; gala on May 3.", []),
    (PatientDateRecognizer, "Open enrollment runs October 15 to December 7.", []),
    (PatientDateRecognizer, "Patients who walked after surgery went home 1.5 days sooner.", []),
    # holidays after "on", weekdays of an arrival, a patient's own session
    (PatientDateRecognizer, "Baby Ezekiel was born on Christmas Day.", ["Christmas Day"]),
    (PatientDateRecognizer, "Ava was diagnosed in our ER on Halloween night", ["Halloween night"]),
    (PatientDateRecognizer, "baby Kayla's arrival on Labor Day!", ["Labor Day"]),
    (PatientDateRecognizer, "Discharged today, just in time for Christmas.", []),
    (PatientDateRecognizer, "Our clinics are closed on Christmas Day.", []),
    (
        PatientDateRecognizer,
        "a man brought to our Emergency Department unresponsive on Wednesday, Nov. 5.",
        ["Wednesday, Nov. 5"],
    ),
    (
        PatientDateRecognizer,
        "Dolores was brought in by her neighbor on Friday, Aug. 8.",
        ["Friday, Aug. 8"],
    ),
    (PatientDateRecognizer, "Lloyd after his final session Friday, Aug. 22.", ["Friday, Aug. 22"]),
    (PatientDateRecognizer, "Join our training session on Friday, Aug. 22.", []),
    (PatientDateRecognizer, "Our new Behavioral Health ED opens Monday, May 6.", []),
    (
        PatientDateRecognizer,
        "On Friday, Aug. 8, Dolores Whitcombe was brought in by her neighbor.",
        ["Friday, Aug. 8"],
    ),
    (
        PatientDateRecognizer,
        "Our golf classic on Monday, June 9, brought together 144 golfers.",
        [],
    ),
    (PatientDateRecognizer, "3/17 admit, 3/31 discharge, and Siobhan wore green", ["3/17", "3/31"]),
    (PatientDateRecognizer, "Sober date: 04.17.2019 🗓️ Five years ago today", ["04.17.2019"]),
    # a life's dates, years apart
    (
        PatientDateRecognizer,
        "We remember Wendell Jory (May 2, 1934 – Nov. 14, 2024).",
        ["May 2, 1934", "Nov. 14, 2024"],
    ),
    (PatientDateRecognizer, "Open enrollment (Oct. 15, 2024 – Dec. 7, 2024).", []),
    (PatientDateRecognizer, "Florence Nightingale (May 12, 1820 – August 13, 1910)", []),
    # dates in other languages' forms, tied to a patient's event in that language
    (PatientDateRecognizer, "许家豪小朋友2月14日出生时只有28周", ["2月14日"]),
    (PatientDateRecognizer, "제 남편이 8월 15일 뇌졸중으로 쓰러졌을 때", ["8월 15일"]),
    (PatientDateRecognizer, "Маленькая Алиса родилась 28 декабря", ["28 декабря"]),
    (PatientDateRecognizer, "وُلد يوسف في ١٤ مارس بوزن ٩٠٠ غرام", ["١٤ مارس"]),
    (PatientDateRecognizer, "Bà ở khoa từ ngày 3 tháng 2 sau ca mổ hông", ["ngày 3 tháng 2"]),
    (
        PatientDateRecognizer,
        "stable na siya pagkatapos ng operasyon noong Martes, Agosto 6",
        ["Martes, Agosto 6"],
    ),
    (PatientDateRecognizer, "ti bebe li Woodley, ki fèt 15 out nan Sant Fanm nou an", ["15 out"]),
    (PatientDateRecognizer, "Xaliimo ayaa 26-kii Sebtembar dhashay gabadh", ["26-kii Sebtembar"]),
    (
        PatientDateRecognizer,
        "Quand Sylvain a subi un AVC le 4 mars, chaque minute comptait.",
        ["4 mars"],
    ),
    (PatientDateRecognizer, "Mała Zosia urodziła się 4 listopada", ["4 listopada"]),
    (PatientDateRecognizer, "Оленку виписали додому 22 листопада", ["22 листопада"]),
    (PatientDateRecognizer, "Heinz wurde am 2. Oktober eingeliefert", ["2. Oktober"]),
    (PatientDateRecognizer, "Wellington foi operado em 3 de março", ["3 de março"]),
    (PatientDateRecognizer, "Mwanaisha alilazwa tarehe 3 Machi", ["tarehe 3 Machi"]),
    (PatientDateRecognizer, "آرمان در ۳ نوامبر بستری شد", ["۳ نوامبر"]),
    (PatientDateRecognizer, "بهروز ۲۸ بهمن جراحی شد", ["۲۸ بهمن"]),
    (PatientDateRecognizer, "عمران کو 14 فروری کو داخل کیا گیا", ["14 فروری"]),
    (PatientDateRecognizer, "রহিমা খাতুন ১২ মার্চ ভর্তি হন", ["১২ মার্চ"]),
    (PatientDateRecognizer, "२०८१ साउन ५ गते जन्म भएको", ["२०८१ साउन ५ गते"]),
    (PatientDateRecognizer, "ናሆም ጥር 11 ተወለደ", ["ጥር 11"]),
    (PatientDateRecognizer, "陽翔くんは令和6年5月5日に誕生しました", ["令和6年5月5日"]),
    (PatientDateRecognizer, "Szczepienia 4 listopada w przychodni", []),
    (PatientDateRecognizer, "Impfaktion am 2. Oktober im Gemeindezentrum", []),
    (PatientDateRecognizer, "Vacinação 3 de março na clínica", []),
    (PatientDateRecognizer, "截至11月8日全市已有1,204例确诊。", []),
    # Hebrew: the month takes the prefix "in", the day "in-" ("ב-14 באוגוסט")
    (PatientDateRecognizer, "שנפטר ב-14 באוגוסט. יהי זכרו ברוך", ["14 באוגוסט"]),
    (PatientDateRecognizer, "התאומים נולדו ב-2 בפברואר בשבוע 29", ["2 בפברואר"]),
    (PatientDateRecognizer, "סדר פסח קהילתי ב-14 באפריל בקפלה", []),
    (PatientDateRecognizer, "He's been on 4 West since his Nov. 1 injury.", ["Nov. 1"]),
    # a month and its year with a diagnosis, a discharge in Russian
    (
        PatientDateRecognizer,
        "Recibió su diagnóstico de diabetes en marzo de 2023.",
        ["marzo de 2023"],
    ),
    (PatientDateRecognizer, "W listopadzie 2023 usłyszał diagnozę.", ["listopadzie 2023"]),
    (PatientDateRecognizer, "Выписана 28 февраля, уже ходит.", ["28 февраля"]),
    (PatientDateRecognizer, "La feria de salud es en marzo de 2025.", []),
    (PatientDateRecognizer, "Join her March 3 webinar on safe sleep.", []),
    (PatientDateRecognizer, "Le 20 mars dernier, nous avons inauguré notre nouveau plateau.", []),
    (PatientDateRecognizer, "After surgery, 15 out of 20 patients walked the same day.", []),
    (PatientDateRecognizer, "Vaccination clinic on 9 мая at the community centre.", []),
    # a weekday before a day/month date, as Australian and British posts write it
    (PatientDateRecognizer, "paid our ED a visit on Saturday 16/8", ["Saturday 16/8"]),
    (PatientDateRecognizer, "Valda turned 95 on Monday 11/8 and waltzed", ["Monday 11/8"]),
    (PatientDateRecognizer, "Flu clinic on Saturday 16/8 from 9 to 12", []),
    (PatientDateRecognizer, "è stato operato il 4 marzo ed è già tornato a casa", ["4 marzo"]),
    (PatientDateRecognizer, "Acil servisimize 3 Şubat sabahı getirilen hasta", ["3 Şubat"]),
    (PatientDateRecognizer, "μεταφέρθηκε στα Επείγοντα στις 4 Δεκεμβρίου", ["4 Δεκεμβρίου"]),
    (PatientDateRecognizer, "وُلدت ليان صباح ٢٠ تموز ٢٠٢٤ بوزن ٣٫٤ كغ", ["٢٠ تموز ٢٠٢٤"]),
    (PatientDateRecognizer, "சிவகுமார் பிப்ரவரி 2 அன்று அமைதியாகக் காலமானார்", ["பிப்ரவரி 2"]),
    (PatientDateRecognizer, "今年初佢成為咗病人，三月十四日喺紓緩病房安詳離世", ["三月十四日"]),
    (PatientDateRecognizer, "Chiều thứ Sáu 17/1, bác Sáu ngã quỵ khi đang chờ xe buýt", ["17/1"]),
    # a wedding on the ward, a crash or fire the date names; not a fire station's event
    (
        PatientDateRecognizer,
        "On Saturday, June 8, Walter Briggs, 92, married his partner",
        ["Saturday, June 8"],
    ),
    (
        PatientDateRecognizer,
        "to our burn center after the Feb. 17 house fire on Cedar Road",
        ["Feb. 17"],
    ),
    (PatientDateRecognizer, "Car seat check Saturday May 3, 10am-2pm at Lakeview Fire Station", []),
    # more of a patient's story in those languages: fell, born, passed away, brought in
    (PatientDateRecognizer, "Am 22. Juni stürzte Maximilian mit seinem Motorrad", ["22. Juni"]),
    (PatientDateRecognizer, "nach ihrer Hüft-OP am 3. Februar", ["3. Februar"]),
    (PatientDateRecognizer, "Mała Zosia przyszła na świat 1 stycznia o 0:17", ["1 stycznia"]),
    (PatientDateRecognizer, "Lolo Isidro ay mapayapang pumanaw noong Nobyembre 2", ["Nobyembre 2"]),
    (PatientDateRecognizer, "Waxay dhalatay 15-ka Maarso", ["15-ka Maarso"]),
    (PatientDateRecognizer, "Bác đến khám ngày 12 tháng 3", ["ngày 12 tháng 3"]),
    (PatientDateRecognizer, "पिताजी को 2 अक्टूबर को यहाँ लाए थे", ["2 अक्टूबर"]),
    (PatientDateRecognizer, "Jean-Guy s'est éteint paisiblement le 8 avril 2025", ["8 avril 2025"]),
    (PatientDateRecognizer, "Transplantationstag am Samstag, 14. Juni, im Hörsaal 1", []),
    (PatientDateRecognizer, "our nurses will be at the Rosetown Co-op on Sept 4", []),
    # an event's day and a statistic's, with no patient's event near them
    (PatientDateRecognizer, "Giornata della salute il 4 marzo in piazza, ingresso libero", []),
    (PatientDateRecognizer, "截至11月8日全市已有1,204例确诊。", []),
    # Hebrew: the month takes the prefix "in", the day "in-" ("ב-14 באוגוסט")
    (PatientDateRecognizer, "שנפטר ב-14 באוגוסט. יהי זכרו ברוך", ["14 באוגוסט"]),
    (PatientDateRecognizer, "התאומים נולדו ב-2 בפברואר בשבוע 29", ["2 בפברואר"]),
    (PatientDateRecognizer, "סדר פסח קהילתי ב-14 באפריל בקפלה", []),
    # street addresses (whose address it is is judged by the engine)
    (
        StreetAddressRecognizer,
        "sent to her home at 214 Willow Creek Lane",
        ["214 Willow Creek Lane"],
    ),
    (StreetAddressRecognizer, "We have 3 ICUs and 412 beds.", []),
    # numbered streets, rural roads and a direction before the street
    (StreetAddressRecognizer, "drop it at the Janssen farm, 41870 286th St", ["41870 286th St"]),
    # (the engine keeps the wider of two overlapping readings)
    (
        StreetAddressRecognizer,
        "his place at 2270 County Road 14 first",
        ["2270 County Road", "2270 County Road 14"],
    ),
    (StreetAddressRecognizer, "corrected to 2215 W. Palmer St, Apt 3B", ["2215 W. Palmer St"]),
    (StreetAddressRecognizer, "Our 2nd floor and 3rd floor lounges reopen", []),
    # social handles
    (
        SocialHandleRecognizer,
        "@kelly_brandt88 we're so sorry your mom waited. Please DM us.",
        ["@kelly_brandt88"],
    ),
    (
        SocialHandleRecognizer,
        "@brendaloo_yyc the glitch that showed your Jan 29 lab results as pending is fixed.",
        ["@brendaloo_yyc"],
    ),
    (SocialHandleRecognizer, "@brendaloo_yyc the glitch that showed lab results is fixed.", []),
    (SocialHandleRecognizer, "@danny_reyes hope your knee is healing well!", ["@danny_reyes"]),
    (SocialHandleRecognizer, "Thank you @CDCgov and @NYCHealthy for joining our panel.", []),
    (SocialHandleRecognizer, "@CDCgov thanks for the updated flu data.", []),
    (
        SocialHandleRecognizer,
        "@KaranjaMuthoni Happy to hear the baby is feeding well! See you at the 6-week clinic.",
        ["@KaranjaMuthoni"],
    ),
    (SocialHandleRecognizer, "@MetroTransit Happy to hear the new bus line opens Monday!", []),
    # names that the wording marks as a patient's or relative's
    # given name and surname from the Census lists
    (KnownNameRecognizer, "✨ Ethan Park woke up after 10 days", ["Ethan Park"]),
    (KnownNameRecognizer, "Meet Jordan Ellis, NP, who runs", ["Jordan Ellis"]),
    (KnownNameRecognizer, "Maria T. Lopez went home", ["Maria T. Lopez"]),
    (KnownNameRecognizer, "to Mary Smith-Jones's family", ["Mary Smith-Jones"]),
    (KnownNameRecognizer, "Mark Your Calendars for Will Power Day", []),
    (KnownNameRecognizer, "Join us at Grace Hall", []),
    (KnownNameRecognizer, "ethan park woke up", []),
    # modern given names open places' names too: the pair recognizer keeps to the Census list
    (KnownNameRecognizer, "speaking at the summit in San Diego", []),
    (KnownNameRecognizer, "Thank you to Halsey Fire & Rescue", []),
    # relatives named in other languages
    (PatientNameRecognizer, "Con gái bà, chị Hương, mang bánh bò đến", ["Hương"]),
    (PatientNameRecognizer, "他的儿子陈伟说：翻译让我们安心", ["陈伟"]),
    (PatientNameRecognizer, "爸爸許志偉、媽媽蔡宜珊，辛苦了", ["許志偉", "蔡宜珊"]),
    (
        PatientNameRecognizer,
        "Мама Екатерина Смирнова и папа Дмитрий благодарят",
        ["Дмитрий", "Екатерина Смирнова"],
    ),
    (PatientNameRecognizer, "شكراً لوالدته ريم التي لم تغب", ["ريم"]),
    (PatientNameRecognizer, "ਉਹਨਾਂ ਦੇ ਪੁੱਤਰ ਹਰਜੀਤ ਅਤੇ ਨੂੰਹ ਮਨਪ੍ਰੀਤ ਨੇ", ["ਮਨਪ੍ਰੀਤ", "ਹਰਜੀਤ"]),
    (PatientNameRecognizer, "Hooyadiis Hodan ayaa tiri", ["Hodan"]),
    (PatientNameRecognizer, "Maraming salamat sa asawa niyang si Tessie!", ["Tessie"]),
    (PatientNameRecognizer, "Sa mère Josée nous a écrit une lettre", ["Josée"]),
    (PatientNameRecognizer, "따님 김지은 씨가 떡을 가져오셨어요", ["김지은"]),
    (PatientNameRecognizer, "아드님 번호로 (323) 555-2847만 기억하시는데", []),
    # titles of office before 님: a mayor, a director of nursing, a councillor
    (PatientNameRecognizer, "오늘 정혜원 시장님과 시의원님들이 센터를 방문하셨습니다", []),
    (PatientNameRecognizer, "오미경 간호부장님이 이번 달 정년퇴임하십니다", []),
    (PatientNameRecognizer, "박순자님이 오늘 퇴원하셨어요", ["박순자"]),
    (PatientNameRecognizer, "Sa mission: soigner tout le monde", []),
    (PatientNameRecognizer, "discharge paperwork for Mr. Okafor is ready", ["Mr. Okafor"]),
    # the whole name after a title, up to a possessive, with a Malay patronymic; the titles of
    # Malaysia, Indonesia, Thailand and South India
    (PatientNameRecognizer, "Happy 100th to Mrs. Ida Mae Collier!", ["Mrs. Ida Mae Collier"]),
    (
        PatientNameRecognizer,
        "Encik Mohd Razali bin Kassim, 58, collapsed on court",
        ["Encik Mohd Razali bin Kassim"],
    ),
    (PatientNameRecognizer, "Ibu Wartini has been drawing since she was 12", ["Ibu Wartini"]),
    (PatientNameRecognizer, "Khun Malee finished chemo today", ["Khun Malee"]),
    (PatientNameRecognizer, "Thiru K. Ramasamy walked out of our ICU", ["Thiru K. Ramasamy"]),
    (PatientNameRecognizer, "Madam Ng Ah Moi is 98", ["Madam Ng Ah Moi"]),
    (
        PatientNameRecognizer,
        "a pilgrim from Nigeria, Alhaji Lawan Gambo, was brought to us",
        ["Alhaji Lawan Gambo"],
    ),
    (PatientNameRecognizer, "Thank you for letting us share your day, Ato Abebe.", ["Ato Abebe"]),
    # farewell in Australia and New Zealand opens a line; a place called Vale does not
    (PatientNameRecognizer, "Vale Beryl Thompson.\n\nBeryl volunteered", ["Beryl Thompson"]),
    (PatientNameRecognizer, "Our Vale Park clinic opens Monday", []),
    (
        PatientNameRecognizer,
        "showed Mr. Reynaldo Bautista's PhilHealth ID",
        ["Mr. Reynaldo Bautista's"],
    ),
    (PatientNameRecognizer, "Her daughter Mai made cupcakes", ["Mai"]),
    (PatientNameRecognizer, "welcome twins Arjun and Anaya today", ["Arjun and Anaya"]),
    (PatientNameRecognizer, "nana ruth finally met her great-grandchild", ["nana ruth"]),
    (PatientNameRecognizer, "Prayers for our patient 李明华 and family", ["李明华"]),
    (
        PatientNameRecognizer,
        "Keep her in your thoughts #PrayForMariaSantos",
        ["PrayForMariaSantos"],
    ),
    (PatientNameRecognizer, "Heart warrior #LeoStrong", ["LeoStrong"]),
    (PatientNameRecognizer, "jayden morales, 7, finished chemo", ["jayden morales"]),
    (PatientNameRecognizer, "Happy Nurses Week! #NursesStrong #TeamNICU", []),
    (PatientNameRecognizer, "Proud of our housekeepers #TeamStMarys", []),
    (PatientNameRecognizer, "Our ED cared for Olamide Adeyemi after the game", ["Olamide Adeyemi"]),
    (PatientNameRecognizer, "We cared for more than 300 families", []),
    (PatientNameRecognizer, "Great news! Kenji is home after his appendectomy", ["Kenji"]),
    (PatientNameRecognizer, "🔔 Keisha Brown finished 6 months of treatment", ["Keisha Brown"]),
    (PatientNameRecognizer, "The team finished the marathon", []),
    (PatientNameRecognizer, "Today is home opener day", []),
    (PatientNameRecognizer, 'Ikechukwu ("Ike") tore his ACL in the semifinal', ["Ikechukwu"]),
    (PatientNameRecognizer, "congrats to lorenzo and his mom on going home", ["lorenzo"]),
    (PatientNameRecognizer, "valentina ríos has been with us in bed 22", ["valentina ríos"]),
    (PatientNameRecognizer, "the nurse and her mom baked cookies", []),
    (PatientNameRecognizer, "love to room 5 #prayforemmawilson", ["prayforemmawilson"]),
    (PatientNameRecognizer, "#prayforpeace #teamwork", []),
    (PatientNameRecognizer, "#FuerzaValentina 💜", ["FuerzaValentina"]),
    (PatientNameRecognizer, "Go Warriors! #DubNation", []),
    (PatientNameRecognizer, "Hi Sunita! We couldn't find your portal request.", ["Sunita"]),
    (PatientNameRecognizer, "Hello Columbus! Join us for the Heart Walk.", []),
    (PatientNameRecognizer, "a card from Inês Carvalho and her son", ["Inês Carvalho"]),
    (PatientNameRecognizer, "Family of Yusuf Darwish: the pump is safe", ["Yusuf Darwish"]),
    (PatientNameRecognizer, "big thanks to ravi in bed 9 for the chai", ["ravi"]),
    (PatientNameRecognizer, 'whiteboard: "J. Nakamura Rm 4417"', ["J. Nakamura"]),
    (PatientNameRecognizer, "the man in bed 9 is recovering", []),
    (PatientNameRecognizer, "Conference Room 4 at noon", []),
    (PatientNameRecognizer, "It was worth it. Feel better soon, Hiroshi!", ["Hiroshi"]),
    (PatientNameRecognizer, "Rest easy, Bernie 💐", ["Bernie"]),
    (PatientNameRecognizer, "Fly high Marisol, we miss you", ["Marisol"]),
    (PatientNameRecognizer, "Welcome to the world, Ishaan and Anaya!", ["Ishaan and Anaya"]),
    (PatientNameRecognizer, "Happy birthday to our NICU grad Tavita!", ["Tavita"]),
    (PatientNameRecognizer, 'wristband: "HOLLOWAY, GRETA  DOB 03/14/1941"', ["HOLLOWAY, GRETA"]),
    (PatientNameRecognizer, "USA, CANADA and MEXICO teams", []),
    (PatientNameRecognizer, "Sione Tupou turns 104 this Sunday", ["Sione Tupou"]),
    (
        PatientNameRecognizer,
        "In 2024, Olumide Adeyemi was flown to our Trauma Center",
        ["Olumide Adeyemi"],
    ),
    (PatientNameRecognizer, "Go Min-jun! He finished radiation today", ["Min-jun"]),
    (PatientNameRecognizer, "Go Team! Our 5K raised $20,000", []),
    (PatientNameRecognizer, "keeps asking for nurse kayla — tasha, his mom", ["tasha"]),
    (PatientNameRecognizer, "St. Brigid's turns 100 this year!", []),
    (PatientNameRecognizer, "#TeamScience #GoRed #TeamMaria", ["TeamMaria"]),
    (PatientNameRecognizer, "#GrandpaJoe turned 99 on Ward 2 today", ["GrandpaJoe"]),
    (PatientNameRecognizer, "#StayStrongMeena #StayStrongNurses", ["StayStrongMeena"]),
    (
        PatientNameRecognizer,
        "Thank you for the love for #GetWellSoonAnanya and #RestEasyJaylen",
        ["GetWellSoonAnanya", "RestEasyJaylen"],
    ),
    (
        PatientNameRecognizer,
        "Our hearts are with them #JaylenBrooksForever",
        ["JaylenBrooksForever"],
    ),
    (PatientNameRecognizer, "Adopted at last! #HomeForever #GetWellSoon", []),
    # a name no list holds, wrapped by a support prefix and suffix
    (PatientNameRecognizer, "Wearing green for #TeamZorvexStrong today", ["TeamZorvexStrong"]),
    (PatientNameRecognizer, "Wearing green for #TeamZorvex today", []),
    # modern given names the 1990 Census lacks, from the SSA baby-name files
    (PatientNameRecognizer, "Wearing green for #TeamLiam today", ["TeamLiam"]),
    (PatientNameRecognizer, "Wearing green for #TeamVihaan today", ["TeamVihaan"]),
    # accented names, and support hashtags that tell of a homecoming, a walk or a fundraiser
    (PatientNameRecognizer, "Go n-éirí an t-ádh leat! #TeamOisín", ["TeamOisín"]),
    (PatientNameRecognizer, "See you soon, buddy #MaddoxTheBrave", ["MaddoxTheBrave"]),
    (PatientNameRecognizer, "Home for Thanksgiving #KofiComesHome", ["KofiComesHome"]),
    (PatientNameRecognizer, "Green for #MiguelsMiracle today", ["MiguelsMiracle"]),
    (PatientNameRecognizer, "6 rounds of chemo #AhmadVsCancer", ["AhmadVsCancer"]),
    (PatientNameRecognizer, "Honk loud! #LilysParade", ["LilysParade"]),
    (PatientNameRecognizer, "His family shared his story. #EthansGift", ["EthansGift"]),
    (PatientNameRecognizer, "Joyeux anniversaire! #BonneFêteLucienne", ["BonneFêteLucienne"]),
    (PatientNameRecognizer, "#HappyBirthdayNHS #WorldVsCancer #GiftOfLife #HolidayParade", []),
    (PatientNameRecognizer, "They raised $22,315 at #SkateForTheo", ["SkateForTheo"]),
    (PatientNameRecognizer, "#WalkForHope #ChristmasMiracle #ChristmasComesHome", []),
    # a given name with an initial, and the bell at the end of treatment
    (PatientNameRecognizer, "Got the call! #GotTheCall #TeamBobbyK", ["TeamBobbyK"]),
    (PatientNameRecognizer, "Last chemo! #RickRingsTheBell", ["RickRingsTheBell"]),
    (PatientNameRecognizer, "#TeamRN #TeamICU #NurseRingsTheBell", []),
    # an army, a crew, "strong like", "fuerte": only with a given name (not #BTSArmy)
    (PatientNameRecognizer, "He did. She did. 🦄 #XimenasArmy", ["XimenasArmy"]),
    (PatientNameRecognizer, "his NEW KIDNEY 🎉 #CalebsCrew", ["CalebsCrew"]),
    (PatientNameRecognizer, "#StrongLikeSofia #ConcussionRecovery", ["StrongLikeSofia"]),
    (PatientNameRecognizer, "¡Fuerza, Julián! #JuliánFuerte", ["JuliánFuerte"]),
    (PatientNameRecognizer, "Félicitations ! #ÉloïseForte", ["ÉloïseForte"]),
    (PatientNameRecognizer, "#BTSArmy #MomsArmy #NurseCrew #StrongLikeMom #ForçaBarça", []),
    # support hashtags written in the name's own script: a cheer or a prayer with the name
    (PatientNameRecognizer, "Мы болеем за тебя! #АртёмВперёд", ["АртёмВперёд"]),
    (PatientNameRecognizer, "#Реабілітація #ТримайсяОлеже", ["ТримайсяОлеже"]),
    (PatientNameRecognizer, "مبروك لوالديها! #ليلى_البطلة", ["ليلى_البطلة"]),
    (PatientNameRecognizer, "#دعواتكم_لعمر 🤲", ["دعواتكم_لعمر"]),
    (PatientNameRecognizer, "#قوی_باش_آرمان #ChildhoodCancer", ["قوی_باش_آرمان"]),
    (PatientNameRecognizer, "소아암 병동에서 #힘내라도윤 #소아암", ["힘내라도윤"]),
    (PatientNameRecognizer, "건강하세요! #이순자할머니", ["이순자할머니"]),
    (PatientNameRecognizer, "回学校也要继续加油！#小宇加油", ["小宇加油"]),
    (PatientNameRecognizer, "#为小宇加油#", ["为小宇加油"]),
    (PatientNameRecognizer, "#中風康復 #永伯加油", ["永伯加油"]),
    (PatientNameRecognizer, "#ጸሎት_ለዮሐንስ", ["ጸሎት_ለዮሐንስ"]),
    (PatientNameRecognizer, "#आरव_के_लिए_दुआ", ["आरव_के_लिए_दुआ"]),
    (PatientNameRecognizer, "#ΧρόνιαΠολλάΔημήτρη", ["ΧρόνιαΠολλάΔημήτρη"]),
    (PatientNameRecognizer, "#がんばれハルト #小児外科", ["がんばれハルト"]),
    # a city's or a country's cheer, thanks to defenders, a cheer with no name
    (PatientNameRecognizer, "#武汉加油 #中国加油 #加油 #抗癌勇士", []),
    (PatientNameRecognizer, "#ДякуюЗахисникам #ДетиПобеждают #ЗдоровьеСердца", []),
    (PatientNameRecognizer, "#الكشف_المبكر #صحة_المرأة #힘내 #がんばったね", []),
    # Chinese runs on without spaces; Korean names are words of two or three syllables
    (PatientNameRecognizer, "祝王秀英奶奶95岁生日快乐！", ["王秀英"]),
    (PatientNameRecognizer, "陈国华爷爷今天出院了", ["陈国华"]),
    (PatientNameRecognizer, "김순자 할머니의 100세 생신을 축하드립니다!", ["김순자"]),
    (PatientNameRecognizer, "1924년 평안북도에서 태어나신 할머니는", []),
    (PatientNameRecognizer, "우리 할머니께 감사드립니다", []),
    (PatientNameRecognizer, "田中ハル様が100歳の誕生日を迎えられました", ["田中ハル"]),
    (PatientNameRecognizer, "Sione is heading home today!", ["Sione"]),
    (PatientNameRecognizer, "Heading home today? Check the parking app.", []),
    (PatientNameRecognizer, "Happy 1st birthday to Ava and Ella! 🎈", ["Ava and Ella"]),
    (PatientNameRecognizer, "Happy 100th birthday to US!", []),
    (PatientNameRecognizer, "a liver transplant for Adaeze Okonkwo, 34", ["Adaeze Okonkwo"]),
    (PatientNameRecognizer, "Happy birthday, Lola Remedios!", ["Lola Remedios"]),
    (PatientNameRecognizer, "the giraffe left in bed 14 on Peds", []),
    (PatientNameRecognizer, "Ran a marathon after a shift! #NurseStrong", []),
    (PatientNameRecognizer, "Agnieszka's husband: your car is being towed", ["Agnieszka"]),
    (
        PatientNameRecognizer,
        "Reminder for DeShawn Price: please bring the discharge packet",
        ["DeShawn Price"],
    ),
    (PatientNameRecognizer, "Update for Pauline: we can't mail your records yet", ["Pauline"]),
    (PatientNameRecognizer, "Gloria, please delete the photo of your Medicare card", ["Gloria"]),
    (PatientNameRecognizer, "Columbus, we are ready for the Heart Walk!", []),
    (PatientNameRecognizer, "NICU grads Amara and Zuri went home!", ["Amara and Zuri"]),
    (PatientNameRecognizer, "little eli rang the bell today!!! #elistrong", ["eli", "elistrong"]),
    (
        PatientNameRecognizer,
        "when lily rang the bell today we cried. go lily!! chemo done",
        ["lily", "lily"],
    ),
    (PatientNameRecognizer, "We're so glad Aiden is feeling better!", ["Aiden"]),
    (PatientNameRecognizer, "played for Jayden, who's been recovering here", ["Jayden"]),
    (PatientNameRecognizer, "Elijah came to his infusion dressed as Black Panther", ["Elijah"]),
    (PatientNameRecognizer, "Support our survivors! #SurvivorStrong", []),
    (
        PatientNameRecognizer,
        "Meet Amara and Kofi, our NICU twins who went home",
        ["Amara and Kofi"],
    ),
    (PatientNameRecognizer, "My patient in Rm 4417, a former pilot named Walt, told me", ["Walt"]),
    (PatientNameRecognizer, "Our new therapy dog is named Biscuit!", []),
    (
        PatientNameRecognizer,
        "baby ezra made it home and his big sister hazel made a banner",
        ["ezra", "hazel"],
    ),
    (PatientNameRecognizer, "we'll miss you little man", []),
    (PatientNameRecognizer, "¡Feliz cumpleaños, Doña Carmen!", ["Doña Carmen"]),
    (PatientNameRecognizer, "congratulations to Aroha Ngata and whānau", ["Aroha Ngata"]),
    (PatientNameRecognizer, "ringing the bell today! #PrayersForMaya", ["PrayersForMaya"]),
    (PatientNameRecognizer, "Meet Mateo Ramírez, age 6, our LEGO architect!", ["Mateo Ramírez"]),
    (PatientNameRecognizer, "happy 90th birthday, agnes!!", ["agnes"]),
    (
        PatientNameRecognizer,
        "thank you to agnes mcleod's family for the shortbread",
        ["agnes", "agnes mcleod"],  # thanked, and a relative's patient: the widest is reported
    ),
    (
        PatientNameRecognizer,
        "Thank you, Terrence. We hid your Social Security number.",
        ["Terrence"],
    ),
    (
        PatientNameRecognizer,
        "In our NICU, Ava and Isla were discharged on 14 June",
        ["Ava and Isla"],
    ),
    (PatientNameRecognizer, "got schooled at Uno by 7-year-old Kai", ["Kai"]),
    (PatientNameRecognizer, "恭喜 张伟 先生今天顺利出院", ["张伟"]),
    (PatientNameRecognizer, "3月8日出院的陈建国先生，今天和女儿陈丽女士一起", ["陈丽", "陈建国"]),
    (PatientNameRecognizer, "治疗很顺利。陈先生说谢谢", ["陈"]),
    (PatientNameRecognizer, "请联系其儿子刘伟先生：138 2741 5096", ["刘伟"]),
    (PatientNameRecognizer, "鄭伯伯喺急症室留低咗一個銀包", ["鄭"]),
    (PatientNameRecognizer, "祝奶奶福如东海、寿比南山！", []),
    (PatientNameRecognizer, "40歲以上有家族史嘅女士亦可向家庭醫生查詢", []),
    (
        PatientNameRecognizer,
        "our biggest fan, Amara Okonkwo, who's been cheering from Room 5B-17",
        ["Amara Okonkwo"],
    ),
    (PatientNameRecognizer, "threw a little party in Room 412", []),
    (PatientNameRecognizer, "Nadia, your dad Karim was a joy to care for.", ["Karim", "Nadia"]),
    (PatientNameRecognizer, "Our patient experience team will follow up.", []),
    (PatientNameRecognizer, "grandma is visiting on Sunday", []),
    (
        PatientNameRecognizer,
        "ty to all who prayed for pops aka walter dunleavy",
        ["walter dunleavy"],
    ),
    (
        PatientNameRecognizer,
        "Captain Liam (aka Liam Beauchamp, age 5) saved the day",
        ["Liam Beauchamp"],
    ),
    (PatientNameRecognizer, "Our sepsis team, also known as the rapid response crew", []),
    (PatientNameRecognizer, "the infection known as sepsis kills", []),
    # after a capitalised "Patient", a given name is a patient's; other words name a service
    (PatientNameRecognizer, "Patient Deborah Lin, Medicare number 1EG4", ["Deborah Lin"]),
    (PatientNameRecognizer, "our SVP of Quality & Patient Safety, Dr. Rosa Delgado", []),
    # a lower-case given name in an intensive care unit; not a word that is no name
    (PatientNameRecognizer, "stevie in the picu asked for a picture with our dog", ["stevie"]),
    (PatientNameRecognizer, "everyone in the picu asked for a picture with our dog", []),
    # a name spoken to with a wish or a prayer; triplets named in a list
    (PatientNameRecognizer, "Back on the ice next month. Keep rolling, Keiran!", ["Keiran"]),
    (PatientNameRecognizer, "We're praying for you, Deb and the kids. 🙏", ["Deb"]),
    (PatientNameRecognizer, "Stay strong and keep smiling, everyone!", []),
    (
        PatientNameRecognizer,
        "Triplets Ava, Ella and Noah Simmons celebrated their 5th birthday",
        ["Ava, Ella and Noah Simmons"],
    ),
    # Welsh grandparents
    (PatientNameRecognizer, "Mam-gu Olwen has been singing to the babies", ["Mam-gu Olwen"]),
    (PatientNameRecognizer, "His taid and nain were there to cheer him on!", []),
    # the name on a lost card or document
    (
        PatientNameRecognizer,
        "We found a Medicare card in the name of Stavros Kyriacou. If this is yours",
        ["Stavros Kyriacou"],
    ),
    (PatientNameRecognizer, "um Cartão do SUS em nome de Edvaldo Lima, nº 898", ["Edvaldo Lima"]),
    (PatientNameRecognizer, "оставлен полис ОМС на имя Зуевой Тамары, №", ["Зуевой Тамары"]),
    (PatientNameRecognizer, "دفترچه بیمه‌ای به نام معصومه کرمانی", ["معصومه کرمانی"]),
    (PatientNameRecognizer, "প্রেসক্রিপশন পাওয়া গেছে, রোগীর নাম শিউলি রানী দাস।", ["শিউলি রানী দাস"]),
    (PatientNameRecognizer, "Our thanks to everyone, in the name of the whole team", []),
    (PatientNameRecognizer, "বিনামূল্যে চক্ষু শিবির", []),
]


@pytest.mark.parametrize(
    ("recognizer_class", "text", "expected"),
    CASES,
    ids=[f"{case[0].__name__}-{index}" for index, case in enumerate(CASES)],
)
def test_recognizer_finds_identifiers_and_ignores_near_misses(
    recognizer_class: type[EntityRecognizer], text: str, expected: list[str]
) -> None:
    assert found(recognizer_class(), text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "age", "group"),
    [
        ("Для людей віком від 90 років сімейні лікарі проводять домашні візити", "90", True),
        ("Pazienti oltre i 95 anni: visite a domicilio", "95", True),
        ("الفحص مجاني لكل من عمر 90 عامًا فما فوق", "90", True),
        ("شرح ۹۸ فیصد تک پہنچائی", "۹۸", True),
        ("Hand hygiene compliance reached 98% this month", "98", True),
        ("'100세 시대', 건강한 노후는 예방접종에서 시작됩니다!", "100세", True),
        ("#100세시대 #근력운동", "100", True),
        ("Fifty staff cycled the 100km Connemara loop on Saturday", "100", True),
        ("Há 90 anos, a 15 de maio de 1935, o Hospital da Misericórdia abriu", "90 anos", True),
        ("Il y a 100 ans, trois Sœurs de la Providence ouvraient ici un hôpital", "100 ans", True),
        ("Menschen, die 90 Jahre oder älter sind", "90 Jahre", True),
        ("Doña Carmen nació hace 95 años en Oaxaca", "95 años", False),
        ("Wazee wa miaka 90 na zaidi: homa kidogo tu inaweza kuwa hatari", "miaka 90", True),
        # a count of cases, patients or beds
        ("identificamos 97 casos de câncer em estágio inicial", "97 casos de câncer", True),
        ("Our ED saw 96 patients on Saturday", "96", True),
        ("할머니께서 100세 생신을 맞으셨어요", "100세", False),
        # a model's span may hold the words after the number; an ordinal may count people
        ("شرح ۹۸ فیصد تک پہنچائی", "۹۸ فیصد", True),
        ("Our site just enrolled the 100th participant in the trial", "100th participant", True),
        ("Lt. Col. Foster completed her 100th dialysis session with us", "100th dialysis", True),
        ("102 years later, we're 412 beds and 3,900 employees.", "102 years later", True),
        ("Happy 100th birthday to US! 🎉", "Happy 100th birthday", True),
        ("Happy 250th birthday to the U.S. Navy! ⚓", "250th birthday", True),
        ("Happy 90th birthday to the Tāwhiti Hospital Auxiliary! 🎉", "90th birthday", True),
        ("Happy 90th birthday to our hospital volunteer, Pat!", "90th birthday", False),
        ("Happy 105th birthday to Mrs. Okafor! 🎉", "105th birthday", False),
        ("At 102 years young, she still walks the hall.", "102 years", False),
        ("Happy 100th birthday to Mary!", "100th birthday", False),
        ("Mrs. Kowalski turns 98 today!", "98", False),
        ("Оксана Петрівна святкує 95 років у палаті 4", "95", False),
    ],
)
def test_an_age_group_or_a_share_is_nobodys_age(text: str, age: str, group: bool) -> None:
    start = text.index(age)
    assert an_age_group(text, start, start + len(age)) == group


# Founded that many years before this year: the texts are written from today's date.
FOUNDED = date.today().year - 95


@pytest.mark.parametrize(
    ("text", "anniversary"),
    [
        (f"Gulf Pines Terrebonne turns 95 this month! 🎉 Since May {FOUNDED}, we've", True),
        (f"Our maternity unit turns 95 this month. We opened our doors in {FOUNDED}.", True),
        # in Spanish and Portuguese, with the year before or after
        (f"¡Cumplimos 95 años! El 12 de octubre de {FOUNDED} abrió sus puertas", True),
        (f"São 95 anos de história: o hospital foi fundado em {FOUNDED}.", True),
        (f"Maud turns 95 today! Since {FOUNDED - 20}, she has lived on Elm Street.", False),
        # a person's own year, told mid-sentence: the twins were born then
        (
            f"Opal and Ivy turned 95 today, as they have celebrated every year since {FOUNDED}.",
            False,
        ),
    ],
)
def test_an_institutions_anniversary_is_nobodys_age(text: str, anniversary: bool) -> None:
    start = text.index("95")
    assert an_anniversary(text, start, start + 2) == anniversary
    assert bool(AgeOver89Recognizer().analyze(text, ["AGE_OVER_89"])) != anniversary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Millbrook man whose red Ford F-150 rolled over on Route 9 is recovering in our ICU.",
            ["Millbrook", "red Ford F-150"],
        ),
        # Without the incident and the care, a hometown or a car is ordinary news.
        ("A Millbrook man donated a red Ford F-150 to our foundation raffle.", []),
        (
            "Our Millbrook clinic is recovering from the storm; parking lot crash barriers fixed.",
            [],
        ),
        # A named school narrows an injured patient down on its own.
        (
            "Coach Ramsey is recovering in our ICU after collapsing during the game. "
            "The Lincoln High community is behind you!",
            ["Lincoln High"],
        ),
        ("Students from Lincoln High School toured our new pediatric wing.", []),
        # A vehicle described by colour, year or model, in a crash and care story.
        (
            "A driver was pulled from a burning silver 2017 Subaru Outback; he is in our ICU.",
            ["silver 2017 Subaru Outback"],
        ),
        ("Our Ford Foundation grant funds trauma ICU care after a crash.", []),
        # One child's school in a story of their care, without any incident.
        (
            "He finished radiation today, and his classmates at Hawthorne Elementary sent cranes.",
            ["Hawthorne Elementary"],
        ),
        ("Hawthorne Elementary students sang for our radiation oncology team.", []),
        # A workplace or the town of an incident, in a story of injury and care.
        (
            "Our Burn Unit discharged a line cook from Mabel's Diner, weeks after a grease fire.",
            ["line cook from Mabel's Diner"],
        ),
        (
            "A motorcycle crash on Route 9 outside Fenwick; he is recovering in our ICU.",
            ["Fenwick"],
        ),
        ("A crash on Monday sent two people to our trauma ICU.", []),
        (
            "Callum (7) broke his arm falling off the climbing frame at St Ninian's Primary and "
            "was the bravest lad in A&E",
            ["St Ninian's Primary"],
        ),
        (
            "After Sunday's rollover, the red '98 F-150's driver is recovering here.",
            ["red '98 F-150"],
        ),
        # A school typed in lower case, not a phrase that ends in "high".
        (
            "deshawn from westfield high came back to see the trauma team after his crash",
            ["westfield high"],
        ),
        ("after the crash he was in our icu. plenty of snow up high, so ski safe", []),
        # A team named with one of its players, in a story of that player's care.
        (
            "Noa, 15, goalie for the Spruce Grove Saints U16, took a skate blade to the neck; "
            "he is recovering in our PICU",
            ["Spruce Grove Saints U16"],
        ),
        (
            "Deshawn, the Central Valley Cougars point guard, is recovering in our ICU and he "
            "says thanks",
            ["Central Valley Cougars"],
        ),
        (
            "He had surgery in December and his first game back with the Avon Orioles 8U is "
            "on Jan. 4!",
            ["Avon Orioles 8U"],
        ),
        # A team with no player of it in the post is the team's own news.
        ("The Avon Orioles toured our ICU today and he signed every cast.", []),
        # A hometown the way the news gives it, in a story of an incident.
        (
            "Tyler Brooks, 19, of Reporoa, was badly injured in a crash and spent three days in "
            "our ICU",
            ["Reporoa"],
        ),
        ("Dr. Anna Lee, 45, of Toronto, joins our surgery team; she trained at McGill.", []),
        # A family's hometown, with or without a word of care (a birth announcement has none).
        (
            "Welcome Mateo, 7 lbs 4 oz, to proud parents Daniela and Luis of Pasadena!",
            ["Pasadena"],
        ),
        ("The Begay family drove 90 minutes from Tohatchi for the hearing clinic.", ["Tohatchi"]),
        ("The family of Yusuf Demir thanks our ICU team.", []),
        ("Twins Isla and Rory went home from SCBU today!", []),
        (
            "The 47-year-old software engineer at Medtronic collapsed; he is recovering here.",
            ["engineer at Medtronic"],
        ),
        # More players and more words of care: a get-well wish, a flight in, a stroke.
        (
            "Get well soon to the Oak Ridge Pioneers QB hurt in Friday's game. Our ortho team "
            "has you covered!",
            ["Oak Ridge Pioneers"],
        ),
        (
            "He was flown to us after the crash, and on Saturday he pulled on the boots for the "
            "Warren Bulldogs reserve grade.",
            ["Warren Bulldogs"],
        ),
        # Not an employer: a word before a job; not a school: a college of a profession.
        ("Local teacher credits his students after his stroke: they called 911.", []),
        (
            "After her stroke she was named a Fellow of the American Academy of Orthotists.",
            [],
        ),
        # A mark on the body points at its bearer with no other word: an appeal to identify.
        (
            "Do you know her? She has short gray hair and a small rose tattoo on her left wrist.",
            ["small rose tattoo on her left wrist"],
        ),
        ("Ask the nurse with the butterfly tattoo about our tattoo-removal clinic.", []),
    ],
)
def test_identifying_details_need_the_whole_combination(text: str, expected: list[str]) -> None:
    assert found(IdentifyingDetailsRecognizer(), text) == sorted(expected)


def test_every_recognizer_documents_its_patterns_context_and_score() -> None:
    import policy.privacy.recognizers as package

    for name in package.__all__:
        if name == "healthcare_recognizers":
            continue
        module = __import__(getattr(package, name).__module__, fromlist=["_"])
        doc = (module.__doc__ or "").lower()
        assert "pattern" in doc and "context" in doc and "score" in doc, module.__name__


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Maria", True),  # the Census lists
        ("Liam", True),  # the SSA baby-name files: names given since 1990
        ("vihaan", True),
        ("Oksana", True),
        ("José", True),  # accents are read past
        ("Oisín", True),
        ("bên", False),  # but not a lower-case word's: Vietnamese "beside"
        ("Hope", False),  # a given name that is an everyday word
        ("Feliz", False),  # SSA records it, but it opens Spanish greetings
        ("siya", False),  # a Tagalog stop word
        ("Baby", False),  # an English word
        ("miss", False),  # in the Census list, but "miss odessa" is a title and a name
        ("Zorvex", False),
    ],
)
def test_given_names_include_modern_names_but_not_words(word: str, expected: bool) -> None:
    assert is_given_name(word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Text his sister Renee at 555-0163 to donate.", ["555-0163"]),
        ("Call her at (614) 555-0193 any time.", ["(614) 555-0193"]),
        ("Fill in Form 555-0163 before your visit, then call 555-210-4400.", ["555-210-4400"]),
    ],
)
def test_phone_numbers_include_local_numbers_after_a_word_of_calling(
    privacy_engine: PrivacyEngine, text: str, expected: list[str]
) -> None:
    found = privacy_engine.candidates(text)
    phones = {text[r.start : r.end] for r in found if r.entity_type == "PHONE_NUMBER"}
    assert sorted(phones) == expected
