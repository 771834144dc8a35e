"""`studyaws import` against a real collection: the deck is written, synced, re-imported, or not at all."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from studyaws.config import Settings
from studyaws.core.types import Rating
from studyaws.errors import StudyawsError
from studyaws.paths import resolve
from studyaws.service import notes_import
from studyaws.service.collection import open_collection
from studyaws.service.context import AppContext
from studyaws.service.notes_import import apply_import, plan_import
from tests.conftest import FIXTURES, ManualClock

NOTES = """# Lambda

Q: What is the maximum Lambda timeout?
A: 5 minutes

Q: How much memory can a function have?
A: 128 MB to 3,008 MB

Q: Which question will be deleted?
A: this one
"""


@pytest.fixture
def ctx(home: Path, deck_dir: Path, clock: ManualClock) -> AppContext:
    paths = resolve({"STUDYAWS_HOME": str(home)})
    return AppContext(
        paths, Settings(new_per_day=9999), clock, random.Random(7), [deck_dir, paths.user_decks]
    )


def notes_file(tmp_path: Path, text: str = NOTES, name: str = "lambda.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def db_rows(ctx: AppContext, deck_id: str) -> dict[str, tuple[int, int]]:
    conn = sqlite3.connect(ctx.paths.db)
    rows = conn.execute("SELECT uid, reps, retired FROM cards WHERE deck_id = ?", (deck_id,)).fetchall()
    return {uid: (reps, retired) for uid, reps, retired in rows}


def test_import_writes_syncs_and_keeps_origin_and_warnings(ctx: AppContext, tmp_path: Path) -> None:
    plan = plan_import([notes_file(tmp_path)])
    result = apply_import(ctx, plan)
    assert result.output == ctx.paths.user_decks / "notes-lambda.yaml" and result.synced
    assert (result.added, result.kept, result.retired) == (3, 0, 0)
    coll = open_collection(ctx)
    try:
        memory = next(c for c in plan.cards if "memory" in c.front)
        stored = coll.repo.card_by_uid(memory.uid)
        assert stored is not None
        # deck → DB → what a display gets: the note with its origin and warnings
        assert stored.note.origin == "lambda.md:6"
        assert stored.note.warnings and "10,240 MB" in stored.note.warnings[0]
        assert stored.note.source == ""
    finally:
        coll.close()
    assert set(db_rows(ctx, "notes-lambda")) == {c.uid for c in plan.cards}


def test_reimport_after_editing_keeps_progress_and_retires_the_rest(ctx: AppContext, tmp_path: Path) -> None:
    path = notes_file(tmp_path)
    first = plan_import([path])
    apply_import(ctx, first)
    timeout = next(c for c in first.cards if "timeout" in c.front)
    coll = open_collection(ctx)
    try:
        card = coll.repo.card_by_uid(timeout.uid)
        assert card is not None
        now, today = ctx.now(), ctx.today()
        coll.repo.answer(
            card.id, lambda s: coll.scheduler.answer(s, Rating.GOOD, now, today, 0.5), 1000, True
        )
    finally:
        coll.close()
    edited = NOTES.replace("A: 5 minutes", "A: 15 minutes (900 seconds)").replace(
        "Q: Which question will be deleted?\nA: this one\n", "Q: What is a brand new question?\nA: new\n"
    )
    second = plan_import([notes_file(tmp_path, "Intro added above.\n\n" + edited)])
    result = apply_import(ctx, second)
    assert (result.added, result.kept, result.retired) == (1, 2, 1)
    rows = db_rows(ctx, "notes-lambda")
    assert rows[timeout.uid] == (1, 0)  # same question, new answer: progress kept
    gone = next(c for c in first.cards if "deleted" in c.front)
    assert rows[gone.uid][1] == 1  # retired, history kept
    coll = open_collection(ctx)
    try:
        stored = coll.repo.card_by_uid(timeout.uid)
        assert stored is not None and stored.note.back == "15 minutes (900 seconds)"
        assert stored.note.origin == "lambda.md:5"
    finally:
        coll.close()


def test_dry_run_plan_writes_nothing(ctx: AppContext, tmp_path: Path, home: Path) -> None:
    plan = plan_import([notes_file(tmp_path)])
    assert len(plan.cards) == 3 and plan.text.startswith("# Written by `studyaws import`")
    assert not home.exists()


def snapshot(ctx: AppContext) -> tuple[list[str], bytes]:
    decks = sorted(p.name for p in ctx.paths.user_decks.iterdir()) if ctx.paths.user_decks.exists() else []
    db = ctx.paths.db.read_bytes() if ctx.paths.db.exists() else b""
    return decks, db


def test_deck_id_taken_by_another_deck_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    before = snapshot(ctx)
    with pytest.raises(StudyawsError, match="'mini' is already the id of"):
        apply_import(ctx, plan_import([notes_file(tmp_path)], deck_id="mini"))
    assert snapshot(ctx) == before


def test_a_broken_deck_elsewhere_stops_the_import_before_writing(ctx: AppContext, tmp_path: Path) -> None:
    ctx.paths.user_decks.mkdir(parents=True)
    (ctx.paths.user_decks / "broken.yaml").write_text("deck: [\n", encoding="utf-8")
    before = snapshot(ctx)
    with pytest.raises(StudyawsError, match=r"broken\.yaml:\d+:\d+: invalid YAML"):
        apply_import(ctx, plan_import([notes_file(tmp_path)]))
    assert snapshot(ctx) == before


def test_a_failed_sync_puts_the_previous_deck_back(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apply_import(ctx, plan_import([notes_file(tmp_path)]))
    deck = ctx.paths.user_decks / "notes-lambda.yaml"
    previous, rows = deck.read_bytes(), db_rows(ctx, "notes-lambda")

    def fail(_ctx: AppContext, sync: bool = True) -> None:
        raise StudyawsError("database is locked")

    import studyaws.service.collection as collection

    monkeypatch.setattr(collection, "open_collection", fail)
    with pytest.raises(StudyawsError, match="locked"):
        apply_import(ctx, plan_import([notes_file(tmp_path, NOTES.replace("5 minutes", "15 minutes"))]))
    assert deck.read_bytes() == previous
    assert db_rows(ctx, "notes-lambda") == rows
    assert [p.name for p in ctx.paths.user_decks.iterdir()] == ["notes-lambda.yaml"]  # no temp file left


def test_a_failed_first_import_leaves_no_file(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notes_import, "load_deck", lambda _path: (_ for _ in ()).throw(StudyawsError("boom")))
    with pytest.raises(StudyawsError, match="boom"):
        apply_import(ctx, plan_import([notes_file(tmp_path)]))
    assert not any(ctx.paths.user_decks.iterdir())


def test_never_overwrites_a_deck_it_did_not_write(ctx: AppContext, tmp_path: Path) -> None:
    mine = ctx.paths.user_decks / "notes-lambda.yaml"
    mine.parent.mkdir(parents=True)
    handmade = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    mine.write_text(handmade, encoding="utf-8")
    with pytest.raises(StudyawsError, match="was not written by `studyaws import`"):
        apply_import(ctx, plan_import([notes_file(tmp_path)]))
    assert mine.read_text(encoding="utf-8") == handmade


def test_output_outside_the_deck_folders_is_written_but_not_synced(ctx: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "mine.yaml"
    result = apply_import(ctx, plan_import([notes_file(tmp_path)]), out)
    assert out.exists() and not result.synced and not ctx.paths.db.exists()
    with pytest.raises(StudyawsError, match=r"must end in \.yaml"):
        apply_import(ctx, plan_import([notes_file(tmp_path)]), tmp_path / "mine.txt")


def test_notes_without_cards_are_an_error(ctx: AppContext, tmp_path: Path) -> None:
    plan = plan_import([notes_file(tmp_path, "just a sentence that is not a card.\n")])
    assert plan.cards == []
    with pytest.raises(StudyawsError, match="no cards found"):
        apply_import(ctx, plan)
    assert not ctx.paths.user_decks.exists()


def test_bad_deck_ids_and_duplicate_names(tmp_path: Path) -> None:
    with pytest.raises(StudyawsError, match="--deck-id: 'Bad Id'"):
        plan_import([notes_file(tmp_path)], deck_id="Bad Id")
    (tmp_path / "a").mkdir()
    twin = notes_file(tmp_path / "a")
    with pytest.raises(StudyawsError, match="two notes files with the same name"):
        plan_import([notes_file(tmp_path), twin])
