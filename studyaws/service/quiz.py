"""A quiz: bank questions one at a time, each answer stored at once; wrong answers bring cards back sooner."""

from __future__ import annotations

from dataclasses import dataclass

from studyaws.core.questions import Question, is_correct
from studyaws.errors import StudyawsError
from studyaws.service.bank import load_questions
from studyaws.service.collection import Collection
from studyaws.storage import practice_repo
from studyaws.storage.convert_light import to_ms
from studyaws.storage.errors import translate_errors

PULL_FORWARD = 3  # review cards on a missed question's task that come due today


@dataclass(frozen=True, slots=True)
class Feedback:
    question: Question
    chosen: frozenset[str]
    correct: bool
    cards_due_again: int  # flashcards on the question's task made due today


def exam_version(coll: Collection) -> str:
    """The exam the learner sits: the setting, else the version for the exam date, else the newest."""
    from studyaws.service import dashboard

    return dashboard.exam_version(coll.ctx.settings)


def pick(
    questions: list[Question],
    version: str,
    count: int,
    last_wrong: dict[str, bool],
    answered: dict[str, int],
    rng_key: list[float],
    domain: str | None = None,
    task: str | None = None,
) -> list[Question]:
    """Missed last time first, then never answered, then the least answered; `rng_key` breaks ties."""
    pool = [
        q
        for q in questions
        if version in q.task
        and (domain is None or q.domain[version] == domain)
        and (task is None or q.task[version] == task)
    ]
    keyed = sorted(
        zip(pool, rng_key, strict=False),
        key=lambda qr: (not last_wrong.get(qr[0].uid, False), answered.get(qr[0].uid, 0), qr[1]),
    )
    return [q for q, _ in keyed[:count]]


class QuizSession:
    def __init__(
        self,
        coll: Collection,
        count: int = 10,
        domain: str | None = None,
        task: str | None = None,
        version: str | None = None,
    ) -> None:
        self.coll = coll
        self.ctx = coll.ctx
        self.version = version or exam_version(coll)
        bank = load_questions(self.ctx)
        with translate_errors(self.ctx.paths.db):
            wrong = practice_repo.last_wrong(coll.engine)
            answered = practice_repo.answer_counts(coll.engine)
        keys = [self.ctx.rng.random() for _ in bank]
        self.questions = pick(bank, self.version, count, wrong, answered, keys, domain, task)
        if not self.questions:
            where = f" in task {task}" if task else f" in domain {domain}" if domain else ""
            raise StudyawsError(f"no questions for {self.version}{where}")
        self.index = 0
        self.right = 0

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    def answer(self, chosen: frozenset[str], duration_ms: int = 0) -> Feedback:
        q = self.current
        if q is None:
            raise RuntimeError("the quiz is over")
        ok = is_correct(q, chosen)
        now_ms, today = to_ms(self.ctx.now()), self.ctx.today()
        pulled: list[int] = []
        with translate_errors(self.ctx.paths.db):
            practice_repo.record_answer(self.coll.engine, q.uid, chosen, ok, now_ms, today, duration_ms)
            if not ok:
                task = q.task[self.version]
                pulled = practice_repo.pull_forward(
                    self.coll.engine, self.version, task, today, PULL_FORWARD, now_ms
                )
        self.index += 1
        self.right += ok
        return Feedback(q, chosen, ok, len(pulled))
