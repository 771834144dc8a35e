"""The SM-2 scheduler against Anki's documented behaviour, with fuzz off so intervals are exact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from studyaws.core.fuzz import fuzz_bounds, review_fuzz
from studyaws.core.sm2 import Sm2, Sm2Params, leech_threshold_met, replay
from studyaws.core.types import Phase, Rating, SchedState

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
DAY0 = 20_000
NOFUZZ = Sm2(Sm2Params(fuzz=False))


def review_card(interval: int, ease: int = 2500, due_day: int = DAY0) -> SchedState:
    return SchedState(phase=Phase.REVIEW, due_day=due_day, interval=interval, ease=ease, reps=3)


def test_new_card_learning_steps_and_graduation() -> None:
    s = SchedState()
    a = NOFUZZ.answer(s, Rating.GOOD, T0, DAY0, 0.5)
    assert a.state.phase is Phase.LEARNING
    assert a.state.due_at == T0 + timedelta(minutes=10)  # second step
    b = NOFUZZ.answer(a.state, Rating.GOOD, T0 + timedelta(minutes=10), DAY0, 0.5)
    assert (b.state.phase, b.state.interval, b.state.ease, b.state.due_day) == (
        Phase.REVIEW,
        1,
        2500,
        DAY0 + 1,
    )


def test_learning_again_hard_easy() -> None:
    s = SchedState()
    assert NOFUZZ.answer(s, Rating.AGAIN, T0, DAY0, 0).state.due_at == T0 + timedelta(minutes=1)
    # Hard on the first step: the average of 1m and 10m.
    assert NOFUZZ.answer(s, Rating.HARD, T0, DAY0, 0).state.due_at == T0 + timedelta(seconds=330)
    easy = NOFUZZ.answer(s, Rating.EASY, T0, DAY0, 0).state
    assert (easy.phase, easy.interval, easy.due_day) == (Phase.REVIEW, 4, DAY0 + 4)
    # Hard on the last step repeats it; Again goes back to the first step.
    second = NOFUZZ.answer(s, Rating.GOOD, T0, DAY0, 0).state
    assert NOFUZZ.answer(second, Rating.HARD, T0, DAY0, 0).state.due_at == T0 + timedelta(minutes=10)
    again = NOFUZZ.answer(second, Rating.AGAIN, T0, DAY0, 0).state
    assert again.due_at == T0 + timedelta(minutes=1)
    assert again.remaining_steps == 2


def test_good_every_time_gives_anki_sequence() -> None:
    """1 d, 3 d, 8 d, 20 d, 50 d, 125 d: each Good multiplies by the 2.50 ease (rounded half up)."""
    s = NOFUZZ.answer(SchedState(), Rating.GOOD, T0, DAY0, 0).state
    s = NOFUZZ.answer(s, Rating.GOOD, T0, DAY0, 0).state
    seen = [s.interval]
    day = DAY0
    for _ in range(5):
        day = s.due_day or day
        s = NOFUZZ.answer(s, Rating.GOOD, T0, day, 0).state
        seen.append(s.interval)
    assert seen == [1, 3, 8, 20, 50, 125]


def test_review_buttons_and_ease_changes() -> None:
    card = review_card(10)
    hard = NOFUZZ.answer(card, Rating.HARD, T0, DAY0, 0).state
    good = NOFUZZ.answer(card, Rating.GOOD, T0, DAY0, 0).state
    easy = NOFUZZ.answer(card, Rating.EASY, T0, DAY0, 0).state
    assert (hard.interval, hard.ease) == (12, 2350)
    assert (good.interval, good.ease) == (25, 2500)
    assert (easy.interval, easy.ease) == (33, 2650)  # 10 × 2.5 × 1.3 = 32.5 → 33


def test_lateness_is_credited() -> None:
    card = review_card(10)  # due DAY0, answered four days late
    good = NOFUZZ.answer(card, Rating.GOOD, T0, DAY0 + 4, 0).state
    easy = NOFUZZ.answer(card, Rating.EASY, T0, DAY0 + 4, 0).state
    assert good.interval == 30  # (10 + 4/2) × 2.5
    assert easy.interval == 46  # (10 + 4) × 2.5 × 1.3 = 45.5 → 46


def test_lapse_relearning_and_return() -> None:
    card = review_card(30, ease=1400)
    lapsed = NOFUZZ.answer(card, Rating.AGAIN, T0, DAY0, 0)
    s = lapsed.state
    assert (s.phase, s.lapses, s.ease, s.interval) == (Phase.RELEARNING, 1, 1300, 1)  # floor 1.30, ×0 → 1 day
    assert s.due_at == T0 + timedelta(minutes=10)
    back = NOFUZZ.answer(s, Rating.GOOD, T0 + timedelta(minutes=10), DAY0, 0).state
    assert (back.phase, back.interval, back.due_day) == (Phase.REVIEW, 1, DAY0 + 1)
    easy_back = NOFUZZ.answer(s, Rating.EASY, T0, DAY0, 0).state
    assert easy_back.interval == 2


def test_leech_threshold_every_half_threshold() -> None:
    assert [n for n in range(1, 21) if leech_threshold_met(n, 8)] == [8, 12, 16, 20]
    card = review_card(5)
    card = SchedState(**{**{f: getattr(card, f) for f in card.__slots__}, "lapses": 7})
    assert NOFUZZ.answer(card, Rating.AGAIN, T0, DAY0, 0).leech


def test_max_interval_respected() -> None:
    s = Sm2(Sm2Params(fuzz=False, max_interval=100))
    assert s.answer(review_card(90), Rating.EASY, T0, DAY0, 0).state.interval == 100


@pytest.mark.parametrize(
    ("interval", "minimum", "maximum", "expected"),
    [
        (1.0, 1, 1000, (1, 1)),
        (2.49, 1, 1000, (2, 2)),
        (2.5, 1, 1000, (2, 4)),
        (7.0, 1, 1000, (5, 9)),
        (17.0, 1, 1000, (14, 20)),
        (37.0, 1, 1000, (33, 41)),
        (2.0, 3, 1000, (3, 4)),
        (100.0, 101, 1000, (101, 108)),
        (100.0, 1, 99, (92, 99)),
    ],
)
def test_fuzz_ranges_follow_ankis_table(
    interval: float, minimum: int, maximum: int, expected: tuple[int, int]
) -> None:
    assert fuzz_bounds(interval, minimum, maximum) == expected
    low, high = expected
    assert review_fuzz(interval, minimum, maximum, 0.0) == low
    assert review_fuzz(interval, minimum, maximum, 0.999) == high


def test_fuzz_uses_the_draw_not_global_random() -> None:
    fuzzy = Sm2()
    card = review_card(20)
    first = fuzzy.answer(card, Rating.GOOD, T0, DAY0, 0.1).state.interval
    assert first == fuzzy.answer(card, Rating.GOOD, T0, DAY0, 0.1).state.interval
    assert first < fuzzy.answer(card, Rating.GOOD, T0, DAY0, 0.9).state.interval


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        NOFUZZ.answer(SchedState(), Rating.GOOD, datetime(2026, 1, 1), DAY0, 0)


def test_replay_rebuilds_state() -> None:
    s = SchedState()
    records = []
    now, day = T0, DAY0
    for rating in [Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.EASY]:
        a = Sm2().answer(s, rating, now, day, 0.37)
        s = a.state
        records.append(a.record)
        now += timedelta(days=3)
        day += 3
    assert replay(Sm2(), records) == s
