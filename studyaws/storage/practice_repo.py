"""Exam attempts and question answers in the database; every save is one short write transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text, update

from studyaws.core.mockexam import Attempt
from studyaws.core.questions import format_choice, read_choice
from studyaws.storage.models import ExamAttemptRow, QuestionAnswerRow, table

attempts_t = table(ExamAttemptRow)
answers_t = table(QuestionAnswerRow)


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One row of question_answers, as readiness and the quiz order need it."""

    question_id: str
    correct: bool
    answered_at: int
    mode: str


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    id: int
    version: str
    mode: str
    domain: str | None
    status: str
    started_at: int
    submitted_at: int | None
    correct: int | None
    total: int | None
    scaled: int | None
    timed_out: bool

    def describe(self) -> str:
        """What was taken and how it went, e.g. "mock exam: 41/65, scaled ≈668 (timed out)"."""
        what = f"section {self.domain}" if self.mode == "section" else "mock exam"
        if self.status == "active":
            return f"{what}: in progress"
        if self.total is None:
            return f"{what}: not scored (its questions are no longer in the bank)"
        late = " (timed out)" if self.timed_out else ""
        return f"{what}: {self.correct}/{self.total}, scaled ≈{self.scaled}{late}"


def _write(engine: Engine) -> Connection:
    return engine.connect().execution_options(sqlite_immediate=True)


def _values(a: Attempt, now_ms: int) -> dict[str, Any]:
    return {
        "version": a.version,
        "mode": a.mode,
        "domain": a.domain,
        "question_ids": json.dumps(list(a.question_ids)),
        "answers": json.dumps({q: format_choice(c) for q, c in a.answers.items()}),
        "flags": json.dumps(sorted(a.flags)),
        "position": a.position,
        "time_limit_ms": a.time_limit_ms,
        "remaining_ms": a.remaining_ms,
        "status": a.status,
        "timed_out": a.timed_out,
        "updated_at": now_ms,
    }


def _attempt(row: Any) -> Attempt:
    return Attempt(
        id=row.id,
        version=row.version,
        mode=row.mode,
        domain=row.domain,
        question_ids=tuple(json.loads(row.question_ids)),
        answers={q: read_choice(c) for q, c in json.loads(row.answers).items()},
        flags=set(json.loads(row.flags)),
        position=row.position,
        time_limit_ms=row.time_limit_ms,
        remaining_ms=row.remaining_ms,
        status=row.status,
        timed_out=bool(row.timed_out),
    )


def create(engine: Engine, attempt: Attempt, now_ms: int) -> int:
    with _write(engine) as conn, conn.begin():
        values = _values(attempt, now_ms) | {"started_at": now_ms}
        new_id = conn.execute(insert(attempts_t).values(**values)).inserted_primary_key
    assert new_id is not None
    attempt.id = int(new_id[0])
    return attempt.id


def save(engine: Engine, attempt: Attempt, now_ms: int) -> None:
    assert attempt.id is not None
    with _write(engine) as conn, conn.begin():
        conn.execute(
            update(attempts_t).where(attempts_t.c.id == attempt.id).values(**_values(attempt, now_ms))
        )


def submit(
    engine: Engine,
    attempt: Attempt,
    graded: list[tuple[str, bool]],
    result: tuple[int, int, int],
    now_ms: int,
    day: int,
) -> None:
    """Store the submitted attempt and one question_answers row per question, in one transaction."""
    assert attempt.id is not None
    correct, total, scaled = result
    rows = [
        {
            "question_id": qid,
            "attempt_id": attempt.id,
            "mode": attempt.mode,
            "chosen": format_choice(attempt.answers.get(qid, frozenset())),
            "correct": ok,
            "answered_at": now_ms,
            "day": day,
            "duration_ms": 0,
        }
        for qid, ok in graded
    ]
    with _write(engine) as conn, conn.begin():
        values = _values(attempt, now_ms) | {
            "submitted_at": now_ms,
            "correct": correct,
            "total": total,
            "scaled": scaled,
        }
        conn.execute(update(attempts_t).where(attempts_t.c.id == attempt.id).values(**values))
        if rows:
            conn.execute(insert(answers_t), rows)


def load(engine: Engine, attempt_id: int) -> Attempt | None:
    with engine.connect() as conn:
        row = conn.execute(select(attempts_t).where(attempts_t.c.id == attempt_id)).first()
    return None if row is None else _attempt(row)


def active(engine: Engine) -> Attempt | None:
    """The newest unfinished attempt, if any."""
    with engine.connect() as conn:
        query = select(attempts_t).where(attempts_t.c.status == "active").order_by(attempts_t.c.id.desc())
        row = conn.execute(query.limit(1)).first()
    return None if row is None else _attempt(row)


def history(engine: Engine, limit: int = 50) -> list[AttemptSummary]:
    cols = [attempts_t.c[name] for name in AttemptSummary.__slots__]
    with engine.connect() as conn:
        rows = conn.execute(select(*cols).order_by(attempts_t.c.id.desc()).limit(limit)).all()
    names: tuple[str, ...] = AttemptSummary.__slots__
    return [
        AttemptSummary(**{**dict(zip(names, r, strict=True)), "timed_out": bool(r.timed_out)}) for r in rows
    ]


def record_answer(
    engine: Engine, qid: str, chosen: frozenset[str], correct: bool, now_ms: int, day: int, duration_ms: int
) -> None:
    """A quiz answer: stored at once, so a killed quiz loses nothing already answered."""
    with _write(engine) as conn, conn.begin():
        conn.execute(
            insert(answers_t).values(
                question_id=qid,
                attempt_id=None,
                mode="quiz",
                chosen=format_choice(chosen),
                correct=correct,
                answered_at=now_ms,
                day=day,
                duration_ms=duration_ms,
            )
        )


def answer_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        query = select(answers_t.c.question_id, func.count()).group_by(answers_t.c.question_id)
        return {qid: n for qid, n in conn.execute(query)}


def answers_since(engine: Engine, since_ms: int) -> list[AnswerRecord]:
    with engine.connect() as conn:
        query = (
            select(answers_t.c.question_id, answers_t.c.correct, answers_t.c.answered_at, answers_t.c.mode)
            .where(answers_t.c.answered_at >= since_ms)
            .order_by(answers_t.c.id)
        )
        return [AnswerRecord(q, bool(c), at, m) for q, c, at, m in conn.execute(query)]


def last_wrong(engine: Engine) -> dict[str, bool]:
    """Question id → whether its latest answer was wrong."""
    with engine.connect() as conn:
        query = text(
            "SELECT question_id, correct FROM question_answers WHERE id IN "
            "(SELECT max(id) FROM question_answers GROUP BY question_id)"
        )
        return {qid: not bool(ok) for qid, ok in conn.execute(query)}


def pull_forward(engine: Engine, version: str, task: str, today: int, limit: int, now_ms: int) -> list[int]:
    """Make up to `limit` review cards on `task` due today (the least-known first: lowest ease, then the
    furthest due). Only `due` changes: the review log and intervals stay as they were."""
    tag = f'$.task."{version}"'
    with _write(engine) as conn, conn.begin():
        ids = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT id FROM cards WHERE phase = 'review' AND due > :today AND NOT suspended "
                    "AND NOT retired AND json_extract(content, :tag) = :task "
                    "ORDER BY ease, due DESC LIMIT :limit"
                ),
                {"today": today, "tag": tag, "task": task, "limit": limit},
            )
        ]
        if ids:
            conn.execute(
                text(f"UPDATE cards SET due = :today, modified_at = :now WHERE id IN ({_ids(ids)})"),
                {"today": today, "now": now_ms},
            )
    return ids


@dataclass(frozen=True, slots=True)
class CardTagRow:
    """A card's scheduling numbers and its domain/task for one exam version (for readiness)."""

    phase: str
    due: int
    interval: int
    reps: int
    domain: str | None
    task: str | None
    stability: float | None


def card_tags(engine: Engine, version: str) -> list[CardTagRow]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT phase, due, interval, reps, json_extract(content, :d), json_extract(content, :t), "
                "stability FROM cards WHERE NOT retired AND NOT suspended"
            ),
            {"d": f'$.domain."{version}"', "t": f'$.task."{version}"'},
        ).all()
    return [CardTagRow(*r) for r in rows]


def _ids(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids)
