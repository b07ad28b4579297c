"""Structured JSON-line logging. Clearpost never logs draft text except its redacted form.

``PhiLogFilter`` is the second line of defence behind that rule: every record that reaches the
handler has identifiers with a recognisable shape (e-mail addresses, phone and Social Security
numbers, medical record numbers, room and bed numbers, ages over 89, birth dates) replaced by the
same placeholders the redacted previews use. Names cannot be recognised by shape; they are kept
out of the logs by logging only redacted text.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import IO

from policy.privacy.redaction import placeholder_for

# Shapes of identifiers, most specific first: a span replaced once is not matched again.
_IDENTIFIER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("EMAIL_ADDRESS", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        "MRN",
        re.compile(
            r"(?i)\b(?:MRN|med(?:ical)?\.?\s*rec(?:ord)?\.?\s*(?:no\.?|number|#)?)"
            r"\s*[:#]?\s*[A-Z]{0,3}\d[\d\s.-]{3,14}\d\b"
        ),
    ),
    ("US_SSN", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
    # At least one separator, so Slack timestamps and ids (1700000000.000123) stay readable.
    ("PHONE_NUMBER", re.compile(r"(?<![\w.])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")),
    (
        "DATE",
        re.compile(
            r"(?i)\b(?:DOB|date of birth|born(?: on)?)\s*[:-]?\s*"
            r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})"
            r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
        ),
    ),
    ("ROOM_NUMBER", re.compile(r"(?i)\b(?:room|rm\.?|bed|bay)\s*#?\s*\d{1,4}[A-Z]?\b")),
    (
        "AGE_OVER_89",
        re.compile(
            r"(?i)\b(?:9\d|1[0-2]\d)(?:st|nd|rd|th)?(?=[\s-]*(?:years?|yrs?)\b|\s+birthday\b)"
            r"|\baged?\s+(?:9\d|1[0-2]\d)\b"
        ),
    ),
)


def redact_identifiers(text: str) -> str:
    """``text`` with every identifier of a recognisable shape replaced by its placeholder."""
    for entity_type, pattern in _IDENTIFIER_PATTERNS:
        text = pattern.sub(placeholder_for(entity_type), text)
    return text


class PhiLogFilter(logging.Filter):
    """Redacts identifiers in a record's message and traceback before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a bad format string: keep the template only
            message = str(record.msg)
        record.msg = redact_identifiers(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_identifiers(record.exc_text)
        return True


class JsonLineFormatter(logging.Formatter):
    """One JSON object per log record: time, level, logger, message and exception type."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[0] is not None:
            # The exception's type and traceback, not its message: messages can echo input.
            entry["exception"] = record.exc_info[0].__name__
            # The PHI filter leaves a redacted traceback in exc_text; use it when it is there.
            entry["traceback"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def log_handler(stream: IO[str] | None = None) -> logging.Handler:
    """The service's log handler: JSON lines, identifiers redacted, to ``stream`` (stderr)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLineFormatter())
    handler.addFilter(PhiLogFilter())
    return handler


def configure_logging(level: str = "INFO", stream: IO[str] | None = None) -> None:
    """Send every log record through ``log_handler`` and nothing else."""
    root = logging.getLogger()
    root.handlers[:] = [log_handler(stream)]
    root.setLevel(level.upper())
