"""`studyaws stats` and the scheduler settings as a user runs them: real subprocesses, a pinned clock."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import cli_env

Run = Callable[..., subprocess.CompletedProcess[str]]
NOW = "2026-11-24T10:00:00+00:00"


def stats_json(run_cli: Run, home: Path, *args: str, now: str = NOW) -> dict[str, object]:
    result = run_cli("stats", "--json", *args, env=cli_env(home, STUDYAWS_NOW=now))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_forecast_ends_on_the_exam_date(run_cli: Run, home: Path) -> None:
    env = cli_env(home, STUDYAWS_NOW=NOW)
    assert run_cli("config", "set", "exam_date", "2026-12-17", env=env).returncode == 0
    review = run_cli("review", "--plain", stdin="\n3\n\n3\n\n1\nq\n", env=env)
    assert review.returncode == 0, review.stderr
    data = stats_json(run_cli, home)
    forecast = data["forecast"]
    assert isinstance(forecast, dict)
    days = forecast["days"]
    assert [d["date"] for d in days] == [
        (date(2026, 11, 24) + timedelta(days=i)).isoformat() for i in range(24)
    ]
    assert forecast["until"] == "2026-12-17" and forecast["until_exam"] is True
    due = json.loads(run_cli("due", "--json", env=env).stdout)
    assert due["exam"]["new_limit"] > 20  # the plan's pace (810 cards in 23 days), not new_per_day
    assert days[0]["new"] == due["new_available_today"] == due["exam"]["new_limit"] - 3  # 3 introduced today
    assert days[-1]["new"] == 0  # none on the exam day itself
    assert all(d["answers"] >= 0 and d["minutes"] >= 0 for d in days)
    assert forecast["total_answers"] > 0
    today = data["today"]
    assert isinstance(today, dict) and today["answered"] == 3
    recall = data["recall"]
    assert isinstance(recall, dict)
    assert recall["date"] == "2026-12-17" and recall["version"] == "dva-c03"
    domains = recall["domains"]
    assert [d["number"] for d in domains] == ["1", "2", "3", "4"]
    assert all(0 <= d["recall"] <= 1 for d in domains if d["cards"])
    assert sum(d["weight"] for d in domains) == 100

    text = run_cli("stats", env=env)
    assert text.returncode == 0, text.stderr
    assert "Forecast to exam day 2026-12-17 (24 days" in text.stdout
    assert "Predicted recall as 2026-12-17 begins" in text.stdout


def test_days_option_and_a_past_exam(run_cli: Run, home: Path) -> None:
    env = cli_env(home, STUDYAWS_NOW=NOW)
    assert run_cli("config", "set", "exam_date", "2026-11-20", env=env).returncode == 0
    data = stats_json(run_cli, home)
    forecast = data["forecast"]
    assert isinstance(forecast, dict)
    assert forecast["until_exam"] is False and len(forecast["days"]) == 31  # the exam is behind: 30 days
    short = stats_json(run_cli, home, "--days", "5")["forecast"]
    assert isinstance(short, dict) and [d["date"] for d in short["days"]][-1] == "2026-11-29"
    bad = run_cli("stats", "--days", "0", env=env)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "--days" in bad.stderr


def test_switching_the_scheduler_from_the_cli(run_cli: Run, home: Path) -> None:
    env = cli_env(home, STUDYAWS_NOW=NOW)
    assert run_cli("review", "--plain", stdin="\n3\n\n3\n\n4\nq\n", env=env).returncode == 0
    switched = run_cli("config", "set", "scheduler", "fsrs", env=env)
    assert switched.returncode == 0, switched.stderr
    assert "scheduler = 'fsrs'" in switched.stdout
    assert "FSRS memory state rebuilt from the review log: 3 cards, 3 answers" in switched.stdout
    db = home / "data" / "studyaws.db"
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM cards WHERE stability IS NOT NULL").fetchone()[0] == 3
    conn.close()
    assert run_cli("review", "--plain", stdin="\n3\nq\n", env=env).returncode == 0
    today = stats_json(run_cli, home)["today"]
    assert isinstance(today, dict)
    assert today["answered"] == 4 and today["due"] == {"new": 16, "learning": 0, "review": 0}
    back = run_cli("config", "set", "scheduler", "sm2", env=env)
    assert back.returncode == 0 and "every card keeps its interval and due date" in back.stdout
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM cards WHERE stability IS NOT NULL").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 4
    conn.close()


def test_desired_retention_setting(run_cli: Run, home: Path) -> None:
    env = cli_env(home, STUDYAWS_NOW=NOW)
    bad = run_cli("config", "set", "desired_retention", "0.5", env=env)
    assert bad.returncode != 0
    assert bad.stderr.strip() == (
        "studyaws: error: setting: desired_retention must be between 0.7 and 0.99, not 0.5"
    )
    assert run_cli("config", "set", "desired_retention", "abc", env=env).returncode != 0
    assert run_cli("config", "set", "scheduler", "anki", env=env).returncode != 0
    ok = run_cli("config", "set", "desired_retention", "0.85", env=env)
    assert ok.returncode == 0, ok.stderr
    assert "desired_retention = 0.85" in run_cli("config", "show", env=env).stdout
    assert "desired_retention = 0.85" in (home / "config" / "config.toml").read_text(encoding="utf-8")
