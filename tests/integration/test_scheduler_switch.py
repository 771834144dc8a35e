"""Switching between SM-2 and FSRS on a real, populated SQLite collection: nothing is lost either way."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from studyaws.config import Settings
from studyaws.core.fsrs_sched import Fsrs, memory_from_log
from studyaws.core.types import Phase, Rating
from studyaws.service import memory
from studyaws.service.collection import open_collection
from studyaws.service.context import AppContext
from studyaws.service.session import ReviewSession
from studyaws.storage.repo import Repository
from tests.conftest import ManualClock

MakeCtx = Callable[..., AppContext]
COLUMNS = "id, phase, due, interval, ease, reps, lapses, remaining_steps"


def study(ctx: AppContext, clock: ManualClock, days: int, ratings: list[Rating]) -> int:
    """Answer whatever is due, day after day (learning steps included), cycling through `ratings`."""
    answered = 0
    for _ in range(days):
        coll = open_collection(ctx)
        session = ReviewSession(coll)
        for _ in range(60):
            card = session.next_card()
            if card is None:
                break
            clock.now = max(clock.now, card.state.due_at or clock.now)
            session.answer(ratings[answered % len(ratings)], duration_ms=6000)
            answered += 1
        coll.close()
        clock.now += timedelta(days=1)
    return answered


def rows(db: Path, columns: str = COLUMNS) -> dict[int, tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return {r[0]: r[1:] for r in conn.execute(f"SELECT {columns} FROM cards ORDER BY id")}
    finally:
        conn.close()


def test_switch_to_fsrs_and_back_keeps_everything(make_ctx: MakeCtx, clock: ManualClock) -> None:
    ctx = make_ctx(new_per_day=6)
    pattern = [Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.HARD, Rating.EASY, Rating.GOOD]
    assert study(ctx, clock, 12, pattern) > 20
    db = ctx.paths.db
    before = rows(db)
    log_before = sqlite3.connect(db).execute("SELECT * FROM review_log ORDER BY id").fetchall()
    assert all(s is None for (s,) in rows(db, "id, stability").values())

    message = memory.switch_scheduler(ctx, ctx.settings._replace(scheduler="fsrs"))
    assert ctx.settings.scheduler == "fsrs"
    assert "FSRS memory state rebuilt" in message and "6 cards" in message
    assert rows(db) == before  # due dates, intervals, ease: untouched
    coll = open_collection(ctx)
    repo = Repository(coll.engine)
    for card_id, (phase, *_rest) in before.items():
        card = repo.card(card_id)
        if phase == Phase.NEW.value:
            assert card.state.stability is None
            continue
        expected = memory_from_log(Fsrs(), repo.review_records(card_id))
        assert (card.state.stability, card.state.difficulty) == (expected.stability, expected.difficulty)
    coll.close()

    # Study with FSRS: each answer moves the memory state exactly as a replay of the log does.
    study(ctx, clock, 5, pattern)
    coll = open_collection(ctx)
    repo = Repository(coll.engine)
    memories = {}
    for card_id in before:
        card = repo.card(card_id)
        if card.state.phase is not Phase.NEW:
            replayed = memory_from_log(Fsrs(), repo.review_records(card_id))
            assert (card.state.stability, card.state.difficulty) == (replayed.stability, replayed.difficulty)
            memories[card_id] = (card.state.stability, card.state.difficulty)
    coll.close()

    during = rows(db)
    memory.switch_scheduler(ctx, ctx.settings._replace(scheduler="sm2"))
    assert rows(db) == during  # SM-2 takes over every interval and due date as they are
    assert all(s is None for (s,) in rows(db, "id, stability").values())
    log_after = sqlite3.connect(db).execute("SELECT * FROM review_log ORDER BY id").fetchall()
    assert log_after[: len(log_before)] == log_before and len(log_after) > len(log_before)

    # And back to FSRS: the same memory states, rebuilt from the log alone.
    memory.switch_scheduler(ctx, ctx.settings._replace(scheduler="fsrs"))
    assert {k: v for k, v in rows(db, "id, stability, difficulty").items() if v[0] is not None} == memories


def test_fsrs_chosen_in_the_file_is_replayed_at_open(make_ctx: MakeCtx, clock: ManualClock) -> None:
    """config.toml edited by hand: the next open builds the missing memory states (and only those)."""
    ctx = make_ctx(new_per_day=4)
    study(ctx, clock, 4, [Rating.GOOD])
    ctx.settings = ctx.settings._replace(scheduler="fsrs")
    coll = open_collection(ctx)
    assert isinstance(coll.scheduler, Fsrs)
    coll.close()
    memories = rows(ctx.paths.db, "id, phase, stability")
    assert all((phase == "new") == (s is None) for phase, s in memories.values())
    # Back to SM-2 by hand: stale memory states would mislead predicted recall, so they go.
    ctx.settings = ctx.settings._replace(scheduler="sm2")
    open_collection(ctx).close()
    assert all(s is None for _, s in rows(ctx.paths.db, "id, phase, stability").values())


def test_undo_restores_the_memory_state(make_ctx: MakeCtx, clock: ManualClock) -> None:
    ctx = make_ctx(scheduler="fsrs", fuzz=False)
    coll = open_collection(ctx)
    session = ReviewSession(coll)
    card = session.next_card()
    assert card is not None
    session.answer(Rating.GOOD)
    clock.now += timedelta(minutes=10)
    assert session.next_card() is not None
    first = coll.repo.card(card.id).state
    session.answer(Rating.GOOD)
    assert coll.repo.card(card.id).state.stability != first.stability or first.phase is not Phase.REVIEW
    session.undo()
    assert coll.repo.card(card.id).state == first
    coll.close()


def test_undo_entries_from_before_fsrs_still_restore(make_ctx: MakeCtx) -> None:
    """An undo entry written by an older version has no stability/difficulty: it restores them as NULL."""
    ctx = make_ctx()
    coll = open_collection(ctx)
    session = ReviewSession(coll)
    card = session.next_card()
    assert card is not None
    session.answer(Rating.GOOD)
    conn = sqlite3.connect(ctx.paths.db)
    prev = conn.execute("SELECT prev FROM undo").fetchone()[0]
    old = prev.replace(', "stability": null, "difficulty": null', "")
    assert old != prev
    conn.execute("UPDATE undo SET prev = ?", (old,))
    conn.commit()
    conn.close()
    assert session.undo() is not None
    assert coll.repo.card(card.id).state.phase is Phase.NEW
    coll.close()


def test_scheduler_setting_builds_the_scheduler(make_ctx: MakeCtx) -> None:
    from studyaws.core.sm2 import Sm2
    from studyaws.service.collection import scheduler_for

    assert isinstance(scheduler_for(make_ctx()), Sm2)
    fsrs = scheduler_for(make_ctx(scheduler="fsrs", desired_retention=0.85))
    assert isinstance(fsrs, Fsrs) and fsrs.p.desired_retention == 0.85
    assert Settings().scheduler == "sm2" and Settings().desired_retention == 0.9
