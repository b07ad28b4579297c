"""HTTP mode: Bolt's WSGI adapter served by waitress, plus health, readiness and metrics.

Bolt's built-in development server drops connections when many requests arrive together, so
production traffic goes through waitress, a threaded WSGI server.
"""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.request.internals import parse_body
from waitress import wasyncore
from waitress.server import create_server

from bot.metrics import METRICS_CONTENT_TYPE, metrics_text
from bot.services import Services

SLACK_EVENTS_PATH = "/slack/events"

StartResponse = Callable[..., Any]


def make_wsgi_app(
    app: App, services: Services
) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """The WSGI application: Slack requests at /slack/events, liveness at /healthz, readiness at
    /readyz and Prometheus metrics at /metrics."""
    slack_handler = SlackRequestHandler(app=app, path=SLACK_EVENTS_PATH)
    readiness = Readiness(services)

    def clearpost_wsgi(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            return _json(start_response, "200 OK", {"status": "ok"})
        if path == "/readyz":
            checks = readiness.check()
            ready = all(result == "ok" for result in checks.values())
            status = "200 OK" if ready else "503 Service Unavailable"
            return _json(
                start_response, status, {"status": "ready" if ready else "not ready", **checks}
            )
        if path == "/metrics":
            payload = metrics_text()
            start_response(
                "200 OK",
                [("Content-Type", METRICS_CONTENT_TYPE), ("Content-Length", str(len(payload)))],
            )
            return [payload]
        if path == SLACK_EVENTS_PATH:
            if not _readable_by_bolt(environ):
                return _json(start_response, "400 Bad Request", {"error": "malformed body"})
            return slack_handler(environ, start_response)
        return _json(start_response, "404 Not Found", {"error": "not found"})

    return clearpost_wsgi


class Readiness:
    """Whether this replica can take traffic: database reachable, policy valid, model loaded.

    The database is asked on every probe; the policy and the privacy model cannot change once
    loaded, so they are checked until they pass once.
    """

    PROBE_TEXT = "Readiness probe: the privacy model reads this sentence."

    def __init__(self, services: Services) -> None:
        self._services = services
        self._static_checks_passed = False

    def check(self) -> dict[str, str]:
        results = {"database": "ok" if self._services.store.ping() else "unreachable"}
        if self._static_checks_passed:
            results.update(policy="ok", privacy_model="ok")
            return results
        policy = self._services.policy
        results["policy"] = "ok" if policy is not None and policy.accounts else "no accounts"
        try:
            self._services.privacy.findings(self.PROBE_TEXT, policy.organisation)
            results["privacy_model"] = "ok"
        except Exception as error:  # any failure means the model cannot check drafts
            results["privacy_model"] = f"not loaded ({type(error).__name__})"
        self._static_checks_passed = results["policy"] == results["privacy_model"] == "ok"
        return results


def _readable_by_bolt(environ: dict[str, Any]) -> bool:
    """Whether the body parses the way Bolt reads it, into an object.

    Bolt answers 500 to a body it cannot parse (truncated JSON, a JSON array, a form whose
    ``payload`` is not JSON); such a request is the sender's mistake, so it gets a 400. The body
    is read here and put back for Bolt.
    """
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    environ["wsgi.input"] = io.BytesIO(body)
    content_type = str(environ.get("CONTENT_TYPE") or "").split(";", 1)[0].strip() or None
    try:
        return isinstance(parse_body(body.decode("utf-8"), content_type), dict)
    except ValueError:  # undecodable bytes or JSON, both ValueErrors
        return False


def _json(start_response: StartResponse, status: str, body: dict[str, Any]) -> list[bytes]:
    payload = json.dumps(body).encode()
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))]
    )
    return [payload]


class HttpService:
    """A running HTTP server on a background thread (tests) or the main thread (serve)."""

    def __init__(
        self, app: App, services: Services, host: str, port: int, threads: int = 16
    ) -> None:
        self._server = create_server(
            make_wsgi_app(app, services), host=host, port=port, threads=threads, ident="clearpost"
        )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.effective_port)  # type: ignore[union-attr]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def serve_forever(self) -> None:
        self._server.run()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._server.run, name="clearpost-http", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        server: Any = self._server
        if self._thread is not None and self._thread.is_alive():
            # Close the sockets on the server's own loop thread: closed from here, they can
            # vanish under its select() and the thread dies with EBADF. With its map empty, the
            # loop returns and the thread ends.
            try:
                server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
            except OSError:
                server.close()  # the loop is already closing its sockets
            self._thread.join(timeout=5)
        else:
            server.close()
        server.task_dispatcher.shutdown()
