"""systemd: a user timer, studyaws-remind.timer, starting the oneshot studyaws-remind.service daily."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from pathlib import Path

from studyaws.config import write_atomic
from studyaws.core.reminder import TimeOfDay
from studyaws.reminders.errors import ReminderError
from studyaws.reminders.job import Installed, Job, quiet_from_argv
from studyaws.reminders.runner import Runner, show

SERVICE = "studyaws-remind.service"
TIMER = "studyaws-remind.timer"
HEADER = "# Written by `studyaws remind install`; `studyaws remind remove` deletes it.\n"
# `systemctl --user is-system-running` answers one of these when a user manager runs ("offline" otherwise).
RUNNING = frozenset({"running", "degraded", "starting", "initializing", "maintenance", "stopping"})
_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=:,./@-")
_ON_CALENDAR = re.compile(r"^OnCalendar=\*-\*-\* (\d\d):(\d\d):00$", re.M)


def unit_dir(env: Mapping[str, str]) -> Path:
    """$XDG_CONFIG_HOME/systemd/user, by default ~/.config/systemd/user."""
    base = env.get("XDG_CONFIG_HOME", "")
    config = Path(base) if base.startswith("/") else Path(env.get("HOME") or Path.home()) / ".config"
    return config / "systemd" / "user"


def user_manager_running(env: Mapping[str, str], runner: Runner) -> bool:
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and (Path(runtime) / "systemd" / "private").exists():
        return True
    return runner(["systemctl", "--user", "is-system-running"], None).stdout.strip() in RUNNING


def _quoted(word: str, dollar: str) -> str:
    text = word.replace("%", "%%").replace("$", dollar)
    if word and all(c in _SAFE for c in word):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def exec_start(argv: tuple[str, ...]) -> str:
    """ExecStart's value: `%` is a specifier and `$` a variable, except that the program path is never
    expanded; systemd refuses quotes and backslashes in that path."""
    program, *args = argv
    if any(c in program for c in '"\\'):
        raise ReminderError(f"systemd cannot run a program whose path has quotes or backslashes: {program}")
    return " ".join([_quoted(program, "$"), *(_quoted(a, "$$") for a in args)])


def render_service(job: Job) -> str:
    lines = [
        "[Unit]",
        "Description=studyaws daily study reminder",
        "",
        "[Service]",
        "Type=oneshot",
        *(f"Environment={_quoted(f'{name}={value}', '$')}" for name, value in job.env),
        f"ExecStart={exec_start(job.argv)}",
    ]
    return HEADER + "\n".join(lines) + "\n"


def render_timer(job: Job) -> str:
    lines = [
        "[Unit]",
        f"Description=studyaws daily study reminder at {job.at}",
        "",
        "[Timer]",
        f"OnCalendar=*-*-* {job.at}:00",
        "Persistent=true",
        f"Unit={SERVICE}",
        "",
        "[Install]",
        "WantedBy=timers.target",
    ]
    return HEADER + "\n".join(lines) + "\n"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ReminderError(f"{path}: cannot read it ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ReminderError(f"{path}: not a studyaws unit (not UTF-8 text); move it away first") from None


def _put(path: Path, text: str | None) -> None:
    """Write `text` atomically, or delete the file when it is None."""
    if text is None:
        path.unlink(missing_ok=True)
        return
    write_atomic(path, text)


def _write_all(files: dict[Path, str | None]) -> None:
    """Write every file or, on any error, put back what was there and raise."""
    before = {path: _read(path) for path in files}
    for path, text in files.items():
        try:
            _put(path, text)
        except OSError as exc:
            for old, content in before.items():
                with contextlib.suppress(OSError):
                    _put(old, content)
            raise ReminderError(
                f"{path}: cannot write the unit file ({exc.strerror}); fix the permissions of {path.parent}, "
                "set XDG_CONFIG_HOME, or use --backend cron; nothing was changed"
            ) from None


def _systemctl(runner: Runner, *args: str) -> tuple[list[str], str | None]:
    """(the argv, None) on success, (the argv, systemctl's reason) on failure."""
    argv = ["systemctl", "--user", *args]
    done = runner(argv, None)
    return argv, None if done.ok else done.reason()


def install(job: Job, folder: Path, runner: Runner, enable: bool) -> list[str]:
    """Write both units (replacing earlier ones), then reload and enable the timer unless `enable` is off."""
    files: dict[Path, str | None] = {folder / SERVICE: render_service(job), folder / TIMER: render_timer(job)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReminderError(
            f"{folder}: cannot create the unit directory ({exc.strerror}); fix its permissions, "
            "set XDG_CONFIG_HOME, or use --backend cron; nothing was changed"
        ) from None
    before = {path: _read(path) for path in files}
    _write_all(files)
    out: list[str] = []
    for path, text in files.items():
        out += [f"systemd: wrote {path}:", *(text or "").splitlines(), ""]
    if not enable:
        return [*out, f"not enabled (--no-enable); to start it: systemctl --user enable --now {TIMER}"]
    for args in (["daemon-reload"], ["enable", "--now", TIMER]):
        argv, failure = _systemctl(runner, *args)
        if failure is not None:
            _write_all(before)
            _systemctl(runner, "daemon-reload")
            raise ReminderError(
                f"`{show(argv)}` failed: {failure}; the unit files were put back as they were "
                "(try --no-enable, or --backend cron)"
            )
        out.append(f"ran: {show(argv)}")
    return out


def remove(folder: Path, runner: Runner, manager: bool) -> list[str]:
    """Disable the timer (when a user manager runs) and delete what install wrote, with enable's symlink."""
    paths = [folder / TIMER, folder / SERVICE]
    wants = folder / "timers.target.wants" / TIMER
    if not any(p.is_symlink() or p.exists() for p in paths):
        return []
    out: list[str] = []
    if manager:
        argv, failure = _systemctl(runner, "disable", "--now", TIMER)
        out.append(f"ran: {show(argv)}" + (f" (it said: {failure})" if failure else ""))
    try:
        for path in [wants, *paths]:
            if path.is_symlink() or path.exists():
                path.unlink()
                out.append(f"systemd: removed {path}")
    except OSError as exc:
        raise ReminderError(f"{exc.filename}: cannot remove it ({exc.strerror})") from None
    if manager:
        argv, failure = _systemctl(runner, "daemon-reload")
        out.append(f"ran: {show(argv)}" + (f" (it said: {failure})" if failure else ""))
    return out


def find(folder: Path) -> Installed | None:
    timer_path = folder / TIMER
    timer = _read(timer_path)
    service = _read(folder / SERVICE)
    if timer is None and service is None:
        return None
    at = None
    match = _ON_CALENDAR.search(timer or "")
    if match and int(match.group(1)) <= 23 and int(match.group(2)) <= 59:
        at = TimeOfDay(int(match.group(1)), int(match.group(2)))
    quiet = None
    for line in (service or "").splitlines():
        if line.startswith("ExecStart="):
            quiet = quiet_from_argv(line.split())
    return Installed("systemd", str(timer_path), at, quiet, timer or "")


def timer_state(runner: Runner) -> dict[str, str]:
    """What the user manager says about the timer (UnitFileState, ActiveState, NextElapseUSecRealtime)."""
    props = ("UnitFileState", "ActiveState", "NextElapseUSecRealtime")
    done = runner(["systemctl", "--user", "show", TIMER, *(f"--property={p}" for p in props)], None)
    if not done.ok:
        return {}
    pairs = (line.partition("=") for line in done.stdout.splitlines())
    return {key: value for key, sep, value in pairs if sep and key in props}
