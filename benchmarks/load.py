"""Load benchmark: concurrent signed /draft commands and reactions against the HTTP service.

Run ``python -m benchmarks.load`` (SQLite) or ``python -m benchmarks.load --database-url
postgresql://…`` (a private schema is created and dropped). It starts the production entry point,
``clearpost serve --http``, in its own process, pointed at Clearpost's local Slack-compatible
server (in this process) and a fresh database migrated with ``clearpost db upgrade``. A separate
process keeps the load generator and the service from sharing one interpreter lock, so the
latencies are the service's, as Slack would see them.

Then ``--submitters`` people (20 by default) send ``--drafts`` signed ``/draft`` commands between
them, each person one after another as fast as the service acknowledges, and an approver reacts
✅ on every approval card, with the same concurrency. Measured: acknowledgement latency p50/p99
of the commands and of the reaction events, drafts per second from the first command to the last
card, and errors. Verified: every submission ended with exactly one stored draft and exactly one
approval card, every reaction with exactly one recorded vote, every draft that passed the checks
with exactly one approval. Writes ``benchmarks/results/load.md`` and ``load.json``; exit status 1
when anything was lost or doubled, or the p99 acknowledgement target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from bot.local_slack import LocalSlack, RecordedCall
from bot.models import Decision, Draft, DraftVersion, Vote
from bot.slack_requests import HttpAnswer, SlackSender

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
POSTS = HERE / "data" / "policy_posts.jsonl"
SIGNING_SECRET = "load-benchmark-signing-secret"
APPROVAL_CHANNEL = "C0APPROVALS"
ACK_P99_TARGET_MS = 300.0
# Who may post for which account in the bundled policy, and who approves it.
AUTHORS = {
    "x-main": ["U0AUTHOR", "U0AUTHOR2", "U0COMMS1", "U0COMMS2"],
    "facebook-main": ["U0AUTHOR", "U0COMMS1", "U0COMMS2"],
}
APPROVER = "U0APPROVER1"


@dataclass(frozen=True)
class Submission:
    """One /draft a submitter sends; ``marker`` makes its text unique so it can be traced."""

    number: int
    author: str
    account: str
    text: str


@dataclass
class Timed:
    """One request and how the service answered it."""

    latency_ms: float
    status: int


@dataclass
class Latency:
    """Acknowledgement latency of one kind of request."""

    requests: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    non_200: int


@dataclass
class Results:
    """Everything the run measured and verified."""

    database: str
    drafts: int
    submitters: int
    http_threads: int
    commands: Latency
    reactions: Latency
    drafts_per_second: float
    seconds_to_last_card: float
    verdicts: dict[str, int]
    problems: list[str] = field(default_factory=list)
    service_errors: int = 0
    slack_api_errors: int = 0
    slack_retries: int = 0
    machine: str = ""

    @property
    def target_met(self) -> bool:
        return self.commands.p99_ms <= ACK_P99_TARGET_MS and self.reactions.p99_ms <= (
            ACK_P99_TARGET_MS
        )


# --------------------------------------------------------------------------- the service


def clean_posts() -> list[tuple[str, str]]:
    """(account, text) of the labelled posts that break no rule, for the accounts used here."""
    posts = []
    for line in POSTS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if not item["labels"] and item.get("account", "x-main") in AUTHORS:
            posts.append((item.get("account", "x-main"), item["text"]))
    return posts


def submissions(count: int) -> list[Submission]:
    """``count`` drafts drawn in turn from the clean posts, each tagged with a unique hashtag."""
    posts = clean_posts()
    made = []
    for number in range(count):
        account, body = posts[number % len(posts)]
        authors = AUTHORS[account]
        made.append(
            Submission(number, authors[number % len(authors)], account, f"{body} #{marker(number)}")
        )
    return made


def marker(number: int) -> str:
    """A letters-only tag (digits could look like an identifier to the privacy checks)."""
    letters = ""
    number += 26 * 26
    while number:
        number, digit = divmod(number, 26)
        letters = chr(ord("a") + digit) + letters
    return f"loadrun{letters}"


@contextmanager
def fresh_database(database_url: str | None, workdir: Path) -> Iterator[str]:
    """SQLite in the work directory, or a private schema on the given PostgreSQL."""
    if database_url is None:
        yield f"sqlite:///{workdir / 'clearpost.db'}"
        return
    schema = f"load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in database_url else "?"
    try:
        yield f"{database_url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def clearpost_command() -> list[str]:
    script = Path(sys.executable).with_name("clearpost")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


@contextmanager
def running_service(
    database_url: str, slack: LocalSlack, workdir: Path, http_threads: int | None
) -> Iterator[tuple[str, Path]]:
    """``clearpost serve --http`` on a free port; yields its URL and its log file."""
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-load-benchmark",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack.api_url,
        "CLEARPOST_DATABASE_URL": database_url,
        "CLEARPOST_APPROVAL_CHANNEL": APPROVAL_CHANNEL,
        "CLEARPOST_HTTP_HOST": "127.0.0.1",
    }
    if http_threads is not None:
        env["CLEARPOST_HTTP_THREADS"] = str(http_threads)
    subprocess.run(
        [*clearpost_command(), "db", "upgrade"], env=env, cwd=workdir, check=True, timeout=120
    )
    port = free_port()
    log_path = workdir / "service.log"
    with log_path.open("wb") as log:
        service = subprocess.Popen(
            [*clearpost_command(), "serve", "--http", "--port", str(port)],
            env=env,
            cwd=workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_ready(url, service)
            yield url, log_path
        finally:
            service.terminate()
            try:
                service.wait(timeout=15)
            except subprocess.TimeoutExpired:
                service.kill()
                service.wait()


def wait_ready(url: str, service: subprocess.Popen[bytes], timeout: float = 180.0) -> None:
    """Until /readyz answers 200: database reachable, policy loaded, privacy model checking."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if service.poll() is not None:
            raise RuntimeError(f"the service exited with status {service.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError("the service did not become ready in time")


# --------------------------------------------------------------------------- the load


def timed(send: Callable[[], HttpAnswer]) -> Timed:
    started = time.perf_counter()
    answer = send()
    return Timed((time.perf_counter() - started) * 1000, answer.status)


def fire(
    work: Sequence[Callable[[], HttpAnswer]], concurrency: int, lanes: Sequence[int]
) -> list[Timed]:
    """Run ``work`` on ``concurrency`` threads; ``lanes[i]`` says which thread sends item i, in
    order, as one person sends one command after another."""
    by_lane: dict[int, list[Callable[[], HttpAnswer]]] = {}
    for lane, item in zip(lanes, work, strict=True):
        by_lane.setdefault(lane, []).append(item)

    def run_lane(items: list[Callable[[], HttpAnswer]]) -> list[Timed]:
        return [timed(item) for item in items]

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return [t for lane_results in pool.map(run_lane, by_lane.values()) for t in lane_results]


def latency(results: list[Timed]) -> Latency:
    values = sorted(r.latency_ms for r in results)
    if not values:
        return Latency(0, 0.0, 0.0, 0.0, 0)
    p99_index = min(len(values) - 1, max(0, round(0.99 * len(values)) - 1))
    return Latency(
        requests=len(values),
        p50_ms=round(statistics.median(values), 1),
        p99_ms=round(values[p99_index], 1),
        max_ms=round(values[-1], 1),
        non_200=sum(1 for r in results if r.status != 200),
    )


def card_posts(slack: LocalSlack) -> list[RecordedCall]:
    return [
        call
        for call in slack.calls_to("chat.postMessage")
        if call.body.get("channel") == APPROVAL_CHANNEL
        and str(call.body.get("text", "")).startswith("Draft #")
    ]


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def card_ts_by_draft(slack: LocalSlack) -> dict[int, list[str]]:
    """Draft id -> the ts of every approval card posted for it (one, if all is well)."""
    found: dict[int, list[str]] = {}
    with slack._lock:  # the fake's messages are appended from its request threads
        messages = list(slack.messages)
    for message in messages:
        if message.channel == APPROVAL_CHANNEL and message.text.startswith("Draft #"):
            draft_id = int(message.text.removeprefix("Draft #").split(" ", 1)[0])
            found.setdefault(draft_id, []).append(message.ts)
    return found


# --------------------------------------------------------------------------- verification


def verify_submissions(
    session: Session, sent: list[Submission], cards: dict[int, list[str]]
) -> tuple[list[str], dict[int, str]]:
    """Exactly one stored draft per submission and one card per draft; returns problems and the
    verdict of each draft."""
    problems = []
    versions = session.execute(
        select(Draft.id, Draft.author_id, Draft.account_id, DraftVersion.text, DraftVersion.verdict)
        .join(DraftVersion, DraftVersion.draft_id == Draft.id)
        .where(DraftVersion.number == 1)
    ).all()
    by_text: dict[str, list[int]] = {}
    verdicts: dict[int, str] = {}
    for draft_id, author, account, version_text, verdict in versions:
        by_text.setdefault(version_text, []).append(draft_id)
        verdicts[draft_id] = verdict or "unchecked"
        if (author, account) not in {(s.author, s.account) for s in sent}:
            problems.append(f"draft #{draft_id} has an author/account nobody submitted")
    for submission in sent:
        stored = by_text.get(submission.text, [])
        if len(stored) != 1:
            problems.append(f"submission {submission.number} has {len(stored)} stored drafts")
            continue
        posted = cards.get(stored[0], [])
        if len(posted) != 1:
            problems.append(f"draft #{stored[0]} has {len(posted)} approval cards")
    if len(versions) != len(sent):
        problems.append(f"{len(versions)} drafts stored for {len(sent)} submissions")
    return problems, verdicts


def verify_votes(session: Session, reacted: dict[int, str], verdicts: dict[int, str]) -> list[str]:
    """One recorded vote per reaction; one approval per draft that passed the checks."""
    problems = []
    votes = Counter(session.scalars(select(Vote.draft_id).where(Vote.voter_id == APPROVER)))
    decisions = Counter(
        session.scalars(select(Decision.draft_id).where(Decision.outcome == "approved"))
    )
    for draft_id in reacted:
        if votes[draft_id] != 1:
            problems.append(f"draft #{draft_id}: {votes[draft_id]} votes for one reaction")
        expected = 1 if verdicts.get(draft_id) == "pass" else decisions[draft_id]
        if decisions[draft_id] != expected or decisions[draft_id] > 1:
            problems.append(f"draft #{draft_id}: {decisions[draft_id]} approvals, one expected")
    return problems


def count_service_errors(log_path: Path) -> int:
    """Log lines at ERROR or worse, and tracebacks, in the service's JSON log."""
    errors = 0
    for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            level = json.loads(line).get("level", "")
        except (json.JSONDecodeError, AttributeError):
            level = "ERROR" if line.startswith("Traceback") else ""
        if level in ("ERROR", "CRITICAL"):
            errors += 1
    return errors


def slack_api_trouble(service_url: str) -> dict[str, int]:
    """Failed Slack Web API calls and retries, as the service counts them on /metrics."""
    totals = {"clearpost_slack_api_errors_total": 0, "clearpost_slack_api_retries_total": 0}
    with urllib.request.urlopen(f"{service_url}/metrics", timeout=10) as answer:
        for line in answer.read().decode().splitlines():
            name = line.split("{", 1)[0].split(" ", 1)[0]
            if name in totals:
                totals[name] += int(float(line.rsplit(" ", 1)[1]))
    return totals


# --------------------------------------------------------------------------- the run


def run(
    drafts: int,
    submitters: int,
    database_url: str | None,
    http_threads: int | None,
    settle_seconds: float,
) -> Results:
    workdir = Path(tempfile.mkdtemp(prefix="clearpost-load-"))
    try:
        with (
            LocalSlack(user_groups={"S0COMMS": ["U0COMMS1", "U0COMMS2"]}) as slack,
            fresh_database(database_url, workdir) as url,
            running_service(url, slack, workdir, http_threads) as (service_url, log_path),
        ):
            sender = SlackSender(
                service_url, slack, SIGNING_SECRET, approval_channel=APPROVAL_CHANNEL
            )
            sent = submissions(drafts)

            def send_draft(submission: Submission) -> Callable[[], HttpAnswer]:
                return lambda: sender.draft(
                    submission.author, f"{submission.account} {submission.text}"
                )

            started = time.monotonic()
            command_results = fire(
                [send_draft(s) for s in sent], submitters, [s.number % submitters for s in sent]
            )
            all_cards = wait_for(lambda: len(card_posts(slack)) >= drafts, settle_seconds)
            last_card_at = max((c.at for c in card_posts(slack)), default=time.monotonic())
            seconds = max(last_card_at - started, 1e-9)
            cards = card_ts_by_draft(slack)

            # Every card gets one ✅ from an approver, as many at a time as there are submitters.
            targets = sorted((draft_id, ts[0]) for draft_id, ts in cards.items())
            reaction_results = fire(
                [partial(sender.react, APPROVER, "white_check_mark", ts) for _draft, ts in targets],
                submitters,
                [index % submitters for index in range(len(targets))],
            )
            engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
            try:

                def votes_recorded() -> bool:
                    with Session(engine) as session:
                        count = session.scalar(
                            select(func.count()).select_from(Vote).where(Vote.voter_id == APPROVER)
                        )
                    return int(count or 0) >= len(targets)

                wait_for(votes_recorded, settle_seconds)
                time.sleep(1.0)  # anything doubled arrives now or not at all
                with Session(engine) as session:
                    problems, verdicts = verify_submissions(session, sent, card_ts_by_draft(slack))
                    problems += verify_votes(session, dict(targets), verdicts)
            finally:
                engine.dispose()
            if not all_cards:
                problems.insert(0, f"only {len(card_posts(slack))} of {drafts} cards were posted")
            slack_failures = slack_api_trouble(service_url)
            return Results(
                database="postgresql" if database_url else "sqlite",
                drafts=drafts,
                submitters=submitters,
                http_threads=http_threads or 16,
                commands=latency(command_results),
                reactions=latency(reaction_results),
                drafts_per_second=round(drafts / seconds, 1),
                seconds_to_last_card=round(seconds, 2),
                verdicts=dict(Counter(verdicts.values())),
                problems=problems,
                service_errors=count_service_errors(log_path),
                slack_api_errors=slack_failures["clearpost_slack_api_errors_total"],
                slack_retries=slack_failures["clearpost_slack_api_retries_total"],
                machine=f"{platform.python_version()}, {os.cpu_count()} CPUs",
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def write_results(results: Results, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    payload = {**asdict(results), "target_met": results.target_met}
    (out / "load.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    verdict = "met" if results.target_met else "MISSED"
    integrity = (
        "every submission ended with exactly one stored draft and one approval card, every "
        "reaction with one vote, every passing draft with one approval"
        if not results.problems
        else f"{len(results.problems)} problem(s): " + "; ".join(results.problems[:20])
    )
    lines = [
        "# Load benchmark",
        "",
        f"`clearpost serve --http` (waitress, {results.http_threads} threads) on "
        f"{results.database}, local Slack-compatible server, {results.submitters} concurrent "
        f"submitters over loopback; Python {results.machine}. Written by "
        "`python -m benchmarks.load`.",
        "",
        "| requests | count | ack p50 ms | ack p99 ms | max ms | non-200 |",
        "|---|---|---|---|---|---|",
    ]
    rows = (("/draft commands", results.commands), ("✅ reactions", results.reactions))
    for name, figures in rows:
        lines.append(
            f"| {name} | {figures.requests} | {figures.p50_ms} | {figures.p99_ms} | "
            f"{figures.max_ms} | {figures.non_200} |"
        )
    lines += [
        "",
        f"- Target p99 acknowledgement ≤ {ACK_P99_TARGET_MS:.0f} ms: **{verdict}**.",
        f"- Throughput: {results.drafts} drafts checked and carded in "
        f"{results.seconds_to_last_card} s, {results.drafts_per_second} drafts/s.",
        f"- Verdicts: {', '.join(f'{k} {v}' for k, v in sorted(results.verdicts.items()))}.",
        f"- Integrity: {integrity}.",
        f"- Errors logged by the service: {results.service_errors}; failed Slack API calls: "
        f"{results.slack_api_errors}; Slack API retries: {results.slack_retries}.",
        "",
    ]
    (out / "load.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--drafts", type=int, default=200, help="drafts to submit (default 200)")
    parser.add_argument("--submitters", type=int, default=20, help="concurrent submitters")
    parser.add_argument("--database-url", help="PostgreSQL URL (default: a fresh SQLite file)")
    parser.add_argument("--http-threads", type=int, help="CLEARPOST_HTTP_THREADS for the service")
    parser.add_argument(
        "--settle-seconds",
        type=float,
        default=300.0,
        help="how long to wait for every card and vote before counting what is missing",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="results directory")
    args = parser.parse_args(argv)
    results = run(
        args.drafts, args.submitters, args.database_url, args.http_threads, args.settle_seconds
    )
    write_results(results, args.output)
    print((args.output / "load.md").read_text(encoding="utf-8"))
    return 0 if results.target_met and not results.problems else 1


if __name__ == "__main__":
    sys.exit(main())
