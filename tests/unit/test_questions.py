"""Question bank: loading with file:line errors, reading a learner's letters, all-or-nothing scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaws.core.cards import Option
from studyaws.core.fmt import clock_time
from studyaws.core.questions import ChoiceError, Question, is_correct, parse_choice
from studyaws.decks.questions import load_bank, load_banks
from studyaws.errors import DeckError

FIXTURE = Path(__file__).parent.parent / "fixtures" / "questions" / "mini_bank.yaml"


def q(kind: str = "single", right: str = "B", n: int = 4) -> Question:
    letters = "ABCDEFGH"[:n]
    options = tuple(
        Option(f"opt {c}", ("Right." if c in right else "Wrong.") + " why", c in right) for c in letters
    )
    return Question("q-x", "b", kind, "easy", "stem", options, ("https://docs.aws.amazon.com/x",))


def test_single_answer_reads_one_letter_in_any_case() -> None:
    assert parse_choice(" b ", q()) == frozenset("B")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("E", "'E' is not an option: answer with A-D"),
        ("A,B", "choose one option, not 2"),
        ("", "type a letter"),
        ("1", "'1' is not an option"),
    ],
)
def test_bad_single_answers_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(ChoiceError, match=message):
        parse_choice(text, q())


def test_multiple_response_needs_exactly_the_stated_count() -> None:
    multi = q("multiple", "AD", 5)
    assert parse_choice("a,d", multi) == frozenset("AD")
    assert parse_choice("DA", multi) == frozenset("AD")
    with pytest.raises(ChoiceError, match="choose exactly 2 options, not 1"):
        parse_choice("A", multi)
    with pytest.raises(ChoiceError, match="choose exactly 2 options, not 3"):
        parse_choice("A,B,D", multi)
    with pytest.raises(ChoiceError, match="repeated"):
        parse_choice("A,A", multi)


def test_multiple_response_is_all_or_nothing() -> None:
    multi = q("multiple", "AD", 5)
    assert is_correct(multi, frozenset("AD"))
    assert not is_correct(multi, frozenset("AB"))  # one right, one wrong: no partial credit
    assert not is_correct(multi, frozenset("A"))
    assert not is_correct(multi, frozenset())


def test_fixture_bank_loads() -> None:
    bank_id, questions = load_bank(FIXTURE)
    assert bank_id == "mini-bank"
    assert len(questions) == 12
    assert {x.kind for x in questions} == {"single", "multiple"}
    assert all(len(x.right) == x.choose for x in questions)


def _bank(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bank.yaml"
    path.write_text("bank: {id: t, title: T}\nquestions:\n" + body, encoding="utf-8")
    return path


GOOD = """\
  - id: q-one
    type: single
    difficulty: easy
    stem: A scenario?
    options:
      - {text: a, why: Wrong. no}
      - {text: b, why: Right. yes}
      - {text: c, why: Wrong. no}
      - {text: d, why: Wrong. no}
    answer: B
    domain: {dva-c03: "1"}
    task: {dva-c03: "1.1"}
    sources: [https://docs.aws.amazon.com/lambda/latest/dg/welcome.html]
    verified: 2026-11-24
"""


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        (
            "      - {text: c, why: Wrong. no}\n",
            "      - {text: c}\n",
            ":10:9: questions[0] (q-one).options[2]: missing field 'why'",
        ),
        (
            "{text: b, why: Right. yes}",
            "{text: b, why: yes}",
            ":9:24: questions[0] (q-one).options[1].why: must start with 'Right.'",
        ),
        ("answer: B", "answer: E", ":12:13: questions[0] (q-one).answer: must be letters among A, B, C, D"),
        ("answer: B", "answer: [A, B]", "has exactly one right option"),
        ("type: single", "type: multiple", "a multiple-response question has 5 or 6 options, found 4"),
        ("difficulty: easy", "difficulty: brutal", "'brutal' is not one of easy, medium, hard"),
        (
            "sources: [https://docs.aws.amazon.com/lambda/latest/dg/welcome.html]",
            "sources: [http://example.com]",
            "is not an https AWS documentation URL",
        ),
        ('task: {dva-c03: "1.1"}', 'task: {dva-c03: "2.1"}', "'2.1' is not in domain 1"),
        (
            '    domain: {dva-c03: "1"}\n    task: {dva-c03: "1.1"}\n',
            "",
            "needs task and domain tags for dva-c03",
        ),
        ("verified: 2026-11-24", "verified: 2026-02-30", "is not a date"),
    ],
)
def test_bank_errors_name_file_line_and_problem(tmp_path: Path, old: str, new: str, error: str) -> None:
    assert old in GOOD
    path = _bank(tmp_path, GOOD.replace(old, new))
    with pytest.raises(DeckError) as exc:
        load_bank(path)
    assert str(exc.value).startswith(str(path) + ":")
    assert error in str(exc.value)


def test_multiple_response_stem_must_say_how_many(tmp_path: Path) -> None:
    body = GOOD.replace("type: single", "type: multiple").replace("answer: B", "answer: [B, E]")
    body = body.replace(
        "      - {text: d, why: Wrong. no}\n",
        "      - {text: d, why: Wrong. no}\n      - {text: e, why: Right. yes}\n",
    )
    with pytest.raises(DeckError, match=r"must end with '\(Choose two.\)'"):
        load_bank(_bank(tmp_path, body))
    fixed = body.replace("stem: A scenario?", "stem: A scenario? (Choose two.)")
    _, questions = load_bank(_bank(tmp_path, fixed))
    assert questions[0].right == frozenset("BE")


def test_duplicate_ids_within_and_across_files(tmp_path: Path) -> None:
    path = _bank(tmp_path, GOOD + GOOD)
    with pytest.raises(
        DeckError, match=r"bank.yaml:17:5: questions\[1\]: id 'q-one' is used twice \(first at line 3\)"
    ):
        load_bank(path)
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text("bank: {id: a, title: A}\nquestions:\n" + GOOD, encoding="utf-8")
    b.write_text("bank: {id: b, title: B}\nquestions:\n" + GOOD, encoding="utf-8")
    with pytest.raises(DeckError, match=r"b.yaml:3:1: question id 'q-one' is also used at .*a.yaml:3"):
        load_banks([a, b])


def test_yaml_tags_are_refused(tmp_path: Path) -> None:
    path = _bank(tmp_path, GOOD.replace("stem: A scenario?", "stem: !!python/object:os.system x"))
    with pytest.raises(DeckError, match=r"bank.yaml:\d+:\d+: .*tag"):
        load_bank(path)


def test_clock_time_rounds_up_and_shows_hours() -> None:
    assert clock_time(130 * 60_000) == "2:10:00"
    assert clock_time(61_001) == "1:02"
    assert clock_time(1) == "0:01"
    assert clock_time(0) == "0:00"
    assert clock_time(-5) == "0:00"
