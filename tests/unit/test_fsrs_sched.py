"""The FSRS scheduler against the fsrs package it wraps, its purity, and replays of the review log."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import fsrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyaws.core.fsrs_sched import Fsrs, FsrsParams, memory_from_log
from studyaws.core.fuzz import fuzz_bounds
from studyaws.core.sm2 import Sm2, Sm2Params
from studyaws.core.types import Answered, Phase, Rating, ReviewRecord, SchedState

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
NOFUZZ = Fsrs(FsrsParams(fuzz=False))
PACKAGE = fsrs.Scheduler(enable_fuzzing=False)
_PHASES = {fsrs.State.Learning: Phase.LEARNING, fsrs.State.Review: Phase.REVIEW,
           fsrs.State.Relearning: Phase.RELEARNING}  # fmt: skip

ratings = st.lists(st.sampled_from(list(Rating)), min_size=1, max_size=25)
delays = st.lists(st.integers(0, 6), min_size=25, max_size=25)


def day_of(moment: datetime) -> int:
    """Study day with a midnight rollover in UTC: reviews at 09:00 make study days equal real days."""
    return (moment.date() - date(1970, 1, 1)).days


@settings(max_examples=150, deadline=None)
@given(ratings, delays)
def test_answer_matches_the_package(seq: list[Rating], late: list[int]) -> None:
    """Same ratings at the same instants: the same memory state and the same next due time, step by step.

    Each answer comes when the card is due, or whole days later (the package counts days in 24 h
    periods, we in study days; at the same time of day the two agree).
    """
    ours = SchedState()
    card = fsrs.Card(card_id=1, due=T0)
    at = T0
    for rating, extra in zip(seq, late, strict=False):
        a = NOFUZZ.answer(ours, rating, at, day_of(at), 0.5)
        card, _ = PACKAGE.review_card(card, fsrs.Rating(int(rating)), at)
        ours = a.state
        assert ours.stability == card.stability
        assert ours.difficulty == card.difficulty
        assert ours.phase is _PHASES[card.state]
        if ours.phase is Phase.REVIEW:
            assert ours.due_day == day_of(at) + (card.due - at).days
            assert ours.interval == (card.due - at).days
        else:
            assert ours.due_at == card.due
        at = card.due + timedelta(days=extra)


def test_learning_steps_are_anki_minutes() -> None:
    new = SchedState()
    assert NOFUZZ.answer(new, Rating.AGAIN, T0, 0, 0).state.due_at == T0 + timedelta(minutes=1)
    assert NOFUZZ.answer(new, Rating.HARD, T0, 0, 0).state.due_at == T0 + timedelta(minutes=5, seconds=30)
    second = NOFUZZ.answer(new, Rating.GOOD, T0, 0, 0).state
    assert (second.phase, second.remaining_steps, second.due_at) == (
        Phase.LEARNING,
        1,
        T0 + timedelta(minutes=10),
    )
    graduated = NOFUZZ.answer(second, Rating.GOOD, T0 + timedelta(minutes=10), 0, 0).state
    assert graduated.phase is Phase.REVIEW and graduated.interval >= 1
    assert graduated.ease == 2500  # so that SM-2 can take the card over later


def test_fuzz_comes_from_the_draw_within_ankis_range() -> None:
    fuzzed = Fsrs()
    review = SchedState(
        phase=Phase.REVIEW, due_day=100, interval=30, ease=2500, stability=30.0, difficulty=5.0
    )
    plain = NOFUZZ.answer(review, Rating.GOOD, T0, 100, 0.5).state.interval
    low, high = fuzz_bounds(plain, 1, 36_500)
    draws = (0.0, 0.25, 0.5, 0.75, 0.999)
    seen = {fuzzed.answer(review, Rating.GOOD, T0, 100, d).state.interval for d in draws}
    assert min(seen) == low and max(seen) == high and len(seen) > 2
    assert fuzzed.answer(review, Rating.GOOD, T0, 100, 0.37) == fuzzed.answer(
        review, Rating.GOOD, T0, 100, 0.37
    )
    # learning steps get up to 25 % more, as with SM-2
    due = fuzzed.answer(SchedState(), Rating.GOOD, T0, 0, 0.99).state.due_at
    assert due is not None and timedelta(minutes=10) < due - T0 <= timedelta(minutes=12, seconds=30)


class _NoClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
        raise AssertionError("the fsrs package read the wall clock")


def test_never_reads_the_wall_clock_or_global_random(monkeypatch: pytest.MonkeyPatch) -> None:
    import fsrs.card
    import fsrs.scheduler

    def no_random() -> float:
        raise AssertionError("the fsrs package drew from the global random")

    monkeypatch.setattr(fsrs.scheduler, "random", no_random)
    monkeypatch.setattr(fsrs.scheduler, "datetime", _NoClock)
    monkeypatch.setattr(fsrs.card, "datetime", _NoClock)
    s = SchedState()
    at = T0
    for rating in [Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.EASY]:
        s = Fsrs().answer(s, rating, at, day_of(at), 0.9).state
        at = s.due_at or T0 + timedelta(days=(s.due_day or 0) - day_of(T0))
    assert s.phase is Phase.REVIEW


def test_needs_an_aware_datetime() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        NOFUZZ.answer(SchedState(), Rating.GOOD, datetime(2026, 1, 1, 9), 0, 0.5)


def test_other_timezones_are_converted_for_the_package() -> None:
    from zoneinfo import ZoneInfo

    local = T0.astimezone(ZoneInfo("Europe/Berlin"))
    assert NOFUZZ.answer(SchedState(), Rating.GOOD, local, 0, 0.5) == dataclasses.replace(
        NOFUZZ.answer(SchedState(), Rating.GOOD, T0, 0, 0.5),
        record=dataclasses.replace(
            NOFUZZ.answer(SchedState(), Rating.GOOD, T0, 0, 0.5).record, reviewed_at=local
        ),
    )


def test_lapses_and_leeches_are_counted_like_sm2() -> None:
    s = SchedState(
        phase=Phase.REVIEW, due_day=10, interval=5, ease=2500, lapses=7, stability=5.0, difficulty=6.0
    )
    a = Fsrs(FsrsParams(fuzz=False, leech_threshold=8)).answer(s, Rating.AGAIN, T0, 10, 0.5)
    assert a.state.phase is Phase.RELEARNING and a.state.lapses == 8 and a.leech
    assert a.state.interval >= 1  # the interval it returns to after relearning
    assert a.state.stability is not None and a.state.stability < 5.0


def test_preview_gives_every_button() -> None:
    previews = NOFUZZ.preview(SchedState(), T0, 0, 0.5)
    assert set(previews) == set(Rating)
    assert previews[Rating.EASY].phase is Phase.REVIEW


def test_interval_follows_desired_retention() -> None:
    s = SchedState(phase=Phase.REVIEW, due_day=100, interval=20, ease=2500, stability=20.0, difficulty=5.0)
    ivl = {
        r: Fsrs(FsrsParams(fuzz=False, desired_retention=r)).answer(s, Rating.GOOD, T0, 100, 0).state.interval
        for r in (0.8, 0.9, 0.97)
    }
    assert ivl[0.8] > ivl[0.9] > ivl[0.97]


def test_sm2_carries_the_memory_state_through() -> None:
    s = SchedState(phase=Phase.REVIEW, due_day=100, interval=20, ease=2500, stability=12.5, difficulty=3.25)
    for rating in Rating:
        out = Sm2(Sm2Params(fuzz=False)).answer(s, rating, T0, 100, 0.5).state
        assert (out.stability, out.difficulty) == (12.5, 3.25)


def _live(scheduler: Sm2 | Fsrs, start: SchedState, seq: list[Rating], at: datetime) -> tuple[
    SchedState, list[ReviewRecord], datetime
]:  # fmt: skip
    state, records = start, []
    for i, rating in enumerate(seq):
        a: Answered = scheduler.answer(state, rating, at, day_of(at), (i * 0.37) % 1)
        state, records = a.state, [*records, a.record]
        at = (
            state.due_at
            if state.due_at is not None
            else at + timedelta(days=(state.due_day or 0) - day_of(at))
        )
    return state, records, at


@settings(max_examples=100, deadline=None)
@given(ratings)
def test_replay_reproduces_the_live_state(seq: list[Rating]) -> None:
    state, records, _ = _live(Fsrs(), SchedState(), seq, T0)
    assert memory_from_log(Fsrs(), records) == state
    assert memory_from_log(Fsrs(), records) == memory_from_log(Fsrs(), list(records))  # deterministic


@settings(max_examples=100, deadline=None)
@given(ratings, ratings, ratings)
def test_switching_sm2_fsrs_sm2_loses_nothing(
    first: list[Rating], second: list[Rating], third: list[Rating]
) -> None:
    """SM-2, then FSRS (memory from the SM-2 log), then SM-2 again: the SM-2 columns carry on where they
    were, and the memory state FSRS kept is what a replay of the whole log gives."""
    sm2, fsrs_ = Sm2(), Fsrs()
    state, log1, at = _live(sm2, SchedState(), first, T0)
    memory = memory_from_log(fsrs_, log1)
    switched = dataclasses.replace(state, stability=memory.stability, difficulty=memory.difficulty)
    assert dataclasses.replace(switched, stability=None, difficulty=None) == state  # scheduling kept
    state2, log2, at = _live(fsrs_, switched, second, at)
    assert (state2.stability, state2.difficulty) == (
        memory_from_log(fsrs_, log1 + log2).stability,
        memory_from_log(fsrs_, log1 + log2).difficulty,
    )
    assert state2.reps == state.reps + len(second) and state2.lapses >= state.lapses
    back = dataclasses.replace(state2, stability=None, difficulty=None)  # what the switch to SM-2 drops
    state3, log3, _ = _live(sm2, back, third, at)
    assert state3.reps == len(first) + len(second) + len(third)
    if back.phase is Phase.REVIEW and third[0] is Rating.GOOD:
        assert log3[0].interval_before == back.interval  # SM-2 carries on from FSRS's interval
    assert memory_from_log(fsrs_, log1 + log2 + log3).stability is not None
