"""Generate exam-style calculator problems from a seeded random.Random, with multiple-choice variants.

The same seed gives the same problem: every random draw goes through the `rng` passed in. Distractors in
the multiple-choice variant are the misconception answers (distinct from the right answer and from each
other); when a drill has too few distinct misconceptions, the rest are near misses, labelled as such.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from studyaws.core.rules import problems_dynamodb as ddb
from studyaws.core.rules import problems_services as svc
from studyaws.core.rules.calculation import Calculation, Drill, Number, RuleInputError, normalize

Generator = Callable[[random.Random], tuple[str, Drill]]

GENERATORS: dict[str, Generator] = {
    "dynamodb-read": ddb.dynamodb_read,
    "dynamodb-write": ddb.dynamodb_write,
    "dynamodb-gsi-write": ddb.dynamodb_gsi,
    "dynamodb-burst": ddb.dynamodb_burst,
    "xray-sampling": svc.xray,
    "lambda-concurrency": svc.lambda_concurrency,
    "lambda-reserved": svc.lambda_reserved,
    "lambda-scaling": svc.lambda_scaling,
    "lambda-stream": svc.lambda_stream,
    "lambda-sqs-scaling": svc.lambda_sqs,
    "kinesis-shards": svc.kinesis,
    "apigateway-limit": svc.apigateway_limit,
    "apigateway-bucket": svc.apigateway_bucket,
    "s3-prefixes": svc.s3_prefixes,
    "sqs-batches": svc.sqs_batches,
    "kms-encrypt": svc.kms,
}
KINDS: tuple[str, ...] = tuple(GENERATORS)
"""Every problem kind; each equals the `calculator` name of the Calculation it produces."""

NEAR_MISS = "A near miss, not a named misconception."


@dataclass(frozen=True, slots=True)
class Problem:
    """One drill: the question text, the inputs to grade against, and the worked calculation."""

    kind: str
    text: str
    inputs: Drill
    calculation: Calculation


@dataclass(frozen=True, slots=True)
class ChoiceProblem:
    """A multiple-choice version: `options[correct_index]` is right; `rationales[i]` explains option i
    (None for the right one)."""

    problem: Problem
    options: tuple[Number, ...]
    correct_index: int
    rationales: tuple[str | None, ...]


def generate(kind: str, rng: random.Random) -> Problem:
    """A fresh problem of `kind` (one of KINDS) drawn with `rng`."""
    try:
        generator = GENERATORS[kind]
    except KeyError:
        raise RuleInputError(f"unknown problem kind '{kind}'; choose one of {', '.join(KINDS)}") from None
    text, inputs = generator(rng)
    return Problem(kind, text, inputs, inputs.calculate())


def _near_misses(answer: Number) -> list[Number]:
    value = Fraction(answer)
    step = max(Fraction(1), abs(value) / 10) if value.denominator == 1 else Fraction(1, 10)
    step = Fraction(round(step)) if step >= 1 else step
    candidates = [
        value * 2,
        value + step,
        value - step,
        value + 2 * step,
        value / 2,
        value * 4,
        value + 3 * step,
    ]
    return [normalize(c) for c in candidates if c >= 0]


def choices(problem: Problem, rng: random.Random, count: int = 4) -> ChoiceProblem:
    """Build `count` options: the answer, misconception answers, then near misses if needed; shuffled."""
    if count < 2:
        raise RuleInputError("a multiple-choice problem needs at least 2 options")
    answer = problem.calculation.answer
    options: list[Number] = [answer]
    rationales: list[str | None] = [None]
    for misconception in problem.inputs.misconceptions():
        if len(options) == count:
            break
        if misconception.answer not in options and Fraction(misconception.answer) >= 0:
            options.append(misconception.answer)
            rationales.append(misconception.mistake)
    extra = 4
    candidates = _near_misses(answer)
    while len(options) < count:
        candidate = candidates.pop(0) if candidates else normalize(Fraction(answer) + extra)
        extra += 1
        if candidate not in options:
            options.append(candidate)
            rationales.append(NEAR_MISS)
    order = list(range(len(options)))
    rng.shuffle(order)
    return ChoiceProblem(
        problem,
        tuple(options[i] for i in order),
        order.index(0),
        tuple(rationales[i] for i in order),
    )


def generate_choice(kind: str, rng: random.Random, count: int = 4) -> ChoiceProblem:
    """A fresh multiple-choice problem of `kind`."""
    return choices(generate(kind, rng), rng, count)
