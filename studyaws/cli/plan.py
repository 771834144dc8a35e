"""`studyaws plan`: set an exam date and see the plan to it; `--done`/`--clear` end exam-date mode."""

from __future__ import annotations

import json

import click

from studyaws.cli.main import CONTEXT, pass_ctx
from studyaws.core.text import inert
from studyaws.errors import UsageError
from studyaws.service import plan as service
from studyaws.service.context import AppContext
from studyaws.service.plan import AHEAD, EXAM_DAY, NONE, PASSED
from studyaws.service.planreport import PlanReport, report

DAILY_ROWS = 21  # longer plans are shown a week a line


@click.command(context_settings=CONTEXT)
@click.option("--exam-date", metavar="YYYY-MM-DD", help="Your exam day; the plan ends there.")
@click.option("--version", "version", metavar="dva-c03|dva-c02", help="The exam version you sit.")
@click.option("--minutes-per-day", "minutes", metavar="N", help="Study minutes a day the plan fits into.")
@click.option("--done", is_flag=True, help="The exam is done: remove the date, back to normal scheduling.")
@click.option("--clear", is_flag=True, help="Remove the exam date (no exam planned); history is kept.")
@click.option("--json", "as_json", is_flag=True, help="Print the plan as one JSON object.")
@pass_ctx
def plan(
    ctx: AppContext,
    exam_date: str | None,
    version: str | None,
    minutes: str | None,
    done: bool,
    clear: bool,
    as_json: bool,
) -> None:
    """Study toward an exam date: new cards a day, reviews and minutes to the exam, and warnings.

    With an exam date, new cards are paced to be all seen a week before the exam (highest-weight domains
    first), no review interval passes the exam day, and the last week puts the cards you are most likely to
    forget first. Exit codes: 0 ok, 1 data error, 2 bad option value (nothing is saved).
    """
    changing = exam_date is not None or version is not None or minutes is not None
    if (done or clear) and (changing or (done and clear)):
        raise UsageError("--done and --clear go alone, without other options")
    if done or clear:
        had = ctx.settings.exam_date
        service.finish(ctx)
        if not as_json:
            kept = "back to normal scheduling. Your review history is kept."
            if not had:
                click.echo("No exam date was set; scheduling is normal.")
            elif done:
                click.echo(f"Exam of {had} done: {kept}")
            else:
                click.echo(f"Exam date {had} removed: {kept}")
    elif changing:
        service.set_exam(ctx, exam_date, version, _minutes(minutes))
    from studyaws.service.collection import open_collection  # loads SQLAlchemy: after the checks

    coll = open_collection(ctx)
    try:
        found = report(ctx, coll)
    finally:
        coll.close()
    if as_json:
        click.echo(json.dumps(found.as_json(), ensure_ascii=False))
        return
    if not (done or clear):
        for line in render(found):
            click.echo(line)


def _minutes(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise UsageError(f"--minutes-per-day: '{text}' is not a whole number of minutes") from None


def render(p: PlanReport) -> list[str]:
    """The plan as text lines."""
    if p.status == NONE:
        return [
            "No exam date set. `studyaws plan --exam-date YYYY-MM-DD` makes a plan that ends on that day."
        ]
    assert p.exam_date is not None
    exam = f"{inert(p.version_name)} on {p.exam_date.isoformat()}"
    if p.status == PASSED:
        return [
            f"Exam: {exam} has passed. Is the exam done?",
            "  `studyaws plan --done` returns to normal scheduling (your review history is kept);",
            "  `studyaws plan --exam-date YYYY-MM-DD` sets a new date.",
        ]
    lines = []
    if p.status == EXAM_DAY:
        lines.append(f"Exam: {exam}, today. No new cards today; good luck!")
    else:
        lines.append(f"Exam: {exam}, {_days_text(p.days_left)} left · {p.minutes_per_day} min/day")
    lines.append(
        f"Today: {p.new_today} new cards, up to {p.review_limit_today} reviews "
        f"(about {p.secs_new:.0f} s a new card, {p.secs_review:.0f} s a review)"
    )
    if p.status == AHEAD:
        lines.append(_coverage(p))
        lines.append("New cards by domain (highest weight first):")
        for d in p.domains:
            seen = f"all seen {d.seen_by.isoformat()}" if d.seen_by else "not all seen by the exam"
            name = inert(f"{d.number}. {d.name}")[:40]
            lines.append(f"  {name:<40} {d.weight:>3}%  {d.new_left:>5} new  {seen}")
        weekly = len(p.days) > DAILY_ROWS
        note = "  (new: the week's total; others: a day)" if weekly else ""
        lines.append(f"{'Week of' if weekly else 'Day':<12}{'New':>6}{'Reviews':>9}{'Minutes':>9}{note}")
        lines.extend(_days(p))
    for warning in p.warnings:
        lines.append(f"warning: {warning}")
    if p.suggest_mock_exam:
        lines.append(
            "Final week: reviews now come lowest predicted recall first. Take a mock exam (`studyaws exam`) "
            "to practise the timing."
        )
    return lines


def _coverage(p: PlanReport) -> str:
    assert p.exam_date is not None
    if p.new_left == 0:
        return "New cards: all seen."
    if p.all_seen is None:
        return f"New cards: {p.new_left} left; {p.unseen_at_exam} would still be unseen on exam day."
    before = _days_text((p.exam_date - p.all_seen).days)
    return f"New cards: {p.new_left} left, all seen by {p.all_seen.isoformat()} ({before} before the exam)."


def _days_text(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _days(p: PlanReport) -> list[str]:
    if len(p.days) <= DAILY_ROWS:
        return [f"{d.day.isoformat():<12}{d.new:>6}{d.reviews:>9.0f}{d.minutes:>9.0f}" for d in p.days]
    out = []
    for start in range(0, len(p.days), 7):
        week = p.days[start : start + 7]
        new = sum(d.new for d in week)
        reviews = sum(d.reviews for d in week) / len(week)
        minutes = sum(d.minutes for d in week) / len(week)
        out.append(f"{week[0].day.isoformat():<12}{new:>6}{reviews:>9.0f}{minutes:>9.0f}")
    return out
