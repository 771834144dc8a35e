"""Statistics in plain SQL over the stdlib driver: forecast, history, retention, buttons, time.

Stdlib-only like duecounts, so the dashboard can paint real numbers before SQLAlchemy is imported.
"""

from __future__ import annotations

import sqlite3

MATURE_DAYS = 21  # Anki's line between young and mature cards

ACTIVE = "retired = 0 AND suspended = 0"


def forecast(conn: sqlite3.Connection, today: int, days: int) -> list[int]:
    """Reviews due on each of the next `days` days; overdue ones count for today, learning cards too."""
    out = [0] * days
    rows = conn.execute(
        f"SELECT MAX(due, :today) - :today AS d, COUNT(*) FROM cards WHERE phase = 'review' AND {ACTIVE} "
        "AND due < :today + :days GROUP BY d",
        {"today": today, "days": days},
    )
    for d, n in rows:
        out[int(d)] += n
    out[0] += conn.execute(
        f"SELECT COUNT(*) FROM cards WHERE phase IN ('learning', 'relearning') AND {ACTIVE}"
    ).fetchone()[0]
    return out


def reviews_per_day(conn: sqlite3.Connection, today: int, days: int) -> list[int]:
    """Answers given on each of the last `days` days, oldest first (today last)."""
    out = [0] * days
    rows = conn.execute(
        "SELECT day, COUNT(*) FROM review_log WHERE day > :start AND day <= :today GROUP BY day",
        {"start": today - days, "today": today},
    )
    for day, n in rows:
        out[days - 1 - (today - int(day))] = n
    return out


def time_spent_ms(conn: sqlite3.Connection, today: int, days: int) -> int:
    row = conn.execute(
        "SELECT COALESCE(SUM(duration_ms), 0) FROM review_log WHERE day > :start", {"start": today - days}
    ).fetchone()
    return int(row[0])


def buttons(conn: sqlite3.Connection) -> dict[str, list[int]]:
    """Answer-button counts (Again, Hard, Good, Easy) for learning, young and mature cards."""
    out = {"learning": [0, 0, 0, 0], "young": [0, 0, 0, 0], "mature": [0, 0, 0, 0]}
    rows = conn.execute(
        "SELECT CASE WHEN phase_before IN ('new', 'learning', 'relearning') THEN 'learning' "
        f"WHEN interval_before < {MATURE_DAYS} THEN 'young' ELSE 'mature' END AS kind, rating, COUNT(*) "
        "FROM review_log GROUP BY kind, rating"
    )
    for kind, rating, n in rows:
        out[kind][int(rating) - 1] = n
    return out


def retention_by_domain(conn: sqlite3.Connection, version: str) -> dict[str, tuple[int, int, int, int]]:
    """Per domain of `version`: (young passed, young total, mature passed, mature total) of review answers.

    True retention as Anki defines it: a review passes on Hard, Good or Easy.
    """
    rows = conn.execute(
        "SELECT json_extract(c.content, '$.domain.\"' || :v || '\"') AS dom, "
        f"r.interval_before >= {MATURE_DAYS} AS mature, SUM(r.rating > 1), COUNT(*) "
        "FROM review_log r JOIN cards c ON c.id = r.card_id WHERE r.phase_before = 'review' "
        "GROUP BY dom, mature",
        {"v": version},
    )
    out: dict[str, list[int]] = {}
    for dom, mature, passed, total in rows:
        key = str(dom) if dom is not None else "-"
        slot = out.setdefault(key, [0, 0, 0, 0])
        base = 2 if mature else 0
        slot[base] += int(passed)
        slot[base + 1] += int(total)
    return {k: (v[0], v[1], v[2], v[3]) for k, v in out.items()}


def progress_by_domain(conn: sqlite3.Connection, version: str) -> dict[str, tuple[int, int, int]]:
    """Per domain of `version`: (cards, seen, mature) among active cards."""
    rows = conn.execute(
        "SELECT json_extract(content, '$.domain.\"' || :v || '\"') AS dom, COUNT(*), "
        f"SUM(phase != 'new'), SUM(phase = 'review' AND interval >= {MATURE_DAYS}) "
        "FROM cards WHERE retired = 0 GROUP BY dom",
        {"v": version},
    )
    return {str(d) if d is not None else "-": (int(n), int(seen), int(mature)) for d, n, seen, mature in rows}
