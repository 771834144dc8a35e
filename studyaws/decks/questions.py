"""Question bank files (deck/questions/*.yaml, format in its README.md): YAML → validated questions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from studyaws.core.cards import Option, letters
from studyaws.core.questions import DIFFICULTIES, KINDS, Question, choose_suffix
from studyaws.decks.loader import read_text
from studyaws.decks.schema import ID_RE, DeckSchemaError, _Checker
from studyaws.decks.yamlsafe import Mark, Value, YamlError, parse
from studyaws.errors import DeckError

_FIELDS = {
    "id",
    "type",
    "difficulty",
    "stem",
    "options",
    "answer",
    "domain",
    "task",
    "sources",
    "verified",
    "tags",
}
# Facts are checked against AWS's own pages: documentation, FAQs, blogs, pricing.
SOURCE_RE = re.compile(r"^https://(docs\.aws\.amazon\.com|aws\.amazon\.com)/\S*$")
REQUIRED_VERSION = "dva-c03"


def bank_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_bank(path: Path) -> tuple[str, list[Question]]:
    """(bank id, questions) of one file; DeckError with a FILE:LINE:COLUMN line per problem."""
    text, _raw = read_text(path)
    try:
        bank_id, questions = validate(parse(text), str(path))
    except YamlError as exc:
        raise DeckError(f"{path}:{exc.mark.line}:{exc.mark.column}: {exc.message}") from None
    except DeckSchemaError as exc:
        raise DeckError("\n".join(f"{path}:{m.line}:{m.column}: {msg}" for m, msg in exc.problems)) from None
    return bank_id, questions


def load_banks(paths: Iterable[Path]) -> list[Question]:
    """Every question of several files, with ids unique across all of them."""
    out: list[Question] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    banks: dict[str, Path] = {}
    for path in paths:
        try:
            bank_id, questions = load_bank(path)
        except DeckError as exc:
            problems.append(str(exc))
            continue
        if bank_id in banks:
            problems.append(f"{path}:1:1: bank id '{bank_id}' is also used by {banks[bank_id]}")
        banks[bank_id] = path
        for q in questions:
            if q.uid in seen:
                problems.append(f"{path}:{q.line}:1: question id '{q.uid}' is also used at {seen[q.uid]}")
                continue
            seen[q.uid] = f"{path}:{q.line}"
            out.append(q)
    if problems:
        raise DeckError("\n".join(problems))
    return out


def validate(root: Value | None, path: str = "") -> tuple[str, list[Question]]:
    ck = _Checker()
    if root is None:
        raise DeckSchemaError([(Mark(1, 1), "the file is empty; a bank needs 'bank:' and 'questions:'")])
    if not ck.mapping(root, "bank file"):
        raise DeckSchemaError(ck.problems)
    ck.unknown(root, {"bank", "questions"}, "bank file")
    bank_id = _bank_id(ck, root)
    out: list[Question] = []
    items = root.data.get("questions")
    if items is None:
        ck.fail(root.mark, "bank file: missing 'questions:' list")
    elif not isinstance(items.data, list):
        ck.fail(items.mark, "questions: must be a list")
    else:
        out = ck.entries(items, "questions", lambda item, where: _question(ck, item, where, bank_id, path))
    if ck.problems:
        raise DeckSchemaError(ck.problems)
    return bank_id, out


def _bank_id(ck: _Checker, root: Value) -> str:
    bank = root.data.get("bank")
    if bank is None:
        ck.fail(root.mark, "bank file: missing 'bank:' header (id, title)")
        return ""
    if not ck.mapping(bank, "bank"):
        return ""
    ck.unknown(bank, {"id", "title"}, "bank")
    ck.text(bank, "title", "bank")
    bank_id = ck.text(bank, "id", "bank")
    if bank_id and not ID_RE.match(bank_id):
        ck.fail(
            bank.data["id"].mark, f"bank.id: '{bank_id}' must be lowercase letters, digits, '-', '_' or '.'"
        )
    return bank_id


def _question(ck: _Checker, item: Value, where: str, bank_id: str, path: str) -> Question | None:
    if not ck.mapping(item, where):
        return None
    before = len(ck.problems)
    ck.unknown(item, _FIELDS, where)
    uid = ck.text(item, "id", where)
    if uid and not ID_RE.match(uid):
        ck.fail(item.data["id"].mark, f"{where}.id: '{uid}' must be 1-80 of a-z 0-9 - _ . (lowercase)")
    where = f"{where} ({uid})" if uid else where
    kind = _choice(ck, item, "type", KINDS, where)
    difficulty = _choice(ck, item, "difficulty", DIFFICULTIES, where)
    stem = ck.text(item, "stem", where)
    options = _options(ck, item, where, kind)
    if kind == "multiple" and stem and options:
        suffix = choose_suffix(sum(o.correct for o in options))
        if not stem.rstrip().endswith(suffix):
            ck.fail(
                item.data["stem"].mark, f"{where}.stem: a multiple-response stem must end with '{suffix}'"
            )
    sources = ck.text_list(item, "sources", where)
    if not sources and "sources" in item.data:
        ck.fail(item.data["sources"].mark, f"{where}.sources: needs at least one URL")
    elif "sources" not in item.data:
        ck.fail(item.mark, f"{where}: missing field 'sources' (AWS documentation URLs)")
    for url in sources:
        if not SOURCE_RE.match(url):
            ck.fail(
                item.data["sources"].mark, f"{where}.sources: '{url}' is not an https AWS documentation URL"
            )
    verified = ck.text(item, "verified", where)
    if verified:
        try:
            date.fromisoformat(verified)
        except ValueError:
            ck.fail(item.data["verified"].mark, f"{where}.verified: '{verified}' is not a date YYYY-MM-DD")
    domain, task = _tags(ck, item, where)
    if len(ck.problems) != before:
        return None
    return Question(
        uid=uid,
        bank=bank_id,
        kind=kind,
        difficulty=difficulty,
        stem=stem,
        options=options,
        sources=sources,
        verified=verified,
        domain=domain,
        task=task,
        tags=ck.text_list(item, "tags", where),
        line=item.mark.line,
        path=path,
    )


def _choice(ck: _Checker, item: Value, key: str, allowed: tuple[str, ...], where: str) -> str:
    value = ck.text(item, key, where)
    if value and value not in allowed:
        ck.fail(item.data[key].mark, f"{where}.{key}: '{value}' is not one of {', '.join(allowed)}")
        return ""
    return value


def _tags(ck: _Checker, item: Value, where: str) -> tuple[dict[str, str], dict[str, str]]:
    domain, task = ck.tags(item, where)
    if REQUIRED_VERSION not in task:
        ck.fail(item.mark, f"{where}: needs task and domain tags for {REQUIRED_VERSION}")
    if set(domain) != set(task):
        ck.fail(item.mark, f"{where}: domain and task must name the same exam versions")
    return domain, task


def _options(ck: _Checker, item: Value, where: str, kind: str) -> tuple[Option, ...]:
    raw = item.data.get("options")
    if raw is None or not isinstance(raw.data, list):
        ck.fail(raw.mark if raw else item.mark, f"{where}.options: needs a list of options (text, why)")
        return ()
    count = len(raw.data)
    if kind == "single" and count != 4:
        ck.fail(raw.mark, f"{where}.options: a single-answer question has exactly 4 options, found {count}")
        return ()
    # At most six: letters A-F are the answer keys, and g, m, n, p, r, s stay free for exam commands.
    if kind == "multiple" and not 5 <= count <= 6:
        ck.fail(raw.mark, f"{where}.options: a multiple-response question has 5 or 6 options, found {count}")
        return ()
    picked = _answer(ck, item, where, kind, letters(count))
    out = []
    for i, opt in enumerate(raw.data):
        w = f"{where}.options[{i}]"
        if not ck.mapping(opt, w):
            continue
        ck.unknown(opt, {"text", "why"}, w)
        right = letters(count)[i] in picked
        text, why = ck.text(opt, "text", w), ck.text(opt, "why", w)
        expected = "Right." if right else "Wrong."
        if why and not why.startswith(expected):
            ck.fail(opt.data["why"].mark, f"{w}.why: must start with '{expected}' (the answer key says so)")
        out.append(Option(text, why, right))
    return tuple(out)


def _answer(ck: _Checker, item: Value, where: str, kind: str, valid: str) -> set[str]:
    answer = item.data.get("answer")
    if answer is None:
        ck.fail(item.mark, f"{where}: missing field 'answer' (letters of the right options)")
        return set()
    raw: Any = answer.data
    picked = (
        [a.strip().upper() for a in raw.split(",") if a.strip()]
        if isinstance(raw, str)
        else [a.data.strip().upper() for a in raw if isinstance(a.data, str)]
        if isinstance(raw, list)
        else []
    )
    if not picked or any(len(p) != 1 or p not in valid for p in picked):
        ck.fail(answer.mark, f"{where}.answer: must be letters among {', '.join(valid)}")
    elif len(set(picked)) != len(picked):
        ck.fail(answer.mark, f"{where}.answer: a letter is repeated")
    elif kind == "single" and len(picked) != 1:
        ck.fail(answer.mark, f"{where}.answer: a single-answer question has exactly one right option")
    elif kind == "multiple" and len(picked) < 2:
        ck.fail(answer.mark, f"{where}.answer: a multiple-response question has two or more right options")
    return set(picked)
