"""Due counts in plain SQL over the stdlib sqlite3 driver: shared by the study queue and the fast path
(`studyaws due`, reminders), which must answer without importing SQLAlchemy, Alembic or Textual."""

from __future__ import annotations

import sqlite3

from studyaws.core.queue import Counts, remaining

# A card is studyable when it is active, not suspended and not buried for `today`.
ACTIVE = "retired = 0 AND suspended = 0 AND buried_until < :today"


class DueSnapshot:
    """What is due: `counts` within today's limits, learning cards due later today, today's work so far, and
    the next moment something becomes due (when nothing is due now). A plain class: this module is on the
    `studyaws due` fast path, which must not import typing or dataclasses."""

    __slots__ = (
        "counts",
        "learning_later_today",
        "new_done",
        "new_limit",
        "next_due_ms",
        "review_limit",
        "reviews_done",
    )

    def __init__(
        self,
        counts: Counts,
        learning_later_today: int,
        new_done: int,
        reviews_done: int,
        next_due_ms: int | None,
        new_limit: int = 0,
        review_limit: int = 0,
    ) -> None:
        self.counts = counts
        self.learning_later_today = learning_later_today
        self.new_done = new_done
        self.reviews_done = reviews_done
        self.next_due_ms = next_due_ms
        self.new_limit = new_limit  # the day's limits applied: the settings', or the exam plan's
        self.review_limit = review_limit


def snapshot(
    conn: sqlite3.Connection,
    *,
    now_ms: int,
    today: int,
    day_end_ms: int,
    new_per_day: int,
    reviews_per_day: int,
    learn_ahead_ms: int = 0,
    exam_day: int = -1,
    goal: int = -1,
    minutes_per_day: int = 0,
) -> DueSnapshot:
    if exam_day >= today:
        # Exam-date mode: the plan's limits for today replace the settings' (see core.examplan).
        from studyaws.storage import examsql

        plan = examsql.limits(conn, today, exam_day, goal, minutes_per_day, reviews_per_day)
        new_per_day, reviews_per_day = plan.new, plan.reviews
    args = {"today": today, "now": now_ms + learn_ahead_ms, "end": day_end_ms}
    done = dict(
        conn.execute(
            "SELECT phase_before, COUNT(*) FROM review_log WHERE day = :today "
            "AND phase_before IN ('new', 'review') GROUP BY phase_before",
            args,
        ).fetchall()
    )
    new_done, reviews_done = done.get("new", 0), done.get("review", 0)
    learning = conn.execute(
        f"SELECT COUNT(*) FROM cards WHERE phase IN ('learning', 'relearning') AND due <= :now AND {ACTIVE}",
        args,
    ).fetchone()[0]
    later = conn.execute(
        "SELECT COUNT(*) FROM cards WHERE phase IN ('learning', 'relearning') AND due > :now "
        f"AND due < :end AND {ACTIVE}",
        args,
    ).fetchone()[0]
    review_cap = max(reviews_per_day - reviews_done, 0)
    reviews = conn.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM cards WHERE phase = 'review' AND due <= :today AND {ACTIVE} "
        "LIMIT :cap)",
        {**args, "cap": review_cap},
    ).fetchone()[0]
    new_cap = max(new_per_day - new_done, 0)
    news = conn.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM cards WHERE phase = 'new' AND {ACTIVE} LIMIT :cap)",
        {**args, "cap": new_cap},
    ).fetchone()[0]
    counts = Counts(
        new=remaining(new_per_day, new_done, news),
        learning=learning,
        review=remaining(reviews_per_day, reviews_done, reviews),
    )
    next_due = None
    if counts.total == 0:
        row = conn.execute(
            f"SELECT MIN(due) FROM cards WHERE phase IN ('learning', 'relearning') AND {ACTIVE}", args
        ).fetchone()
        next_due = row[0] if row and row[0] is not None else None
    return DueSnapshot(counts, later, new_done, reviews_done, next_due, new_per_day, reviews_per_day)


def next_review_day(conn: sqlite3.Connection, today: int) -> int | None:
    """The first day after today with a review due, for 'next due' when nothing is due now."""
    row = conn.execute(
        f"SELECT MIN(due) FROM cards WHERE phase = 'review' AND due > :today AND {ACTIVE}", {"today": today}
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])
