"""Write imported cards as a schema v1 deck: YAML the strict loader reads back as exactly the same text."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from studyaws.core.notes.model import CLOZE, Card

MARK = "# Written by `studyaws import`"
_EXAM_VERSIONS = ["dva-c03", "dva-c02"]

try:
    _Base: Any = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - wheels without libyaml
    _Base = yaml.SafeDumper


class _Dumper(_Base):  # type: ignore[misc]
    """Safe YAML, multi-line text as literal blocks, never an anchor or alias (the loader forbids them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: Any, value: str) -> Any:
    # A literal block keeps line breaks as they are; PyYAML falls back to a quoted style by itself
    # when a block cannot hold the text exactly (trailing spaces, control characters).
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def card_fields(card: Card) -> dict[str, Any]:
    """A card as the mapping the deck file holds, in the field order deck/README.md shows."""
    out: dict[str, Any] = {"id": card.uid, "type": card.kind}
    if card.kind == CLOZE:
        out["text"] = card.text
    else:
        out["front"] = card.front
        out["back"] = card.back
    if card.tags:
        out["tags"] = list(card.tags)
    out["origin"] = card.origin
    if card.warnings:
        out["warnings"] = list(card.warnings)
    return out


def dump_deck(deck_id: str, title: str, sources: Iterable[str], cards: Iterable[Card]) -> str:
    """The deck file's text, with a header saying it is generated and from what."""
    data = {
        "deck": {"id": deck_id, "title": title, "exam_versions": _EXAM_VERSIONS},
        "cards": [card_fields(c) for c in cards],
    }
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    names = ", ".join(" ".join(s.split()) for s in sources)
    header = (
        f"{MARK} from: {names}\n# Importing the notes again rewrites this file: edit the notes instead.\n"
    )
    return header + body


def written_by_import(path: Path) -> bool:
    """True when `path` is a deck this command wrote (safe to overwrite), False for anything else."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(MARK)) == MARK.encode()
    except OSError:
        return False
