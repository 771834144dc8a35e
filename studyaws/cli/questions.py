"""`studyaws questions`: check question bank files and report coverage against the blueprints."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from studyaws.cli.main import CONTEXT, pass_ctx
from studyaws.service.context import AppContext


@click.group(context_settings=CONTEXT)
def questions() -> None:
    """Check question bank files (deck/questions/*.yaml) and report their coverage."""


@questions.command("check", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def questions_check(paths: tuple[Path, ...]) -> None:
    """Check bank files: YAML, schema, answer key, explanations, sources, unique ids (FILE:LINE:COLUMN)."""
    from studyaws.decks.questions import load_banks

    found = load_banks(paths)
    for path in paths:
        n = sum(1 for q in found if q.path == str(path))
        click.echo(f"{path}: ok ({n} questions)")


@questions.command("report", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--strict", is_flag=True, help="Exit 1 when a task has under 5 questions or the bank under 195."
)
@pass_ctx
def questions_report(ctx: AppContext, paths: tuple[Path, ...], as_json: bool, strict: bool) -> None:
    """Questions per domain and task of every exam version, against the blueprint weights."""
    from studyaws.core.questionreport import MIN_PER_TASK, coverage, report
    from studyaws.decks import blueprint
    from studyaws.decks.questions import load_banks
    from studyaws.service.bank import bank_paths

    found = load_banks(list(paths) or bank_paths(ctx))
    covs = []
    for code in blueprint.available():
        bp = blueprint.load(code)
        weights = {d.number: d.weight for d in bp.domains}
        tasks = [t.id for d in bp.domains for t in d.tasks]
        covs.append(coverage(found, code, weights, tasks, bp.questions))
    result = report(found, covs)
    if as_json:
        click.echo(json.dumps({**asdict(result), "problems": result.problems}, indent=2))
    else:
        click.echo(f"{result.questions} questions; types {result.kinds}; difficulty {result.difficulties}")
        click.echo(f"right answers by letter: {result.right_letters}")
        for cov in result.coverage:
            click.echo(
                f"\n{cov.version}: {cov.total} questions, {cov.mocks} full mock exams without a repeat"
            )
            for dom, (n, weight) in cov.domains.items():
                share = n / (cov.total or 1)
                click.echo(f"  domain {dom}: {n:4} questions ({share:4.0%}; blueprint {weight}%)")
            click.echo("  tasks  " + "  ".join(f"{t}:{n}" for t, n in cov.tasks.items()))
            if cov.thin_tasks:
                click.echo(f"  under {MIN_PER_TASK} questions: {', '.join(cov.thin_tasks)}")
        click.echo(f"\n{len(result.problems)} problem(s)")
        for p in result.problems:
            click.echo(f"  {p}")
    if strict and result.problems:
        raise click.exceptions.Exit(1)
