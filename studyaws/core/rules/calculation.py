"""Result types every calculator returns, the input error, and exact-number helpers they share."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol

Number = int | Fraction
"""An exact number: calculators never hand out floats."""


class RuleInputError(ValueError):
    """A calculator input is invalid; the message is one line naming what is wrong."""


@dataclass(frozen=True, slots=True)
class Calculation:
    """One worked answer.

    `answer` is what the exam expects (usually whole units to provision, rounded up); `exact` is the
    unrounded consumption; `steps` are sentences showing each step with its numbers; `source` is the AWS
    documentation page the rule follows; `warnings` flag limits the workload runs into.
    """

    calculator: str
    answer: Number
    unit: str
    exact: Fraction
    steps: tuple[str, ...]
    source: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Misconception:
    """The answer a student reaches by applying one classic wrong rule, and a sentence naming it."""

    code: str
    mistake: str
    answer: Number


class Drill(Protocol):
    """What grading and problem generation need from a calculator's inputs."""

    def calculate(self) -> Calculation: ...

    def misconceptions(self) -> tuple[Misconception, ...]: ...


def normalize(value: Number) -> Number:
    """Return an int when the value is whole, else the Fraction itself."""
    frac = Fraction(value)
    return frac.numerator if frac.denominator == 1 else frac


def ceil_up(value: Number) -> int:
    """Round up to the next whole number, exactly."""
    return math.ceil(Fraction(value))


def fmt_num(value: Number, places: int = 4) -> str:
    """Format an exact number for a sentence: thousands separators, exact decimals where they end."""
    frac = Fraction(value)
    sign = "-" if frac < 0 else ""
    frac = abs(frac)
    if frac.denominator == 1:
        return f"{sign}{frac.numerator:,}"
    whole, rest = divmod(frac.numerator, frac.denominator)
    digits = []
    remainder = rest
    for _ in range(places):
        remainder *= 10
        digit, remainder = divmod(remainder, frac.denominator)
        digits.append(str(digit))
        if remainder == 0:
            break
    text = f"{whole:,}.{''.join(digits)}".rstrip("0").rstrip(".")
    return f"{sign}{text}" if remainder == 0 else f"≈{sign}{text}"


def fmt_pct(rate: Fraction) -> str:
    """Format a fraction between 0 and 1 as a percentage."""
    return f"{fmt_num(rate * 100)}%"


def plural(count: Number, word: str, many: str | None = None) -> str:
    """`3 shards`, `1 shard`: the count formatted, then the word in the right number."""
    return f"{fmt_num(count)} {word if Fraction(count) == 1 else (many or word + 's')}"


def require(condition: bool, message: str) -> None:
    """Raise RuleInputError with `message` unless `condition` holds."""
    if not condition:
        raise RuleInputError(message)
