"""Drill storage on a real SQLite file: migration 0003 from older fixtures, round trips, one transaction
per answer, and the per-kind schedule."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from studyaws.core.sm2 import Sm2
from studyaws.core.types import Phase, SchedState
from studyaws.service.collection import Collection, open_collection
from studyaws.service.context import AppContext
from studyaws.service.drills import DrillSession
from studyaws.storage.drills_repo import DrillEntry, DrillsRepo
from studyaws.storage.schema_version import HEAD
from tests.conftest import ManualClock

MakeCtx = Callable[..., AppContext]
SCHEMA = Path(__file__).parent.parent / "fixtures" / "schema"


def load_fixture(ctx: AppContext, revision: str) -> None:
    ctx.paths.data.mkdir(parents=True)
    conn = sqlite3.connect(ctx.paths.db)
    conn.executescript((SCHEMA / f"{revision}.sql").read_text(encoding="utf-8"))
    conn.close()


def replayed(scheduler: Sm2, repo: DrillsRepo, kind: str) -> SchedState:
    """A kind's state rebuilt from its drill_log rows alone."""
    state = SchedState()
    for logged in repo.log(kind):
        state = scheduler.answer(state, logged.rating, logged.answered_at, logged.day, logged.fuzz).state
    return state


def answer(session: DrillSession, kind: str, seed: int, right: bool) -> None:
    problem = session.problem(kind, seed)
    value = problem.inputs.calculate().answer
    outcome = session.answer(problem, str(value) if right else "987654321", duration_ms=3000)
    assert outcome.correct is right


def test_0002_database_upgrades_to_head_with_a_backup_and_empty_drill_tables(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    load_fixture(ctx, "0002")
    coll = open_collection(ctx)
    try:
        backups = list(ctx.paths.backups.glob("*schema0002*.db"))
        assert len(backups) == 1
        old = sqlite3.connect(backups[0])
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
        old.close()
        with coll.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM drill_log").scalar() == 0
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM drill_kinds").scalar() == 0
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        session = DrillSession(coll)
        answer(session, "dynamodb-read", 1, right=True)
        assert [k.kind for k in session.kinds() if k.phase is Phase.LEARNING] == ["dynamodb-read"]
    finally:
        coll.close()


def test_0003_fixture_keeps_its_drill_history_and_states_replay(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    load_fixture(ctx, "0003")
    coll = open_collection(ctx)
    try:
        repo = DrillsRepo(coll.engine)
        log = repo.log()
        assert len(log) >= 8
        assert {e.entry.correct for e in log} == {True, False}
        assert any(e.entry.choice for e in log) and any(e.entry.mistake for e in log)
        kinds = repo.kinds()
        assert sum(k.right + k.wrong for k in kinds.values()) == len(log)
        for kind, stored in kinds.items():
            assert replayed(coll.scheduler, repo, kind) == stored.state
    finally:
        coll.close()


def test_drill_log_and_kinds_round_trip(make_ctx: MakeCtx, clock: ManualClock) -> None:
    coll = open_collection(make_ctx(), sync=False)
    try:
        session = DrillSession(coll)
        problem = session.problem("lambda-concurrency", 7)
        outcome = session.answer(problem, " 1,000 ", duration_ms=1234)
        repo = DrillsRepo(coll.engine)
        (logged,) = repo.log()
        assert logged.id == outcome.log_id
        assert logged.answered_at == clock.now and logged.day == coll.ctx.today()
        entry = logged.entry
        assert (entry.kind, entry.seed, entry.given, entry.choice, entry.duration_ms) == (
            "lambda-concurrency",
            7,
            "1,000",
            False,
            1234,
        )
        assert entry.given_value == "1000" and entry.correct is outcome.correct
        assert '"rps"' in entry.inputs and '"duration"' in entry.inputs
        stored = repo.kinds()["lambda-concurrency"]
        assert stored.state == replayed(coll.scheduler, repo, "lambda-concurrency")
        assert (stored.right, stored.wrong) == ((1, 0) if outcome.correct else (0, 1))
    finally:
        coll.close()


def test_answer_is_committed_before_it_returns(make_ctx: MakeCtx) -> None:
    coll = open_collection(make_ctx(), sync=False)
    try:
        answer(DrillSession(coll), "s3-prefixes", 3, right=False)
        other = sqlite3.connect(coll.ctx.paths.db)  # a separate connection sees only committed rows
        assert other.execute("SELECT kind, correct FROM drill_log").fetchall() == [("s3-prefixes", 0)]
        assert other.execute("SELECT phase FROM drill_kinds").fetchall() == [("learning",)]
        other.close()
    finally:
        coll.close()


def test_one_begin_immediate_transaction_per_answer(make_ctx: MakeCtx) -> None:
    coll = open_collection(make_ctx(), sync=False)
    begins: list[str] = []
    commits: list[int] = []

    def on_execute(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("BEGIN"):
            begins.append(statement)

    event.listen(coll.engine, "before_cursor_execute", on_execute)
    event.listen(coll.engine, "commit", lambda _conn: commits.append(1))
    try:
        session = DrillSession(coll)
        problems = [session.problem("sqs-batches", seed) for seed in (1, 2, 3)]
        begins.clear()
        commits.clear()
        for problem in problems:
            session.answer(problem, str(problem.inputs.calculate().answer))
        assert begins == ["BEGIN IMMEDIATE"] * 3
        assert len(commits) == 3
    finally:
        coll.close()


def test_a_failed_answer_writes_nothing(make_ctx: MakeCtx) -> None:
    coll = open_collection(make_ctx(), sync=False)
    try:
        repo = DrillsRepo(coll.engine)
        entry = DrillEntry("kms-encrypt", 1, "{}", False, "0", "0", "0", True, None, 10)

        def boom(_state: SchedState) -> object:
            raise RuntimeError("power cut")

        with pytest.raises(RuntimeError):
            repo.record(entry, boom)  # type: ignore[arg-type]
        assert repo.log() == [] and repo.kinds() == {}
    finally:
        coll.close()


def test_due_kinds_and_next_kind(make_ctx: MakeCtx, clock: ManualClock) -> None:
    coll: Collection = open_collection(make_ctx(fuzz=False), sync=False)
    try:
        session = DrillSession(coll)
        assert session.due_kinds() == [] and session.next_kind() == "dynamodb-read"  # all new: first kind
        for kind in ("kinesis-shards", "xray-sampling"):
            answer(session, kind, 1, right=True)
        clock.now += timedelta(minutes=15)
        for kind in ("kinesis-shards", "xray-sampling"):
            answer(session, kind, 2, right=True)  # graduate: due tomorrow
        clock.now += timedelta(days=1)
        # Equally due reviews of equal ease go in KINDS order.
        assert [k.kind for k in session.due_kinds()] == ["xray-sampling", "kinesis-shards"]
        answer(session, "kinesis-shards", 3, right=True)
        answer(session, "xray-sampling", 3, right=False)
        assert session.due_kinds() == [] and session.next_kind() == "dynamodb-read"  # nothing due: a new one
        clock.now += timedelta(minutes=11)
        assert [k.kind for k in session.due_kinds()] == ["xray-sampling"]
        assert session.next_kind() == "xray-sampling"
        statuses = {k.kind: k for k in session.kinds()}
        assert statuses["kinesis-shards"].interval > statuses["xray-sampling"].interval
        assert statuses["xray-sampling"].lapses == 1 and statuses["xray-sampling"].wrong == 1
    finally:
        coll.close()
