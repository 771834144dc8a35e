"""Daily reminders planned without I/O or a clock: times of day, quiet hours, the decision, the text."""

# What counts as "due" for a reminder (due_count): learning and review cards due now plus new cards still
# available today, i.e. what a review started now would show (Anki's three counts). A day with only new cards
# left still reminds; `new_per_day = 0` makes the reminder about reviews only. Nothing due: nothing is sent.
#
# Plain classes rather than dataclasses or NamedTuples: `studyaws remind run` imports this module on the
# `studyaws due` fast path, which must not pay for importing typing or dataclasses.

from __future__ import annotations

from datetime import date, datetime, timedelta

SEND = "send"
QUIET = "quiet hours"
NOTHING_DUE = "nothing due"

_DIGITS = "0123456789"
_MINUTES_PER_DAY = 24 * 60


class ReminderInputError(ValueError):
    """A malformed option value; the message names the option and shows a valid example."""


class TimeOfDay:
    """A local wall-clock time, to the minute."""

    __slots__ = ("hour", "minute")

    def __init__(self, hour: int, minute: int) -> None:
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            raise ValueError(f"not a time of day: {hour}:{minute}")
        self.hour = hour
        self.minute = minute

    @property
    def minutes(self) -> int:
        """Minutes since midnight."""
        return self.hour * 60 + self.minute

    def __str__(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    def __repr__(self) -> str:
        return f"TimeOfDay({self.hour}, {self.minute})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimeOfDay) and self.minutes == other.minutes

    def __hash__(self) -> int:
        return hash(self.minutes)


class QuietHours:
    """A daily range [start, end) of wall-clock time; it spans midnight when start is after end."""

    __slots__ = ("end", "start")

    def __init__(self, start: TimeOfDay, end: TimeOfDay) -> None:
        if start == end:
            raise ValueError("quiet hours need different start and end times")
        self.start = start
        self.end = end

    def contains(self, moment: TimeOfDay) -> bool:
        start, end, m = self.start.minutes, self.end.minutes, moment.minutes
        if start < end:
            return start <= m < end
        return m >= start or m < end  # e.g. 22:00-07:00

    def __str__(self) -> str:
        return f"{self.start}-{self.end}"

    def __repr__(self) -> str:
        return f"QuietHours({self.start!r}, {self.end!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, QuietHours) and (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))


def parse_time(text: str, option: str = "--at") -> TimeOfDay:
    """`HH:MM` or `H:MM`, 00:00 to 23:59 (ASCII digits only)."""
    hours, sep, minutes = text.strip().partition(":")
    ok = (
        sep == ":"
        and 1 <= len(hours) <= 2
        and len(minutes) == 2
        and all(c in _DIGITS for c in hours + minutes)
        and int(hours) <= 23
        and int(minutes) <= 59
    )
    if not ok:
        raise ReminderInputError(
            f"{option}: '{text}' is not a time of day HH:MM (00:00 to 23:59), e.g. 19:30"
        )
    return TimeOfDay(int(hours), int(minutes))


def parse_quiet_hours(text: str, option: str = "--quiet-hours") -> QuietHours:
    """`HH:MM-HH:MM`; the range may span midnight (22:00-07:00)."""
    start, sep, end = text.strip().partition("-")
    example = "e.g. 22:00-07:00 (may span midnight)"
    if not sep:
        raise ReminderInputError(f"{option}: '{text}' is not a range HH:MM-HH:MM, {example}")
    try:
        first, last = parse_time(start, option), parse_time(end, option)
    except ReminderInputError:
        raise ReminderInputError(f"{option}: '{text}' is not a range HH:MM-HH:MM, {example}") from None
    if first == last:
        raise ReminderInputError(f"{option}: '{text}' starts and ends at the same time; {example}")
    return QuietHours(first, last)


def wall_time(now: datetime) -> TimeOfDay:
    return TimeOfDay(now.hour, now.minute)


def is_quiet(now: datetime, quiet: QuietHours | None) -> bool:
    return quiet is not None and quiet.contains(wall_time(now))


def due_count(due_now: int, new_available_today: int) -> int:
    """The number a reminder reports (see the module docstring)."""
    return due_now + new_available_today


def decide(now: datetime, count: int, quiet: QuietHours | None) -> str:
    """SEND, QUIET or NOTHING_DUE. Quiet hours win, so the caller may skip counting inside them."""
    if is_quiet(now, quiet):
        return QUIET
    return SEND if count > 0 else NOTHING_DUE


def next_fire(now: datetime, at: TimeOfDay) -> datetime:
    """The first moment strictly after `now` whose wall-clock time is `at`, in `now`'s timezone.

    With a fixed-offset `now` the wall time is right and the offset may be off by a DST change in between;
    the caller re-localises for display.
    """
    candidate = now.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    if candidate <= now:
        candidate += timedelta(days=1)
    return candidate


def _printable(text: str, limit: int = 40) -> str:
    return "".join(c for c in text if c.isprintable())[:limit].strip()


def days_to_exam(exam_date: str, today: date) -> int | None:
    """Whole days from `today` to the exam, or None when there is no valid exam date or it has passed."""
    try:
        exam = date.fromisoformat(exam_date.strip())
    except ValueError:
        return None
    days = (exam - today).days
    return days if days >= 0 else None


class Message:
    """A notification: `summary` and `body` for the desktop, `line` for logs, stderr and --dry-run."""

    __slots__ = ("body", "line", "summary")

    def __init__(self, summary: str, body: str, line: str) -> None:
        self.summary = summary
        self.body = body
        self.line = line

    def __repr__(self) -> str:
        return f"Message({self.line!r})"


def message(count: int, now: datetime, exam_date: str = "", exam_version: str = "") -> Message:
    """E.g. '12 cards due, 18 days to your DVA-C03 exam — studyaws'. The exam part needs a valid, future or
    current `exam_date`; `exam_version` (e.g. dva-c03) only names it."""
    text = f"{count} card{'' if count == 1 else 's'} due"
    days = days_to_exam(exam_date, now.date()) if exam_date else None
    if days is not None:
        version = _printable(exam_version).upper()
        exam = f"your {version} exam" if version else "your exam"
        if days == 0:
            text += f", {exam} is today"
        else:
            text += f", {days} day{'' if days == 1 else 's'} to {exam}"
    return Message("studyaws", text, f"{text} — studyaws")


def escape_markup(text: str) -> str:
    """Escape text for a notification body, which servers may read as (a subset of) HTML markup.

    Only &, < and >: quotes are safe outside attributes, and some servers show &#x27; literally.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
