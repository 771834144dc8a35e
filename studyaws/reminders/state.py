"""What `studyaws remind run` leaves: its last run (for `remind status`), a log of undelivered reminders."""

from __future__ import annotations

import os

from studyaws.paths import REMIND_LOG_NAME, REMIND_STATE_NAME

TYPE_CHECKING = False  # typing stays off the fast path
if TYPE_CHECKING:
    from datetime import datetime


def _one_line(text: str) -> str:
    return " ".join(text.split())


def record_run(state_dir: str, now: datetime, outcome: str) -> None:
    """Remember this run, atomically. Best effort: a reminder is never failed for want of a state file."""
    path = os.path.join(state_dir, REMIND_STATE_NAME)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(state_dir, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(f"{now.isoformat()}\t{_one_line(outcome)}\n")
        os.replace(tmp, path)
    except OSError:
        if os.path.lexists(tmp):  # (contextlib and pathlib stay off the fast path)
            os.unlink(tmp)


def last_run(state_dir: str) -> tuple[str, str] | None:
    """(ISO timestamp, outcome) of the last `remind run`, or None if it never ran (or the file is damaged)."""
    try:
        with open(os.path.join(state_dir, REMIND_STATE_NAME), encoding="utf-8") as fh:
            when, sep, outcome = fh.read().rstrip("\n").partition("\t")
    except (OSError, ValueError):
        return None
    return (when, outcome) if sep else None


def append_log(state_dir: str, now: datetime, line: str) -> str | None:
    """Append one line to the reminder log; its path, or None if it cannot be written."""
    path = os.path.join(state_dir, REMIND_LOG_NAME)
    try:
        os.makedirs(state_dir, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{now.isoformat()} {_one_line(line)}\n")
    except OSError:
        return None
    return path
