"""Quiz and mock exam on a real SQLite file: saved after every change, resumed with the time left, timed out,
and wrong answers bringing flashcards back."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from studyaws.core.types import Rating
from studyaws.errors import StudyawsError
from studyaws.service.collection import Collection, open_collection
from studyaws.service.context import AppContext
from studyaws.service.exam import ExamSession, load_attempt
from studyaws.service.quiz import QuizSession
from studyaws.service.session import ReviewSession
from studyaws.storage import practice_repo
from tests.conftest import FIXTURES, ManualClock

MakeCtx = Callable[..., AppContext]


class Mono:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def coll(make_ctx: MakeCtx, deck_dir: Path) -> Collection:
    (deck_dir / "questions").mkdir()
    shutil.copy(FIXTURES / "questions" / "mini_bank.yaml", deck_dir / "questions")
    return open_collection(make_ctx(exam_version="dva-c03"))


def right_answer(session: ExamSession) -> frozenset[str]:
    return session.question.right


def test_exam_saves_every_answer_and_resumes_with_the_time_left(coll: Collection) -> None:
    mono = Mono()
    exam = ExamSession.start(coll, count=6, mono=mono)
    assert exam.attempt.time_limit_ms == 12 * 60_000  # 130 min x 6/65
    exam.answer(right_answer(exam))
    exam.goto(1)
    exam.toggle_flag()
    mono.t += 90  # 90 s later the app is killed: nothing but the database survives
    exam.answer(frozenset("A") if exam.question.kind == "single" else frozenset("AB"))
    later = Mono()
    later.t = 99_999.0  # a new process: another monotonic origin, and wall time in between does not count
    resumed = ExamSession.resume(coll, mono=later)
    assert resumed is not None
    assert resumed.attempt.question_ids == exam.attempt.question_ids
    assert resumed.attempt.answers == exam.attempt.answers
    assert resumed.attempt.flags == {exam.attempt.question_ids[1]}
    assert resumed.attempt.position == 1
    assert resumed.time_left_ms() == 12 * 60_000 - 90_000


def test_time_out_submits_the_exam(coll: Collection) -> None:
    mono = Mono()
    exam = ExamSession.start(coll, count=3, mono=mono)
    exam.answer(right_answer(exam))
    mono.t += 6 * 60  # the 6-minute limit passes
    assert exam.check_time()
    assert exam.finished and exam.attempt.timed_out
    assert exam.result is not None and exam.result.correct == 1 and exam.result.timed_out
    assert ExamSession.resume(coll) is None
    rows = practice_repo.history(coll.engine)
    assert rows[0].timed_out and rows[0].correct == 1 and rows[0].total == 3
    # An answer after time is up is not taken.
    with pytest.raises(ValueError, match="submitted"):
        exam.attempt.answer(exam.attempt.current, frozenset("A"))


def test_answering_after_the_deadline_submits_instead(coll: Collection) -> None:
    mono = Mono()
    exam = ExamSession.start(coll, count=2, mono=mono)
    mono.t += 10_000
    exam.answer(right_answer(exam))
    assert exam.finished and exam.attempt.answers == {}


def test_submit_records_every_question_and_review_explains_them(coll: Collection) -> None:
    exam = ExamSession.start(coll, count=5, mono=Mono())
    for i in range(5):
        exam.goto(i)
        if i % 2 == 0:
            exam.answer(right_answer(exam))
    result = exam.submit()
    assert (result.correct, result.total, result.unanswered) == (3, 5, 2)
    assert len(practice_repo.answers_since(coll.engine, 0)) == 5
    again = load_attempt(coll, exam.attempt.id or 0)
    assert again.result is not None and again.result.correct == 3
    items = again.review()
    assert [item.correct for item in items] == [True, False, True, False, True]
    assert all(item.question.options[0].why for item in items)


def test_only_one_exam_runs_at_a_time(coll: Collection) -> None:
    ExamSession.start(coll, count=2, mono=Mono())
    with pytest.raises(StudyawsError, match="already in progress"):
        ExamSession.start(coll, count=2, mono=Mono())


def test_section_practice_draws_one_domain(coll: Collection) -> None:
    exam = ExamSession.start(coll, domain="2", mono=Mono())
    assert exam.attempt.mode == "section"
    assert len(exam.attempt.question_ids) == 3  # all the fixture has; a real bank gives 17 (26 % of 65)
    assert {exam.bank[q].domain["dva-c03"] for q in exam.attempt.question_ids} == {"2"}
    with pytest.raises(StudyawsError, match="no domain '9'"):
        ExamSession.start(coll, domain="9", mono=Mono())


def test_a_wrong_quiz_answer_brings_cards_on_its_task_back_and_comes_first_next_time(
    coll: Collection, clock: ManualClock
) -> None:
    from datetime import timedelta

    # Graduate every card to review so there is something to bring forward.
    session = ReviewSession(coll)
    while session.next_card() is not None:
        session.answer(Rating.EASY)
    clock.now += timedelta(hours=1)
    due_before = ReviewSession(coll).counts().review
    quiz = QuizSession(coll, count=12)
    tasks_missed = set()
    for _ in range(12):
        q = quiz.current
        assert q is not None
        wrong = frozenset(sorted(set(q.letters) - q.right)[: q.choose])
        feedback = quiz.answer(wrong)
        assert not feedback.correct
        tasks_missed.add(q.task["dva-c03"])
    due_after = ReviewSession(coll).counts().review
    assert due_after > due_before  # cards tagged with a missed task are due today
    # Missed questions come first next time.
    first = QuizSession(coll, count=3)
    assert practice_repo.last_wrong(coll.engine)[first.questions[0].uid]


def test_an_attempt_whose_questions_left_the_bank_does_not_block_a_new_exam(
    coll: Collection, deck_dir: Path
) -> None:
    ExamSession.start(coll, count=2, mono=Mono())
    (deck_dir / "questions" / "mini_bank.yaml").unlink()
    assert ExamSession.resume(coll) is None
    rows = practice_repo.history(coll.engine)
    assert rows[0].status == "submitted" and rows[0].total is None
    with pytest.raises(StudyawsError, match="no questions for dva-c03"):
        ExamSession.start(coll, count=2, mono=Mono())


def test_0004_fixture_keeps_practice_history_and_its_unfinished_exam(
    make_ctx: MakeCtx, deck_dir: Path
) -> None:
    """A database from schema 0004 opens with its answers, scores and the unfinished exam intact (this test
    keeps that true through every later migration)."""
    from tests.integration.test_drills_storage import load_fixture

    (deck_dir / "questions").mkdir()
    shutil.copy(FIXTURES / "questions" / "mini_bank.yaml", deck_dir / "questions")
    ctx = make_ctx(exam_version="dva-c03")
    load_fixture(ctx, "0004")
    coll = open_collection(ctx)
    try:
        rows = practice_repo.history(coll.engine)
        assert [(r.status, r.correct, r.total) for r in rows] == [("active", None, None), ("submitted", 2, 4)]
        assert len(practice_repo.answers_since(coll.engine, 0)) == 7
        left = ExamSession.resume(coll, mono=Mono())
        assert left is not None and len(left.attempt.answers) == 1
        assert left.time_left_ms() == left.attempt.time_limit_ms - 30_000
        done = load_attempt(coll, rows[1].id)
        assert done.result is not None and done.result.correct == 2
        assert sum(item.flagged for item in done.review()) == 1
    finally:
        coll.close()
