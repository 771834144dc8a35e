"""Plain value types shared by the scheduler, the queue and every layer above them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Protocol


class Rating(IntEnum):
    """The four answer buttons, numbered as Anki numbers them."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class Phase(StrEnum):
    """Where a card is in its life: never seen, in (re)learning steps, or on day intervals."""

    NEW = "new"
    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


@dataclass(frozen=True, slots=True)
class SchedState:
    """Everything the scheduler needs to know about one card.

    `due_at` is used by the learning phases (an instant), `due_day` by review cards (a day number, see
    `core.days`). `interval` is the scheduled interval in days; for a relearning card it is the interval the
    card returns to once relearning ends. `ease` is in permille (2500 = 2.50) so that ease arithmetic is exact
    and a replay of the log reproduces it bit for bit.

    `stability` (days) and `difficulty` (1–10) are the FSRS memory state, None until FSRS has seen the card;
    the SM-2 scheduler carries them through unchanged.
    """

    phase: Phase = Phase.NEW
    remaining_steps: int = 0
    due_at: datetime | None = None
    due_day: int | None = None
    interval: int = 0
    ease: int = 0
    reps: int = 0
    lapses: int = 0
    stability: float | None = None
    difficulty: float | None = None


NEW_CARD = SchedState()


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One answer as the review log stores it: enough to replay the card's state exactly."""

    reviewed_at: datetime
    day: int
    rating: Rating
    phase_before: Phase
    interval_before: int
    interval_after: int
    ease_after: int
    fuzz: float
    leech: bool = False


@dataclass(frozen=True, slots=True)
class Answered:
    """The result of answering a card: its new state and the log entry that explains it."""

    state: SchedState
    record: ReviewRecord

    @property
    def leech(self) -> bool:
        return self.record.leech


class Scheduler(Protocol):
    """What the review session needs from a scheduler (core.sm2.Sm2, core.fsrs_sched.Fsrs)."""

    def answer(
        self, state: SchedState, rating: Rating, now: datetime, today: int, draw: float
    ) -> Answered: ...

    def preview(
        self, state: SchedState, now: datetime, today: int, draw: float
    ) -> dict[Rating, SchedState]: ...


def answered(
    before: SchedState, after: SchedState, rating: Rating, now: datetime, today: int, draw: float, leech: bool
) -> Answered:
    """The answer's result and its log entry (what every scheduler here records, so the log replays)."""
    record = ReviewRecord(
        reviewed_at=now,
        day=today,
        rating=rating,
        phase_before=before.phase,
        interval_before=before.interval,
        interval_after=after.interval,
        ease_after=after.ease,
        fuzz=draw,
        leech=leech,
    )
    return Answered(after, record)
