"""Studyable cards: a deck entry (note) becomes one card, or one per cloze deletion, with front and back."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
KINDS = ("basic", "cloze", "mcq", "multi")


@dataclass(frozen=True, slots=True)
class Option:
    text: str
    why: str
    correct: bool


@dataclass(frozen=True, slots=True)
class Note:
    """One entry of a deck file, validated. Text fields are exactly what the file says."""

    uid: str
    deck_id: str
    kind: str
    front: str = ""
    back: str = ""
    text: str = ""
    options: tuple[Option, ...] = ()
    explanation: str = ""
    source: str = ""
    verified: str = ""
    tags: tuple[str, ...] = ()
    domain: dict[str, str] = field(default_factory=dict)
    task: dict[str, str] = field(default_factory=dict)
    line: int = 0
    origin: str = ""  # imported cards: "FILE:LINE" of the notes they came from
    warnings: tuple[str, ...] = ()  # e.g. "states an outdated limit" notes added by `studyaws import`


def cloze_ordinals(text: str) -> list[int]:
    """The distinct deletion numbers in a cloze text, in ascending order."""
    return sorted({int(m.group(1)) for m in CLOZE.finditer(text)})


def cloze_front(text: str, ordinal: int) -> str:
    """Blank out deletion `ordinal` (showing its hint, if any) and reveal the others."""

    def sub(m: re.Match[str]) -> str:
        if int(m.group(1)) == ordinal:
            return f"[...{m.group(3)}]" if m.group(3) else "[...]"
        return m.group(2)

    return CLOZE.sub(sub, text)


def cloze_back(text: str, ordinal: int) -> str:
    """The full sentence, with the answer to deletion `ordinal` marked out."""

    def sub(m: re.Match[str]) -> str:
        return f"[{m.group(2)}]" if int(m.group(1)) == ordinal else m.group(2)

    return CLOZE.sub(sub, text)


def card_uid(note_uid: str, ordinal: int, kind: str) -> str:
    return f"{note_uid}::c{ordinal}" if kind == "cloze" else note_uid


def ordinals(note: Note) -> list[int]:
    return cloze_ordinals(note.text) if note.kind == "cloze" else [0]


def letters(n: int) -> str:
    return "ABCDEFGH"[:n]


def render(note: Note, ordinal: int) -> tuple[str, str]:
    """Return (front, back) as plain text for a card of `note`."""
    if note.kind == "cloze":
        return cloze_front(note.text, ordinal), cloze_back(note.text, ordinal)
    if note.kind in ("mcq", "multi"):
        opts = "\n".join(f"{letters(len(note.options))[i]}. {o.text}" for i, o in enumerate(note.options))
        right = ", ".join(letters(len(note.options))[i] for i, o in enumerate(note.options) if o.correct)
        whys = "\n".join(
            f"{letters(len(note.options))[i]} ({'right' if o.correct else 'wrong'}): {o.why}"
            for i, o in enumerate(note.options)
        )
        pick = "Choose one." if note.kind == "mcq" else "Choose all that apply."
        return f"{note.front}\n{opts}\n{pick}", f"Answer: {right}\n{whys}"
    return note.front, note.back
