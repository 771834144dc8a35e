"""Exam-date mode in plain SQL over the stdlib driver: today's plan limits, the load lookup, weight order.

Stdlib-only like duecounts: `studyaws due` computes the same limits as the review session on its fast path.
"""

from __future__ import annotations

import sqlite3

from studyaws.core import examplan

ACTIVE = "retired = 0 AND suspended = 0"
RECENT_ANSWERS = 1000  # the learner's seconds per card: from this many latest answers before today


def new_left_at_day_start(conn: sqlite3.Connection, today: int, cap: int = -1) -> int:
    """New cards not yet seen, plus those first studied today: the count the day's pace is taken from.

    Counting stops at `cap` (when given): beyond it the pace is the most the minutes allow anyway.
    """
    limit = "" if cap < 0 else " LIMIT :cap"
    left = conn.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM cards WHERE phase = 'new' AND {ACTIVE}{limit})", {"cap": cap}
    ).fetchone()[0]
    done = conn.execute(
        "SELECT COUNT(*) FROM review_log WHERE day = :today AND phase_before = 'new'", {"today": today}
    ).fetchone()[0]
    return int(left) + int(done)


def learner_costs(conn: sqlite3.Connection, today: int) -> examplan.Costs:
    """Seconds per new card and per review from the latest answers before today (stable all day)."""
    rows = conn.execute(
        "SELECT phase_before = 'new', COUNT(*), COALESCE(SUM(duration_ms), 0) FROM "
        "(SELECT phase_before, duration_ms FROM review_log WHERE day < :today ORDER BY id DESC LIMIT :n) "
        "GROUP BY 1",
        {"today": today, "n": RECENT_ANSWERS},
    ).fetchall()
    stats = {bool(is_new): (int(n), int(ms)) for is_new, n, ms in rows}
    new_n, new_ms = stats.get(True, (0, 0))
    review_n, review_ms = stats.get(False, (0, 0))
    return examplan.Costs(*examplan.learner_secs(new_n, new_ms, review_n, review_ms))


def limits(
    conn: sqlite3.Connection, today: int, exam_day: int, goal: int, minutes: int, reviews_per_day: int
) -> examplan.Limits:
    """Today's new-card and review limits under the plan (the review limit never above the setting's)."""
    costs = learner_costs(conn, today)
    cap = examplan.new_left_that_matters(today, exam_day, goal, minutes, costs)
    found = examplan.limits_today(
        today, exam_day, goal, new_left_at_day_start(conn, today, cap), minutes, costs
    )
    return examplan.Limits(found.new, min(found.reviews, reviews_per_day))


def load_range(conn: sqlite3.Connection, first: int, last: int) -> dict[int, int]:
    """Review cards due on each day from `first` to `last` (days with none left out): one index range."""
    rows = conn.execute(
        f"SELECT due, COUNT(*) FROM cards WHERE phase = 'review' AND due BETWEEN :a AND :b AND {ACTIVE} "
        "GROUP BY due",
        {"a": first, "b": last},
    )
    return {int(day): int(n) for day, n in rows}


def due_by_day(conn: sqlite3.Connection, today: int, last: int) -> dict[int, int]:
    """Reviews due on each day to `last`, overdue ones counted on today: the plan's existing load."""
    out = load_range(conn, today, last)
    overdue = conn.execute(
        f"SELECT COUNT(*) FROM cards WHERE phase = 'review' AND due < :today AND {ACTIVE}", {"today": today}
    ).fetchone()[0]
    out[today] = out.get(today, 0) + int(overdue)
    return out


def _domain_sql(version: str) -> tuple[str, dict[str, object]]:
    return "json_extract(content, '$.domain.\"' || :version || '\"')", {"version": version}


def new_by_domain(conn: sqlite3.Connection, version: str) -> dict[str, int]:
    """New cards left per domain of `version` ("-" for cards without one)."""
    dom, args = _domain_sql(version)
    rows = conn.execute(
        f"SELECT {dom} AS d, COUNT(*) FROM cards WHERE phase = 'new' AND {ACTIVE} GROUP BY d", args
    )
    return {str(d) if d is not None else "-": int(n) for d, n in rows}


def new_ids_by_weight(
    conn: sqlite3.Connection, *, today: int, limit: int, version: str, order: list[str]
) -> list[int]:
    """The next new cards, highest-weight domain first (`order`), then in deck order.

    One pass in deck order that stops as soon as the first domain alone fills the limit (the usual case):
    reading a card's domain means parsing its JSON, ~2 µs a card, too slow for all 20,000 new cards of a
    large collection on every queue build.
    """
    if limit <= 0:
        return []
    dom, args = _domain_sql(version)
    rank = {d: i for i, d in enumerate(order)}
    buckets: list[list[int]] = [[] for _ in range(len(order) + 1)]
    rows = conn.execute(
        f"SELECT id, {dom} FROM cards WHERE phase = 'new' AND {ACTIVE} AND buried_until < :today "
        "ORDER BY due, id",
        {**args, "today": today},
    )
    for card_id, domain in rows:
        bucket = buckets[rank.get(domain, len(order))]
        if len(bucket) < limit:
            bucket.append(int(card_id))
        if len(buckets[0]) >= limit:
            break
    return [i for bucket in buckets for i in bucket][:limit]


def lowest_recall_reviews(conn: sqlite3.Connection, *, today: int, exam_day: int, limit: int) -> list[int]:
    """Review cards due today, lowest predicted recall on exam day first (core.examfinal's order).

    Recall falls with elapsed days over stability on one curve for every card (core.recall), so ordering
    by that ratio, largest first, is ordering by recall, lowest first, and SQLite does it in one query.
    """
    rows = conn.execute(
        "SELECT id FROM cards WHERE phase = 'review' AND due <= :today "
        f"AND {ACTIVE} AND buried_until < :today "
        "ORDER BY MAX(:exam - (due - interval), 0) * 1.0 / "
        "(CASE WHEN stability > 0 THEN stability ELSE MAX(interval, 1) END) DESC, due, id LIMIT :limit",
        {"today": today, "exam": exam_day, "limit": max(limit, 0)},
    )
    return [int(r[0]) for r in rows]
