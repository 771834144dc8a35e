"""`studyaws import` as a user runs it: a real subprocess, a real STUDYAWS_HOME, then studying the cards."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

Run = Callable[..., subprocess.CompletedProcess[str]]
ESC = re.compile(r"\x1b|\x9b")
SEED = FIXTURES / "seeds" / "003_33d24e01b3491665.txt"

NOTES = (
    "# Lambda\n\nQ: What is the maximum Lambda timeout?\nA: 5 minutes\n\n"
    + "Q: What does /tmp hold?\nA: scratch\n"
)


def write(tmp_path: Path, text: str | bytes, name: str = "lambda.md") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def deck_file(home: Path, deck_id: str = "notes-lambda") -> Path:
    return home / "data" / "decks" / f"{deck_id}.yaml"


def test_import_a_seed_with_a_json_summary(run_cli: Run, home: Path) -> None:
    result = run_cli("import", "--json", str(SEED))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["cards"] == 172 and summary["added"] == 172 and summary["synced"] is True
    assert summary["output"] == str(deck_file(home, "notes-003-33d24e01b3491665"))
    assert {"origin", "card", "warning"} <= set(summary["warnings"][0])
    assert any("256 KB" in w["warning"] for w in summary["warnings"])
    assert run_cli("deck", "check", summary["output"]).returncode == 0
    listing = run_cli("deck", "list").stdout
    assert re.search(r"^notes-003-33d24e01b3491665\s+172\b", listing, re.M), listing


def test_study_an_imported_card_then_reimport_keeps_its_progress(
    run_cli: Run, home: Path, tmp_path: Path
) -> None:
    notes = write(tmp_path, NOTES)
    first = run_cli("import", str(notes))
    assert first.returncode == 0, first.stderr
    assert "Imported 2 cards into deck 'notes-lambda'" in first.stdout and "2 new" in first.stdout
    assert run_cli("config", "set", "new_per_day", "9999").returncode == 0
    db = sqlite3.connect(home / "data" / "studyaws.db")
    ahead = db.execute(
        "SELECT COUNT(*) FROM cards WHERE retired = 0 AND position < "
        "(SELECT MIN(position) FROM cards WHERE deck_id = 'notes-lambda')"
    ).fetchone()[0]
    study = run_cli("review", "--plain", stdin="b\n" * ahead + "\n3\nq\n")
    assert study.returncode == 0, study.stderr
    tail = study.stdout.split("Q: What is the maximum Lambda timeout?", 1)[1]
    assert "A: 5 minutes" in tail and "Answered Good" in tail
    uid = db.execute("SELECT uid FROM cards WHERE deck_id = 'notes-lambda' AND reps = 1").fetchone()[0]

    write(
        tmp_path,
        NOTES.replace("A: 5 minutes", "A: 15 minutes").replace("What does /tmp hold", "What is /tmp"),
    )
    again = run_cli("import", str(notes))
    assert again.returncode == 0, again.stderr
    assert "1 new, 1 kept their progress, 1 retired" in again.stdout
    reps, retired, content = db.execute(
        "SELECT reps, retired, content FROM cards WHERE uid = ?", (uid,)
    ).fetchone()
    assert (reps, retired) == (1, 0) and "15 minutes" in json.loads(content)["back"]
    assert (
        db.execute("SELECT COUNT(*) FROM cards WHERE deck_id = 'notes-lambda' AND retired = 1").fetchone()[0]
        == 1
    )


def test_dry_run_writes_nothing(run_cli: Run, home: Path, tmp_path: Path) -> None:
    notes = write(tmp_path, "Lambda Limits\n\n- Memory: up to 3008 MB\n- Timeout: 15 minutes\n")
    result = run_cli("import", "--dry-run", str(notes))
    assert result.returncode == 0, result.stderr
    assert "Dry run: 3 cards for deck 'notes-lambda'" in result.stdout
    assert "C: Lambda Limits: Memory: up to {{c1::3008 MB}}" in result.stdout
    assert "!  Lambda memory up to 3,008 MB in 64 MB steps — now up to 10,240 MB" in result.stdout
    assert "studyaws: warning: lambda.md:3: Lambda memory" in result.stderr
    assert not home.exists()
    preview = json.loads(run_cli("import", "--dry-run", "--json", str(notes)).stdout)
    assert preview["output"] is None and len(preview["preview"]) == 3 and not home.exists()


def test_hostile_text_stays_literal_and_inert(run_cli: Run, home: Path, tmp_path: Path) -> None:
    text = (
        "Q: [bold red]x[/] and [@click=app.quit]y[/] \x1b[2J\x1b]0;pwned\x07!!python/object:os.system\n"
        "A: &anchor *alias --- key: value: x\n\nQ: no\nA: yes\n"
    )
    notes = write(tmp_path, text)
    shown = run_cli("import", "--dry-run", str(notes))
    assert shown.returncode == 0, shown.stderr
    assert not ESC.search(shown.stdout + shown.stderr)
    assert "Q: [bold red]x[/] and [@click=app.quit]y[/] !!python/object:os.system" in shown.stdout
    assert run_cli("import", str(notes)).returncode == 0
    deck = deck_file(home).read_text(encoding="utf-8")
    assert "\x1b" not in deck and "!!python/object:os.system" in deck
    assert run_cli("deck", "check", str(deck_file(home))).returncode == 0
    assert run_cli("config", "set", "new_per_day", "9999").returncode == 0
    review = run_cli("review", "--plain", stdin="b\n" * 3000 + "q\n")
    assert "Q: [bold red]x[/] and [@click=app.quit]y[/] !!python/object:os.system" in review.stdout
    assert not ESC.search(review.stdout)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "lambda.md: is empty; there is nothing to import"),
        (b" \n\t\n", "lambda.md: is empty; there is nothing to import"),
        (b"Q: x\nA: y\n\x00\x01binary", "lambda.md:3: contains a NUL byte"),
        (b"Q: caf\xe9?\nA: y\n", "lambda.md:1: not valid UTF-8 (byte 0xe9)"),
        (b"no card here at all.\n", "no cards found"),
    ],
)
def test_bad_input_is_one_clear_line(
    run_cli: Run, home: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    result = run_cli("import", str(write(tmp_path, content)))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("studyaws: error: ") and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr and not deck_file(home).exists()


def test_missing_files_directories_and_bad_options(run_cli: Run, home: Path, tmp_path: Path) -> None:
    missing = run_cli("import", str(tmp_path / "nope.md"))
    assert missing.returncode == 1 and "nope.md: no such file" in missing.stderr
    folder = run_cli("import", str(tmp_path))
    assert folder.returncode == 1 and "is a directory" in folder.stderr
    bad_id = run_cli("import", "--deck-id", "Not Valid", str(write(tmp_path, NOTES)))
    assert bad_id.returncode == 2 and "--deck-id: 'Not Valid'" in bad_id.stderr
    assert "Traceback" not in missing.stderr + folder.stderr + bad_id.stderr
    assert not deck_file(home).exists()


def test_line_endings_and_long_lines(run_cli: Run, tmp_path: Path) -> None:
    for name, sep in (("crlf.md", "\r\n"), ("cr.md", "\r")):
        notes = write(tmp_path, NOTES.replace("\n", sep).encode(), name)
        result = run_cli("import", "--dry-run", "--json", str(notes))
        origins = [c["origin"] for c in json.loads(result.stdout)["preview"]]
        assert origins == [f"{name}:3", f"{name}:6"], result.stderr
    long = write(tmp_path, "Q: long?\nA: " + "word " * 60_000 + "\n\nQ: short?\nA: fine\n", "long.md")
    result = run_cli("import", "--dry-run", "--json", str(long))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [c["front"] for c in data["preview"]] == ["short?"]
    assert any("answer too long" in s["reason"] for s in data["skipped"])


def test_imported_card_shows_where_it_came_from_and_outdated_warning(
    run_cli: Run, home: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "old.md"
    notes.write_text("# Lambda\n\nQ: How much memory can a Lambda function have?\nA: Up to 3008 MB\n")
    assert run_cli("import", str(notes)).returncode == 0
    assert run_cli("config", "set", "new_per_day", "9999").returncode == 0
    decks = json.loads(run_cli("deck", "list", "--json").stdout)
    ahead = sum(d["new"] for d in decks if not d["id"].startswith("notes"))  # imported cards come last
    review = run_cli("review", "--plain", stdin="b\n" * ahead + "\nq\n").stdout
    shown = review[review.index("How much memory can a Lambda function have?") :]
    assert "From: " in shown and "old.md:3" in shown
    assert "Warning: " in shown and "10,240" in shown
