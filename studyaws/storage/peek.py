"""The card a review session would show first, read with the stdlib driver before SQLAlchemy is loaded.

It mirrors ReviewSession.next_card's order (due learning cards, then the first review, then the first new
card, then learning cards within the learn-ahead window); a test holds the two to the same answer.
"""

from __future__ import annotations

import sqlite3

from studyaws.core.queue import remaining
from studyaws.storage import hot_sql as hot
from studyaws.storage.duecounts import snapshot


class _Row:
    """Attribute access over a sqlite3.Row, as the SQLAlchemy rows that convert.py reads."""

    __slots__ = ("_row",)

    def __init__(self, row: sqlite3.Row) -> None:
        self._row = row

    def __getattr__(self, name: str) -> object:
        return self._row[name]


def first_card(
    conn: sqlite3.Connection,
    *,
    now_ms: int,
    learn_ahead_ms: int,
    today: int,
    day_end_ms: int,
    new_per_day: int,
    reviews_per_day: int,
) -> _Row | None:
    conn.row_factory = sqlite3.Row
    args = {"today": today, "limit": 1}
    ids = conn.execute(hot.LEARNING_DUE, {**args, "until": now_ms}).fetchall()
    if not ids:
        snap = snapshot(
            conn,
            now_ms=now_ms,
            today=today,
            day_end_ms=day_end_ms,
            new_per_day=new_per_day,
            reviews_per_day=reviews_per_day,
        )
        if remaining(reviews_per_day, snap.reviews_done, snap.counts.review) > 0:
            ids = conn.execute(hot.REVIEWS_DUE, args).fetchall()
        if not ids and snap.counts.new > 0:
            ids = conn.execute(hot.NEW_CARDS, args).fetchall()
    if not ids:
        ids = conn.execute(hot.LEARNING_DUE, {**args, "until": now_ms + learn_ahead_ms}).fetchall()
    if not ids:
        return None
    row = conn.execute(hot.CARD_BY_ID, {"id": ids[0][0]}).fetchone()
    return None if row is None else _Row(row)
