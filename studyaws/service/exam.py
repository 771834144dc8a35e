"""A timed mock exam or section practice: drawn by blueprint weight, saved after every change, resumable."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from studyaws.core import examdraw
from studyaws.core.mockexam import Attempt, Countdown, ExamResult, score
from studyaws.core.questions import Question, is_correct
from studyaws.decks import blueprint
from studyaws.errors import StudyawsError
from studyaws.service.bank import by_id, load_questions
from studyaws.service.collection import Collection
from studyaws.service.quiz import exam_version
from studyaws.storage import practice_repo
from studyaws.storage.convert_light import to_ms
from studyaws.storage.errors import translate_errors

Monotonic = Callable[[], float]  # seconds, like time.monotonic


@dataclass(frozen=True, slots=True)
class ReviewItem:
    number: int
    question: Question
    chosen: frozenset[str]
    correct: bool
    flagged: bool


class ExamSession:
    """The attempt on screen. Every change is saved with the time left, so killing the app loses nothing."""

    def __init__(self, coll: Collection, attempt: Attempt, mono: Monotonic = time.monotonic) -> None:
        self.coll = coll
        self.ctx = coll.ctx
        self.attempt = attempt
        self.mono = mono
        self.bank = by_id(load_questions(self.ctx))
        # A question deleted from the bank since the attempt began drops out of it (and out of its score).
        kept = tuple(q for q in attempt.question_ids if q in self.bank)
        if not kept:
            raise StudyawsError(f"exam attempt {attempt.id}: none of its questions are in the bank any more")
        if kept != attempt.question_ids:
            attempt.question_ids = kept
            attempt.goto(attempt.position)
        self.countdown = Countdown(attempt.remaining_ms, mono() * 1000)
        self.result: ExamResult | None = None

    # -- starting --------------------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        coll: Collection,
        version: str | None = None,
        domain: str | None = None,
        count: int | None = None,
        mono: Monotonic = time.monotonic,
    ) -> ExamSession:
        """A new mock exam (all domains by weight) or section practice (`domain`)."""
        ctx = coll.ctx
        version = version or exam_version(coll)
        bp = blueprint.load(version)
        weights = {d.number: d.weight for d in bp.domains}
        full = bp.questions
        if domain is not None:
            if domain not in weights:
                raise StudyawsError(f"{version} has no domain '{domain}' (domains: {', '.join(weights)})")
            full = round(bp.questions * weights[domain] / 100)  # the domain's share of a real exam
            weights = {domain: 100}
        wanted = count if count is not None else full
        if wanted < 1:
            raise StudyawsError("--count must be at least 1")
        if cls.resume(coll, mono) is not None:
            raise StudyawsError(
                "an exam is already in progress: continue it with `studyaws exam --resume`, "
                "or submit it as it stands with `studyaws exam --abandon`"
            )
        with translate_errors(ctx.paths.db):
            seen = practice_repo.answer_counts(coll.engine)
        drawn = examdraw.draw(load_questions(ctx), version, weights, wanted, ctx.rng, seen)
        if not drawn:
            raise StudyawsError(f"the question bank has no questions for {version}")
        # The real pace: 130 minutes for 65 questions, so shorter practice gets proportionally less time.
        limit_ms = round(bp.minutes * 60_000 * len(drawn) / bp.questions)
        attempt = Attempt(
            version=version,
            mode="section" if domain else "mock",
            domain=domain,
            question_ids=tuple(q.uid for q in drawn),
            time_limit_ms=limit_ms,
            remaining_ms=limit_ms,
        )
        with translate_errors(ctx.paths.db):
            practice_repo.create(coll.engine, attempt, to_ms(ctx.now()))
        return cls(coll, attempt, mono)

    @classmethod
    def resume(cls, coll: Collection, mono: Monotonic = time.monotonic) -> ExamSession | None:
        with translate_errors(coll.ctx.paths.db):
            attempt = practice_repo.active(coll.engine)
            if attempt is None:
                return None
            bank = by_id(load_questions(coll.ctx))
            if not any(q in bank for q in attempt.question_ids):
                # Its questions were all removed from the bank (e.g. a user bank deleted): nothing to resume,
                # and it must not block a new exam. Closed unscored; its row stays in the history.
                attempt.submit()
                practice_repo.save(coll.engine, attempt, to_ms(coll.ctx.now()))
                return None
        return cls(coll, attempt, mono)

    # -- the clock -------------------------------------------------------------------------------------

    def time_left_ms(self) -> int:
        return self.countdown.left(self.mono() * 1000)

    def check_time(self) -> bool:
        """Submit when time has run out (the exam does this too). True when it did."""
        if self.attempt.status == "active" and self.time_left_ms() <= 0:
            self.submit(timed_out=True)
            return True
        return False

    # -- moving and answering --------------------------------------------------------------------------

    @property
    def question(self) -> Question:
        return self.bank[self.attempt.current]

    @property
    def finished(self) -> bool:
        return self.attempt.status != "active"

    def answer(self, chosen: frozenset[str]) -> None:
        if self.check_time():
            return
        self.attempt.answer(self.attempt.current, chosen)
        self.save()

    def toggle_flag(self) -> bool:
        flagged = self.attempt.toggle_flag(self.attempt.current)
        self.save()
        return flagged

    def goto(self, index: int) -> None:
        self.attempt.goto(index)
        self.save()

    def save(self) -> None:
        self.attempt.remaining_ms = self.time_left_ms()
        with translate_errors(self.ctx.paths.db):
            practice_repo.save(self.coll.engine, self.attempt, to_ms(self.ctx.now()))

    def submit(self, timed_out: bool = False) -> ExamResult:
        a = self.attempt
        if a.status == "active":
            a.remaining_ms = self.time_left_ms()
        a.submit(timed_out)
        bp = blueprint.load(a.version)
        result = score(a, self.bank, bp.passing_score)
        graded = [
            (qid, is_correct(self.bank[qid], a.answers.get(qid, frozenset())))
            for qid in a.question_ids
            if qid in self.bank
        ]
        now_ms, today = to_ms(self.ctx.now()), self.ctx.today()
        with translate_errors(self.ctx.paths.db):
            practice_repo.submit(
                self.coll.engine, a, graded, (result.correct, result.total, result.scaled), now_ms, today
            )
            # Missed questions bring one flashcard on their task back today.
            for qid, ok in graded:
                if not ok:
                    task = self.bank[qid].task.get(a.version)
                    if task:
                        practice_repo.pull_forward(self.coll.engine, a.version, task, today, 1, now_ms)
        self.result = result
        return result

    def review(self) -> list[ReviewItem]:
        a = self.attempt
        return [
            ReviewItem(
                number=i + 1,
                question=self.bank[qid],
                chosen=a.answers.get(qid, frozenset()),
                correct=is_correct(self.bank[qid], a.answers.get(qid, frozenset())),
                flagged=qid in a.flags,
            )
            for i, qid in enumerate(a.question_ids)
        ]


def load_attempt(coll: Collection, attempt_id: int) -> ExamSession:
    with translate_errors(coll.ctx.paths.db):
        attempt = practice_repo.load(coll.engine, attempt_id)
    if attempt is None:
        raise StudyawsError(f"no exam attempt {attempt_id} (see `studyaws exam --history`)")
    session = ExamSession(coll, attempt)
    if attempt.status != "active":
        bp = blueprint.load(attempt.version)
        session.result = score(attempt, session.bank, bp.passing_score)
    return session


def abandon(coll: Collection) -> bool:
    """Submit the unfinished attempt as it stands (unanswered questions count as wrong)."""
    session = ExamSession.resume(coll)
    if session is None:
        return False
    session.submit()
    return True
