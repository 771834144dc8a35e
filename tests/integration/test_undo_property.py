"""Hypothesis: any sequence of answers, suspends, buries and flags, undone step by step, restores every
intermediate state exactly, on a real SQLite file."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyaws.config import Settings
from studyaws.core.types import Rating
from studyaws.paths import resolve
from studyaws.service.collection import open_collection
from studyaws.service.context import AppContext
from studyaws.service.session import ReviewSession
from tests.conftest import FIXTURES, ManualClock

OPS = st.lists(
    st.tuples(st.sampled_from(["1", "2", "3", "4", "s", "b", "f"]), st.integers(min_value=0, max_value=3000)),
    min_size=1,
    max_size=12,
)


def snapshot(path: Path) -> tuple[list[tuple[object, ...]], int]:
    import sqlite3

    conn = sqlite3.connect(path)
    cards = conn.execute(
        "SELECT id, phase, due, interval, ease, reps, lapses, remaining_steps, suspended, buried_until, "
        "flag, leech FROM cards ORDER BY id"
    ).fetchall()
    reviews = conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0]
    conn.close()
    return cards, reviews


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_undo_restores_every_prior_state(ops: list[tuple[str, int]], tmp_path_factory: object) -> None:
    home = tmp_path_factory.mktemp("undo")  # type: ignore[attr-defined]
    clock = ManualClock()
    ctx = AppContext(
        paths=resolve({"STUDYAWS_HOME": str(home)}),
        settings=Settings(new_per_day=100),
        clock=clock,
        rng=random.Random(1),
        deck_dirs=[FIXTURES],
    )
    coll = open_collection(ctx)
    session = ReviewSession(coll)
    history = [snapshot(ctx.paths.db)]
    for op, minutes in ops:
        clock.now += timedelta(minutes=minutes)
        if session.next_card() is None:
            break
        if op in "1234":
            session.answer(Rating(int(op)))
        elif op == "s":
            session.suspend()
        elif op == "b":
            session.bury()
        else:
            session.toggle_flag()
        history.append(snapshot(ctx.paths.db))
    while len(history) > 1:
        history.pop()
        assert session.undo() is not None
        assert snapshot(ctx.paths.db) == history[-1]
    assert session.undo() is None
    coll.close()
