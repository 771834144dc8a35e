"""`studyaws quiz` and `studyaws readiness`: scenario questions one at a time, and how ready you are."""

from __future__ import annotations

import json
import sys
import time

import click

from studyaws.cli.main import CONTEXT, pass_ctx
from studyaws.cli.practice_text import LineReader, question_lines, verdict_lines
from studyaws.launch import interactive, run_tui
from studyaws.service.context import AppContext

PLAIN_HELP = (
    "Line mode: answers are read as lines from stdin (letters, e.g. B or A,C), no colour, no escape codes. "
    "Chosen automatically when input or output is not a terminal, or TERM=dumb."
)


@click.command(context_settings=CONTEXT)
@click.option("--domain", help="Only questions of this domain number, e.g. 2.")
@click.option("--task", help="Only questions of this task statement, e.g. 2.3.")
@click.option(
    "--count", default=10, show_default=True, type=click.IntRange(1, 500), help="How many questions."
)
@click.option(
    "--version", "version", help="Exam version (default: your setting, else the one you would sit)."
)
@click.option("--plain", is_flag=True, help=PLAIN_HELP)
@pass_ctx
def quiz(
    ctx: AppContext, domain: str | None, task: str | None, count: int, version: str | None, plain: bool
) -> None:
    """Scenario questions one at a time; after each, the verdict and why every option is right or wrong.
    A missed question comes back first next time, and flashcards on its task come due today."""
    if task and not domain:
        domain = task.split(".")[0]
    if not plain and interactive():
        run_tui(ctx, "quiz", {"domain": domain, "task": task, "count": count, "version": version})
        return
    from studyaws.core.questions import ChoiceError, parse_choice
    from studyaws.service.collection import open_collection
    from studyaws.service.quiz import QuizSession

    coll = open_collection(ctx)
    out, reader = sys.stdout, LineReader(sys.stdin, sys.stdout)
    try:
        session = QuizSession(coll, count=count, domain=domain, task=task, version=version)
        total = len(session.questions)
        while (q := session.current) is not None:
            for line in question_lines(q, session.version, f"Question {session.index + 1} of {total}"):
                out.write(line + "\n")
            shown = time.monotonic()
            while True:
                text = reader.ask("Answer (q to stop): ")
                if text is None or text.lower() in ("q", "quit"):
                    _summary(session.right, session.index)
                    raise click.exceptions.Exit(2 if reader.invalid else 0)
                try:
                    chosen = parse_choice(text, q)
                    break
                except ChoiceError as exc:
                    reader.error(sys.stderr, str(exc))
            feedback = session.answer(chosen, int((time.monotonic() - shown) * 1000))
            for line in verdict_lines(q, chosen, feedback.correct):
                out.write(line + "\n")
            if feedback.cards_due_again:
                out.write(
                    f"  {feedback.cards_due_again} flashcard(s) on task {q.task[session.version]} "
                    "are due again today.\n"
                )
        _summary(session.right, session.index)
        if reader.invalid:
            raise click.exceptions.Exit(2)
    finally:
        coll.close()


def _summary(right: int, answered: int) -> None:
    share = f" ({right / answered:.0%})" if answered else ""
    click.echo(f"\nQuiz over: {right} of {answered} right{share}.")


@click.command(context_settings=CONTEXT)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_ctx
def readiness(ctx: AppContext, as_json: bool) -> None:
    """How ready you are, per exam domain: flashcard recall and recent question accuracy, with a 90 % band,
    a pass likelihood, and the three task statements to study next."""
    from studyaws.service.collection import open_collection
    from studyaws.service.readiness import readiness as compute

    coll = open_collection(ctx)
    try:
        view = compute(coll)
    finally:
        coll.close()
    r = view.readiness

    def est(e: object) -> dict[str, object]:
        from dataclasses import asdict

        return asdict(e)  # type: ignore[call-overload, no-any-return]

    if as_json:
        payload = {
            "version": view.version,
            "enough_data": r.enough,
            "expected_share": r.expected,
            "pass_likelihood": r.pass_chance,
            "domains": [est(e) | {"name": view.domain_names[e.key]} for e in r.domains],
            "study_next": [est(e) | {"name": view.task_names[e.key]} for e in r.study_next],
        }
        click.echo(json.dumps(payload, indent=2))
        return
    click.echo(f"Readiness for {view.version} (pass: {view.passing_score} of 1,000)")
    for e in r.domains:
        name = view.domain_names[e.key]
        if e.value is None:
            value = "not enough data yet"
        else:
            value = f"{e.value:4.0%}  (90 % band {e.low:.0%}-{e.high:.0%})"
        evidence = f"{e.cards_seen}/{e.cards} cards studied, {e.answers:.0f} recent answers"
        click.echo(f"  {e.key}. {name:<44} {e.weight:>3}%  {value}  · {evidence}")
    if r.pass_chance is None:
        click.echo(
            "Pass likelihood: not enough data yet (answer 5+ questions or study 20+ cards per domain)."
        )
    else:
        assert r.expected is not None
        click.echo(f"Expected share right: {r.expected:.0%} · pass likelihood: {r.pass_chance:.0%}")
    click.echo("Study next:")
    for e in r.study_next:
        click.echo(f"  task {e.key} {view.task_names[e.key]}")
