"""Run the import stages over one notes file: text in, screened cards with ids, origins and warnings out."""

from __future__ import annotations

from collections.abc import Callable

from studyaws.core.notes import explicit, infer, outdated, quality, tree
from studyaws.core.notes.ids import IdMaker
from studyaws.core.notes.model import Card, Compiled, Draft, Skip
from studyaws.core.notes.outline import Kind, classify


def compile_notes(
    name: str, text: str, deck_id: str, progress: Callable[[int], None] | None = None
) -> Compiled:
    """Cards for the notes `text` of the file called `name`, in file order. Never raises on odd text.
    `progress(n)` is told, in a few steps, that n more characters of `text` are done."""
    step = progress or (lambda _n: None)
    lines = classify(text)
    step(len(text) // 2)
    title = next((line.text for line in lines if line.kind in (Kind.HEADING, Kind.TEXT)), "")
    marked, skips = explicit.extract(lines)
    inferred, empty = infer.infer(tree.build(lines))
    step(len(text) * 4 // 10)
    drafts = sorted(marked + inferred, key=lambda d: d.line)
    kept, junk = quality.screen(drafts)
    make_id = IdMaker(deck_id, name)
    cards = tuple(_card(d, name, make_id(d.key or d.front or d.text)) for d in kept)
    skipped = tuple(sorted([*skips, *empty, *junk], key=lambda s: s.line))
    step(len(text) - len(text) // 2 - len(text) * 4 // 10)
    return Compiled(name, title, cards, skipped)


def _card(d: Draft, name: str, uid: str) -> Card:
    return Card(
        uid=uid,
        kind=d.kind,
        front=d.front,
        back=d.back,
        text=d.text,
        origin=f"{name}:{d.line}",
        line=d.line,
        how=d.how,
        tags=d.tags,
        warnings=tuple(outdated.check(d.words())),
    )


def origin_of(name: str, skip: Skip) -> str:
    return f"{name}:{skip.line}"
