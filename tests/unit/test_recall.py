"""Predicted recall: FSRS-6's forgetting curve against the fsrs package, and the SM-2 approximation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import fsrs
import pytest
from fsrs.scheduler import DEFAULT_PARAMETERS, FSRS_DEFAULT_DECAY
from hypothesis import given
from hypothesis import strategies as st

from studyaws.core.recall import DECAY, last_review_day, predicted_recall, retrievability, stability_of
from studyaws.core.types import Phase, SchedState

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
PACKAGE = fsrs.Scheduler(enable_fuzzing=False)


def package_recall(stability: float, days: int) -> float:
    card = fsrs.Card(card_id=1, state=fsrs.State.Review, stability=stability, difficulty=5.0, due=T0,
                     last_review=T0)  # fmt: skip
    return PACKAGE.get_card_retrievability(card, T0 + timedelta(days=days))


def test_decay_is_the_packages_default() -> None:
    assert DECAY == FSRS_DEFAULT_DECAY == DEFAULT_PARAMETERS[20]


@pytest.mark.parametrize(
    ("stability", "days"), [(0.5, 1), (1.0, 0), (1.0, 1), (2.3, 7), (10.0, 10), (46.3, 3), (300.0, 900)]
)
def test_curve_matches_the_package(stability: float, days: int) -> None:
    assert retrievability(stability, days) == pytest.approx(package_recall(stability, days), rel=1e-12)


@given(st.floats(0.01, 36_500), st.integers(0, 36_500))
def test_curve_matches_the_package_everywhere(stability: float, days: int) -> None:
    assert retrievability(stability, days) == pytest.approx(package_recall(stability, days), rel=1e-9)


def test_stability_is_the_ninety_percent_point() -> None:
    assert retrievability(17.0, 17) == pytest.approx(0.9)
    assert retrievability(17.0, 0) == 1.0
    assert retrievability(17.0, 40) < retrievability(17.0, 20) < 0.9


def test_bad_stability_is_refused() -> None:
    with pytest.raises(ValueError, match="stability"):
        retrievability(0.0, 3)


def test_new_card_has_no_recall() -> None:
    assert predicted_recall(SchedState(), 20_000) is None
    assert stability_of(SchedState()) is None


def test_sm2_card_is_at_ninety_percent_on_its_due_day() -> None:
    """S ≈ interval: an SM-2 review card is predicted at 90 % on the day it falls due."""
    card = SchedState(phase=Phase.REVIEW, due_day=20_010, interval=10, ease=2500)
    assert last_review_day(card) == 20_000
    assert predicted_recall(card, 20_010) == pytest.approx(0.9)
    assert predicted_recall(card, 20_000) == 1.0
    assert predicted_recall(card, 20_030) == pytest.approx(package_recall(10.0, 30))


def test_fsrs_stability_wins_over_the_interval() -> None:
    card = SchedState(phase=Phase.REVIEW, due_day=20_010, interval=10, stability=30.0, difficulty=5.0)
    assert predicted_recall(card, 20_030) == pytest.approx(package_recall(30.0, 30))


def test_learning_card_counts_from_the_day_it_is_due() -> None:
    due = datetime(2026, 11, 24, 9, 10, tzinfo=UTC)
    day = (due.date() - datetime(1970, 1, 1).date()).days
    card = SchedState(phase=Phase.LEARNING, remaining_steps=1, due_at=due)
    assert last_review_day(card) == day
    # Never graduated under SM-2: treated as the one-day interval it graduates to.
    assert predicted_recall(card, day + 1) == pytest.approx(0.9)
