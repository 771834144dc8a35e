"""Mock exam core: drawing by blueprint weight, the countdown, all-or-nothing scoring, readiness."""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from studyaws.core import examdraw
from studyaws.core.cards import Option
from studyaws.core.mockexam import Attempt, Countdown, scaled_estimate, score
from studyaws.core.questions import Question
from studyaws.core.readiness import AnswerEvidence, CardEvidence, estimate

WEIGHTS = {"1": 30, "2": 26, "3": 22, "4": 22}
TASKS = {"1.1": "1", "1.2": "1", "2.1": "2", "3.1": "3", "4.1": "4"}


def make(uid: str, domain: str, task: str, kind: str = "single", right: str = "A") -> Question:
    n = 5 if kind == "multiple" else 4
    options = tuple(Option(c, "Right." if c in right else "Wrong.", c in right) for c in "ABCDE"[:n])
    return Question(uid, "b", kind, "easy", "s", options, ("https://docs.aws.amazon.com/x",),
                    domain={"dva-c03": domain}, task={"dva-c03": task})  # fmt: skip


def bank(per_domain: int | dict[str, int]) -> list[Question]:
    sizes = per_domain if isinstance(per_domain, dict) else dict.fromkeys(WEIGHTS, per_domain)
    out = []
    for d, n in sizes.items():
        for i in range(n):
            out.append(make(f"q-{d}-{i}", d, f"{d}.{i % 2 + 1}"))
    return out


@given(st.integers(0, 200))
def test_allocation_sums_to_count_and_follows_weights(count: int) -> None:
    got = examdraw.allocate(WEIGHTS, count)
    assert sum(got.values()) == count
    for d, w in WEIGHTS.items():
        assert abs(got[d] - count * w / 100) < 1


def test_a_65_question_draw_matches_the_blueprint_weights() -> None:
    drawn = examdraw.draw(bank(40), "dva-c03", WEIGHTS, 65, random.Random(1))
    assert len(drawn) == 65 == len({q.uid for q in drawn})
    assert Counter(q.domain["dva-c03"] for q in drawn) == {"1": 20, "2": 17, "3": 14, "4": 14}


def test_three_mock_exams_in_a_row_repeat_nothing_while_the_bank_allows() -> None:
    # 195 questions, three exams' worth per domain (20/17/14/14 a draw): no repeat until the fourth.
    questions = bank({"1": 60, "2": 51, "3": 42, "4": 42})
    seen: Counter[str] = Counter()
    rng = random.Random(4)
    for _ in range(3):
        drawn = examdraw.draw(questions, "dva-c03", WEIGHTS, 65, rng, dict(seen))
        seen.update(q.uid for q in drawn)
    assert max(seen.values()) == 1
    assert sum(seen.values()) == 195


def test_a_short_domain_is_filled_from_the_others() -> None:
    questions = [q for q in bank(30) if q.domain["dva-c03"] != "2"][:80] + bank(2)[2:4]
    drawn = examdraw.draw(questions, "dva-c03", WEIGHTS, 65, random.Random(2))
    assert len(drawn) == 65
    assert Counter(q.domain["dva-c03"] for q in drawn)["2"] == 2


def test_countdown_uses_only_monotonic_differences() -> None:
    c = Countdown(10_000, mono_ms=500_000.0)
    assert c.left(500_000.0) == 10_000
    assert c.left(503_500.0) == 6_500
    assert c.left(520_000.0) == 0


def test_scoring_is_all_or_nothing_and_per_domain() -> None:
    qs = {
        "a": make("a", "1", "1.1"),
        "b": make("b", "1", "1.2", "multiple", "AC"),
        "c": make("c", "2", "2.1"),
    }
    attempt = Attempt("dva-c03", "mock", ("a", "b", "c"), 60_000, 60_000)
    attempt.answer("a", frozenset("A"))
    attempt.answer("b", frozenset("A"))  # half of a multiple response: wrong
    result = score(attempt, qs)
    assert (result.correct, result.total, result.unanswered) == (1, 3, 1)
    assert [(d.domain, d.correct, d.total) for d in result.domains] == [("1", 1, 2), ("2", 0, 1)]
    assert result.scaled == scaled_estimate(1, 3) == 400
    assert not result.passed


def test_readiness_says_not_enough_data_for_a_new_learner() -> None:
    cards = [CardEvidence(TASKS[t], t, None) for t in TASKS for _ in range(10)]
    r = estimate(WEIGHTS, TASKS, cards, [], pass_fraction=0.689)
    assert r.pass_chance is None and r.expected is None
    assert all(e.value is None for e in r.domains)
    # Still names where to start: the task carrying the most exam weight (2.1 alone holds domain 2's 26 %).
    assert [e.key for e in r.study_next] == ["2.1", "3.1", "4.1"]


def test_readiness_rises_with_right_answers_and_recall() -> None:
    def run(correct: bool, recall: float) -> float:
        cards = [CardEvidence(TASKS[t], t, recall) for t in TASKS for _ in range(30)]
        answers = [AnswerEvidence(TASKS[t], t, correct, 1.0) for t in TASKS for _ in range(10)]
        r = estimate(WEIGHTS, TASKS, cards, answers, pass_fraction=0.689)
        assert r.pass_chance is not None
        for e in r.domains:
            assert e.value is not None and e.low <= e.value <= e.high
        return r.pass_chance

    strong, weak = run(True, 0.95), run(False, 0.3)
    assert strong > 0.9 and weak < 0.1


def test_old_answers_count_less_than_recent_ones() -> None:
    cards: list[CardEvidence] = []
    old_wrong = [AnswerEvidence("1", "1.1", False, 60.0) for _ in range(20)]
    recent_right = [AnswerEvidence("1", "1.1", True, 0.0) for _ in range(10)]
    r = estimate({"1": 100}, {"1.1": "1"}, cards, old_wrong + recent_right, pass_fraction=0.689)
    assert r.domains[0].value is not None and r.domains[0].value > 0.7
