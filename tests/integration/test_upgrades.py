"""Databases made by every earlier schema open with their history intact (one fixture per revision)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from studyaws.core.sm2 import replay
from studyaws.service.collection import open_collection
from studyaws.service.context import AppContext
from studyaws.storage.db import backup
from studyaws.storage.schema_version import HEAD

SCHEMAS = sorted((Path(__file__).parent.parent / "fixtures" / "schema").glob("*.sql"))


def test_there_is_a_fixture_for_the_current_schema() -> None:
    assert any(p.stem == HEAD for p in SCHEMAS), "run scripts/make_schema_fixture.py and commit the output"


@pytest.mark.parametrize("dump", SCHEMAS, ids=lambda p: p.stem)
def test_old_database_opens_with_history(dump: Path, make_ctx: Callable[..., AppContext]) -> None:
    ctx = make_ctx()
    ctx.paths.data.mkdir(parents=True)
    conn = sqlite3.connect(ctx.paths.db)
    conn.executescript(dump.read_text(encoding="utf-8"))
    before = conn.execute("SELECT card_id, reviewed_at, rating FROM review_log ORDER BY id").fetchall()
    states = conn.execute(
        "SELECT uid, phase, due, interval, ease, reps, lapses FROM cards ORDER BY uid"
    ).fetchall()
    conn.close()
    assert len(before) > 20

    coll = open_collection(ctx)
    with coll.engine.connect() as c:
        after = c.exec_driver_sql(
            "SELECT card_id, reviewed_at, rating FROM review_log ORDER BY id"
        ).fetchall()
        now = c.exec_driver_sql(
            "SELECT uid, phase, due, interval, ease, reps, lapses FROM cards ORDER BY uid"
        ).all()
        ids = [r[0] for r in c.exec_driver_sql("SELECT DISTINCT card_id FROM review_log")]
    assert [tuple(r) for r in after] == before
    assert [tuple(r) for r in now] == states
    for card_id in ids:
        assert replay(coll.scheduler, coll.repo.review_records(card_id)) == coll.repo.card(card_id).state
    backups = list((ctx.paths.data / "backups").glob("*.db"))
    assert (len(backups) == 1) == (dump.stem != HEAD)  # a backup precedes every real migration
    coll.close()


def test_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    db = tmp_path / "studyaws.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(100)])
    conn.commit()
    conn.close()
    copies = [backup(db, "0001") for _ in range(7)]
    assert sqlite3.connect(copies[-1]).execute("SELECT COUNT(*) FROM t").fetchone()[0] == 100
    assert len(list((tmp_path / "backups").glob("*.db"))) <= 5
