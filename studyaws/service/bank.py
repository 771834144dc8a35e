"""The question bank a context sees: the bundled banks and the user's own, loaded once per process."""

from __future__ import annotations

from pathlib import Path

from studyaws.core.questions import Question
from studyaws.decks.questions import bank_files, load_banks
from studyaws.service.context import AppContext

_CACHE: dict[tuple[tuple[str, int, int], ...], list[Question]] = {}


def bank_paths(ctx: AppContext) -> list[Path]:
    return [p for folder in ctx.deck_dirs for p in bank_files(folder / "questions")]


def load_questions(ctx: AppContext) -> list[Question]:
    """Every question, keyed by the files' size and mtime so an edited bank is re-read (and re-checked)."""
    paths = bank_paths(ctx)
    key = tuple((str(p), (st := p.stat()).st_size, st.st_mtime_ns) for p in paths)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_banks(paths)
    return _CACHE[key]


def by_id(questions: list[Question]) -> dict[str, Question]:
    return {q.uid: q for q in questions}
