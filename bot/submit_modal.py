"""The submit modal: account, text with a live character count, publish time and images.

``/draft`` with no text and the "Submit for approval" message shortcut open it. Submitting runs
the checks at once: a blocking finding comes back inline as a validation error on the field to
fix, so nothing is stored or posted until the draft can go to the approval channel. The publish
time uses Slack's date-and-time picker (in the person's own Slack time zone) and is confirmed in
the organisation's time zone from the policy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.cards import Block, escape
from bot.intake import owned_accounts
from bot.models import Draft, DraftVersion
from bot.notify import direct_message
from bot.services import Services
from bot.store import DatabaseUnavailable
from bot.workflow import SubmissionRefused, draft_to_check, process_draft, receive_draft
from policy import Category, Finding, Severity, Verdict, check
from policy.checks.platform import platform_length
from policy.schema import Account, Policy

SUBMIT_CALLBACK = "clearpost_submit_draft"
ACCOUNT_ACTION = "clearpost_submit_account"
TEXT_ACTION = "clearpost_submit_text"
PUBLISH_AT_ACTION = "clearpost_submit_publish_at"
ADD_IMAGE_ACTION = "clearpost_submit_add_image"
# Every action the open modal dispatches; each one redraws it (counts, notes, image slots).
LIVE_ACTIONS = (ACCOUNT_ACTION, TEXT_ACTION, PUBLISH_AT_ACTION, ADD_IMAGE_ACTION)

ACCOUNT_BLOCK = "account"
TEXT_BLOCK = "text"
COUNT_BLOCK = "character_count"
PUBLISH_BLOCK = "publish_at"
PUBLISH_NOTE_BLOCK = "publish_note"
ADD_IMAGE_BLOCK = "add_image"
IMAGE_URL_INPUT = "image_url"
IMAGE_ALT_INPUT = "image_alt"
MAX_IMAGES = 4
MAX_MODAL_TEXT = 3000  # the longest text a Slack text input takes
MAX_ERROR = 150  # keep inline errors to a line or two under the field


def image_url_block(slot: int) -> str:
    return f"image_url_{slot}"


def image_alt_block(slot: int) -> str:
    return f"image_alt_{slot}"


@dataclass(frozen=True)
class ModalState:
    """What the person has entered in the modal so far."""

    account_id: str | None = None
    text: str = ""
    publish_at: datetime | None = None
    # (link, alt text) per image slot, either may be blank while the person is typing.
    images: tuple[tuple[str, str], ...] = ()
    image_slots: int = 1

    def media(self) -> list[dict[str, Any]]:
        """The images in the shape drafts record them: slots with a link only."""
        return [
            {"url": url.strip(), "alt_text": alt.strip() or None, "name": None}
            for url, alt in self.images
            if url.strip()
        ]


def read_state(view: dict[str, Any]) -> ModalState:
    """The modal's current values from a view_submission or block_actions payload."""
    values = (view.get("state") or {}).get("values") or {}

    def value(block: str, action: str, key: str = "value") -> Any:
        return ((values.get(block) or {}).get(action) or {}).get(key)

    selected = value(ACCOUNT_BLOCK, ACCOUNT_ACTION, "selected_option") or {}
    stamp = value(PUBLISH_BLOCK, PUBLISH_AT_ACTION, "selected_date_time")
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        metadata = {}
    slots = max(1, min(MAX_IMAGES, int(metadata.get("image_slots", 1))))
    images = tuple(
        (
            str(value(image_url_block(slot), IMAGE_URL_INPUT) or ""),
            str(value(image_alt_block(slot), IMAGE_ALT_INPUT) or ""),
        )
        for slot in range(slots)
    )
    return ModalState(
        account_id=selected.get("value"),
        text=str(value(TEXT_BLOCK, TEXT_ACTION) or ""),
        publish_at=datetime.fromtimestamp(int(stamp), UTC) if stamp else None,
        images=images,
        image_slots=slots,
    )


def prefilled_state(
    text: str = "", media: list[dict[str, Any]] | None = None, account_id: str | None = None
) -> ModalState:
    """The modal's first state: a shortcut brings the message's text, images and account tag."""
    images = tuple(
        (str(item.get("url") or ""), str(item.get("alt_text") or ""))
        for item in (media or [])[:MAX_IMAGES]
    )
    return ModalState(
        account_id=account_id,
        text=text[:MAX_MODAL_TEXT],
        images=images,
        image_slots=max(1, len(images)),
    )


# --------------------------------------------------------------------------- rendering


def organisation_zone(policy: Policy) -> ZoneInfo:
    try:
        return ZoneInfo(policy.organisation.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def publish_time_text(when: datetime, policy: Policy) -> str:
    """``Saturday 14 June 2025 at 10:00 EDT (America/New_York)``, in the policy's time zone."""
    local = when.astimezone(organisation_zone(policy))
    return (
        f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M %Z} ({policy.organisation.timezone})"
    )


def character_count_text(text: str, account: Account | None, policy: Policy) -> str:
    """The live count under the text, counted the way the chosen platform counts."""
    if account is None:
        return "Choose an account to see the character count for its platform."
    limits = policy.platform.limits.get(account.platform)
    platform = account.platform.value
    if limits is None:
        return f"{len(text)} characters ({platform} has no length limit in the policy)."
    used = platform_length(text, limits)
    counted = " (links count as 23)" if limits.counting == "x" else ""
    line = f"{used} / {limits.max_characters} characters on {platform}{counted}"
    if used > limits.max_characters:
        return f":warning: {line}: {used - limits.max_characters} too many."
    return line + "."


def submit_modal(services: Services, user_id: str, state: ModalState) -> dict[str, Any] | None:
    """The modal for this person; None if they may not post for any account."""
    accounts = owned_accounts(services, user_id)
    if not accounts:
        return None
    chosen = services.policy.account(state.account_id or "")
    if chosen is None and len(accounts) == 1:
        chosen = accounts[0]
    options = [_account_option(account) for account in accounts[:100]]
    account_select: Block = {
        "type": "static_select",
        "action_id": ACCOUNT_ACTION,
        "placeholder": {"type": "plain_text", "text": "Choose an account"},
        "options": options,
    }
    if chosen is not None and chosen in accounts:
        account_select["initial_option"] = _account_option(chosen)
    text_input: Block = {
        "type": "plain_text_input",
        "action_id": TEXT_ACTION,
        "multiline": True,
        "max_length": MAX_MODAL_TEXT,
        "dispatch_action_config": {"trigger_actions_on": ["on_character_entered"]},
        "placeholder": {"type": "plain_text", "text": "The post, exactly as it should go out"},
    }
    if state.text:
        text_input["initial_value"] = state.text[:MAX_MODAL_TEXT]
    picker: Block = {"type": "datetimepicker", "action_id": PUBLISH_AT_ACTION}
    if state.publish_at is not None:
        picker["initial_date_time"] = int(state.publish_at.timestamp())
    zone = services.policy.organisation.timezone
    blocks: list[Block] = [
        {
            "type": "input",
            "block_id": ACCOUNT_BLOCK,
            "dispatch_action": True,
            "label": {"type": "plain_text", "text": "Account"},
            "element": account_select,
        },
        {
            "type": "input",
            "block_id": TEXT_BLOCK,
            "dispatch_action": True,
            "label": {"type": "plain_text", "text": "Post text"},
            "element": text_input,
        },
        _context(COUNT_BLOCK, character_count_text(state.text, chosen, services.policy)),
        {
            "type": "input",
            "block_id": PUBLISH_BLOCK,
            "optional": True,
            "dispatch_action": True,
            "label": {"type": "plain_text", "text": "Publish time"},
            "hint": {
                "type": "plain_text",
                "text": "Leave empty to publish as soon as it is approved.",
            },
            "element": picker,
        },
        _context(
            PUBLISH_NOTE_BLOCK,
            f"Goes out {publish_time_text(state.publish_at, services.policy)} once approved."
            if state.publish_at
            else f"The picker shows your own Slack time zone; Clearpost schedules in {zone}.",
        ),
    ]
    for slot in range(state.image_slots):
        url, alt = state.images[slot] if slot < len(state.images) else ("", "")
        blocks.extend(_image_inputs(slot, url, alt))
    if state.image_slots < MAX_IMAGES:
        blocks.append(
            {
                "type": "actions",
                "block_id": ADD_IMAGE_BLOCK,
                "elements": [
                    {
                        "type": "button",
                        "action_id": ADD_IMAGE_ACTION,
                        "text": {"type": "plain_text", "text": "Add another image"},
                    }
                ],
            }
        )
    return {
        "type": "modal",
        "callback_id": SUBMIT_CALLBACK,
        "private_metadata": json.dumps({"image_slots": state.image_slots}),
        "title": {"type": "plain_text", "text": "Submit for approval"},
        "submit": {"type": "plain_text", "text": "Check and submit"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def redrawn_modal(
    services: Services, user_id: str, view: dict[str, Any], *, add_image: bool = False
) -> dict[str, Any] | None:
    """The open modal redrawn from what is typed in it (new count, time note or image slot)."""
    state = read_state(view)
    if add_image:
        state = replace(state, image_slots=min(MAX_IMAGES, state.image_slots + 1))
    return submit_modal(services, user_id, state)


def _account_option(account: Account) -> Block:
    label = f"{account.display_name} ({account.platform.value})"
    return {"text": {"type": "plain_text", "text": label[:75]}, "value": account.id}


def _context(block_id: str, text: str) -> Block:
    return {
        "type": "context",
        "block_id": block_id,
        "elements": [{"type": "mrkdwn", "text": escape(text)}],
    }


def _image_inputs(slot: int, url: str, alt: str) -> list[Block]:
    url_input: Block = {"type": "url_text_input", "action_id": IMAGE_URL_INPUT}
    if url:
        url_input["initial_value"] = url
    alt_input: Block = {
        "type": "plain_text_input",
        "action_id": IMAGE_ALT_INPUT,
        "max_length": 1000,
        "placeholder": {"type": "plain_text", "text": "What the image shows, for screen readers"},
    }
    if alt:
        alt_input["initial_value"] = alt
    return [
        {
            "type": "input",
            "block_id": image_url_block(slot),
            "optional": True,
            "label": {"type": "plain_text", "text": f"Image {slot + 1}: link"},
            "element": url_input,
        },
        {
            "type": "input",
            "block_id": image_alt_block(slot),
            "optional": True,
            "label": {"type": "plain_text", "text": f"Image {slot + 1}: alt text"},
            "element": alt_input,
        },
    ]


# --------------------------------------------------------------------------- submission


@dataclass(frozen=True)
class ModalOutcome:
    """What a submission did: a stored draft, or errors to show under the fields."""

    draft_id: int | None = None
    errors: dict[str, str] = field(default_factory=dict)


def submit_modal_draft(services: Services, user_id: str, state: ModalState) -> ModalOutcome:
    """Check the modal's draft now; store it only if nothing blocks it."""
    errors = _input_errors(services, state)
    account = services.policy.account(state.account_id or "")
    if errors or account is None:
        return ModalOutcome(errors=errors or {ACCOUNT_BLOCK: "Choose an account."})
    errors = _blocking_errors(services, user_id, account, state)
    if errors:
        return ModalOutcome(errors=errors)
    try:
        draft_id = receive_draft(
            services,
            author_id=user_id,
            account_id=account.id,
            text=state.text,
            source="modal",
            media=state.media() or None,
            publish_at=state.publish_at,
        )
    except SubmissionRefused as refusal:
        return ModalOutcome(errors={TEXT_BLOCK: _short(str(refusal))})
    except DatabaseUnavailable:
        return ModalOutcome(
            errors={TEXT_BLOCK: "Clearpost cannot reach its database; try again in a minute."}
        )
    return ModalOutcome(draft_id=draft_id)


def finish_modal_draft(
    services: Services, draft_id: int, author_id: str, state: ModalState
) -> None:
    """After the modal closed: post the card, tell the author, confirm the publish time."""
    process_draft(services, draft_id)
    if state.publish_at is not None:
        direct_message(
            services,
            author_id,
            f"Draft #{draft_id} goes out {publish_time_text(state.publish_at, services.policy)} "
            "once it is approved.",
        )


def _input_errors(services: Services, state: ModalState) -> dict[str, str]:
    errors: dict[str, str] = {}
    if services.policy.account(state.account_id or "") is None:
        errors[ACCOUNT_BLOCK] = "Choose an account."
    if not state.text.strip():
        errors[TEXT_BLOCK] = "Write the post text."
    if state.publish_at is not None and state.publish_at <= services.clock():
        when = publish_time_text(state.publish_at, services.policy)
        errors[PUBLISH_BLOCK] = _short(f"{when} has passed; choose a later time or leave it empty.")
    for slot, (url, alt) in enumerate(state.images):
        if url.strip() and not url.strip().lower().startswith("https://"):
            errors[image_url_block(slot)] = "Use an https:// link to the image."
        elif alt.strip() and not url.strip():
            errors[image_url_block(slot)] = "Add the image's link, or clear its alt text."
    return errors


def _blocking_errors(
    services: Services, user_id: str, account: Account, state: ModalState
) -> dict[str, str]:
    """Blocking findings as inline errors, each under the field that fixes it."""
    # An unsaved draft, so the modal checks exactly what process_draft will check once stored.
    unsaved = Draft(account_id=account.id, author_id=user_id, current_version=1)
    unsaved.versions.append(DraftVersion(number=1, text=state.text, media=state.media() or None))
    report = check(
        draft_to_check(unsaved),
        account,
        services.policy,
        privacy=services.privacy,
        resolve_members=services.directory.resolve,
    )
    if report.verdict is not Verdict.BLOCK:
        return {}
    alt_text_rule = f"{Category.PLATFORM.value}.{services.policy.platform.alt_text.id}"
    errors: dict[str, str] = {}
    about_text: list[Finding] = []
    for finding in report.findings:
        if finding.severity is not Severity.BLOCK:
            continue
        if finding.rule_id == alt_text_rule:
            for slot, (url, alt) in enumerate(state.images):
                if url.strip() and not alt.strip():
                    errors[image_alt_block(slot)] = _short(
                        "Add alt text: " + (finding.suggestion or finding.message)
                    )
        elif finding.category is Category.ACCESS:
            errors[ACCOUNT_BLOCK] = _short(finding.message)
        else:
            about_text.append(finding)
    if about_text:
        messages = list(dict.fromkeys(finding.message for finding in about_text))
        more = f" (+{len(messages) - 1} more)" if len(messages) > 1 else ""
        errors[TEXT_BLOCK] = _short(f"Blocked: {messages[0]}", suffix=more)
    return errors


def _short(text: str, suffix: str = "") -> str:
    room = MAX_ERROR - len(suffix)
    return (text if len(text) <= room else text[: room - 1] + "…") + suffix
