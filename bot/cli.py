"""The ``clearpost`` command: serve the bot or a local sandbox, check drafts, lint policies, print
the Slack app manifest, migrate the database, verify the audit log."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

if TYPE_CHECKING:
    from bot.store import Store

EXIT_OK, EXIT_BLOCKED, EXIT_BAD_INPUT = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_BAD_INPUT
    return int(args.run(args))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clearpost",
        description="Clears healthcare social media posts: policy and PHI checks, approvals.",
    )
    commands = parser.add_subparsers(title="commands")

    serve = commands.add_parser("serve", help="run the Slack bot")
    mode = serve.add_mutually_exclusive_group()
    mode.add_argument("--socket", action="store_true", help="Socket Mode (needs SLACK_APP_TOKEN)")
    mode.add_argument("--http", action="store_true", help="HTTP mode at POST /slack/events")
    serve.add_argument("--port", type=int, help="HTTP port (default CLEARPOST_HTTP_PORT or 3000)")
    serve.set_defaults(run=_serve)

    check = commands.add_parser("check", help="check drafts against the policy and for PHI")
    check.add_argument("text", nargs="?", help="one draft's text")
    check.add_argument("--file", type=Path, help=".txt, .jsonl or Hootsuite bulk .csv")
    check.add_argument("--account", help="account id from the policy")
    check.add_argument("--platform", choices=["x", "facebook", "instagram", "linkedin"])
    check.add_argument("--policy", type=Path, help="policy file (default: the configured one)")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument("--author", help="Slack user ID of the author: also check account access")
    check.add_argument("--crisis", action="store_true", help="check as if a crisis were declared")
    check.set_defaults(run=_check)

    policy = commands.add_parser("policy", help="work with policy files")
    policy_commands = policy.add_subparsers(title="policy commands")
    lint = policy_commands.add_parser("lint", help="validate a policy file")
    lint.add_argument("file", type=Path)
    lint.set_defaults(run=_policy_lint)
    render = policy_commands.add_parser("render", help="write the policy as a document for staff")
    render.add_argument("file", type=Path)
    render.add_argument("--format", choices=["md", "html"], default="md")
    render.add_argument("--output", type=Path, help="write here instead of standard output")
    render.set_defaults(run=_policy_render)

    shell = commands.add_parser(
        "shell", help="try Clearpost without Slack: a local sandbox with the example users"
    )
    shell.add_argument(
        "--database", help="database URL to keep the sandbox's drafts (default: a scratch one)"
    )
    shell.set_defaults(run=_shell)

    manifest = commands.add_parser("manifest", help="print the Slack app manifest (YAML)")
    manifest_mode = manifest.add_mutually_exclusive_group()
    manifest_mode.add_argument("--socket", action="store_true", help="for Socket Mode")
    manifest_mode.add_argument("--http", action="store_true", help="for HTTP mode (default)")
    manifest.add_argument("--url", help="public base URL of the service in HTTP mode")
    manifest.set_defaults(run=_manifest)

    db = commands.add_parser("db", help="manage the database schema")
    db_commands = db.add_subparsers(title="db commands")
    upgrade = db_commands.add_parser("upgrade", help="migrate the database to this version")
    upgrade.set_defaults(run=_db_upgrade)

    audit_cmd = commands.add_parser("audit", help="verify or export the audit log")
    audit_commands = audit_cmd.add_subparsers(title="audit commands")
    verify = audit_commands.add_parser("verify", help="prove the audit chain is intact")
    verify.set_defaults(run=_audit_verify)
    export = audit_commands.add_parser("export", help="write the audit log for a review")
    export.add_argument("--since", type=_date, help="YYYY-MM-DD (UTC)")
    export.add_argument("--format", choices=["csv", "jsonl"], default="jsonl")
    export.set_defaults(run=_audit_export)
    return parser


def _date(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2026-01-31") from None


def _settings():  # type: ignore[no-untyped-def]
    from bot.settings import Settings

    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in item['loc'])}: {item['msg']}" for item in error.errors()
        )
        print(f"clearpost: invalid settings: {problems}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT) from None


def _fail(message: str) -> int:
    print(f"clearpost: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


# --------------------------------------------------------------------------- serve


def _serve(args: argparse.Namespace) -> int:
    from bot.logs import configure_logging
    from bot.settings import Settings
    from policy import PolicyError, load_policy

    settings: Settings = _settings()
    # Empty values count as unset: a fresh copy of .env.example has every Slack setting empty.
    no_slack_credentials = not (
        settings.slack_bot_token or settings.slack_signing_secret or settings.slack_app_token
    )
    if no_slack_credentials and not (args.socket or args.http):
        print(
            "clearpost: no Slack credentials are set (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET), so "
            "starting the local sandbox instead. To connect to Slack, see the README's 'Create "
            "the Slack app' section.",
            file=sys.stderr,
        )
        return _shell(argparse.Namespace(database=None))
    configure_logging(settings.log_level)
    socket_mode = args.socket or (not args.http and settings.slack_app_token is not None)
    missing = settings.missing_for_socket_mode() if socket_mode else settings.missing_for_http()
    if missing:
        mode = "Socket Mode" if socket_mode else "HTTP mode"
        return _fail(
            f"{mode} needs these settings: {', '.join(missing)}. Set them in the environment or "
            "in .env (see .env.example and the README's 'Create the Slack app' section)."
        )
    try:
        load_policy(settings.policy_file)
    except PolicyError as error:
        return _fail(f"the policy file is invalid, not starting:\n{error}")

    from bot.app import build_app
    from bot.services import build_services
    from bot.store import SchemaOutOfDate

    try:
        services = build_services(settings)
    except SchemaOutOfDate as problem:
        return _fail(f"not starting: {problem}")
    warning = services.directory.check_user_groups_available()
    if warning:
        logging.getLogger("clearpost").warning(warning)
    app = build_app(services)
    from bot.sweep import start_sweeper

    # Reminders, escalations, expiry, scheduled publishing, the digest and unfinished cards.
    start_sweeper(services)
    if socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        assert settings.slack_app_token is not None
        SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
        return EXIT_OK
    from bot.server import HttpService

    port = args.port if args.port is not None else settings.http_port
    service = HttpService(app, services, settings.http_host, port, settings.http_threads)
    logging.getLogger("clearpost").info("serving Slack requests on port %s", service.port)
    service.serve_forever()
    return EXIT_OK


# --------------------------------------------------------------------------- check


def _check(args: argparse.Namespace) -> int:
    from bot.check_command import run_check

    return run_check(args, _settings())


# --------------------------------------------------------------------------- policy


def _policy_lint(args: argparse.Namespace) -> int:
    from policy import PolicyError, load_policy

    try:
        policy = load_policy(args.file)
    except PolicyError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"{args.file}: valid ({len(policy.accounts)} accounts)")
    return EXIT_OK


def _policy_render(args: argparse.Namespace) -> int:
    from policy import PolicyError, load_policy
    from policy.render import render_policy

    try:
        document = render_policy(load_policy(args.file), args.format)
    except PolicyError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.output is None:
        sys.stdout.write(document)
        return EXIT_OK
    try:
        args.output.write_text(document, encoding="utf-8")
    except OSError as error:
        return _fail(f"cannot write {args.output} ({error.strerror})")
    print(f"wrote {args.output}")
    return EXIT_OK


# --------------------------------------------------------------------------- shell


def _shell(args: argparse.Namespace) -> int:
    from bot.logs import configure_logging
    from bot.sandbox import Sandbox
    from policy import PolicyError

    settings = _settings()
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    # The terminal is the sandbox's screen: the service's own log lines go to a file instead.
    log_file = Path(tempfile.gettempdir()) / "clearpost-sandbox.log"
    print("Starting the sandbox (loading the privacy model)…", file=sys.stderr)
    try:
        with log_file.open("a", encoding="utf-8") as log_stream:
            configure_logging(settings.log_level, log_stream)
            try:
                sandbox = Sandbox(settings, database_url=args.database)
            except PolicyError as error:
                return _fail(f"the policy file is invalid:\n{error}")
            with sandbox:
                print(f"Service logs: {log_file}", file=sys.stderr)
                sandbox.run(sys.stdin, sys.stdout, interactive=sys.stdin.isatty())
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
    return EXIT_OK


# --------------------------------------------------------------------------- manifest


def _manifest(args: argparse.Namespace) -> int:
    from bot.manifest import PLACEHOLDER_URL, manifest_yaml

    if args.socket and args.url:
        return _fail("--url is for HTTP mode; Socket Mode needs no public URL")
    url = args.url or PLACEHOLDER_URL
    if not url.startswith("https://"):
        return _fail(f"Slack sends requests only to https:// URLs, not {url!r}")
    sys.stdout.write(manifest_yaml(socket_mode=args.socket, url=url))
    return EXIT_OK


# --------------------------------------------------------------------------- db


def _db_upgrade(_args: argparse.Namespace) -> int:
    from bot.migrations import head_revisions
    from bot.store import Store

    store = Store(_settings().database_url)
    try:
        store.upgrade_schema()
    finally:
        store.dispose()
    print(f"database schema is at revision {', '.join(head_revisions())}")
    return EXIT_OK


def _migrated_store() -> Store:
    """The configured database, or exit naming `clearpost db upgrade` if it is not migrated."""
    from bot.store import SchemaOutOfDate, Store

    store = Store(_settings().database_url)
    try:
        store.require_current_schema()
    except SchemaOutOfDate as problem:
        store.dispose()
        raise SystemExit(_fail(str(problem))) from None
    return store


# --------------------------------------------------------------------------- audit


def _audit_verify(_args: argparse.Namespace) -> int:
    from bot.audit import verify_chain

    store = _migrated_store()
    with store.transaction() as session:
        report = verify_chain(session)
    if report.ok:
        print(f"audit log intact: {report.rows} rows verified")
        return EXIT_OK
    print(
        f"audit log broken at row {report.first_bad_id}: {report.problem}",
        file=sys.stderr,
    )
    return EXIT_BLOCKED


def _audit_export(args: argparse.Namespace) -> int:
    from bot.audit import export_rows

    store = _migrated_store()
    with store.transaction() as session:
        for line in export_rows(session, since=args.since, fmt=args.format):
            sys.stdout.write(line)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
