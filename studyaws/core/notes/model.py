"""The plain values passed between the import stages: card drafts, skips, and the compiled result."""

from __future__ import annotations

from dataclasses import dataclass

BASIC = "basic"
CLOZE = "cloze"


@dataclass(frozen=True, slots=True)
class Draft:
    """A card before screening. `key` is the question its id is derived from; `how` names the rule."""

    kind: str
    line: int
    how: str
    front: str = ""
    back: str = ""
    text: str = ""  # cloze text with {{cN::…}} deletions
    key: str = ""
    tags: tuple[str, ...] = ()
    context: str = ""  # the heading it sat under, for checking facts (not shown on the card)

    def words(self) -> str:
        """Everything the card says, for fact checks."""
        return " ".join(filter(None, (self.context, self.front, self.back, self.text)))


@dataclass(frozen=True, slots=True)
class Skip:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Card:
    """A card ready to be written to a deck: stable id, where it came from, fact warnings."""

    uid: str
    kind: str
    front: str
    back: str
    text: str
    origin: str
    line: int
    how: str
    tags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Compiled:
    """One notes file turned into cards, with everything that was skipped and why."""

    name: str
    title: str
    cards: tuple[Card, ...]
    skipped: tuple[Skip, ...]
