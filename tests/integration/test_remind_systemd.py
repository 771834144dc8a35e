"""systemd: the units pass `systemd-analyze verify --user`; install/remove files and systemctl calls."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyaws.core.reminder import TimeOfDay, parse_quiet_hours
from studyaws.reminders import launchd, manage, systemd
from studyaws.reminders.errors import ReminderError
from studyaws.reminders.job import make_job
from studyaws.reminders.runner import Completed
from tests.remind_support import MANAGER_RUNNING, NO_MANAGER, Recorder

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
ANALYZE = shutil.which("systemd-analyze") or "/usr/bin/systemd-analyze"
needs_analyze = pytest.mark.skipif(not Path(ANALYZE).exists(), reason="systemd-analyze is not installed")
ENABLE = ["systemctl", "--user", "enable", "--now", "studyaws-remind.timer"]
RELOAD = ["systemctl", "--user", "daemon-reload"]


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"XDG_CONFIG_HOME": str(tmp_path / "cfg"), "HOME": str(tmp_path / "h"), **extra}


def verify(tmp_path: Path, *units: Path) -> subprocess.CompletedProcess[str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(exist_ok=True)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    cmd = [ANALYZE, "verify", "--user", *map(str, units)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, check=False)


@needs_analyze
@pytest.mark.parametrize("odd", [False, True], ids=["plain", "spaces-percent-dollar"])
def test_units_pass_systemd_analyze_verify(tmp_path: Path, odd: bool) -> None:
    python = Path(sys.executable)
    home = "/srv/study"
    if odd:  # a program path and a home that need systemd's quoting and %/$ escapes
        folder = tmp_path / "my py 100%$x"
        folder.mkdir()
        (folder / "python").symlink_to(sys.executable)
        python, home = folder / "python", str(tmp_path / "data 50% $HOME")
    job = make_job(TimeOfDay(19, 30), parse_quiet_hours("22:00-07:00"), str(python), {"STUDYAWS_HOME": home})
    out = tmp_path / "units"
    systemd.install(job, out, Recorder(), enable=False)
    result = verify(tmp_path, out / systemd.SERVICE, out / systemd.TIMER)
    assert result.returncode == 0, result.stderr
    assert "studyaws-remind" not in result.stderr, result.stderr  # not even a warning about our units


@needs_analyze
def test_verify_catches_a_broken_unit(tmp_path: Path) -> None:
    """The check above can fail: a typo in a key and a program that does not exist are reported."""
    job = make_job(TimeOfDay(19, 30), None, "/nonexistent/python", {})
    out = tmp_path / "units"
    systemd.install(job, out, Recorder(), enable=False)
    timer = out / systemd.TIMER
    timer.write_text(timer.read_text().replace("Persistent=", "Persistant="))
    result = verify(tmp_path, out / systemd.SERVICE, timer)
    assert "Persistant" in result.stderr and "/nonexistent/python" in result.stderr


def test_install_no_enable_writes_the_units_into_xdg_config_home(tmp_path: Path) -> None:
    env = env_for(tmp_path, STUDYAWS_HOME="/srv/study")
    runner = Recorder(NO_MANAGER)
    out = manage.install("19:30", "22:00-07:00", "systemd", False, None, env, runner, NOW)
    folder = tmp_path / "cfg" / "systemd" / "user"
    service, timer = folder / systemd.SERVICE, folder / systemd.TIMER
    assert out[0] == f"systemd: wrote {service}:"
    assert "\n".join(out).count(service.read_text().rstrip("\n")) == 1  # printed exactly as written
    assert "Environment=STUDYAWS_HOME=/srv/study" in service.read_text()
    assert "OnCalendar=*-*-* 19:30:00" in timer.read_text()
    assert "not enabled (--no-enable)" in out[-2] and out[-1] == "next reminder: 2026-11-24 19:30 (in 9.5h)"
    assert runner.systemctl() == []  # --no-enable runs nothing
    manage.install("07:00", None, "systemd", False, None, env, runner, NOW)  # again: replaced
    assert sorted(p.name for p in folder.iterdir()) == [systemd.SERVICE, systemd.TIMER]
    assert "OnCalendar=*-*-* 07:00:00" in timer.read_text() and "--quiet-hours" not in service.read_text()


def test_enabling_asks_systemctl_in_order(tmp_path: Path) -> None:
    runner = Recorder(MANAGER_RUNNING)
    out = manage.install("19:30", None, "auto", True, None, env_for(tmp_path), runner, NOW)
    assert runner.systemctl() == [["systemctl", "--user", "is-system-running"], RELOAD, ENABLE]
    assert out[-3:-1] == ["ran: systemctl --user daemon-reload", f"ran: {' '.join(ENABLE)}"]


def test_a_failed_enable_puts_the_old_units_back(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    manage.install("07:00", None, "systemd", False, None, env, Recorder(), NOW)
    folder = tmp_path / "cfg" / "systemd" / "user"
    before = {p.name: p.read_text() for p in folder.iterdir()}
    failing = Recorder(
        {**MANAGER_RUNNING, tuple(ENABLE): Completed(1, "", "Failed to enable unit: denied\n")}
    )
    with pytest.raises(ReminderError) as info:
        manage.install("19:30", None, "systemd", True, None, env, failing, NOW)
    assert str(info.value).startswith(f"`{' '.join(ENABLE)}` failed: Failed to enable unit: denied;")
    assert {p.name: p.read_text() for p in folder.iterdir()} == before
    assert failing.systemctl()[-1] == RELOAD  # the manager reloads the old units again


def test_no_user_manager(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    with pytest.raises(
        ReminderError, match=r"^no systemd user manager is running .*--no-enable to only write"
    ):
        manage.install("19:30", None, "systemd", True, None, env, Recorder(NO_MANAGER), NOW)
    assert not (tmp_path / "cfg").exists()


def test_unwritable_unit_dir(tmp_path: Path) -> None:
    blocker = tmp_path / "cfg"
    blocker.write_text("a file where a directory should be")  # fails for root too, unlike chmod
    with pytest.raises(ReminderError, match=r"cannot create the unit directory .*use --backend cron"):
        manage.install("19:30", None, "systemd", False, None, env_for(tmp_path), Recorder(), NOW)
    folder = tmp_path / "cfg2" / "systemd" / "user"
    folder.mkdir(parents=True)
    (folder / f".{systemd.TIMER}.{os.getpid()}.tmp").mkdir()  # the timer cannot be written, the service can
    env = env_for(tmp_path, XDG_CONFIG_HOME=str(tmp_path / "cfg2"))
    timer = folder / systemd.TIMER
    with pytest.raises(ReminderError, match=rf"^{timer}: cannot write the unit file \(Is a directory\); fix"):
        manage.install("19:30", None, "systemd", False, None, env, Recorder(), NOW)
    assert not (folder / systemd.SERVICE).exists() and not (folder / systemd.TIMER).exists()


def test_remove_disables_and_deletes_what_install_added(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    manage.install("19:30", None, "systemd", False, None, env, Recorder(), NOW)
    folder = tmp_path / "cfg" / "systemd" / "user"
    wants = folder / "timers.target.wants"
    wants.mkdir()
    (wants / systemd.TIMER).symlink_to(folder / systemd.TIMER)  # what `systemctl enable` makes
    (folder / "other.service").write_text("[Service]\nExecStart=/bin/true\n")
    runner = Recorder(MANAGER_RUNNING)
    out = manage.remove("systemd", None, env, runner)
    assert runner.systemctl()[1:] == [["systemctl", "--user", "disable", "--now", systemd.TIMER], RELOAD]
    assert f"systemd: removed {folder / systemd.TIMER}" in out
    assert sorted(p.name for p in folder.iterdir()) == ["other.service", "timers.target.wants"]
    assert list(wants.iterdir()) == []
    assert manage.remove("systemd", None, env, Recorder()) == ["no studyaws reminder found; nothing removed"]


def test_status_asks_the_manager(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    manage.install("19:30", "22:00-07:00", "systemd", False, None, env, Recorder(), NOW)
    show = (
        "systemctl", "--user", "show", systemd.TIMER,
        "--property=UnitFileState", "--property=ActiveState", "--property=NextElapseUSecRealtime",
    )  # fmt: skip
    answer = Completed(
        0, "UnitFileState=enabled\nActiveState=active\nNextElapseUSecRealtime=Tue 2026-11-24 19:30:00 UTC\n"
    )
    out = manage.status("systemd", None, env, Recorder({**MANAGER_RUNNING, show: answer}), NOW, str(tmp_path))
    assert out == [
        f"backend: systemd ({tmp_path / 'cfg' / 'systemd' / 'user' / systemd.TIMER})",
        "schedule: daily at 19:30, quiet hours 22:00-07:00",
        "timer: active, enabled",
        "next reminder: 2026-11-24 19:30 (in 9.5h) (systemd says: Tue 2026-11-24 19:30:00 UTC)",
        "last run: never",
    ]


def test_launchd_argv_only(tmp_path: Path) -> None:
    """launchd is untested on a Mac: here only the plist on disk and the launchctl argv."""
    job = make_job(TimeOfDay(8, 0), None, sys.executable, {})
    path = launchd.plist_path({"HOME": str(tmp_path)})
    runner = Recorder()
    launchd.install(job, path, runner, enable=True)
    domain = f"gui/{os.getuid()}"
    assert runner.calls == [
        ["launchctl", "bootout", domain, str(path)],
        ["launchctl", "bootstrap", domain, str(path)],
    ]
    found = launchd.find(path)
    assert found is not None and str(found.at) == "08:00"
    assert launchd.remove(path, runner)[-1] == f"launchd: removed {path}" and not path.exists()
