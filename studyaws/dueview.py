"""What `studyaws due` reports, computed with the stdlib only so shell prompts and reminders stay fast."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from studyaws.core.days import day_number, day_start
from studyaws.core.fmt import short_interval
from studyaws.storage.convert_light import from_ms, to_ms
from studyaws.storage.duecounts import next_review_day, snapshot


class DueReport:
    """The `studyaws due` numbers (a plain class: no typing or dataclasses import on the fast path)."""

    __slots__ = (
        "due_now", "due_today", "exam", "learning", "new", "new_available_today", "next_due", "review"
    )  # fmt: skip

    def __init__(
        self,
        due_now: int,
        new: int,
        learning: int,
        review: int,
        due_today: int,
        new_available_today: int,
        next_due: datetime | None,
        exam: ExamLine | None = None,
    ) -> None:
        self.exam = exam
        self.due_now = due_now
        self.new = new
        self.learning = learning
        self.review = review
        self.due_today = due_today
        self.new_available_today = new_available_today
        self.next_due = next_due

    def as_json(self) -> str:
        # Written by hand rather than with json.dumps: every value is an int, null or an ISO timestamp (no
        # characters to escape), and importing json costs this fast path ~5 ms. A test parses the output.
        next_due = f'"{self.next_due.isoformat()}"' if self.next_due else "null"
        exam = self.exam.as_json() if self.exam else "null"
        return (
            f'{{"due_now": {self.due_now}, "new": {self.new}, "learning": {self.learning}, '
            f'"review": {self.review}, "due_today": {self.due_today}, '
            f'"new_available_today": {self.new_available_today}, "next_due": {next_due}, "exam": {exam}}}'
        )

    def as_text(self, now: datetime) -> str:
        lines = [
            f"due now: {self.due_now} (learning {self.learning}, review {self.review})",
            f"due today: {self.due_today}",
            f"new available today: {self.new_available_today}",
        ]
        if self.next_due is None:
            lines.append("next due: nothing scheduled")
        elif self.next_due <= now:
            lines.append("next due: now")
        else:
            when = self.next_due.strftime("%Y-%m-%d %H:%M")
            lines.append(f"next due: {when} (in {short_interval((self.next_due - now).total_seconds())})")
        if self.exam:
            lines.append(self.exam.as_text())
        return "\n".join(lines)


class ExamLine:
    """The exam date's line in `studyaws due`: days left and today's plan, or the question once it passed."""

    __slots__ = ("day", "new_limit", "review_limit", "today")

    def __init__(self, day: int, today: int, new_limit: int, review_limit: int) -> None:
        self.day = day
        self.today = today
        self.new_limit = new_limit
        self.review_limit = review_limit

    def iso(self) -> str:
        from studyaws.core.examplan import date_of

        return date_of(self.day).isoformat()

    def as_text(self) -> str:
        left = self.day - self.today
        if left < 0:
            return (
                f"exam: {self.iso()} has passed. Is the exam done? `studyaws plan --done` returns to normal "
                "scheduling (history is kept); `studyaws plan --exam-date YYYY-MM-DD` sets a new date"
            )
        if left == 0:
            return f"exam: today ({self.iso()}), no new cards today"
        days = "1 day" if left == 1 else f"{left} days"
        return (
            f"exam: {self.iso()}, {days} left · plan today: {self.new_limit} new, "
            f"up to {self.review_limit} reviews"
        )

    def as_json(self) -> str:
        left = self.day - self.today
        return (
            f'{{"date": "{self.iso()}", "days_left": {left}, "passed": {"true" if left < 0 else "false"}, '
            f'"new_limit": {self.new_limit}, "review_limit": {self.review_limit}}}'
        )


def due_report(
    conn: sqlite3.Connection,
    now: datetime,
    new_per_day: int,
    reviews_per_day: int,
    rollover_hour: int,
    exam_day: int = -1,
    goal: int = -1,
    minutes_per_day: int = 0,
) -> DueReport:
    """The counts under the settings' limits, or the exam plan's while an exam date lies ahead (the
    arguments are `config.due_args`, which the fast path's sidecar holds in this order)."""
    rollover = rollover_hour
    today = day_number(now, rollover)
    tomorrow = day_start(today + 1, rollover, now)
    snap = snapshot(
        conn,
        now_ms=to_ms(now),
        today=today,
        day_end_ms=to_ms(tomorrow),
        new_per_day=new_per_day,
        reviews_per_day=reviews_per_day,
        exam_day=exam_day,
        goal=goal,
        minutes_per_day=minutes_per_day,
    )
    c = snap.counts
    due_now = c.learning + c.review
    next_due: datetime | None = None
    if due_now + c.new > 0:
        next_due = now
    else:
        candidates = []
        if snap.next_due_ms is not None:
            candidates.append(from_ms(snap.next_due_ms).astimezone(now.tzinfo))
        day = next_review_day(conn, today)
        if day is not None:
            candidates.append(day_start(day, rollover, now + timedelta(days=day - today)))
        next_due = min(candidates) if candidates else None
    return DueReport(
        due_now=due_now,
        new=c.new,
        learning=c.learning,
        review=c.review,
        due_today=due_now + snap.learning_later_today,
        new_available_today=c.new,
        next_due=next_due,
        exam=ExamLine(exam_day, today, snap.new_limit, snap.review_limit) if exam_day >= 0 else None,
    )
