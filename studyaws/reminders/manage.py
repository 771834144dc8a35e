"""`studyaws remind install/remove/status`: check the options, pick a backend, say exactly what changed."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import crontab as pycron

from studyaws.core.fmt import short_interval
from studyaws.core.reminder import (
    QuietHours,
    ReminderInputError,
    TimeOfDay,
    next_fire,
    parse_quiet_hours,
    parse_time,
)
from studyaws.reminders import cron, launchd, state, systemd
from studyaws.reminders.errors import ReminderError, ReminderUsageError
from studyaws.reminders.job import Installed, describe, make_job
from studyaws.reminders.runner import Runner

BACKENDS = ("auto", "systemd", "cron", "launchd")


def parse_at(text: str) -> TimeOfDay:
    try:
        return parse_time(text, "--at")
    except ReminderInputError as exc:
        raise ReminderUsageError(str(exc)) from None


def parse_quiet(text: str | None) -> QuietHours | None:
    if text is None:
        return None
    try:
        return parse_quiet_hours(text, "--quiet-hours")
    except ReminderInputError as exc:
        raise ReminderUsageError(str(exc)) from None


def check_backend(name: str, crontab_file: str | None) -> str:
    if name not in BACKENDS:
        raise ReminderUsageError(f"--backend: '{name}' is not one of {', '.join(BACKENDS)}")
    if crontab_file is not None and name not in ("auto", "cron"):
        raise ReminderUsageError(f"--crontab-file goes with --backend cron, not --backend {name}")
    return name


def crontab_available() -> bool:
    program = str(pycron.CRON_COMMAND)
    return Path(program).is_file() and os.access(program, os.X_OK)


def cron_source(crontab_file: str | None, runner: Runner) -> cron.Source:
    return cron.UserCrontab(runner) if crontab_file is None else cron.TabFile(crontab_file)


def choose_backend(
    name: str, crontab_file: str | None, env: Mapping[str, str], runner: Runner, platform: str
) -> str:
    """The backend `auto` stands for: a running systemd user manager, else launchd on macOS, else cron."""
    if name != "auto":
        return name
    if crontab_file is not None:
        return "cron"
    if systemd.user_manager_running(env, runner):
        return "systemd"
    if launchd.available(platform):
        return "launchd"
    if crontab_available():
        return "cron"
    raise ReminderError(
        "no scheduler found: no systemd user manager, no launchd and no `crontab` program; install cron, "
        "or write the systemd units with --backend systemd --no-enable"
    )


def when(moment: datetime, now: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} (in {short_interval((moment - now).total_seconds())})"


def install(
    at_text: str,
    quiet_text: str | None,
    backend: str,
    enable: bool,
    crontab_file: str | None,
    env: Mapping[str, str],
    runner: Runner,
    now: datetime,
    platform: str = sys.platform,
) -> list[str]:
    at, quiet = parse_at(at_text), parse_quiet(quiet_text)
    check_backend(backend, crontab_file)
    if quiet is not None and quiet.contains(at):
        raise ReminderUsageError(
            f"--at {at} falls inside --quiet-hours {quiet}, so no reminder would ever be sent; "
            "pick a time outside them"
        )
    name = choose_backend(backend, crontab_file, env, runner, platform)
    job = make_job(at, quiet, environ=env)
    if name == "systemd":
        if enable and backend != "auto" and not systemd.user_manager_running(env, runner):
            raise ReminderError(
                "no systemd user manager is running (systemctl --user cannot reach it); use --backend cron, "
                "or --no-enable to only write the unit files"
            )
        out = systemd.install(job, systemd.unit_dir(env), runner, enable)
    elif name == "cron":
        out = cron.install(job, cron_source(crontab_file, runner))
    else:
        if enable and not launchd.available(platform):
            raise ReminderError("launchd runs only on macOS; use --backend systemd or cron (or --no-enable)")
        out = launchd.install(job, launchd.plist_path(env), runner, enable)
    out.append(f"next reminder: {when(next_fire(now, at), now)}")
    try:
        others = find_installed("auto", None, env, runner, platform, quiet_errors=True)
    except ReminderError:
        others = []  # only a courtesy note: never fail an install that worked
    for other in others:
        if other.backend != name:
            out.append(
                f"note: a {other.backend} reminder is installed too ({other.where}); "
                f"`studyaws remind remove --backend {other.backend}` removes it"
            )
    return out


def find_installed(
    backend: str,
    crontab_file: str | None,
    env: Mapping[str, str],
    runner: Runner,
    platform: str = sys.platform,
    quiet_errors: bool = False,
) -> list[Installed]:
    """Every reminder this backend choice covers (auto: all of them this machine could have)."""
    found = []
    if backend in ("auto", "systemd"):
        found.append(systemd.find(systemd.unit_dir(env)))
    if backend == "launchd" or (backend == "auto" and platform == "darwin"):
        found.append(launchd.find(launchd.plist_path(env)))
    if backend == "cron" or (backend == "auto" and (crontab_file is not None or crontab_available())):
        try:
            found.append(cron.find(cron_source(crontab_file, runner)))
        except ReminderError:
            if not quiet_errors:
                raise
    return [item for item in found if item is not None]


def remove(
    backend: str,
    crontab_file: str | None,
    env: Mapping[str, str],
    runner: Runner,
    platform: str = sys.platform,
) -> list[str]:
    check_backend(backend, crontab_file)
    out: list[str] = []
    if backend in ("auto", "systemd"):
        folder = systemd.unit_dir(env)
        if systemd.find(folder) is not None:
            out += systemd.remove(folder, runner, systemd.user_manager_running(env, runner))
    if backend == "launchd" or (backend == "auto" and platform == "darwin"):
        out += launchd.remove(launchd.plist_path(env), runner, enable=launchd.available(platform))
    if backend == "cron" or (backend == "auto" and (crontab_file is not None or crontab_available())):
        out += cron.remove(cron_source(crontab_file, runner))
    return out or ["no studyaws reminder found; nothing removed"]


def status(
    backend: str,
    crontab_file: str | None,
    env: Mapping[str, str],
    runner: Runner,
    now: datetime,
    state_dir: str,
    platform: str = sys.platform,
) -> list[str]:
    check_backend(backend, crontab_file)
    out: list[str] = []
    found = find_installed(backend, crontab_file, env, runner, platform)
    if not found:
        out.append("no reminder installed (`studyaws remind install` sets one up)")
    for item in found:
        out += [f"backend: {item.backend} ({item.where})", f"schedule: {describe(item.at, item.quiet)}"]
        reported = ""
        if item.backend == "systemd" and systemd.user_manager_running(env, runner):
            timer = systemd.timer_state(runner)
            out.append(f"timer: {timer.get('ActiveState', '?')}, {timer.get('UnitFileState', '?')}")
            reported = timer.get("NextElapseUSecRealtime", "")
        if item.at is not None:
            line = f"next reminder: {when(next_fire(now, item.at), now)}"
            out.append(line + (f" (systemd says: {reported})" if reported else ""))
    last = state.last_run(state_dir)
    if last is None:
        out.append("last run: never")
    else:
        stamp, outcome = last
        with contextlib.suppress(ValueError):
            stamp = f"{datetime.fromisoformat(stamp):%Y-%m-%d %H:%M}"
        out.append(f"last run: {stamp} — {outcome}")
    return out
