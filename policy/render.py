"""The human-readable policy document, rendered from the same file Clearpost enforces.

Sections come in the order of the policy (employee access, licensing and regulations, information
verification, posting standards, platform rules, confidentiality, patient communication, crisis
communication, consequences of breach) followed by who approves what. Every rule carries the
clause number that findings cite, so a communications officer reading "4.1 Posting standards: No
profanity" on an approval card finds the same words here. The document is built once as a list of
blocks and written out as Markdown or HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Literal

from policy.findings import Severity
from policy.schema import (
    AccessSection,
    ClaimsRule,
    ClaimsSection,
    CrisisSection,
    LexiconRule,
    LinkRule,
    PatientCommunicationSection,
    PlatformSection,
    Policy,
    Rule,
    Section,
)

Format = Literal["md", "html"]
PLATFORM_NAMES = {
    "x": "X",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "linkedin": "LinkedIn",
}
MAX_LISTED_PHRASES = 40


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | Bullets | Table


def render_policy(policy: Policy, fmt: Format = "md") -> str:
    """The policy document in Markdown (``md``) or as a standalone HTML page (``html``)."""
    blocks = policy_blocks(policy)
    if fmt == "html":
        return _html(blocks, title=_title(policy))
    return _markdown(blocks)


def _title(policy: Policy) -> str:
    return f"{policy.organisation.name} social media policy"


def policy_blocks(policy: Policy) -> list[Block]:
    """The whole document as blocks, in reading order."""
    blocks: list[Block] = [
        Heading(1, _title(policy)),
        Paragraph(
            "This policy applies to every post on the organisation's official social media "
            "accounts. Clearpost checks each draft against it before approval; every problem it "
            "reports cites the numbered clause below that it enforces. Patient information is "
            "never posted: every draft is also checked for the identifiers HIPAA protects."
        ),
    ]
    for section in policy.sections:
        blocks.extend(_section_blocks(policy, section))
    blocks.extend(_approvals_blocks(policy))
    return blocks


def _section_blocks(policy: Policy, section: Section) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, f"{section.number}. {section.title}"),
        Paragraph(section.purpose),
    ]
    if section.guidelines:
        blocks.append(Bullets(tuple(section.guidelines)))
    blocks.extend(_section_facts(policy, section))
    for rule in section.rules():
        if rule.enabled:
            blocks.extend(_rule_blocks(policy, section, rule))
    return blocks


def _section_facts(policy: Policy, section: Section) -> list[Block]:
    """What a section needs besides its rules: accounts, sources, limits, channels."""
    if isinstance(section, AccessSection):
        return [
            Paragraph("Who may submit posts for each account:"),
            Table(
                ("Account", "Platform", "Handle", "Owners"),
                tuple(
                    (
                        account.display_name,
                        PLATFORM_NAMES[account.platform.value],
                        account.handle,
                        ", ".join(account.owners),
                    )
                    for account in policy.accounts
                ),
            ),
        ]
    if isinstance(section, ClaimsSection):
        facts: list[Block] = []
        if section.vetted_domains:
            facts.append(Paragraph("Vetted sources: links to these sites count as a source:"))
            facts.append(Bullets(tuple(section.vetted_domains)))
        if section.vetted_sources.phrases:
            facts.append(
                Paragraph(
                    "Naming one of these bodies also counts: "
                    + ", ".join(section.vetted_sources.phrases)
                    + "."
                )
            )
        return facts
    if isinstance(section, PlatformSection):
        rows = []
        for platform, limits in section.limits.items():
            counting = (
                f"X's own count: links {limits.link_characters or 23}, emoji and CJK 2"
                if limits.counting == "x"
                else "characters"
            )
            rows.append(
                (
                    PLATFORM_NAMES[platform.value],
                    f"{limits.max_characters:,}",
                    counting,
                    "no limit" if limits.max_hashtags is None else str(limits.max_hashtags),
                    "yes" if limits.links_clickable else "no (use the bio)",
                )
            )
        return [
            Table(
                ("Platform", "Maximum length", "Counted as", "Hashtags", "Clickable links"),
                tuple(rows),
            )
        ]
    if isinstance(section, PatientCommunicationSection):
        return [
            Paragraph("Send patients and the public to these secure channels instead:"),
            Bullets(tuple(policy.organisation.secure_channels)),
        ]
    if isinstance(section, CrisisSection):
        return [Paragraph("These rules apply only while a crisis is declared.")]
    return []


def _rule_blocks(policy: Policy, section: Section, rule: Rule) -> list[Block]:
    lines = [rule.purpose, _effect(policy, section, rule)]
    details = []
    if isinstance(rule, LexiconRule):
        details.extend(_lexicon_details(rule))
    if isinstance(rule, LinkRule) and rule.domains:
        details.append("Domains: " + ", ".join(rule.domains) + ".")
    blocks: list[Block] = [
        Heading(3, f"{section.clause(rule)} {rule.title}"),
        Paragraph(" ".join(lines)),
    ]
    if details:
        blocks.append(Bullets(tuple(details)))
    return blocks


def _effect(policy: Policy, section: Section, rule: Rule) -> str:
    if rule.severity is Severity.BLOCK:
        return "A post that breaks this rule is blocked until it is changed."
    if rule.severity is Severity.INFO:
        return "Clearpost points this out to the author and the approvers."
    category = section.category.value if section.category else ""
    group_id = policy.approvals.escalations.get(category)
    if group_id:
        group = policy.approvals.groups[group_id]
        return f"A post that breaks this rule needs sign-off from {group.name}."
    return "A post that breaks this rule needs a closer look from the account's approvers."


def _lexicon_details(rule: LexiconRule) -> list[str]:
    details = []
    if rule.publish_phrases and rule.phrases:
        shown = rule.phrases[:MAX_LISTED_PHRASES]
        more = len(rule.phrases) - len(shown)
        listed = ", ".join(f"“{phrase}”" for phrase in shown)
        details.append(f"Looks for: {listed}" + (f" and {more} more." if more else "."))
    elif rule.phrases:
        details.append(
            f"Looks for a list of {len(rule.phrases)} words, including disguised spellings."
        )
    if rule.patterns:
        count = len(rule.patterns)
        details.append(f"Also looks for {count} pattern{'s' if count > 1 else ''} of wording.")
    if rule.near is not None:
        near = ", ".join(f"“{phrase}”" for phrase in rule.near.phrases[:MAX_LISTED_PHRASES])
        details.append(f"Only within {rule.near.within_words} words of: {near}.")
    if rule.unless is not None and rule.unless.phrases:
        unless = ", ".join(f"“{phrase}”" for phrase in rule.unless.phrases)
        details.append(f"Satisfied when the post includes: {unless}.")
    if isinstance(rule, ClaimsRule) and rule.needs_source:
        details.append("Satisfied when the post links or names a vetted source.")
    if rule.platforms:
        details.append(
            "Applies on: " + ", ".join(PLATFORM_NAMES[p.value] for p in rule.platforms) + "."
        )
    if rule.official_accounts_only:
        details.append("Applies to official accounts.")
    return details


def _approvals_blocks(policy: Policy) -> list[Block]:
    number = len(policy.sections) + 1
    blocks: list[Block] = [
        Heading(2, f"{number}. Who approves what"),
        Paragraph(
            "Every post is approved by the approvers of its account. Some findings add the "
            "sign-off of a further group. The author of a post never counts as one of its "
            "approvers."
        ),
        Table(
            ("Account", "Approvers", "Approvals needed", "Backup approvers", "Answer within"),
            tuple(
                (
                    account.display_name,
                    ", ".join(account.approvers),
                    str(account.min_approvals),
                    ", ".join(account.backup_approvers) or "none",
                    f"{account.approval_sla_hours:g} hours",
                )
                for account in policy.accounts
            ),
        ),
    ]
    escalations = policy.approvals.escalations
    if escalations:
        rows = []
        for category, group_id in escalations.items():
            group = policy.approvals.groups[group_id]
            rows.append(
                (
                    category.replace("-", " "),
                    group.name,
                    ", ".join(group.members),
                    str(group.min_approvals),
                )
            )
        blocks.append(Paragraph("Findings that add a sign-off:"))
        blocks.append(
            Table(("Finding category", "Signed off by", "Members", "Approvals needed"), tuple(rows))
        )
    schedule = policy.schedule
    timing = [
        "Approvers who have not voted are reminded at half their account's answer time; at the "
        "full answer time the account's backup approvers are asked as well.",
        f"A draft with no decision after {schedule.max_draft_age_hours:g} hours expires and its "
        "author is told.",
    ]
    if schedule.digest_time:
        timing.append(
            f"Every day at {schedule.digest_time} ({policy.organisation.timezone}) the approval "
            "channel gets a digest of the drafts still waiting."
        )
    blocks.extend([Paragraph("Timing:"), Bullets(tuple(timing))])
    blocks.extend(_crisis_response_blocks(policy))
    return blocks


def _crisis_response_blocks(policy: Policy) -> list[Block]:
    crisis = policy.crisis_response
    number = len(policy.sections) + 2
    blocks: list[Block] = [
        Heading(2, f"{number}. When a crisis is declared"),
        Paragraph(
            "The crisis team declares a crisis with /crisis declare. Every approved post that "
            "has not been published is held, nothing publishes, and every new post also needs a "
            "crisis lead's approval until the crisis is resolved and each held post is released "
            "by hand. A compromised account is locked with /crisis compromised: no posts are "
            "submitted, approved or published for it until it is unlocked."
        ),
        Bullets(
            (
                f"Crisis team: {', '.join(crisis.team) or 'not named yet'}",
                f"Crisis leads ({crisis.lead_approvals} approval needed): "
                f"{', '.join(crisis.leads) or 'not named yet'}",
            )
        ),
        Paragraph("Checklist for a compromised account:"),
        Bullets(tuple(crisis.compromised_checklist)),
    ]
    if crisis.holding_statements:
        blocks.append(Paragraph("Holding statements offered as ready drafts:"))
        blocks.append(
            Table(
                ("Account", "Statement", "Text"),
                tuple((s.account, s.title, s.text) for s in crisis.holding_statements),
            )
        )
    return blocks


# --------------------------------------------------------------------------- writers


def _markdown(blocks: list[Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {block.text}")
        elif isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, Bullets):
            parts.append("\n".join(f"- {item}" for item in block.items))
        else:
            rows = [block.header, tuple("---" for _ in block.header), *block.rows]
            parts.append(
                "\n".join(
                    "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
                    for row in rows
                )
            )
    return "\n\n".join(parts) + "\n"


def _html(blocks: list[Block], *, title: str) -> str:
    body = []
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{html.escape(block.text)}</p>")
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{html.escape(item)}</li>" for item in block.items)
            body.append(f"<ul>{items}</ul>")
        else:
            head = "".join(f"<th>{html.escape(cell)}</th>" for cell in block.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
                for row in block.rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;"
        "line-height:1.5;padding:0 1rem}table{border-collapse:collapse}"
        "th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}</style>\n"
        "</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
