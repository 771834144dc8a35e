"""`studyaws import`: compile study notes (.md, .txt, any text file) into a deck you can review at once."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import click

from studyaws.cli.main import CONTEXT, Holder
from studyaws.core.notes.model import CLOZE, Card
from studyaws.core.text import inert

PROGRESS_BYTES = 512 * 1024  # below this an import takes well under a second: no progress bar
SHOWN = 20  # skipped lines printed in text mode; --json lists them all


@click.command("import", context_settings=CONTEXT)
@click.argument("notes", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Deck file to write instead of "
    "DECK_ID.yaml in your deck folder (a file elsewhere is written and checked, not studied)."
)  # fmt: skip
@click.option("--dry-run", is_flag=True, help="Print the cards it would make; write nothing.")
@click.option(
    "--deck-id", metavar="ID", help="Deck id (default: notes-FIRST_FILE_NAME). Card ids derive from it."
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON object: cards, skipped, warnings, output."
)
@click.pass_context
def import_notes(
    click_ctx: click.Context,
    notes: tuple[Path, ...],
    output: Path | None,
    dry_run: bool,
    deck_id: str | None,
    as_json: bool,
) -> None:
    """Turn study notes into a deck and add it to your collection.

    \b
    Cards you marked are taken as written:
      Q: question / A: answer      question :: answer      What is X? answer
      a line with only `?` between a question and its answer (Obsidian Spaced Repetition)
      ==highlight== or {{c1::cloze}}      Markdown tables with Question and Answer columns
    Then cards are inferred from structure: a question followed by bullets, a heading or
    an intro line over a short list, `term: definition` lines, and numbers or limits (clozes).

    Every card records the FILE:LINE it came from. A card stating an AWS limit that has
    since changed gets a warning with today's value and the documentation page. Probable
    junk (empty or echoing answers, 40-line answers, empty headings) is skipped and listed.

    Importing the same notes again after editing them keeps the progress of every card
    whose question is unchanged; cards whose notes are gone are retired.
    """
    from studyaws.service.notes_import import apply_import, plan_import

    with _progress(notes) as advance:
        plan = plan_import(list(notes), deck_id, advance)
    if dry_run:
        _report(plan, None, as_json, dry_run=True)
        return
    ctx = click_ctx.ensure_object(Holder).get()
    result = apply_import(ctx, plan, output)
    _report(plan, result, as_json, dry_run=False)


@contextmanager
def _progress(paths: tuple[Path, ...]) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on stderr for large inputs, only when stderr is a terminal. It is sized in bytes
    and advanced in characters as each file is compiled, so it ends a little short for non-ASCII notes."""
    total = 0
    for path in paths:
        with suppress(OSError):  # reading the file reports the problem
            total += path.stat().st_size
    if total < PROGRESS_BYTES or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    columns = (TextColumn("importing notes"), BarColumn(), TaskProgressColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("import", total=total)
        yield lambda done: bar.advance(task, done)


def _report(plan: Any, result: Any, as_json: bool, dry_run: bool) -> None:
    skipped = [{"origin": origin, "reason": reason} for origin, reason in plan.skipped]
    warnings = [{"origin": c.origin, "card": c.uid, "warning": w} for c, w in plan.warnings]
    if as_json:
        data: dict[str, Any] = {
            "cards": len(plan.cards),
            "skipped": skipped,
            "warnings": warnings,
            "output": None if result is None else str(result.output),
            "deck": plan.deck_id,
            "dry_run": dry_run,
        }
        if result is not None:
            data.update(synced=result.synced, added=result.added, kept=result.kept, retired=result.retired)
        if dry_run:
            data["preview"] = [_card_json(c) for c in plan.cards]
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    if dry_run:
        for card in plan.cards:
            _show(card)
    for w in warnings:
        click.echo(inert(f"studyaws: warning: {w['origin']}: {w['warning']}"), err=True)
    for s in skipped[:SHOWN]:
        click.echo(inert(f"studyaws: skipped: {s['origin']}: {s['reason']}"), err=True)
    if len(skipped) > SHOWN:
        click.echo(
            f"studyaws: skipped: ... and {len(skipped) - SHOWN} more (--json lists them all)", err=True
        )
    tail = f"{len(skipped)} skipped, {len(warnings)} with outdated facts"
    deck = inert(plan.deck_id)
    if dry_run:
        click.echo(f"Dry run: {len(plan.cards)} cards for deck '{deck}'; {tail}. Nothing was written.")
        return
    click.echo(f"Imported {len(plan.cards)} cards into deck '{deck}': {inert(str(result.output))}")
    if result.synced:
        click.echo(
            f"{result.added} new, {result.kept} kept their progress, {result.retired} retired; {tail}."
        )
    else:
        click.echo(f"{tail}. Not in your deck folder: move it there to study these cards.")


def _card_json(card: Card) -> dict[str, Any]:
    text = {"text": card.text} if card.kind == CLOZE else {"front": card.front, "back": card.back}
    return {"id": card.uid, "type": card.kind, **text, "origin": card.origin, "warnings": list(card.warnings)}


def _show(card: Card) -> None:
    click.echo(f"{inert(card.origin)}  {card.kind}  {card.uid}")
    if card.kind == CLOZE:
        click.echo(_indent("C: ", card.text))
    else:
        click.echo(_indent("Q: ", card.front))
        click.echo(_indent("A: ", card.back))
    for w in card.warnings:
        click.echo(_indent("!  ", w))
    click.echo()


def _indent(label: str, text: str) -> str:
    lines = inert(text).split("\n")
    return "\n".join(("  " + label if i == 0 else "      ") + line for i, line in enumerate(lines))
