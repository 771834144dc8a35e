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
