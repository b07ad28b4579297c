"""The engine on whole drafts: patients flagged; staff, officials and the hospital left alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from policy import Draft, Severity, Verdict, check, parse_policy
from policy.findings import Category
from policy.privacy import PrivacyEngine
from policy.privacy.confidence import (
    RULES_SAY_NOT_A_PATIENT,
    ConfidenceModel,
    ScoredFinding,
    same_threshold,
)
from policy.privacy.engine import standing
from policy.privacy.nlp import PIPELINE
from policy.privacy.tagger import TAGGER_PATH
from policy.schema import Organisation, Policy, PublicContacts
from tests.privacy.candidates import candidate

NO_ALLOW_LIST = Organisation()


def flagged(
    engine: PrivacyEngine, text: str, organisation: Organisation = NO_ALLOW_LIST
) -> list[tuple[str, str]]:
    return [
        (f.entity_type or "", text[f.start or 0 : f.end or 0])
        for f in engine.findings(text, organisation)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Happy 101st birthday to our patient Margaret Ellison in room 412!",
            [
                ("AGE_OVER_89", "Happy 101st birthday"),
                ("PERSON", "Margaret Ellison"),
                ("ROOM_NUMBER", "room 412"),
            ],
        ),
        (
            "Congratulations to Priya and Dev Sharma on the arrival of twins Arjun and Anaya!",
            [("PERSON", "Priya and Dev Sharma"), ("PERSON", "Arjun and Anaya")],
        ),
        (
            "Patient spotlight: Dr. Samuel Osei, a retired physician, came to us with sepsis.",
            [("PERSON", "Samuel Osei")],
        ),
        ("Prayers for our patient 李明华 and family.", [("PERSON", "李明华")]),
        (
            "If you know Thomas Avery, email his son at t.avery.jr@gmail.com.",
            [("PERSON", "Thomas Avery"), ("EMAIL_ADDRESS", "t.avery.jr@gmail.com")],
        ),
        (
            "Get well soon Margaret Ellison! Or write to margaret.ellison@example.com",
            [("PERSON", "Margaret Ellison"), ("EMAIL_ADDRESS", "margaret.ellison@example.com")],
        ),
        (
            "Reach out to her husband Victor at 555-290-7712 to join the meal train.",
            [("PERSON", "Victor"), ("PHONE_NUMBER", "555-290-7712")],
        ),
        (
            "Cards for Mrs. Abernathy can be sent to her home at 214 Willow Creek Lane.",
            [("PERSON", "Mrs. Abernathy"), ("STREET_ADDRESS", "214 Willow Creek Lane")],
        ),
        # a patient named once is the same patient when only the first name comes back
        (
            "Our patient Kateryna Shevchenko finished chemo today. Congratulations, Kateryna!",
            [("PERSON", "Kateryna Shevchenko"), ("PERSON", "Kateryna")],
        ),
        # a name let go of in one place is kept where it names a patient found in another;
        # a colleague titled by their role who shares the name is not
        (
            "Tough as they come. 🤠\n\nWade Lundquist of the Lazy K Ranch was cutting fence posts "
            "on June 9 when his chainsaw kicked back. He drove himself (!!) 40 minutes to our ER "
            "with a towel tied around his leg. Dr. Amy Forsberg and our ER team stopped the "
            "bleeding and stabilized him for transfer.\n\nWade came by this week to thank the "
            "team and drop off a side of beef for the staff barbecue. Please, Wade, next time "
            "call 911. 😅",
            [
                ("PERSON", "Wade Lundquist"),
                ("IDENTIFYING_DETAILS", "Lazy K Ranch"),
                ("DATE", "June 9"),
                ("PERSON", "Wade"),
                ("PERSON", "Wade"),
            ],
        ),
        (
            "Our patient Owen Walsh went home today after a week on 4B. Thanks to Chaplain Owen "
            "for the visits and to the whole ward team.",
            [("PERSON", "Owen Walsh")],
        ),
        # a care home's longtime resident is no colleague
        (
            "Longtime resident Stanley Kuzyk passed away peacefully on May 8 at 93, with his "
            "daughters beside him.",
            [("PERSON", "Stanley Kuzyk"), ("DATE", "May 8"), ("AGE_OVER_89", "93")],
        ),
        # staff told of as resting in a room after a crash are patients
        (
            "Many of you have asked about our own radiology tech, Shelby Root. Shelby is stable "
            "and resting in room 108 after her car went off the highway on Friday.",
            [("PERSON", "Shelby Root"), ("PERSON", "Shelby"), ("ROOM_NUMBER", "room 108")],
        ),
        # a public figure's role gives way to a story of their care
        (
            "Send well wishes to Coach Ramsey, who is recovering in our ICU after collapsing.",
            [("PERSON", "Ramsey")],
        ),
        # a found name inside a hashtag, and written again in its own script
        (
            "Welcome to the world, baby Chen Yuxi (陈雨熙)! #TeamYuxi",
            [("PERSON", "Chen Yuxi"), ("PERSON", "陈雨熙"), ("PERSON", "TeamYuxi")],
        ),
        (
            "Tyler Bergeron's heart went to a father of three. #TylersHeart #DonateLife",
            [("PERSON", "Tyler Bergeron"), ("PERSON", "TylersHeart")],
        ),
        # a contact right after a patient's name the rules found is theirs; a handle holding
        # their name too
        (
            "A case labeled Eileen Whitaker with the phone number (614) 555-0193 was turned in "
            "at the Infusion Center desk.",
            [("PERSON", "Eileen Whitaker"), ("PHONE_NUMBER", "(614) 555-0193")],
        ),
        (
            "Aroha rang the bell today! Follow her family at @aroha_fights_on #arohastrong",
            [("PERSON", "Aroha"), ("SOCIAL_HANDLE", "@aroha_fights_on"), ("PERSON", "arohastrong")],
        ),
        # birthday wishes from staff do not make the patient staff
        (
            "Happy birthday, Guadalupe, from all your nurses on 3 South.",
            [("PERSON", "Guadalupe")],
        ),
        # a nickname given in brackets is the patient's name too
        (
            "Six weeks after his stroke, Oluwaseun Adebayo (everyone calls him Seun) walked the "
            "rehab gym. Seun asked us to share this.",
            [("PERSON", "Oluwaseun Adebayo"), ("PERSON", "Seun"), ("PERSON", "Seun")],
        ),
        # the family named by its surname, the reader's relative's address
        (
            "Remember the Alvarez twins from our NICU? They came back to visit today!",
            [("PERSON", "Alvarez")],
        ),
        (
            "@mikeyd_77 Security found your dad's hearing aid! We can mail it to him at 218 "
            "Crescent Ave., Apt. 3 - just confirm by DM.",
            [("SOCIAL_HANDLE", "@mikeyd_77"), ("STREET_ADDRESS", "218 Crescent Ave., Apt. 3")],
        ),
        # a handle's word the post capitalises is the patient's name; "your number is" is theirs
        (
            "@the_real_kofi thank you for sharing your recovery story! Kofi is back on the pitch.",
            [("SOCIAL_HANDLE", "@the_real_kofi"), ("PERSON", "Kofi")],
        ),
        (
            "@DrewMartinez88 so glad your dad is home and doing well!",
            [("SOCIAL_HANDLE", "@DrewMartinez88")],
        ),
        (
            "Marjorie's son Greg, please call Ward 5. Your mum says your number is (614) 832-4417.",
            [("PERSON", "Marjorie"), ("PERSON", "Greg"), ("PHONE_NUMBER", "(614) 832-4417")],
        ),
        # a gift from a grateful patient is still a patient's story
        (
            "We are grateful to Eleanor Vance for her gift to our Orthopedic Institute. Eleanor "
            "says the care she received after her hip fracture inspired her.",
            [("PERSON", "Eleanor Vance"), ("PERSON", "Eleanor")],
        ),
        # ... but a surname inside another proper noun is not the patient
        ("Our patient Rosa Park loves Central Park.", [("PERSON", "Rosa Park")]),
        # a patient's handle carries the name the post later calls them by
        (
            "Former patient @marcus_runs_again finished the marathon. Congrats, Marcus!",
            [("SOCIAL_HANDLE", "@marcus_runs_again"), ("PERSON", "Marcus")],
        ),
        # the number the hospital will call back is the reader's own
        (
            "Hi Gloria, sorry about your husband's bill! Our billing lead will call you at "
            "(614) 555-0187.",
            [("PERSON", "Gloria"), ("PHONE_NUMBER", "(614) 555-0187")],
        ),
        # spaCy's span is tidied: "Seo" is "Seo-yeon", and the twins are named together
        (
            "Welcome to the world, Seo-yeon and Min-jun Park!",
            [("PERSON", "Seo-yeon and Min-jun Park")],
        ),
        # a plain name with no cue words at all
        (
            "Miracle on 3 West! Ethan Park woke up after 10 days in a coma.",
            [("PERSON", "Ethan Park")],
        ),
        # an age after a doctor's name but told of a patient
        (
            "Dr. Amy Lee and the 4 West team threw a party for a patient who turned 101 today.",
            [("AGE_OVER_89", "turned 101")],
        ),
        # names in no Census list, introduced by no cue word: the patient tagger reads the story
        (
            "Kalani Mahoe is heading home today after six weeks on our spinal unit.",
            [("PERSON", "Kalani Mahoe")],
        ),
        (
            "Tavita Leiataua rang the bell this morning after his last round of chemo!",
            [("PERSON", "Tavita Leiataua")],
        ),
        # a name opening the sentence, told as a person by its verb, age or words to them
        (
            "Seun asked us to share this to encourage others after his stroke.",
            [("PERSON", "Seun")],
        ),
        (
            "Sinéad (8) is raising money for the playroom that cheered her up during chemo.",
            [("PERSON", "Sinéad")],
        ),
        (
            "Ray, thank you for every story you told the night nurses on 4 West.",
            [("PERSON", "Ray")],
        ),
        # scripts without capitals: a name opening the sentence is not a capitalised word
        ("김순자 할머니, 퇴원 축하드려요! 🌸", [("PERSON", "김순자")]),
        # the reader's own contacts: called back, mailed to, a free-mail address with digits
        (
            "Hi Tom! We tried calling you back at 218-555-0119 this morning about your bill.",
            [("PERSON", "Tom"), ("PHONE_NUMBER", "218-555-0119")],
        ),
        (
            "Thanks for flagging this. We've updated the mailing address to 4417 Ocotillo Dr "
            "on your mom's account.",
            [("STREET_ADDRESS", "4417 Ocotillo Dr")],
        ),
        (
            "The nurses are mailing a card to 18 Maple Ct like you asked.",
            [("STREET_ADDRESS", "18 Maple Ct")],
        ),
        (
            "Our International Patients Office has sent the cost estimate to "
            "olena.kovalenko82@ukr.net.",
            [("EMAIL_ADDRESS", "olena.kovalenko82@ukr.net")],
        ),
        (
            "Our patient care coordinator will call you today at the number you sent us, "
            "250-555-0134. — Tanya, Patient Relations",
            [("PHONE_NUMBER", "250-555-0134")],
        ),
        (
            "@ruthannee We tried your callback number, (920) 555-0172, but the mailbox was full.",
            [("SOCIAL_HANDLE", "@ruthannee"), ("PHONE_NUMBER", "(920) 555-0172")],
        ),
        (
            "We tried to write back, but our card to the return address, 1207 Atrisco Dr SW, came "
            "back undeliverable.",
            [("STREET_ADDRESS", "1207 Atrisco Dr")],
        ),
        # a home internet provider's mail is a person's; an apartment is a home
        (
            "Our outpatient team has re-sent your new appointment letter to "
            "kbrennan1952@bigpond.com, let us know if it doesn't land.",
            [("EMAIL_ADDRESS", "kbrennan1952@bigpond.com")],
        ),
        (
            "We tried mailing a thank-you card but it came back. Is 1122 Dufferin St, Apt 3 still "
            "right? Send us a message!",
            [("STREET_ADDRESS", "1122 Dufferin St, Apt 3")],
        ),
    ],
)
def test_patient_identifiers_are_flagged(
    privacy_engine: PrivacyEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    assert flagged(privacy_engine, text) == expected


def test_digits_of_any_script_are_read_as_digits(privacy_engine: PrivacyEngine) -> None:
    # Devanagari and Arabic-Indic digits, reported where they stand in the draft as written.
    text = "Happy ९५th birthday to our patient Ram Thapa! His son's number is ٠٩٨٥-١٠٥٥-٥٣٢."
    assert flagged(privacy_engine, text) == [
        ("AGE_OVER_89", "Happy ९५th birthday"),
        ("PERSON", "Ram Thapa"),
        ("PHONE_NUMBER", "٠٩٨٥-١٠٥٥-٥٣٢"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # staff named in their role
        "Meet Dr. Priya Raman, our new Chief of Cardiology. Dr. Raman joins us from Johns Hopkins.",
        "Congratulations to Nurse Manager Angela Torres, RN, BSN, on her DAISY Award!",
        "Please welcome Marcus Bell as our new Vice President of Nursing. Marcus starts Monday.",
        "Behind the scenes in the cath lab with cardiac nurse Lauren Pike.",
        'Meet Jordan Ellis, NP, who runs our new clinic. Jordan says: "Everyone is welcome."',
        # a list of staff, titles before hyphenated names, staff whose role is their work
        "Shoutout to our bilingual nurses Lupita Hernández, Rosa Delgado, and Carmen Ruiz!",
        "Our new residents include Dr. Oluwadamilare Ajayi and Dr. Soo-ah Kim.",
        'After 41 years in our lab, phlebotomist Stanisław "Stan" Nowicki is retiring.',
        "Volunteer spotlight ⭐ Meet Harold Jenkins, who has staffed our information desk since "
        "1998. Thank you, Harold!",
        # staff lists after a role word, tenure, athletes visiting, Drs. as a title
        "Our 7 North night crew — Keisha, Bao, Emeka, Ana and Dmitri — wrapping up 12 hours.",
        "@carlos_rn_atx congrats on 10 years with our ED team, Carlos!",
        "Thank you to Riverhawks FC goalkeeper Tanner Brooks for visiting our pediatric patients!",
        "A $12 million gift from Drs. Ramesh and Kavita Patel establishes the Patel Family "
        "Cancer Pavilion.",
        "Our new Family Lounge on 5 East (Room 512) is open to all visitors.",
        # credentials of other trades, researchers, places and apps named like people, other
        # languages
        "Lactation consultants Sarah Klein, IBCLC, and Noor Haddad, IBCLC, answer questions.",
        "Co-authors include Dr. Renée Fontaine and PhD candidate Abimbola Ade.",
        "Register your plate at the pay station or in the Riverside app.",
        "Riverside Memorial opened its doors on Oct. 1, 1925. #Riverside100",
        "¡Vacunas GRATIS! En nuestra clínica, 455 Calle Main. ¿Preguntas? Llame al (555) 210-4410.",
        # staff named after a colon, in plural roles, religious titles, award winners
        "Shoutout to our night-shift charge nurses on 4 North: Keisha, Bogdan and Ruth!",
        "They start with preceptors Lauren Cho and Marcus Feld.",
        "In 1894, Sister Mary Agnes Kelleher opened our first 12-bed ward.",
        "Congratulations to Ahmed Farouk of Environmental Services, our Employee of the Month! "
        "Ahmed is known for remembering everyone's name.",
        "Thanks to the Rosenberg Family Foundation and to Daniel and Ruth Rosenberg!",
        # roles spaCy kept in the name, mannequins, donors sharing a building's name, articles
        "Our PICU went full Wizard of Oz: Nurse Kelly, RT Danny and Unit Clerk Rosa Jiménez!",
        "Matron Sue Patel said: 'They have transformed how we care for frail older patients.'",
        "Thanks to a $5 million gift from Harold and Margaret Lindqvist, construction begins on "
        "the Lindqvist Family Cancer Pavilion, with radiation oncology and infusion. Thank you, "
        "Harold and Margaret!",
        "When the Keurig in the 4 West break room dies at 3 a.m. #NurseLife",
        # departments in other languages, and a weekday cut short
        "A partir del lunes, la consulta de Medicina Interna se traslada al Auditorio Principal.",
        "Poradnia Kardiologiczna zaprasza na bezpłatne badania w czwartek.",
        "Od poniedziałku Klinika Hematologii przyjmuje w nowym budynku.",
        "Outpatient clinics at Silver Lake are cancelled today, Thurs. Nov. 28. We will call you.",
        "Please call Patient Relations at (740) 555-0111 and reference this post.",
        "We're sorry your family had such a long wait. Please reach Patient & Family Relations "
        "at 503-555-0123.",
        "It's OK to ask for help. Reach Calloway Behavioral Health intake at 314-555-0150.",
        "Meet Jonah Feldstein, MT-BC, one of our two board-certified music therapists.",
        "Today, Oct. 15, is Pregnancy and Infant Loss Remembrance Day.",
        "Visit our clinic at 1650 W. Madison Blvd. Call (312) 555-0166.",
        # the staff and public people of round eight: a department's manager, royalty, a board
        # member whose family donated, a public person's age, a departmental mailbox
        "Meet our Patient Experience Manager, Fiona McLeod. Find Fiona at the help desk.",
        "#OnThisDay in 1983, Queen Elizabeth II opened our Renal Unit.",
        "Thank you to the Henderson family for donating incubators in memory of Robert "
        "Henderson, who served on our Board of Directors for 20 years.",
        "We mourn Dr. Edward Lim, aged 94, who founded our Department of Nephrology.",
        # staff titles and jobs in other languages
        "¡Gracias al Dr. Ramírez y a todo su equipo por la jornada de vacunación de hoy!",
        "Tra i partecipanti anche il primario, dott. Marco Ferri, e mezzo reparto di UTIC.",
        "Un travail coordonné par le Pr Antoine Lefebvre et Mme Céline Rousseau, cadre "
        "supérieure de santé.",
        "Temos o prazer de anunciar a nomeação da Enf.ª Sandra Carvalho Pires como nova "
        "Enfermeira Diretora.",
        "Merci à Docteur Zinzin et Professeur Patate pour les fous rires dans les couloirs !",
        # a staff member's age told later in the sentence, organisations' handles
        "We are saddened to share that Dr. Harriet Lindqvist, Professor Emerita of Obstetrics "
        "and Gynecology, died peacefully on Sunday at age 92.",
        "New in @NEJM: early vasopressin did not reduce 90-day mortality. #CritCare",
        "@FairhavenGazette Thanks for covering the opening of our new MRI suite!",
        "@MPP_LindaKowalski Thank you for visiting our ED today and hearing from our nurses.",
        "@DrNaomiOkafor congrats on your appointment as Clinical Director of Women's Services!",
        "@DrKAnand Congrats on 25 years, Dr. Anand! Cake in the 3rd floor break room at 2.",
        "@dr_kate_ruiz So excited to have you start your fellowship with us next week!",
        "@KimBrennanRN We're so proud of you! Congrats on your CCRN certification.",
        # a clinician's handle names staff: "Kim" and "Alexis" are the handles' own names
        "@KimBrennanRN We're so proud of you! 🎓 Congrats to Kim and the 14 other nurses who "
        "earned their CCRN certification this quarter.",
        "@nicu_nurse_alexis Congrats to Alexis and the 5 other Lakeshore nurses named to the "
        '"40 Under 40 in Healthcare" list! We are so proud.',
        "@mkowalski_trib We can only release a one-word condition update under our policy.",
        "@SpringfieldPS186 Thank you! Our athletic trainers will be at every home game.",
        "@lakeshorechildrens.foundation Can't wait! Teddy Bear Clinic is back Saturday.",
        "Replying to @CllrDavidAsante Thank you, Cllr Asante, for visiting our new Urgent "
        "Treatment Centre today.",
        "Our Volunteer of the Month is 91-year-old Arthur Bennett. Thank you, Arthur.",
        "Apply at careers.example.org or email icu.recruitment@svha.org.au.",
        "Dermatology referrals use the Rapid Access pathway. Queries: kuh.dermatology@hse.ie",
        "Florence Nightingale was born on 12 May 1820. She died in 1910, aged 90.",
        "Shout-out to Charge Nurse Kwame Asante and the 5 North team!",
        # a fundraising family, visiting athletes, a Māori elder, a department after a handle
        "The Patel family's annual Diwali Gala raised £84,000. Thank you Anand, Meera and "
        "everyone who bought a ticket!",
        "Northshore Sharks wingers Taniela Fifita and Josh Carmody handed out signed footies.",
        "Join our Māori Health team, led by Kaumātua Hemi Rāwiri, for breakfast.",
        "Agenda is on the intranet. We checked with Registration.",
        # donors named on a building, visitors, historical figures
        "A $10 million gift from the Tranh & Mai Pham Family Foundation builds the Pham "
        "Pavilion. Thank you, Tranh and Mai!",
        "Thanks to Stephen Curry for visiting our pediatric playroom today. #DubNation",
        "On this day in 1847, Elizabeth Blackwell was admitted to Geneva Medical College.",
        "Info session: Thursday, Jan 9, 5pm. Questions? Email Patient Financial Services.",
        # quoted clinicians
        '"Drink water and find shade," said Jennifer Lau, MD, director of emergency medicine.',
        # public officials
        "Dr. Moore, Ontario's CMOH, reminds everyone to stay up to date on flu vaccines.",
        "Governor Kathy Hochul visited our new unit today with CEO Michael Grant.",
        # the hospital's own contacts, with no allow-list
        "Questions about your bill? Call our patient financial services line at (555) 010-2400.",
        "Our Heart Center is open at 2500 Medical Parkway. Call 555-010-2000 to book a consult.",
        "Records requests can be emailed to records@stmaryshealth.example.",
        "For the nurse line call 1-888-555-0142.",
        # event dates, opening hours, general ages and statistics
        "Blood drive on March 14 from 10 am to 4 pm in Conference Room B.",
        "Opening hours: Dec 24, 8am-2pm; Dec 25, closed. Our ED is always open.",
        "Colorectal cancer screening is recommended from age 45.",
        "Adults aged 90 and over are at the highest risk of serious illness from RSV.",
        "1 in 8 women will be diagnosed with breast cancer. Our ED saw 412 patients on Monday.",
        "Happy Nurses Week to our 1,200 nurses! #NursesWeek #NursesWeek2024",
        # staff after the short forms of their jobs
        "Cardiac Rehab CNS Yvonne Mellett runs the next programme from 7 April.",
        "Congratulations to Healthcare Assistant Denise Oduya from Ward 7! Denise has worked at "
        "Calder Moor for 12 years.",
        # a date in a post about nobody's care: a statistic's peak, the clocks going forward
        "Summer ED visits were up 22%. Peak day was July 18 with 61 visits.",
        "⏰ Clocks go forward 1 hour at 1am on Sunday 30 March. Plan ahead for early clinics.",
        # a capitalised word opening a sentence is no name, whichever model reads it as one
        "Win a free spa day! Enter our giveaway by tagging a friend.",
        # the death of a board member, told with their service
        "We were saddened to learn that Gerald Fitch, who served as treasurer of the Lakeshore "
        "Hospice board from 2001 to 2015, died on May 5 at age 84.",
        # a street named for someone, an author, a saying, a job seeker's handle
        "Heads up: the Martin Luther King Jr. Blvd entrance closes at 8pm. After hours, please "
        "use the ED entrance.",
        '📖 "The Invisible String" by Patrice Karst — we\'re always connected to the people we '
        "love.",
        'Muhammad Ali once said, "Don\'t count the days, make the days count." 🥊',
        "@danielle_jobs Hi Danielle! Unit secretary openings are posted at careers.example.org.",
        '"How lucky I am to have something that makes saying goodbye so hard." — Winnie-the-Pooh',
        # a therapy dog, characters and heroes
        "Meet Pip! 🐶 Pip is a two-year-old golden retriever and the newest member of our "
        "therapy dog team. #MeetPip",
        "Hank the Cowdog may be Head of Ranch Security, but even he'd tell you to wear a helmet "
        "on horseback.",
        "Santa, Mrs. Claus and the Grinch (on his best behaviour!) made rounds on every floor "
        "today.",
        "Our favourite superhero stopped by the Hematology Clinic today in full Spider-Man gear "
        "to show off his new smile.",
        # a clinic's suite is no home
        "Our new clinic opens at 1122 Dufferin St, Suite 3 on Monday.",
        # staff met and greeted in lower case, their role after them
        "meet kaveh, our new clinical nurse educator on 5 west! he comes to us from the CVICU",
    ],
)
def test_staff_officials_and_the_hospital_are_not_flagged(
    privacy_engine: PrivacyEngine, text: str
) -> None:
    assert flagged(privacy_engine, text) == []


def test_the_organisations_allow_list_is_honoured(privacy_engine: PrivacyEngine) -> None:
    text = "Thank you Ana Silva! Her cell is 555-301-8842 and her email ana.silva@gmail.com."
    assert [kind for kind, _ in flagged(privacy_engine, text)] == [
        "PERSON",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
    ]
    listed = Organisation(
        public_contacts=PublicContacts(phones=["(555) 301-8842"], emails=["ana.silva@gmail.com"]),
        public_names=["Ana Silva"],
    )
    assert flagged(privacy_engine, text, listed) == []


def test_a_name_on_the_public_names_list_is_not_flagged(privacy_engine: PrivacyEngine) -> None:
    text = "Prayers for Jenna Ortiz, recovering in our ICU tonight."
    assert flagged(privacy_engine, text) == [("PERSON", "Jenna Ortiz")]
    assert flagged(privacy_engine, text, Organisation(public_names=["Jenna Ortiz"])) == []


def test_findings_have_the_shared_finding_shape(privacy_engine: PrivacyEngine) -> None:
    (finding,) = privacy_engine.findings("Our patient Rosa Delgado went home today.", NO_ALLOW_LIST)
    assert finding.rule_id == "privacy.patient-name"
    assert finding.category is Category.PRIVACY
    assert finding.severity is Severity.BLOCK
    assert finding.entity_type == "PERSON"
    assert (finding.start, finding.end) == (12, 24)
    assert finding.message and finding.policy_ref and finding.suggestion


CONSENTED = [
    "Rosa Delgado rang the bell today after her last chemo! Shared with permission.",
    "Our patient Rosa Delgado rang the bell today. Signed media consent on file.",
    "Rosa Delgado, who gave us permission to share her story, rang the bell today.",
]


@pytest.mark.parametrize("text", CONSENTED)
def test_a_story_that_states_consent_asks_the_privacy_office_to_review(
    privacy_engine: PrivacyEngine, default_policy: Policy, text: str
) -> None:
    findings = privacy_engine.findings(text, default_policy.organisation)
    assert findings and all(f.severity is Severity.REVIEW for f in findings)
    account = default_policy.accounts[0]
    report = check(Draft(text=text), account, default_policy, privacy=privacy_engine)
    assert report.verdict is Verdict.REVIEW
    assert "privacy-office" in [signoff.key for signoff in report.requirement.signoffs]


@pytest.mark.parametrize(
    "text",
    [
        "Rosa Delgado rang the bell today. Never share patient photos without consent.",
        "Rosa Delgado rang the bell today. Always ask permission before posting.",
    ],
)
def test_talk_about_consent_is_not_consent(privacy_engine: PrivacyEngine, text: str) -> None:
    findings = privacy_engine.findings(text, NO_ALLOW_LIST)
    assert findings and all(f.severity is Severity.BLOCK for f in findings)


def test_identifying_details_ask_for_review(privacy_engine: PrivacyEngine) -> None:
    text = (
        "A Millbrook man whose red Ford F-150 rolled over on Route 9 Tuesday night is "
        "recovering in our trauma ICU."
    )
    findings = privacy_engine.findings(text, NO_ALLOW_LIST)
    assert {f.entity_type for f in findings} == {"IDENTIFYING_DETAILS"}
    assert all(f.severity is Severity.REVIEW for f in findings)


def test_batch_gives_the_same_findings_as_single_calls(privacy_engine: PrivacyEngine) -> None:
    texts = [
        "Happy 101st birthday to our patient Margaret Ellison in room 412!",
        "Join us Saturday for our free flu clinic!",
        "Meet Dr. Priya Raman, our new Chief of Cardiology.",
        "Little Sofia was admitted on March 3 with RSV and went home today.",
    ] * 3
    assert privacy_engine.findings_batch(texts, NO_ALLOW_LIST, batch_size=4) == [
        privacy_engine.findings(text, NO_ALLOW_LIST) for text in texts
    ]


def test_worker_processes_give_the_same_findings(privacy_engine: PrivacyEngine) -> None:
    texts = [
        "Happy 101st birthday to our patient Margaret Ellison in room 412!",
        "Meet Dr. Priya Raman, our new Chief of Cardiology.",
        "Mr. Okafor (Medicaid ID NY44729183) went home today.",
    ] * 4
    in_workers = privacy_engine.findings_batch(texts, NO_ALLOW_LIST, processes=2)
    assert in_workers == privacy_engine.findings_batch(texts, NO_ALLOW_LIST, processes=1)
    assert sum(len(found) for found in in_workers) == 4 * 5


def test_only_the_patient_taggers_entity_recognizer_runs(
    privacy_engine: PrivacyEngine,
) -> None:
    assert privacy_engine.pipes == list(PIPELINE)


def test_the_engine_never_reaches_the_network(privacy_engine: PrivacyEngine) -> None:
    import socket

    original = socket.socket.connect

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the privacy engine tried to open a network connection")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    try:
        findings = privacy_engine.findings(
            "Please email his son at t.avery@gmail.co.uk today.", NO_ALLOW_LIST
        )
    finally:
        socket.socket.connect = original  # type: ignore[method-assign]
    assert [f.entity_type for f in findings] == ["EMAIL_ADDRESS"]


def test_check_blocks_a_phi_draft_and_routes_it_to_the_privacy_office(
    privacy_engine: PrivacyEngine,
) -> None:
    policy = parse_policy(
        """
accounts:
  - {id: x-main, platform: x, handle: "@Hosp", owners: [U1], approvers: [U2]}
approvals:
  groups: {privacy-office: {name: Privacy office, members: [U9]}}
  escalations: {privacy: privacy-office}
"""
    )
    report = check(
        Draft(text="Our patient Rosa Delgado is in room 4012."),
        policy.accounts[0],
        policy,
        privacy=privacy_engine,
    )
    assert report.verdict is Verdict.BLOCK
    assert [s.key for s in report.requirement.signoffs] == ["account", "privacy-office"]
    assert report.redacted_text == "Our patient [PATIENT NAME] is in [ROOM]."


def test_a_patients_hashtag_is_kept_whenever_the_patient_is(
    privacy_engine: PrivacyEngine, tmp_path: Path
) -> None:
    # A confidence model that doubts every hashtag but no plain name: the hashtag repeating a
    # kept patient's name must still be flagged, or the redacted preview would show it.
    doubting = tmp_path / "confidence.json"
    ConfidenceModel({"bias": 5.0, "hashtag": -20.0}, thresholds=same_threshold(0.5)).save(doubting)
    model = privacy_engine.spacy_model
    engine = PrivacyEngine(model, TAGGER_PATH, doubting)
    text = "Welcome home, our patient Aroha Ngata! #TeamAroha"
    assert flagged(engine, text) == [("PERSON", "Aroha Ngata"), ("PERSON", "TeamAroha")]
    # With no patient kept, the mention goes too.
    ConfidenceModel({"bias": -20.0}, thresholds=same_threshold(0.5)).save(doubting)
    text = "Welcome home, Aroha Ngata! #TeamAroha"
    assert flagged(PrivacyEngine(model, TAGGER_PATH, doubting), text) == []


def engine_doubting_everything(privacy_engine: PrivacyEngine, folder: Path) -> PrivacyEngine:
    """The same engine with a confidence model that keeps no finding on its own."""
    doubting = folder / "confidence.json"
    ConfidenceModel({"bias": -20.0}, thresholds=same_threshold(0.5)).save(doubting)
    return PrivacyEngine(privacy_engine.spacy_model, TAGGER_PATH, doubting)


def test_a_name_right_after_the_word_patient_stands_whatever_the_confidence_model_says(
    privacy_engine: PrivacyEngine, tmp_path: Path
) -> None:
    engine = engine_doubting_everything(privacy_engine, tmp_path)
    text = "Patient spotlight: Dr. Samuel Osei, a retired physician, came to us with sepsis."
    assert flagged(engine, text) == [("PERSON", "Samuel Osei")]
    # not a name after "patient" used as an adjective of a job
    text = "Our patient liaison, Riana Steyn, would like to phone you."
    assert flagged(engine, text) == []
    # nor a service named after a capitalised "Patient", unless a given name follows
    text = "Questions about a bill? Call Patient Accounts at 807-555-0139, Monday to Friday."
    assert flagged(engine, text) == []
    text = "A thank-you card from Patient Deborah Lin, who is recovering on 4 West."
    assert flagged(engine, text) == [("PERSON", "Deborah Lin")]
    # or right after it, as what the name is: "a 19-year-old patient", "one of our patients"
    text = "Thank you to Riley, a 19-year-old patient from Fenwick, for sharing this photo."
    assert ("PERSON", "Riley") in flagged(engine, text)
    text = "Mabel Orr (one of our patients) knitted every hat on the unit."
    assert ("PERSON", "Mabel Orr") in flagged(engine, text)
    # not a role beside patients
    for text in (
        "Meet Dr. Tomasz Wierzbicki, a champion for patients with rare diseases.",
        "Say hello to Kim Alvarado, our patient navigator for the Cancer Center.",
    ):
        assert flagged(engine, text) == []


def test_staff_told_of_as_our_patients_stand_whatever_the_confidence_model_says(
    privacy_engine: PrivacyEngine, tmp_path: Path
) -> None:
    engine = engine_doubting_everything(privacy_engine, tmp_path)
    text = (
        "Dr. Samuel Okoro delivered more than 4,000 babies here over 38 years.\n\nLast week, "
        "at 92, he came back — as a patient — for a hip replacement."
    )
    assert ("PERSON", "Samuel Okoro") in flagged(engine, text)
    # and a relative named before their own relative's stay, in the same clause
    text = (
        '"Being able to sit with Mum made all the difference," says Fiona Kerr, whose mother '
        "Agnes spent six weeks in bay 3 of Ward 18."
    )
    assert ("PERSON", "Fiona Kerr") in flagged(engine, text)
    # not a staff member whose relative is in our care, which family news tells of as often
    text = (
        "Dr. Ezekiel Obuya retires after 41 years as an obstetrician. His wife, Rhoda, joined "
        "the party on 3 South."
    )
    assert flagged(engine, text) == []


def test_a_number_found_after_its_label_stands_whatever_the_confidence_model_says(
    privacy_engine: PrivacyEngine, tmp_path: Path
) -> None:
    engine = engine_doubting_everything(privacy_engine, tmp_path)
    text = (
        "Hi Theresa, we found your father's records under MRN 00739214 (member ID W28841093, "
        "SSN 512-44-9087) and will mail the copies to you this week."
    )
    assert flagged(engine, text) == [
        ("MRN", "MRN 00739214"),
        ("HEALTH_PLAN_ID", "W28841093"),
        ("US_SSN", "512-44-9087"),
    ]


@pytest.mark.parametrize(
    ("text", "date", "names", "kept"),
    [
        ("Peak day was July 18 with 61 visits.", "July 18", [], False),
        ("Ribbon cutting is set for Sept 19 at 11am.", "Sept 19", [], False),
        ("My dad was home by July 18, thanks to 4 West.", "July 18", [], True),
        ("Home by July 18! #KidneyTransplant", "July 18", [], True),
        ("Teo was home by July 18, thanks to 4 West.", "July 18", ["Teo"], True),
    ],
)
def test_the_taggers_date_needs_someone_in_the_post(
    text: str, date: str, names: list[str], kept: bool
) -> None:
    def tagged(words: str, entity_type: str) -> ScoredFinding:
        start = text.index(words)
        return ScoredFinding(
            text, start, start + len(words), entity_type, ("TaggedIdentifierRecognizer",)
        )

    findings = [tagged(date, "DATE"), *(tagged(name, "PERSON") for name in names)]
    assert standing(findings, None)[0] is kept
    # the date recognizer's own date needed a word of care already
    by_the_rules = replace(findings[0], recognizers=("PatientDateRecognizer",))
    assert standing([by_the_rules], None) == [True]


def test_the_taggers_date_goes_when_nothing_else_in_the_post_stands(
    privacy_engine: PrivacyEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A confidence model that keeps only dates: the name beside the date does not stand, so
    # nothing tells of anyone's care and the tagger's date goes too, unless its own sentence
    # tells of care.
    path = tmp_path / "confidence.json"
    ConfidenceModel({"bias": -20.0, "type=DATE": 40.0}, thresholds=same_threshold(0.5)).save(path)
    engine = PrivacyEngine(privacy_engine.spacy_model, TAGGER_PATH, path)

    def found_by_the_tagger(text: str, date: str, name: str) -> list[tuple[str, str]]:
        found = [
            candidate(text, date, "TaggedIdentifierRecognizer", "DATE"),
            candidate(text, name, "TaggedIdentifierRecognizer"),
        ]
        monkeypatch.setattr(engine, "candidates", lambda text, artifacts=None: found)
        return flagged(engine, text)

    assert found_by_the_tagger("Ribbon cutting on Sept 19 with Ellen.", "Sept 19", "Ellen") == []
    assert found_by_the_tagger("Ellen's day: discharged Sept 19.", "Sept 19", "Ellen") == [
        ("DATE", "Sept 19")
    ]


def test_only_the_confidence_model_can_keep_a_disputed_name(
    privacy_engine: PrivacyEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tagger takes a surgeon for a patient; the rules call her staff. Which way it goes is
    # the confidence model's call, through the weight it gives the rules' verdict.
    text = "Meet Dr. Priya Raman, our new Chief of Cardiology."
    tagged = candidate(text, "Priya Raman", "TaggedIdentifierRecognizer")
    path = tmp_path / "confidence.json"

    def engine_with(model: ConfidenceModel | None) -> PrivacyEngine:
        if model is not None:
            model.save(path)
        engine = PrivacyEngine(privacy_engine.spacy_model, TAGGER_PATH, path if model else None)
        monkeypatch.setattr(engine, "candidates", lambda text, artifacts=None: [tagged])
        return engine

    trusting = ConfidenceModel({"bias": 5.0}, thresholds=same_threshold(0.5))
    siding_with_the_rules = ConfidenceModel(
        {"bias": 5.0, f"by={RULES_SAY_NOT_A_PATIENT}": -20.0}, thresholds=same_threshold(0.5)
    )
    assert flagged(engine_with(trusting), text) == [("PERSON", "Priya Raman")]
    assert flagged(engine_with(siding_with_the_rules), text) == []
    assert flagged(engine_with(None), text) == []  # with no model, the rules' verdict stands


_JUDGED_IN_A_NEW_PROCESS = """
import json, sys
from policy.privacy import PrivacyEngine
from policy.schema import Organisation
engine = PrivacyEngine(sys.argv[1])
judged = engine.judged_batch(json.loads(sys.stdin.read()), Organisation())
print(json.dumps([[(f.start, f.end, f.recognizers) for f in post] for post in judged]))
"""


def test_the_same_draft_is_judged_the_same_in_every_process(privacy_engine: PrivacyEngine) -> None:
    # Two recognizers find "Gladys Pennington" with the same score; which one Presidio keeps
    # used to follow the process's string hashing, and the confidence model weighs it.
    drafts = [
        "Happy 90th birthday to Gladys Pennington! Gladys spent 31 years as a nurse in our ER.",
        "Meet Walter Pemberton, 93, who has pushed the book cart through every floor.",
    ]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", _JUDGED_IN_A_NEW_PROCESS, privacy_engine.spacy_model],
            input=json.dumps(drafts),
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "1", "5")
    }
    assert len(outputs) == 1
