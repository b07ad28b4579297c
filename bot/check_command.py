"""``clearpost check``: the same check the Slack flow runs, for a terminal or a pipeline.

Contract (DESIGN.md): TEXT or ``--file``; ``--format json`` prints one object per draft per line;
exit 0 when every draft passes or needs review, 1 when any is blocked, 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from bot.draft_files import DraftFileError, DraftInput, read_drafts
from bot.settings import Settings
from policy import Account, Draft, Policy, PolicyError, Report, Verdict, check_many, load_policy
from policy.privacy import get_privacy_engine
from policy.privacy.tagger import TaggerMismatch
from policy.schema import Platform

EXIT_OK, EXIT_BLOCKED, EXIT_BAD_INPUT = 0, 1, 2
PROGRESS_THRESHOLD = 5


class BadInput(Exception):
    """Input the check cannot run on; the message is the one line printed to stderr."""


def run_check(args: argparse.Namespace, settings: Settings, out: TextIO | None = None) -> int:
    """Run ``clearpost check``; print one result per draft to ``out`` (standard output)."""
    out = out if out is not None else sys.stdout
    try:
        policy = load_policy(args.policy or settings.policy_file)
        inputs = _inputs(args)
        accounts = [_account_for(item, args, policy) for item in inputs]
    except PolicyError as error:
        problems = "; ".join(str(problem) for problem in error.problems)
        print(f"clearpost: invalid policy: {problems}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (BadInput, DraftFileError) as error:
        print(f"clearpost: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT

    try:
        privacy = get_privacy_engine(settings.spacy_model)
    except (TaggerMismatch, OSError) as error:  # OSError: spaCy's "model not installed"
        print(f"clearpost: the privacy engine cannot start: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    author = getattr(args, "author", None)
    crisis_active = bool(getattr(args, "crisis", False))
    drafts = [
        Draft(
            text=item.text,
            account_id=account.id,
            platform=item.platform or args.platform or account.platform.value,
            author_id=author,
        )
        for item, account in zip(inputs, accounts, strict=True)
    ]
    by_draft = dict(zip(map(id, drafts), accounts, strict=True))
    reports: list[Report] = []
    show_progress = len(drafts) > PROGRESS_THRESHOLD and sys.stderr.isatty()
    batch = 256  # large enough for the privacy engine to spread a file across CPU cores
    for start in range(0, len(drafts), batch):
        chunk = drafts[start : start + batch]
        reports.extend(
            check_many(
                chunk,
                account_for=lambda d: by_draft[id(d)],
                policy=policy,
                privacy=privacy,
                crisis_active=crisis_active,
            )
        )
        if show_progress:
            _progress(len(reports), len(drafts))
    if show_progress:
        print(file=sys.stderr)

    for item, account, report in zip(inputs, accounts, reports, strict=True):
        if args.format == "json":
            out.write(json.dumps(_as_json(item, report), ensure_ascii=False) + "\n")
        else:
            out.write(_as_text(item, account, report) + "\n")
    blocked = any(report.verdict is Verdict.BLOCK for report in reports)
    return EXIT_BLOCKED if blocked else EXIT_OK


def _inputs(args: argparse.Namespace) -> list[DraftInput]:
    if args.file is not None and args.text is not None:
        raise BadInput("give either TEXT or --file, not both")
    if args.file is not None:
        drafts = read_drafts(args.file)
        if not drafts:
            raise BadInput(f"{args.file}: no drafts in the file")
        return drafts
    if args.text is None:
        raise BadInput("nothing to check: give the draft text or --file PATH")
    if not args.text.strip():
        raise BadInput("the draft is empty")
    return [DraftInput(id="1", text=args.text)]


def _account_for(item: DraftInput, args: argparse.Namespace, policy: Policy) -> Account:
    account_id = item.account or args.account
    platform = item.platform or args.platform
    if platform and platform not in {known.value for known in Platform}:
        raise BadInput(
            f"draft {item.id}: unknown platform '{platform}' "
            "(use x, facebook, instagram or linkedin)"
        )
    if account_id:
        account = policy.account(account_id)
        if account is None:
            known = ", ".join(a.id for a in policy.accounts)
            raise BadInput(f"unknown account '{account_id}' (the policy has: {known})")
        return account
    if platform:
        for account in policy.accounts:
            if account.platform.value == platform:
                return account
        raise BadInput(f"the policy has no account on platform '{platform}'")
    return policy.accounts[0]


def _as_json(item: DraftInput, report: Report) -> dict[str, object]:
    return {
        "id": item.id,
        "verdict": report.verdict.value,
        "findings": [finding.as_dict() for finding in report.findings],
        "approvers": report.requirement.as_dict(),
        "redacted_text": report.redacted_text,
    }


def _as_text(item: DraftInput, account: Account, report: Report) -> str:
    label = {Verdict.PASS: "PASS", Verdict.REVIEW: "REVIEW", Verdict.BLOCK: "BLOCK"}[report.verdict]
    lines = [f"draft {item.id} for {account.id} ({account.platform.value}): {label}"]
    for finding in report.findings:
        lines.append(f"  - [{finding.severity.value}] {finding.category.value}: {finding.message}")
        if finding.start is not None and finding.end is not None:
            lines.append(f"      at: {_underline(item.text, finding.start, finding.end)}")
        lines.append(f"      policy: {finding.policy_ref}")
        if finding.suggestion:
            lines.append(f"      fix: {finding.suggestion}")
    approvers = " + ".join(f"{s.name} ({s.min_approvals})" for s in report.requirement.signoffs)
    lines.append(f"  approval needed: {approvers}")
    return "\n".join(lines)


def _underline(text: str, start: int, end: int) -> str:
    """The finding in its line of context, with the span marked by ^^^ on the line below."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    left = max(0, start - line_start - 30)
    shown = line[left : end - line_start + 30]
    offset = start - line_start - left
    marks = "^" * max(1, min(end, line_start + len(line)) - start)
    return f"{shown}\n          {' ' * offset}{marks}"


def _progress(done: int, total: int) -> None:
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\rchecking [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    sys.stderr.flush()
