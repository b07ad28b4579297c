"""Platform-specific rules: each network's length limit counted its own way, hashtag limits,
link rules (https only, no shorteners, no blocked sites, no unclickable caption links) and alt
text on attached media.

X counts a post the way its own twitter-text library does: every link is 23 characters whatever
its length, emoji count 2, and characters outside Latin, Greek, Cyrillic and common punctuation
(CJK, for instance) count 2. The other networks count characters.
"""

from __future__ import annotations

import re
import unicodedata

from policy.checks.rules import draft_platform, make_finding
from policy.findings import Draft, Finding
from policy.lexicon import EMOJI, Link, find_links, host_is_in
from policy.schema import Account, PlatformLimits, Policy, Rule

# Code point ranges X weighs as one character; everything else weighs two (twitter-text v3).
_X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
# A hashtag needs at least one letter: "#1 in the state" is not one.
_HASHTAG = re.compile(r"(?<![\w&#])#(?=\w*[^\W\d_])\w+")


def _x_weight(char: str) -> int:
    code = ord(char)
    return 1 if any(low <= code <= high for low, high in _X_LIGHT_RANGES) else 2


def _x_weighted_text(text: str) -> int:
    count, position = 0, 0
    for emoji in EMOJI.finditer(text):
        count += sum(_x_weight(char) for char in text[position : emoji.start()]) + 2
        position = emoji.end()
    return count + sum(_x_weight(char) for char in text[position:])


def x_length(text: str, link_characters: int = 23) -> int:
    """Length of ``text`` as X counts it."""
    text = unicodedata.normalize("NFC", text)
    count, position = 0, 0
    for link in find_links(text):
        count += _x_weighted_text(text[position : link.start]) + link_characters
        position = link.end
    return count + _x_weighted_text(text[position:])


def platform_length(text: str, limits: PlatformLimits) -> int:
    """Length of ``text`` as the platform with these limits counts it."""
    if limits.counting == "x":
        return x_length(text, limits.link_characters or 23)
    length = len(unicodedata.normalize("NFC", text))
    if limits.link_characters is None:
        return length
    return sum(limits.link_characters - len(link.url) for link in find_links(text)) + length


def hashtags(text: str) -> list[re.Match[str]]:
    """The hashtags in a draft."""
    return list(_HASHTAG.finditer(text))


def platform_findings(draft: Draft, account: Account, policy: Policy) -> list[Finding]:
    """Findings for limits, links and media on the draft's platform."""
    section = policy.platform
    platform = draft_platform(draft, account)
    names = {"x": "X", "facebook": "Facebook", "instagram": "Instagram", "linkedin": "LinkedIn"}
    base: dict[str, object] = {"platform": names.get(platform.value, platform.value), "match": ""}
    limits = section.limits.get(platform)
    findings: list[Finding] = []
    links = find_links(draft.text)

    if limits is not None:
        length = platform_length(draft.text, limits)
        if section.length.enabled and length > limits.max_characters:
            values = {**base, "count": length, "limit": limits.max_characters}
            values["match"] = str(length - limits.max_characters)
            findings.append(make_finding(section, section.length, values))
        tags = hashtags(draft.text)
        if (
            section.hashtags.enabled
            and limits.max_hashtags is not None
            and len(tags) > limits.max_hashtags
        ):
            extra = tags[limits.max_hashtags]
            values = {**base, "count": len(tags), "limit": limits.max_hashtags}
            findings.append(
                make_finding(
                    section, section.hashtags, values, start=extra.start(), end=tags[-1].end()
                )
            )
        if section.unclickable_links.enabled and not limits.links_clickable:
            findings.extend(_per_link(section.unclickable_links, links, base, policy))

    if section.insecure_links.enabled:
        insecure = [link for link in links if (link.scheme or "").lower() == "http"]
        findings.extend(_per_link(section.insecure_links, insecure, base, policy))
    for rule in (section.shortened_links, section.blocked_links):
        if rule.enabled and rule.domains:
            hits = [link for link in links if host_is_in(link.host, rule.domains)]
            findings.extend(_per_link(rule, hits, base, policy))

    missing = draft.media_missing_alt_text
    if section.alt_text.enabled and draft.media_count > 0 and missing > 0:
        values = {**base, "count": missing, "limit": draft.media_count}
        findings.append(make_finding(section, section.alt_text, values))
    return findings


def _per_link(
    rule: Rule, links: list[Link], base: dict[str, object], policy: Policy
) -> list[Finding]:
    return [
        make_finding(
            policy.platform,
            rule,
            {**base, "match": link.url, "host": link.host, "count": len(links), "limit": 0},
            start=link.start,
            end=link.end,
        )
        for link in links
    ]
