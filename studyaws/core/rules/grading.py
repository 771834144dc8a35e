"""Grade an answer to a calculator drill: right, a named misconception, or how far off it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from studyaws.core.rules.calculation import Drill, Number, RuleInputError, fmt_num, normalize
from studyaws.core.rules.units import parse_number

_TRAILING_WORDS = re.compile(r"\s*[A-Za-z][A-Za-z /()-]*$")


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one answer.

    `mistake` names the misconception recognised, or says how far off the answer is (None when correct);
    `misconception` is the code of the first misconception recognised and `codes` lists every one that gives
    the same number (`mistake` then names each of them); `answer` and `steps` come from
    the right calculation; `given` is the answer as parsed (None if it could not be read).
    """

    correct: bool
    mistake: str | None
    answer: Number
    steps: tuple[str, ...]
    given: Number | None = None
    misconception: str | None = None
    unit: str = ""
    codes: tuple[str, ...] = ()


def parse_answer(answer: str | Number) -> Fraction:
    """Read a typed answer: '20', '1,000', '2.5', '1/2', optionally followed by a unit ('20 RCU')."""
    if isinstance(answer, str):
        answer = _TRAILING_WORDS.sub("", answer.strip()) or answer
    return parse_number(answer)


def check(inputs: Drill, user_answer: str | Number) -> Verdict:
    """Grade `user_answer` against the calculation `inputs` describe.

    Recognises each classic misconception by recomputing with the wrong rule and comparing; any other
    wrong answer is described as "Off by D (you said X, the answer is Y)."
    """
    calc = inputs.calculate()
    answer = calc.answer
    try:
        given = parse_answer(user_answer)
    except RuleInputError as err:
        return Verdict(
            False, f"Could not read your answer: {err}.", answer, calc.steps, None, None, calc.unit
        )
    said = normalize(given)
    if given == answer:
        return Verdict(True, None, answer, calc.steps, said, None, calc.unit)
    if given == calc.exact and calc.exact != answer:
        return Verdict(
            False,
            f"You gave the exact consumption ({fmt_num(calc.exact)}); the answer is a whole number of "
            f"{calc.unit}, so round up to {fmt_num(answer)}.",
            answer,
            calc.steps,
            said,
            "not-rounded-up",
            calc.unit,
        )
    matches = [m for m in inputs.misconceptions() if m.answer != answer and m.answer == given]
    if matches:
        explained = " Alternatively: ".join(dict.fromkeys(m.mistake for m in matches))
        return Verdict(
            False,
            f"{explained} The answer is {fmt_num(answer)}.",
            answer,
            calc.steps,
            said,
            matches[0].code,
            calc.unit,
            tuple(m.code for m in matches),
        )
    gap = abs(given - Fraction(answer))
    return Verdict(
        False,
        f"Off by {fmt_num(gap)} (you said {fmt_num(given)}, the answer is {fmt_num(answer)}).",
        answer,
        calc.steps,
        said,
        None,
        calc.unit,
    )
