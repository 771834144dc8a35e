"""What every `studyaws calc` command prints: the answer and steps, JSON, or the grade of --check."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import click

from studyaws.cli.params import tidy
from studyaws.core.rules import Calculation, RuleInputError, Verdict
from studyaws.core.text import inert
from studyaws.errors import UsageError
from studyaws.service.calc import Worked, calculation_dict, grade, read_answer, verdict_dict, with_unit

F = TypeVar("F", bound=Callable[..., Any])


def output_options(fn: F) -> F:
    """Add --json and --check ANSWER to a calculator command."""
    fn = click.option(
        "--check",
        "check_answer",
        metavar="ANSWER",
        help="Grade ANSWER instead of printing the answer: right, the misconception it matches, or how far "
        "off it is.",
    )(fn)
    return click.option(
        "--json",
        "as_json",
        is_flag=True,
        help='Print one JSON object: {"calculator", "answer", "unit", "exact", "steps", "source", '
        '"warnings"}, or with --check {"correct", "mistake", "answer", "steps", ...}. "exact" is a string.',
    )(fn)


def step_lines(steps: tuple[str, ...]) -> list[str]:
    return [f"  {number}. {step}" for number, step in enumerate(steps, start=1)]


def calculation_text(calc: Calculation) -> str:
    lines = [with_unit(calc.answer, calc.unit), *step_lines(calc.steps)]
    if calc.source:
        lines.append(f"Source: {calc.source}")
    lines.extend(f"Warning: {warning}" for warning in calc.warnings)
    return "\n".join(lines)


def verdict_text(verdict: Verdict, calc: Calculation) -> str:
    if verdict.correct:
        lines = [f"Right: {with_unit(verdict.answer, verdict.unit)}."]
    else:
        lines = [f"Wrong: {verdict.mistake}", f"Answer: {with_unit(verdict.answer, verdict.unit)}"]
    lines.extend(step_lines(verdict.steps))
    if calc.source:
        lines.append(f"Source: {calc.source}")
    return "\n".join(lines)


def emit(worked: Worked, as_json: bool, check_answer: str | None) -> None:
    """Print the worked answer, or grade `check_answer` against it."""
    calc = worked.calculation
    if check_answer is None:
        click.echo(json.dumps(calculation_dict(calc)) if as_json else calculation_text(calc))
        return
    try:
        given = read_answer(check_answer)
    except RuleInputError as err:
        raise UsageError(f"--check: {inert(tidy(err))}") from None
    verdict = grade(worked, given)
    click.echo(json.dumps(verdict_dict(verdict)) if as_json else verdict_text(verdict, calc))
