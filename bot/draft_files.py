"""Reading drafts for ``clearpost check --file``: plain text, JSON lines, Hootsuite bulk CSV."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path


class DraftFileError(Exception):
    """The file cannot be read as drafts; the message names the file and line."""


@dataclass(frozen=True)
class DraftInput:
    """One draft to check, with its optional id, account and platform."""

    id: str
    text: str
    account: str | None = None
    platform: str | None = None


def read_drafts(path: Path) -> list[DraftInput]:
    """Drafts from a .txt (one draft), .jsonl (one object a line) or Hootsuite bulk .csv file."""
    try:
        content = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DraftFileError(f"{path}: cannot read the file ({error.strerror})") from None
    except UnicodeDecodeError:
        raise DraftFileError(f"{path}: the file is not UTF-8 text") from None
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _read_jsonl(path, content)
    if suffix == ".csv":
        return _read_hootsuite_csv(path, content)
    if suffix in (".txt", ""):
        return [DraftInput(id=path.stem, text=content.strip())]
    raise DraftFileError(f"{path}: use a .txt, .jsonl or .csv file")


def _read_jsonl(path: Path, content: str) -> list[DraftInput]:
    drafts = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DraftFileError(f"{path}:{number}: not valid JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise DraftFileError(f'{path}:{number}: each line needs a "text" string')
        drafts.append(
            DraftInput(
                id=str(record.get("id", number)),
                text=record["text"],
                account=record.get("account"),
                platform=record.get("platform"),
            )
        )
    return drafts


def _read_hootsuite_csv(path: Path, content: str) -> list[DraftInput]:
    """Hootsuite's bulk composer layout: date, message, link; with or without a header row."""
    rows = list(csv.reader(content.splitlines()))
    if rows and rows[0] and rows[0][0].strip().lower() in ("date", "date/time", "datetime"):
        rows = rows[1:]
    drafts = []
    for number, row in enumerate(rows, start=1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2:
            raise DraftFileError(
                f"{path}:{number}: expected Hootsuite bulk columns: date, message, link"
            )
        message = row[1].strip()
        link = row[2].strip() if len(row) > 2 else ""
        drafts.append(DraftInput(id=str(number), text=f"{message} {link}".strip()))
    return drafts
