"""Project the study load and recall forward: expected answers per day up to a target day, and each card's
predicted recall on that day. Pure: the scheduler, the clock and the cards are arguments.

The projection follows each card along the path where every review is answered Good, using the real
scheduler (so SM-2, FSRS, or any wrapper around them, schedules exactly as it would). Forgetting is added as
an expectation rather than a branch: a review with predicted recall p costs, besides itself, (1 − p) times
the relearning answers that day and (1 − p) of a review the next day (a lapsed card comes back after about
a day). New cards enter in queue order at the daily limit, each costing its learning steps on its first day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from studyaws.core.recall import predicted_recall
from studyaws.core.types import NEW_CARD, Phase, Rating, SchedState, Scheduler

MIDDLE_DRAW = 0.5  # the middle of every fuzz range: a projection should not depend on luck
_STEP_CAP = 20  # answers after which a card that never leaves its learning steps is given up on


@dataclass(frozen=True, slots=True)
class Projection:
    """Per day from `start` to `end` inclusive (index 0 is `start`)."""

    start: int
    end: int
    reviews: list[float]  # expected answers to cards already studied, relearning included
    learning: list[float]  # answers to the day's new cards, in their learning steps
    new: list[int]  # new cards introduced
    recall: dict[int, float]  # card id -> predicted recall on `end`, for cards studied by then

    def answers(self) -> list[float]:
        return [r + n for r, n in zip(self.reviews, self.learning, strict=True)]


class _Walker:
    def __init__(
        self, scheduler: Scheduler, now: datetime, today: int, end: int, relearn_answers: int
    ) -> None:
        self.scheduler = scheduler
        self.now = now
        self.today = today
        self.end = end
        self.relearn = relearn_answers
        self.reviews = [0.0] * (end - today + 1)
        self.learning = [0.0] * (end - today + 1)

    def at(self, day: int) -> datetime:
        return self.now + timedelta(days=day - self.today)

    def good(self, state: SchedState, day: int, when: datetime) -> SchedState:
        return self.scheduler.answer(state, Rating.GOOD, when, day, MIDDLE_DRAW).state

    def through_steps(self, state: SchedState, day: int) -> tuple[SchedState, int]:
        """Answer Good until the card leaves its (re)learning steps; returns the state and the answers."""
        answers = 0
        when = self.at(day)
        while state.phase is not Phase.REVIEW and answers < _STEP_CAP:
            if state.due_at is not None:
                when = max(when, state.due_at)
            state = self.good(state, day, when)
            answers += 1
        return state, answers

    def follow(self, state: SchedState, weight: float) -> SchedState:
        """Walk a review card through its due days up to `end`, adding its expected answers."""
        while state.phase is Phase.REVIEW and state.due_day is not None:
            day = max(state.due_day, self.today)
            if day > self.end:
                break
            recall = predicted_recall(state, day)
            miss = 1.0 - (recall if recall is not None else 1.0)
            self.reviews[day - self.today] += weight * (1.0 + miss * self.relearn)
            if day >= self.end:
                # The target day's reviews count as load, but recall is asked for as the day begins (the
                # exam morning), so the state stays as it was before them.
                break
            self.reviews[day + 1 - self.today] += weight * miss
            state = self.good(state, day, self.at(day))
            if state.due_day is not None and state.due_day <= day:
                break  # a scheduler that keeps a card due the same day: stop rather than loop
        return state


def project(
    scheduler: Scheduler,
    now: datetime,
    today: int,
    end: int,
    seen: Iterable[tuple[int, SchedState]],
    new_ids: list[int],
    new_today: int,
    new_per_day: int,
    relearn_answers: int = 1,
    last_new_day: int | None = None,
) -> Projection:
    """Expected load from `today` to `end` and recall on `end` as that day begins.

    `seen`: cards already studied (id, state); `new_ids`: new cards in the order the queue introduces them,
    `new_today` of them still today and `new_per_day` on each later day up to `last_new_day` (default `end`).
    """
    if end < today:
        raise ValueError("the projection must end on or after today")
    walk = _Walker(scheduler, now, today, end, relearn_answers)
    recall: dict[int, float] = {}
    for card_id, state in seen:
        if state.phase is not Phase.REVIEW:
            state, answers = walk.through_steps(state, today)
            walk.reviews[0] += answers
        state = walk.follow(state, 1.0)
        r = predicted_recall(state, end)
        if r is not None:
            recall[card_id] = r
    new_counts = [0] * (end - today + 1)
    position = 0
    for day in range(today, end + 1):
        count = min(new_today if day == today else new_per_day, len(new_ids) - position)
        if count <= 0 or (last_new_day is not None and day > last_new_day):
            continue
        # Every new card of a day takes the same path, so one walk stands for all of them.
        state, answers = walk.through_steps(NEW_CARD, day)
        walk.learning[day - today] += answers * count
        state = walk.follow(state, float(count))
        r = predicted_recall(state, end)
        for card_id in new_ids[position : position + count]:
            recall[card_id] = r if r is not None else 0.0
        new_counts[day - today] = count
        position += count
    return Projection(today, end, walk.reviews, walk.learning, new_counts, recall)
