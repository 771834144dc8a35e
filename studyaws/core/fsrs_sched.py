"""FSRS-6 as a scheduler with Sm2's interface, through the `fsrs` package: (state, rating, now) -> Answered.

Pure: the package reads the wall clock and the global random only when not given values, so every call
passes the review instant, builds cards with an explicit id and due date, and keeps the package's fuzz off;
our own fuzz (core.fuzz, from the `draw` argument) spreads the intervals, so a replay of the log reproduces
every state. Learning and relearning steps are Anki's (minutes), as in Anki's FSRS.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import fsrs
from fsrs.scheduler import DEFAULT_PARAMETERS

from studyaws.core.fuzz import learning_fuzz, review_fuzz
from studyaws.core.recall import stability_of
from studyaws.core.sm2 import leech_threshold_met
from studyaws.core.types import NEW_CARD, Answered, Phase, Rating, ReviewRecord, SchedState, answered

_TO_FSRS_STATE = {Phase.LEARNING: fsrs.State.Learning, Phase.RELEARNING: fsrs.State.Relearning}
_TO_FSRS_RATING = {r: fsrs.Rating(int(r)) for r in Rating}


@dataclass(frozen=True, slots=True)
class FsrsParams:
    """FSRS options. Steps are minutes (Anki's defaults); `starting_ease` is what a card FSRS graduates gets
    as SM-2 ease, so that switching back to SM-2 has an ease to work with."""

    desired_retention: float = 0.9
    learn_steps: tuple[float, ...] = (1.0, 10.0)
    relearn_steps: tuple[float, ...] = (10.0,)
    max_interval: int = 36_500
    starting_ease: int = 2500
    leech_threshold: int = 8
    fuzz: bool = True
    weights: tuple[float, ...] = DEFAULT_PARAMETERS


class Fsrs:
    """The FSRS scheduler for one set of options."""

    def __init__(self, params: FsrsParams | None = None) -> None:
        self.p = params or FsrsParams()
        if not 0.0 < self.p.desired_retention < 1.0:
            raise ValueError(f"desired retention must be between 0 and 1, not {self.p.desired_retention}")
        self._learn = tuple(timedelta(minutes=m) for m in self.p.learn_steps)
        self._relearn = tuple(timedelta(minutes=m) for m in self.p.relearn_steps)
        self.package = fsrs.Scheduler(
            parameters=self.p.weights,
            desired_retention=self.p.desired_retention,
            learning_steps=self._learn,
            relearning_steps=self._relearn,
            maximum_interval=self.p.max_interval,
            enable_fuzzing=False,  # it would call the global random(); our fuzz is applied below
        )

    # -- public API (the same as Sm2's) ------------------------------------------------------------------

    def answer(self, state: SchedState, rating: Rating, now: datetime, today: int, draw: float) -> Answered:
        """Answer a card. `now` is aware, `today` its study-day number, `draw` a uniform float in [0, 1)."""
        new_state, leech = self.next_state(state, rating, now, today, draw)
        return answered(state, new_state, rating, now, today, draw, leech)

    def next_state(
        self, state: SchedState, rating: Rating, now: datetime, today: int, draw: float
    ) -> tuple[SchedState, bool]:
        """The card's state after the answer, and whether it just became a leech (no log entry)."""
        if now.tzinfo is None:
            raise ValueError("answer needs a timezone-aware datetime")
        at = now if now.tzinfo is UTC else now.astimezone(UTC)  # the package accepts only timezone.utc
        card, _ = self.package.review_card(self.to_card(state, at, today), _TO_FSRS_RATING[rating], at)
        return self._from_card(state, card, rating, at, today, draw if self.p.fuzz else None)

    def preview(self, state: SchedState, now: datetime, today: int, draw: float) -> dict[Rating, SchedState]:
        """The state each button would lead to, for showing the next interval on the buttons."""
        return {r: self.answer(state, r, now, today, draw).state for r in Rating}

    # -- mapping to and from the package's Card -----------------------------------------------------------

    def to_card(self, state: SchedState, at: datetime, today: int) -> fsrs.Card:
        """The package's view of a card, as of the review instant `at` (UTC) on study day `today`.

        The package decides short-term vs long-term memory updates, and the retrievability at review, from
        whole days since `last_review`. For a review card that is the study days since its last answer
        (due day − interval), as Anki counts them; a (re)learning card was last answered one step before it
        became due (without the few minutes of learning fuzz).
        """
        if state.phase is Phase.NEW:
            return fsrs.Card(card_id=0, state=fsrs.State.Learning, step=0, due=at)
        stability, difficulty = state.stability, state.difficulty
        if stability is None or difficulty is None:
            stability, difficulty = self.assumed_memory(state)
        if state.phase is Phase.REVIEW:
            last_day = (state.due_day if state.due_day is not None else today) - state.interval
            last = at - timedelta(days=max(today - last_day, 0))
            return fsrs.Card(0, fsrs.State.Review, None, stability, difficulty, at, last)
        steps = self._learn if state.phase is Phase.LEARNING else self._relearn
        step = max(len(steps) - state.remaining_steps, 0)
        last = at
        if state.due_at is not None and steps:
            last = min(state.due_at.astimezone(UTC) - steps[min(step, len(steps) - 1)], at)
        return fsrs.Card(0, _TO_FSRS_STATE[state.phase], step, stability, difficulty, at, last)

    def assumed_memory(self, state: SchedState) -> tuple[float, float]:
        """A memory state for a seen card that has none (its log was not replayed): stability from its
        interval (see core.recall) and the difficulty of a first answer of Good."""
        difficulty = self.package._initial_difficulty(rating=fsrs.Rating.Good, clamp=True)
        return stability_of(state) or 1.0, float(difficulty)

    def _from_card(
        self, s: SchedState, card: fsrs.Card, rating: Rating, at: datetime, today: int, fuzz: float | None
    ) -> tuple[SchedState, bool]:
        assert card.stability is not None and card.difficulty is not None
        lapses = s.lapses + (s.phase is Phase.REVIEW and rating is Rating.AGAIN)
        leech = lapses > s.lapses and leech_threshold_met(lapses, self.p.leech_threshold)
        delay = card.due - at
        # Built directly rather than with dataclasses.replace: this runs once per log row in a replay.
        if card.state is fsrs.State.Review:
            interval = review_fuzz(float(delay.days), 1, self.p.max_interval, fuzz)
            return SchedState(
                phase=Phase.REVIEW,
                due_day=today + interval,
                interval=interval,
                ease=s.ease or self.p.starting_ease,
                reps=s.reps + 1,
                lapses=lapses,
                stability=float(card.stability),
                difficulty=float(card.difficulty),
            ), leech
        assert card.step is not None
        learning = card.state is fsrs.State.Learning
        steps = self._learn if learning else self._relearn
        secs = learning_fuzz(int(delay.total_seconds()), fuzz)
        # A relearning card's interval is the one it returns to: what its new stability gives now.
        return SchedState(
            phase=Phase.LEARNING if learning else Phase.RELEARNING,
            remaining_steps=len(steps) - card.step,
            due_at=at + timedelta(seconds=secs),
            interval=s.interval if learning else self.interval_for(card.stability),
            ease=s.ease,
            reps=s.reps + 1,
            lapses=lapses,
            stability=float(card.stability),
            difficulty=float(card.difficulty),
        ), leech

    def interval_for(self, stability: float) -> int:
        """The interval (days, unfuzzed) at which recall falls to the desired retention."""
        return int(self.package._next_interval(stability=stability))


def memory_from_log(scheduler: Fsrs, records: Iterable[ReviewRecord]) -> SchedState:
    """Replay a card's review log (oldest first) through FSRS: the state FSRS would have given it.

    Its stability and difficulty depend only on the answers and when they were given, not on which
    scheduler chose the intervals, so this is how a card studied with SM-2 gets its FSRS memory state.
    """
    state = NEW_CARD
    for rec in records:
        state = scheduler.next_state(state, rec.rating, rec.reviewed_at, rec.day, rec.fuzz)[0]
    return state
