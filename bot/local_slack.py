"""A local Slack-compatible Web API server, for tests and the local sandbox.

It answers the Web API methods Clearpost uses, keeps the messages it was sent (so the sandbox can
show them), records every call with its body (so tests can assert on them), serves response URLs,
and can be told to fail: ``fail_next("chat.postMessage", status=429, retry_after=1)``.
Binds 127.0.0.1 on port 0 by default, so parallel runs never collide.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse


@dataclass
class RecordedCall:
    """One request the server received: the API method (or response URL path) and its body."""

    method: str
    body: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    token: str | None = None  # the bearer token the caller sent (bot xoxb- or user xoxp-)


@dataclass
class StoredMessage:
    """A message as the fake workspace keeps it."""

    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]]
    user: str | None = None
    ephemeral_for: str | None = None
    thread_ts: str | None = None
    files: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Failure:
    status: int
    retry_after: int | None
    error: str | None
    delay: float


class LocalSlack:
    """A Slack Web API look-alike on a local port. Use as a context manager or start()/stop()."""

    def __init__(
        self,
        *,
        bot_user_id: str = "U0CLEARPOST",
        team_id: str = "T0CLEARPOST",
        user_groups: dict[str, list[str]] | None = None,
        user_groups_available: bool = True,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.bot_user_id = bot_user_id
        self.team_id = team_id
        self.user_groups = dict(user_groups or {})
        self.user_groups_available = user_groups_available
        self.calls: list[RecordedCall] = []
        self.messages: list[StoredMessage] = []
        self._failures: dict[str, list[_Failure]] = {}
        self._lock = threading.Lock()
        self._ts_counter = itertools.count(1)
        self._listeners: list[Callable[[RecordedCall], None]] = []
        self._server = ThreadingHTTPServer((host, port), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        """The value for SLACK_API_URL."""
        return f"{self.url}/api/"

    def response_url(self, name: str) -> str:
        """A response URL that lands on this server (slash commands and buttons carry one)."""
        return f"{self.url}/response/{name}"

    def start(self) -> LocalSlack:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="local-slack", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LocalSlack:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ test helpers

    def fail_next(
        self,
        method: str,
        *,
        status: int = 500,
        times: int = 1,
        retry_after: int | None = None,
        error: str | None = None,
        delay: float = 0.0,
    ) -> None:
        """Make the next ``times`` calls to ``method`` fail with this HTTP status or Slack error."""
        with self._lock:
            self._failures.setdefault(method, []).extend(
                _Failure(status, retry_after, error, delay) for _ in range(times)
            )

    def answer_late(self, method: str, *, delay: float, times: int = 1) -> None:
        """Carry out the next ``times`` calls to ``method`` but answer only after ``delay``
        seconds: a Slack that posted the message while the caller gave up waiting."""
        self.fail_next(method, status=200, times=times, delay=delay)

    def on_call(self, listener: Callable[[RecordedCall], None]) -> None:
        """Run ``listener`` for every call received (the sandbox prints from here)."""
        self._listeners.append(listener)

    def calls_to(self, method: str) -> list[RecordedCall]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 15.0,
        where: Callable[[RecordedCall], bool] | None = None,
    ) -> list[RecordedCall]:
        """Wait until ``count`` matching calls arrived; raise AssertionError naming what came."""
        deadline = time.monotonic() + timeout
        while True:
            found = [call for call in self.calls_to(method) if where is None or where(call)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                seen = sorted({call.method for call in self.calls})
                raise AssertionError(
                    f"expected {count} call(s) to {method}, got {len(found)}; calls seen: {seen}"
                )
            time.sleep(0.02)

    def add_user_message(
        self,
        channel: str,
        user: str,
        text: str,
        *,
        files: list[dict[str, Any]] | None = None,
        thread_ts: str | None = None,
    ) -> StoredMessage:
        """A message a person posts, as the workspace keeps it; tests then send its event."""
        message = StoredMessage(
            channel=channel,
            ts=self._next_ts(),
            text=text,
            blocks=[],
            user=user,
            thread_ts=thread_ts,
            files=list(files or []),
        )
        with self._lock:
            self.messages.append(message)
        return message

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.messages.clear()
            self._failures.clear()

    # ------------------------------------------------------------------ the API

    def _next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts_counter):06d}"

    def _answer(self, method: str, body: dict[str, Any], token: str | None) -> dict[str, Any]:
        """The JSON a real workspace would give for ``method`` (the parts Clearpost reads)."""
        if method == "auth.test":
            return {
                "ok": True,
                "user_id": self.bot_user_id,
                "bot_id": "B0CLEARPOST",
                "team_id": self.team_id,
                "team": "Local workspace",
                "url": "https://local.slack.invalid/",
            }
        if method == "chat.postMessage":
            channel = str(body.get("channel", ""))
            ts = self._next_ts()
            message = StoredMessage(
                channel=channel,
                ts=ts,
                text=str(body.get("text", "")),
                blocks=_as_list(body.get("blocks")),
                user=self.bot_user_id,
                thread_ts=body.get("thread_ts"),
            )
            with self._lock:
                self.messages.append(message)
            return {"ok": True, "channel": channel, "ts": ts, "message": {"text": message.text}}
        if method == "chat.update":
            with self._lock:
                for message in self.messages:
                    if message.channel == body.get("channel") and message.ts == body.get("ts"):
                        message.text = str(body.get("text", message.text))
                        message.blocks = _as_list(body.get("blocks")) or message.blocks
                        return {"ok": True, "channel": message.channel, "ts": message.ts}
            return {"ok": False, "error": "message_not_found"}
        if method == "chat.postEphemeral":
            message = StoredMessage(
                channel=str(body.get("channel", "")),
                ts=self._next_ts(),
                text=str(body.get("text", "")),
                blocks=_as_list(body.get("blocks")),
                ephemeral_for=str(body.get("user", "")),
            )
            with self._lock:
                self.messages.append(message)
            return {"ok": True, "message_ts": message.ts}
        if method == "chat.delete":
            with self._lock:
                target = next(
                    (
                        m
                        for m in self.messages
                        if m.channel == body.get("channel") and m.ts == body.get("ts")
                    ),
                    None,
                )
                if target is None:
                    return {"ok": False, "error": "message_not_found"}
                # As in Slack, a bot token deletes only the bot's own messages; anyone else's
                # message needs a workspace admin's user token.
                if target.user != self.bot_user_id and not (token or "").startswith("xoxp-"):
                    return {"ok": False, "error": "cant_delete_message"}
                self.messages.remove(target)
            return {"ok": True, "channel": target.channel, "ts": target.ts}
        if method == "conversations.history":
            latest, oldest = body.get("latest"), body.get("oldest")
            with self._lock:
                found = [
                    m
                    for m in self.messages
                    if m.channel == body.get("channel")
                    and m.ephemeral_for is None
                    and (latest is None or float(m.ts) <= float(latest))
                    and (oldest is None or float(m.ts) >= float(oldest))
                ]
            found.sort(key=lambda m: float(m.ts), reverse=True)
            limit = int(body.get("limit") or 100)
            return {
                "ok": True,
                "messages": [_as_history_item(m) for m in found[:limit]],
                "has_more": len(found) > limit,
            }
        if method == "chat.getPermalink":
            channel, ts = body.get("channel", ""), str(body.get("message_ts", ""))
            return {
                "ok": True,
                "permalink": f"{self.url}/archives/{channel}/p{ts.replace('.', '')}",
            }
        if method == "conversations.open":
            users = str(body.get("users", ""))
            return {"ok": True, "channel": {"id": "D" + users.split(",")[0].lstrip("UW")}}
        if method == "users.info":
            user = str(body.get("user", ""))
            return {"ok": True, "user": {"id": user, "name": user.lower(), "tz": "UTC"}}
        if method in ("usergroups.users.list", "usergroups.list"):
            if not self.user_groups_available:
                return {"ok": False, "error": "plan_upgrade_required"}
            if method == "usergroups.list":
                return {"ok": True, "usergroups": [{"id": g} for g in self.user_groups]}
            group = str(body.get("usergroup", ""))
            if group not in self.user_groups:
                return {"ok": False, "error": "no_such_subteam"}
            return {"ok": True, "users": list(self.user_groups[group])}
        if method.startswith("views."):
            return {"ok": True, "view": {"id": "V" + self._next_ts().replace(".", "")}}
        return {"ok": True}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: Any) -> None:  # quiet: tests read calls, not logs
                return

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def _handle(self) -> None:
                parsed = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = _parse_body(raw, self.headers.get("Content-Type", ""))
                body.update(dict(parse_qsl(parsed.query)))
                if parsed.path.startswith("/api/"):
                    method = parsed.path[len("/api/") :]
                elif parsed.path.startswith("/response/"):
                    method = "response_url"
                    body["response_path"] = parsed.path[len("/response/") :]
                else:
                    self._send(404, {"ok": False, "error": "unknown_path"})
                    return
                authorization = self.headers.get("Authorization") or ""
                token = authorization.removeprefix("Bearer ").strip() or body.get("token")
                call = RecordedCall(method, body, token=token)
                with fake._lock:
                    fake.calls.append(call)
                    queue = fake._failures.get(method)
                    failure = queue.pop(0) if queue else None
                for listener in fake._listeners:
                    listener(call)
                if failure is not None and failure.status == 200 and failure.error is None:
                    answer = fake._answer(method, body, call.token)  # the work is done…
                    time.sleep(failure.delay)  # …but the answer comes too late
                    # The caller may have stopped waiting and closed the connection.
                    with contextlib.suppress(OSError):
                        self._send(200, answer)
                    return
                if failure is not None:
                    if failure.delay:
                        time.sleep(failure.delay)
                    if failure.error:
                        self._send(200, {"ok": False, "error": failure.error})
                    else:
                        headers = {}
                        if failure.retry_after is not None:
                            headers["Retry-After"] = str(failure.retry_after)
                        with contextlib.suppress(OSError):  # the caller may have given up
                            self._send(
                                failure.status, {"ok": False, "error": "ratelimited"}, headers
                            )
                    return
                if method == "response_url":
                    self._send(200, {"ok": True})
                    return
                self._send(200, fake._answer(method, body, call.token))

            def _send(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    text = raw.decode("utf-8", errors="replace")
    if "json" in content_type:
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            return {"_unparsed": text}
        return value if isinstance(value, dict) else {"_value": value}
    return dict(parse_qsl(text, keep_blank_values=True))


def _as_history_item(message: StoredMessage) -> dict[str, Any]:
    item: dict[str, Any] = {"type": "message", "ts": message.ts, "text": message.text}
    if message.user:
        item["user"] = message.user
    if message.blocks:
        item["blocks"] = message.blocks
    if message.thread_ts:
        item["thread_ts"] = message.thread_ts
    if message.files:
        item["files"] = message.files
    return item


def _as_list(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return []
    return list(value) if isinstance(value, list) else []
