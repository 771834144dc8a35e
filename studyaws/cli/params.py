"""Click option types for calculator input (sizes, durations, numbers, rates) and one-line usage errors."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import click

from studyaws.core.rules import RuleInputError, parse_duration, parse_number, parse_rate, parse_size
from studyaws.core.rules.calculation import fmt_num
from studyaws.core.text import inert
from studyaws.errors import UsageError

if TYPE_CHECKING:
    ParamBase = click.ParamType[Any, Any]
else:
    ParamBase = click.ParamType  # type parameters arrived in a later click 8; older ones take none

DYNAMODB_ITEM_BYTES = 400 * 1024
_WHAT = re.compile(r"^(number|size|duration|rate) ")


def tidy(err: RuleInputError) -> str:
    """A rules message without its leading noun ('size '-3KB' …' → ''-3KB' …'), since the option names it."""
    return _WHAT.sub("", str(err)).replace("is not a number followed by a unit", "is not a number")


def _hint(param: click.Parameter | None) -> str:
    if param is None:
        return "input"
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return param.human_readable_name.upper()


def one_line(exc: click.UsageError) -> str:
    """`--size: '-3KB' must be more than 0 bytes`: click's multi-line usage error, in one line."""
    if isinstance(exc, click.MissingParameter):
        return f"{_hint(exc.param)}: is required"
    if isinstance(exc, click.BadParameter):
        return f"{_hint(exc.param)}: {exc.message}"
    return " ".join(exc.format_message().split())


class OneLineCommand(click.Command):
    """A command whose usage errors are one `studyaws: error: OPTION: problem` line (exit 2)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise UsageError(inert(one_line(exc))) from None


class OneLineGroup(click.Group):
    """A group of OneLineCommands; an unknown subcommand is one line naming KIND."""

    command_class = OneLineCommand

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            known = ", ".join(self.list_commands(ctx))
            raise UsageError(f"KIND: unknown calculator '{inert(name)}'; choose one of {known}")
        return super().resolve_command(ctx, args)


@contextlib.contextmanager
def rule_errors(default: str, blame: Mapping[str, str] | None = None) -> Iterator[None]:
    """Turn a RuleInputError raised while building inputs into a UsageError naming the option at fault:
    the first option whose keyword appears in the message, else `default`."""
    try:
        yield
    except RuleInputError as err:
        text = str(err)
        option = next((opt for word, opt in (blame or {}).items() if word in text), default)
        raise UsageError(f"{option}: {inert(text)}") from None


class _Quantity(ParamBase):
    """Shared conversion: strings go through a rules parser; values already converted pass through."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self.parse(value.strip())
        except RuleInputError as err:
            self.fail(self.explain(value.strip(), err), param, ctx)

    def parse(self, text: str) -> Any:
        raise NotImplementedError

    def explain(self, text: str, err: RuleInputError) -> str:
        return tidy(err)


class Size(_Quantity):
    """3.5KB, 400 KB, 3500B, 1MiB: exact bytes (1 KB = 1,024 bytes, as DynamoDB counts)."""

    name = "size"

    def __init__(self, limit: int | None = None, limit_text: str = "") -> None:
        self.limit = limit
        self.limit_text = limit_text

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "SIZE"

    def parse(self, text: str) -> Fraction:
        size = parse_size(text)
        if self.limit is not None and size > self.limit:
            raise RuleInputError(
                f"'{text}' ({fmt_num(size)} bytes) is over {self.limit_text} ({self.limit:,} bytes)"
            )
        return size

    def explain(self, text: str, err: RuleInputError) -> str:
        if "negative" in str(err) or "greater than zero" in str(err):
            return f"'{text}' must be more than 0 bytes"
        return tidy(err)


class Duration(_Quantity):
    """250ms, 2s: exact seconds."""

    name = "duration"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "DURATION"

    def parse(self, text: str) -> Fraction:
        return parse_duration(text)

    def explain(self, text: str, err: RuleInputError) -> str:
        if "negative" in str(err) or "greater than zero" in str(err):
            return f"'{text}' must be more than 0 ms"
        return tidy(err)


class Number(_Quantity):
    """An exact number ('80', '1,000', '12.5'); optionally whole, optionally at least `minimum`."""

    name = "number"

    def __init__(self, minimum: int = 0, whole: bool = False, strict: bool = False) -> None:
        self.minimum = minimum
        self.whole = whole
        self.strict = strict

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "N"

    def parse(self, text: str) -> Fraction | int:
        number = parse_number(text)
        if self.strict and number <= self.minimum:
            raise RuleInputError(f"'{text}' must be more than {self.minimum}")
        if number < self.minimum:
            raise RuleInputError(f"'{text}' must be at least {self.minimum}")
        if self.whole:
            if number.denominator != 1:
                raise RuleInputError(f"'{text}' must be a whole number")
            return number.numerator
        return number

    def explain(self, text: str, err: RuleInputError) -> str:
        if "negative" in str(err):
            return f"'{text}' must be {'more than' if self.strict else 'at least'} {self.minimum}"
        return tidy(err)


class Rate(_Quantity):
    """A sampling rate: '5%' or '0.05'."""

    name = "rate"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "F"

    def parse(self, text: str) -> Fraction:
        return parse_rate(text)

    def explain(self, text: str, err: RuleInputError) -> str:
        if "between" in str(err):
            return f"'{text}' must be between 0 and 1 (0% to 100%)"
        return tidy(err)


POSITIVE = Number(minimum=0, strict=True)
"""A rate or count that must be more than 0 (requests per second, calls per second)."""
NON_NEGATIVE = Number()
COUNT = Number(minimum=1, whole=True)
COUNT_OR_ZERO = Number(whole=True)
ITEM_SIZE = Size(DYNAMODB_ITEM_BYTES, "DynamoDB's 400 KB item limit")
SIZE = Size()
DURATION = Duration()
RATE = Rate()
