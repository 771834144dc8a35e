"""`studyaws exam`: a timed mock exam (or one domain's section), resumable, with results and a review."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime

import click

from studyaws.cli.main import CONTEXT, pass_ctx
from studyaws.cli.quiz import PLAIN_HELP
from studyaws.launch import interactive, run_tui
from studyaws.service.context import AppContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from studyaws.core.mockexam import ExamResult
    from studyaws.service.exam import ExamSession


@click.command(context_settings=CONTEXT)
@click.option(
    "--version", "version", help="dva-c03 or dva-c02 (default: your setting, else the one you would sit)."
)
@click.option("--section", "domain", help="Section practice: only this domain's questions, e.g. 3.")
@click.option("--count", type=click.IntRange(1, 200), help="Fewer questions (time shrinks in proportion).")
@click.option("--resume", is_flag=True, help="Continue the unfinished exam with the time it had left.")
@click.option("--abandon", is_flag=True, help="Submit the unfinished exam as it stands.")
@click.option("--history", is_flag=True, help="List past attempts with their scores.")
@click.option("--review", "review_id", type=int, help="Go through attempt N: every question, explained.")
@click.option("--json", "as_json", is_flag=True, help="Print results (or --history) as JSON.")
@click.option("--plain", is_flag=True, help=PLAIN_HELP)
@pass_ctx
def exam(
    ctx: AppContext,
    version: str | None,
    domain: str | None,
    count: int | None,
    resume: bool,
    abandon: bool,
    history: bool,
    review_id: int | None,
    as_json: bool,
    plain: bool,
) -> None:
    """A mock exam drawn to the blueprint's domain weights, on a countdown (130 minutes for 65 questions).
    Move back and forth, flag questions, review the grid, submit; time out submits for you. Every answer is
    saved: after a crash, `studyaws exam --resume` continues with the time that was left."""
    from studyaws.service.collection import open_collection

    if not (plain or as_json or history or abandon or review_id is not None) and interactive():
        options: dict[str, object] = {"version": version, "domain": domain, "count": count, "resume": resume}
        run_tui(ctx, "exam", options)
        return
    from studyaws.service import exam as service

    coll = open_collection(ctx)
    try:
        if history:
            _history(coll, as_json)
        elif review_id is not None:
            _review(service.load_attempt(coll, review_id))
        elif abandon:
            active = service.ExamSession.resume(coll)
            if active is None:
                raise click.ClickException("no exam in progress")
            _results(active, active.submit(), as_json)
        else:
            session = service.ExamSession.resume(coll) if resume else None
            if resume and session is None:
                raise click.ClickException("no exam in progress to resume; start one with `studyaws exam`")
            if session is None:
                session = service.ExamSession.start(coll, version, domain, count)
            from studyaws.cli.exam_plain import PlainExam

            runner = PlainExam(session, sys.stdin, sys.stdout, sys.stderr, quiet=as_json)
            result = runner.run()
            if result is not None:
                _results(session, result, as_json)
            if runner.reader.invalid:
                raise click.exceptions.Exit(2)
    finally:
        coll.close()


def _results(session: ExamSession, result: ExamResult, as_json: bool) -> None:
    from studyaws.core.mockexam import SCALED_NOTE

    a = session.attempt
    if as_json:
        payload = {
            "attempt": a.id,
            "version": a.version,
            "mode": a.mode,
            "correct": result.correct,
            "total": result.total,
            "percent": round(result.percent, 1),
            "scaled_estimate": result.scaled,
            "passing_score": result.passing_score,
            "passed": result.passed,
            "timed_out": result.timed_out,
            "unanswered": result.unanswered,
            "domains": [asdict(d) for d in result.domains],
            "note": SCALED_NOTE,
        }
        click.echo(json.dumps(payload, indent=2))
        return
    verdict = "PASS" if result.passed else "FAIL"
    click.echo(f"\nResult: {result.correct} of {result.total} right ({result.percent:.0f} %).")
    click.echo(
        f"Estimated scaled score {result.scaled} of 1,000: {verdict} (pass mark {result.passing_score})."
    )
    if result.timed_out:
        click.echo("Time ran out: the exam was submitted for you.")
    click.echo(SCALED_NOTE)
    click.echo("By domain:")
    for d in result.domains:
        click.echo(f"  domain {d.domain}: {d.correct}/{d.total} ({d.percent:.0f} %)")
    click.echo(f"Go through every question: studyaws exam --review {a.id}")


def _history(coll: object, as_json: bool) -> None:
    from studyaws.storage import practice_repo

    rows = practice_repo.history(coll.engine)  # type: ignore[attr-defined]
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rows], indent=2))
        return
    if not rows:
        click.echo("No exam attempts yet: start one with `studyaws exam`.")
        return
    for r in rows:
        when = datetime.fromtimestamp(r.started_at / 1000, UTC).strftime("%Y-%m-%d %H:%M")
        resume = " (studyaws exam --resume)" if r.status == "active" else ""
        click.echo(f"  #{r.id:<4} {when}  {r.version}  {r.describe()}{resume}")


def _review(session: ExamSession) -> None:
    from studyaws.cli.practice_text import question_lines, verdict_lines

    a = session.attempt
    if a.status == "active":
        raise click.ClickException(f"attempt {a.id} is still in progress: finish it first (--resume)")
    items = session.review()
    for item in items:
        flag = " · flagged" if item.flagged else ""
        for line in question_lines(item.question, a.version, f"Question {item.number} of {len(items)}{flag}"):
            click.echo(line)
        for line in verdict_lines(item.question, item.chosen, item.correct):
            click.echo(line)
