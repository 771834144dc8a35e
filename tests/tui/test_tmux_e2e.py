"""End to end in a real terminal: studyaws in tmux, keys sent, screen read, killed mid-session, restarted."""

from __future__ import annotations

import shlex
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import cli_env, studyaws_bin

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


@pytest.fixture(autouse=True)
def tmux_server() -> Iterator[None]:
    """Keep a tmux server up for the whole test: when its last session is killed the server exits, and a
    session started while it is exiting fails with "server exited unexpectedly" (a flaky blank screen)."""
    tmux("new-session", "-d", "-s", "studyaws-keepalive", "sleep 600")
    yield
    tmux("kill-session", "-t", "studyaws-keepalive")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def wait_for(session: str, predicate: Callable[[str], bool], timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if predicate(screen):
            return screen
        time.sleep(0.05)
    raise AssertionError(f"screen never matched; last screen:\n{screen}")


def start(session: str, home: Path) -> None:
    config = home / "config" / "config.toml"  # the first-start exam-date question is answered already
    if not config.exists():
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text("exam_asked = true\n")
    env = cli_env(home, TERM="xterm-256color", TEXTUAL_ANIMATIONS="none")
    keep = ("STUDYAWS_HOME", "TZ", "TERM", "TEXTUAL_ANIMATIONS", "PATH")
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items() if k in keep)
    tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "80",
        "-y",
        "24",
        f"env {exports} {shlex.quote(studyaws_bin())}",
    )


def reviews(home: Path) -> int:
    return int(
        sqlite3.connect(home / "data" / "studyaws.db")
        .execute("SELECT COUNT(*) FROM review_log")
        .fetchone()[0]
    )


def test_kill_mid_session_and_resume(home: Path) -> None:
    session = f"studyaws-e2e-{time.monotonic_ns()}"
    try:
        start(session, home)
        wait_for(session, lambda s: "New left" in s and "Due now" in s)
        tmux("send-keys", "-t", session, "r")
        wait_for(session, lambda s: "answered 0" in s)
        for n in range(1, 4):
            screen = tmux("capture-pane", "-p", "-t", session)
            if "Letters pick" in screen:
                tmux("send-keys", "-t", session, "a")
                tmux("send-keys", "-t", session, "Enter")
            else:
                tmux("send-keys", "-t", session, "Space")
            wait_for(session, lambda s: "1 Again" in s)
            tmux("send-keys", "-t", session, "3")
            wait_for(session, lambda s, n=n: f"answered {n}" in s)
        assert reviews(home) == 3
        pane_pid = tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip()
        subprocess.run(["pkill", "-KILL", "-P", pane_pid], check=False)  # the terminal dies mid-session
        subprocess.run(["kill", "-KILL", pane_pid], check=False)
        tmux("kill-session", "-t", session)
        assert reviews(home) == 3

        start(session, home)
        screen = wait_for(session, lambda s: "New left" in s)
        assert "17" in screen  # 20 new per day, 3 studied before the crash
        tmux("send-keys", "-t", session, "q")
    finally:
        tmux("kill-session", "-t", session)
