"""A mock exam attempt as plain state: answers, flags, position, the countdown, and the scored result."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from studyaws.core.questions import Question, is_correct

SCALED_NOTE = (
    "AWS reports a scaled score from 100 to 1,000 (pass: 720) through a model it does not publish; it is not "
    "a linear map of questions right. The scaled figure here maps your share of right answers linearly onto "
    "100-1,000 as a rough guide only, and scores all questions (the real exam leaves 15 unscored)."
)


@dataclass
class Attempt:
    """One exam in progress or finished. `answers` maps question id → chosen letters."""

    version: str
    mode: str  # "mock" (whole exam) | "section" (one domain)
    question_ids: tuple[str, ...]
    time_limit_ms: int
    remaining_ms: int
    domain: str | None = None
    answers: dict[str, frozenset[str]] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    position: int = 0
    status: str = "active"  # "active" | "submitted"
    timed_out: bool = False
    id: int | None = None

    @property
    def current(self) -> str:
        return self.question_ids[self.position]

    def goto(self, index: int) -> None:
        self.position = min(max(index, 0), len(self.question_ids) - 1)

    def answer(self, qid: str, chosen: frozenset[str]) -> None:
        self._active()
        if chosen:
            self.answers[qid] = chosen
        else:
            self.answers.pop(qid, None)

    def toggle_flag(self, qid: str) -> bool:
        self._active()
        if qid in self.flags:
            self.flags.discard(qid)
            return False
        self.flags.add(qid)
        return True

    def unanswered(self) -> list[int]:
        return [i for i, q in enumerate(self.question_ids) if q not in self.answers]

    def flagged(self) -> list[int]:
        return [i for i, q in enumerate(self.question_ids) if q in self.flags]

    def submit(self, timed_out: bool = False) -> None:
        self.status = "submitted"
        self.timed_out = timed_out
        if timed_out:
            self.remaining_ms = 0

    def _active(self) -> None:
        if self.status != "active":
            raise ValueError("this exam has been submitted; answers can no longer change")


class Countdown:
    """Time left, from a monotonic clock reading in ms (wall-clock jumps cannot add or take exam time)."""

    def __init__(self, remaining_ms: int, mono_ms: float) -> None:
        self.base = remaining_ms
        self.since = mono_ms

    def left(self, mono_ms: float) -> int:
        return max(0, int(self.base - (mono_ms - self.since)))


@dataclass(frozen=True, slots=True)
class DomainScore:
    domain: str
    correct: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class ExamResult:
    correct: int
    total: int
    scaled: int
    passing_score: int
    domains: tuple[DomainScore, ...]
    unanswered: int
    timed_out: bool

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0

    @property
    def passed(self) -> bool:
        return self.scaled >= self.passing_score


def scaled_estimate(correct: int, total: int) -> int:
    """Share right, mapped linearly onto 100-1,000 (see SCALED_NOTE: AWS's real map is not published)."""
    return round(100 + 900 * correct / total) if total else 100


def score(attempt: Attempt, questions: dict[str, Question], passing_score: int = 720) -> ExamResult:
    """All-or-nothing per question; questions missing from the bank (removed since) are not counted."""
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for qid in attempt.question_ids:
        q = questions.get(qid)
        if q is None:
            continue
        domain = q.domain.get(attempt.version, "?")
        seen[domain] += 1
        right[domain] += is_correct(q, attempt.answers.get(qid, frozenset()))
    correct, total = sum(right.values()), sum(seen.values())
    return ExamResult(
        correct=correct,
        total=total,
        scaled=scaled_estimate(correct, total),
        passing_score=passing_score,
        domains=tuple(DomainScore(d, right[d], seen[d]) for d in sorted(seen)),
        unanswered=sum(1 for q in attempt.question_ids if q not in attempt.answers and q in questions),
        timed_out=attempt.timed_out,
    )
