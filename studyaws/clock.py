"""The wall clock, injectable: STUDYAWS_NOW pins it for end-to-end tests that span days."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime

from studyaws.errors import UsageError

Clock = Callable[[], datetime]


def _ms(dt: datetime) -> datetime:
    # Instants are kept to the millisecond so they survive the database round trip exactly.
    return dt.replace(microsecond=dt.microsecond // 1000 * 1000)


def system_clock() -> datetime:
    """Now, as an aware datetime in the local timezone."""
    return _ms(datetime.now(UTC)).astimezone()


def fixed_clock(value: str) -> Clock:
    """A clock that always says `value` (ISO 8601; without an offset it is local time)."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"STUDYAWS_NOW: '{value}' is not an ISO 8601 date-time (e.g. 2026-12-01T09:00)"
        ) from None
    moment = _ms(parsed.astimezone())
    return lambda: moment


def clock_from_env(env: dict[str, str] | os._Environ[str] | None = None) -> Clock:
    env = os.environ if env is None else env
    pinned = env.get("STUDYAWS_NOW")
    return fixed_clock(pinned) if pinned else system_clock
