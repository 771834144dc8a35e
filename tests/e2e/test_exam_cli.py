"""`studyaws quiz`, `exam`, `readiness` and `questions` as real subprocesses, driven through stdin pipes."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, cli_env, studyaws_bin

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(autouse=True)
def fixture_bank(home: Path) -> None:
    folder = home / "data" / "decks" / "questions"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "questions" / "mini_bank.yaml", folder)


CHOOSE = re.compile(r"\(Choose (one|two|three)\.\)$")


def answer_for(prompt_line: str) -> str:
    match = CHOOSE.search(prompt_line.strip())
    assert match, prompt_line
    return {"one": "A", "two": "A,B", "three": "A,B,C"}[match.group(1)]


def test_kill_mid_exam_then_resume_with_the_time_that_was_left(home: Path, run_cli: Run) -> None:
    proc = subprocess.Popen(
        [studyaws_bin(), "exam", "--plain", "--count", "5"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(home),
    )
    assert proc.stdin is not None and proc.stdout is not None
    answered = 0
    for line in proc.stdout:
        if CHOOSE.search(line.strip()):
            if answered == 2:
                break
            proc.stdin.write(answer_for(line) + "\n")
            proc.stdin.flush()
            answered += 1
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=20)
    resumed = run_cli("exam", "--resume", "--plain", stdin="q\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "Saved: 2 of 5 answered" in resumed.stdout
    left = resumed.stdout.split("answered, ")[1].split(" left")[0]
    minutes, seconds = map(int, left.split(":"))
    assert 9 * 60 <= minutes * 60 + seconds <= 10 * 60  # 10 minutes for 5 questions, a few seconds used


def test_a_whole_exam_from_a_pipe_with_json_results(run_cli: Run) -> None:
    started = run_cli("exam", "--plain", "--count", "4", stdin="q\n")
    assert started.returncode == 0, started.stderr
    # One process per answer, reading from the transcript which kind of question is on screen: every
    # run resumes where the last one stopped, and at the end a pipe of "s", "y" submits.
    for _ in range(4):
        peek = run_cli("exam", "--resume", "--plain", stdin="q\n")
        choose = [line for line in peek.stdout.splitlines() if CHOOSE.search(line.strip())][-1]
        step = run_cli("exam", "--resume", "--plain", stdin=answer_for(choose) + "\nq\n")
        assert step.returncode == 0, step.stderr
    done = run_cli("exam", "--resume", "--plain", "--json", stdin="s\ny\n")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["total"] == 4 and result["unanswered"] == 0
    assert result["passing_score"] == 720 and "not a linear map" in result["note"]
    assert sum(d["total"] for d in result["domains"]) == 4
    history = json.loads(run_cli("exam", "--history", "--json").stdout)
    assert history[0]["status"] == "submitted" and history[0]["total"] == 4
    review = run_cli("exam", "--review", str(result["attempt"]))
    assert review.returncode == 0
    assert [n for n in range(1, 5) if f"Question {n} of 4" in review.stdout] == [1, 2, 3, 4]
    assert review.stdout.count("Source: https://") >= 4
    assert review.stdout.count("(your choice)") >= 4


def test_bad_answers_get_one_line_each_and_a_nonzero_exit(run_cli: Run) -> None:
    # Not an option, then too many choices, then answers until one fits the question's count.
    proc = run_cli("quiz", "--plain", "--count", "1", stdin="Z\nA,B,C,D\nA\nA,B\nA,B,C\n")
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert errors[0].startswith("studyaws: error: stdin line 1: 'Z' is not an option: answer with ")
    assert re.fullmatch(
        r"studyaws: error: stdin line 2: choose (one option|exactly [23] options), not 4", errors[1]
    )
    assert all(e.startswith("studyaws: error: stdin line ") for e in errors)
    assert re.search(r"Quiz over: [01] of 1 right", proc.stdout)  # a later line was taken as the answer


def test_resume_without_an_exam_and_abandon(run_cli: Run) -> None:
    proc = run_cli("exam", "--resume", "--plain")
    assert proc.returncode == 1 and "no exam in progress to resume" in proc.stderr
    run_cli("exam", "--plain", "--count", "2", stdin="q\n")
    again = run_cli("exam", "--plain", "--count", "2", stdin="q\n")
    assert again.returncode == 1 and "already in progress" in again.stderr
    abandoned = run_cli("exam", "--abandon", "--json")
    assert json.loads(abandoned.stdout)["unanswered"] == 2


def test_readiness_json_for_a_new_learner(run_cli: Run) -> None:
    proc = run_cli("readiness", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["version"] == "dva-c03"
    assert data["enough_data"] is False and data["pass_likelihood"] is None
    assert [d["key"] for d in data["domains"]] == ["1", "2", "3", "4"]
    assert len(data["study_next"]) == 3
    text = run_cli("readiness")
    assert "not enough data yet" in text.stdout


def test_a_broken_question_file_is_one_line_with_file_and_line(home: Path, run_cli: Run) -> None:
    bad = home / "data" / "decks" / "questions" / "broken.yaml"
    text = (FIXTURES / "questions" / "mini_bank.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("mini-bank", "broken").replace("q-mini-", "q-broken-").replace(
        '        why: "Wrong. Explanation C1."\n', "", 1), encoding="utf-8")  # fmt: skip
    proc = run_cli("questions", "check", str(bad))
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        f"studyaws: error: {bad}:14:9: questions[0] (q-broken-01).options[2]: missing field 'why'"
    )
    quiz = run_cli("quiz", "--plain", stdin="")
    assert quiz.returncode == 1 and f"{bad}:14:9" in quiz.stderr
    dup = home / "data" / "decks" / "questions" / "dup.yaml"
    shutil.copy(FIXTURES / "questions" / "mini_bank.yaml", dup)
    bad.unlink()
    proc = run_cli("quiz", "--plain", stdin="")
    assert proc.returncode == 1 and "bank id 'mini-bank' is also used by" in proc.stderr
