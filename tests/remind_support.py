"""Helpers for the reminder tests: a hermetic environment, fake programs on PATH, a recording runner."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from studyaws.reminders.runner import Completed
from tests.conftest import cli_env

# What a user's session may have that must not leak into a test (a real bus, real unit or data dirs).
LEAKY = (
    "DBUS_SESSION_BUS_ADDRESS",
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR",
)

# A crontab as people write them: comments, environment lines (quoted too), odd spacing, a trailing blank,
# a line with trailing spaces, a CRLF line, an escaped %, an @reboot job and a non-UTF-8 byte in a comment.
CRONTAB = (
    b"# m h  dom mon dow   command\n"
    b"SHELL=/bin/bash\n"
    b'MAILTO="me@example.com"\n'
    b"\n"
    b"  # indented comment \xe9t\xe9\n"
    b"0  5 * * 1-5   /usr/bin/backup --full   # nightly\n"
    b"*/15 * * * * echo 'hi \\% there' >> /tmp/x\r\n"
    b"\n"
    b"@reboot /usr/bin/thing\n"
    b"PATH = /usr/bin:/bin\n"
    b"30 2 * * * run   \n"
    b"\n"
)


def hermetic_env(
    home: Path, tmp: Path, path: Sequence[Path | str] | None = None, **extra: str
) -> dict[str, str]:
    """cli_env without the session's bus and XDG dirs: HOME, XDG_CONFIG_HOME and XDG_RUNTIME_DIR in `tmp`."""
    env = {k: v for k, v in cli_env(home).items() if k not in LEAKY}
    runtime = tmp / "runtime"
    runtime.mkdir(exist_ok=True)
    env.update(
        HOME=str(tmp / "userhome"), XDG_CONFIG_HOME=str(tmp / "xdgconfig"), XDG_RUNTIME_DIR=str(runtime)
    )
    if path is not None:
        env["PATH"] = os.pathsep.join(str(p) for p in path)
    env.update(extra)
    return env


def fake_program(folder: Path, name: str, body: str) -> Path:
    """An executable `name` in `folder` running `body` with this interpreter (PATH may be just `folder`)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!{sys.executable}\nimport json, os, sys\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def recording_notifier(folder: Path, name: str, log: Path, exit_code: int = 0) -> Path:
    """A fake notifier that appends its argv and D-Bus address to `log` (one JSON list a line)."""
    body = (
        f"with open({str(log)!r}, 'a', encoding='utf-8') as fh:\n"
        "    fh.write(json.dumps([sys.argv[1:], os.environ.get('DBUS_SESSION_BUS_ADDRESS')]) + '\\n')\n"
        f"sys.exit({exit_code})"
    )
    return fake_program(folder, name, body)


def fake_crontab(folder: Path, store: Path, refuse: bool = False) -> Path:
    """A `crontab` keeping the user's crontab in `store`: `-l` prints it (or 'no crontab for' when absent),
    `crontab FILE` installs FILE (or refuses, like a crontab with errors, when `refuse`)."""
    body = f"""
store = {str(store)!r}
if sys.argv[1:] == ["-l"]:
    if not os.path.exists(store):
        sys.stderr.write("no crontab for tester\\n")
        sys.exit(1)
    sys.stdout.buffer.write(open(store, "rb").read())
    sys.exit(0)
if len(sys.argv) == 2:
    if {refuse!r}:
        sys.stderr.write('"-":1: bad minute\\nerrors in crontab file, can\\'t install.\\n')
        sys.exit(1)
    data = open(sys.argv[1], "rb").read()
    open(store, "wb").write(data)
    sys.exit(0)
sys.stderr.write("usage: crontab [-l | FILE]\\n")
sys.exit(2)
"""
    return fake_program(folder, "crontab", body)


class Recorder:
    """A runner that records each argv and answers from a table (argv tuple → Completed), else success."""

    def __init__(self, answers: Mapping[tuple[str, ...], Completed] | None = None) -> None:
        self.answers = dict(answers or {})
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str], env: Mapping[str, str] | None = None) -> Completed:
        self.calls.append(list(argv))
        return self.answers.get(tuple(argv), Completed(0))

    def systemctl(self) -> list[list[str]]:
        return [call for call in self.calls if call[:1] == ["systemctl"]]


MANAGER_RUNNING = {("systemctl", "--user", "is-system-running"): Completed(0, "running\n")}
NO_MANAGER = {("systemctl", "--user", "is-system-running"): Completed(1, "offline\n")}
