"""Calculator results for the CLI and the TUI: exact numbers as text, JSON-ready dicts, grading an answer.

JSON conventions (``studyaws calc … --json``):

* ``exact`` is always a **string** holding the exact value: an integer (``"40"``), a terminating decimal
  (``"39.5"``) or, when the decimal would not end, a fraction (``"100/3"``). ``fractions.Fraction(exact)``
  reads all three back exactly.
* ``answer`` (and ``given`` when grading) is a JSON **integer** when whole, else a string as for ``exact``
  (an on-demand read can consume 37.5 RRU). Floats never appear.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Any

from studyaws.core.rules import Calculation, Drill, Number, Verdict, check
from studyaws.core.rules.calculation import fmt_num
from studyaws.core.rules.grading import parse_answer


@dataclass(frozen=True, slots=True)
class Worked:
    """A calculator's inputs (for grading) and its worked answer (possibly with extra warnings)."""

    inputs: Drill
    calculation: Calculation


def exact_text(value: Number) -> str:
    """'40', '39.5' or '100/3': the exact value, as a decimal only when the decimal ends."""
    frac = Fraction(value)
    if frac.denominator == 1:
        return str(frac.numerator)
    den = frac.denominator
    for prime in (2, 5):
        while den % prime == 0:
            den //= prime
    if den != 1:
        return f"{frac.numerator}/{frac.denominator}"
    places = 0
    while (frac * 10**places).denominator != 1:
        places += 1
    scaled = abs(frac.numerator * 10**places // frac.denominator)
    whole, rest = divmod(scaled, 10**places)
    return f"{'-' if frac < 0 else ''}{whole}.{rest:0{places}d}"


def number_json(value: Number) -> int | str:
    """A JSON integer when whole, else the exact text."""
    frac = Fraction(value)
    return frac.numerator if frac.denominator == 1 else exact_text(frac)


def with_unit(value: Number, unit: str) -> str:
    """'40 RCU', '37.5 RRU', '≈33.3333 seconds'."""
    return f"{fmt_num(value)} {unit}".strip()


def jsonable(value: Any) -> Any:
    """Rules inputs (dataclasses of Fractions, enums, tuples) as plain JSON values, exact numbers as text."""
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, bool | str | int):
        return value
    if isinstance(value, Fraction):
        return number_json(value)
    if isinstance(value, tuple | list):
        return [jsonable(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise TypeError(f"cannot turn {type(value).__name__} into JSON")


def calculation_dict(calc: Calculation) -> dict[str, Any]:
    """The `calc --json` object."""
    return {
        "calculator": calc.calculator,
        "answer": number_json(calc.answer),
        "unit": calc.unit,
        "exact": exact_text(calc.exact),
        "steps": list(calc.steps),
        "source": calc.source,
        "warnings": list(calc.warnings),
    }


def read_answer(text: str) -> Fraction:
    """A typed answer ('40', '1,000', '37.5', '40 RCU'); raises RuleInputError when it is not a number."""
    return parse_answer(text)


def grade(worked: Worked, answer: str | Number) -> Verdict:
    """Grade an answer: right, a named misconception, or how far off it is."""
    return check(worked.inputs, answer)


def verdict_dict(verdict: Verdict) -> dict[str, Any]:
    """The `calc --check … --json` object: correct, mistake, answer, steps, plus the code and unit."""
    return {
        "correct": verdict.correct,
        "mistake": verdict.mistake,
        "answer": number_json(verdict.answer),
        "steps": list(verdict.steps),
        "misconception": verdict.misconception,
        "given": None if verdict.given is None else number_json(verdict.given),
        "unit": verdict.unit,
    }


def build(make: Callable[[], Drill]) -> Worked:
    """Build inputs and work them out; RuleInputError propagates for the caller to name the option."""
    inputs = make()
    return Worked(inputs, inputs.calculate())


def lambda_with_reservation(worked: Worked, reserved: int) -> Worked:
    """Add a warning when a function's reserved concurrency is below what its traffic needs."""
    calc = worked.calculation
    needed = Fraction(calc.answer)
    if needed <= reserved:
        return worked
    note = (
        f"The function's reserved concurrency of {reserved:,} caps it below the {fmt_num(needed)} it "
        "needs: invocations beyond it are throttled (429), whatever the account has free."
    )
    return Worked(worked.inputs, dataclasses.replace(calc, warnings=(*calc.warnings, note)))
