"""Problem generation: every kind works, seeds are reproducible, multiple-choice options are sound."""

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyaws.core.rules import KINDS, RuleInputError, check, choices, generate, generate_choice
from studyaws.core.rules.problems import NEAR_MISS


def test_kinds_match_calculator_names() -> None:
    assert len(KINDS) == 16
    for kind in KINDS:
        problem = generate(kind, random.Random(0))
        assert problem.kind == kind == problem.calculation.calculator
        assert problem.text.endswith("?")
        assert problem.calculation == problem.inputs.calculate()


@given(st.sampled_from(KINDS), st.integers(min_value=0, max_value=2**32))
@settings(max_examples=300)
def test_same_seed_same_problem(kind: str, seed: int) -> None:
    first, second = generate(kind, random.Random(seed)), generate(kind, random.Random(seed))
    assert first == second
    assert first.calculation.steps
    assert check(first.inputs, first.calculation.answer).correct


def test_seeds_vary_problems() -> None:
    for kind in KINDS:
        texts = {generate(kind, random.Random(seed)).text for seed in range(30)}
        assert len(texts) > 5, kind


@given(
    st.sampled_from(KINDS), st.integers(min_value=0, max_value=2**32), st.integers(min_value=2, max_value=6)
)
@settings(max_examples=300)
def test_choice_options(kind: str, seed: int, count: int) -> None:
    choice = generate_choice(kind, random.Random(seed), count)
    answer = choice.problem.calculation.answer
    assert len(choice.options) == count
    assert len(set(choice.options)) == count
    assert choice.options[choice.correct_index] == answer
    assert choice.rationales[choice.correct_index] is None
    assert all(Fraction(option) >= 0 for option in choice.options)
    named: dict[int | Fraction, str] = {}
    for misconception in choice.problem.inputs.misconceptions():
        named.setdefault(misconception.answer, misconception.mistake)
    for option, rationale in zip(choice.options, choice.rationales, strict=True):
        if option != answer:
            assert rationale is not None
            assert rationale == NEAR_MISS or named.get(option) == rationale
    assert generate_choice(kind, random.Random(seed), count) == choice


def test_distractors_prefer_misconceptions() -> None:
    problem = generate("dynamodb-read", random.Random(7))
    distinct = {m.answer for m in problem.inputs.misconceptions()} - {problem.calculation.answer}
    choice = choices(problem, random.Random(1), 4)
    named = [r for r in choice.rationales if r not in (None, NEAR_MISS)]
    assert len(named) == min(3, len(distinct))


def test_unknown_kind_and_bad_count() -> None:
    with pytest.raises(RuleInputError, match="unknown problem kind"):
        generate("ec2-pricing", random.Random(0))
    with pytest.raises(RuleInputError, match="at least 2"):
        generate_choice("kms-encrypt", random.Random(0), 1)
