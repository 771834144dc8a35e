"""Deck schema v1 (documented in deck/README.md): turn parsed YAML values into validated notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeVar

from studyaws.core.cards import KINDS, Note, Option, cloze_ordinals, letters
from studyaws.decks.yamlsafe import Mark, Value

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
VERSION_RE = re.compile(r"^[a-z]{2,5}-c\d{2}$")
TASK_RE = re.compile(r"^(\d+)\.(\d+)$")
URL_RE = re.compile(r"^https?://[^\s]+$")
ORIGIN_RE = re.compile(r"^\S.*:[1-9]\d*$")  # FILE:LINE of the notes an imported card came from

_COMMON = {"id", "type", "source", "verified", "explanation", "domain", "task", "tags", "origin", "warnings"}
_FIELDS = {
    "basic": _COMMON | {"front", "back"},
    "cloze": _COMMON | {"text"},
    "mcq": _COMMON | {"front", "options", "answer"},
    "multi": _COMMON | {"front", "options", "answer"},
}


@dataclass(frozen=True, slots=True)
class DeckMeta:
    id: str
    title: str
    exam_versions: tuple[str, ...]


class DeckSchemaError(Exception):
    """Every problem found in one file, each with its place."""

    def __init__(self, problems: list[tuple[Mark, str]]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class _Entry(Protocol):
    @property
    def uid(self) -> str: ...

    @property
    def line(self) -> int: ...


_E = TypeVar("_E", bound=_Entry)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[tuple[Mark, str]] = []

    def fail(self, mark: Mark, message: str) -> None:
        self.problems.append((mark, message))

    def text(self, parent: Value, key: str, where: str, required: bool = True) -> str:
        fields: dict[str, Value] = parent.data
        if key not in fields:
            if required:
                self.fail(parent.mark, f"{where}: missing field '{key}'")
            return ""
        value = fields[key]
        if not isinstance(value.data, str):
            self.fail(value.mark, f"{where}.{key}: must be text, not a {_kind(value)}")
            return ""
        if required and not value.data.strip():
            self.fail(value.mark, f"{where}.{key}: must not be empty")
        return value.data

    def mapping(self, value: Value, where: str) -> bool:
        if not isinstance(value.data, dict):
            self.fail(value.mark, f"{where}: must be a mapping, not a {_kind(value)}")
            return False
        return True

    def text_list(self, parent: Value, key: str, where: str) -> tuple[str, ...]:
        fields: dict[str, Value] = parent.data
        if key not in fields:
            return ()
        value = fields[key]
        if not isinstance(value.data, list):
            self.fail(value.mark, f"{where}.{key}: must be a list")
            return ()
        out = []
        for item in value.data:
            if not isinstance(item.data, str) or not item.data.strip():
                self.fail(item.mark, f"{where}.{key}: every item must be non-empty text")
            else:
                out.append(item.data)
        return tuple(out)

    def entries(self, items: Value, label: str, build: Callable[[Value, str], _E | None]) -> list[_E]:
        """Build each entry of a list, refusing an id used twice (naming the line of its first use)."""
        out: list[_E] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(items.data):
            entry = build(item, f"{label}[{i}]")
            if entry is None:
                continue
            if entry.uid in seen:
                self.fail(
                    item.mark,
                    f"{label}[{i}]: id '{entry.uid}' is used twice (first at line {seen[entry.uid]})",
                )
                continue
            seen[entry.uid] = entry.line
            out.append(entry)
        return out

    def tags(self, item: Value, where: str) -> tuple[dict[str, str], dict[str, str]]:
        """`domain` and `task` per exam version; a task must look like 1.2 and lie in its domain."""
        domain = _version_map(self, item, "domain", where)
        task = _version_map(self, item, "task", where)
        for version, t in task.items():
            m = TASK_RE.match(t)
            if not m:
                self.fail(item.data["task"].mark, f"{where}.task.{version}: '{t}' must look like 1.2")
            elif version in domain and m.group(1) != domain[version]:
                self.fail(
                    item.data["task"].mark,
                    f"{where}.task.{version}: '{t}' is not in domain {domain[version]}",
                )
        return domain, task

    def unknown(self, value: Value, allowed: set[str], where: str) -> None:
        for key, mark in (value.key_marks or {}).items():
            if key not in allowed:
                self.fail(mark, f"{where}: unknown field '{key}' (allowed: {', '.join(sorted(allowed))})")


def _kind(value: Value) -> str:
    return "list" if isinstance(value.data, list) else "mapping" if isinstance(value.data, dict) else "text"


def validate(root: Value | None) -> tuple[DeckMeta, list[Note]]:
    """Validate a whole deck file; raise DeckSchemaError listing every problem."""
    ck = _Checker()
    if root is None:
        raise DeckSchemaError([(Mark(1, 1), "the file is empty; a deck needs 'deck:' and 'cards:'")])
    if not ck.mapping(root, "deck file"):
        raise DeckSchemaError(ck.problems)
    ck.unknown(root, {"deck", "cards"}, "deck file")
    meta = _deck_meta(ck, root)
    notes: list[Note] = []
    cards = root.data.get("cards")
    if cards is None:
        ck.fail(root.mark, "deck file: missing 'cards:' list")
    elif not isinstance(cards.data, list):
        ck.fail(cards.mark, "cards: must be a list of cards")
    else:
        notes = ck.entries(cards, "cards", lambda item, where: _note(ck, item, where, meta.id))
    if ck.problems:
        raise DeckSchemaError(ck.problems)
    return meta, notes


def _deck_meta(ck: _Checker, root: Value) -> DeckMeta:
    deck = root.data.get("deck")
    if deck is None:
        ck.fail(root.mark, "deck file: missing 'deck:' header (id, title, exam_versions)")
        return DeckMeta("", "", ())
    if not ck.mapping(deck, "deck"):
        return DeckMeta("", "", ())
    ck.unknown(deck, {"id", "title", "exam_versions"}, "deck")
    deck_id = ck.text(deck, "id", "deck")
    if deck_id and not ID_RE.match(deck_id):
        ck.fail(
            deck.data["id"].mark, f"deck.id: '{deck_id}' must be lowercase letters, digits, '-', '_' or '.'"
        )
    title = ck.text(deck, "title", "deck")
    versions = ck.text_list(deck, "exam_versions", "deck")
    for v in versions:
        if not VERSION_RE.match(v):
            ck.fail(
                deck.data["exam_versions"].mark, f"deck.exam_versions: '{v}' is not an exam code like dva-c03"
            )
    return DeckMeta(deck_id, title, versions)


def _note(ck: _Checker, item: Value, where: str, deck_id: str) -> Note | None:
    if not ck.mapping(item, where):
        return None
    before = len(ck.problems)
    uid = ck.text(item, "id", where)
    if uid and not ID_RE.match(uid):
        ck.fail(item.data["id"].mark, f"{where}.id: '{uid}' must be 1-80 of a-z 0-9 - _ . (lowercase)")
    kind = ck.text(item, "type", where)
    if kind and kind not in KINDS:
        ck.fail(item.data["type"].mark, f"{where}.type: '{kind}' is not one of {', '.join(KINDS)}")
        return None
    if not kind:
        return None
    ck.unknown(item, _FIELDS[kind], f"{where} ({kind})")
    # A card imported from notes names the notes (`origin`) instead of a checked AWS page: there `source`
    # and `verified` are optional. Every other card must cite its source (deck/README.md).
    origin = ck.text(item, "origin", where, required=False)
    given = item.data.get("origin")
    if given is not None and isinstance(given.data, str) and not ORIGIN_RE.match(origin):
        ck.fail(item.data["origin"].mark, f"{where}.origin: must look like FILE:LINE, e.g. notes.md:12")
    cited = not origin
    source = ck.text(item, "source", where, required=cited)
    if source and not URL_RE.match(source):
        ck.fail(item.data["source"].mark, f"{where}.source: must be an http(s) URL")
    verified = ck.text(item, "verified", where, required=cited)
    if verified:
        try:
            date.fromisoformat(verified)
        except ValueError:
            ck.fail(item.data["verified"].mark, f"{where}.verified: '{verified}' is not a date YYYY-MM-DD")
    domain, task = ck.tags(item, where)
    fields: dict[str, Any] = {
        "uid": uid,
        "deck_id": deck_id,
        "kind": kind,
        "explanation": ck.text(item, "explanation", where, required=False),
        "source": source,
        "verified": verified,
        "tags": ck.text_list(item, "tags", where),
        "domain": domain,
        "task": task,
        "line": item.mark.line,
        "origin": origin,
        "warnings": ck.text_list(item, "warnings", where),
    }
    if kind == "basic":
        note = Note(front=ck.text(item, "front", where), back=ck.text(item, "back", where), **fields)
    elif kind == "cloze":
        text = ck.text(item, "text", where)
        if text and not cloze_ordinals(text):
            ck.fail(item.data["text"].mark, f"{where}.text: a cloze needs at least one {{{{c1::answer}}}}")
        note = Note(text=text, **fields)
    else:
        front = ck.text(item, "front", where)
        note = Note(front=front, options=_options(ck, item, where, kind), **fields)
    return note if len(ck.problems) == before else None


def _version_map(ck: _Checker, item: Value, key: str, where: str) -> dict[str, str]:
    value = item.data.get(key)
    if value is None:
        return {}
    if not ck.mapping(value, f"{where}.{key}"):
        return {}
    out = {}
    for version, v in value.data.items():
        if not VERSION_RE.match(version):
            ck.fail(v.mark, f"{where}.{key}: '{version}' is not an exam code like dva-c03")
        elif not isinstance(v.data, str) or not v.data.strip():
            ck.fail(v.mark, f"{where}.{key}.{version}: must be text like 1 or 1.2")
        else:
            out[version] = v.data.strip()
    return out


def _options(ck: _Checker, item: Value, where: str, kind: str) -> tuple[Option, ...]:
    raw = item.data.get("options")
    if raw is None or not isinstance(raw.data, list):
        ck.fail(raw.mark if raw else item.mark, f"{where}.options: needs a list of options (text, why)")
        return ()
    low = 2 if kind == "mcq" else 3
    if not low <= len(raw.data) <= 8:
        ck.fail(raw.mark, f"{where}.options: {kind} needs {low} to 8 options, found {len(raw.data)}")
        return ()
    answer = item.data.get("answer")
    picked: list[str] = []
    if answer is None:
        ck.fail(item.mark, f"{where}: missing field 'answer' (letters of the right options)")
    elif isinstance(answer.data, str):
        picked = [a.strip().upper() for a in answer.data.split(",") if a.strip()]
    elif isinstance(answer.data, list):
        picked = [a.data.strip().upper() for a in answer.data if isinstance(a.data, str)]
    valid = letters(len(raw.data))
    if answer is not None:
        bad = [p for p in picked if len(p) != 1 or p not in valid]
        if bad or not picked:
            ck.fail(answer.mark, f"{where}.answer: must be letters among {', '.join(valid)}")
        elif kind == "mcq" and len(picked) != 1:
            ck.fail(answer.mark, f"{where}.answer: an mcq has exactly one right option")
        elif kind == "multi" and len(set(picked)) < 2:
            ck.fail(answer.mark, f"{where}.answer: a multi card has two or more right options")
    out = []
    for i, opt in enumerate(raw.data):
        w = f"{where}.options[{i}]"
        if not ck.mapping(opt, w):
            continue
        ck.unknown(opt, {"text", "why"}, w)
        out.append(Option(ck.text(opt, "text", w), ck.text(opt, "why", w), valid[i] in picked))
    return tuple(out)
