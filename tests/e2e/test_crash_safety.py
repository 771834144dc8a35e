"""Kill studyaws mid-session, again and again, and run two at once: no acknowledged answer is ever lost."""

from __future__ import annotations

import random
import re
import signal
import sqlite3
import subprocess
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyaws.core.sm2 import Sm2, Sm2Params, replay
from studyaws.storage.repo import Repository
from tests.conftest import cli_env, studyaws_bin

CARD = re.compile(r"^Card: (\S+)")
ANSWERED = re.compile(r"^Answered (Again|Hard|Good|Easy):")


def answer_stream(rng: random.Random, n: int) -> str:
    return "".join(f"\n{rng.choice('1234')}\n" for _ in range(n))


def reader(
    proc: subprocess.Popen[str],
    acks: list[str],
    stop: threading.Event,
    started: threading.Event,
    seen: list[str],
) -> None:
    """Record each answer the process acknowledged on screen (printed only after its commit)."""
    current = None
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line)
        if m := CARD.match(line):
            current = m.group(1)
            started.set()
        elif ANSWERED.match(line) and current:
            acks.append(current)
        if stop.is_set():
            break


def check_database(db: Path, acked: dict[str, int]) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    counts = dict(
        conn.execute(
            "SELECT c.uid, COUNT(*) FROM review_log r JOIN cards c ON c.id = r.card_id GROUP BY c.uid"
        )
    )
    for uid, n in acked.items():
        assert counts.get(uid, 0) >= n, f"{uid}: {n} answers acknowledged, {counts.get(uid, 0)} stored"
    conn.close()
    from studyaws.storage.db import make_engine

    engine = make_engine(db)
    repo = Repository(engine)
    sched = Sm2(Sm2Params())
    with engine.connect() as c:
        ids = [r[0] for r in c.exec_driver_sql("SELECT DISTINCT card_id FROM review_log")]
    for card_id in ids:
        assert replay(sched, repo.review_records(card_id)) == repo.card(card_id).state
    engine.dispose()


@pytest.mark.slow
def test_sigkill_fifty_times(home: Path) -> None:
    rng = random.Random(2026)
    acked: dict[str, int] = {}
    env = cli_env(home)
    subprocess.run([studyaws_bin(), "config", "set", "new_per_day", "9999"], env=env, check=True)
    subprocess.run([studyaws_bin(), "due"], env=env, check=True, capture_output=True)  # create the DB once
    for i in range(50):
        # A new study day each run, so reviews keep coming due after the new cards run out.
        env["STUDYAWS_NOW"] = (datetime(2026, 12, 1, 9, 30, tzinfo=UTC) + timedelta(days=i)).isoformat()
        proc = subprocess.Popen(
            [studyaws_bin(), "review", "--plain"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        acks: list[str] = []
        stop, started = threading.Event(), threading.Event()
        seen: list[str] = []
        t = threading.Thread(target=reader, args=(proc, acks, stop, started, seen), daemon=True)
        t.start()
        assert proc.stdin is not None
        try:
            proc.stdin.write(answer_stream(rng, 40))
            proc.stdin.flush()
        except BrokenPipeError:
            pass
        if not started.wait(timeout=30):
            proc.kill()
            assert proc.stderr is not None
            pytest.fail(f"run {i}: no card shown; stdout {seen[-5:]} stderr {proc.stderr.read()}")
        time.sleep(rng.uniform(0, 0.15))  # somewhere among the answers, often inside a commit
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stop.set()
        t.join(timeout=5)
        for uid in acks:
            acked[uid] = acked.get(uid, 0) + 1
        check_database(home / "data" / "studyaws.db", acked)
    assert sum(acked.values()) > 50  # the kills landed mid-session, not before the first answer


@pytest.mark.slow
def test_two_processes_answer_at_once(home: Path) -> None:
    env = cli_env(home)
    subprocess.run([studyaws_bin(), "config", "set", "new_per_day", "9999"], env=env, check=True)
    subprocess.run([studyaws_bin(), "due"], env=env, check=True, capture_output=True)
    rng = random.Random(7)
    procs = [
        subprocess.Popen(
            [studyaws_bin(), "review", "--plain"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(answer_stream(rng, 60) + "q\n", timeout=120) for p in procs]
    acked: dict[str, int] = {}
    for (out, err), p in zip(outs, procs, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
        current = None
        for line in out.splitlines():
            if m := CARD.match(line):
                current = m.group(1)
            elif ANSWERED.match(line) and current:
                acked[current] = acked.get(current, 0) + 1
    assert sum(acked.values()) == 120
    check_database(home / "data" / "studyaws.db", acked)
    conn = sqlite3.connect(home / "data" / "studyaws.db")
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 120
