"""The reminder planner: times of day, quiet hours (across midnight), the decision, the text, the next run."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyaws.core.reminder import (
    NOTHING_DUE,
    QUIET,
    SEND,
    QuietHours,
    ReminderInputError,
    TimeOfDay,
    days_to_exam,
    decide,
    due_count,
    escape_markup,
    is_quiet,
    message,
    next_fire,
    parse_quiet_hours,
    parse_time,
)

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
times = st.builds(TimeOfDay, st.integers(0, 23), st.integers(0, 59))


def at(hour: int, minute: int = 0) -> datetime:
    return NOW.replace(hour=hour, minute=minute)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19:30", TimeOfDay(19, 30)),
        ("7:05", TimeOfDay(7, 5)),
        (" 00:00 ", TimeOfDay(0, 0)),
        ("23:59", TimeOfDay(23, 59)),
    ],
)
def test_parse_time(text: str, expected: TimeOfDay) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text", ["24:00", "12:60", "1930", "19:3", "19:300", "", ":", "ab:cd", "-1:00", "١٩:٣٠", "19.30"]
)
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(
        ReminderInputError, match=r"^--at: '.*' is not a time of day HH:MM \(00:00 to 23:59\)"
    ):
        parse_time(text)


def test_parse_quiet_hours() -> None:
    assert parse_quiet_hours("22:00-07:00") == QuietHours(TimeOfDay(22, 0), TimeOfDay(7, 0))
    assert str(parse_quiet_hours("9:00-17:30")) == "09:00-17:30"
    for bad in ("22:00", "22:00-", "22:00-25:00", "22-07", "22:00–07:00"):
        with pytest.raises(ReminderInputError, match=r"^--quiet-hours: .* is not a range HH:MM-HH:MM"):
            parse_quiet_hours(bad)
    with pytest.raises(ReminderInputError, match="starts and ends at the same time"):
        parse_quiet_hours("08:00-08:00")


def test_quiet_hours_across_midnight() -> None:
    night = parse_quiet_hours("22:00-07:00")
    assert is_quiet(at(22), night) and is_quiet(at(23, 59), night) and is_quiet(at(0), night)
    assert is_quiet(at(6, 59), night)
    assert not is_quiet(at(7), night) and not is_quiet(at(12), night) and not is_quiet(at(21, 59), night)
    day = parse_quiet_hours("09:00-17:00")
    assert is_quiet(at(9), day) and is_quiet(at(16, 59), day)
    assert not is_quiet(at(17), day) and not is_quiet(at(8, 59), day)
    assert not is_quiet(at(3), None)


@given(times, times, times)
def test_quiet_hours_property(start: TimeOfDay, end: TimeOfDay, moment: TimeOfDay) -> None:
    """Inside iff the moment is less far past `start` (going round the clock) than `end` is."""
    if start == end:
        return
    inside = (moment.minutes - start.minutes) % 1440 < (end.minutes - start.minutes) % 1440
    assert QuietHours(start, end).contains(moment) == inside
    # the complementary range covers exactly the other minutes of the day
    assert QuietHours(end, start).contains(moment) != inside


def test_decide() -> None:
    night = parse_quiet_hours("22:00-07:00")
    assert decide(at(10), 12, night) == SEND
    assert decide(at(10), 0, night) == NOTHING_DUE
    assert decide(at(23), 12, night) == QUIET
    assert decide(at(23), 0, night) == QUIET
    assert decide(at(23), 1, None) == SEND
    assert due_count(3, 9) == 12 and due_count(0, 0) == 0


def test_message_text() -> None:
    assert message(12, NOW).line == "12 cards due — studyaws"
    assert message(1, NOW).body == "1 card due"
    full = message(12, NOW, "2026-12-12", "dva-c03")
    assert full.line == "12 cards due, 18 days to your DVA-C03 exam — studyaws"
    assert full.summary == "studyaws" and full.body == "12 cards due, 18 days to your DVA-C03 exam"
    assert message(5, NOW, "2026-11-25", "").body == "5 cards due, 1 day to your exam"
    assert message(5, NOW, "2026-11-24", "dva-c02").body == "5 cards due, your DVA-C02 exam is today"
    assert message(5, NOW, "2026-11-01", "dva-c02").body == "5 cards due"  # past: no exam part
    assert message(5, NOW, "", "dva-c03").body == "5 cards due"  # a version alone says nothing
    assert message(5, NOW, "next week", "dva-c03").body == "5 cards due"  # unreadable date: left out
    assert message(5, NOW, "2026-12-12", "x\x1b[2J\n<b>").body == "5 cards due, 18 days to your X[2J<B> exam"


def test_days_to_exam() -> None:
    assert days_to_exam("2026-12-12", date(2026, 11, 24)) == 18
    assert days_to_exam(" 2026-11-24 ", date(2026, 11, 24)) == 0
    assert days_to_exam("2026-11-23", date(2026, 11, 24)) is None
    assert days_to_exam("2026-13-01", date(2026, 11, 24)) is None


def test_escape_markup() -> None:
    assert escape_markup('<b>A & B</b> "q" \'s') == '&lt;b&gt;A &amp; B&lt;/b&gt; "q" \'s'
    assert escape_markup("&amp;") == "&amp;amp;"


def test_next_fire() -> None:
    assert next_fire(at(10), TimeOfDay(19, 30)) == at(19, 30)
    assert next_fire(at(19, 30), TimeOfDay(19, 30)) == at(19, 30) + timedelta(days=1)  # strictly after
    assert next_fire(at(23, 0), TimeOfDay(7, 0)) == at(7) + timedelta(days=1)
    tz = timezone(timedelta(hours=-5))
    local = datetime(2026, 12, 31, 22, 15, 42, tzinfo=tz)
    assert next_fire(local, TimeOfDay(8, 0)) == datetime(2027, 1, 1, 8, 0, tzinfo=tz)


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1), timezones=st.just(UTC)),
    times,
)
def test_next_fire_property(now: datetime, when: TimeOfDay) -> None:
    fire = next_fire(now, when)
    assert now < fire <= now + timedelta(days=1)
    assert (fire.hour, fire.minute, fire.second, fire.microsecond) == (when.hour, when.minute, 0, 0)


def test_values_print_and_compare() -> None:
    assert str(TimeOfDay(7, 5)) == "07:05" and repr(TimeOfDay(7, 5)) == "TimeOfDay(7, 5)"
    assert len({TimeOfDay(7, 5), TimeOfDay(7, 5)}) == 1
    assert len({parse_quiet_hours("22:00-07:00"), parse_quiet_hours("22:00-7:00")}) == 1
    with pytest.raises(ValueError):
        TimeOfDay(24, 0)
    with pytest.raises(ValueError):
        QuietHours(TimeOfDay(1, 0), TimeOfDay(1, 0))
    assert QUIET == "quiet hours"
