"""Whether a phone number, e-mail, street address or handle is a person's or an organisation's.

The nearest cue words decide ("call our nurse line", "located at" against "her cell", "call you
at"); a contact right after a patient's name is theirs, a free-mail address is a person's and a
first.last mailbox is one unless its parts are a department's. A handle in capitals or one that
names a newspaper, an agency or a hospital (``@NEJM``, ``@FairhavenGazette``) is an
organisation's.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from policy.privacy.cues import (
    KINSHIP,
    NOT_NAME_WORDS,
    ORG_CONTACT_CUES,
    PERSONAL_CONTACT_CUES,
    ROLE_WORDS,
    WORD,
    departments_as_offices,
    nearest_cue,
    vocabulary,
    words_after,
    words_before,
)
from policy.privacy.recognizers.known_name import is_given_name

# Free mail providers: an address there belongs to a person, not to an institution.
PERSONAL_MAIL_DOMAINS = vocabulary(
    """gmail.com googlemail.com yahoo.com hotmail.com outlook.com live.com icloud.com me.com
    aol.com protonmail.com proton.me msn.com comcast.net gmx.com mail.com"""
)
# Free mail and home internet providers under their regional domains (yahoo.co.uk, hotmail.fr,
# bigpond.com, xtra.co.nz, shaw.ca): an address there is a person's too.
_PERSONAL_MAIL_PROVIDER = re.compile(
    r"^(?:gmail|yahoo|ymail|rocketmail|hotmail|outlook|live|msn|icloud|aol|gmx|web|orange|free"
    r"|laposte|sfr|wanadoo|libero|virgilio|tiscali|sky|btinternet|talktalk|bigpond|optusnet"
    r"|iinet|xtra|shaw|telus|rogers|sympatico|videotron|cogeco|rediffmail|qq|163|126|sina|naver"
    r"|daum|hanmail|seznam|wp|interia|onet|yandex|rambler|uol|bol|terra|verizon|att|sbcglobal"
    r"|bellsouth|cox|charter|earthlink|frontier|singnet|pacific|telkomsel|eircom|ziggo|kpnmail"
    r")\.(?:(?:com?|net)\.)?[a-z]{2,3}$"
)
# Public bodies' mail domains (the NHS, governments, universities): an address there is an
# organisation's or its staff's ("staffbenefits.aai@nhs.scot", "sharon.pye@health.nsw.gov.au").
_PUBLIC_BODY_DOMAIN = re.compile(
    r"(?:^|\.)(?:nhs\.(?:uk|net|scot|wales)|gov(?:\.[a-z]{2})?|edu(?:\.[a-z]{2})?|ac\.[a-z]{2}|mil)$"
)
# Words of organisations' handles: newspapers, agencies, hospitals (@FairhavenGazette, @CDCgov).
_ORGANISATION_HANDLE_WORDS = vocabulary(
    """gazette news times journal tribune trib herald press post daily weekly magazine radio tv
    media gov official health hospital clinic foundation fdn institute university college county
    city ville hq ps isd usd schools nicu picu icu ems voz diario noticias prensa club rotary
    lions kiwanis ymca ywca dept fire rescue police pd fd sheriff library church parish council
    chamber league foodbank bank books"""
)
# The last word of an underscored or dotted handle that makes it a newsroom's or an
# organisation's (@jwhitfield_gazette, @lakeshorechildrens.foundation, @pinehollow_ortho, a fun
# run's @hopeforhearts_5k, @cedarfalls_rotary; not "fd", which ends a firefighter's own
# @ricky_acevedo_fd); a person's handle worded around their story (@sarah_health_journey) ends
# otherwise.
_ORGANISATION_HANDLE_ENDINGS = vocabulary(
    """gazette news times journal tribune trib herald press ledger jobs foundation fdn hospital
    clinic ortho peds rehab ems 5k 10k desk support club dept rotary library parish council ymca"""
)
# A job or a clinician's credential as one part of an underscored or dotted handle
# (@nicu_nurse_alexis, @carlos_rn_atx): the clinicians' short words, and other jobs
# (@chef_marco_cafe, @EMS_Coordinator_Hal) but not short ones ("rt" ends a patient's
# @keishafreeman_rt) nor a group's (@the_doucette_crew is a family).
_JOBS_IN_A_HANDLE = vocabulary(
    """nurse rn md np dr doc pharmd pharm dpt crna lpn cna cnm pt ot slp atc rrt midwife medic
    paramedic emt physio surgeon doctor chw doula infirmiere perfusion sheriff childlife chaplain
    rdn ccls"""
) | {
    word for word in ROLE_WORDS if len(word) > 3 and word not in {"crew", "board", "staff", "host"}
}
# The words of a handle: its CamelCase words and capitals (@FairhavenGazette, @CDCgov).
_HANDLE_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
# A clinician's credential closing a CamelCase handle: @KimBrennanRN, @JoeParkMD.
_CREDENTIAL_CLOSING = re.compile(r"[a-z](?:RN|MD|DO|NP|PA|PharmD|DPT|LCSW|CNM|CCLS|RDN|RD)$")
# An office or a clinician's title opening a handle, before a capitalised name or "_".
_OFFICE_OPENING = re.compile(
    r"(?:Dr|Dra|Nurse|Prof|Mayor|Cllr|Councillor|Senator|Sen|Rep|Gov|MPP|MP|MLA|MSP|MHA|Minister"
    r"|Rabbi|Imam|Pastor|Rev|Chaplain)"
    r"(?:_|(?=[A-Z]+[a-z]))"  # @DrNaomiOkafor, @DrKAnand, @MayorJWilliams, @MPP_LindaKowalski
    r"|(?:dr|nurse)[._](?=[a-z])"  # @dr_kate_ruiz
)
# A newsroom's name run together in lower case, and a broadcaster's call sign as one part of a
# handle (@bellrivergazette, @jbrooks_WTKN).
_NEWSROOM_RUN_ON = re.compile(r"(?:gazette|tribune|herald|journal)$")
_CALL_SIGN = re.compile(r"[WKC][A-Z]{3}")
# Toll-free prefixes and the crisis line: always an organisation's number.
_TOLL_FREE = re.compile(r"^\s*(?:\+?1[\s.-]*)?\(?(?:800|888|877|866|855|844|833)\)?|^\s*988\s*$")


def after_a_patient(text: str, result: RecognizerResult, kept: list[RecognizerResult]) -> bool:
    """A contact given right after a patient's name is theirs: "E. Whitaker with the phone
    number (614) 555-0193"."""
    return any(
        other.entity_type == "PERSON"
        and 0 <= result.start - other.end <= 40
        and not re.search(r"[.!?]\s", text[other.end : result.start])
        for other in kept
    )


_READERS_OWN_CONTACT = re.compile(
    r"(?i)(?:\b(?:call|calling|called|ring|ringing|rang|text|texting|phone|reach|reaching|contact"
    r"|email|emailed)\s+you\b(?:\s+\w+){0,2}\s+(?:at|on)"
    # "call him first at", "we'll call u at"; not "call her office at"
    r"|\btext\s+me\s+(?:at|on)"  # in a private person's words (staff say "call me at")
    r"|\b(?:call|text|ring|phone|reach)\s+(?:u|him|her)"
    r"(?:\s+(?:first|back|directly|again|today|tonight|tomorrow))?\s+(?:at|on)"
    r"|\b(?:mailing|home|new)\s+address\s+(?:to|is|as)|\bmail(?:ing|ed)?\s+(?:a|the)\s+\w+\s+to"
    r"|\bon\s+file\W*"
    r"|\byour\s+(?:callback\s+|contact\s+)?(?:cell|number|phone|mobile|home|info|information"
    r"|details)(?:\s+(?:is|as|to))?\W*"
    # a number the staff already tried: "we also left a message at", "We've been trying"
    r"|\bleft\s+(?:a\s+)?(?:message|voicemail|voice\s+mail)(?:\s+\w+){0,2}\s+(?:at|on)"
    r"|\b(?:been|kept)\s+trying(?:\s+to\s+(?:call|reach|ring)\s+\w+)?(?:\s+(?:at|on))?"
    # the same in the posts' other languages: "vous rappellera au", "la llamará esta semana al",
    # "ligaremos para você no", "rele w nan" (Haitian Creole), "남기신 연락처" ("the number you
    # left", Korean)
    r"|\b(?:vous|te|t['’])\s*(?:rappel\w*|appel\w*|joindre|contacter\w*)\s+(?:au|à)"
    r"|\b(?:la|lo|le|te|les)\s+(?:llamar\w*|contactar\w*)(?:\s+\w+){0,3}\s+al"
    r"|\bligar\w*\s+para\s+(?:você|vc|o\s+senhor|a\s+senhora)\s+(?:no|pelo)"
    r"|\brele\s+(?:w|ou)\s+nan|남기신\s*연락처"
    # where a card was sent back from, or a family is staying: "our card to the return address,",
    # "at the family's temporary address,"
    r"|\breturn\s+address\W*|\bfamily['’]s\s+(?:\w+\s+)?address\W*"
    r"|\bthe\s+(?:number|address|email)\s+you\s+(?:sent|gave|left|shared)(?:\s+us)?\W*"
    r"|\b(?:mail|send)\s+your\s+\w+\s+to"
    # a number someone gave the staff: "She gave our nurses (555) 304-8817"
    r"|\b(?:gave|left)\s+(?:us|our\s+\w+)\W*"
    r"|\b(?:mail|send)\s+(?:it|them)\s+to\s+(?:him|her|them)\s+at"
    r"|\bemergency\s+contact\b[^.!?]{0,20})\s*$"
)
# A person called by their given name: "please call Kevin at", "text Renee on".
_CALL_SOMEONE_AT = re.compile(
    r"\b(?:[Cc]all|[Tt]ext|[Rr]ing|[Pp]hone|[Rr]each)\s+([A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?"
    r"(?:\s+directly)?\s+(?:at|on)\s*$"
)
# Where something is sent or someone goes home to: a street address there is a home's ("cards
# can be mailed to 82 Willow Creek Rd", "a courier is on the way to 77 Birchwood Crescent",
# "headed home to 27 willow court"); an organisation's address is where people come.
_DELIVERED_TO = re.compile(
    r"(?i)\b(?:sent|send|sending|mailed|mail|mailing|ship|shipped|shipping|goes\s+out(?:\s+today)?"
    r"|on\s+(?:the|its|their)\s+way|(?:headed|heading|went|going|gone)\s+home)"
    r"(?:\s+[\w']+){0,2}\s+to\s*$"
)
_APARTMENT = re.compile(r"\.?,?\s+(?:Apt|Apartment|app)\b")
# Whose it is, in brackets right after it: "0421 558 903 (Mum)", "(her daughter's cell)",
# "778-555-0126 (Chris)".
_WHOSE_IN_BRACKETS = re.compile(r"\s*\(([^()]{1,30})\)")
_NAME_LIKE_MAILBOX = re.compile(r"^([A-Za-z]{2,})[._]([A-Za-z]{2,})\d*@")
_MAILBOX_WORDS = (
    NOT_NAME_WORDS
    | ROLE_WORDS
    | ORG_CONTACT_CUES
    | vocabulary(
        """recruitment careers jobs hr media press news help support billing team dermatology
        neurology urology gastro orthopaedics orthopedics paediatrics outpatients admissions
        referrals bookings enquiries inquiries"""
    )
)


def personal_contact(text: str, result: RecognizerResult, span: str) -> bool:
    if result.entity_type == "PHONE_NUMBER" and _TOLL_FREE.match(span):
        return False
    domain = span.rsplit("@", 1)[-1].lower()
    if result.entity_type == "EMAIL_ADDRESS" and (
        domain in PERSONAL_MAIL_DOMAINS or _PERSONAL_MAIL_PROVIDER.match(domain)
    ):
        return True
    if result.entity_type == "EMAIL_ADDRESS" and _PUBLIC_BODY_DOMAIN.search(domain):
        return False
    mailbox = _NAME_LIKE_MAILBOX.match(span)
    if mailbox and not {part.lower() for part in mailbox.groups()} & _MAILBOX_WORDS:
        # first.last@ outside the organisation's own domains is a person's address, whatever
        # words surround it; shared mailboxes are single words (media@) or departments'
        # (icu.recruitment@).
        return True
    whose = _WHOSE_IN_BRACKETS.match(text, result.end)
    owners = WORD.findall(whose.group(1)) if whose else []
    if any(re.sub(r"['’]s$", "", word.lower()) in KINSHIP for word in owners) or (
        owners and all(is_given_name(word) for word in owners)
    ):
        return True  # a relative's or someone's own number, told by whose it is: "(Chris)"
    if _READERS_OWN_CONTACT.search(text, max(0, result.start - 40), result.start):
        return True  # "will call you at (614) 555-0187", "your number, ...": the reader's own
    called = _CALL_SOMEONE_AT.search(text, max(0, result.start - 40), result.start)
    if called and is_given_name(called.group(1).lower()):
        return True  # "please call Kevin at (608) 555-0193": the number of the person named
    if result.entity_type == "STREET_ADDRESS" and (
        _APARTMENT.search(span) or _APARTMENT.match(text, result.end)
    ):
        return True  # "1122 Dufferin St, Apt 3": a home; clinics are in suites
    if result.entity_type == "STREET_ADDRESS" and _DELIVERED_TO.search(
        text, max(0, result.start - 40), result.start
    ):
        return True
    text = departments_as_offices(text)  # "call Patient Relations at ..."
    before = words_before(text, result.start, 8)
    after = words_after(text, result.end, 6)
    return nearest_cue(before, after, PERSONAL_CONTACT_CUES, ORG_CONTACT_CUES) == 1


_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*")


def public_handle_words(text: str) -> set[str]:
    """The lower-cased words of the post's public handles: the name in ``@KimBrennanRN`` or
    ``@nicu_nurse_alexis`` is a clinician's, so "Congrats to Kim" names staff too."""
    return {
        word.lower()
        for handle in _HANDLE.findall(text)
        if public_handle(handle)
        for word in _HANDLE_WORD.findall(handle)
    }


def public_handle(handle: str) -> bool:
    """Whether a handle is an organisation's or an office-holder's: all capitals (``@NEJM``,
    ``@WHO``), CamelCase words one of which names an organisation (``@FairhavenGazette``,
    ``@CDCgov``, ``@SpringfieldPS186``), a name opened by an office or closed by a credential
    (``@MPP_LindaKowalski``, ``@DrKAnand``, ``@dr_kate_ruiz``, ``@KimBrennanRN``), an
    underscored handle with a job, a credential or a broadcaster's call sign as one part
    (``@nicu_nurse_alexis``, ``@chef_marco_cafe``, ``@jbrooks_WTKN``), one ending in a
    newsroom's or an organisation's word (``@mkowalski_trib``, ``@pinehollow_ortho``), or a
    newsroom's name run together (``@bellrivergazette``).

    Otherwise underscored handles are a person's, however they are worded
    (``@sarah_health_journey``). A staff member who became a patient keeps a public handle
    (``@nurse.sam.rn``): the name in it is still found where the post tells of their care.
    """
    body = handle.removeprefix("@")
    if _OFFICE_OPENING.match(body) or _CREDENTIAL_CLOSING.search(body):
        return True
    letters = re.sub(r"[^A-Za-z]", "", body)
    if len(letters) >= 3 and letters.isupper():
        return True
    if _NEWSROOM_RUN_ON.search(body):
        return True  # "@bellrivergazette": a newsroom's name run together
    if re.search(r"[._]", body):
        pieces = re.split(r"[._]", body)
        if any(_CALL_SIGN.fullmatch(piece) for piece in pieces):
            return True  # "@jbrooks_WTKN": a reporter of a station
        # "@tlopez_news12": a channel's number after the newsroom's word
        parts = [piece.lower().rstrip("0123456789") for piece in pieces]
        # @nicu_nurse_alexis, @carlos_rn_atx, @chef_marco_cafe, and CamelCase parts:
        # @InfusionRN_Gabe, @SpineSurgeon_DrKhalil, @kidsPT_darnell: a job among the words
        words = parts + [word.lower() for piece in pieces for word in _HANDLE_WORD.findall(piece)]
        return parts[-1] in _ORGANISATION_HANDLE_ENDINGS or any(
            word in _JOBS_IN_A_HANDLE for word in words
        )
    if not re.search(r"[a-z][A-Z]", body):
        return False
    words = _HANDLE_WORD.findall(body)
    return any(word.lower() in _ORGANISATION_HANDLE_WORDS for word in words)
