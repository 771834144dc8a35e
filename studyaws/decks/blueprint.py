"""Exam blueprints (studyaws/blueprints/*.yaml): versions, domains, weights and task statements, as data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from studyaws.decks.yamlsafe import Value, YamlError, parse
from studyaws.errors import StudyawsError

BLUEPRINT_DIR = Path(__file__).resolve().parent.parent / "blueprints"


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Domain:
    number: str
    name: str
    weight: int
    tasks: tuple[Task, ...]


@dataclass(frozen=True, slots=True)
class Blueprint:
    code: str
    name: str
    available_from: date | None
    last_day: date | None
    questions: int
    minutes: int
    passing_score: int
    domains: tuple[Domain, ...]


def _text(v: Value | None) -> str:
    return v.data if v is not None and isinstance(v.data, str) else ""


def _date(v: Value | None) -> date | None:
    text = _text(v)
    return date.fromisoformat(text) if text and text != "null" else None


@cache  # blueprints ship with the package and never change while studyaws runs
def load(code: str, folder: Path = BLUEPRINT_DIR) -> Blueprint:
    path = folder / f"{code}.yaml"
    try:
        root = parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        known = ", ".join(available(folder))
        raise StudyawsError(f"unknown exam version '{code}' (known: {known})") from None
    except YamlError as exc:
        raise StudyawsError(f"{path}:{exc.mark.line}:{exc.mark.column}: {exc.message}") from None
    if root is None or not isinstance(root.data, dict):
        raise StudyawsError(f"{path}: not a blueprint mapping")
    d = root.data
    domains = []
    for dv in d["domains"].data:
        dd = dv.data
        tasks = tuple(Task(_text(t.data["id"]), _text(t.data["name"])) for t in dd["tasks"].data)
        domains.append(Domain(_text(dd["number"]), _text(dd["name"]), int(_text(dd["weight"])), tasks))
    return Blueprint(
        code=_text(d.get("code")),
        name=_text(d.get("name")),
        available_from=_date(d.get("available_from")),
        last_day=_date(d.get("last_day")),
        questions=int(_text(d.get("questions")) or 65),
        minutes=int(_text(d.get("minutes")) or 130),
        passing_score=int(_text(d.get("passing_score")) or 720),
        domains=tuple(domains),
    )


def available(folder: Path = BLUEPRINT_DIR) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yaml"))


def default_version(exam_date: date | None, folder: Path = BLUEPRINT_DIR) -> str:
    """The version a learner sits: the newest whose window contains the exam day. With no exam date, the
    newest version: someone starting weeks of study now will sit it."""
    candidates = [load(code, folder) for code in available(folder)]
    if exam_date is None:
        return max(candidates, key=lambda b: b.available_from or date.min).code
    day = exam_date
    fitting = [
        b for b in candidates
        if (b.available_from is None or b.available_from <= day) and (b.last_day is None or day <= b.last_day)
    ]  # fmt: skip
    pool = fitting or candidates
    return max(pool, key=lambda b: b.available_from or date.min).code
