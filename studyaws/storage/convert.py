"""Map database rows to the core's plain values and back; instants are epoch milliseconds in the DB."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from studyaws.core.types import Phase, Rating, ReviewRecord, SchedState
from studyaws.storage.convert_light import from_ms, to_ms
from studyaws.storage.hot_sql import SNAPSHOT_FIELDS

__all__ = ["from_ms", "to_ms"]


@dataclass(frozen=True, slots=True)
class CardFlags:
    """The parts of a card's row that are not scheduling state but can change while studying."""

    suspended: bool = False
    buried_until: int = -1
    flag: int = 0
    leech: bool = False


def state_from_row(row: Any) -> SchedState:
    phase = Phase(row.phase)
    return SchedState(
        phase=phase,
        remaining_steps=row.remaining_steps,
        due_at=from_ms(row.due) if phase in (Phase.LEARNING, Phase.RELEARNING) else None,
        due_day=row.due if phase is Phase.REVIEW else None,
        interval=row.interval,
        ease=row.ease,
        reps=row.reps,
        lapses=row.lapses,
        stability=row.stability,
        difficulty=row.difficulty,
    )


def state_to_values(state: SchedState, position: int) -> dict[str, Any]:
    if state.phase is Phase.NEW:
        due = position
    elif state.phase is Phase.REVIEW:
        assert state.due_day is not None
        due = state.due_day
    else:
        assert state.due_at is not None
        due = to_ms(state.due_at)
    return {
        "phase": state.phase.value,
        "due": due,
        "interval": state.interval,
        "ease": state.ease,
        "reps": state.reps,
        "lapses": state.lapses,
        "remaining_steps": state.remaining_steps,
        "stability": state.stability,
        "difficulty": state.difficulty,
    }


# Undo entries written before the FSRS columns existed lack them; restoring those means restoring NULL.
SNAPSHOT_DEFAULTS: dict[str, Any] = {"stability": None, "difficulty": None}


def snapshot(row: Any) -> str:
    """Everything undo must restore about a card, as JSON."""
    return json.dumps({name: getattr(row, name) for name in SNAPSHOT_FIELDS})


def record_from_row(row: Any) -> ReviewRecord:
    return ReviewRecord(
        reviewed_at=from_ms(row.reviewed_at),
        day=row.day,
        rating=Rating(row.rating),
        phase_before=Phase(row.phase_before),
        interval_before=row.interval_before,
        interval_after=row.interval_after,
        ease_after=row.ease_after,
        fuzz=row.fuzz,
        leech=bool(row.leech),
    )
