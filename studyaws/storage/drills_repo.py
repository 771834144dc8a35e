"""Drill results and per-kind drill scheduling in the database, one BEGIN IMMEDIATE transaction per answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.dialects.sqlite import insert

from studyaws.core.types import Answered, Phase, Rating, SchedState
from studyaws.storage.convert_light import from_ms, to_ms
from studyaws.storage.models import DrillKindRow, DrillLogRow, table

kinds_t = table(DrillKindRow)
drill_log_t = table(DrillLogRow)


@dataclass(frozen=True, slots=True)
class DrillEntry:
    """What one answer adds to drill_log, apart from the time and the scheduling fields."""

    kind: str
    seed: int | None
    inputs: str
    choice: bool
    given: str
    given_value: str | None
    expected: str
    correct: bool
    mistake: str | None
    duration_ms: int


@dataclass(frozen=True, slots=True)
class LoggedDrill:
    """One drill_log row."""

    id: int
    entry: DrillEntry
    answered_at: datetime
    day: int
    rating: Rating
    fuzz: float


@dataclass(frozen=True, slots=True)
class StoredKind:
    """A drill kind's scheduling state and its tally of answers."""

    kind: str
    state: SchedState
    right: int
    wrong: int


def _state(row: Any) -> SchedState:
    return SchedState(
        phase=Phase(row.phase),
        remaining_steps=row.remaining_steps,
        due_at=None if row.due_at is None else from_ms(row.due_at),
        due_day=row.due_day,
        interval=row.interval,
        ease=row.ease,
        reps=row.reps,
        lapses=row.lapses,
    )


def _state_values(state: SchedState) -> dict[str, Any]:
    return {
        "phase": state.phase.value,
        "due_at": None if state.due_at is None else to_ms(state.due_at),
        "due_day": state.due_day,
        "interval": state.interval,
        "ease": state.ease,
        "reps": state.reps,
        "lapses": state.lapses,
        "remaining_steps": state.remaining_steps,
    }


class DrillsRepo:
    """Reads and writes drill_kinds and drill_log."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _write(self) -> Connection:
        return self.engine.connect().execution_options(sqlite_immediate=True)

    def kinds(self) -> dict[str, StoredKind]:
        """Every kind drilled at least once, with its state and right/wrong counts."""
        log = drill_log_t.c
        tally = (
            select(
                log.kind,
                func.count(log.id).filter(log.correct.is_(True)).label("right"),
                func.count(log.id).filter(log.correct.is_(False)).label("wrong"),
            )
            .group_by(log.kind)
            .subquery()
        )
        query = select(kinds_t, tally.c.right, tally.c.wrong).join(
            tally, tally.c.kind == kinds_t.c.kind, isouter=True
        )
        with self.engine.connect() as conn:
            return {
                row.kind: StoredKind(row.kind, _state(row), row.right or 0, row.wrong or 0)
                for row in conn.execute(query)
            }

    def log(self, kind: str | None = None) -> list[LoggedDrill]:
        """drill_log rows in the order they were written, optionally for one kind."""
        query = select(drill_log_t).order_by(drill_log_t.c.id)
        if kind is not None:
            query = query.where(drill_log_t.c.kind == kind)
        with self.engine.connect() as conn:
            return [_logged(row) for row in conn.execute(query)]

    def record(self, entry: DrillEntry, compute: Callable[[SchedState], Answered]) -> tuple[int, Answered]:
        """Write one answer: the kind's new state and its drill_log row, together or not at all.

        `compute` sees the kind's state as stored now, inside the write lock, so two processes drilling at
        once never lose an answer.
        """
        with self._write() as conn, conn.begin():
            row = conn.execute(select(kinds_t).where(kinds_t.c.kind == entry.kind)).one_or_none()
            result = compute(SchedState() if row is None else _state(row))
            rec = result.record
            now_ms = to_ms(rec.reviewed_at)
            values = {**_state_values(result.state), "updated_at": now_ms}
            upsert = insert(kinds_t).values(kind=entry.kind, **values)
            conn.execute(upsert.on_conflict_do_update(index_elements=[kinds_t.c.kind], set_=values))
            inserted = conn.execute(
                drill_log_t.insert().values(
                    kind=entry.kind,
                    seed=entry.seed,
                    inputs=entry.inputs,
                    choice=entry.choice,
                    given=entry.given,
                    given_value=entry.given_value,
                    expected=entry.expected,
                    correct=entry.correct,
                    mistake=entry.mistake,
                    answered_at=now_ms,
                    day=rec.day,
                    duration_ms=max(entry.duration_ms, 0),
                    rating=int(rec.rating),
                    fuzz=rec.fuzz,
                )
            )
            key = inserted.inserted_primary_key
            assert key is not None
            return int(key[0]), result


def _logged(row: Any) -> LoggedDrill:
    entry = DrillEntry(
        kind=row.kind,
        seed=row.seed,
        inputs=row.inputs,
        choice=bool(row.choice),
        given=row.given,
        given_value=row.given_value,
        expected=row.expected,
        correct=bool(row.correct),
        mistake=row.mistake,
        duration_ms=row.duration_ms,
    )
    return LoggedDrill(row.id, entry, from_ms(row.answered_at), row.day, Rating(row.rating), row.fuzz)
