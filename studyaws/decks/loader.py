"""Load deck files: bytes → text → YAML values → validated notes, or one error line per problem."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from studyaws.core.cards import Note
from studyaws.decks.schema import DeckMeta, DeckSchemaError, validate
from studyaws.decks.yamlsafe import YamlError, parse
from studyaws.errors import DeckError


@dataclass(frozen=True, slots=True)
class Deck:
    meta: DeckMeta
    notes: tuple[Note, ...]
    path: Path
    content_hash: str


def read_text(path: Path) -> tuple[str, bytes]:
    """Read a deck as UTF-8 (a BOM is allowed); name the line of the first undecodable byte."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DeckError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DeckError(f"{path}: is a directory, not a deck file") from None
    except OSError as exc:
        raise DeckError(f"{path}: cannot read: {exc.strerror}") from None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DeckError(f"{path}:{line}: contains a NUL byte; a deck must be a UTF-8 text file")
    try:
        return raw.decode("utf-8-sig"), raw
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DeckError(f"{path}:{line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x})") from None


def load_deck(path: Path) -> Deck:
    text, raw = read_text(path)
    try:
        meta, notes = validate(parse(text))
    except YamlError as exc:
        raise DeckError(f"{path}:{exc.mark.line}:{exc.mark.column}: {exc.message}") from None
    except DeckSchemaError as exc:
        lines = [f"{path}:{m.line}:{m.column}: {msg}" for m, msg in exc.problems]
        raise DeckError("\n".join(lines)) from None
    return Deck(meta, tuple(notes), path, hashlib.sha256(raw).hexdigest())


def load_decks(paths: Iterable[Path]) -> list[Deck]:
    """Load several decks and check what must hold across them: unique deck ids and card ids."""
    decks: list[Deck] = []
    problems: list[str] = []
    for path in paths:
        try:
            decks.append(load_deck(path))
        except DeckError as exc:
            problems.append(str(exc))
    deck_ids: dict[str, Path] = {}
    card_ids: dict[str, tuple[Path, int]] = {}
    for deck in decks:
        if deck.meta.id in deck_ids:
            problems.append(
                f"{deck.path}:1:1: deck id '{deck.meta.id}' is also used by {deck_ids[deck.meta.id]}"
            )
        deck_ids[deck.meta.id] = deck.path
        for note in deck.notes:
            if note.uid in card_ids:
                other, line = card_ids[note.uid]
                problems.append(
                    f"{deck.path}:{note.line}:1: card id '{note.uid}' is also used at {other}:{line}"
                )
            else:
                card_ids[note.uid] = (deck.path, note.line)
    if problems:
        raise DeckError("\n".join(problems))
    return decks


def deck_files(directory: Path) -> list[Path]:
    """The deck files of a directory, in name order (subdirectories such as questions/ are not decks)."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
