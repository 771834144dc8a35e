"""`studyaws stats`: today, the last 30 days, retention, and the forecast to exam day."""

from __future__ import annotations

import json

import click

from studyaws.cli.main import CONTEXT, pass_ctx
from studyaws.core.text import inert
from studyaws.service.context import AppContext
from studyaws.service.forecast import StatsReport


@click.command(context_settings=CONTEXT)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option(
    "--days",
    type=click.IntRange(1, 365),
    help="Forecast this many days ahead (default: to your exam date when it is ahead, else 30).",
)
@pass_ctx
def stats(ctx: AppContext, as_json: bool, days: int | None) -> None:
    """Today's counts, answers per day and retention over the last 30 days, and the forecast: expected
    answers and minutes per day up to the exam date, and the predicted recall per exam domain on the day."""
    from studyaws.service import forecast
    from studyaws.service.collection import open_collection

    coll = open_collection(ctx)
    try:
        report = coll.repo.raw_counts(
            forecast.compute, settings=ctx.settings, now=ctx.now(), scheduler=coll.scheduler, days=days
        )
    finally:
        coll.close()
    assert isinstance(report, StatsReport)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(text_lines(report)))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def text_lines(r: StatsReport) -> list[str]:
    lines = [
        f"Today ({r.today.isoformat()}): {r.answered_today} answers, {r.minutes_today:.0f} min; "
        f"due now: {r.due_learning} learning, {r.due_review} review; new left today: {r.due_new}",
        f"Last {len(r.history)} days: {sum(r.history)} answers; retention {_pct(r.retention)} "
        f"({r.retention_passed} of {r.retention_total} review answers not Again)",
        "",
    ]
    what = "exam day" if r.target_is_exam else "day"
    pace = "your median" if r.seconds_measured else "until you have answer times of your own"
    lines.append(
        f"Forecast to {what} {r.target.isoformat()} ({len(r.days)} days, {r.seconds_per_answer:g} s per"
    )
    lines[-1] += f" answer: {pace}):"
    for d in r.days:
        new = f"  +{d.new} new" if d.new else ""
        if r.target_is_exam and d.date == r.target:
            # Reviews capped at the exam day all fall due on it; most need no answer (see the README).
            new += "  exam day: due cards, likeliest forgotten first, as time allows"
        lines.append(
            f"  {d.date.isoformat()} {d.date:%a}  {d.answers:6.0f} answers  {d.minutes:5.0f} min{new}"
        )
    total = sum(d.answers for d in r.days)
    minutes = sum(d.minutes for d in r.days)
    lines.append(f"  in all: {total:.0f} answers, {minutes:.0f} min")
    lines.append("")
    lines.append(f"Predicted recall as {r.target.isoformat()} begins ({inert(r.version_name or r.version)}):")
    for dom in r.domains:
        lines.append(
            f"  {dom.number}. {inert(dom.name)} ({dom.weight}%): {_pct(dom.recall)} "
            f"({dom.seen} of {dom.cards} cards seen by then; {_pct(dom.recall_seen)} of those)"
        )
    lines.append(f"  all domains: {_pct(r.recall)} (cards never seen count as not recalled)")
    return lines
