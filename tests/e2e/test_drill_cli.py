"""`studyaws drill --plain` from a pipe: seeded problems, verdicts with named mistakes, results in the DB."""

from __future__ import annotations

import random
import re
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from studyaws.cli.drill import MAX_SEED
from studyaws.core.rules import KINDS, check, generate, generate_choice
from studyaws.core.rules.calculation import fmt_num
from studyaws.core.rules.problems import NEAR_MISS
from studyaws.service.calc import exact_text
from studyaws.service.drills import LETTERS
from studyaws.service.drills import MAX_SEED as SERVICE_MAX_SEED
from tests.conftest import cli_env

Run = Callable[..., subprocess.CompletedProcess[str]]
ESC = re.compile(r"\x1b|\x9b")
DAY0 = "2026-11-24T09:00"


def at(home: Path, moment: str) -> dict[str, str]:
    return cli_env(home, STUDYAWS_NOW=moment)


def log_rows(home: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(home / "data" / "studyaws.db")
    try:
        query = "SELECT kind, seed, given, correct, mistake, choice, expected FROM drill_log ORDER BY id"
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def answer_of(kind: str, seed: int) -> str:
    return exact_text(generate(kind, random.Random(seed)).calculation.answer)


def shown(kind: str, seed: int) -> str:
    return fmt_num(generate(kind, random.Random(seed)).calculation.answer)


def named_wrong_answer(kind: str, seed: int) -> tuple[str, str, str]:
    """A wrong answer that a misconception explains: (typed answer, code, mistake sentence)."""
    problem = generate(kind, random.Random(seed))
    for misconception in problem.inputs.misconceptions():
        verdict = check(problem.inputs, misconception.answer)
        if not verdict.correct and verdict.misconception and verdict.mistake:
            return exact_text(misconception.answer), verdict.misconception, verdict.mistake
    raise AssertionError(f"{kind} seed {seed} has no misconception to test with")


def test_seeded_drills_from_a_pipe_right_wrong_and_stored(run_cli: Run, home: Path) -> None:
    # Fresh database: every kind is new, so the kinds come in KINDS order; problem i uses seed 1 + i.
    kinds = KINDS[:3]
    right = answer_of(kinds[0], 1)
    named, code, mistake = named_wrong_answer(kinds[1], 2)
    off = check(generate(kinds[2], random.Random(3)).inputs, "987654321")
    stdin = f"{right}\nnot a number\n\n{named}\n987654321\n"
    result = run_cli("drill", "--plain", "--seed", "1", "--count", "3", stdin=stdin, env=at(home, DAY0))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert not ESC.search(out)
    for number, kind in enumerate(kinds, start=1):
        assert f"Drill {number}/3 · {kind} · seed {number}" in out
    assert f"Right: {shown(kinds[0], 1)} " in out
    assert "Could not read 'not a number': type a number, e.g. 40." in out
    assert f"Wrong: {mistake}" in out
    assert f"Wrong: {off.mistake}" in out
    assert out.count("Steps:") == 3 and "  1. " in out
    assert "Drill over: 1 of 3 right." in out
    rows = log_rows(home)
    assert [(r[0], r[1], r[3]) for r in rows] == [(kinds[0], 1, 1), (kinds[1], 2, 0), (kinds[2], 3, 0)]
    assert rows[0][2] == right and rows[0][6] == right
    assert rows[1][4] == code and rows[2][4] == off.misconception  # a named mistake is stored by its code


def test_same_seed_replays_the_same_problem(run_cli: Run, home: Path) -> None:
    first = run_cli("drill", "kinesis", "--plain", "--seed", "42", "--count", "1", stdin="q\n")
    again = run_cli("drill", "kinesis-shards", "--plain", "--seed", "42", "--count", "1", stdin="")
    assert first.returncode == again.returncode == 0
    text = generate("kinesis-shards", random.Random(42)).text
    assert text in first.stdout and text in again.stdout
    assert "Drill over: 0 of 0 right." in again.stdout  # EOF quits; nothing answered, nothing stored
    assert log_rows(home) == []


def test_multiple_choice_distractors_are_misconceptions(run_cli: Run, home: Path) -> None:
    seed = next(
        s
        for s in range(1, 200)
        if any(
            r not in (None, NEAR_MISS) for r in generate_choice("dynamodb-read", random.Random(s)).rationales
        )
    )
    multi = generate_choice("dynamodb-read", random.Random(seed))
    wrong = next(i for i, r in enumerate(multi.rationales) if r not in (None, NEAR_MISS))
    args = ("drill", "rcu", "--plain", "--choice", "--count", "1", "--seed", str(seed))
    result = run_cli(*args, stdin=f"z\n{LETTERS[wrong]}\n", env=at(home, DAY0))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Could not read 'z': type one of the letters a, b, c, d." in out
    for letter, value in zip(LETTERS, multi.options, strict=False):
        assert f"  {letter}) {fmt_num(value)} " in out
    assert f"Wrong: {multi.rationales[wrong]}" in out
    assert f"Answer: {fmt_num(multi.options[multi.correct_index])} " in out
    right = run_cli(*args, stdin=f"{LETTERS[multi.correct_index].upper()}\n", env=at(home, DAY0))
    assert "Right: " in right.stdout
    rows = log_rows(home)
    assert [(r[2], r[3], r[5]) for r in rows] == [
        (LETTERS[wrong], 0, 1),
        (LETTERS[multi.correct_index].upper(), 1, 1),
    ]


def _drill(run_cli: Run, home: Path, kind: str, seed: int, right: bool, moment: str) -> None:
    answer = answer_of(kind, seed) if right else "999999999"
    result = run_cli(
        "drill",
        kind,
        "--plain",
        "--seed",
        str(seed),
        "--count",
        "1",
        stdin=answer + "\n",
        env=at(home, moment),
    )
    assert result.returncode == 0, result.stderr
    assert ("Right: " in result.stdout) is right


def _listing(run_cli: Run, home: Path, moment: str) -> dict[str, list[str]]:
    result = run_cli("drill", "--list", env=at(home, moment))
    assert result.returncode == 0, result.stderr
    return {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:]}


def test_a_kind_answered_wrongly_comes_back_sooner(run_cli: Run, home: Path) -> None:
    good, bad = "kinesis-shards", "xray-sampling"
    for step, moment in enumerate((DAY0, "2026-11-24T09:20")):
        _drill(run_cli, home, good, 10 + step, True, moment)
        _drill(run_cli, home, bad, 20 + step, True, moment)  # both graduate: due tomorrow
    _drill(run_cli, home, good, 12, True, "2026-11-25T09:00")  # Good: next review in about 3 days
    _drill(run_cli, home, bad, 22, False, "2026-11-25T09:00")  # Again: relearn in 10 minutes
    listing = _listing(run_cli, home, "2026-11-26T09:00")
    assert listing[bad][2:4] == ["relearning", "now"]
    assert listing[good][2] == "review" and listing[good][3] in ("1d", "2d", "3d")
    assert next(iter(listing)) == bad  # the most due kind is listed first …
    nxt = run_cli("drill", "--plain", "--count", "1", stdin="q\n", env=at(home, "2026-11-26T09:00"))
    assert f"· {bad} · seed " in nxt.stdout  # … and drilled next without a KIND


def test_unknown_kind_and_bad_options_are_one_line(run_cli: Run) -> None:
    for args, message in (
        (["drill", "dynamo", "--plain"], "studyaws: error: KIND: unknown drill kind 'dynamo'; choose one of"),
        (["drill", "--seed", "-1"], "studyaws: error: --seed: -1 is not in the range"),
        (["drill", "--count", "many"], "studyaws: error: --count: 'many' is not a valid integer"),
    ):
        result = run_cli(*args)
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(message), result.stderr


def test_cli_and_service_agree_on_the_seed_range() -> None:
    assert MAX_SEED == SERVICE_MAX_SEED
