"""The CLI as a user runs it: a real `studyaws` subprocess, a real STUDYAWS_HOME, stdin from a pipe."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click
import pytest

from studyaws.cli.main import cli
from tests.conftest import FIXTURES, cli_env

Run = Callable[..., subprocess.CompletedProcess[str]]
ESC = re.compile(r"\x1b|\x9b")


def test_plain_review_from_a_pipe(run_cli: Run, home: Path) -> None:
    result = run_cli("review", "--plain", stdin="\n3\n \n1\n\n4\nq\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert not ESC.search(out)
    assert out.count("Card: ") == 4  # three answered, the fourth on screen when q came
    assert "new 20 · learning 0 · review 0" in out
    assert re.search(r"Answered Good: next in 1[0-2]m", out)  # 10 min step, plus up to 25 % learning fuzz
    assert "Answered Again: next in 1m" in out
    assert "Session over: 3 answered, 1 again" in out
    conn = sqlite3.connect(home / "data" / "studyaws.db")
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 3


def test_no_arguments_starts_review_and_eof_quits(run_cli: Run) -> None:
    result = run_cli(stdin="")
    assert result.returncode == 0, result.stderr
    assert "Card: " in result.stdout and "Session over: 0 answered" in result.stdout


def test_undo_survives_restart(run_cli: Run, home: Path) -> None:
    first = run_cli("review", "--plain", stdin="\n3\nq\n")
    uid = re.search(r"Card: (\S+)", first.stdout)
    assert uid is not None
    second = run_cli("review", "--plain", stdin="u\nq\n")
    assert f"Undid answer on {uid.group(1)}." in second.stdout
    conn = sqlite3.connect(home / "data" / "studyaws.db")
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 0


def test_suspend_bury_flag_keys(run_cli: Run, home: Path) -> None:
    out = run_cli("review", "--plain", stdin="f\ns\nb\nq\n").stdout
    assert "Flagged." in out and "Suspended " in out and "Buried " in out and "until tomorrow" in out
    conn = sqlite3.connect(home / "data" / "studyaws.db")
    assert conn.execute("SELECT COUNT(*) FROM cards WHERE suspended = 1 AND flag = 1").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM cards WHERE buried_until >= 0").fetchone()[0] == 1


def test_card_text_is_never_markup_or_escapes(run_cli: Run, home: Path, tmp_path: Path) -> None:
    decks = home / "data" / "decks"
    decks.mkdir(parents=True)
    (decks / "mini.yaml").write_text((FIXTURES / "mini.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("config", "set", "new_per_day", "9999").returncode == 0
    result = run_cli("review", "--plain", stdin="b\n" * 2000 + "q\n")
    assert result.returncode == 0, result.stderr
    assert "Q: [bold red]x[/] and [@click=app.quit]y[/] and ␛[2J" in result.stdout
    assert not ESC.search(result.stdout)


def test_due_json_and_text(run_cli: Run) -> None:
    result = run_cli("due", "--json")  # first run: no database yet, so the full path creates it
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["new_available_today"] == 20 and data["due_now"] == 0
    run_cli("review", "--plain", stdin="\n1\nq\n")
    fast = json.loads(run_cli("due", "--json").stdout)  # now the stdlib fast path answers
    assert fast["new_available_today"] == 19
    assert fast["due_today"] == 1  # the Again card comes back in a minute
    text = run_cli("due").stdout
    assert "due today: 1" in text and "new available today: 19" in text


def test_due_fast_path_imports_nothing_heavy(home: Path, run_cli: Run) -> None:
    run_cli("due")  # create the database
    probe = (
        "import sys\nfrom studyaws.__main__ import main\n"
        "try:\n    main(['due', '--json'])\nexcept SystemExit:\n    pass\n"
        "names = ('textual', 'sqlalchemy', 'alembic', 'click', 'rich', 'yaml')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=cli_env(home),
        check=True,
    )
    assert "HEAVY []" in result.stderr


def test_studyaws_now_spans_days(run_cli: Run, home: Path) -> None:
    day1 = cli_env(home, STUDYAWS_NOW="2026-11-24T10:00:00+00:00")
    run_cli("review", "--plain", stdin="\n4\nq\n", env=day1)  # Easy: out for a few days
    assert json.loads(run_cli("due", "--json", env=day1).stdout)["new_available_today"] == 19
    day2 = cli_env(home, STUDYAWS_NOW="2026-11-25T10:00:00+00:00")
    assert json.loads(run_cli("due", "--json", env=day2).stdout)["new_available_today"] == 20
    later = cli_env(home, STUDYAWS_NOW="2026-12-10T10:00:00+00:00")
    data = json.loads(run_cli("due", "--json", env=later).stdout)
    assert data["review"] == 1 and data["due_now"] == 1
    bad = run_cli("due", env=cli_env(home, STUDYAWS_NOW="next tuesday"))
    assert bad.returncode == 2 and "STUDYAWS_NOW: 'next tuesday' is not an ISO 8601" in bad.stderr


def test_deck_list_and_check(run_cli: Run, tmp_path: Path) -> None:
    listing = run_cli("deck", "list")
    assert listing.returncode == 0
    assert re.search(r"^lambda\s+\d+", listing.stdout, re.M)
    assert json.loads(run_cli("deck", "list", "--json").stdout)[0]["cards"] > 0
    ok = run_cli("deck", "check", str(FIXTURES / "mini.yaml"))
    assert ok.returncode == 0 and "ok (5 cards" in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("deck:\n  id: x\n  title: X\ncards:\n  - id: a\n    type: basic\n    front: q\n")
    result = run_cli("deck", "check", str(bad))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert f"studyaws: error: {bad}:5:5: cards[0]: missing field 'back'" in lines
    assert all(line.startswith(f"studyaws: error: {bad}:5:5: cards[0]: missing field") for line in lines)
    assert "Traceback" not in result.stderr


def test_bad_deck_stops_before_anything_is_written(run_cli: Run, home: Path) -> None:
    decks = home / "data" / "decks"
    decks.mkdir(parents=True)
    (decks / "broken.yaml").write_text("deck: [\n")
    result = run_cli("review", "--plain", stdin="q\n")
    assert result.returncode == 1
    assert "broken.yaml:2:1: invalid YAML" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (home / "data" / "studyaws.db").exists()


def test_database_that_is_not_sqlite(run_cli: Run, home: Path) -> None:
    db = home / "data" / "studyaws.db"
    db.parent.mkdir(parents=True)
    db.write_text("not a database")
    result = run_cli("due")
    assert result.returncode == 1
    assert result.stderr.strip() == f"studyaws: error: {db}: is not a studyaws database (not an SQLite file)"
    assert db.read_text() == "not a database"


def test_config_set_show_and_bad_values(run_cli: Run, home: Path) -> None:
    assert run_cli("config", "set", "new_per_day", "5").returncode == 0
    assert "new_per_day = 5" in run_cli("config", "show").stdout
    assert json.loads(run_cli("due", "--json").stdout)["new_available_today"] == 5
    bad = run_cli("config", "set", "new_per_day", "lots")
    assert bad.returncode == 1 and "new_per_day must be a whole number" in bad.stderr
    (home / "config" / "config.toml").write_text("new_per_dya = 3\n")
    result = run_cli("due")
    assert result.returncode == 1 and "unknown setting 'new_per_dya'" in result.stderr


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    ctx = click.Context(group)
    out = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        assert cmd is not None, name
        out.append((*prefix, name))
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, (*prefix, name)))
    return out


@pytest.mark.parametrize("path", [(), *_commands(cli)], ids=lambda p: " ".join(p) or "studyaws")
def test_every_command_has_help(path: tuple[str, ...], run_cli: Run) -> None:
    cmd: click.Command | None = cli
    for name in path:
        assert isinstance(cmd, click.Group)
        cmd = cmd.get_command(click.Context(cmd), name)
    assert cmd is not None
    assert cmd.help and cmd.help.strip(), f"{' '.join(path)} has no help text"
    for flag in ("-h", "--help"):
        result = run_cli(*path, flag)
        assert result.returncode == 0 and "Usage:" in result.stdout


def test_no_color_env_and_unknown_command(run_cli: Run, home: Path) -> None:
    result = run_cli("review", "--plain", stdin="\nq\n", env=cli_env(home, NO_COLOR="1"))
    assert not ESC.search(result.stdout)
    unknown = run_cli("revue")
    assert unknown.returncode == 2 and "No such command 'revue'" in unknown.stderr


def test_deck_report_strict(run_cli: Run, tmp_path: Path) -> None:
    ok = run_cli("deck", "report", "--strict")
    assert ok.returncode == 0, ok.stdout
    assert "dva-c03:" in ok.stdout and "0 problem(s)" in ok.stdout
    data = json.loads(run_cli("deck", "report", "--json", "--version", "dva-c03").stdout)
    assert data["problems"] == 0 and data["coverage"][0]["version"] == "dva-c03"
    thin = run_cli("deck", "report", "--strict", str(FIXTURES / "mini.yaml"))
    assert thin.returncode == 1 and "under 10 cards" in thin.stdout
