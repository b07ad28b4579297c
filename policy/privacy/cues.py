"""Context words that tell a patient's identifier apart from a staff member's or the hospital's.

Recognizers and the engine share these vocabularies and the small helpers that read the words
around a match, so "our patient Rosa" and "Rosa Lopez, RN" are judged by the same rules.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator

from policy.lexicon import EMOJI


def vocabulary(words: str) -> frozenset[str]:
    """A set of cue words written as one whitespace-separated string."""
    return frozenset(words.split())


# The combining marks inside words: Latin accents written apart, Arabic and Hebrew vowel marks,
# and the vowel signs of the Indic scripts ("ਮਨਪ੍ਰੀਤ", "डॉक्टर"), which Python's \w does not
# count as letters; without them those words fall apart at every vowel sign.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u0900-\u0963\u0966-\u0dff"  # the Indic blocks, but not the danda, a full stop
)
_LETTER = rf"[^\W_]|[{_MARKS}]"
WORD = re.compile(rf"(?:{_LETTER})+(?:['’](?:{_LETTER})+)*", re.UNICODE)
# Japanese kana: a post holding them is Japanese, not Chinese, whose characters it shares.
HIRAGANA = re.compile(r"[\u3040-\u309f]")
# A word's end that holds for the Indic scripts too ("ਡਾ." ends at its vowel sign, where \b sees
# no boundary).
WORD_END = rf"(?!{_LETTER})"

# Words that put a person or a detail in a patient's story.
PATIENT_CUES = vocabulary(
    """patient admitted admission discharged discharge recovering recovery recovers recovered
    surgery operation transplant diagnosed diagnosis chemo chemotherapy radiation treatment
    rehab icu nicu picu ventilator coma stroke sepsis pneumonia injured injury crash accident
    fall fell born birthday baby newborn twins prayers praying pray thoughts fighter warrior
    survivor battle beat healing heal get-well bedside hospice palliative"""
)

# Words that tell of someone's care itself, not of wishes or programmes ("Healing Arts").
CARE_WORDS = vocabulary(
    """patient admitted discharged recovering recovery surgery operation transplant diagnosed
    chemo chemotherapy radiation treatment icu nicu picu ventilator coma stroke sepsis injured
    injury crash accident fracture fractured"""
)

# Family words: a name right after one of these belongs to a patient or a patient's relative.
KINSHIP = vocabulary(
    """mom mother mum mommy dad father daddy son daughter wife husband sister brother aunt
    auntie uncle cousin niece nephew grandma grandpa grandmother grandfather grandson
    granddaughter great-grandson great-granddaughter great-grandchild nana nanna papa abuela
    abuelo lola lolo granny parents fiancé fiancée partner baby little twins"""
)

# What a family calls its elders, written before their name ("Grandma Chen", "Lolo Ernesto",
# "Nain Gwladys"): a name after one of these is a patient's or a patient's relative's.
FAMILY_ELDERS = vocabulary(
    """grandma grandpa granny nana nanna abuela abuelo lola lolo nain taid mam-gu tad-cu thatha
    paati nanu dadi dadu thakuma nenek mbah popo"""
)

# Titles that a name recognizer may take into the name's span ("Dr. Raman", "Suor Angela").
TITLES_IN_A_NAME = vocabulary(
    """dr dra dre prof pr pre nurse mayor gov sen rep dott docteur doktor suor schwester sœur
    irmã enf डॉ डा ਡਾ ডা ডাঃ"""
)
# Titles written before the name of a clinician, an official or a public figure; also the
# last word of Vietnamese "bác sĩ", "y tá" (doctor, nurse) and "BS." (its abbreviation).
PUBLIC_TITLES = TITLES_IN_A_NAME | vocabulary(
    """doctor professor governor senator representative congresswoman congressman commissioner
    minister secretary premier councillor councilor cllr councilmember alderman sheriff judge
    chaplain pastor rabbi imam reverend rev ceo cfo coo cno cmo cio president chancellor dean
    director drs matron queen king prince princess duke duchess sir dame dottssa dottoressa
    professeur professeure professorin enfª oa dgkp bs sĩ tá doktè inf врач медсестра медбрат
    الدكتور الدكتورة الممرضة डॉक्टर डाक्टर ਡਾਕਟਰ ডাক্তার டாக்டர் மருத்துவர்
    mtra mtro lic mons monsignor vescovo obispo bispo biskup marszałek wojewoda burmistrz"""
)
# Ranks in their short forms: never a name ("Rest easy, Lt. Dale Hutchins"), but no sign of a
# public person either, as veterans and their families are patients too ("Sgt. Mike
# Petrowski (ret.), who spent his final days in our care").
RANKS = vocabulary("lt sgt capt cpl pvt pfc")
# Words that make a rank of several words ("Staff Sgt.", "Master Sgt.", "Sgt. Maj.", "Lt. Col."):
# part of the rank, not a job ("staff") that would make the name staff's.
RANK_WORDS = vocabulary("staff master tech technical first gunnery command maj col")

# Credentials written after a clinician's name ("Angela Torres, RN, BSN").
CREDENTIALS = vocabulary(
    """md do rn np pa pa-c phd dnp msn bsn mba mph facs facc faap cnm crna lpn pharmd dds dmd
    lcsw rd rrt pt dpt ot mha fache ibclc cna ccrn cpnp fnp aprn rph lmft lpc emt ms
    mt-bc ccls msw bcba slp ccc-slp atc cdces"""
)

# Nouns that name a job or a public office; near a name they mark staff or officials.
ROLE_WORDS = vocabulary(
    """chief director head president vice vp manager supervisor specialist surgeon physician
    counselor counsellor doctor nurse nurses pediatrician cardiologist oncologist neurologist
    neurosurgeon anesthesiologist radiologist psychiatrist psychologist therapist pharmacist midwife
    chaplain officer cmoh ceo cfo coo cno cmo cio chair chairman chairwoman dean professor
    researcher scientist resident fellow fellows intern technician tech housekeeper recruiter
    coordinator navigator educator administrator executive founder spokesperson spokeswoman
    spokesman volunteer volunteers donor donors sponsor speaker author artist mayor governor
    senator commissioner minister secretary surgeon-general hospitalist practitioner np md rn
    dog puppy mascot phlebotomist paramedic paramedics emt sonographer dietitian nutritionist
    receptionist porter transporter custodian clerk scribe doula preceptor perfusionist
    radiographer worker chef cook guard interpreter trustee trustees board staff staffer
    assistant hca cna cnm cns hsa warden courier wardsman wardsperson orderly dietician registrar
    coder biller scheduler dispatcher janitor
    employee colleague colleagues lecturer crew handler phd trainee postdoc co-author co-authors
    investigator preceptor physiotherapist physio anchor reporter journalist emcee mc host
    defenseman defender pitcher lead rt matron mannequin robot infirmière infirmier médecin
    docteure chef cheffe enfermera enfermero médico médica doctora directora educadora kaumātua
    kaumatua kuia enfermeira enfermeiro infermiera infermiere medico chirurgo primario primaria
    direttore direttrice directeur directrice cadre pédiatre pediatra psicóloga psicólogo
    psiquiatra psicologo cirujano cirujana cirurgião cirurgiã radiologen radioloog arzt ärztin
    oberarzt oberärztin chefarzt chefärztin pflegedirektorin pflegedirektor krankenschwester
    pfleger hebamme verpleegkundige pielęgniarka pielęgniarz lekarz ordynator kierownik
    oddziałowa celadora celador copeira jardineiro préposé préposée préposés travailleuses
    volontaria volontario voluntaria voluntario voluntária bénévole vrijwilliger assessore
    sindaco alcalde alcaldesa prefeito prefeita bürgermeister bürgermeisterin burgemeester
    collega colega collègue kollegin kollege compañera compañero studienleitung teamleitung
    interprète intérprete entèprèt enfimyè turjumaan turjumaanka dhakhtar kalkaaliso
    переводчик переводчика переводчица кардиолог терапевт педиатр مترجم مترجمة नर्स ਨਰਸ নার্স
    செவிலியர் presidente presidenta fundador fundadora comisionada comisionado concejal
    concejala diputado diputada promotora promotor empleada empleado radna radny radnej radnego
    secretaria secretario marszałek wojewoda burmistrz starosta prefetto vescovo obispo bispo
    biskup prezes dyrektor dyrektorka salowa xildhibaan xildhibaanad guddoomiye mwenyekiti
    시의원 의원 장관 수간호사 deputada deputado vereador vereadora senadora senador konseye majistra
    conseillère conseiller députée député mairesse inhalothérapeute infirmière-chef
    physiothérapeute ergothérapeute nutritionniste prosthetist orthotist aide aides valet
    cappellano cappellana aumônier aumônière capellán capelão pfarrer pfarrerin seelsorger
    seelsorgerin krankenhausseelsorger krankenhausseelsorgerin diakon diakonin
    إمام الإمام خطيب الشيخ شيخ قابلة القابلة ممرضة الممرضة ممرض الممرض طبيب الطبيب طبيبة الطبيبة
    مدير المدير مديرة المديرة أخصائية الأخصائية أخصائي الأخصائي
    دکتر پرستار مدیر سرپرست سرپرستی خیّر
    ڈاکٹر نرس وزیر سیٹھ ورکر
    лікар лікарка медсестра медбрат завідувач завідувачка капелан волонтер волонтерка
    kapitan konsehal doktora bhw psychologue psychologin psicologa psicologo психолог
    koordynatorka koordynator अधीक्षक komisè xubinta
    consultant consultants leader leaders"""
)

# Public roles outside the hospital: the person is public unless the sentence tells of their
# care ("Coach Ramsey, who is recovering in our ICU").
PUBLIC_FIGURES = vocabulary(
    """athlete player players goalkeeper forward quarterback coach star singer musician actor
    actress band winger striker midfielder"""
)

# Words that show a staff member in their job ("joins us", "named Employee of the Month").
STAFF_EVENTS = vocabulary(
    """joins joined hired hiring retirement retiring retire retires award awarded honoree appointed
    promoted staffed volunteered volunteering volunteers preceptor employee nominated
    poste nommé nommée retraite jubilación jubilado jubilada aposentadoria pensione
    pensionamento ruhestand emerytura emeryturę"""
)

# Words of a public figure's visit or gift; in a sentence about nobody's care they mark the
# people named as public ("Thanks to Stephen Curry for visiting our playroom").
PUBLIC_APPEARANCES = vocabulary(
    """visiting visited stopped signing autographs performed concert keynote gift gifts
    investing invested pledge pledged gala fundraiser fundraising raised ticket tickets
    listón fita ruban riban wstęgę ленточку donativo donación doação darowiznę"""
)

# Words after a capitalised name that make it a building, fund or organisation, not a person.
INSTITUTION_WORDS = vocabulary(
    """foundation fund center centre institute hospital clinic building pavilion wing hall
    auditorium lecture lectureship scholarship award prize trust library school college
    university street avenue road park memorial app calle avenida edificio sala blvd boulevard
    ave rd ln parkway pkwy highway hwy"""
)

# Words near a phone, e-mail or address that mark the organisation's own public contact.
ORG_CONTACT_CUES = vocabulary(
    """our us call line hotline helpline office desk clinic center centre department services
    appointment appointments book schedule fax faxed info information wait switchboard main
    records text toll-free located open opens campus suite registration held cooling parking
    entrance website visit rsvp email emailed questions enroll team feedback intake relations"""
)

# Words near a phone, e-mail or address that make it a person's own (relatives also in the
# posts' other languages: "sa kanyang nanay na si Marites: 0917 832 4410").
PERSONAL_CONTACT_CUES = vocabulary(
    """his her their patient patient's family husband wife son daughter mom dad mother father
    cell mobile personal home lives live house apartment reach sister brother familia famille
    farm ranch property driveway
    família familie rodzina
    hijo hija esposo esposa hermano hermana filho filha marido irmão irmã fils fille mari
    sohn tochter ehemann ehefrau figlio figlia marito moglie nanay tatay anak asawa kapatid
    oğlum oğlu kızım kızı trai gái syn córka mąż żona сын дочь муж жена γιος κόρη σύζυγος
    어머님 아버님 보호자 따님 아드님 छोराको छोरीको श्रीमानको श्रीमतीको बेटे बेटी पति पत्नी"""
)

# Words of programmes, departments and conditions, festivals, and thanks, greetings, days of
# observance, foundations, schools and shops in the posts' other languages ("Danke", "Feliz Día
# de la Enfermera", "Fondazione Rinaldi", "Pasticceria Di Lorenzo"), that spaCy sometimes takes
# for a name. Not "Eid", "Ramadan" or "Mubarak": they are surnames and given names too.
NOT_NAME_WORDS = vocabulary(
    """cancer cardiac cardiology heart vascular pulmonary rehab rehabilitation program programme
    trauma unit center centre clinic covid covid-19 flu influenza rsv nicu icu er ed emergency
    surgery health care hospital medical medicine pediatric pediatrics oncology maternity wellness
    nursing awareness month week day email call join visit text book register services
    financial office department team program residency info information relations suite lot
    garage desk floor tower lobby café cafe peds ortho neuro cardio onc app therapy atrium
    advocate access experience excellence contest year imaging radiology laboratory pharmacy
    service league level registration gala pregnancy loss remembrance prevention screening
    lifeline monday tuesday wednesday thursday friday saturday sunday tues thurs
    medicina interna auditorio auditório banco clínica clinica centro servicio serviço unidad
    unidade urgencias emergencia emergência pediatría pediatria cardiología cardiologia
    farmacia farmácia laboratorio laboratório enfermería enfermagem educación educação
    poradnia klinika klinice oddział oddziale dział punkt punkcie pacjenta szpital
    klinik station abteilung zentrum notaufnahme sprechstunde
    відділення лікарня центр
    danke gracias obrigado obrigada merci grazie dziękujemy dziękuję bedankt salamat
    día dia semana mes jornada journée semaine mois woche giornata settimana mese dzień tydzień
    feliz felicidades felicitaciones parabéns félicitations
    fundación fundacion fundação fundacao fondazione fondation fundacja fundacji stiftung
    associazione asociación asociacion associação association jumuiya masjid mezquita mosquée
    núcleo nucleo centrum instituto istituto institut padiglione pavilhão pabellón
    diwali deepavali hanukkah kwanzaa navratri pongal vaisakhi matariki christmas halloween
    thanksgiving montag dienstag mittwoch donnerstag freitag samstag sonntag isnin selasa rabu
    khamis jumaat sabtu
    jahr jahre jahren jahres polio measles mumps rubella pertussis tetanus
    songkran maghrib teletón teleton claus grinch
    festa festino fiesta fête feria kanaval carnaval carnevale karnawał odpust
    kolera cólera colera dengue zika chikungunya malaria
    pasticceria panadería panaderia pastelería pasteleria padaria piekarnia piekarni cukiernia
    cukierni boulangerie pâtisserie bäckerei konditorei escuela escola scuola école szkoła szkoły
    szkół zespół zespołu liceo colegio soccorso urgencia"""
)

# Words around a room number that make it a meeting place, not a patient's room.
VENUE_CUES = vocabulary(
    """conference meeting meetings class classes classroom lecture seminar workshop session
    sessions training rsvp held auditorium education museum exhibit community board building
    navigators office offices orientation lounge kitchenette chapel cafeteria atrium lobby gym
    closed reopens reopened cleaning clean renovation pavilion phlebotomy draws outpatient
    outpatients furnished tour tours conf admin basement sim simulation skills break breakroom
    storage supply mock drill opens lactation panel opd"""
)


_OLD_YEAR = re.compile(
    r"(?i)(?:\b(?:in|since|from|of)\s+|,\s*)(?:(?P<long_ago>1[5-8]\d\d)|19[0-4]\d)\b(?![-/])"
)
# An institution beginning, in the words posts use for it: "Mercy General opened its doors",
# "founded in 1975" (an anniversary's ages and dates are the institution's, no one's).
INSTITUTION_BEGAN = (
    r"opened\s+(?:its|our|their)\s+doors|founded"
    # in Spanish, Portuguese, Italian and Polish: "abrió sus puertas", "fundado em", "fondato nel"
    r"|abri(?:ó|u)\s+(?:sus|suas|as)\s+(?:puertas|portas)|aprì\s+le\s+porte"
    r"|fundad[oa]|fondat[oa]|założon[ya]"
)
# An organ or a transplant received: "received a kidney from his younger sister", "received her
# new heart", "received a stem cell transplant".
RECEIVED_AN_ORGAN = (
    r"received\s+(?:a|an|his|her|their)\s+(?:new\s+)?(?:kidney|liver|heart|lungs?|transplant"
    r"|stem\s+cell\s+transplant|bone\s+marrow\s+transplant)\b"
)
# What ends a street's name: "214 Willow Creek Lane", "1820 E. Madison St".
STREET_SUFFIXES = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl"
    r"|Terrace|Circle|Parkway|Pkwy|Highway|Hwy|Crescent|Cres|Close|Row|Square|Grove|Gardens|Mews"
)
# The suffixes that, in lower case, are still a street's: not "way", "place", "dr" (a doctor),
# "st", "ct" (a scan) or "drive".
LOWER_STREET_SUFFIXES = (
    r"street|avenue|ave|road|rd|boulevard|blvd|lane|ln|terrace|parkway|pkwy|highway|hwy|crescent"
)
# A year before 1900 standing alone: not part of a phone number, ID or numeric date, nor a
# house number ("1540 Juniper St.").
LONG_AGO_YEAR = re.compile(
    r"(?<![\d/-])1[5-8]\d\d(?![\d/-])"
    rf"(?!\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){{1,3}}(?:{STREET_SUFFIXES})\b)"
)
_BIRTH_WORDS = vocabulary("born birthday birth")


def set_before_1900(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a match names a year before 1900: nobody in it is living."""
    sentence_start, sentence_end = sentence_around(text, start, end)
    return LONG_AGO_YEAR.search(text, sentence_start, sentence_end) is not None


def historical(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a match is set before 1950 ("On this day in 1847, ...").

    A birth between 1900 and 1949 is a living patient's ("born in 1932"); one before 1900 is not.
    """
    if set_before_1900(text, start, end):
        return True
    sentence_start, sentence_end = sentence_around(text, start, end)
    sentence = text[sentence_start:sentence_end]
    year = _OLD_YEAR.search(sentence)
    if year is None:
        return False
    words = {word.lower() for word in WORD.findall(sentence)}
    return year.group("long_ago") is not None or not words & _BIRTH_WORDS


# The first word of a department named for its patients, homes or families ("Patient Relations",
# "Home Infusion Pharmacy", "Family Medicine").
_DEPARTMENT_OPENING = re.compile(
    r"\b(?:Patient(?:\s+(?:&|and)\s+Family)?|Home|Family)(?=\s+[A-Z][a-z])"
)


def departments_as_offices(text: str) -> str:
    """``text`` with "Patient Relations", "Patient & Family Relations", "Home Infusion
    Pharmacy", "Family Medicine"... read as offices.

    Capitalised and followed by another capitalised word, "Patient", "Home" and "Family" name one
    of the hospital's departments, so they must not count as cues that a patient is near. The
    text keeps its length so that positions in it still point at the same words.
    """
    # "Desk" fits in the shortest ("Home") and is itself a word of the organisation's contacts.
    return _DEPARTMENT_OPENING.sub(lambda match: "Desk".ljust(len(match.group())), text)


def words_before(text: str, position: int, count: int) -> list[str]:
    """The ``count`` words right before ``position``, nearest last, lower-cased."""
    window = text[max(0, position - 12 * count) : position]
    return [word.lower() for word in WORD.findall(window)][-count:]


def words_after(text: str, position: int, count: int) -> list[str]:
    """The ``count`` words right after ``position``, nearest first, lower-cased."""
    window = text[position : position + 12 * count]
    return [word.lower() for word in WORD.findall(window)][:count]


# Where a sentence may end: ! or ? before a space, a line break, a CJK full stop, a full stop
# before a space.
_SENTENCE_MARK = re.compile(r"[!?][\"'”’]*(?=\s)|[\n。！]|\.[\"'”’]*(?=\s)")
# Words a full stop follows without ending the sentence: titles and months ("Dr. Engstrom died
# Oct. 2"), and St. (a saint or a street); so does an initial ("John F. Kennedy", "1820 E.
# Madison St").
_ABBREVIATIONS = vocabulary(
    "Dr Mr Mrs Ms Mx Prof Rev St Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)


def _sentence_ends(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    for mark in _SENTENCE_MARK.finditer(text, start, stop):
        before = text[max(0, mark.start() - 8) : mark.start()].split()
        word = before[-1].lstrip("(\"'“") if before else ""
        # A full stop, with or without the closing quotes the mark takes in ('Dr."' stays open).
        full_stop = mark.group().startswith(".")
        if full_stop and (word in _ABBREVIATIONS or re.fullmatch("[A-Z]", word)):
            continue
        yield mark


def ends_a_sentence(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between ``start`` and ``end``."""
    return next(_sentence_ends(text, start, end), None) is not None


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding ``text[start:end]``."""
    sentence_start = 0
    for mark in _sentence_ends(text, 0, start):
        sentence_start = mark.end()
    following = next(_sentence_ends(text, end, len(text)), None)
    return sentence_start, following.start() if following else len(text)


def next_sentence_end(text: str, sentence_end: int) -> int:
    """Where the sentence after the one ending at ``sentence_end`` ends, past the stop, closing
    quotes and blank lines between them (a line break is a sentence mark of its own)."""
    start = sentence_end
    while start < len(text) and (text[start].isspace() or text[start] in ".!?。！\"'”’"):
        start += 1
    return sentence_around(text, start, start)[1]


# Where a clause ends inside a sentence: a colon, semicolon or dash, or an emoji, which in a
# post often stands where a full stop would.
_CLAUSE_BREAK = re.compile(rf"[:;—–]|\s-\s|{EMOJI.pattern}")


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding ``text[start:end]``, within its sentence."""
    sentence_start, sentence_end = sentence_around(text, start, end)
    breaks_before = [mark.end() for mark in _CLAUSE_BREAK.finditer(text, sentence_start, start)]
    break_after = _CLAUSE_BREAK.search(text, end, sentence_end)
    return (
        breaks_before[-1] if breaks_before else sentence_start,
        break_after.start() if break_after else sentence_end,
    )


def nearest_cue(
    before: list[str], after: list[str], first: frozenset[str], second: frozenset[str]
) -> int:
    """Which vocabulary the nearest cue word belongs to: 1, 2, or 0 for neither.

    Words before the match are searched first, nearest first, then the words after it.
    """
    for word in [*reversed(before), *after]:
        if word in first:
            return 1
        if word in second:
            return 2
    return 0


# Every script's decimal digits as ASCII ones ("९४" as "94", "٩٤" as "94"), one character for
# one, so that the number rules read them and every span stays where it was.
_ASCII_DIGITS = {
    code: ord(str(unicodedata.decimal(chr(code))))
    for code in range(128, sys.maxunicode + 1)
    if chr(code).isdecimal()
}


def with_ascii_digits(text: str) -> str:
    """``text`` with its digits in other scripts written as ASCII digits, the same length."""
    return text if text.isascii() else text.translate(_ASCII_DIGITS)


def normalise(value: str) -> str:
    """Lower-case letters, digits, ``@`` and ``.`` only: how allow-list entries are compared."""
    return re.sub(r"[^0-9a-z@.]", "", value.lower())
