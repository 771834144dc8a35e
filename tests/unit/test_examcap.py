"""Interval capping at the exam day (core.examcap) and the final days' order (core.examfinal)."""

from __future__ import annotations

import random
import statistics
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyaws.core.days import day_number
from studyaws.core.examcap import ExamCapped, capped_due, replay
from studyaws.core.examfinal import in_final_days, lowest_recall_first, suggest_mock_exam
from studyaws.core.fsrs_sched import Fsrs, FsrsParams
from studyaws.core.recall import predicted_recall
from studyaws.core.sm2 import Sm2
from studyaws.core.types import Phase, Rating, ReviewRecord, SchedState, Scheduler

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
DAY0 = day_number(T0, 4)


def no_load(first: int, last: int) -> dict[int, int]:
    return {}


def review(due: int, interval: int, stability: float | None = None) -> SchedState:
    return SchedState(Phase.REVIEW, due_day=due, interval=interval, ease=2500, reps=3, stability=stability)


history = st.lists(
    st.tuples(
        st.sampled_from(list(Rating)),
        st.integers(min_value=0, max_value=60 * 24 * 20),  # minutes until this answer
        st.floats(min_value=0, max_value=0.999999),
    ),
    min_size=1,
    max_size=30,
)


@pytest.mark.parametrize("make", [Sm2, lambda: Fsrs(FsrsParams())], ids=["sm2", "fsrs"])
@settings(max_examples=150, deadline=None)
@given(
    steps=history, exam_in=st.integers(1, 120), loads=st.dictionaries(st.integers(0, 120), st.integers(0, 50))
)
def test_no_interval_answered_before_the_exam_ends_after_it(
    make: Callable[[], Scheduler], steps: list[tuple[Rating, int, float]], exam_in: int, loads: dict[int, int]
) -> None:
    exam_day = DAY0 + exam_in

    def load(first: int, last: int) -> Mapping[int, int]:
        return {DAY0 + k: n for k, n in loads.items() if first <= DAY0 + k <= last}

    sched = ExamCapped(make(), exam_day, load)
    state, now, records = SchedState(), T0, []
    for rating, wait, draw in steps:
        now += timedelta(minutes=wait)
        today = day_number(now, 4)
        preview = sched.preview(state, now, today, draw)
        answered = sched.answer(state, rating, now, today, draw)
        assert preview[rating] == answered.state  # the buttons show what the answer gives
        if today < exam_day and answered.state.due_day is not None:
            assert answered.state.due_day <= exam_day
        assert answered.record.interval_after == answered.state.interval
        records.append(answered.record)
        state = answered.state
    assert replay(make(), records) == state  # the log (with the capped intervals) rebuilds the state


def test_a_long_interval_is_kept_on_the_exam_day_when_recall_stays_high_there() -> None:
    exam = DAY0 + 10
    # SM-2 says 60 days: on exam day, 10 days after this review, recall is still ~99 %.
    assert capped_due(review(DAY0 + 60, 60), DAY0, exam, {}) == exam
    # 12 days with 10 to go: recall would fall to ~90 %, so one more review, in the second half of the days.
    state = review(DAY0 + 12, 12)
    assert (predicted_recall(state, exam) or 0) < 0.95
    assert capped_due(state, DAY0, exam, {}) == exam - 1  # all days empty: the latest
    busy = {d: 30 for d in range(DAY0 + 5, exam)} | {DAY0 + 7: 2}
    assert capped_due(state, DAY0, exam, busy) == DAY0 + 7  # the least loaded day
    assert capped_due(review(DAY0 + 9, 9), DAY0, exam, {}) is None  # ends before the exam: unchanged
    assert capped_due(review(DAY0 + 12, 12), exam, exam, {}) is None  # on exam day: normal scheduling
    # In the final week, what the scheduler aims for (90 %) is enough to wait for the exam day.
    assert capped_due(review(DAY0 + 12, 6), DAY0 + 4, DAY0 + 10, {}) == DAY0 + 10
    assert capped_due(review(DAY0 + 12, 12), DAY0 + 9, DAY0 + 10, {}) == DAY0 + 10  # one day left


def test_the_load_is_read_once_a_preview_and_only_when_a_cap_is_needed() -> None:
    calls: list[tuple[int, int]] = []

    def load(first: int, last: int) -> dict[int, int]:
        calls.append((first, last))
        return {}

    sched = ExamCapped(Sm2(), DAY0 + 30, load)
    sched.preview(SchedState(), T0, DAY0, 0.5)
    assert calls == []  # a new card's buttons never pass the exam
    sched.preview(review(DAY0, 20), T0, DAY0, 0.5)
    assert calls == [(DAY0 + 1, DAY0 + 30)]
    for _ in range(ExamCapped.REFRESH - 1):
        sched.answer(review(DAY0, 20), Rating.GOOD, T0, DAY0, 0.5)
    assert len(calls) == 1  # kept and updated with its own answers
    sched.answer(review(DAY0, 20), Rating.GOOD, T0, DAY0, 0.5)
    sched.answer(review(DAY0, 20), Rating.GOOD, T0, DAY0, 0.5)
    assert len(calls) == 2  # read afresh after REFRESH answers
    sched.answer(review(DAY0 + 1, 20), Rating.GOOD, T0 + timedelta(days=1), DAY0 + 1, 0.5)
    assert calls[-1] == (DAY0 + 2, DAY0 + 30)  # and every day


def simulate(cards: int, exam_in: int, seed: int, again: float, cap: str) -> list[int]:
    """Answers a day for a deck of review cards studied daily (all due cards, Good or Again) to the exam."""
    rng = random.Random(seed)
    states: dict[int, SchedState] = {}
    by_day: defaultdict[int, set[int]] = defaultdict(set)
    for i in range(cards):
        interval = rng.randint(15, 60)
        due = rng.randint(0, interval - 1)  # a deck in steady state: each card somewhere in its interval
        states[i] = review(due, interval)
        by_day[due].add(i)

    def load(first: int, last: int) -> dict[int, int]:
        return {d: len(by_day[d]) for d in range(first, last + 1) if by_day.get(d)}

    inner = Sm2()
    capped = ExamCapped(inner, exam_in, load)

    def answer(state: SchedState, rating: Rating, now: datetime, today: int) -> SchedState:
        if cap == "exam":
            return capped.answer(state, rating, now, today, rng.random()).state
        new = inner.answer(state, rating, now, today, rng.random()).state
        if cap == "naive" and new.due_day is not None and new.due_day >= exam_in and today < exam_in - 1:
            new = replace(new, due_day=exam_in - 1, interval=exam_in - 1 - today)  # every interval cut short
        return new

    answers = []
    for today in range(exam_in):
        now = T0 + timedelta(days=today)
        due_days = [d for d in by_day if d <= today]
        todo = sorted(i for d in due_days for i in by_day.pop(d))
        for i in todo:
            state = answer(states[i], Rating.AGAIN if rng.random() < again else Rating.GOOD, now, today)
            while state.phase is not Phase.REVIEW:  # a lapse is relearned ten minutes later
                state = answer(state, Rating.GOOD, now + timedelta(minutes=10), today)
            states[i] = state
            assert state.due_day is not None
            by_day[state.due_day].add(i)
        answers.append(len(todo))
    return answers


@settings(max_examples=12, deadline=None)
@given(exam_in=st.integers(8, 45), seed=st.integers(0, 10_000), again=st.floats(0.0, 0.2))
def test_capping_keeps_every_day_within_one_and_a_half_times_the_mean(
    exam_in: int, seed: int, again: float
) -> None:
    answers = simulate(2000, exam_in, seed, again, "exam")
    mean = statistics.mean(answers)
    assert max(answers) <= 1.5 * mean, answers
    assert answers[-1] <= 1.5 * mean  # no spike the day before the exam


def test_the_naive_cap_piles_everything_on_the_day_before() -> None:
    """The failure the smoothing avoids, in the same simulation: the check above would catch it."""
    answers = simulate(2000, 30, 1, 0.1, "naive")
    assert answers[-1] > 5 * statistics.mean(answers[:-1])
    plain = simulate(2000, 30, 1, 0.1, "none")
    assert max(plain) <= 1.5 * statistics.mean(plain)


def test_final_days_order_and_mock_exam_suggestion() -> None:
    exam = DAY0 + 20
    assert not in_final_days(DAY0, exam) and in_final_days(exam - 7, exam) and in_final_days(exam, exam)
    assert not in_final_days(exam + 1, exam)
    assert suggest_mock_exam(exam - 3, exam) and not suggest_mock_exam(exam - 8, exam)
    cards = [
        (1, review(exam - 5, 30)),  # long interval, recent: high recall
        (2, review(exam - 5, 2)),  # short interval: low recall on exam day
        (3, review(exam - 5, 10, stability=1.0)),  # FSRS says fragile: lowest
        (4, SchedState()),  # never seen: no prediction, last
    ]
    assert lowest_recall_first(cards, exam) == [3, 2, 1, 4]


def test_replay_without_caps_matches_the_plain_scheduler() -> None:
    sched = Sm2()
    state, now, records = SchedState(), T0, []
    for rating in (Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.EASY):
        answered = sched.answer(state, rating, now, DAY0 + (now - T0).days, 0.3)
        records.append(answered.record)
        state = answered.state
        now += timedelta(days=max(state.interval, 0), minutes=10)
    assert replay(Sm2(), records) == state
    assert isinstance(records[0], ReviewRecord)
