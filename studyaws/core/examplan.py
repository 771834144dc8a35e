"""Exam-date pacing: new cards a day toward a date, the reviews and minutes that follow, and whether it fits.

Pure and light (no typing or dataclasses import): `studyaws due` computes today's limits with it on its fast
path. Days are study-day numbers (core.days). The plan's study days run from today to the day before the
exam; the goal day is when every new card should have been seen (a buffer before the exam).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

TYPE_CHECKING = False  # typing stays unimported on the fast path
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

EPOCH = date(1970, 1, 1)
BUFFER_DAYS = 7  # every new card seen at least a week before the exam, where the days allow
# When time is short, new cards take at most this share of the minutes and reviews the rest: seeing every
# card once does more for recall on exam day than reviewing some again (scripts/simulate_exam_plan.py), but
# reviews are never starved.
NEW_SHARE = 0.8
# Answers a new card takes on its first day besides the first one: the 10-minute step, and some Again.
LEARN_ANSWERS = 1.3
LAPSE_SHARE = 0.1  # reviews that fail and take one more (relearning) answer
# Days after its first day that an SM-2 card answered Good comes back with Anki's defaults (1, 3, 8, 20 d…).
REVIEW_OFFSETS = (1, 4, 12, 32, 82, 207)
# A card whose next review would fall after the exam gets one more review before it unless the time to the
# exam is at most this share of its interval: recall is then still ≥ 95 % on exam day (see core.examcap).
PARK_SHARE = 0.4
SECS_NEW = 20.0  # defaults until the learner's own times are known
SECS_REVIEW = 8.0
PRIOR_ANSWERS = 20  # the learner's own average outweighs the default after this many answers


def day_of(d: date) -> int:
    """The study-day number of a calendar date (the day that starts at the rollover hour on that date)."""
    return (d - EPOCH).days


def date_of(day: int) -> date:
    return EPOCH + timedelta(days=day)


def buffer_days(days_left: int) -> int:
    """A week, shrunk to a quarter of the days when they are few (9 days → 2)."""
    return max(0, min(BUFFER_DAYS, days_left // 4))


def goal_day(exam_day: int, start_day: int) -> int:
    """The day by which every new card should have been seen, for a plan started on `start_day`.

    Fixed when the exam date is set: were it recomputed from the days left, the buffer would shrink as the
    exam nears and the goal would keep sliding toward the exam.
    """
    return exam_day - buffer_days(exam_day - start_day)


def exam_and_goal(exam_date: str, plan_start: str) -> tuple[int, int] | None:
    """(exam day, goal day) from the settings' ISO dates; None without a usable exam date.

    Without the day the plan was set (an exam date edited by hand), the goal is a full buffer before the exam.
    """
    try:
        exam = day_of(date.fromisoformat(exam_date))
    except ValueError:
        return None
    try:
        start = day_of(date.fromisoformat(plan_start))
    except ValueError:
        return exam, exam - BUFFER_DAYS
    return exam, goal_day(exam, min(start, exam))


def learner_secs(new_answers: int, new_ms: int, review_answers: int, review_ms: int) -> tuple[float, float]:
    """Seconds per new card and per review: the learner's averages, pulled toward the defaults while few."""
    new = (new_ms / 1000 + PRIOR_ANSWERS * SECS_NEW) / (new_answers + PRIOR_ANSWERS)
    review = (review_ms / 1000 + PRIOR_ANSWERS * SECS_REVIEW) / (review_answers + PRIOR_ANSWERS)
    return min(max(new, 3.0), 120.0), min(max(review, 2.0), 60.0)


class Costs:
    """Seconds a new card takes on its first day (with its learning steps) and a review (with lapses)."""

    __slots__ = ("new", "review", "secs_new", "secs_review")

    def __init__(self, secs_new: float, secs_review: float) -> None:
        self.secs_new = secs_new
        self.secs_review = secs_review
        self.new = secs_new + LEARN_ANSWERS * secs_review
        self.review = secs_review * (1 + LAPSE_SHARE)


def new_for_day(remaining: int, days_to_goal: int, minutes: int, costs: Costs) -> int:
    """New cards for one day: the even pace to the goal, within NEW_SHARE of the minutes."""
    if remaining <= 0:
        return 0
    pace = math.ceil(remaining / max(days_to_goal, 1))
    room = max(int(minutes * 60 * NEW_SHARE // costs.new), 1)
    return min(remaining, pace, room)


def review_room(minutes: int, new: int, costs: Costs) -> int:
    """Reviews that fit in the minutes left after the new cards."""
    return max(int((minutes * 60 - new * costs.new) // costs.review), 0)


def days_to_goal(day: int, goal: int, exam_day: int) -> int:
    """Days left to introduce the remaining new cards, from `day`: to the goal, or past it to the exam."""
    return goal - day if day < goal else exam_day - day


def new_left_that_matters(today: int, exam_day: int, goal: int, minutes: int, costs: Costs) -> int:
    """How far counting the new cards left can matter today: with this many or more, the day's new cards
    are the most the minutes allow, whatever the exact count."""
    if today >= exam_day:
        return 0
    room = max(int(minutes * 60 * NEW_SHARE // costs.new), 1)
    return room * max(days_to_goal(today, goal, exam_day), 1)


class Limits:
    """Today's new-card and review limits under the plan."""

    __slots__ = ("new", "reviews")

    def __init__(self, new: int, reviews: int) -> None:
        self.new = new
        self.reviews = reviews

    def __repr__(self) -> str:
        return f"Limits(new={self.new}, reviews={self.reviews})"


def limits_today(today: int, exam_day: int, goal: int, new_left: int, minutes: int, costs: Costs) -> Limits:
    """Today's limits: exactly the first day of `make_plan`, without needing the review forecast.

    `new_left` is counted at the start of the day (new cards left now plus those introduced today), so the
    limits stay the same all day. On the exam day: no new cards.
    """
    if today >= exam_day:
        return Limits(0, review_room(minutes, 0, costs))
    new = new_for_day(new_left, days_to_goal(today, goal, exam_day), minutes, costs)
    return Limits(new, review_room(minutes, new, costs))


class PlanDay:
    __slots__ = ("day", "due", "minutes", "new", "reviews")

    def __init__(self, day: int, new: int, due: float, reviews: float, minutes: float) -> None:
        self.day = day
        self.new = new
        self.due = due  # reviews expected due (including any left over from earlier days)
        self.reviews = reviews  # of which done within the minutes
        self.minutes = minutes


class Plan:
    """The plan from today to the day before the exam."""

    __slots__ = ("costs", "days", "exam_day", "goal", "minutes", "new_left", "today")

    def __init__(
        self,
        today: int,
        exam_day: int,
        goal: int,
        new_left: int,
        minutes: int,
        costs: Costs,
        days: list[PlanDay],
    ) -> None:
        self.today = today
        self.exam_day = exam_day
        self.goal = goal
        self.new_left = new_left
        self.minutes = minutes
        self.costs = costs
        self.days = days

    @property
    def days_left(self) -> int:
        return max(self.exam_day - self.today, 0)

    @property
    def unseen_at_exam(self) -> int:
        return self.new_left - sum(d.new for d in self.days)

    @property
    def all_seen_day(self) -> int | None:
        """The day the last new card is introduced; None if some are still unseen on exam day."""
        if self.unseen_at_exam > 0:
            return None
        last = [d.day for d in self.days if d.new]
        return last[-1] if last else self.today

    @property
    def covered_by_goal(self) -> bool:
        return sum(d.new for d in self.days if d.day < self.goal) >= self.new_left

    @property
    def fits(self) -> bool:
        """Every new card seen by the goal day, and no review left waiting for lack of time."""
        return self.covered_by_goal and all(d.reviews >= d.due - 0.5 for d in self.days)


def _chain(start: int, end: int) -> Iterable[tuple[int, float]]:
    """(day, expected answers) of the reviews a card first studied on `start` gets before day `end`.

    Its SM-2 reviews, then (as core.examcap caps an interval that would pass the exam) one more review
    spread over the second half of the time left, unless recall would still be high on exam day.
    """
    last = start
    for offset in REVIEW_OFFSETS:
        due = start + offset
        if due >= end:
            gap = end - last
            if due > end and gap >= 2 and gap > PARK_SHARE * (due - last):
                first = last + max(1, gap // 2)
                for day in range(first, end):
                    yield day, 1 / (end - first)
            return
        last = due
        yield due, 1.0


def make_plan(
    today: int,
    exam_day: int,
    goal: int,
    new_left: int,
    due_by_day: Mapping[int, int],
    minutes: int,
    costs: Costs,
) -> Plan:
    """Simulate the expected days to the exam: new cards at the pace to the goal (highest weight first is
    the caller's order), the reviews already scheduled (`due_by_day`, overdue ones counted on today) plus
    those the new cards bring, and reviews left over when the minutes run out."""
    n = max(exam_day - today, 0)
    extra = [0.0] * n
    remaining = new_left
    backlog = 0.0
    days: list[PlanDay] = []
    for i in range(n):
        day = today + i
        new = new_for_day(remaining, days_to_goal(day, goal, exam_day), minutes, costs)
        due = due_by_day.get(day, 0) + extra[i] + backlog
        done = min(due, float(review_room(minutes, new, costs)))
        backlog = due - done
        remaining -= new
        if new:
            for d, share in _chain(day, exam_day):
                extra[d - today] += new * share
        spent = (new * costs.new + done * costs.review) / 60
        days.append(PlanDay(day, new, due, done, spent))
    return Plan(today, exam_day, goal, new_left, minutes, costs, days)
