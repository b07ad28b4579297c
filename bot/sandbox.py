"""``clearpost shell``: try Clearpost without a Slack workspace.

The real Bolt app runs in-process over HTTP against the built-in Slack-compatible server
(``LocalSlack``). A person types slash commands and reactions as one of the example policy's
sample users, switches user with ``as NAME``, and sees the approval cards, private replies and
direct messages the app sends, rendered as text from the calls the local server received.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from apscheduler.schedulers.background import BackgroundScheduler
from pydantic import SecretStr

from bot.local_slack import LocalSlack, RecordedCall
from bot.server import HttpService
from bot.services import Services, build_services
from bot.settings import Settings
from bot.slack_requests import SlackSender
from bot.store import Store
from bot.sweep import start_sweeper
from policy import Policy, load_policy

APPROVAL_CHANNEL = "C0APPROVALS"
COMMAND_CHANNEL = "C0GENERAL"
CHANNEL_NAMES = {APPROVAL_CHANNEL: "#approvals", COMMAND_CHANNEL: "#general"}

# After a command, output is collected until Slack has been quiet this long (the checks and the
# card run after the acknowledgement), or nothing came at all for IDLE_WAIT, or MAX_WAIT passed.
QUIET_AFTER_OUTPUT = 0.5
IDLE_WAIT = 1.5
MAX_WAIT = 15.0

HELP = """\
Type what a Slack user would type:
  /draft x-main Join us Saturday for our free flu clinic!   submit a draft
  /clearpost, /crisis ...                                     any other slash command
  :white_check_mark:   :x:   :pencil2:                        react on the last approval card
  :white_check_mark: #2                                       react on draft #2's card
  as approver1   (or: as U0APPROVER1)                         act as another user
  users                                                       who is who in the example policy
  help, quit"""


@dataclass(frozen=True)
class SampleUser:
    """A person named in the policy, with what the policy lets them do."""

    user_id: str
    name: str
    roles: tuple[str, ...]


def user_name(user_id: str) -> str:
    """A readable handle for a sample Slack ID: ``U0APPROVER1`` -> ``approver1``."""
    return re.sub(r"^[UW]0?", "", user_id).lower() or user_id.lower()


def sample_users(policy: Policy) -> list[SampleUser]:
    """Everyone the policy names by user ID, authors first, with what they may do."""
    duties: dict[str, dict[str, list[str]]] = {}

    def add(member: str, duty: str, what: str) -> None:
        if member[:1] in ("U", "W"):  # user groups (S...) have no members in the sandbox
            duties.setdefault(member, {}).setdefault(duty, []).append(what)

    for account in policy.accounts:
        for member in account.owners:
            add(member, "posts for", account.id)
        for member in account.approvers:
            add(member, "approves", account.id)
        for member in account.backup_approvers:
            add(member, "backs up approvals of", account.id)
    for group in policy.approvals.groups.values():
        for member in group.members:
            add(member, "member of", group.name)
    ordered = sorted(duties, key=lambda uid: "posts for" not in duties[uid])
    return [
        SampleUser(
            uid,
            user_name(uid),
            tuple(f"{duty} {', '.join(whats)}" for duty, whats in duties[uid].items()),
        )
        for uid in ordered
    ]


# --------------------------------------------------------------------------- rendering


def plain_text(mrkdwn: str, names: Callable[[str], str]) -> str:
    """Slack mrkdwn as a terminal shows it: mentions as @names, links as their text."""
    text = re.sub(r"<@([UW][A-Z0-9]+)>", lambda m: "@" + names(m.group(1)), mrkdwn)
    text = re.sub(
        r"<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>", lambda m: m.group(2) or "@" + m.group(1), text
    )
    text = re.sub(r"<#([A-Z0-9]+)(?:\|([^>]*))?>", lambda m: "#" + (m.group(2) or m.group(1)), text)
    text = re.sub(r"<([^|>]+)\|([^>]+)>", r"\2 (\1)", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def render_blocks(blocks: list[dict[str, Any]], names: Callable[[str], str]) -> list[str]:
    """Block Kit blocks as indented lines of text."""
    lines: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            lines.append(f"== {block.get('text', {}).get('text', '')} ==")
        elif kind == "section":
            if block.get("text"):
                lines.extend(plain_text(block["text"].get("text", ""), names).splitlines())
            for item in block.get("fields") or []:
                lines.extend(plain_text(item.get("text", ""), names).splitlines())
        elif kind == "context":
            texts = [plain_text(e.get("text", ""), names) for e in block.get("elements", [])]
            lines.append("  " + " · ".join(t for t in texts if t))
        elif kind == "actions":
            buttons = [
                f"[{e.get('text', {}).get('text', e.get('action_id', '?'))}]"
                for e in block.get("elements", [])
            ]
            lines.append(" ".join(buttons))
        elif kind == "divider":
            lines.append("-" * 40)
        elif kind == "input":
            label = block.get("label", {}).get("text", "")
            lines.append(f"{label}: [____________]")
    return lines


def _blocks_of(body: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = body.get("blocks")
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except json.JSONDecodeError:
            return []
    return blocks if isinstance(blocks, list) else []


def _view_of(body: dict[str, Any]) -> dict[str, Any]:
    view = body.get("view")
    if isinstance(view, str):
        try:
            view = json.loads(view)
        except json.JSONDecodeError:
            return {}
    return view if isinstance(view, dict) else {}


def _indent(lines: list[str]) -> str:
    return "\n".join("  | " + line if line else "  |" for line in lines)


# --------------------------------------------------------------------------- the sandbox


class Sandbox:
    """The real app, a local Slack and a transcript of what each user would see."""

    def __init__(
        self,
        settings: Settings,
        *,
        database_url: str | None = None,
    ) -> None:
        self._base_settings = settings
        self._database_url = database_url
        self._scratch: Path | None = None
        self._output: list[RecordedCall] = []
        self._output_lock = threading.Lock()
        self._last_output_at = 0.0
        self._response_owner: dict[str, str] = {}
        self._command_counter = 0
        self.policy: Policy = load_policy(settings.policy_file)
        self.users = sample_users(self.policy)
        self.user_id = self.users[0].user_id if self.users else "U0AUTHOR"
        self.slack: LocalSlack | None = None
        self.services: Services | None = None
        self.sweeper: BackgroundScheduler | None = None
        self.http: HttpService | None = None
        self.sender: SlackSender | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> Sandbox:
        from bot.app import build_app

        groups: dict[str, list[str]] = {
            member: []
            for account in self.policy.accounts
            for member in [*account.owners, *account.approvers]
            if member.startswith("S")
        }
        self.slack = LocalSlack(user_groups=groups).start()
        self.slack.on_call(self._collect)
        if self._database_url is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="clearpost-sandbox-"))
            self._database_url = f"sqlite:///{self._scratch / 'sandbox.db'}"
        secret = secrets.token_hex(16)
        settings = self._base_settings.model_copy(
            update={
                "slack_bot_token": SecretStr("xoxb-local-sandbox"),
                "slack_signing_secret": SecretStr(secret),
                "slack_app_token": None,
                "slack_api_url": self.slack.api_url,
                "database_url": self._database_url,
                "approval_channel": APPROVAL_CHANNEL,
            }
        )
        store = Store(self._database_url)
        try:
            store.upgrade_schema()
        finally:
            store.dispose()
        self.services = build_services(settings)
        self.http = HttpService(build_app(self.services), self.services, "127.0.0.1", 0, threads=4)
        self.http.start()
        self.sweeper = start_sweeper(self.services)
        self.sender = SlackSender(
            self.http.url, self.slack, secret, approval_channel=APPROVAL_CHANNEL
        )
        return self

    def stop(self) -> None:
        if self.sweeper is not None:
            self.sweeper.shutdown(wait=False)
        if self.http is not None:
            self.http.stop()
        if self.services is not None:
            self.services.store.dispose()
        if self.slack is not None:
            self.slack.stop()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ what the person types

    def banner(self) -> str:
        org = self.policy.organisation.name
        accounts = ", ".join(a.id for a in self.policy.accounts)
        return (
            f"Clearpost sandbox: the real app and a local Slack, with {org}'s example policy.\n"
            f"Accounts: {accounts}. You are @{self.name(self.user_id)}. "
            "Type `help` for what you can do, `users` for who is who.\n"
            "Try: /draft x-main Join us Saturday for our free flu clinic!"
        )

    def handle(self, line: str) -> tuple[str, bool]:
        """Act on one typed line; returns what to show and whether the session goes on."""
        line = line.strip()
        if not line:
            return self._drain(), True
        if line in ("quit", "exit"):
            return "", False
        if line == "help":
            return HELP, True
        if line == "users":
            return self._describe_users(), True
        if line.startswith("as "):
            return self._switch_user(line[3:].strip()), True
        if line.startswith("/"):
            return self._slash_command(line), True
        reaction = re.fullmatch(r":([a-z0-9_+\-:]+):(?:\s+#?(\d+))?", line)
        if reaction:
            draft = int(reaction.group(2)) if reaction.group(2) else None
            return self._react(reaction.group(1), draft), True
        return f"Not understood: {line!r}. Type `help`.", True

    def prompt(self) -> str:
        return f"{self.name(self.user_id)}> "

    def run(self, stdin: TextIO, stdout: TextIO, *, interactive: bool) -> None:
        """Read lines until ``quit`` or end of input, printing what each user sees."""
        stdout.write(self.banner() + "\n")
        for line in self._lines(stdin, stdout, interactive):
            shown, go_on = self.handle(line)
            if shown:
                stdout.write(shown + "\n")
                stdout.flush()
            if not go_on:
                break

    def _lines(self, stdin: TextIO, stdout: TextIO, interactive: bool) -> Iterator[str]:
        while True:
            if interactive:
                stdout.write(self.prompt())
                stdout.flush()
            line = stdin.readline()
            if not line:
                return
            if not interactive:
                stdout.write(f"{self.prompt()}{line.rstrip()}\n")
            yield line

    # ------------------------------------------------------------------ users

    def name(self, user_id: str) -> str:
        return next((u.name for u in self.users if u.user_id == user_id), user_name(user_id))

    def _describe_users(self) -> str:
        rows = [f"  {u.name:<12} {u.user_id:<14} {'; '.join(u.roles)}" for u in self.users]
        return "Sample users from the policy:\n" + "\n".join(rows)

    def _switch_user(self, who: str) -> str:
        wanted = who.lstrip("@").lower()
        for user in self.users:
            if wanted in (user.user_id.lower(), user.name):
                self.user_id = user.user_id
                return f"You are now @{user.name} ({user.user_id}): {'; '.join(user.roles)}."
        if re.fullmatch(r"[uw][a-z0-9]{2,}", wanted):
            self.user_id = wanted.upper()
            return f"You are now @{self.name(self.user_id)} ({self.user_id}), not in the policy."
        return f"No user {who!r}. Type `users` to see who is who."

    # ------------------------------------------------------------------ Slack actions

    def _slash_command(self, line: str) -> str:
        assert self.sender is not None
        command, _, text = line.partition(" ")
        self._command_counter += 1
        response_name = f"sandbox-{self._command_counter}"
        self._response_owner[response_name] = self.user_id
        shown = [self._drain()]  # anything still arriving from the previous line
        started = time.monotonic()
        answer = self.sender.slash(
            self.user_id, command, text, channel=COMMAND_CHANNEL, response_name=response_name
        )
        if answer.status != 200:
            # What Slack itself shows when an app does not answer a command with 200.
            shown.append(f'Slack: {command} failed with the error "dispatch_failed"')
        else:
            ack = _ack_text(answer.body)
            if ack:
                shown.append(self._private(self.user_id, plain_text(ack, self.name)))
        shown.append(self._wait_for_output(started))
        return "\n".join(part for part in shown if part)

    def _react(self, reaction: str, draft_id: int | None) -> str:
        assert self.sender is not None and self.slack is not None
        card = self._card_ts(draft_id)
        if card is None:
            which = f"draft #{draft_id}" if draft_id else "any draft"
            return f"There is no approval card for {which} yet. Submit one with /draft."
        shown = [self._drain(), f"@{self.name(self.user_id)} reacted :{reaction}: on the card"]
        started = time.monotonic()
        answer = self.sender.react(self.user_id, reaction, card, channel=APPROVAL_CHANNEL)
        if answer.status != 200:
            shown.append(f"(the app answered HTTP {answer.status})")
        shown.append(self._wait_for_output(started))
        return "\n".join(part for part in shown if part)

    def _card_ts(self, draft_id: int | None) -> str | None:
        assert self.slack is not None
        cards = [m for m in self.slack.messages if m.channel == APPROVAL_CHANNEL]
        if draft_id is not None:
            cards = [m for m in cards if re.search(rf"Draft #{draft_id}\b", m.text)]
        return cards[-1].ts if cards else None

    # ------------------------------------------------------------------ output

    def _collect(self, call: RecordedCall) -> None:
        if self._render(call) is None:
            return
        with self._output_lock:
            self._output.append(call)
            self._last_output_at = time.monotonic()

    def _wait_for_output(self, since: float) -> str:
        deadline = since + MAX_WAIT
        while time.monotonic() < deadline:
            with self._output_lock:
                last = self._last_output_at
            now = time.monotonic()
            if last >= since and now - last >= QUIET_AFTER_OUTPUT:
                break
            if last < since and now - since >= IDLE_WAIT:
                break
            time.sleep(0.05)
        return self._drain()

    def _drain(self) -> str:
        with self._output_lock:
            calls, self._output = self._output, []
        return "\n".join(text for call in calls if (text := self._render(call)))

    def _private(self, user_id: str, text: str) -> str:
        return f"(only @{self.name(user_id)} sees this) {text}"

    def _render(self, call: RecordedCall) -> str | None:
        body = call.body
        if call.method in ("chat.postMessage", "chat.update"):
            channel = str(body.get("channel", ""))
            blocks = _blocks_of(body)
            lines = render_blocks(blocks, self.name) if blocks else []
            text = plain_text(str(body.get("text", "")), self.name)
            if channel[:1] in ("U", "W", "D"):
                who = self.name("U" + channel[1:] if channel.startswith("D") else channel)
                return f"[direct message to @{who}] {text}" + (
                    "\n" + _indent(lines) if lines else ""
                )
            where = CHANNEL_NAMES.get(channel, "#" + channel)
            title = {"chat.update": "card updated"}.get(call.method, "new message")
            if body.get("thread_ts"):
                title = "reply in the card's thread"
            return f"[{where}: {title}]\n" + _indent(lines or [text])
        if call.method == "chat.postEphemeral":
            return self._private(
                str(body.get("user", "")), plain_text(str(body.get("text", "")), self.name)
            )
        if call.method == "response_url":
            reply = body.get("text")
            if not reply:
                return None
            owner = self._response_owner.get(str(body.get("response_path", "")), self.user_id)
            shown = plain_text(str(reply), self.name)
            if body.get("response_type") == "in_channel":
                return f"[#general: @{self.name(owner)}'s command]\n" + _indent(shown.splitlines())
            return self._private(owner, shown)
        if call.method in ("views.open", "views.publish"):
            view = _view_of(body)
            title = (view.get("title") or {}).get("text", "")
            lines = render_blocks(view.get("blocks") or [], self.name)
            if call.method == "views.publish":
                who = self.name(str(body.get("user_id", "")))
                return f"[App Home of @{who}]\n" + _indent(lines)
            return f"[form: {title}]\n" + _indent(lines)
        return None


def _ack_text(body: str) -> str:
    if not body:
        return ""
    try:
        value = json.loads(body)
    except json.JSONDecodeError:
        return body
    if isinstance(value, dict):
        return str(value.get("text") or "")
    return str(value)
