"""A calculator-drill session for the CLI and the TUI: next problem, grading, recording, due kinds.

Each drill kind (``core.rules.KINDS``) is scheduled like a card with SM-2: a right answer rates it Good, a
wrong one Again, so kinds the user gets wrong come back sooner. Problems are drawn with
``random.Random(seed)``, so a seed replays a problem exactly. An answer is committed (one transaction:
drill_log row + the kind's new state) before its outcome is returned, so a verdict on screen is never lost.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction

from studyaws.core.days import day_start
from studyaws.core.fmt import short_interval
from studyaws.core.rules import KINDS, Drill, Number, RuleInputError, check, generate, generate_choice
from studyaws.core.types import Phase, Rating, SchedState
from studyaws.errors import UsageError
from studyaws.service.calc import exact_text, jsonable, read_answer, with_unit
from studyaws.service.collection import Collection
from studyaws.storage.db import translate_errors
from studyaws.storage.drills_repo import DrillEntry, DrillsRepo, StoredKind

ALIASES: dict[str, str] = {
    "rcu": "dynamodb-read",
    "wcu": "dynamodb-write",
    "gsi": "dynamodb-gsi-write",
    "burst": "dynamodb-burst",
    "xray": "xray-sampling",
    "lambda": "lambda-concurrency",
    "lambda-reserved": "lambda-reserved",
    "lambda-scaling": "lambda-scaling",
    "streams": "lambda-stream",
    "sqs-scaling": "lambda-sqs-scaling",
    "kinesis": "kinesis-shards",
    "apigateway": "apigateway-limit",
    "apigateway-bucket": "apigateway-bucket",
    "s3": "s3-prefixes",
    "sqs": "sqs-batches",
    "kms": "kms-encrypt",
}
"""`studyaws calc` names accepted as drill kinds too."""
LETTERS = "abcdefgh"
MAX_SEED = 2**62
"""Seeds run from 0 to this, so a seed plus a session's count still fits SQLite's 64-bit integer."""
DURATION_CAP_MS = 600_000


class UnreadableAnswerError(ValueError):
    """The typed answer is not a number (or not one of the letters); ask again, record nothing."""


def resolve_kind(name: str) -> str:
    """A drill kind from its name or its `calc` alias; UsageError naming KIND otherwise."""
    kind = ALIASES.get(name.lower(), name.lower())
    if kind not in KINDS:
        raise UsageError(f"KIND: unknown drill kind '{name}'; choose one of {', '.join(KINDS)}")
    return kind


@dataclass(frozen=True, slots=True)
class DrillProblem:
    """A problem to show. `options` is empty unless it is multiple choice (then `LETTERS[i]` picks one)."""

    kind: str
    seed: int
    text: str
    unit: str
    inputs: Drill = field(repr=False, compare=False)
    options: tuple[str, ...] = ()
    values: tuple[Number, ...] = ()
    correct_index: int | None = None

    @property
    def choice(self) -> bool:
        return bool(self.options)


@dataclass(frozen=True, slots=True)
class DrillOutcome:
    """A recorded answer: verdict, the named mistake (or how far off), and the worked steps."""

    log_id: int
    kind: str
    correct: bool
    mistake: str | None
    code: str | None
    answer: str
    steps: tuple[str, ...]
    source: str
    warnings: tuple[str, ...]
    next_in: str


@dataclass(frozen=True, slots=True)
class KindStatus:
    """One drill kind's place in the schedule."""

    kind: str
    phase: Phase
    due_now: bool
    due_in: str
    right: int
    wrong: int
    interval: int
    lapses: int


class DrillSession:
    """Drills against an open collection; uses the context's clock and random source."""

    def __init__(self, coll: Collection) -> None:
        self.coll = coll
        self.ctx = coll.ctx
        self.repo = DrillsRepo(coll.engine)
        self.answered = 0
        self.right = 0

    # -- scheduling -------------------------------------------------------------------------------------

    def kinds(self) -> list[KindStatus]:
        """Every kind, most due first: due (re)learning, due reviews, never drilled, then soonest due."""
        with translate_errors(self.ctx.paths.db):
            stored = self.repo.kinds()
        now, today = self.ctx.now(), self.ctx.today()
        ranked = sorted(
            (_urgency(stored.get(kind), now, today, self._seconds_until(stored.get(kind), now)), i, kind)
            for i, kind in enumerate(KINDS)
        )
        return [self._status(kind, stored.get(kind), now, today) for _, _, kind in ranked]

    def due_kinds(self) -> list[KindStatus]:
        """Kinds due now (learning steps passed or review day reached), most due first."""
        return [status for status in self.kinds() if status.due_now]

    def next_kind(self) -> str:
        """The kind to drill next: the most due, else one never drilled, else the one due soonest."""
        return self.kinds()[0].kind

    def _seconds_until(self, stored: StoredKind | None, now: datetime) -> float:
        if stored is None:
            return 0.0
        state = stored.state
        if state.due_at is not None:
            return (state.due_at - now).total_seconds()
        if state.due_day is not None:
            return (day_start(state.due_day, self.ctx.settings.rollover_hour, now) - now).total_seconds()
        return 0.0

    def _status(self, kind: str, stored: StoredKind | None, now: datetime, today: int) -> KindStatus:
        if stored is None:
            return KindStatus(kind, Phase.NEW, False, "new", 0, 0, 0, 0)
        state = stored.state
        due = _is_due(state, now, today)
        due_in = "now" if due else short_interval(self._seconds_until(stored, now))
        return KindStatus(
            kind, state.phase, due, due_in, stored.right, stored.wrong, state.interval, state.lapses
        )

    # -- problems and answers ---------------------------------------------------------------------------

    def new_seed(self) -> int:
        """A short seed to show, so the user can replay the problem with --seed."""
        return self.ctx.rng.randrange(1, 1_000_000)

    def problem(self, kind: str | None = None, seed: int | None = None, choice: bool = False) -> DrillProblem:
        """A fresh problem of `kind` (default: the next kind due) drawn with random.Random(seed)."""
        kind = self.next_kind() if kind is None else resolve_kind(kind)
        seed = self.new_seed() if seed is None else seed
        if not 0 <= seed <= MAX_SEED:
            raise UsageError(f"--seed: {seed} must be between 0 and {MAX_SEED}")
        rng = random.Random(seed)
        if not choice:
            plain = generate(kind, rng)
            return DrillProblem(kind, seed, plain.text, plain.calculation.unit, plain.inputs)
        multi = generate_choice(kind, rng)
        unit = multi.problem.calculation.unit
        return DrillProblem(
            kind,
            seed,
            multi.problem.text,
            unit,
            multi.problem.inputs,
            tuple(with_unit(value, unit) for value in multi.options),
            multi.options,
            multi.correct_index,
        )

    def read(self, problem: DrillProblem, text: str) -> Fraction:
        """The value an answer stands for: a number, or with multiple choice a letter."""
        typed = text.strip()
        if problem.choice:
            letters = LETTERS[: len(problem.options)]
            if len(typed) != 1 or typed.lower() not in letters:
                raise UnreadableAnswerError(f"type one of the letters {', '.join(letters)}")
            return Fraction(problem.values[letters.index(typed.lower())])
        try:
            return read_answer(typed)
        except RuleInputError:
            raise UnreadableAnswerError("type a number, e.g. 40") from None

    def answer(self, problem: DrillProblem, text: str, duration_ms: int = 0) -> DrillOutcome:
        """Grade `text`, then record it (committed before this returns). Raises UnreadableAnswerError."""
        value = self.read(problem, text)
        verdict = check(problem.inputs, value)
        calc = problem.inputs.calculate()
        rating = Rating.GOOD if verdict.correct else Rating.AGAIN
        now, today, draw = self.ctx.now(), self.ctx.today(), self.ctx.rng.random()
        entry = DrillEntry(
            kind=problem.kind,
            seed=problem.seed,
            inputs=json.dumps(jsonable(problem.inputs), sort_keys=True),
            choice=problem.choice,
            given=text.strip(),
            given_value=exact_text(value),
            expected=exact_text(calc.answer),
            correct=verdict.correct,
            mistake=verdict.misconception,
            duration_ms=min(max(duration_ms, 0), DURATION_CAP_MS),
        )
        scheduler = self.coll.scheduler
        with translate_errors(self.ctx.paths.db):
            log_id, result = self.repo.record(
                entry, lambda state: scheduler.answer(state, rating, now, today, draw)
            )
        self.answered += 1
        self.right += verdict.correct
        stored = StoredKind(problem.kind, result.state, 0, 0)
        return DrillOutcome(
            log_id,
            problem.kind,
            verdict.correct,
            verdict.mistake,
            verdict.misconception,
            with_unit(calc.answer, calc.unit),
            calc.steps,
            calc.source,
            calc.warnings,
            short_interval(self._seconds_until(stored, now)),
        )


def _is_due(state: SchedState, now: datetime, today: int) -> bool:
    if state.phase in (Phase.LEARNING, Phase.RELEARNING):
        return state.due_at is not None and state.due_at <= now
    if state.phase is Phase.REVIEW:
        return state.due_day is not None and state.due_day <= today
    return False


def _urgency(stored: StoredKind | None, now: datetime, today: int, until: float) -> tuple[int, float, int]:
    """Sort key: due learning (soonest first), due reviews (most overdue, then hardest), new, not due."""
    if stored is None or stored.state.phase is Phase.NEW:
        return (2, 0.0, 0)
    state = stored.state
    if _is_due(state, now, today):
        if state.phase is Phase.REVIEW:
            assert state.due_day is not None
            return (1, float(state.due_day), state.ease)
        return (0, until, 0)
    return (3, until, 0)
