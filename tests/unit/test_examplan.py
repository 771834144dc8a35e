"""Exam-date pacing (core.examplan): the day's limits, the plan to the exam, its warnings, with numbers."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from studyaws.core import examadvice as ea
from studyaws.core import examplan as ep

TODAY = ep.day_of(date(2026, 11, 24))
COSTS = ep.Costs(20, 8)


def plan(new_left: int, days: int, minutes: int, due: dict[int, int] | None = None) -> ep.Plan:
    exam = TODAY + days
    return ep.make_plan(TODAY, exam, ep.goal_day(exam, TODAY), new_left, due or {}, minutes, COSTS)


def test_day_numbers_and_buffer_shrinks_when_days_are_short() -> None:
    assert ep.date_of(TODAY) == date(2026, 11, 24)
    assert [ep.buffer_days(n) for n in (60, 30, 28, 27, 9, 3, 0)] == [7, 7, 7, 6, 2, 0, 0]
    assert ep.goal_day(TODAY + 30, TODAY) == TODAY + 23
    assert ep.exam_and_goal("2026-12-24", "2026-11-24") == (TODAY + 30, TODAY + 23)
    assert ep.exam_and_goal("2026-12-03", "2026-11-24") == (TODAY + 9, TODAY + 7)
    assert ep.exam_and_goal("2026-12-24", "") == (TODAY + 30, TODAY + 23)  # set by hand: a full week
    assert ep.exam_and_goal("", "") is None and ep.exam_and_goal("soon", "") is None


def test_a_plan_that_fits_paces_new_cards_evenly_to_the_goal() -> None:
    p = plan(230, 30, 30)
    assert p.fits and p.unseen_at_exam == 0
    assert [d.new for d in p.days[:23]] == [10] * 23 and all(d.new == 0 for d in p.days[23:])
    assert p.all_seen_day == TODAY + 22  # the last new card a week before the exam
    assert ea.warnings(p, ea.minutes_needed(TODAY, TODAY + 30, TODAY + 23, 230, {}, COSTS)) == []


def test_the_issue_example_warns_with_the_numbers() -> None:
    p = plan(612, 9, 15)
    needed = ea.minutes_needed(TODAY, TODAY + 9, p.goal, 612, {}, COSTS)
    assert needed is not None and needed > 15
    assert not p.fits and p.unseen_at_exam > 0
    first = ea.warnings(p, needed)[0]
    assert first.startswith("612 cards left, 9 days, 15 min/day: not enough — study the highest-weight")
    assert f"raise to {needed} min/day" in first
    assert ep.make_plan(TODAY, TODAY + 9, p.goal, 612, {}, needed, COSTS).fits
    assert not ep.make_plan(TODAY, TODAY + 9, p.goal, 612, {}, needed - 1, COSTS).fits


def test_new_cards_never_take_more_than_their_share_and_reviews_keep_the_rest() -> None:
    p = plan(5000, 30, 20)
    room = int(20 * 60 * ep.NEW_SHARE // COSTS.new)
    assert max(d.new for d in p.days) == room
    assert all(d.minutes <= 20 + 1e-9 for d in p.days)
    limits = ep.limits_today(TODAY, TODAY + 30, TODAY + 23, 5000, 20, COSTS)
    assert limits.new == room and limits.reviews == int((1200 - room * COSTS.new) // COSTS.review)


def test_existing_reviews_and_the_exam_day() -> None:
    p = plan(0, 10, 20, {TODAY: 500, TODAY + 3: 40})
    assert p.days[0].due == 500 and p.days[0].reviews < 500  # 20 minutes cannot hold 500 reviews
    assert p.days[1].due == 500 - p.days[0].reviews  # the rest wait for the next day
    assert any("reviews will not all fit in 20 min/day" in w for w in ea.warnings(p, None))
    exam_day = ep.limits_today(TODAY, TODAY, TODAY, 100, 20, COSTS)
    assert exam_day.new == 0 and exam_day.reviews > 0
    assert ep.make_plan(TODAY, TODAY, TODAY, 100, {}, 20, COSTS).days == []


def test_learner_seconds_lean_on_defaults_until_there_are_answers() -> None:
    assert ep.learner_secs(0, 0, 0, 0) == (20.0, 8.0)
    new, review = ep.learner_secs(1000, 1000 * 10_000, 1000, 1000 * 4_000)
    assert 10 < new < 10.2 and 4 < review < 4.1
    assert ep.learner_secs(5, 5, 5, 5)[1] >= 2.0  # a few instant answers do not make reviews free


def test_weight_order_and_domain_days() -> None:
    assert ea.weight_order({"1": 30, "2": 26, "3": 22, "4": 22}) == ["1", "2", "3", "4"]
    assert ea.weight_order({"4": 40, "1": 10, "2": 40}) == ["2", "4", "1"]
    p = plan(30, 30, 30)
    seen = ea.domain_seen_days(p, [("1", 10), ("2", 20), ("3", 0)])
    assert seen["3"] == TODAY and seen["1"] is not None and seen["2"] is not None
    assert seen["1"] <= seen["2"] == p.all_seen_day


@settings(max_examples=200, deadline=None)
@given(
    new_left=st.integers(0, 3000),
    days=st.integers(1, 120),
    minutes=st.integers(5, 240),
    start_offset=st.integers(0, 30),
    secs=st.tuples(st.floats(3, 60), st.floats(2, 30)),
    due=st.dictionaries(st.integers(0, 120), st.integers(0, 300), max_size=20),
)
def test_when_the_plan_fits_every_new_card_comes_before_the_goal_day(
    new_left: int,
    days: int,
    minutes: int,
    start_offset: int,
    secs: tuple[float, float],
    due: dict[int, int],
) -> None:
    costs = ep.Costs(*secs)
    exam = TODAY + days
    goal = ep.goal_day(exam, TODAY - start_offset)
    load = {TODAY + k: n for k, n in due.items() if k < days}
    p = ep.make_plan(TODAY, exam, goal, new_left, load, minutes, costs)
    introduced = sum(d.new for d in p.days)
    assert introduced <= new_left and all(d.new >= 0 for d in p.days)
    assert all(d.minutes <= minutes + 1e-6 for d in p.days)  # the plan never asks for more than the time
    if p.fits:
        assert sum(d.new for d in p.days if d.day < goal) == new_left
    # Today's limits are exactly the plan's first day, with or without the review forecast.
    limits = ep.limits_today(TODAY, exam, goal, new_left, minutes, costs)
    assert limits.new == p.days[0].new
    # Counting new cards can stop at new_left_that_matters without changing today's limit.
    cap = ep.new_left_that_matters(TODAY, exam, goal, minutes, costs)
    assert ep.limits_today(TODAY, exam, goal, min(new_left, cap), minutes, costs).new == limits.new
    needed = ea.minutes_needed(TODAY, exam, goal, new_left, load, costs)
    if needed is not None:
        assert ep.make_plan(TODAY, exam, goal, new_left, load, needed, costs).fits
