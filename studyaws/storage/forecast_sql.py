"""Plain SQL for `studyaws stats` and its forecast, over the stdlib driver (like statsql): cards as
scheduling states with their domain, answer times, and retention."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from studyaws.core.types import Phase, SchedState
from studyaws.storage.convert_light import from_ms

# Studyable: not retired from its deck, not suspended. Buried cards are only away until tomorrow.
ACTIVE = "retired = 0 AND suspended = 0"
_MEDIAN_OF_LAST = 1000  # answer times: the learner's recent pace, not their first week's


@dataclass(frozen=True, slots=True)
class CardsByKind:
    seen: list[tuple[int, SchedState]]
    new_ids: list[int]  # in the order the queue introduces them
    domain: dict[int, str]  # card id -> domain number in the chosen exam version ("" when untagged)


def cards(conn: sqlite3.Connection, version: str) -> CardsByKind:
    rows = conn.execute(
        "SELECT id, phase, due, interval, ease, reps, lapses, remaining_steps, stability, difficulty, "
        "json_extract(content, '$.domain.\"' || :v || '\"') "
        f"FROM cards WHERE {ACTIVE} ORDER BY phase = 'new', due, id",
        {"v": version},
    )
    seen: list[tuple[int, SchedState]] = []
    new_ids: list[int] = []
    domain: dict[int, str] = {}
    for card_id, phase, due, interval, ease, reps, lapses, steps, stability, difficulty, dom in rows:
        domain[card_id] = "" if dom is None else str(dom)
        p = Phase(phase)
        if p is Phase.NEW:
            new_ids.append(card_id)
            continue
        state = SchedState(
            phase=p,
            remaining_steps=steps,
            due_at=from_ms(due) if p is not Phase.REVIEW else None,
            due_day=due if p is Phase.REVIEW else None,
            interval=interval,
            ease=ease,
            reps=reps,
            lapses=lapses,
            stability=stability,
            difficulty=difficulty,
        )
        seen.append((card_id, state))
    return CardsByKind(seen, new_ids, domain)


def median_answer_ms(conn: sqlite3.Connection) -> int | None:
    """The median time of the learner's recent answers (those with a recorded time), or None."""
    times = sorted(
        int(r[0])
        for r in conn.execute(
            "SELECT duration_ms FROM review_log WHERE duration_ms > 0 ORDER BY id DESC LIMIT ?",
            (_MEDIAN_OF_LAST,),
        )
    )
    if not times:
        return None
    mid = len(times) // 2
    return times[mid] if len(times) % 2 else (times[mid - 1] + times[mid]) // 2


def retention(conn: sqlite3.Connection, today: int, days: int) -> tuple[int, int]:
    """(passed, total) review answers over the last `days` days: passed is anything but Again."""
    row = conn.execute(
        "SELECT COALESCE(SUM(rating > 1), 0), COUNT(*) FROM review_log "
        "WHERE phase_before = 'review' AND day > :start AND day <= :today",
        {"start": today - days, "today": today},
    ).fetchone()
    return int(row[0]), int(row[1])


def answered_on(conn: sqlite3.Connection, day: int) -> tuple[int, int]:
    """(answers, milliseconds spent) on a study day."""
    row = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(duration_ms), 0) FROM review_log WHERE day = ?", (day,)
    ).fetchone()
    return int(row[0]), int(row[1])
