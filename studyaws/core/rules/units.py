"""Byte and time units, and the pure parsers that turn "3.5KB", "250ms" or "5%" into exact numbers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction

from studyaws.core.rules.calculation import Number, RuleInputError, fmt_num

KB = 1024
"""DynamoDB counts 1 KB as 1,024 bytes (Constraints page: "All size measurements use binary-based units")."""
MB = 1024 * KB
GB = 1024 * MB

SIZE_UNITS: dict[str, int] = {
    "b": 1,
    "byte": 1,
    "bytes": 1,
    "kb": KB,
    "kib": KB,
    "mb": MB,
    "mib": MB,
    "gb": GB,
    "gib": GB,
}
"""Accepted size units, matched case-insensitively. KB and MB are binary, as DynamoDB and SQS count them."""

DURATION_UNITS: dict[str, Fraction] = {
    "ms": Fraction(1, 1000),
    "msec": Fraction(1, 1000),
    "s": Fraction(1),
    "sec": Fraction(1),
    "secs": Fraction(1),
    "second": Fraction(1),
    "seconds": Fraction(1),
    "min": Fraction(60),
    "mins": Fraction(60),
    "minute": Fraction(60),
    "minutes": Fraction(60),
    "h": Fraction(3600),
    "hr": Fraction(3600),
    "hour": Fraction(3600),
    "hours": Fraction(3600),
}

_QUANTITY = re.compile(
    r"""^\s*(?P<sign>[+-]?)\s*
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:_\d+)*(?:\.\d+)?|\.\d+|\d+/\d+)
    \s*(?P<unit>[A-Za-z%]*)\s*$""",
    re.VERBOSE,
)


def _exact(value: object, what: str) -> Fraction:
    """Accept an int or Fraction as an exact number; reject bools, floats and anything else."""
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise RuleInputError(
            f"{what} must be an int, a Fraction or text like '3.5', not {type(value).__name__}"
        )
    return Fraction(value)


def _split(text: str, what: str) -> tuple[Fraction, str]:
    """Split "3.5 KB" into (Fraction(7, 2), "kb"); reject signs, non-numbers and decimal commas."""
    match = _QUANTITY.match(text)
    if match is None:
        if re.match(r"^\s*[+-]?\d+,\d{1,2}(?!\d)", text):
            raise RuleInputError(f"{what} '{text}' uses a decimal comma; write it with a dot, e.g. '0.75'")
        raise RuleInputError(f"{what} '{text}' is not a number followed by a unit")
    try:
        number = Fraction(match["num"].replace(",", "").replace("_", ""))
    except ZeroDivisionError:
        raise RuleInputError(f"{what} '{text}' divides by zero") from None
    if match["sign"] == "-" and number != 0:
        raise RuleInputError(f"{what} '{text.strip()}' is negative; it must be greater than zero")
    return number, match["unit"].lower()


def parse_number(text: str | Number) -> Fraction:
    """Parse an exact, non-negative number: '12', '1,000', '12.5', '1/2'. Ints and Fractions pass through."""
    if not isinstance(text, str):
        return _exact(text, "number")
    number, unit = _split(text, "number")
    if unit:
        raise RuleInputError(f"number '{text}' has an unexpected unit '{unit}'")
    return number


def parse_size(text: str | Number) -> Fraction:
    """Parse a size such as '3.5KB', '400 KB', '3500 B', '1 MiB' into exact bytes.

    KB means 1,024 bytes, as DynamoDB counts; KiB is the same. MB and MiB are 1,048,576 bytes. A bare
    int or Fraction is taken as bytes. Zero, negative sizes, unknown units and non-numbers are rejected.
    """
    return _measure(text, "size", SIZE_UNITS, "bytes", "B, KB, KiB or MB", "B, KB, KiB, MB or MiB")


def parse_duration(text: str | Number) -> Fraction:
    """Parse a duration such as '250ms', '2s', '1.5 min' into exact seconds (a bare number is seconds)."""
    return _measure(text, "duration", DURATION_UNITS, "s", "ms, s or min", "ms, s, min or h")


def _measure(
    text: str | Number, what: str, units: Mapping[str, int | Fraction], bare_unit: str, add: str, known: str
) -> Fraction:
    """A positive quantity with a unit from `units`; a bare number is already in `bare_unit`."""
    if not isinstance(text, str):
        value = _exact(text, what)
        if value <= 0:
            raise RuleInputError(f"{what} {fmt_num(value)} {bare_unit} must be greater than zero")
        return value
    number, unit = _split(text, what)
    if not unit:
        raise RuleInputError(f"{what} '{text.strip()}' has no unit; add {add}")
    if unit not in units:
        raise RuleInputError(f"{what} '{text.strip()}' has an unknown unit '{unit}'; use {known}")
    value = number * units[unit]
    if value <= 0:
        raise RuleInputError(f"{what} '{text.strip()}' must be greater than zero")
    return value


def parse_rate(text: str | Number) -> Fraction:
    """Parse a sampling rate: '5%' or '0.05' or Fraction(1, 20); it must lie between 0 and 1."""
    if not isinstance(text, str):
        rate = _exact(text, "rate")
    else:
        number, unit = _split(text, "rate")
        if unit not in ("", "%"):
            raise RuleInputError(f"rate '{text}' has an unknown unit '{unit}'; write '5%' or '0.05'")
        rate = number / 100 if unit == "%" else number
    if not 0 <= rate <= 1:
        raise RuleInputError(f"rate {fmt_num(rate)} must be between 0 and 1 (0% to 100%)")
    return rate


def positive(value: str | Number, what: str) -> Fraction:
    """Parse a count or rate that must be greater than zero (e.g. requests per second)."""
    number = parse_number(value)
    if number <= 0:
        raise RuleInputError(f"{what} must be greater than zero, not {fmt_num(number)}")
    return number


def whole(value: str | Number, what: str, minimum: int = 1) -> int:
    """Parse a whole number that must be at least `minimum` (e.g. shards, instances)."""
    number = parse_number(value)
    if number.denominator != 1:
        raise RuleInputError(f"{what} must be a whole number, not {fmt_num(number)}")
    if number < minimum:
        raise RuleInputError(f"{what} must be at least {minimum}, not {fmt_num(number)}")
    return number.numerator


def fmt_kb(size: Number) -> str:
    """Bytes in DynamoDB's KB (1,024 bytes) when tidy (3,584 → '3.5 KB'), else in bytes ('6,500 bytes')."""
    frac = Fraction(size)
    kb = frac / KB
    if (kb * 100).denominator == 1 or frac.denominator != 1:
        return f"{fmt_num(kb)} KB"
    return f"{frac.numerator:,} bytes"


def fmt_size(size: Number) -> str:
    """Bytes shown as bytes when small, else KB or MB (binary), exact where the decimal ends."""
    frac = Fraction(size)
    if frac < KB:
        return f"{fmt_num(frac)} bytes"
    if frac < MB or (frac / MB * 100).denominator != 1:
        return fmt_kb(frac)
    return f"{fmt_num(frac / MB)} MB"


def fmt_seconds(seconds: Number) -> str:
    """Seconds shown as '250 ms' below one second, else '2 s'."""
    frac = Fraction(seconds)
    if frac < 1:
        return f"{fmt_num(frac * 1000)} ms"
    return f"{fmt_num(frac)} s"
