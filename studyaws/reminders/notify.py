"""Desktop notifications: notify-send, then gdbus (D-Bus), then osascript on macOS; text only ever as argv."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence

from studyaws.core.reminder import escape_markup
from studyaws.reminders.runner import Completed, Runner, run_program

APP_NAME = "studyaws"
# Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv}, expire_timeout i)
NOTIFY_METHOD = "org.freedesktop.Notifications.Notify"
TIMEOUT = 15.0  # seconds; a notifier stuck on a dead bus must not keep the timer's job running


def _run_notifier(argv: Sequence[str], env: Mapping[str, str] | None) -> Completed:
    return run_program(argv, env, TIMEOUT)


def find_program(name: str, env: Mapping[str, str]) -> str | None:
    """`name` on env's PATH (shutil.which without importing shutil on the fast path)."""
    for folder in env.get("PATH", os.defpath).split(os.pathsep):
        candidate = os.path.join(folder or ".", name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def notifier_env(
    env: Mapping[str, str], uid: int, exists: Callable[[str], bool] = os.path.exists
) -> dict[str, str]:
    """The environment for a notifier. Cron starts jobs without the session's D-Bus address: when it is unset
    and the user's bus socket exists (/run/user/UID/bus), point the notifier at it."""
    out = dict(env)
    if not out.get("DBUS_SESSION_BUS_ADDRESS"):
        runtime = out.get("XDG_RUNTIME_DIR") or f"/run/user/{uid}"
        bus = os.path.join(runtime, "bus")
        if exists(bus):
            out["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"
            out.setdefault("XDG_RUNTIME_DIR", runtime)
    return out


def gvariant_string(text: str) -> str:
    """A GVariant text-format string literal: gdbus reads each argument as GVariant, so plain text could be
    taken for another type or value; a quoted literal always means exactly `text`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def commands(summary: str, body: str, platform: str = sys.platform) -> list[tuple[str, list[str]]]:
    """(program, arguments after the program) for each notifier to try, in order."""
    markup = escape_markup(body)
    found: list[tuple[str, list[str]]] = [
        ("notify-send", [f"--app-name={APP_NAME}", "--", summary, markup]),
        (
            "gdbus",
            [
                "call", "--session",
                "--dest", "org.freedesktop.Notifications",
                "--object-path", "/org/freedesktop/Notifications",
                "--method", NOTIFY_METHOD,
                gvariant_string(APP_NAME), "@u 0", gvariant_string(""),
                gvariant_string(summary), gvariant_string(markup),
                "@as []", "@a{sv} {}", "@i -1",
            ],
        ),
    ]  # fmt: skip
    if platform == "darwin":
        script = [
            "on run argv",
            "display notification (item 2 of argv) with title (item 1 of argv)",
            "end run",
        ]
        args = [part for line in script for part in ("-e", line)]
        found.append(("osascript", [*args, summary, body]))
    return found


def send(
    summary: str,
    body: str,
    env: Mapping[str, str] | None = None,
    runner: Runner | None = None,
    platform: str = sys.platform,
) -> tuple[str | None, list[str]]:
    """Try each notifier in turn: (the one that worked or None, each one tried and why it failed)."""
    env = notifier_env(os.environ if env is None else env, os.getuid())
    run = runner or _run_notifier
    tried: list[str] = []
    for name, args in commands(summary, body, platform):
        program = find_program(name, env)
        if program is None:
            tried.append(f"{name} (not installed)")
            continue
        done = run([program, *args], env)
        if done.ok:
            return name, tried
        tried.append(f"{name} ({done.reason()})")
    return None, tried
