"""`studyaws plan` as a user runs it: set an exam date, study over simulated days, read the counts shown."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import cli_env

Run = Callable[..., subprocess.CompletedProcess[str]]


def on(home: Path, day: str) -> dict[str, str]:
    return cli_env(home, STUDYAWS_NOW=f"{day}T09:00:00+00:00")


def counts_line(out: str) -> tuple[int, int, int]:
    found = re.findall(r"new (\d+) · learning (\d+) · review (\d+)", out)
    assert found, out
    new, learning, review = found[-1]
    return int(new), int(learning), int(review)


def test_an_exam_date_drives_the_counts_over_days(run_cli: Run, home: Path) -> None:
    day1 = on(home, "2026-11-24")
    made = run_cli("plan", "--exam-date", "2026-12-24", "--minutes-per-day", "20", env=day1)
    assert made.returncode == 0, made.stderr
    assert "Exam: AWS Certified Developer – Associate (DVA-C03) on 2026-12-24, 30 days left" in made.stdout
    assert "Today: 31 new cards, up to 29 reviews" in made.stdout
    assert "warning: 810 cards left, 30 days, 20 min/day: all seen only on" in made.stdout
    planned = json.loads(run_cli("plan", "--json", env=day1).stdout)
    assert planned["today_plan"] == {"new": 31, "review_limit": 29}
    assert planned["all_new_seen_by_goal"] == "2026-12-17" and planned["new_left"] == 810
    assert [d["domain"] for d in planned["domains"]] == ["1", "2", "3", "4"]
    due = json.loads(run_cli("due", "--json", env=day1).stdout)
    assert due["new_available_today"] == 31
    assert due["exam"] == {"date": "2026-12-24", "days_left": 30, "passed": False, "new_limit": 31,
                           "review_limit": 29}  # fmt: skip

    # Day 1: five new cards, Good then Good again after the 10-minute step.
    review = run_cli("review", "--plain", stdin="\n3\n" * 5 + "q\n", env=day1)
    assert review.returncode == 0, review.stderr
    assert counts_line(review.stdout)[0] == 26
    fast = json.loads(run_cli("due", "--json", env=day1).stdout)  # the stdlib fast path
    assert fast["new_available_today"] == 26 and fast["due_today"] == 5
    assert (
        "exam: 2026-12-24, 30 days left · plan today: 31 new, up to 29 reviews"
        in run_cli("due", env=day1).stdout
    )

    # Day 2: the five are due (graduated after their step), the plan's new cards start again.
    day2 = on(home, "2026-11-25")
    due2 = json.loads(run_cli("due", "--json", env=day2).stdout)
    planned2 = json.loads(run_cli("plan", "--json", env=day2).stdout)
    new2 = planned2["today_plan"]["new"]
    # 805 cards and 22 days to the goal need 37 a day: as many as fit, with yesterday's (quick) answer times.
    assert due2["new_available_today"] == due2["exam"]["new_limit"] == new2 >= 31
    assert due2["learning"] == 5 and due2["exam"]["days_left"] == 29
    out = run_cli("review", "--plain", stdin="q\n", env=day2).stdout
    assert counts_line(out) == (new2, 5, 0)


def test_final_week_exam_day_and_after(run_cli: Run, home: Path) -> None:
    start = on(home, "2026-12-20")
    assert run_cli("plan", "--exam-date", "2026-12-24", env=start).returncode == 0
    text = run_cli("plan", env=start).stdout
    assert "4 days left" in text and "Take a mock exam (`studyaws exam`)" in text
    exam_day = run_cli("plan", env=on(home, "2026-12-24")).stdout
    assert "today. No new cards today" in exam_day
    assert json.loads(run_cli("due", "--json", env=on(home, "2026-12-24")).stdout)["new_available_today"] == 0
    later = on(home, "2026-12-27")
    assert "Is the exam done?" in run_cli("plan", env=later).stdout
    due = run_cli("due", env=later).stdout
    assert "exam: 2026-12-24 has passed. Is the exam done? `studyaws plan --done`" in due
    assert "new available today: 20" in due  # normal scheduling again
    done = run_cli("plan", "--done", env=later)
    assert done.returncode == 0 and "back to normal scheduling. Your review history is kept." in done.stdout
    assert "exam_date = ''" in run_cli("config", "show", env=later).stdout
    assert "exam" not in run_cli("due", env=later).stdout
    assert "No exam date set." in run_cli("plan", env=later).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--exam-date", "2027-02-30"], "--exam-date: 2027-02-30 is not a real date"),
        (["--exam-date", "next week"], "--exam-date: 'next week' is not a date like 2027-01-15"),
        (["--exam-date", "2026-11-01"], "--exam-date: 2026-11-01 is in the past (today is 2026-11-24)"),
        (
            ["--exam-date", "2026-12-12", "--version", "dva-c02"],
            "--version: DVA-C02 can be taken until 2026-11-30",
        ),
        (["--version", "saa-c03"], "--version: unknown exam version 'saa-c03' (known: dva-c02, dva-c03)"),
        (["--minutes-per-day", "lots"], "--minutes-per-day: 'lots' is not a whole number of minutes"),
        (["--minutes-per-day", "1000"], "--minutes-per-day: must be between 5 and 600, not 1000"),
        (["--done", "--exam-date", "2026-12-12"], "--done and --clear go alone"),
    ],
)
def test_bad_values_one_line_exit_2_nothing_saved(
    run_cli: Run, home: Path, args: list[str], message: str
) -> None:
    env = on(home, "2026-11-24")
    assert run_cli("plan", "--exam-date", "2026-12-20", env=env).returncode == 0
    config = (home / "config" / "config.toml").read_text()
    result = run_cli("plan", *args, env=env)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"studyaws: error: {message}"), result.stderr
    assert (home / "config" / "config.toml").read_text() == config


def test_clear_and_version_change(run_cli: Run, home: Path) -> None:
    env = on(home, "2026-11-24")
    assert run_cli("plan", "--exam-date", "2026-11-28", env=env).returncode == 0
    assert "(DVA-C02) on 2026-11-28" in run_cli("plan", env=env).stdout  # the version sat on that day
    assert run_cli("plan", "--exam-date", "2026-12-12", "--version", "dva-c03", env=env).returncode == 0
    assert "(DVA-C03) on 2026-12-12" in run_cli("plan", env=env).stdout
    cleared = run_cli("plan", "--clear", env=env)
    assert "Exam date 2026-12-12 removed" in cleared.stdout
    assert json.loads(run_cli("plan", "--json", env=env).stdout)["status"] == "none"
