"""Write tests/fixtures/schema/<revision>.sql: a populated database at the current schema revision.

It holds reviews, a suspended card and (from schema 0003) a few calculator drill answers, right and wrong.

Run once per released schema (before the next migration lands) and commit the output; the upgrade tests
open every fixture with the current code and check that no history was lost.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyaws.config import Settings  # noqa: E402
from studyaws.core.types import Rating  # noqa: E402
from studyaws.paths import resolve  # noqa: E402
from studyaws.service.collection import Collection, open_collection  # noqa: E402
from studyaws.service.context import AppContext  # noqa: E402
from studyaws.service.drills import LETTERS, DrillSession  # noqa: E402
from studyaws.service.session import ReviewSession  # noqa: E402
from studyaws.storage.schema_version import HEAD  # noqa: E402


def main() -> None:
    now = [datetime(2026, 11, 24, 9, 0, tzinfo=UTC)]
    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext(
            paths=resolve({"STUDYAWS_HOME": tmp}),
            settings=Settings(),
            clock=lambda: now[0],
            rng=random.Random(1),
            deck_dirs=[ROOT / "tests" / "fixtures"],
        )
        coll = open_collection(ctx)
        ratings = [Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.HARD]
        for day in range(6):
            session = ReviewSession(coll)
            for i in range(8):
                if session.next_card() is None:
                    break
                session.answer(ratings[(day + i) % 4], duration_ms=4000)
                now[0] += timedelta(minutes=3)
            now[0] += timedelta(days=1)
        session = ReviewSession(coll)
        if session.next_card() is not None:
            session.suspend()
        record_drills(coll, now)
        record_practice(coll, now)
        coll.close()
        conn = sqlite3.connect(ctx.paths.db)
        out = ROOT / "tests" / "fixtures" / "schema" / f"{HEAD}.sql"
        out.write_text("\n".join(conn.iterdump()) + "\n", encoding="utf-8")
        reviews = conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0]
        drills = conn.execute("SELECT COUNT(*) FROM drill_log").fetchone()[0]
        answers = conn.execute("SELECT COUNT(*) FROM question_answers").fetchone()[0]
        print(f"wrote {out} ({reviews} reviews, {drills} drill answers, {answers} question answers)")


def record_drills(coll: Collection, now: list[datetime]) -> None:
    """Answer a few drills over two days: right and wrong, typed and multiple choice."""
    drills = DrillSession(coll)
    plan = [
        ("dynamodb-read", False, True),
        ("xray-sampling", False, False),
        ("dynamodb-read", False, True),
        ("kinesis-shards", True, True),
        ("lambda-concurrency", True, False),
    ]
    for day in range(2):
        for seed, (kind, choice, right) in enumerate(plan, start=1 + day * len(plan)):
            problem = drills.problem(kind, seed, choice)
            answer = problem.inputs.calculate().answer
            if choice:
                index = problem.correct_index if right else (problem.correct_index or 0) + 1
                typed = LETTERS[(index or 0) % len(problem.options)]
            else:
                typed = str(answer) if right else str(answer + 1)
            drills.answer(problem, typed, duration_ms=12_000)
            now[0] += timedelta(minutes=2)
        now[0] += timedelta(days=1)


def record_practice(coll: Collection, now: list[datetime]) -> None:
    """(From schema 0004.) Three quiz answers, one submitted mock exam and one left unfinished."""
    from studyaws.service.exam import ExamSession
    from studyaws.service.quiz import QuizSession

    clock = [1000.0]
    quiz = QuizSession(coll, count=3, version="dva-c03")
    for i in range(3):
        q = quiz.current
        assert q is not None
        quiz.answer(q.right if i != 1 else frozenset(sorted(set(q.letters) - q.right)[: q.choose]), 9000)
    done = ExamSession.start(coll, "dva-c03", count=4, mono=lambda: clock[0])
    for i in range(3):
        done.goto(i)
        done.answer(
            done.question.right
            if i
            else frozenset(sorted(set(done.question.letters) - done.question.right)[: done.question.choose])
        )
    done.toggle_flag()
    clock[0] += 120
    done.submit()
    now[0] += timedelta(hours=1)
    left = ExamSession.start(coll, "dva-c03", count=3, mono=lambda: clock[0])
    left.answer(left.question.right)
    clock[0] += 30
    left.save()


if __name__ == "__main__":
    main()
