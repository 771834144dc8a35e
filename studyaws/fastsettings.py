"""The three settings `studyaws due` needs, in a sidecar file it can read without tomllib (~15 ms).

The full CLI writes the sidecar whenever it loads the settings; it records the config file's mtime, so an edit
by hand makes the sidecar stale and the fast path hands over to the full path, which rewrites it.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def _stamp(config_file: str | Path) -> int:
    try:
        return os.stat(config_file).st_mtime_ns
    except FileNotFoundError:
        return 0


def expected(config_file: str | Path, new_per_day: int, reviews_per_day: int, rollover_hour: int) -> str:
    return f"{_stamp(config_file)} {new_per_day} {reviews_per_day} {rollover_hour}\n"


def read(config_file: str, sidecar: str) -> tuple[int, int, int] | None:
    """(new_per_day, reviews_per_day, rollover_hour), or None when the sidecar is missing or stale."""
    try:
        with open(sidecar, encoding="ascii") as fh:
            parts = fh.read().split()
        numbers = [int(p) for p in parts]
    except (OSError, ValueError):
        return None
    if len(numbers) != 4 or numbers[0] != _stamp(config_file):
        return None
    return numbers[1], numbers[2], numbers[3]
