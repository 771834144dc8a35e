"""What each backend writes, and the notifier commands, without touching the system."""

from __future__ import annotations

import os
import plistlib
import shlex
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from studyaws.core.reminder import TimeOfDay, parse_quiet_hours
from studyaws.fastremind import parse_args
from studyaws.reminders import cron, examsettings, launchd, notify, systemd
from studyaws.reminders.errors import ReminderError
from studyaws.reminders.job import Job, make_job, quiet_from_argv
from studyaws.reminders.runner import Completed
from tests.remind_support import Recorder

PY = "/opt/py env/bin/python3"
QUIET = parse_quiet_hours("22:00-07:00")


def job(home: str = "/data/home", quiet: bool = True, executable: str = PY) -> Job:
    return make_job(TimeOfDay(19, 30), QUIET if quiet else None, executable, {"STUDYAWS_HOME": home})


def test_job_command_and_environment() -> None:
    j = job()
    assert j.argv == (PY, "-m", "studyaws", "remind", "run", "--quiet-hours", "22:00-07:00")
    assert j.env == (("STUDYAWS_HOME", "/data/home"),)
    env = {"XDG_DATA_HOME": "/x/data", "XDG_STATE_HOME": "relative", "PATH": "/bin", "HOME": "/h"}
    assert make_job(TimeOfDay(7, 0), None, PY, env).env == (("XDG_DATA_HOME", "/x/data"),)
    assert (
        make_job(TimeOfDay(7, 0), None, PY, {"STUDYAWS_HOME": "~/study", "HOME": "/h"})
        .env[0][1]
        .endswith("/study")
    )
    with pytest.raises(ReminderError, match="control characters"):
        make_job(TimeOfDay(7, 0), None, PY, {"STUDYAWS_HOME": "/a\nb"})
    assert quiet_from_argv(j.argv) == QUIET
    assert quiet_from_argv(["x", "--quiet-hours=01:00-02:00"]) == parse_quiet_hours("01:00-02:00")
    assert quiet_from_argv(["x", "--quiet-hours", "junk"]) is None


def test_systemd_units() -> None:
    service = systemd.render_service(job())
    timer = systemd.render_timer(job())
    assert "Type=oneshot\n" in service
    assert "Environment=STUDYAWS_HOME=/data/home\n" in service
    assert f'ExecStart="{PY}" -m studyaws remind run --quiet-hours 22:00-07:00\n' in service
    assert "OnCalendar=*-*-* 19:30:00\nPersistent=true\nUnit=studyaws-remind.service\n" in timer
    assert "[Install]\nWantedBy=timers.target\n" in timer
    assert service.startswith(systemd.HEADER) and timer.startswith(systemd.HEADER)


def test_systemd_quoting() -> None:
    odd = systemd.render_service(job(home='/data/50% "off" $HOME\\x', executable="/p%a$th/python"))
    assert 'Environment="STUDYAWS_HOME=/data/50%% \\"off\\" $HOME\\\\x"' in odd
    assert 'ExecStart="/p%%a$th/python" -m studyaws' in odd  # the program path is never $-expanded
    assert systemd.exec_start(("/bin/x", "a b", "c$d", "e%f")) == '/bin/x "a b" "c$$d" "e%%f"'
    with pytest.raises(ReminderError, match="quotes or backslashes"):
        systemd.render_service(job(executable='/a"b/python'))


def test_systemd_unit_dir() -> None:
    assert systemd.unit_dir({"XDG_CONFIG_HOME": "/cfg", "HOME": "/h"}) == Path("/cfg/systemd/user")
    assert systemd.unit_dir({"XDG_CONFIG_HOME": "rel", "HOME": "/h"}) == Path("/h/.config/systemd/user")


def test_systemd_manager_detection(tmp_path: Path) -> None:
    offline = Recorder({("systemctl", "--user", "is-system-running"): Completed(1, "offline\n")})
    assert not systemd.user_manager_running({"XDG_RUNTIME_DIR": str(tmp_path)}, offline)
    degraded = Recorder({("systemctl", "--user", "is-system-running"): Completed(1, "degraded\n")})
    assert systemd.user_manager_running({}, degraded)
    (tmp_path / "systemd").mkdir()
    (tmp_path / "systemd" / "private").touch()
    asked = Recorder()
    assert systemd.user_manager_running({"XDG_RUNTIME_DIR": str(tmp_path)}, asked) and asked.calls == []


def test_cron_line_escapes_percent_and_quotes() -> None:
    line = cron.render_line(job(home="/data/50% done"))
    assert line == (
        f"30 19 * * * STUDYAWS_HOME='/data/50\\% done' '{PY}' -m studyaws remind run "
        "--quiet-hours 22:00-07:00 # studyaws-reminder"
    )
    item = cron.parse_line(line)  # and python-crontab reads it back as the same command
    assert item is not None and item.comment == cron.MARKER
    assert shlex.split(item.command)[0] == "STUDYAWS_HOME=/data/50% done"
    with pytest.raises(ReminderError, match="contains '#'"):
        cron.render_line(job(home="/data/#1"))


def test_cron_edit_is_textual() -> None:
    text = "A=1\n0 1 * * * x\n"
    new, removed = cron.edit(text, "5 6 * * * y # studyaws-reminder", "tab")
    assert new == text + "5 6 * * * y # studyaws-reminder\n" and removed == []
    again, removed = cron.edit(new, "7 8 * * * y # studyaws-reminder", "tab")
    assert again == text + "7 8 * * * y # studyaws-reminder\n" and removed == [
        "5 6 * * * y # studyaws-reminder"
    ]
    gone, removed = cron.edit(again, None, "tab")
    assert gone == text and len(removed) == 1
    assert cron.edit("0 1 * * * x", "L", "tab")[0] == "0 1 * * * x\nL\n"  # a last line gets its newline
    # a commented-out studyaws line is still ours; a look-alike comment is not
    text = "# 1 2 * * * y # studyaws-reminder\n# studyaws-reminder\n"
    assert cron.edit(text, None, "tab") == ("# studyaws-reminder\n", ["# 1 2 * * * y # studyaws-reminder"])
    with pytest.raises(
        ReminderError, match=r"^tab: line 2 is not a cron line studyaws can read \('61 \* \* \* \* x'\)"
    ):
        cron.edit("A=1\n61 * * * * x\n", "L", "tab")
    assert cron.edit("A=1\n61 * * * * x\n", None, "tab")[0] == "A=1\n61 * * * * x\n"  # removing never checks


def test_launchd_plist_round_trip() -> None:
    agent = plistlib.loads(launchd.render(job()))
    assert agent["Label"] == launchd.LABEL
    assert agent["ProgramArguments"] == list(job().argv)
    assert agent["StartCalendarInterval"] == {"Hour": 19, "Minute": 30}
    assert agent["EnvironmentVariables"] == {"STUDYAWS_HOME": "/data/home"}
    assert "EnvironmentVariables" not in plistlib.loads(
        launchd.render(make_job(TimeOfDay(1, 2), None, PY, {}))
    )
    assert launchd.plist_path({"HOME": "/Users/me"}) == Path(
        "/Users/me/Library/LaunchAgents/io.studyaws.remind.plist"
    )
    assert not launchd.available("linux")


def test_notifier_commands() -> None:
    body = 'x <b> & "q" \\ \'s'
    (ns, ns_args), (gd, gd_args) = notify.commands("studyaws", body, platform="linux")
    assert ns == "notify-send" and ns_args == [
        "--app-name=studyaws",
        "--",
        "studyaws",
        'x &lt;b&gt; &amp; "q" \\ \'s',
    ]
    assert gd == "gdbus"
    assert gd_args[gd_args.index("--method") + 1] == "org.freedesktop.Notifications.Notify"
    assert gd_args[-8:] == [
        '"studyaws"',
        "@u 0",
        '""',
        '"studyaws"',
        '"x &lt;b&gt; &amp; \\"q\\" \\\\ \'s"',
        "@as []",
        "@a{sv} {}",
        "@i -1",
    ]
    mac = notify.commands("studyaws", body, platform="darwin")
    assert [name for name, _ in mac] == ["notify-send", "gdbus", "osascript"]
    assert mac[2][1][-2:] == ["studyaws", body]  # as argv to `on run argv`, never inside the script


def test_notifier_env_finds_the_session_bus() -> None:
    def exists(path: str) -> bool:
        return path == "/run/user/1000/bus"

    env = notify.notifier_env({"PATH": "/bin"}, 1000, exists)
    assert env["DBUS_SESSION_BUS_ADDRESS"] == "unix:path=/run/user/1000/bus"
    assert env["XDG_RUNTIME_DIR"] == "/run/user/1000"
    assert "DBUS_SESSION_BUS_ADDRESS" not in notify.notifier_env({}, 1001, exists)
    kept = notify.notifier_env({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"}, 1000, exists)
    assert kept["DBUS_SESSION_BUS_ADDRESS"] == "unix:path=/x"


def test_send_tries_each_notifier(tmp_path: Path) -> None:
    for name in ("notify-send", "gdbus"):
        (tmp_path / name).write_text("")
        (tmp_path / name).chmod(0o755)
    env = {"PATH": str(tmp_path), "DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"}
    runner = Recorder()
    assert notify.send("s", "b", env, runner, "linux") == ("notify-send", [])
    assert runner.calls[0][0] == str(tmp_path / "notify-send")

    def first_fails(argv: Sequence[str], env: Mapping[str, str] | None) -> Completed:
        return Completed(1) if argv[0].endswith("notify-send") else Completed(0)

    sent, tried = notify.send("s", "b", env, first_fails, "linux")
    assert sent == "gdbus" and tried == ["notify-send (exit status 1)"]
    assert notify.send("s", "b", {"PATH": str(tmp_path / "none")}, runner, "linux") == (
        None,
        ["notify-send (not installed)", "gdbus (not installed)"],
    )


def test_fast_path_arguments() -> None:
    assert parse_args([]) == (False, None)
    assert parse_args(["--dry-run", "--quiet-hours", "22:00-07:00"]) == (True, "22:00-07:00")
    assert parse_args(["--quiet-hours=1:00-2:00"]) == (False, "1:00-2:00")
    for other in (["--verbose"], ["--dry-run", "--dry-run"], ["--quiet-hours"], ["x"]):
        assert parse_args(other) is None  # the full CLI answers (and explains)


def test_exam_sidecar(tmp_path: Path) -> None:
    config, sidecar = tmp_path / "config.toml", tmp_path / "remind-settings"
    assert examsettings.read(str(config), str(sidecar)) == ("", "")  # no config file: no exam
    config.write_text('exam_date = "2026-12-12"\n')
    assert examsettings.read(str(config), str(sidecar)) is None  # no sidecar yet: ask the full path
    examsettings.sync(config, sidecar, "dva-c03", "2026-12-12")
    assert examsettings.read(str(config), str(sidecar)) == ("dva-c03", "2026-12-12")
    config.write_text('exam_date = "2027-01-01"\n')
    os.utime(config, ns=(1, 1))
    assert examsettings.read(str(config), str(sidecar)) is None  # stale after an edit
    examsettings.sync(config, sidecar, "dva\tc03", "")
    assert not sidecar.exists()  # a value that does not fit on the line: no sidecar, always the full path
