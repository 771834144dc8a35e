"""The calculator service's exact-number text and JSON, and drill kind names."""

from __future__ import annotations

import json
import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyaws.core.rules import KINDS, ReadInputs, generate, read_capacity
from studyaws.errors import UsageError
from studyaws.service.calc import calculation_dict, exact_text, jsonable, number_json, with_unit
from studyaws.service.drills import ALIASES, resolve_kind


@pytest.mark.parametrize(
    ("value", "text"),
    [(40, "40"), (Fraction(79, 2), "39.5"), (Fraction(-1, 40), "-0.025"), (Fraction(100, 3), "100/3")],
)
def test_exact_text(value: int | Fraction, text: str) -> None:
    assert exact_text(value) == text


@given(st.fractions(max_denominator=10_000))
def test_exact_text_reads_back_exactly(value: Fraction) -> None:
    assert Fraction(exact_text(value)) == value


def test_number_json_and_units() -> None:
    assert number_json(Fraction(80, 2)) == 40 and number_json(Fraction(75, 2)) == "37.5"
    assert with_unit(Fraction(75, 2), "RRU") == "37.5 RRU" and with_unit(1200, "WCU") == "1,200 WCU"


def test_inputs_become_plain_json() -> None:
    inputs = ReadInputs.build(["3.5KB", "1.5KB"], "80", "eventual", "batch-get")
    data = jsonable(inputs)
    assert data == {
        "sizes": [3584, 1536],
        "rate": 80,
        "consistency": "eventual",
        "op": "batch-get",
        "mode": "provisioned",
        "single_partition": False,
    }
    for kind in KINDS:  # every generated problem's inputs can be stored
        json.dumps(jsonable(generate(kind, random.Random(3)).inputs))


def test_calculation_dict_keys() -> None:
    data = calculation_dict(read_capacity(["3.5KB"], 80, "eventual"))
    assert list(data) == ["calculator", "answer", "unit", "exact", "steps", "source", "warnings"]
    assert isinstance(data["exact"], str)


def test_kind_names_and_aliases() -> None:
    assert set(ALIASES.values()) <= set(KINDS)
    assert resolve_kind("RCU") == "dynamodb-read" and resolve_kind("kms-encrypt") == "kms-encrypt"
    with pytest.raises(UsageError, match=r"^KIND: unknown drill kind 'dynamo'"):
        resolve_kind("dynamo")
