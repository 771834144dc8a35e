"""`studyaws deck`: list the decks in the collection, check deck files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from studyaws.cli.main import CONTEXT, pass_ctx
from studyaws.core.text import inert
from studyaws.decks.loader import load_decks
from studyaws.service.context import AppContext


@click.group(context_settings=CONTEXT)
def deck() -> None:
    """List decks and check deck files."""


@deck.command("list", context_settings=CONTEXT)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@pass_ctx
def deck_list(ctx: AppContext, as_json: bool) -> None:
    """List the decks in your collection with their card counts."""
    from studyaws.service.collection import open_collection

    coll = open_collection(ctx)
    try:
        rows = coll.repo.deck_summaries(ctx.today())
    finally:
        coll.close()
    if as_json:
        click.echo(json.dumps([r.__dict__ if hasattr(r, "__dict__") else _as_dict(r) for r in rows]))
        return
    click.echo(f"{'deck':<14} {'cards':>5} {'new':>5} {'learn':>5} {'due':>5} {'susp':>5}  title")
    for r in rows:
        click.echo(
            f"{inert(r.id):<14} {r.cards:>5} {r.new:>5} {r.learning:>5} {r.review:>5} {r.suspended:>5}  "
            f"{inert(r.title)}"
        )


def _as_dict(row: object) -> dict[str, object]:
    return {name: getattr(row, name) for name in row.__slots__}  # type: ignore[attr-defined]


@deck.command("check", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def deck_check(paths: tuple[Path, ...]) -> None:
    """Check deck files: YAML, schema and unique ids. Prints FILE:LINE:COLUMN for each problem."""
    decks = load_decks(paths)
    for d in decks:
        click.echo(f"{d.path}: ok ({len(d.notes)} cards, deck '{inert(d.meta.id)}')")


@deck.command("report", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--version", "versions", multiple=True, help="Exam version(s) to report on (default: all).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--strict", is_flag=True, help="Exit 1 when anything is missing: thin tasks, sources, stale facts."
)
@pass_ctx
def deck_report(
    ctx: AppContext, paths: tuple[Path, ...], versions: tuple[str, ...], as_json: bool, strict: bool
) -> None:
    """Cards per domain and task against the blueprint weights; thin tasks, missing sources, stale or
    duplicate cards. Reports on the bundled decks unless deck files are given."""
    from studyaws.core.deckreport import MIN_CARDS_PER_TASK, report
    from studyaws.decks import blueprint
    from studyaws.decks.loader import deck_files
    from studyaws.paths import bundled_deck_dir

    files = list(paths) or deck_files(bundled_deck_dir())
    notes = [n for d in load_decks(files) for n in d.notes]
    codes = list(versions) or blueprint.available()
    prints = {}
    for code in codes:
        bp = blueprint.load(code)
        prints[code] = {d.number: (d.weight, [t.id for t in d.tasks]) for d in bp.domains}
    result = report(notes, prints, ctx.now().date())
    if as_json:
        click.echo(json.dumps(_report_json(result), indent=2))
    else:
        click.echo(f"{result.notes} cards in {len(files)} deck files")
        for cov in result.coverage:
            total = sum(n for n, _ in cov.domains.values()) or 1
            click.echo(f"\n{cov.version}:")
            for dom, (n, weight) in cov.domains.items():
                click.echo(f"  domain {dom}: {n:4} cards ({n / total:4.0%} of tagged; blueprint {weight}%)")
            tasks = "  ".join(f"{t}:{n}" for t, n in cov.tasks.items())
            click.echo(f"  tasks  {tasks}")
            if cov.thin_tasks:
                click.echo(f"  under {MIN_CARDS_PER_TASK} cards: {', '.join(cov.thin_tasks)}")
            if cov.unknown_tasks:
                click.echo(f"  tags naming unknown tasks: {', '.join(cov.unknown_tasks)}")
        for label, items in (
            ("without source", result.missing_source),
            ("without verified date", result.missing_verified),
            ("verified over 12 months ago", result.stale),
        ):
            if items:
                click.echo(f"\n{len(items)} cards {label}: {', '.join(items[:20])}")
        for a, b in result.duplicates:
            click.echo(f"duplicate front: {a} = {b}")
        for a, b, score in result.near_duplicates:
            click.echo(f"near-duplicate fronts ({score:.0%} shared words): {a} ~ {b}")
        click.echo(f"\n{result.problems} problem(s)")
    if strict and result.problems:
        raise click.exceptions.Exit(1)


def _report_json(result: object) -> object:
    from dataclasses import asdict, is_dataclass

    assert is_dataclass(result) and not isinstance(result, type)
    data = asdict(result)
    data["problems"] = result.problems  # type: ignore[attr-defined]
    return data
