"""Exam readiness: per-domain estimates from flashcard recall and recent question accuracy, and a pass chance.

The model, in three sentences (the README repeats it): each domain's estimate blends the mean predicted
recall of its cards (cards never studied count as 0) with the recency-weighted share of its questions answered
right (a 14-day half-life, with a Beta(1,1) prior), the cards weighing as much as 10 questions. The band is a
90 % interval from the evidence behind the estimate (questions answered plus a capped credit for cards
studied). The pass chance is a normal approximation of the blueprint-weighted mean against 720 on our linear
100-1,000 map, with the variance of the domain estimates plus that of a 50-question exam.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

HALF_LIFE_DAYS = 14.0
CARD_WEIGHT = 10.0  # the cards of a domain count like this many answered questions
Z90 = 1.645
SCORED_QUESTIONS = 50
MIN_ANSWERS = 5  # per domain, or
MIN_CARDS_SEEN = 20  # ... this many cards studied, before an estimate is shown


@dataclass(frozen=True, slots=True)
class CardEvidence:
    domain: str
    task: str
    recall: float | None  # predicted recall today; None for a card never studied


@dataclass(frozen=True, slots=True)
class AnswerEvidence:
    domain: str
    task: str
    correct: bool
    age_days: float


@dataclass(frozen=True, slots=True)
class Estimate:
    key: str  # domain number or task id
    weight: float  # blueprint weight, % of the exam
    value: float | None  # None: not enough data yet
    low: float
    high: float
    cards_seen: int
    cards: int
    answers: float  # recency-weighted count

    @property
    def enough(self) -> bool:
        return self.value is not None


@dataclass(frozen=True, slots=True)
class Readiness:
    domains: tuple[Estimate, ...]
    expected: float | None  # expected share right on the exam
    pass_chance: float | None
    study_next: tuple[Estimate, ...]  # three tasks, most valuable first

    @property
    def enough(self) -> bool:
        return self.pass_chance is not None


def _estimate(key: str, weight: float, cards: list[CardEvidence], answers: list[AnswerEvidence]) -> Estimate:
    seen = [c.recall for c in cards if c.recall is not None]
    weights = [0.5 ** (a.age_days / HALF_LIFE_DAYS) for a in answers]
    n_q = sum(weights)
    quiz = (sum(w for w, a in zip(weights, answers, strict=True) if a.correct) + 1) / (n_q + 2)
    if cards:
        known = sum(seen) / len(cards)
        value = (n_q * quiz + CARD_WEIGHT * known) / (n_q + CARD_WEIGHT)
    else:
        value = quiz
    enough = len(answers) >= MIN_ANSWERS or len(seen) >= MIN_CARDS_SEEN
    evidence = n_q + min(len(seen) / 4, CARD_WEIGHT)
    half = Z90 * math.sqrt(value * (1 - value) / (evidence + 2))
    return Estimate(
        key=key,
        weight=weight,
        value=value if enough else None,
        low=max(0.0, value - half),
        high=min(1.0, value + half),
        cards_seen=len(seen),
        cards=len(cards),
        answers=n_q,
    )


def estimate(
    weights: dict[str, int],
    tasks: dict[str, str],
    cards: Sequence[CardEvidence],
    answers: Sequence[AnswerEvidence],
    pass_fraction: float,
) -> Readiness:
    """`weights`: domain → % of the exam; `tasks`: task id → domain; `pass_fraction`: share right needed."""
    by_domain: dict[str, tuple[list[CardEvidence], list[AnswerEvidence]]] = defaultdict(lambda: ([], []))
    by_task: dict[str, tuple[list[CardEvidence], list[AnswerEvidence]]] = defaultdict(lambda: ([], []))
    for c in cards:
        by_domain[c.domain][0].append(c)
        by_task[c.task][0].append(c)
    for a in answers:
        by_domain[a.domain][1].append(a)
        by_task[a.task][1].append(a)
    domains = tuple(_estimate(d, w, *by_domain[d]) for d, w in weights.items())
    per_domain_tasks: dict[str, int] = defaultdict(int)
    for d in tasks.values():
        per_domain_tasks[d] += 1
    task_estimates = [
        _estimate(t, weights.get(d, 0) / per_domain_tasks[d], *by_task[t]) for t, d in tasks.items()
    ]
    # What to study next: where the most exam points are missing (weight x (1 - estimate)).
    ranked = sorted(task_estimates, key=lambda e: (-e.weight * (1 - _central(e)), e.key))
    total = sum(weights.values())
    if not total or not all(e.enough for e in domains):
        return Readiness(domains, None, None, tuple(ranked[:3]))
    expected = sum(e.weight * _central(e) for e in domains) / total
    spread = sum(((e.weight / total) * (e.high - e.low) / (2 * Z90)) ** 2 for e in domains)
    spread += expected * (1 - expected) / SCORED_QUESTIONS
    chance = (
        _normal_cdf((expected - pass_fraction) / math.sqrt(spread))
        if spread > 0
        else float(expected >= pass_fraction)
    )
    return Readiness(domains, expected, chance, tuple(ranked[:3]))


def _central(e: Estimate) -> float:
    return e.value if e.value is not None else (e.low + e.high) / 2


def _normal_cdf(z: float) -> float:
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))
