"""The settings `studyaws due` needs (limits, rollover hour, exam plan) in a sidecar read without tomllib.

Reading config.toml would cost ~15 ms of tomllib.

The full CLI writes the sidecar whenever it loads the settings; it records the config file's mtime, so an edit
by hand makes the sidecar stale and the fast path hands over to the full path, which rewrites it.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def config_stamp(config_file: str | Path) -> int:
    try:
        return os.stat(config_file).st_mtime_ns
    except FileNotFoundError:
        return 0


def expected(
    config_file: str | Path,
    new_per_day: int,
    reviews_per_day: int,
    rollover_hour: int,
    exam_day: int = -1,
    goal: int = -1,
    minutes_per_day: int = 20,
) -> str:
    # The exam fields (day numbers, -1 without an exam date) let the fast path apply the exam plan's limits.
    numbers = (new_per_day, reviews_per_day, rollover_hour, exam_day, goal, minutes_per_day)
    return f"{config_stamp(config_file)} {' '.join(str(n) for n in numbers)}\n"


def read(config_file: str, sidecar: str) -> tuple[int, int, int, int, int, int] | None:
    """(new_per_day, reviews_per_day, rollover_hour, exam_day, goal, minutes_per_day) as `config.due_args`
    gives them, or None when the sidecar is missing or stale."""
    try:
        with open(sidecar, encoding="ascii") as fh:
            parts = fh.read().split()
        numbers = [int(p) for p in parts]
    except (OSError, ValueError):
        return None
    if len(numbers) != 7 or numbers[0] != config_stamp(config_file):
        return None
    return numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6]
