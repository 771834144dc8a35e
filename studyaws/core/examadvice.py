"""Advice on an exam plan: the minutes a day that make it fit, plain warnings, and the domains' order."""

from __future__ import annotations

from collections.abc import Mapping

from studyaws.core.examplan import Costs, Plan, date_of, make_plan

MAX_MINUTES = 1440


def minutes_needed(
    today: int, exam_day: int, goal: int, new_left: int, due_by_day: Mapping[int, int], costs: Costs
) -> int | None:
    """The fewest minutes a day with which the plan fits; None if even a whole day is not enough."""

    def fits(m: int) -> bool:
        return make_plan(today, exam_day, goal, new_left, due_by_day, m, costs).fits

    if not fits(MAX_MINUTES):
        return None
    low, high = 1, MAX_MINUTES
    while low < high:
        mid = (low + high) // 2
        if fits(mid):
            high = mid
        else:
            low = mid + 1
    return low


def warnings(plan: Plan, needed: int | None) -> list[str]:
    """Plain sentences, with the numbers, when the plan does not fit."""
    out: list[str] = []
    raise_to = f"raise to {needed} min/day" if needed is not None else "no daily time is enough"
    m, n = plan.minutes, plan.days_left
    if n == 0:
        return out
    if plan.unseen_at_exam > 0:
        out.append(
            f"{plan.new_left} cards left, {n} days, {m} min/day: not enough — study the highest-weight "
            f"domains first, or {raise_to} ({plan.unseen_at_exam} would stay unseen)"
        )
    elif not plan.covered_by_goal:
        seen = plan.all_seen_day
        assert seen is not None
        out.append(
            f"{plan.new_left} cards left, {n} days, {m} min/day: all seen only on "
            f"{date_of(seen).isoformat()}, {_days(plan.exam_day - seen)} before the exam "
            f"(aim: {_days(plan.exam_day - plan.goal)}) — {raise_to}"
        )
    waiting = [d for d in plan.days if d.due - d.reviews >= 0.5]
    if waiting:
        out.append(
            f"reviews will not all fit in {m} min/day from {date_of(waiting[0].day).isoformat()}: "
            f"the ones you are most likely to forget come first in the last week — {raise_to}"
        )
    return out


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def weight_order(weights: Mapping[str, int]) -> list[str]:
    """Domains highest weight first (ties by domain number): the order new cards are introduced in."""
    return sorted(weights, key=lambda d: (-weights[d], d))


def domain_seen_days(plan: Plan, counts_in_order: list[tuple[str, int]]) -> dict[str, int | None]:
    """The day each domain's last new card is introduced, the domains taken in order; None if not by exam."""
    out: dict[str, int | None] = {}
    cumulative = [(d.day, d.new) for d in plan.days]
    need = 0
    for domain, count in counts_in_order:
        need += count
        seen, total = None, 0
        if count == 0:
            out[domain] = plan.today
            continue
        for day, new in cumulative:
            total += new
            if total >= need:
                seen = day
                break
        out[domain] = seen
    return out
