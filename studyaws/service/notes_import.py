"""`studyaws import`: notes files → a deck file in the user's deck folder → the study database, or nothing.

`plan_import` reads and compiles (no writes); `apply_import` writes the deck atomically and syncs it. If
anything fails after the deck file was replaced, the previous file is put back, so a failed import leaves
no half-written deck and, since a sync is one transaction, no partial database rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from studyaws.config import write_atomic
from studyaws.core.notes.compile import compile_notes
from studyaws.core.notes.ids import slug
from studyaws.core.notes.model import CLOZE, Card
from studyaws.decks.loader import deck_files, load_deck, load_decks
from studyaws.decks.notes_io import NotesError, read_notes
from studyaws.decks.schema import ID_RE, DeckSchemaError, validate
from studyaws.decks.writer import dump_deck, written_by_import
from studyaws.decks.yamlsafe import YamlError, parse
from studyaws.errors import StudyawsError, UsageError
from studyaws.service.context import AppContext


@dataclass
class ImportPlan:
    deck_id: str
    title: str
    sources: list[str]
    cards: list[Card]
    skipped: list[tuple[str, str]]  # (FILE:LINE, why)
    text: str  # the deck file to write

    @property
    def warnings(self) -> list[tuple[Card, str]]:
        return [(card, w) for card in self.cards for w in card.warnings]


@dataclass
class ImportResult:
    output: Path
    synced: bool  # False when the deck was written outside the collection's deck folders
    added: int = 0  # cards of this deck that are new since the last import
    kept: int = 0  # cards that were already there: their progress is kept
    retired: int = 0  # cards of the last import whose notes are gone: hidden from study, history kept


def default_deck_id(path: Path) -> str:
    """`notes-<file name>`: never one of the bundled deck ids, stable for the same notes file."""
    return f"notes-{slug(path.stem)[:60].strip('-') or 'file'}"


def plan_import(
    paths: list[Path], deck_id: str | None = None, progress: Callable[[int], None] | None = None
) -> ImportPlan:
    """Read and compile the notes and build the deck text, checked through the real schema. Writes nothing."""
    if deck_id is not None and not ID_RE.match(deck_id):
        raise UsageError(f"--deck-id: '{deck_id}' must be 1-80 of a-z 0-9 - _ . (lowercase)")
    names = [p.name for p in paths]
    for name in names:
        if names.count(name) > 1:
            raise UsageError(f"{name}: two notes files with the same name; card ids are derived from it")
    deck_id = deck_id or default_deck_id(paths[0])
    cards: list[Card] = []
    skipped: list[tuple[str, str]] = []
    titles: list[str] = []
    for path in paths:
        text = read_notes(path)
        compiled = compile_notes(path.name, text, deck_id, progress)
        cards.extend(compiled.cards)
        skipped.extend((f"{path.name}:{s.line}", s.reason) for s in compiled.skipped)
        titles.append(compiled.title)
    title = titles[0] if len(paths) == 1 and titles[0] else "Notes: " + ", ".join(names)
    deck_text = dump_deck(deck_id, " ".join(title.split())[:120], [str(p) for p in paths], cards)
    _check_round_trip(deck_text, cards)
    return ImportPlan(deck_id, title, [str(p) for p in paths], cards, skipped, deck_text)


def _check_round_trip(text: str, cards: list[Card]) -> None:
    """Read the deck back through the strict loader's parser and schema: every text must come back exactly."""
    try:
        _, notes = validate(parse(text))
    except (YamlError, DeckSchemaError) as exc:  # a bug, not bad notes: say so plainly
        raise StudyawsError(f"internal error: the generated deck does not load ({exc})") from None
    for card, note in zip(cards, notes, strict=True):
        same = (
            note.text == card.text
            if card.kind == CLOZE
            else (note.front, note.back) == (card.front, card.back)
        )
        if not same or note.uid != card.uid:
            raise StudyawsError(
                f"internal error: card {card.uid} ({card.origin}) does not read back the same"
            )


def apply_import(ctx: AppContext, plan: ImportPlan, output: Path | None = None) -> ImportResult:
    """Write the deck (atomically) and bring it into the collection; on any failure restore what was there."""
    if not plan.cards:
        raise NotesError(f"{', '.join(plan.sources)}: no cards found (try --dry-run to see what was skipped)")
    out = output or ctx.paths.user_decks / f"{plan.deck_id}.yaml"
    if out.suffix not in (".yaml", ".yml"):
        raise UsageError(f"-o: '{out}' must end in .yaml or .yml to be read as a deck")
    if out.exists() and not written_by_import(out):
        raise UsageError(f"{out}: exists and was not written by `studyaws import`; choose another -o")
    in_collection = out.resolve().parent in {d.resolve() for d in ctx.deck_dirs}
    previous = out.read_bytes() if out.exists() else None
    before = _card_ids(out) if previous is not None else set()
    if in_collection:
        _check_against_collection(ctx, out, plan)
    write_atomic(out, plan.text)
    try:
        now = {note.uid for note in load_deck(out).notes}  # the real loader, from the file on disk
        result = ImportResult(out, in_collection, len(now - before), len(now & before), len(before - now))
        if in_collection:
            from studyaws.service.collection import open_collection

            open_collection(ctx).close()  # syncs: new ids added, edited text kept, vanished ids retired
        return result
    except BaseException:
        _restore(out, previous)
        raise


def _card_ids(path: Path) -> set[str]:
    try:
        return {note.uid for note in load_deck(path).notes}
    except StudyawsError:  # an earlier deck that no longer loads: every card counts as new
        return set()


def _check_against_collection(ctx: AppContext, out: Path, plan: ImportPlan) -> None:
    """Deck ids and card ids must be unique across every deck loaded together: check before writing."""
    others = [p for d in ctx.deck_dirs for p in deck_files(d) if p.resolve() != out.resolve()]
    decks = load_decks(others)  # a broken deck elsewhere would stop the sync too: better to say so now
    for deck in decks:
        if deck.meta.id == plan.deck_id:
            raise UsageError(f"--deck-id: '{plan.deck_id}' is already the id of {deck.path}; choose another")
    used = {note.uid: (deck.path, note.line) for deck in decks for note in deck.notes}
    for card in plan.cards:
        if card.uid in used:
            path, line = used[card.uid]
            raise StudyawsError(f"{card.origin}: card id '{card.uid}' is already used at {path}:{line}")


def _restore(out: Path, previous: bytes | None) -> None:
    try:
        if previous is None:
            out.unlink(missing_ok=True)
        else:
            write_atomic(out, previous.decode("utf-8"))
    except OSError:  # pragma: no cover - the original error matters more
        pass
