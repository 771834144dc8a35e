"""Parsing helpers: sizes, durations, rates and numbers, and the errors they raise."""

from fractions import Fraction

import pytest

from studyaws.core.rules import RuleInputError, parse_duration, parse_number, parse_rate, parse_size
from studyaws.core.rules.calculation import fmt_num
from studyaws.core.rules.units import fmt_size


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.5KB", 3584),
        ("3.5 KB", 3584),
        ("3,500 B", 3500),
        ("3500b", 3500),
        ("1 KiB", 1024),
        ("400KB", 409_600),
        ("1 MB", 1_048_576),
        ("1MiB", 1_048_576),
        ("0.5 kb", 512),
        ("1.3KB", Fraction(13312, 10)),
        (".5KB", 512),
        ("  64 bytes ", 64),
        (4096, 4096),
        (Fraction(7, 2), Fraction(7, 2)),
    ],
)
def test_parse_size(text: str | int | Fraction, expected: int | Fraction) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("-3KB", "negative"),
        ("0KB", "greater than zero"),
        ("0", "has no unit"),
        ("12", "has no unit"),
        ("3.5 parsecs", "unknown unit 'parsecs'"),
        ("three KB", "not a number"),
        ("", "not a number"),
        ("KB", "not a number"),
        ("0,75KB", "decimal comma"),
        ("nan KB", "not a number"),
        (0, "greater than zero"),
        (-5, "greater than zero"),
    ],
)
def test_parse_size_errors(text: str | int, fragment: str) -> None:
    with pytest.raises(RuleInputError, match=fragment) as info:
        parse_size(text)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


def test_parse_size_rejects_floats_and_bools() -> None:
    with pytest.raises(RuleInputError, match="float"):
        parse_size(3.5)  # type: ignore[arg-type]
    with pytest.raises(RuleInputError, match="bool"):
        parse_size(True)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("250ms", Fraction(1, 4)),
        ("2s", 2),
        ("1.5 s", Fraction(3, 2)),
        ("1.5 min", 90),
        ("1h", 3600),
        ("800 ms", Fraction(4, 5)),
        (3, 3),
    ],
)
def test_parse_duration(text: str | int, seconds: int | Fraction) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("250", "no unit"), ("2 fortnights", "unknown unit"), ("-2s", "negative"), ("0ms", "greater than zero")],
)
def test_parse_duration_errors(text: str, fragment: str) -> None:
    with pytest.raises(RuleInputError, match=fragment):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("5%", Fraction(1, 20)),
        ("0.05", Fraction(1, 20)),
        ("100%", 1),
        ("0", 0),
        (Fraction(1, 10), Fraction(1, 10)),
    ],
)
def test_parse_rate(text: str | Fraction, rate: int | Fraction) -> None:
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["150%", "1.5", "5 per cent", "-5%"])
def test_parse_rate_errors(text: str) -> None:
    with pytest.raises(RuleInputError):
        parse_rate(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("1,000", 1000), ("2.5", Fraction(5, 2)), ("1/2", Fraction(1, 2)), ("1_000", 1000)],
)
def test_parse_number(text: str, value: int | Fraction) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["twelve", "1/0", "12 RCU", "-4"])
def test_parse_number_errors(text: str) -> None:
    with pytest.raises(RuleInputError):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234, "1,234"),
        (Fraction(7, 2), "3.5"),
        (Fraction(1, 3), "≈0.3333"),
        (Fraction(-1, 2), "-0.5"),
        (0, "0"),
    ],
)
def test_fmt_num(value: int | Fraction, text: str) -> None:
    assert fmt_num(value) == text


def test_fmt_size() -> None:
    assert fmt_size(500) == "500 bytes"
    assert fmt_size(3584) == "3.5 KB"
    assert fmt_size(1_048_576) == "1 MB"
