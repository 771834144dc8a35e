"""Exam-date mode for the CLI and the TUI: setting and ending an exam date, today's queue, the cap.

While an exam date lies ahead, the day's new-card and review limits come from the plan (storage.examsql
applies them wherever due counts are computed), new cards come highest-weight domain first, no interval
passes the exam day (core.examcap) and in the final week reviews come lowest predicted recall first.
Once the date has passed, scheduling is normal again and the CLI and the dashboard ask whether the exam is
done; `done`/`clear` then remove the date, keeping every review. The plan itself: service.planreport.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from studyaws import config
from studyaws.core import examadvice, examplan
from studyaws.core.examcap import ExamCapped
from studyaws.core.examfinal import in_final_days
from studyaws.core.types import Scheduler
from studyaws.errors import UsageError
from studyaws.service.context import AppContext
from studyaws.storage import examsql

if TYPE_CHECKING:
    from studyaws.service.collection import Collection
    from studyaws.storage.repo import Repository

NONE, AHEAD, EXAM_DAY, PASSED = "none", "ahead", "exam-day", "passed"


def exam_days(settings: config.Settings) -> tuple[int, int] | None:
    """(exam day, goal day) as study-day numbers, or None without an exam date."""
    return examplan.exam_and_goal(settings.exam_date, settings.exam_plan_start)


def status(settings: config.Settings, today: int) -> str:
    days = exam_days(settings)
    if days is None:
        return NONE
    if today < days[0]:
        return AHEAD
    return EXAM_DAY if today == days[0] else PASSED


def exam_version(settings: config.Settings) -> str:
    """The version the learner sits (one rule for every screen: service.dashboard.exam_version)."""
    from studyaws.service.dashboard import exam_version as version_for

    return version_for(settings)


# -- the scheduler and the queue -------------------------------------------------------------------------


def exam_scheduler(ctx: AppContext, repo: Repository, inner: Scheduler) -> Scheduler:
    """`inner`, capped at the exam day while one lies ahead (the load lookup is one indexed query)."""
    if isinstance(inner, ExamCapped):
        inner = inner.inner
    exam = exam_days(ctx.settings)
    if exam is None or ctx.today() >= exam[0]:
        return inner

    def load(first: int, last: int) -> dict[int, int]:
        return cast(dict[int, int], repo.raw_counts(examsql.load_range, first=first, last=last))

    return ExamCapped(inner, exam[0], load)


def apply(coll: Collection) -> None:
    """Re-wrap an open collection's scheduler after the exam settings changed."""
    coll.scheduler = exam_scheduler(coll.ctx, coll.repo, coll.scheduler)


def queue_candidates(
    coll: Collection, today: int, review_limit: int, new_limit: int
) -> tuple[list[int], list[int]] | None:
    """Today's reviews and new cards in exam-date order, or None when no exam date is ahead (or today)."""
    exam = exam_days(coll.ctx.settings)
    if exam is None or today > exam[0]:
        return None
    version = exam_version(coll.ctx.settings)
    from studyaws.decks import blueprint

    weights = {d.number: d.weight for d in blueprint.load(version).domains}
    order = examadvice.weight_order(weights)
    repo = coll.repo

    def news() -> list[int]:
        args = {"today": today, "limit": new_limit, "version": version, "order": order}
        return cast(list[int], repo.raw_counts(examsql.new_ids_by_weight, **args))

    if not in_final_days(today, exam[0]):
        reviews, _ = repo.queue_candidates(today, review_limit, 0)
        return reviews, news()
    args = {"today": today, "exam_day": exam[0], "limit": review_limit}
    return cast(list[int], repo.raw_counts(examsql.lowest_recall_reviews, **args)), news()


# -- setting and ending an exam date ----------------------------------------------------------------------


def parse_exam_date(text: str, today: date, option: str = "--exam-date") -> date:
    text = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise UsageError(f"{option}: '{text}' is not a date like 2027-01-15")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option}: {text} is not a real date") from None
    if day < today:
        raise UsageError(f"{option}: {text} is in the past (today is {today.isoformat()})")
    return day


def check_version(version: str, day: date | None, option: str = "--version") -> str:
    """The version, if it exists and can be taken on `day` (windows from the blueprint files)."""
    from studyaws.decks import blueprint

    known = blueprint.available()
    if version not in known:
        raise UsageError(f"{option}: unknown exam version '{version}' (known: {', '.join(known)})")
    if day is None:
        return version
    bp = blueprint.load(version)
    if bp.last_day is not None and day > bp.last_day:
        others = [v for v in known if v != version]
        hint = f"; choose {' or '.join(others)}" if others else ""
        raise UsageError(
            f"{option}: {version.upper()} can be taken until {bp.last_day.isoformat()}, "
            f"not on {day.isoformat()}{hint}"
        )
    if bp.available_from is not None and day < bp.available_from:
        raise UsageError(
            f"{option}: {version.upper()} is delivered from {bp.available_from.isoformat()}, "
            f"not on {day.isoformat()}"
        )
    return version


def exam_values(
    ctx: AppContext,
    exam_date: str | None,
    version: str | None,
    options: tuple[str, str] = ("--exam-date", "--version"),
) -> dict[str, Any]:
    """Checked settings for an exam date and version. None keeps the current value; an empty date means
    no exam date, an empty version the one the date falls in. Raises UsageError naming `options`."""
    s = ctx.settings
    today = examplan.date_of(ctx.today())
    values: dict[str, Any] = {}
    day: date | None = None
    if exam_date == "":
        values.update(exam_date="", exam_plan_start="")
    elif exam_date is not None:
        day = parse_exam_date(exam_date, today, options[0])
        if day.isoformat() != s.exam_date or not s.exam_plan_start:
            values["exam_plan_start"] = today.isoformat()  # fixes the buffer from today's days left
        values.update(exam_date=day.isoformat(), exam_asked=True)
    elif s.exam_date:
        day = date.fromisoformat(s.exam_date)
    if version:
        values["exam_version"] = check_version(version, day, options[1])
    elif version == "":
        values["exam_version"] = ""
    elif s.exam_version:
        check_version(s.exam_version, day, options[1])
    return values


def set_exam(
    ctx: AppContext, exam_date: str | None, version: str | None, minutes: int | None
) -> config.Settings:
    """Check every value first, then save them together: a bad value saves nothing."""
    values = exam_values(ctx, exam_date, version)
    if minutes is not None:
        low, high = 5, 600
        if not low <= minutes <= high:
            raise UsageError(f"--minutes-per-day: must be between {low} and {high}, not {minutes}")
        values["minutes_per_day"] = minutes
    ctx.save_settings(ctx.settings._replace(**values))
    return ctx.settings


def finish(ctx: AppContext) -> config.Settings:
    """The exam is done, or no exam is planned: back to normal scheduling. The review history stays."""
    ctx.save_settings(ctx.settings._replace(exam_date="", exam_plan_start="", exam_asked=True))
    return ctx.settings


def remember_asked(ctx: AppContext) -> None:
    """The first start asked for an exam date and the learner had none."""
    if not ctx.settings.exam_asked:
        ctx.save_settings(ctx.settings._replace(exam_asked=True))
