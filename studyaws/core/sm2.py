"""Anki's SM-2 ("legacy" scheduler) with Anki's default numbers: (state, rating, now) -> (state, log entry).

Pure: the clock (`now`, `today`) and the random draw for fuzz are arguments. Constants and formulas follow
Anki's manual (deck options) and its scheduler's documented behaviour; see research/anchors.md §1.1.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from studyaws.core.fuzz import learning_fuzz, review_fuzz, round_half_up
from studyaws.core.types import Answered, Phase, Rating, ReviewRecord, SchedState, answered

_DAY_SECS = 86_400

EASE_AGAIN = -200
EASE_HARD = -150
EASE_EASY = 150
EASE_FLOOR = 1300


@dataclass(frozen=True, slots=True)
class Sm2Params:
    """Deck options, defaulting to Anki's. Steps are minutes; ease is permille."""

    learn_steps: tuple[float, ...] = (1.0, 10.0)
    relearn_steps: tuple[float, ...] = (10.0,)
    graduating_interval: int = 1
    easy_interval: int = 4
    starting_ease: int = 2500
    easy_bonus: float = 1.3
    hard_factor: float = 1.2
    interval_modifier: float = 1.0
    max_interval: int = 36_500
    lapse_factor: float = 0.0
    min_lapse_interval: int = 1
    leech_threshold: int = 8
    fuzz: bool = True


class _Steps:
    """Learning steps indexed the way Anki counts them: by steps remaining, not by step number."""

    def __init__(self, minutes: tuple[float, ...]) -> None:
        self.secs = [int(m * 60) for m in minutes]

    def index(self, remaining: int) -> int:
        total = len(self.secs)
        return min(max(total - remaining, 0), max(total - 1, 0))

    def again(self) -> int | None:
        return self.secs[0] if self.secs else None

    def hard(self, remaining: int) -> int | None:
        if not self.secs:
            return None
        idx = self.index(remaining)
        current = self.secs[idx]
        if idx != 0:
            return current
        # On the first step Hard must sit between Again and Good: the average of the first two steps,
        # or 1.5x a single step (at most a day more).
        if len(self.secs) > 1:
            return _round_days((current + self.secs[1]) // 2)
        return _round_days(min(current * 3 // 2, current + _DAY_SECS))

    def good(self, remaining: int) -> int | None:
        idx = self.index(remaining) + 1
        return self.secs[idx] if idx < len(self.secs) else None

    def remaining_after_good(self, remaining: int) -> int:
        return max(len(self.secs) - (self.index(remaining) + 1), 0)


def _round_days(secs: int) -> int:
    """Delays over a day are whole days, so answering early or late in the day gives the same result."""
    if secs > _DAY_SECS:
        return round_half_up(secs / _DAY_SECS) * _DAY_SECS
    return secs


def leech_threshold_met(lapses: int, threshold: int) -> bool:
    """True at the threshold and every half threshold after it (8, 12, 16, … by default)."""
    if threshold <= 0:
        return False
    half = max(-(-threshold // 2), 1)
    return lapses >= threshold and (lapses - threshold) % half == 0


class Sm2:
    """The scheduler for one set of deck options."""

    def __init__(self, params: Sm2Params | None = None) -> None:
        self.p = params or Sm2Params()
        self._learn = _Steps(self.p.learn_steps)
        self._relearn = _Steps(self.p.relearn_steps)

    # -- public API -------------------------------------------------------------------------------------

    def answer(self, state: SchedState, rating: Rating, now: datetime, today: int, draw: float) -> Answered:
        """Answer a card. `now` is aware, `today` its study-day number, `draw` a uniform float in [0, 1)."""
        if now.tzinfo is None:
            raise ValueError("answer needs a timezone-aware datetime")
        fuzz = draw if self.p.fuzz else None
        if state.phase in (Phase.NEW, Phase.LEARNING):
            new_state, leech = self._learning(state, rating, now, today, fuzz), False
        elif state.phase is Phase.REVIEW:
            new_state, leech = self._review(state, rating, now, today, fuzz)
        else:
            new_state, leech = self._relearning(state, rating, now, today, fuzz), False
        new_state = replace(new_state, reps=state.reps + 1)
        return answered(state, new_state, rating, now, today, draw, leech)

    def preview(self, state: SchedState, now: datetime, today: int, draw: float) -> dict[Rating, SchedState]:
        """The state each button would lead to, for showing the next interval on the buttons."""
        return {r: self.answer(state, r, now, today, draw).state for r in Rating}

    # -- phases -----------------------------------------------------------------------------------------

    def _learning(
        self, s: SchedState, rating: Rating, now: datetime, today: int, fuzz: float | None
    ) -> SchedState:
        steps = self._learn
        remaining = s.remaining_steps if s.phase is Phase.LEARNING else len(steps.secs)
        if rating is Rating.EASY:
            return self._graduate(s, self.p.easy_interval, today, fuzz)
        if rating is Rating.AGAIN:
            delay, remaining = steps.again(), len(steps.secs)
        elif rating is Rating.HARD:
            delay = steps.hard(remaining)
        else:
            delay, remaining = steps.good(remaining), steps.remaining_after_good(remaining)
        if delay is None:
            return self._graduate(s, self.p.graduating_interval, today, fuzz)
        return replace(
            s,
            phase=Phase.LEARNING,
            remaining_steps=remaining,
            due_at=now + timedelta(seconds=learning_fuzz(delay, fuzz)),
            due_day=None,
        )

    def _graduate(self, s: SchedState, days: int, today: int, fuzz: float | None) -> SchedState:
        interval = review_fuzz(float(days), 1, self.p.max_interval, fuzz)
        return replace(
            s,
            phase=Phase.REVIEW,
            remaining_steps=0,
            due_at=None,
            due_day=today + interval,
            interval=interval,
            ease=self.p.starting_ease,
        )

    def _review(
        self, s: SchedState, rating: Rating, now: datetime, today: int, fuzz: float | None
    ) -> tuple[SchedState, bool]:
        if rating is Rating.AGAIN:
            lapses = s.lapses + 1
            lapsed = replace(
                s,
                interval=self._lapse_interval(s.interval),
                ease=max(s.ease + EASE_AGAIN, EASE_FLOOR),
                lapses=lapses,
            )
            leech = leech_threshold_met(lapses, self.p.leech_threshold)
            return self._enter_relearning(lapsed, now, today, fuzz), leech
        hard, good, easy = self._passing_intervals(s, today, fuzz)
        if rating is Rating.HARD:
            interval, ease = hard, max(s.ease + EASE_HARD, EASE_FLOOR)
        elif rating is Rating.GOOD:
            interval, ease = good, s.ease
        else:
            interval, ease = easy, s.ease + EASE_EASY
        return replace(s, interval=interval, ease=ease, due_day=today + interval, due_at=None), False

    def _relearning(
        self, s: SchedState, rating: Rating, now: datetime, today: int, fuzz: float | None
    ) -> SchedState:
        steps = self._relearn
        if rating is Rating.EASY:
            return self._back_to_review(replace(s, interval=s.interval + 1), today)
        if rating is Rating.AGAIN:
            return self._enter_relearning(
                replace(s, interval=self._lapse_interval(s.interval)), now, today, fuzz
            )
        if rating is Rating.HARD:
            delay, remaining = steps.hard(s.remaining_steps), s.remaining_steps
        else:
            delay, remaining = steps.good(s.remaining_steps), steps.remaining_after_good(s.remaining_steps)
        if delay is None:
            return self._back_to_review(s, today)
        return replace(
            s, remaining_steps=remaining, due_at=now + timedelta(seconds=learning_fuzz(delay, fuzz))
        )

    # -- helpers ----------------------------------------------------------------------------------------

    def _enter_relearning(self, s: SchedState, now: datetime, today: int, fuzz: float | None) -> SchedState:
        delay = self._relearn.again()
        if delay is None:
            return self._back_to_review(s, today)
        return replace(
            s,
            phase=Phase.RELEARNING,
            remaining_steps=len(self._relearn.secs),
            due_at=now + timedelta(seconds=learning_fuzz(delay, fuzz)),
            due_day=None,
        )

    def _back_to_review(self, s: SchedState, today: int) -> SchedState:
        return replace(s, phase=Phase.REVIEW, remaining_steps=0, due_at=None, due_day=today + s.interval)

    def _lapse_interval(self, interval: int) -> int:
        return max(int(interval * self.p.lapse_factor), self.p.min_lapse_interval, 1)

    def _constrain(self, interval: float, minimum: int, fuzz: float | None) -> int:
        maximum = self.p.max_interval
        minimum = max(min(minimum, maximum), 1)
        return review_fuzz(interval * self.p.interval_modifier, minimum, maximum, fuzz)

    def _passing_intervals(self, s: SchedState, today: int, fuzz: float | None) -> tuple[int, int, int]:
        current = float(s.interval)
        due_day = s.due_day if s.due_day is not None else today
        # Lateness is credited: half of it for Good, all of it for Easy.
        days_late = float(max(today - due_day, 0))
        ease = s.ease / 1000
        hard_min = s.interval + 1 if self.p.hard_factor > 1.0 else 0
        hard = self._constrain(current * self.p.hard_factor, hard_min, fuzz)
        good_min = hard + 1 if self.p.hard_factor > 1.0 else s.interval + 1
        good = self._constrain((current + days_late / 2) * ease, good_min, fuzz)
        easy = self._constrain((current + days_late) * ease * self.p.easy_bonus, good + 1, fuzz)
        return hard, good, easy


def replay(scheduler: Sm2, records: list[ReviewRecord]) -> SchedState:
    """Rebuild a card's state from its review log: the state must always equal this."""
    state = SchedState()
    for rec in records:
        state = scheduler.answer(state, rec.rating, rec.reviewed_at, rec.day, rec.fuzz).state
    return state
