"""Each rule check, table-driven: posts that must be flagged, and near misses that must not."""

from __future__ import annotations

import pytest

from policy import Draft, Policy, check, load_policy
from policy.checks import RULE_CHECKS, access_findings, crisis_findings
from policy.checks.claims import claims_findings
from policy.checks.confidentiality import confidentiality_findings
from policy.checks.disclosure import disclosure_findings
from policy.checks.patient_communication import patient_communication_findings
from policy.checks.platform import platform_findings, x_length
from policy.checks.standards import standards_findings
from policy.findings import Finding, Severity
from policy.privacy import PrivacyEngine
from policy.schema import Account

POLICY = load_policy()


def account(account_id: str = "x-main", policy: Policy = POLICY) -> Account:
    found = policy.account(account_id)
    assert found is not None
    return found


def rule_ids(findings: list[Finding]) -> set[str]:
    return {finding.rule_id for finding in findings}


CLAIMS = [
    ("This herbal tea cures cancer.", "claims.absolute-claims"),
    ("Our new therapy is 100% effective against migraines.", "claims.absolute-claims"),
    ("A miracle cure for back pain, available now!", "claims.absolute-claims"),
    ("Guaranteed results in two weeks, with no side effects.", "claims.absolute-claims"),
    ("Green juice will detox your liver.", "claims.unverified-claims"),
    (
        "1 in 3 adults has high blood pressure and most don't know it.",
        "claims.unsourced-statistics",
    ),
    ("Smokers are 25 times more likely to get lung cancer.", "claims.unsourced-statistics"),
    ("The flu shot reduces your risk of hospitalization by 40%.", "claims.unsourced-statistics"),
    ("Vaccination lowers the risk of severe illness by 90 percent.", "claims.unsourced-statistics"),
    ("Nearly 30% of children in our state are overweight.", "claims.unsourced-percentages"),
]
CLAIMS_NEAR_MISSES = [
    "Our researchers are working toward a cure for ALS.",
    "1 in 3 adults has high blood pressure. Learn more: https://www.cdc.gov/bloodpressure/facts.htm",
    "According to the CDC, 1 in 3 adults has high blood pressure.",
    "100% of proceeds from the 5K go to our children's hospital.",
    "Get 20% off parking validation this week.",
    "Join 2,000 runners at the Harbor 5K on Saturday.",
    "Open 24/7 at 100 Harbor Street.",
    "Who will win the chili cook-off? Find out Friday.",
]


@pytest.mark.parametrize(("text", "rule_id"), CLAIMS)
def test_claims_hits(text: str, rule_id: str) -> None:
    assert rule_id in rule_ids(claims_findings(Draft(text), account(), POLICY))


@pytest.mark.parametrize("text", CLAIMS_NEAR_MISSES)
def test_claims_near_misses(text: str) -> None:
    assert claims_findings(Draft(text), account(), POLICY) == []


def test_a_link_to_an_unvetted_site_is_no_source() -> None:
    text = "1 in 3 adults has high blood pressure. https://healthfacts.example/bp"
    assert "claims.unsourced-statistics" in rule_ids(
        claims_findings(Draft(text), account(), POLICY)
    )


DISCLOSURE = [
    (
        "Use code HEALTHY20 at checkout for our partner's vitamins!",
        "disclosure.undisclosed-sponsorship",
    ),
    ("Shop now: our favourite running shoes, link in bio.", "disclosure.undisclosed-sponsorship"),
    (
        "We've partnered with FitBand to bring you 15% off their new product line.",
        "disclosure.undisclosed-commercial-partner",
    ),
    (
        "GIVEAWAY! Follow us and tag a friend for a chance to win a smartwatch.",
        "disclosure.giveaway-rules",
    ),
    ("Our dietitians recommend NutriMax™ for every breakfast.", "disclosure.product-endorsement"),
    (
        "Meet Dana, who lost 60 pounds with our weight-loss program!",
        "disclosure.outcome-testimonial",
    ),
]
DISCLOSURE_NEAR_MISSES = [
    "#ad Use code HEALTHY20 for 20% off NutriMax vitamins.",
    "Paid partnership with FitBand: we've partnered with FitBand to bring you 15% off.",
    "Giveaway! Enter to win a water bottle. No purchase necessary; "
    "official rules at stmaryshealth.example/rules",
    "We partnered with the county health department to offer free flu shots.",
    "Our doctors recommend a flu shot for everyone over 6 months.",
    "Dana lost 60 pounds with our program. Individual results vary.",
]


@pytest.mark.parametrize(("text", "rule_id"), DISCLOSURE)
def test_disclosure_hits(text: str, rule_id: str) -> None:
    assert rule_id in rule_ids(disclosure_findings(Draft(text), account(), POLICY))


@pytest.mark.parametrize("text", DISCLOSURE_NEAR_MISSES)
def test_disclosure_near_misses(text: str) -> None:
    assert disclosure_findings(Draft(text), account(), POLICY) == []


STANDARDS = [
    ("This parking situation is bullshit.", "standards.profanity"),
    ("What the f*ck happened to the weather", "standards.profanity"),
    ("Sh1t, we're late for the 5K!", "standards.profanity"),
    ("Only an idiot skips a flu shot.", "standards.insults"),
    ("Patients who call every day are so entitled.", "standards.targeted-disparagement"),
    ("The ER across town? Amateurs and hacks, all of them.", "standards.targeted-disparagement"),
    ("Vote for Maria Lopez for Governor this November!", "standards.political-endorsement"),
    ("We proudly endorse Senator Blake's re-election.", "standards.political-endorsement"),
    ("Yes on Prop 12 for a healthier state! #VoteBlue", "standards.political-endorsement"),
]
STANDARDS_NEAR_MISSES = [
    "Our class on shiitake mushrooms and assessment of diets starts Monday.",
    "Hello from the Scunthorpe marathon team!",
    "Flame retardant gowns arrived for the burn unit.",
    "The worst of flu season is behind us; thank you, nurses!",
    "Election day is Tuesday. Polls are open 7 am to 8 pm; make a plan to vote.",
    "Vote for your favourite nurse in our Nurse of the Year awards!",
    "Our hospital clowns visited the children's ward today.",
    "It's hit a record: 500 blood donors this month!",
]


@pytest.mark.parametrize(("text", "rule_id"), STANDARDS)
def test_standards_hits(text: str, rule_id: str) -> None:
    assert rule_id in rule_ids(standards_findings(Draft(text), account(), POLICY))


@pytest.mark.parametrize("text", STANDARDS_NEAR_MISSES)
def test_standards_near_misses(text: str) -> None:
    assert standards_findings(Draft(text), account(), POLICY) == []


def test_political_rule_spares_a_clinicians_own_account() -> None:
    personal = account().model_copy(update={"official": False})
    text = "Vote for Maria Lopez for Governor this November!"
    assert standards_findings(Draft(text), personal, POLICY) == []


CONFIDENTIALITY = [
    ("INTERNAL ONLY: new visitor policy starts Monday.", "confidentiality.internal-only"),
    (
        "Big news under embargo until 9am Thursday: our transplant milestone.",
        "confidentiality.embargo",
    ),
    (
        "Preliminary results from our Alzheimer's trial look very promising!",
        "confidentiality.unreleased-results",
    ),
    (
        "The fall on 4 West is under investigation by the quality team.",
        "confidentiality.incidents-investigations",
    ),
    ("Dr. Harris was let go yesterday after the review.", "confidentiality.personnel-matters"),
    (
        "Code Silver in the ED right now, stay away from the entrance.",
        "confidentiality.emergency-codes",
    ),
]
CONFIDENTIALITY_NEAR_MISSES = [
    "Call our confidential helpline any time: (555) 010-2400.",
    "Our study, published today in JAMA, shows shorter stays after hip surgery.",
    "Use code RED20 at the gift shop.",
    "Join our Code Blue Gala on May 3 to support the cardiac unit.",
    "The preliminary schedule for the health fair is out.",
]


@pytest.mark.parametrize(("text", "rule_id"), CONFIDENTIALITY)
def test_confidentiality_hits(text: str, rule_id: str) -> None:
    assert rule_id in rule_ids(confidentiality_findings(Draft(text), account(), POLICY))


@pytest.mark.parametrize("text", CONFIDENTIALITY_NEAR_MISSES)
def test_confidentiality_near_misses(text: str) -> None:
    assert confidentiality_findings(Draft(text), account(), POLICY) == []


PATIENT_COMMUNICATION = [
    "Feeling unwell? DM us your symptoms and we'll help.",
    "Comment below with your test results and our team will explain them.",
    "Send us your insurance member ID to check coverage.",
    "Reply with your date of birth and we'll find your appointment.",
    "Not sure about that rash? Send us a photo of your rash.",
]
PATIENT_COMMUNICATION_NEAR_MISSES = [
    "Comment below with your favourite healthy snack!",
    "Questions about your results? Log in to the patient portal or call our patient line.",
    "Tell us which nurse made your day brighter.",
    "DM us to book a tour of the new maternity ward.",
]


@pytest.mark.parametrize("text", PATIENT_COMMUNICATION)
def test_patient_communication_hits(text: str) -> None:
    findings = patient_communication_findings(Draft(text), account(), POLICY)
    assert "patient-communication.health-details-invited" in rule_ids(findings)
    assert "MyStMarys patient portal" in (findings[0].suggestion or "")


@pytest.mark.parametrize("text", PATIENT_COMMUNICATION_NEAR_MISSES)
def test_patient_communication_near_misses(text: str) -> None:
    assert patient_communication_findings(Draft(text), account(), POLICY) == []


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("hello", 5),
        ("see https://www.example.org/a/very/long/path/that/goes/on/and/on", 4 + 23),
        ("read cdc.gov today", 5 + 23 + 6),
        ("日本語", 6),
        ("flu 💉", 4 + 2),
        ("family 👨\u200d👩\u200d👧", 7 + 2),
        ("café", 4),
    ],
)
def test_x_counts_links_emoji_and_cjk_its_own_way(text: str, length: int) -> None:
    assert x_length(text) == length


@pytest.mark.parametrize(
    ("account_id", "text", "rule_id"),
    [
        ("x-main", "a" * 281, "platform.length"),
        ("x-main", "界" * 141, "platform.length"),
        ("linkedin-careers", "a" * 3001, "platform.length"),
        ("instagram-main", "a" * 2201, "platform.length"),
        ("instagram-main", " ".join(f"#tag{i}" for i in range(31)), "platform.hashtags"),
        (
            "instagram-main",
            "Book at https://stmaryshealth.example/flu",
            "platform.unclickable-links",
        ),
        ("facebook-main", "Details: http://stmaryshealth.example/flu", "platform.insecure-links"),
        ("facebook-main", "Details: https://bit.ly/3xYz", "platform.shortened-links"),
    ],
)
def test_platform_hits(account_id: str, text: str, rule_id: str) -> None:
    assert rule_id in rule_ids(platform_findings(Draft(text), account(account_id), POLICY))


@pytest.mark.parametrize(
    ("account_id", "text"),
    [
        ("x-main", "a" * 280),
        ("x-main", "界" * 140),
        ("x-main", "a" * 250 + " https://stmaryshealth.example/" + "x" * 80),
        ("linkedin-careers", "a" * 3000),
        ("instagram-main", " ".join(f"#tag{i}" for i in range(30)) + " #1 in care"),
        ("facebook-main", "Details: https://stmaryshealth.example/flu"),
    ],
)
def test_platform_near_misses(account_id: str, text: str) -> None:
    assert platform_findings(Draft(text), account(account_id), POLICY) == []


def test_media_without_alt_text_is_blocked() -> None:
    draft = Draft("Our new wing!", media_count=3, media_missing_alt_text=2)
    findings = platform_findings(draft, account(), POLICY)
    assert [(f.rule_id, f.severity) for f in findings] == [("platform.alt-text", Severity.BLOCK)]
    assert "2 of the attached" in findings[0].message
    described = Draft("Our new wing!", media_count=3, media_missing_alt_text=0)
    assert platform_findings(described, account(), POLICY) == []


def test_the_draft_platform_overrides_the_account_platform() -> None:
    text = "a" * 300
    assert platform_findings(Draft(text, platform="linkedin"), account(), POLICY) == []


@pytest.mark.parametrize(
    ("author", "severity"),
    [("U0AUTHOR", None), ("U0STRANGER", Severity.INFO)],
)
def test_access_without_group_expansion(author: str, severity: Severity | None) -> None:
    findings = access_findings(Draft("hi", author_id=author), account(), POLICY)
    assert [f.severity for f in findings] == ([severity] if severity else [])


def test_access_with_group_expansion_blocks_a_stranger_and_admits_a_member() -> None:
    groups = {"S0COMMS": frozenset({"U0COMMS1"})}

    def resolve(member: str) -> frozenset[str]:
        return groups.get(member, frozenset({member}))

    stranger = access_findings(
        Draft("hi", author_id="U0STRANGER"), account(), POLICY, resolve_members=resolve
    )
    assert [(f.rule_id, f.severity) for f in stranger] == [("access.owners-only", Severity.BLOCK)]
    member = access_findings(
        Draft("hi", author_id="U0COMMS1"), account(), POLICY, resolve_members=resolve
    )
    assert member == []
    plain = access_findings(Draft("hi", author_id="U0X"), account("linkedin-careers"), POLICY)
    assert [f.severity for f in plain] == [Severity.BLOCK]


def test_crisis_rules_apply_only_when_asked() -> None:
    text = "So excited to celebrate our new cafe! Rumors about the fire are unconfirmed."
    findings = crisis_findings(Draft(text), account(), POLICY)
    assert rule_ids(findings) == {
        "crisis.every-post-reviewed",
        "crisis.promotional-tone",
        "crisis.speculation",
    }
    assert not any(
        f.category.value == "crisis" for c in RULE_CHECKS for f in c(Draft(text), account(), POLICY)
    )


def test_every_finding_cites_its_clause_and_suggests_a_fix() -> None:
    texts = [
        t for t, _ in CLAIMS + DISCLOSURE + STANDARDS + CONFIDENTIALITY
    ] + PATIENT_COMMUNICATION
    for text in texts:
        for rule_check in RULE_CHECKS:
            for finding in rule_check(Draft(text), account(), POLICY):
                assert finding.policy_ref[0].isdigit(), finding
                assert finding.suggestion
                assert finding.start is not None and finding.end is not None
                assert text[finding.start : finding.end]


def test_check_runs_crisis_and_access_and_routes_the_extra_signoffs(
    privacy_engine: PrivacyEngine,
) -> None:
    draft = Draft("Giveaway! Tag a friend to win a water bottle.", author_id="U0AUTHOR")
    calm = check(draft, account(), POLICY, privacy=privacy_engine)
    assert calm.verdict.value == "review"
    assert [s.key for s in calm.requirement.signoffs] == ["account", "legal"]
    crisis = check(draft, account(), POLICY, privacy=privacy_engine, crisis_active=True)
    assert crisis.verdict.value == "block"
    assert "crisis.promotional-tone" in rule_ids(list(crisis.findings))
    stranger = Draft("Join our flu clinic Saturday.", author_id="U0STRANGER")
    report = check(
        stranger,
        account("linkedin-careers"),
        POLICY,
        privacy=privacy_engine,
        resolve_members=lambda member: frozenset({member}),
    )
    assert report.verdict.value == "block"
    assert rule_ids(list(report.findings)) == {"access.owners-only"}
