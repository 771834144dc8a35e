"""What a scheduler runs: `python -m studyaws remind run`, daily at a time, with the environment it needs."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from studyaws.core.reminder import QuietHours, ReminderInputError, TimeOfDay, parse_quiet_hours
from studyaws.reminders.errors import ReminderError

# Where studyaws keeps its data: a scheduler starts jobs with a bare environment, so these are passed on when
# set (relative values are ignored by studyaws itself, see paths._xdg_roots, and are not passed).
PROPAGATED = ("STUDYAWS_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")
RUN_ARGS = ("-m", "studyaws", "remind", "run")


class Job(NamedTuple):
    at: TimeOfDay
    quiet: QuietHours | None
    argv: tuple[str, ...]
    env: tuple[tuple[str, str], ...]


class Installed(NamedTuple):
    """A reminder found on this machine."""

    backend: str
    where: str
    at: TimeOfDay | None
    quiet: QuietHours | None
    entry: str  # the line or file content, as written


def make_job(
    at: TimeOfDay,
    quiet: QuietHours | None,
    executable: str = sys.executable,
    environ: Mapping[str, str] | None = None,
) -> Job:
    environ = os.environ if environ is None else environ
    if not executable:
        raise ReminderError("cannot tell which Python runs studyaws (sys.executable is empty)")
    # absolute, but not resolved: a virtual environment's python is a symlink that must stay one
    argv: tuple[str, ...] = (str(Path.cwd() / executable), *RUN_ARGS)
    if quiet is not None:
        argv = (*argv, "--quiet-hours", str(quiet))
    env = []
    for name in PROPAGATED:
        value = environ.get(name, "")
        if name == "STUDYAWS_HOME" and value:
            value = str(Path.cwd() / Path(value).expanduser())
        if value.startswith("/"):
            env.append((name, value))
    for word in (*argv, *(value for _, value in env)):
        if any(ord(c) < 32 or ord(c) == 127 for c in word):
            raise ReminderError(f"cannot schedule a command with control characters in it: {word!r}")
    return Job(at, quiet, argv, tuple(env))


def quiet_from_argv(argv: Sequence[str]) -> QuietHours | None:
    """The quiet hours of an installed `remind run` command (None if it has none or they are unreadable)."""
    words = list(argv)
    for i, word in enumerate(words):
        text = None
        if word == "--quiet-hours" and i + 1 < len(words):
            text = words[i + 1]
        elif word.startswith("--quiet-hours="):
            text = word.partition("=")[2]
        if text is not None:
            try:
                return parse_quiet_hours(text)
            except ReminderInputError:
                return None
    return None


def describe(at: TimeOfDay | None, quiet: QuietHours | None) -> str:
    when = f"daily at {at}" if at is not None else "unreadable schedule"
    return when + (f", quiet hours {quiet}" if quiet is not None else "")
