"""Plain SQL for FSRS memory states: the review log in replay order, and the cards' stability/difficulty.

Run over the pooled connection's stdlib driver (see Repository.raw_counts): a replay reads every log row,
about a million for a large collection, and Result objects would cost seconds there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from studyaws.core.types import Phase, Rating, ReviewRecord
from studyaws.storage.convert_light import from_ms

# Cards whose memory state a switch to FSRS rebuilds: every card that has been answered.
SEEN = "phase != 'new'"
# Up to this many cards are picked out of the log by id; more, and one pass over the whole log is faster.
_FEW = 500


def seen_without_memory(conn: sqlite3.Connection) -> list[int]:
    """Seen cards that have no memory state yet (studied before FSRS was chosen, or by an older version)."""
    return [r[0] for r in conn.execute(f"SELECT id FROM cards WHERE {SEEN} AND stability IS NULL")]


def seen_cards(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute(f"SELECT id FROM cards WHERE {SEEN}")]


def has_memory(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM cards WHERE stability IS NOT NULL LIMIT 1").fetchone() is not None


def logs_by_card(
    conn: sqlite3.Connection, card_ids: set[int] | None
) -> Iterator[tuple[int, list[ReviewRecord]]]:
    """Each card's review log, oldest answer first (log ids grow with time; undo removes only the newest)."""
    where = ""
    if card_ids is not None and len(card_ids) <= _FEW:
        where = f"WHERE card_id IN ({','.join(str(int(i)) for i in card_ids)}) "
    rows = conn.execute(
        "SELECT card_id, reviewed_at, day, rating, phase_before, interval_before, interval_after, "
        f"ease_after, fuzz, leech FROM review_log {where}ORDER BY card_id, id"
    )
    current: int | None = None
    records: list[ReviewRecord] = []
    for card_id, at, day, rating, phase, before, after, ease, fuzz, leech in rows:
        if card_id != current:
            if current is not None and records:
                yield current, records
            current, records = card_id, []
        if card_ids is None or card_id in card_ids:
            rec = ReviewRecord(
                from_ms(at), day, Rating(rating), Phase(phase), before, after, ease, fuzz, bool(leech)
            )
            records.append(rec)
    if current is not None and records:
        yield current, records


def write_memory(conn: sqlite3.Connection, values: list[tuple[float | None, float | None, int]]) -> None:
    """(stability, difficulty, card id) rows."""
    conn.executemany("UPDATE cards SET stability = ?, difficulty = ? WHERE id = ?", values)


def clear_memory(conn: sqlite3.Connection) -> int:
    sql = "UPDATE cards SET stability = NULL, difficulty = NULL WHERE stability IS NOT NULL"
    return conn.execute(sql).rowcount
