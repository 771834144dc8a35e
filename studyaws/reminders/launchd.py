"""launchd (macOS): a LaunchAgent with a daily StartCalendarInterval. UNTESTED on a Mac (see below)."""

# UNTESTED: nothing here has run on a Mac. The plist is written with plistlib and checked by round-trip tests
# on Linux; the launchctl calls (bootstrap/bootout in the gui/UID domain, macOS 10.11+) are asserted as argv
# only.

from __future__ import annotations

import os
import plistlib
import sys
from collections.abc import Mapping
from pathlib import Path

from studyaws.core.reminder import TimeOfDay
from studyaws.reminders.errors import ReminderError
from studyaws.reminders.job import Installed, Job, quiet_from_argv
from studyaws.reminders.runner import Runner, show

LABEL = "io.studyaws.remind"


def available(platform: str = sys.platform) -> bool:
    return platform == "darwin" and Path("/bin/launchctl").exists()


def plist_path(env: Mapping[str, str]) -> Path:
    home = Path(env.get("HOME") or Path.home())
    return home / "Library" / "LaunchAgents" / f"{LABEL}.plist"


def render(job: Job) -> bytes:
    agent: dict[str, object] = {
        "Label": LABEL,
        "ProgramArguments": list(job.argv),
        "StartCalendarInterval": {"Hour": job.at.hour, "Minute": job.at.minute},
        "ProcessType": "Background",
    }
    if job.env:
        agent["EnvironmentVariables"] = dict(job.env)
    return plistlib.dumps(agent, sort_keys=True)


def _domain() -> str:
    return f"gui/{os.getuid()}"


def install(job: Job, path: Path, runner: Runner, enable: bool) -> list[str]:
    data = render(job)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        raise ReminderError(f"{path}: cannot write it ({exc.strerror}); nothing was changed") from None
    finally:
        tmp.unlink(missing_ok=True)
    out = [f"launchd: wrote {path}:", *data.decode("utf-8").splitlines(), ""]
    if not enable:
        return [*out, f"not loaded (--no-enable); to load it: launchctl bootstrap {_domain()} {path}"]
    runner(["launchctl", "bootout", _domain(), str(path)], None)  # an earlier version, if loaded
    argv = ["launchctl", "bootstrap", _domain(), str(path)]
    done = runner(argv, None)
    if not done.ok:
        raise ReminderError(f"`{show(argv)}` failed: {done.reason()} (the plist is written; try --no-enable)")
    return [*out, f"ran: {show(argv)}"]


def remove(path: Path, runner: Runner, enable: bool = True) -> list[str]:
    if not path.exists():
        return []
    out = []
    if enable:
        argv = ["launchctl", "bootout", _domain(), str(path)]
        done = runner(argv, None)
        out.append(f"ran: {show(argv)}" + ("" if done.ok else f" (it said: {done.reason()})"))
    try:
        path.unlink()
    except OSError as exc:
        raise ReminderError(f"{path}: cannot remove it ({exc.strerror})") from None
    return [*out, f"launchd: removed {path}"]


def find(path: Path) -> Installed | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ReminderError(f"{path}: cannot read it ({exc.strerror})") from None
    try:
        agent = plistlib.loads(data)
        when = agent["StartCalendarInterval"]
        at: TimeOfDay | None = TimeOfDay(int(when["Hour"]), int(when["Minute"]))
        quiet = quiet_from_argv([str(a) for a in agent.get("ProgramArguments", [])])
    except (plistlib.InvalidFileException, KeyError, TypeError, ValueError):
        at, quiet = None, None
    return Installed("launchd", str(path), at, quiet, data.decode("utf-8", "replace"))
