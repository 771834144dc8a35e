"""Study operations on the database: the queue's candidates, answering, suspend/bury/flag and undo.

Each write is one BEGIN IMMEDIATE transaction: an answer writes the card's new state, its review-log row
and its undo entry together, or nothing at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select, update

from studyaws.core.cards import Note
from studyaws.core.types import Answered, ReviewRecord, SchedState
from studyaws.errors import StudyawsError
from studyaws.storage import hot_sql as hot
from studyaws.storage.convert import (
    SNAPSHOT_DEFAULTS,
    CardFlags,
    record_from_row,
    snapshot,
    state_from_row,
    state_to_values,
    to_ms,
)
from studyaws.storage.hot_sql import SNAPSHOT_FIELDS
from studyaws.storage.models import CardRow, DeckRow, ReviewRow, UndoRow, table
from studyaws.storage.notes_json import note_from_json

cards_t = table(CardRow)
log_t = table(ReviewRow)
undo_t = table(UndoRow)
decks_t = table(DeckRow)

UNDO_LIMIT = 30  # as Anki


@dataclass(frozen=True, slots=True)
class StoredCard:
    id: int
    uid: str
    note_uid: str
    ordinal: int
    position: int
    note: Note
    state: SchedState
    flags: CardFlags


@dataclass(frozen=True, slots=True)
class UndoneOp:
    op: str
    card_id: int
    card_uid: str


@dataclass(frozen=True, slots=True)
class DeckSummary:
    id: str
    title: str
    path: str
    cards: int
    new: int
    learning: int
    review: int
    suspended: int


class Repository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _write(self) -> Connection:
        return self.engine.connect().execution_options(sqlite_immediate=True)

    # -- reading ----------------------------------------------------------------------------------------

    def card(self, card_id: int) -> StoredCard:
        with self.engine.connect() as conn:
            row = conn.exec_driver_sql(hot.CARD_BY_ID, {"id": card_id}).one_or_none()
        if row is None:
            raise StudyawsError(f"card {card_id} does not exist")
        return _stored(row)

    def card_by_uid(self, uid: str) -> StoredCard | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(cards_t).where(cards_t.c.uid == uid)).one_or_none()
        return None if row is None else _stored(row)

    def learning_due(self, until_ms: int, today: int, limit: int = 50) -> list[int]:
        """Learning and relearning cards due by `until_ms`, soonest first."""
        args = {"until": until_ms, "today": today, "limit": limit}
        with self.engine.connect() as conn:
            return [r[0] for r in conn.exec_driver_sql(hot.LEARNING_DUE, args)]

    def queue_candidates(self, today: int, review_limit: int, new_limit: int) -> tuple[list[int], list[int]]:
        """Card ids of the reviews due (oldest due first) and the new cards (deck order), within limits."""
        with self.engine.connect() as conn:
            reviews = conn.exec_driver_sql(hot.REVIEWS_DUE, {"today": today, "limit": max(review_limit, 0)})
            r = [x[0] for x in reviews]
            news = conn.exec_driver_sql(hot.NEW_CARDS, {"today": today, "limit": max(new_limit, 0)})
            n = [x[0] for x in news]
        return r, n

    def notes_of(self, card_ids: list[int]) -> dict[int, str]:
        """card id → note id, for the sibling rules (only called when burying siblings is on)."""
        out: dict[int, str] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(card_ids), 500):
                chunk = card_ids[start : start + 500]
                sql = hot.NOTES_OF.format(ids=",".join(str(int(i)) for i in chunk))
                out.update((r[0], r[1]) for r in conn.exec_driver_sql(sql))
        return out

    def notes_studied_today(self, today: int) -> dict[str, set[int]]:
        """note → card ids answered today, for burying siblings."""
        q = (
            select(cards_t.c.note_uid, cards_t.c.id)
            .join(log_t, log_t.c.card_id == cards_t.c.id)
            .where(log_t.c.day == today)
            .distinct()
        )
        out: dict[str, set[int]] = {}
        with self.engine.connect() as conn:
            for note_uid, card_id in conn.execute(q):
                out.setdefault(note_uid, set()).add(card_id)
        return out

    def review_records(self, card_id: int) -> list[ReviewRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(log_t).where(log_t.c.card_id == card_id).order_by(log_t.c.id))
            return [record_from_row(r) for r in rows]

    def deck_summaries(self, today: int) -> list[DeckSummary]:
        c = cards_t.c
        active = c.retired.is_(False)
        live = active & c.suspended.is_(False)
        q = (
            select(
                decks_t.c.id,
                decks_t.c.title,
                decks_t.c.path,
                func.count(c.id).filter(active),
                func.count(c.id).filter(live & (c.phase == "new")),
                func.count(c.id).filter(live & c.phase.in_(("learning", "relearning"))),
                func.count(c.id).filter(live & (c.phase == "review") & (c.due <= today)),
                func.count(c.id).filter(active & c.suspended.is_(True)),
            )
            .join(cards_t, c.deck_id == decks_t.c.id, isouter=True)
            .where(decks_t.c.content_hash != "")
            .group_by(decks_t.c.id)
            .order_by(decks_t.c.id)
        )
        with self.engine.connect() as conn:
            return [DeckSummary(*r) for r in conn.execute(q)]

    def raw_counts(self, fn: Callable[..., object], **kwargs: object) -> object:
        """Run a plain-sqlite3 function (see storage.duecounts) on a pooled connection."""
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            return fn(raw, **kwargs)

    # -- writing ----------------------------------------------------------------------------------------

    def answer(
        self,
        card_id: int,
        compute: Callable[[SchedState], Answered],
        duration_ms: int,
        leech_suspends: bool,
    ) -> tuple[StoredCard, Answered]:
        """Answer inside one write transaction; `compute` sees the card's state as stored *now*, so two
        processes answering the same card never lose an answer."""
        with self._write() as conn, conn.begin():
            row = conn.exec_driver_sql(hot.CARD_BY_ID, {"id": card_id}).one()
            result = compute(state_from_row(row))
            rec = result.record
            now_ms = to_ms(rec.reviewed_at)
            values = state_to_values(result.state, row.position)
            values.update(
                id=card_id,
                leech=bool(row.leech or result.leech),
                suspended=bool(row.suspended or (result.leech and leech_suspends)),
                modified_at=now_ms,
            )
            conn.exec_driver_sql(hot.UPDATE_STATE, values)
            review = {
                "card_id": card_id,
                "reviewed_at": now_ms,
                "day": rec.day,
                "rating": int(rec.rating),
                "phase_before": rec.phase_before.value,
                "interval_before": rec.interval_before,
                "interval_after": rec.interval_after,
                "ease_after": rec.ease_after,
                "fuzz": rec.fuzz,
                "leech": rec.leech,
                "duration_ms": max(duration_ms, 0),
            }
            review_id = conn.exec_driver_sql(hot.INSERT_REVIEW, review).lastrowid
            _push_undo(conn, "answer", row, review_id, now_ms)
        flags = CardFlags(values["suspended"], row.buried_until, row.flag, values["leech"])
        stored = _stored(row)
        return StoredCard(**{**_fields(stored), "state": result.state, "flags": flags}), result

    def set_flags(self, card_id: int, op: str, now_ms: int, **values: object) -> StoredCard:
        """Suspend, bury or flag a card, undoably."""
        with self._write() as conn, conn.begin():
            row = conn.exec_driver_sql(hot.CARD_BY_ID, {"id": card_id}).one()
            conn.execute(update(cards_t).where(cards_t.c.id == card_id).values(modified_at=now_ms, **values))
            _push_undo(conn, op, row, None, now_ms)
            fresh = conn.exec_driver_sql(hot.CARD_BY_ID, {"id": card_id}).one()
        return _stored(fresh)

    def undo(self) -> UndoneOp | None:
        """Undo the most recent operation (answer, suspend, bury or flag), even from a previous run."""
        with self._write() as conn, conn.begin():
            last = conn.exec_driver_sql(hot.NEWEST_UNDO).one_or_none()
            if last is None:
                return None
            prev = {**SNAPSHOT_DEFAULTS, **json.loads(last.prev)}
            conn.exec_driver_sql(hot.RESTORE, {**prev, "id": last.card_id})
            if last.review_id is not None:
                conn.execute(delete(log_t).where(log_t.c.id == last.review_id))
            conn.execute(delete(undo_t).where(undo_t.c.id == last.id))
            uid = conn.execute(select(cards_t.c.uid).where(cards_t.c.id == last.card_id)).scalar_one()
        return UndoneOp(last.op, last.card_id, uid)

    def undo_depth(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(undo_t)).scalar_one())


def _push_undo(conn: Connection, op: str, row: Any, review_id: int | None, now_ms: int) -> None:
    args = {"op": op, "card_id": row.id, "review_id": review_id, "prev": snapshot(row), "now": now_ms}
    newest = conn.exec_driver_sql(hot.INSERT_UNDO, args).lastrowid
    conn.exec_driver_sql(hot.TRIM_UNDO, {"newest": newest, "limit": UNDO_LIMIT})


def _fields(card: StoredCard) -> dict[str, Any]:
    return {name: getattr(card, name) for name in StoredCard.__slots__}


def _stored(r: Any) -> StoredCard:
    return StoredCard(
        id=r.id,
        uid=r.uid,
        note_uid=r.note_uid,
        ordinal=r.ordinal,
        position=r.position,
        note=note_from_json(r.note_uid, r.deck_id, r.kind, r.content),
        state=state_from_row(r),
        flags=CardFlags(bool(r.suspended), r.buried_until, r.flag, bool(r.leech)),
    )


assert set(SNAPSHOT_FIELDS) <= {c.name for c in cards_t.c}
