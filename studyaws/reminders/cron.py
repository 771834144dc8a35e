"""cron: one line marked `# studyaws-reminder` in the user's crontab (via `crontab`) or a crontab file."""

# python-crontab parses and renders the cron lines (and escapes `%` in the command). The crontab itself is
# edited as text, because python-crontab's own render reorders environment lines, drops quotes and reformats
# jobs: every other line survives byte for byte (undecodable bytes too). The user's crontab is read with
# `crontab -l` and replaced with `crontab FILE` (the program python-crontab found when imported); a crontab
# file is replaced atomically (temporary file, then os.replace). Nothing is written when a line cannot be
# read. CronTab.write() (and `with CronTab()`, which writes even on error) is never used.

from __future__ import annotations

import contextlib
import logging
import os
import re
import shlex
import stat
import tempfile
from pathlib import Path

import crontab as pycron

from studyaws.core.reminder import TimeOfDay
from studyaws.reminders.errors import ReminderError
from studyaws.reminders.job import Installed, Job, quiet_from_argv
from studyaws.reminders.runner import Runner, default_runner

MARKER = "studyaws-reminder"
NO_CRONTAB = (
    "no `crontab` program found; install cron (e.g. `sudo apt install cron`), use --backend systemd, "
    "or edit a file with --crontab-file PATH"
)
_ENV_LINE = re.compile(r"\s*[A-Za-z_][A-Za-z0-9_]*\s*=")
_CONTEXT = pycron.CronTab(tab="")  # what python-crontab parses single lines against (a user crontab)

logging.getLogger("crontab").addHandler(logging.NullHandler())  # it logs bad lines; we report them ourselves


def shell_command(job: Job) -> str:
    words = [f"{name}={shlex.quote(value)}" for name, value in job.env]
    words += [shlex.quote(word) for word in job.argv]
    return " ".join(words)


def render_line(job: Job) -> str:
    """The crontab line for `job` (python-crontab escapes `%`, which cron would turn into a newline)."""
    command = shell_command(job)
    if "#" in command:
        raise ReminderError(
            f"cron: the command contains '#', which cron lines cannot carry safely: {command}; "
            "use --backend systemd or paths without '#'"
        )
    item = pycron.CronItem(command=command, comment=MARKER)
    item.setall(f"{job.at.minute} {job.at.hour} * * *")
    line = str(item.render())
    if "\n" in line:
        raise ReminderError(f"cron: python-crontab rendered more than one line: {line!r}")
    return line


def parse_line(line: str) -> pycron.CronItem | None:
    """The job on `line` (enabled or commented out), or None if it is not one."""
    text = line.strip()
    if not text:
        return None
    try:
        item = pycron.CronItem.from_line(text, cron=_CONTEXT)
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return item if item.is_valid() else None


def is_ours(line: str) -> bool:
    item = parse_line(line)
    return item is not None and item.comment == MARKER


def _check(number: int, line: str, where: str) -> None:
    text = line.strip()
    if not text or text.startswith("#") or _ENV_LINE.match(text):
        return
    item = parse_line(text)
    if item is None or not item.is_enabled():
        raise ReminderError(
            f"{where}: line {number} is not a cron line studyaws can read ({text!r}); fix or remove it "
            "(crontab -e), or use --backend systemd; nothing was changed"
        )


def split_lines(text: str) -> list[str]:
    """Lines with their '\\n' kept (only '\\n' ends a line for cron)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    return [*out, lines[-1]] if lines[-1] else out


def edit(text: str, new_line: str | None, where: str) -> tuple[str, list[str]]:
    """(the crontab with our lines replaced by `new_line`, or removed when it is None; the lines taken out).

    The new line takes the place of the first old one, or goes at the end. Other lines are kept as they are;
    when adding, each must be readable (else ReminderError, and the caller writes nothing).
    """
    kept: list[str] = []
    removed: list[str] = []
    for number, line in enumerate(split_lines(text), start=1):
        if is_ours(line):
            if new_line is not None and not removed:
                kept.append(new_line + "\n")
            removed.append(line.rstrip("\r\n"))
            continue
        if new_line is not None:
            _check(number, line, where)
        kept.append(line)
    if new_line is not None and not removed:
        if kept and not kept[-1].endswith("\n"):
            kept[-1] += "\n"
        kept.append(new_line + "\n")
    return "".join(kept), removed


class TabFile:
    """A crontab file edited in place (for /etc/cron.d-style files, or tests)."""

    def __init__(self, path: str) -> None:
        self.path = Path(path).expanduser().resolve()
        self.where = str(self.path)

    def read(self) -> str:
        try:
            return self.path.read_bytes().decode("utf-8", "surrogateescape")
        except FileNotFoundError:
            return ""
        except OSError as exc:
            raise ReminderError(f"{self.path}: cannot read it ({exc.strerror})") from None

    def write(self, text: str) -> None:
        folder = self.path.parent
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise ReminderError(
                f"{folder}: cannot write there ({exc.strerror}); nothing was changed"
            ) from None
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(text.encode("utf-8", "surrogateescape"))
                fh.flush()
                os.fsync(fh.fileno())
            with contextlib.suppress(
                FileNotFoundError
            ):  # a new file keeps mkstemp's 0600: crontabs are private
                tmp.chmod(stat.S_IMODE(self.path.stat().st_mode))
            tmp.replace(self.path)
        except OSError as exc:
            raise ReminderError(
                f"{self.path}: cannot write it ({exc.strerror}); nothing was changed"
            ) from None
        finally:
            tmp.unlink(missing_ok=True)


class UserCrontab:
    """The user's crontab, through the `crontab` program."""

    where = "your crontab"

    def __init__(self, runner: Runner = default_runner, program: str | None = None) -> None:
        self.runner = runner
        self.program = program or str(pycron.CRON_COMMAND)

    def read(self) -> str:
        done = self.runner([self.program, "-l"], None)
        if done.returncode in (126, 127):
            raise ReminderError(NO_CRONTAB)
        if not done.ok:
            if "no crontab for" in (done.stderr + done.stdout).lower():
                return ""
            raise ReminderError(f"`crontab -l` failed: {done.reason()}; nothing was changed")
        return done.stdout

    def write(self, text: str) -> None:
        fd, name = tempfile.mkstemp(prefix="studyaws-crontab.", suffix=".txt")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(text.encode("utf-8", "surrogateescape"))
            done = self.runner([self.program, name], None)
        finally:
            Path(name).unlink(missing_ok=True)
        if done.returncode in (126, 127):
            raise ReminderError(NO_CRONTAB)
        if not done.ok:
            raise ReminderError(
                f"`crontab` refused the new crontab: {done.reason()}; your crontab is unchanged"
            )


Source = TabFile | UserCrontab


def install(job: Job, source: Source) -> list[str]:
    line = render_line(job)
    text = source.read()
    new_text, removed = edit(text, line, source.where)
    if new_text != text:
        source.write(new_text)
    verb = "replaced the studyaws line" if removed else "added this line"
    out = [f"cron: {verb} in {source.where}:", line]
    if removed and removed != [line]:
        out += ["(it was:)", *removed]
    return out


def remove(source: Source) -> list[str]:
    text = source.read()
    new_text, removed = edit(text, None, source.where)
    if not removed:
        return []
    source.write(new_text)
    return [f"cron: removed from {source.where}:", *removed]


def find(source: Source) -> Installed | None:
    for line in split_lines(source.read()):
        item = parse_line(line)
        if item is None or item.comment != MARKER:
            continue
        try:
            at = job_time(str(item.minute), str(item.hour))
            words = shlex.split(str(item.command))
        except ValueError:
            return Installed("cron", source.where, None, None, line.rstrip("\r\n"))
        return Installed("cron", source.where, at, quiet_from_argv(words), line.rstrip("\r\n"))
    return None


def job_time(minute: str, hour: str) -> TimeOfDay:
    """The time of a daily job's minute and hour fields (ValueError unless both are plain numbers)."""
    return TimeOfDay(int(hour), int(minute))
