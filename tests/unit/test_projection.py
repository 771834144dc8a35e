"""The load and recall projection behind the forecast: due dates, expected relearning, new cards."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from studyaws.core.fsrs_sched import Fsrs, FsrsParams
from studyaws.core.projection import project
from studyaws.core.recall import predicted_recall
from studyaws.core.sm2 import Sm2, Sm2Params
from studyaws.core.types import Phase, SchedState

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
TODAY = 20_000
SM2 = Sm2(Sm2Params(fuzz=False))


def review(due_day: int, interval: int, **kw: float) -> SchedState:
    return SchedState(phase=Phase.REVIEW, due_day=due_day, interval=interval, ease=2500, **kw)  # type: ignore[arg-type]


def test_a_card_due_on_time_costs_one_review_plus_expected_relearning() -> None:
    p = project(SM2, T0, TODAY, TODAY + 5, [(1, review(TODAY + 2, 10))], [], 0, 0)
    # Due on day 2 at 90 % recall: 1 + 0.1 relearning answers that day, 0.1 of a review the next day.
    assert p.reviews[2] == pytest.approx(1.1)
    assert p.reviews[3] == pytest.approx(0.1)
    assert sum(p.reviews) == pytest.approx(1.2)
    assert p.answers() == p.reviews  # no new cards


def test_overdue_cards_count_today_with_lower_recall() -> None:
    p = project(SM2, T0, TODAY, TODAY + 3, [(1, review(TODAY - 20, 10))], [], 0, 0)
    recall = predicted_recall(review(TODAY - 20, 10), TODAY)
    assert recall is not None and recall < 0.9
    assert p.reviews[0] == pytest.approx(1 + (1 - recall))


def test_cards_due_after_the_target_cost_nothing_but_have_a_recall() -> None:
    card = review(TODAY + 40, 40)
    p = project(SM2, T0, TODAY, TODAY + 30, [(7, card)], [], 0, 0)
    assert sum(p.answers()) == 0
    assert p.recall[7] == predicted_recall(card, TODAY + 30)


def test_the_scheduler_walks_the_card_forward() -> None:
    """Good at each due day: SM-2 multiplies the interval by the ease (10 d -> 25 d)."""
    p = project(SM2, T0, TODAY, TODAY + 40, [(1, review(TODAY, 10))], [], 0, 0)
    due_days = [i for i, n in enumerate(p.reviews) if n >= 1]
    assert due_days == [0, 25]
    # After Good on day 25 the card is due 63 days later (25 x 2.5, rounded half up).
    assert p.recall[1] == pytest.approx(predicted_recall(review(TODAY + 25 + 63, 63), TODAY + 40))


def test_new_cards_enter_at_the_daily_limit_in_queue_order() -> None:
    p = project(SM2, T0, TODAY, TODAY + 5, [], list(range(100, 112)), new_today=2, new_per_day=4)
    assert p.new == [2, 4, 4, 2, 0, 0]
    assert p.learning == [4, 8, 8, 4, 0, 0]  # two learning steps each (1 min, 10 min)
    assert sorted(p.recall) == list(range(100, 112))
    # Day 0's cards were reviewed on days 1 and 4 (next due in 8 days), day 3's on day 4 (due in 3).
    assert p.recall[100] == pytest.approx(predicted_recall(review(TODAY + 12, 8), TODAY + 5))
    assert p.recall[111] == pytest.approx(predicted_recall(review(TODAY + 7, 3), TODAY + 5))
    assert p.reviews[1] == pytest.approx(2 * 1.1)  # day 0's cards, due a day later


def test_learning_cards_finish_their_steps_today() -> None:
    card = SchedState(phase=Phase.LEARNING, remaining_steps=1, due_at=T0)
    p = project(SM2, T0, TODAY, TODAY + 2, [(1, card)], [], 0, 0)
    assert p.reviews[0] == 1
    assert p.reviews[1] == pytest.approx(1.1)


def test_fsrs_projection_uses_its_own_intervals() -> None:
    fsrs = Fsrs(FsrsParams(fuzz=False))
    card = review(TODAY, 10, stability=10.0, difficulty=5.0)
    p = project(fsrs, T0, TODAY, TODAY + 60, [(1, card)], [], 0, 0)
    after = fsrs.answer(card, 3, T0, TODAY, 0.5).state  # type: ignore[arg-type]
    assert after.due_day is not None
    assert p.reviews[after.due_day - TODAY] >= 1


def test_end_before_today_is_refused() -> None:
    with pytest.raises(ValueError, match="end"):
        project(SM2, T0, TODAY, TODAY - 1, [], [], 0, 0)


def test_recall_on_the_target_day_is_measured_before_that_days_reviews() -> None:
    # Due on the target (exam) day itself: it counts as that day's load, and its recall is the morning's
    # (about 90 %, as SM-2 schedules it), not the 100 % right after a review.
    card = review(TODAY + 5, 10)
    p = project(SM2, T0, TODAY, TODAY + 5, [(1, card)], [], 0, 0)
    assert p.reviews[5] == pytest.approx(1.1)
    assert p.recall[1] == pytest.approx(predicted_recall(card, TODAY + 5))
    assert p.recall[1] < 0.95


def test_no_new_cards_after_the_last_new_day() -> None:
    p = project(SM2, T0, TODAY, TODAY + 4, [], list(range(100)), 5, 5, last_new_day=TODAY + 3)
    assert p.new == [5, 5, 5, 5, 0]
