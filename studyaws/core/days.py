"""Study days: Anki's 'today' starts at a rollover hour in local time, not at midnight."""

from __future__ import annotations

from datetime import date, datetime, timedelta

_EPOCH = date(1970, 1, 1)


def day_number(now: datetime, rollover_hour: int) -> int:
    """Return the study-day number of `now` (an aware local datetime): days since 1970-01-01.

    A review at 01:30 with a 04:00 rollover still belongs to the previous day, so a late-night session
    does not eat into tomorrow's limits.
    """
    if now.tzinfo is None:
        raise ValueError("day_number needs a timezone-aware datetime")
    shifted = now - timedelta(hours=rollover_hour)
    return (shifted.date() - _EPOCH).days


def day_start(day: int, rollover_hour: int, tz_of: datetime) -> datetime:
    """Return the instant a study day begins, in the timezone (fixed offset) of `tz_of`."""
    if tz_of.tzinfo is None:
        raise ValueError("day_start needs a timezone-aware datetime")
    midnight = datetime.combine(_EPOCH + timedelta(days=day), datetime.min.time(), tzinfo=tz_of.tzinfo)
    return midnight + timedelta(hours=rollover_hour)
