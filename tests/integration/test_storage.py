"""Storage against a real SQLite file: schema, deck sync that keeps progress, answers, undo, flags."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from studyaws.core.sm2 import replay
from studyaws.core.types import Phase, Rating
from studyaws.errors import DatabaseError
from studyaws.service.collection import Collection, open_collection
from studyaws.service.context import AppContext
from studyaws.service.session import ReviewSession
from studyaws.storage.db import open_database
from studyaws.storage.models import Base
from studyaws.storage.schema_version import HEAD, KNOWN_REVISIONS
from tests.conftest import ManualClock

MakeCtx = Callable[..., AppContext]


def open_coll(make_ctx: MakeCtx, **settings: object) -> Collection:
    return open_collection(make_ctx(**settings))


def test_fresh_database_settings_and_schema(make_ctx: MakeCtx) -> None:
    coll = open_coll(make_ctx)
    db = coll.ctx.paths.db
    coll.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == 6  # 4 notes, the cloze has two cards


def test_known_revisions_match_alembic_and_models_match_migrations(make_ctx: MakeCtx) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", "studyaws.storage:migrations")
    script = ScriptDirectory.from_config(cfg)
    assert script.get_current_head() == HEAD
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == list(KNOWN_REVISIONS)
    coll = open_coll(make_ctx)
    with coll.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    coll.close()
    assert diff == []


def test_sync_keeps_progress_through_edit_retire_and_return(make_ctx: MakeCtx, deck_dir: Path) -> None:
    coll = open_coll(make_ctx, fuzz=False)
    session = ReviewSession(coll)
    card = session.next_card()
    assert card is not None and card.uid == "mini-basic-1"
    session.answer(Rating.EASY)
    coll.close()

    deck = deck_dir / "mini.yaml"
    text = deck.read_text(encoding="utf-8")
    deck.write_text(text.replace("Maximum Lambda timeout?", "What is the longest a Lambda function may run?"))
    coll = open_coll(make_ctx, fuzz=False)
    assert coll.sync_report.updated == 1
    stored = coll.repo.card_by_uid("mini-basic-1")
    assert stored is not None
    assert stored.note.front == "What is the longest a Lambda function may run?"
    assert stored.state.phase is Phase.REVIEW and stored.state.interval == 4
    coll.close()

    # Remove the card from the deck: retired, not deleted; its history stays.
    start = text.index("  - id: mini-basic-1")
    end = text.index("  - id: mini-markup")
    deck.write_text(text[:start] + text[end:])
    coll = open_coll(make_ctx)
    assert coll.sync_report.retired == 1
    assert len(coll.repo.review_records(stored.id)) == 1
    assert all(c.uid != "mini-basic-1" for c in _all_due(coll))
    coll.close()

    deck.write_text(text)
    coll = open_coll(make_ctx)
    assert coll.sync_report.restored == 1
    back = coll.repo.card_by_uid("mini-basic-1")
    assert back is not None and back.state == stored.state
    coll.close()


def _all_due(coll: Collection) -> list[object]:
    session = ReviewSession(coll)
    seen = []
    while (card := session.next_card()) is not None:
        seen.append(card)
        session.bury()
    return seen


def test_each_grade_writes_state_and_log_together(make_ctx: MakeCtx, clock: ManualClock) -> None:
    coll = open_coll(make_ctx, fuzz=False)
    session = ReviewSession(coll)
    results = {}
    for rating in Rating:
        card = session.next_card()
        assert card is not None
        outcome = session.answer(rating, duration_ms=1234)
        results[rating] = (card.id, outcome)
    for rating, (card_id, _) in results.items():
        stored = coll.repo.card(card_id)
        log = coll.repo.review_records(card_id)
        assert [r.rating for r in log] == [rating]
        assert replay(coll.scheduler, log) == stored.state
    assert results[Rating.AGAIN][1].next_in == "1m"
    assert results[Rating.GOOD][1].next_in == "10m"
    assert results[Rating.EASY][1].next_in == "4d"
    coll.close()


def test_undo_restores_exact_state_and_survives_restart(make_ctx: MakeCtx) -> None:
    coll = open_coll(make_ctx)
    session = ReviewSession(coll)
    card = session.next_card()
    assert card is not None
    before = coll.repo.card(card.id)
    session.answer(Rating.GOOD)
    session.next_card()
    session.suspend()
    coll.close()

    coll = open_coll(make_ctx)  # a new process would see the same
    session = ReviewSession(coll)
    assert coll.repo.undo_depth() == 2
    assert session.undo() is not None  # the suspend
    done = session.undo()  # the answer
    assert done is not None and done.op == "answer" and done.card_id == card.id
    assert coll.repo.card(card.id) == before
    assert coll.repo.review_records(card.id) == []
    assert session.undo() is None
    assert session.next_card() is not None and session.current is not None
    assert session.current.id == card.id  # the undone card comes back first
    coll.close()


def test_undo_keeps_thirty_steps(make_ctx: MakeCtx, clock: ManualClock) -> None:
    coll = open_coll(make_ctx)
    session = ReviewSession(coll)
    card = session.next_card()
    assert card is not None
    for _ in range(35):
        session.current = card
        session.toggle_flag()
        card = session.current
    assert coll.repo.undo_depth() == 30
    coll.close()


def test_suspend_bury_flag(make_ctx: MakeCtx, clock: ManualClock) -> None:
    coll = open_coll(make_ctx)
    session = ReviewSession(coll)
    first = session.next_card()
    assert first is not None
    assert session.toggle_flag() == 1
    assert coll.repo.card(first.id).flags.flag == 1
    session.bury()
    second = session.next_card()
    assert second is not None and second.id != first.id
    session.suspend()
    assert coll.repo.card(second.id).flags.suspended
    coll.close()
    coll = open_coll(make_ctx)
    ids = [c.id for c in _all_due(coll)]  # type: ignore[attr-defined]
    assert first.id not in ids and second.id not in ids
    clock.now += timedelta(days=1)
    coll.close()
    coll = open_coll(make_ctx)
    ids = [c.id for c in _all_due(coll)]  # type: ignore[attr-defined]
    assert first.id in ids and second.id not in ids  # bury lasts a day, suspend until undone
    coll.close()


def test_leech_suspends_by_default(make_ctx: MakeCtx, clock: ManualClock) -> None:
    coll = open_coll(make_ctx, leech_threshold=2, new_per_day=1)
    session = ReviewSession(coll)
    card = session.next_card()
    assert card is not None
    session.answer(Rating.EASY)
    lapses = 0
    while lapses < 2:
        clock.now += timedelta(days=30)
        session = ReviewSession(coll)
        nxt = session.next_card()
        assert nxt is not None and nxt.id == card.id
        outcome = session.answer(Rating.AGAIN)
        lapses += 1
        if lapses < 2:
            clock.now += timedelta(minutes=11)
            assert session.next_card() is not None
            session.answer(Rating.GOOD)
    assert outcome.leech and outcome.suspended
    stored = coll.repo.card(card.id)
    assert stored.flags.leech and stored.flags.suspended
    coll.close()


def test_daily_new_limit_and_counts(make_ctx: MakeCtx, clock: ManualClock) -> None:
    coll = open_coll(make_ctx, new_per_day=2)
    session = ReviewSession(coll)
    assert session.counts().new == 2
    for _ in range(2):
        assert session.next_card() is not None
        session.answer(Rating.EASY)
    assert session.next_card() is None
    assert session.counts().new == 0
    clock.now += timedelta(days=1)
    assert ReviewSession(coll).counts().new == 2
    coll.close()


def test_refuses_files_that_are_not_ours(tmp_path: Path) -> None:
    bogus = tmp_path / "studyaws.db"
    bogus.write_text("hello, I am a text file")
    with pytest.raises(DatabaseError, match="not a studyaws database"):
        open_database(bogus)

    newer = tmp_path / "newer" / "studyaws.db"
    newer.parent.mkdir()
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.execute("INSERT INTO alembic_version VALUES ('9999')")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="newer studyaws"):
        open_database(newer)
