"""Hypothesis properties of the scheduler: whatever the answers and timing, the invariants hold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from studyaws.core.sm2 import EASE_FLOOR, Sm2, Sm2Params, replay
from studyaws.core.types import Phase, Rating, SchedState

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

steps = st.lists(
    st.tuples(
        st.sampled_from(list(Rating)),
        st.integers(min_value=0, max_value=60 * 24 * 90),  # minutes until this answer
        st.floats(min_value=0, max_value=0.999999),
    ),
    min_size=1,
    max_size=40,
)


def run(history: list[tuple[Rating, int, float]]) -> list[tuple[SchedState, SchedState, Rating, int, int]]:
    sched = Sm2()
    s = SchedState()
    now = T0
    out = []
    records = []
    for rating, wait, draw in history:
        now += timedelta(minutes=wait)
        day = (now - timedelta(hours=4)).toordinal()
        a = sched.answer(s, rating, now, day, draw)
        out.append((s, a.state, rating, day, a.record.interval_after))
        records.append(a.record)
        s = a.state
    assert replay(sched, records) == s  # the state is always the replay of its log
    return out


@settings(max_examples=300, deadline=None)
@given(steps)
def test_invariants(history: list[tuple[Rating, int, float]]) -> None:
    for before, after, rating, day, _ in run(history):
        assert after.reps == before.reps + 1
        if after.phase in (Phase.REVIEW, Phase.RELEARNING):
            assert after.ease >= EASE_FLOOR
            assert after.interval >= 1
        if after.phase is Phase.REVIEW:
            assert after.due_day is not None and after.due_day > day
        if after.phase in (Phase.LEARNING, Phase.RELEARNING):
            assert after.due_at is not None
        if before.phase is Phase.REVIEW and rating is Rating.GOOD:
            # Good lengthens a review interval, except at Anki's maximum interval, where it stays.
            assert (
                after.interval > before.interval
                or after.interval == before.interval == Sm2Params().max_interval
            )
