"""Publish times typed in Slack: ``/draft x-main at 2026-12-01 09:00 Post text``.

Times are read in the organisation's time zone (the policy's ``organisation.timezone``), because
that is the clock the comms team plans by.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

_LEADING_TIME = re.compile(
    r"^at\s+(?P<date>\d{4}-\d{2}-\d{2})[ T](?P<time>\d{1,2}:\d{2})\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


class PublishTimeError(ValueError):
    """The publish time cannot be used; the message says why, for the author."""


def split_publish_time(body: str, timezone: str, now: datetime) -> tuple[datetime | None, str]:
    """A leading ``at YYYY-MM-DD HH:MM`` as an aware UTC datetime, and the rest of the text."""
    match = _LEADING_TIME.match(body.strip())
    if match is None:
        return None, body
    try:
        local = datetime.fromisoformat(f"{match['date']} {match['time'].zfill(5)}")
    except ValueError:
        raise PublishTimeError(
            f"'{match['date']} {match['time']}' is not a date and time like 2026-12-01 09:00."
        ) from None
    when = local.replace(tzinfo=ZoneInfo(timezone)).astimezone(UTC)
    if when <= now:
        raise PublishTimeError(
            f"The publish time {match['date']} {match['time']} ({timezone}) has already passed."
        )
    return when, match["rest"]
