"""Exam-date interval capping with load smoothing, as a wrapper around any scheduler with Sm2's interface.

No interval answered before the exam ends after the exam day. An interval that would is shortened:
- to the exam day itself when recall will still be high then (`PARK_RECALL`; in the final week, the
  scheduler's own target of 90 %), so it needs no review before the exam;
- else into the second half of the days left, to the day with the fewest cards due (like Anki's load
  balancer), so the card is seen once more, recently, and the days before the exam fill evenly instead of
  piling up the day before (scripts/simulate_exam_plan.py measures it).
The exam day and the load lookup are plain inputs; the chosen interval is what the review log records, so
`replay` rebuilds the state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from studyaws.core.examfinal import FINAL_DAYS
from studyaws.core.recall import predicted_recall
from studyaws.core.types import Answered, Phase, Rating, ReviewRecord, SchedState, Scheduler

# Recall on exam day at or above which a card needs no further review before the exam.
PARK_RECALL = 0.95
# In the final week a review moved earlier would land on the few days left, which the cards answered there
# already crowd: a card whose interval passes the exam keeps the exam day when recall is at least what the
# schedulers aim for anyway.
FINAL_PARK_RECALL = 0.9
LATE_WEIGHT = 0.1

# (first day, last day) → cards due on each of those days (days with none may be left out).
DayLoad = Callable[[int, int], Mapping[int, int]]

__all__ = ["DayLoad", "ExamCapped", "Scheduler", "capped_due", "replay", "shortened"]


def capped_due(
    state: SchedState, today: int, exam_day: int, load: Mapping[int, int], park_recall: float = PARK_RECALL
) -> int | None:
    """The due day a just-answered review card gets instead of one after the exam; None to keep its own.

    `load` gives the cards already due on the days after today.
    """
    due = state.due_day
    if state.phase is not Phase.REVIEW or due is None or due <= exam_day or today >= exam_day:
        return None
    recall = predicted_recall(state, exam_day)
    left = exam_day - today
    if left <= FINAL_DAYS:
        park_recall = min(park_recall, FINAL_PARK_RECALL)
    if left == 1 or (recall is not None and recall >= park_recall):
        return exam_day
    first, last = today + max(1, left // 2), exam_day - 1

    def weighted(day: int) -> tuple[float, int]:
        # The least-loaded day, a day's load counting a little more the later it is: the last days also get
        # the reviews that lapses and young cards will add there. Among equals the latest, which leaves
        # the longest gap before the review.
        return load.get(day, 0) * (1 + LATE_WEIGHT * (day - first)), -day

    return min(range(first, last + 1), key=weighted)


def shortened(state: SchedState, today: int, due: int) -> SchedState:
    return replace(state, due_day=due, interval=due - today)


class ExamCapped:
    """A scheduler whose review intervals never pass the exam day; otherwise exactly `inner`.

    The load is looked up only when an interval needs capping, then kept and updated with this
    scheduler's own answers; it is looked up afresh each day and every `REFRESH` answers, as undo, burying
    or another process change it too (a slightly stale load only makes the spread a little less even).
    """

    REFRESH = 250

    def __init__(
        self, inner: Scheduler, exam_day: int, load: DayLoad, park_recall: float = PARK_RECALL
    ) -> None:
        self.inner = inner
        self.exam_day = exam_day
        self.load = load
        self.park_recall = park_recall
        self._loads: dict[int, int] | None = None
        self._loads_day = -1
        self._answers = 0

    def _current_load(self, today: int) -> dict[int, int]:
        if self._loads is None or self._loads_day != today or self._answers >= self.REFRESH:
            self._loads = dict(self.load(today + 1, self.exam_day))
            self._loads_day, self._answers = today, 0
        return self._loads

    def _cap(self, state: SchedState, today: int) -> SchedState:
        due = state.due_day
        if state.phase is not Phase.REVIEW or due is None or due <= self.exam_day or today >= self.exam_day:
            return state
        day = capped_due(state, today, self.exam_day, self._current_load(today), self.park_recall)
        return state if day is None else shortened(state, today, day)

    def answer(self, state: SchedState, rating: Rating, now: datetime, today: int, draw: float) -> Answered:
        result = self.inner.answer(state, rating, now, today, draw)
        capped = self._cap(result.state, today)
        if self._loads is not None and self._loads_day == today:
            self._answers += 1
            if state.phase is Phase.REVIEW and state.due_day in self._loads:
                self._loads[state.due_day] -= 1
            if capped.phase is Phase.REVIEW and capped.due_day is not None:
                self._loads[capped.due_day] = self._loads.get(capped.due_day, 0) + 1
        if capped is result.state:
            return result
        return Answered(capped, replace(result.record, interval_after=capped.interval))

    def preview(self, state: SchedState, now: datetime, today: int, draw: float) -> dict[Rating, SchedState]:
        states = self.inner.preview(state, now, today, draw)
        return {r: self._cap(s, today) for r, s in states.items()}


def replay(scheduler: Scheduler, records: Iterable[ReviewRecord]) -> SchedState:
    """Rebuild a card's state from its log when some intervals were capped for an exam: each answer as
    `scheduler` gives it, shortened where the log says the interval was shorter."""
    state = SchedState()
    for rec in records:
        state = scheduler.answer(state, rec.rating, rec.reviewed_at, rec.day, rec.fuzz).state
        if state.phase is Phase.REVIEW and rec.interval_after < state.interval:
            state = shortened(state, rec.day, rec.day + rec.interval_after)
    return state
