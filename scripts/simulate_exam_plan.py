"""Simulate a learner studying the bundled deck toward an exam 30 days out, under several strategies.

The learner's memory follows FSRS-6 with its default parameters (the `fsrs` package): every card has a true
memory state, each answer is recalled with the true retrievability at that moment (a seeded RNG), and the
state is updated by the package. The learner studies at most N minutes a day (8 s a review or learning step,
20 s a new card) in the order studyaws gives: due learning cards first, then reviews with new cards spread
among them, within the day's limits. Strategies use the real core schedulers and exam-date modules:

- sm2: SM-2 with Anki's defaults (20 new/day, 200 reviews/day);
- sm2+exam: exam-date mode on SM-2 (pace, weight order, capped and smoothed intervals, final-days order);
- fsrs / fsrs+exam: the same with FSRS-6 (desired retention 0.9), when core/fsrs_sched.py is present.

Reported per strategy: mean true recall of every card on exam morning (unseen cards count 0), the share never
seen, and the daily load (answers given, and reviews due at the start of the day) with its max/mean ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import fsrs  # noqa: E402

from studyaws.core import examadvice, examplan  # noqa: E402
from studyaws.core.cards import ordinals  # noqa: E402
from studyaws.core.examcap import ExamCapped, Scheduler, shortened  # noqa: E402
from studyaws.core.examfinal import in_final_days, lowest_recall_first  # noqa: E402
from studyaws.core.queue import interleave  # noqa: E402
from studyaws.core.sm2 import Sm2  # noqa: E402
from studyaws.core.types import Answered, Phase, Rating, SchedState  # noqa: E402
from studyaws.decks.blueprint import load as load_blueprint  # noqa: E402
from studyaws.decks.loader import deck_files, load_decks  # noqa: E402
from studyaws.paths import bundled_deck_dir  # noqa: E402

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
VERSION = "dva-c03"
SECS_NEW = 20
SECS_REVIEW = 8
LEARN_AHEAD = timedelta(minutes=20)
# Rating shares of simulated learners in FSRS's own simulator: first answers, and recalled reviews.
FIRST_RATINGS = ((Rating.AGAIN, 0.24), (Rating.HARD, 0.094), (Rating.GOOD, 0.495), (Rating.EASY, 0.171))
RECALLED = ((Rating.HARD, 0.224), (Rating.GOOD, 0.632), (Rating.EASY, 0.144))


@dataclass(frozen=True)
class Card:
    id: int
    domain: str
    position: int


RAMP_DAYS = 7  # the first week climbs from zero reviews: load ratios are taken after it


@dataclass
class Result:
    name: str
    recall: float
    unseen: float
    answers: list[int]  # answers given each day
    due: list[int]  # reviews due at the start of each day, overdue ones included
    scheduled: list[int]  # reviews the scheduler set for exactly that day
    parked: int  # reviews set for the exam day itself
    minutes: list[float]
    domain_recall: dict[str, float] = field(default_factory=dict)


def ratio(xs: list[int], skip: int = 0) -> float:
    """The largest day over the mean day (after `skip` ramp-up days)."""
    tail = xs[skip:] or xs
    mean = statistics.mean(tail)
    return max(tail) / mean if mean else 0.0


def bundled_cards() -> list[Card]:
    decks = load_decks(deck_files(bundled_deck_dir()))
    out: list[Card] = []
    for deck in decks:
        for note in deck.notes:
            for _ in ordinals(note):
                out.append(Card(len(out), note.domain.get(VERSION, "-"), len(out)))
    return out


def pick(rng: random.Random, shares: tuple[tuple[Rating, float], ...]) -> Rating:
    x = rng.random() * sum(p for _, p in shares)
    for rating, p in shares:
        x -= p
        if x < 0:
            return rating
    return shares[-1][0]


class Learner:
    """True memory: an fsrs.Card per studied card, updated by the package at every answer."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.model = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
        self.memory: dict[int, fsrs.Card] = {}

    def recall(self, card_id: int, at: datetime) -> float:
        mem = self.memory.get(card_id)
        return 0.0 if mem is None else float(self.model.get_card_retrievability(mem, at))

    def answer(self, card_id: int, at: datetime) -> Rating:
        mem = self.memory.get(card_id)
        if mem is None:
            rating = pick(self.rng, FIRST_RATINGS)
            mem = fsrs.Card(card_id=card_id + 1, due=at)
        else:
            recalled = self.rng.random() < self.recall(card_id, at)
            rating = pick(self.rng, RECALLED) if recalled else Rating.AGAIN
        self.memory[card_id], _ = self.model.review_card(mem, fsrs.Rating(int(rating)), at)
        return rating


@dataclass(frozen=True)
class Strategy:
    name: str
    make: Callable[[], Scheduler]
    exam_mode: bool
    naive_cap: bool = False  # exam mode, but every interval simply cut to end by the day before the exam


class NaiveCap:
    """The classic cap, for comparison: no interval past the last study day, nothing else."""

    def __init__(self, inner: Scheduler, exam_day: int) -> None:
        self.inner = inner
        self.exam_day = exam_day

    def answer(self, state: SchedState, rating: Rating, now: datetime, today: int, draw: float) -> Answered:
        result = self.inner.answer(state, rating, now, today, draw)
        due = result.state.due_day
        if due is None or due < self.exam_day or today >= self.exam_day - 1:
            return result
        return Answered(shortened(result.state, today, self.exam_day - 1), result.record)

    def preview(self, state: SchedState, now: datetime, today: int, draw: float) -> dict[Rating, SchedState]:
        raise NotImplementedError


def simulate(strategy: Strategy, cards: list[Card], days: int, minutes: int, seed: int) -> Result:
    rng = random.Random(seed)
    learner = Learner(random.Random(seed + 1))
    exam_day = days
    states = {c.id: SchedState() for c in cards}
    due_load: Counter[int] = Counter()  # review cards due per day: the load lookup

    def load(first: int, last: int) -> dict[int, int]:
        return {d: due_load[d] for d in range(first, last + 1) if due_load[d]}

    scheduler: Scheduler = strategy.make()
    if strategy.naive_cap:
        scheduler = NaiveCap(scheduler, exam_day)
    elif strategy.exam_mode:
        scheduler = ExamCapped(scheduler, exam_day, load)
    weights = {d.number: d.weight for d in load_blueprint(VERSION).domains}
    rank = {d: i for i, d in enumerate(examadvice.weight_order(weights))}
    new_order = sorted(cards, key=lambda c: (rank.get(c.domain, len(rank)), c.position))
    if not strategy.exam_mode:
        new_order = sorted(cards, key=lambda c: c.position)
    goal = examplan.goal_day(exam_day, 0)
    new_ms = review_ms = new_n = review_n = 0
    answers, due_counts, scheduled, spent_minutes = [], [], [], []
    for today in range(days):
        day_start = START + timedelta(days=today)
        new_left = sum(1 for s in states.values() if s.phase is Phase.NEW)
        if strategy.exam_mode:
            costs = examplan.Costs(*examplan.learner_secs(new_n, new_ms, review_n, review_ms))
            limits = examplan.limits_today(today, exam_day, goal, new_left, minutes, costs)
            new_limit, review_limit = limits.new, min(200, limits.reviews)
        else:
            new_limit, review_limit = 20, 200
        due_reviews = [
            c.id
            for c in sorted(cards, key=lambda c: (states[c.id].due_day or 0, c.id))
            if states[c.id].phase is Phase.REVIEW and (states[c.id].due_day or 0) <= today
        ]
        if strategy.exam_mode and in_final_days(today, exam_day):
            due_reviews = lowest_recall_first([(i, states[i]) for i in due_reviews], exam_day)
        due_counts.append(len(due_reviews))
        scheduled.append(due_load[today])
        news = [c.id for c in new_order if states[c.id].phase is Phase.NEW][:new_limit]
        queue = interleave(due_reviews[:review_limit], news)
        now, spent, count = day_start, 0, 0
        budget = minutes * 60
        while True:
            learning = sorted(
                (s.due_at, i)
                for i, s in states.items()
                if s.phase in (Phase.LEARNING, Phase.RELEARNING) and s.due_at is not None
            )
            card_id = None
            if learning and learning[0][0] <= now:
                card_id = learning[0][1]
            elif queue:
                card_id = queue.pop(0)
            elif learning and learning[0][0] <= now + LEARN_AHEAD:
                card_id = learning[0][1]
            if card_id is None:
                break
            state = states[card_id]
            cost = SECS_NEW if state.phase is Phase.NEW else SECS_REVIEW
            if spent + cost > budget:
                break
            rating = learner.answer(card_id, now)
            result = scheduler.answer(state, rating, now, today, rng.random())
            if state.phase is Phase.REVIEW and state.due_day is not None:
                due_load[state.due_day] -= 1
            new_state = result.state
            if new_state.phase is Phase.REVIEW and new_state.due_day is not None:
                due_load[new_state.due_day] += 1
            states[card_id] = new_state
            if state.phase is Phase.NEW:
                new_n, new_ms = new_n + 1, new_ms + cost * 1000
            else:
                review_n, review_ms = review_n + 1, review_ms + cost * 1000
            spent += cost
            count += 1
            now += timedelta(seconds=cost)
        answers.append(count)
        spent_minutes.append(spent / 60)
    exam_at = START + timedelta(days=exam_day)
    recalls = {c.id: learner.recall(c.id, exam_at) for c in cards}
    by_domain: dict[str, list[float]] = {}
    for c in cards:
        by_domain.setdefault(c.domain, []).append(recalls[c.id])
    return Result(
        name=strategy.name,
        recall=statistics.mean(recalls.values()),
        unseen=sum(1 for c in cards if c.id not in learner.memory) / len(cards),
        answers=answers,
        due=due_counts,
        scheduled=scheduled,
        parked=due_load[exam_day],
        minutes=spent_minutes,
        domain_recall={d: statistics.mean(v) for d, v in sorted(by_domain.items())},
    )


def strategies() -> list[Strategy]:
    out = [
        Strategy("sm2", Sm2, False),
        Strategy("sm2+exam", Sm2, True),
        Strategy("sm2+naive cap", Sm2, True, naive_cap=True),
    ]
    try:
        from studyaws.core.fsrs_sched import Fsrs
    except ImportError:
        return out
    return [*out, Strategy("fsrs", Fsrs, False), Strategy("fsrs+exam", Fsrs, True)]


def summary(name: str, runs: list[Result]) -> dict[str, object]:
    return {
        "strategy": name,
        "recall_on_exam_day": statistics.mean(r.recall for r in runs),
        "never_seen": statistics.mean(r.unseen for r in runs),
        "max_answers_per_day": max(max(r.answers) for r in runs),
        "answers_max_to_mean": max(ratio(r.answers) for r in runs),
        "max_scheduled_per_day": max(max(r.scheduled) for r in runs),
        "scheduled_max_to_mean": max(ratio(r.scheduled, RAMP_DAYS) for r in runs),
        "max_due_per_day": max(max(r.due) for r in runs),
        "parked_on_exam_day": statistics.mean(r.parked for r in runs),
        "mean_minutes_per_day": statistics.mean(statistics.mean(r.minutes) for r in runs),
        "recall_by_domain": {
            d: statistics.mean(r.domain_recall[d] for r in runs) for d in runs[0].domain_recall
        },
        "answers_per_day": runs[0].answers,
        "scheduled_per_day": runs[0].scheduled,
        "due_per_day": runs[0].due,
    }


def verdicts(rows: list[dict[str, object]]) -> dict[str, bool]:
    by = {str(r["strategy"]): r for r in rows}
    out = {}
    for exam, plain in (("sm2+exam", "sm2"), ("fsrs+exam", "fsrs")):
        if exam in by:
            gain = float(by[exam]["recall_on_exam_day"]) - float(by[plain]["recall_on_exam_day"])  # type: ignore[arg-type]
            out[f"{exam}: recall >= {plain} + 10 points"] = gain >= 0.10
            out[f"{exam}: no day over 1.5x the mean load"] = (
                float(by[exam]["scheduled_max_to_mean"]) <= 1.5  # type: ignore[arg-type]
                and float(by[exam]["answers_max_to_mean"]) <= 1.5  # type: ignore[arg-type]
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=int, default=20, help="study minutes a day (default 20)")
    ap.add_argument("--days", type=int, default=30, help="days from today to the exam (default 30)")
    ap.add_argument("--seeds", type=int, default=3, help="runs per strategy, averaged (default 3)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args()
    cards = bundled_cards()
    started = time.perf_counter()
    rows = []
    for strategy in strategies():
        runs = [simulate(strategy, cards, args.days, args.minutes, seed) for seed in range(args.seeds)]
        rows.append(summary(strategy.name, runs))
    elapsed = time.perf_counter() - started
    checks = verdicts(rows)
    if args.json:
        report = {
            "schema_version": 1,
            "cards": len(cards),
            "days": args.days,
            "minutes_per_day": args.minutes,
            "seeds": args.seeds,
            "ramp_days": RAMP_DAYS,
            "seconds": round(elapsed, 1),
            "strategies": rows,
            "targets": checks,
        }
        print(json.dumps(report, indent=2))
        return
    print(f"{len(cards)} cards, exam in {args.days} days, {args.minutes} min/day, {args.seeds} seeds")
    print(f"{'strategy':<14}{'recall':>7}{'unseen':>7}  {'answers/day max':>15}{'×mean':>6}"
          f"  {'scheduled/day max':>17}{'×mean':>6}  {'due max':>7}{'on exam day':>12}")  # fmt: skip
    for r in rows:
        print(
            f"{r['strategy']:<14}{r['recall_on_exam_day']:>7.1%}{r['never_seen']:>7.1%}"
            f"  {r['max_answers_per_day']:>15}{r['answers_max_to_mean']:>6.2f}"
            f"  {r['max_scheduled_per_day']:>17}{r['scheduled_max_to_mean']:>6.2f}"
            f"  {r['max_due_per_day']:>7}{r['parked_on_exam_day']:>12.0f}"
        )
    print(
        "recall: mean true recall of every card on exam morning (unseen = 0); answers: cards answered a "
        f"day; scheduled: reviews set for that day (×mean after the first {RAMP_DAYS} days); due: with "
        "overdue ones"
    )
    for check, ok in checks.items():
        print(f"{'met' if ok else 'NOT met'}: {check}")
    print(f"({elapsed:.1f} s)")


if __name__ == "__main__":
    main()
