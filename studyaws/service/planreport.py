"""The plan to the exam as `studyaws plan` and the TUI show it: days, domains, today's limits, warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, cast

from studyaws.core import examadvice, examplan
from studyaws.core.examfinal import in_final_days, suggest_mock_exam
from studyaws.service.context import AppContext
from studyaws.service.plan import NONE, PASSED, exam_days, exam_version, status
from studyaws.storage import examsql

if TYPE_CHECKING:
    import sqlite3

    from studyaws.service.collection import Collection


@dataclass(frozen=True, slots=True)
class DomainRow:
    number: str
    name: str
    weight: int
    new_left: int
    seen_by: date | None


@dataclass(frozen=True, slots=True)
class DayRow:
    day: date
    new: int
    reviews: float
    due: float
    minutes: float


@dataclass(frozen=True, slots=True)
class PlanReport:
    status: str
    today: date
    exam_date: date | None = None
    version: str = ""
    version_name: str = ""
    days_left: int = 0
    minutes_per_day: int = 0
    goal: date | None = None
    new_left: int = 0
    new_today: int = 0
    review_limit_today: int = 0
    all_seen: date | None = None
    unseen_at_exam: int = 0
    fits: bool = True
    minutes_needed: int | None = None
    secs_new: float = 0.0
    secs_review: float = 0.0
    final_days: bool = False
    suggest_mock_exam: bool = False
    warnings: list[str] = field(default_factory=list)
    domains: list[DomainRow] = field(default_factory=list)
    days: list[DayRow] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "schema_version": 1,
            "status": self.status,
            "today": self.today.isoformat(),
            "exam_date": iso(self.exam_date),
            "version": self.version,
            "days_left": self.days_left,
            "minutes_per_day": self.minutes_per_day,
            "all_new_seen_by_goal": iso(self.goal),
            "new_left": self.new_left,
            "today_plan": {"new": self.new_today, "review_limit": self.review_limit_today},
            "all_new_seen_on": iso(self.all_seen),
            "unseen_at_exam": self.unseen_at_exam,
            "fits": self.fits,
            "minutes_needed": self.minutes_needed,
            "seconds_per_card": {"new": round(self.secs_new, 1), "review": round(self.secs_review, 1)},
            "final_days": self.final_days,
            "suggest_mock_exam": self.suggest_mock_exam,
            "warnings": self.warnings,
            "domains": [
                {
                    "domain": d.number,
                    "name": d.name,
                    "weight": d.weight,
                    "new_left": d.new_left,
                    "all_seen_on": iso(d.seen_by),
                }
                for d in self.domains
            ],
            "days": [
                {
                    "date": d.day.isoformat(),
                    "new": d.new,
                    "reviews": round(d.reviews, 1),
                    "reviews_due": round(d.due, 1),
                    "minutes": round(d.minutes, 1),
                }
                for d in self.days
            ],
        }


def report(ctx: AppContext, coll: Collection) -> PlanReport:
    """The plan from today to the exam, as `studyaws plan` and the dashboard show it."""
    today = ctx.today()
    state = status(ctx.settings, today)
    exam = exam_days(ctx.settings)
    if exam is None:
        return PlanReport(NONE, examplan.date_of(today))
    from studyaws.decks import blueprint

    version = exam_version(ctx.settings)
    bp = blueprint.load(version)
    exam_day, goal = exam
    base = PlanReport(
        state,
        examplan.date_of(today),
        exam_date=examplan.date_of(exam_day),
        version=version,
        version_name=bp.name,
        days_left=exam_day - today,
        minutes_per_day=ctx.settings.minutes_per_day,
    )
    if state == PASSED:
        return base
    data = cast(_Gathered, coll.repo.raw_counts(_gather, today=today, exam_day=exam_day, version=version))
    minutes = ctx.settings.minutes_per_day
    plan = examplan.make_plan(today, exam_day, goal, data.new_left, data.due, minutes, data.costs)
    needed = examadvice.minutes_needed(today, exam_day, goal, data.new_left, data.due, data.costs)
    weights = {d.number: d.weight for d in bp.domains}
    order = examadvice.weight_order(weights)
    names = {d.number: d.name for d in bp.domains}
    counts = [(d, data.by_domain.get(d, 0)) for d in order]
    others = sum(n for d, n in data.by_domain.items() if d not in weights)
    if others:
        counts.append(("-", others))
    seen = examadvice.domain_seen_days(plan, counts)
    limits = examplan.limits_today(today, exam_day, goal, data.new_left, minutes, data.costs)
    all_seen = plan.all_seen_day
    return PlanReport(
        state,
        base.today,
        exam_date=base.exam_date,
        version=version,
        version_name=bp.name,
        days_left=exam_day - today,
        minutes_per_day=minutes,
        goal=examplan.date_of(goal),
        new_left=data.new_left,
        new_today=limits.new,
        review_limit_today=min(limits.reviews, ctx.settings.reviews_per_day),
        all_seen=examplan.date_of(all_seen) if all_seen is not None else None,
        unseen_at_exam=plan.unseen_at_exam,
        fits=plan.fits,
        minutes_needed=needed,
        secs_new=data.costs.secs_new,
        secs_review=data.costs.secs_review,
        final_days=in_final_days(today, exam_day),
        suggest_mock_exam=suggest_mock_exam(today, exam_day),
        warnings=examadvice.warnings(plan, needed),
        domains=[
            DomainRow(d, names.get(d, "no domain"), weights.get(d, 0), n, _date(seen.get(d)))
            for d, n in counts
        ],
        days=[DayRow(examplan.date_of(d.day), d.new, d.reviews, d.due, d.minutes) for d in plan.days],
    )


def _date(day: int | None) -> date | None:
    return examplan.date_of(day) if day is not None else None


@dataclass(frozen=True, slots=True)
class _Gathered:
    new_left: int
    by_domain: dict[str, int]
    due: dict[int, int]
    costs: examplan.Costs


def _gather(conn: sqlite3.Connection, *, today: int, exam_day: int, version: str) -> _Gathered:
    return _Gathered(
        new_left=examsql.new_left_at_day_start(conn, today),
        by_domain=examsql.new_by_domain(conn, version),
        due=examsql.due_by_day(conn, today, exam_day),
        costs=examsql.learner_costs(conn, today),
    )
