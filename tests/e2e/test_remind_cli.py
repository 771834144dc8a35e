"""`studyaws remind` as the timer and a user run it: real subprocesses, fake notifiers on PATH."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.remind_support import CRONTAB, hermetic_env, recording_notifier

Run = Callable[..., subprocess.CompletedProcess[str]]
MORNING = "2026-11-24T10:00:00+00:00"
SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin"


@pytest.fixture
def env(home: Path, tmp_path: Path) -> dict[str, str]:
    """Fake notifiers first on PATH, then the system's (gdbus may be there: without a bus it fails)."""
    return hermetic_env(home, tmp_path, path=[tmp_path / "bin", SYSTEM_PATH], STUDYAWS_NOW=MORNING)


@pytest.fixture
def calls(tmp_path: Path) -> Path:
    log = tmp_path / "notify.log"
    recording_notifier(tmp_path / "bin", "notify-send", log)
    return log


def recorded(log: Path) -> list[list[object]]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def one_error_line(result: subprocess.CompletedProcess[str], code: int, start: str) -> None:
    assert result.returncode == code, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"studyaws: error: {start}"), result.stderr


def test_run_notifies_when_cards_are_due(run_cli: Run, env: dict[str, str], calls: Path) -> None:
    run_cli("config", "set", "exam_date", "2026-12-12", env=env)
    run_cli("config", "set", "exam_version", "dva-c03", env=env)
    assert run_cli("due", env=env).returncode == 0  # creates the database
    result = run_cli("remind", "run", env=env)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    # With an exam date the plan sets the new cards: as many as fit in 80 % of 20 min/day (service.plan).
    text = "31 cards due, 18 days to your DVA-C03 exam"
    assert recorded(calls) == [[["--app-name=studyaws", "--", "studyaws", text], None]]
    status = run_cli("remind", "status", "--backend", "systemd", env=env)
    assert (
        status.stdout.splitlines()[-1]
        == f"last run: 2026-11-24 10:00 — sent via notify-send: {text} — studyaws"
    )


def test_nothing_due_sends_nothing(run_cli: Run, env: dict[str, str], calls: Path, home: Path) -> None:
    run_cli("config", "set", "new_per_day", "0", env=env)
    run_cli("due", env=env)
    result = run_cli("remind", "run", env=env)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert recorded(calls) == []
    assert (home / "state" / "remind-last-run").read_text() == f"{MORNING}\tnothing due\n"


def test_quiet_hours_across_midnight(run_cli: Run, env: dict[str, str], calls: Path) -> None:
    run_cli("due", env=env)
    for now in ("2026-11-24T23:30:00+00:00", "2026-11-25T06:59:00+00:00", "2026-11-24T22:00:00+00:00"):
        result = run_cli("remind", "run", "--quiet-hours", "22:00-07:00", env={**env, "STUDYAWS_NOW": now})
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert recorded(calls) == []
    dry = run_cli(
        "remind",
        "run",
        "--dry-run",
        "--quiet-hours=22:00-07:00",
        env={**env, "STUDYAWS_NOW": "2026-11-24T23:00"},
    )
    assert dry.stdout == "nothing to send: quiet hours (22:00-07:00)\n"
    assert (
        run_cli("remind", "run", "--quiet-hours", "22:00-07:00", env=env).returncode == 0
    )  # 10:00: not quiet
    assert len(recorded(calls)) == 1


def test_no_notifier_falls_back_to_stderr_and_a_log(run_cli: Run, home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    env = hermetic_env(home, tmp_path, path=[empty], STUDYAWS_NOW=MORNING)  # no notify-send, no gdbus
    run_cli("due", env=env)
    result = run_cli("remind", "run", env=env)
    assert result.returncode == 0 and result.stdout == ""
    log = home / "state" / "remind.log"
    assert result.stderr == (
        "20 cards due — studyaws  (no desktop notifier worked: tried notify-send (not installed), "
        f"gdbus (not installed); logged to {log})\n"
    )
    assert log.read_text() == f"{MORNING} 20 cards due — studyaws\n"
    assert run_cli("remind", "run", env=env).returncode == 0
    assert len(log.read_text().splitlines()) == 2  # appended


def test_a_failing_notify_send_hands_over_to_gdbus(run_cli: Run, env: dict[str, str], tmp_path: Path) -> None:
    log = tmp_path / "notify.log"
    recording_notifier(tmp_path / "bin", "notify-send", log, exit_code=1)
    recording_notifier(tmp_path / "bin", "gdbus", log)
    run_cli("due", env=env)
    assert run_cli("remind", "run", env=env).returncode == 0
    (send_args, _), (gdbus_args, _) = recorded(log)
    assert send_args == ["--app-name=studyaws", "--", "studyaws", "20 cards due"]
    assert isinstance(gdbus_args, list) and gdbus_args[:2] == ["call", "--session"]
    assert gdbus_args[-4] == '"20 cards due"'


def test_cron_like_environment_finds_the_session_bus(run_cli: Run, env: dict[str, str], calls: Path) -> None:
    bus = Path(env["XDG_RUNTIME_DIR"]) / "bus"
    bus.touch()
    run_cli("due", env=env)
    assert run_cli("remind", "run", env=env).returncode == 0
    assert recorded(calls)[0][1] == f"unix:path={bus}"


def test_dry_run_prints_and_records_nothing(
    run_cli: Run, env: dict[str, str], calls: Path, home: Path
) -> None:
    run_cli("due", env=env)
    result = run_cli("remind", "run", "--dry-run", env=env)
    assert (result.returncode, result.stdout) == (0, "would notify: 20 cards due — studyaws\n")
    assert recorded(calls) == [] and not (home / "state" / "remind-last-run").exists()


def test_full_path_answers_without_a_database_or_with_a_stale_sidecar(
    run_cli: Run, env: dict[str, str], calls: Path, home: Path
) -> None:
    assert run_cli("remind", "run", env=env).returncode == 0  # no database yet: the full path creates it
    assert recorded(calls)[-1][0] == ["--app-name=studyaws", "--", "studyaws", "20 cards due"]
    assert (home / "data" / "studyaws.db").exists()
    (home / "config" / "config.toml").parent.mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text('exam_date = "2026-11-25"\n')  # edited by hand
    assert run_cli("remind", "run", env=env).returncode == 0
    assert recorded(calls)[-1][0] == [
        "--app-name=studyaws",
        "--",
        "studyaws",
        "31 cards due, 1 day to your exam",  # the exam plan's new cards
    ]


def test_run_takes_the_fast_path(run_cli: Run, env: dict[str, str], calls: Path) -> None:
    run_cli("config", "set", "exam_date", "2026-12-12", env=env)
    run_cli("remind", "run", "--dry-run", env=env)  # the full path writes the sidecars once
    probe = (
        "import sys\nfrom studyaws.__main__ import main\n"
        "for args in (['remind', 'run', '--dry-run'], ['remind', 'run']):\n"
        "    try:\n        main(args)\n    except SystemExit as exc:\n        assert exc.code == 0\n"
        "names = ('textual', 'sqlalchemy', 'alembic', 'click', 'rich', 'yaml', 'typing', 'tomllib')\n"
        "print('HEAVY', [m for m in names if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert "HEAVY []" in done.stderr
    assert done.stdout == "would notify: 31 cards due, 18 days to your exam — studyaws\n"  # the plan's
    assert len(recorded(calls)) == 1


def test_install_status_remove_systemd_files(
    run_cli: Run, env: dict[str, str], tmp_path: Path, home: Path
) -> None:
    units = tmp_path / "xdgconfig" / "systemd" / "user"
    args = (
        "remind",
        "install",
        "--backend",
        "systemd",
        "--no-enable",
        "--at",
        "19:30",
        "--quiet-hours",
        "22:00-07:00",
    )
    first = run_cli(*args, env=env)
    assert first.returncode == 0, first.stderr
    service = (units / "studyaws-remind.service").read_text()
    assert f"systemd: wrote {units / 'studyaws-remind.service'}:" in first.stdout
    assert service.rstrip("\n") in first.stdout  # prints exactly what it wrote
    assert f"Environment=STUDYAWS_HOME={home}\n" in service
    exec_start = next(line for line in service.splitlines() if line.startswith("ExecStart="))
    program, rest = exec_start.removeprefix("ExecStart=").split(" ", 1)
    assert Path(program).parent == Path(sys.executable).parent  # the venv's python, absolute, not resolved
    assert rest == "-m studyaws remind run --quiet-hours 22:00-07:00"
    assert run_cli(*args, env=env).returncode == 0
    assert sorted(p.name for p in units.iterdir()) == ["studyaws-remind.service", "studyaws-remind.timer"]
    status = run_cli("remind", "status", "--backend", "systemd", env=env)
    assert status.stdout.splitlines() == [
        f"backend: systemd ({units / 'studyaws-remind.timer'})",
        "schedule: daily at 19:30, quiet hours 22:00-07:00",
        "next reminder: 2026-11-24 19:30 (in 9.5h)",
        "last run: never",
    ]
    removed = run_cli("remind", "remove", "--backend", "systemd", env=env)
    assert removed.returncode == 0 and not any(units.iterdir())
    assert "no reminder installed" in run_cli("remind", "status", "--backend", "systemd", env=env).stdout


def test_crontab_file_through_the_cli(run_cli: Run, env: dict[str, str], tmp_path: Path) -> None:
    tab = tmp_path / "crontab"
    tab.write_bytes(CRONTAB)
    assert run_cli("remind", "install", "--crontab-file", str(tab), env=env).returncode == 0
    assert run_cli("remind", "install", "--crontab-file", str(tab), "--at", "06:00", env=env).returncode == 0
    assert tab.read_bytes().count(b"studyaws-reminder") == 1
    assert "daily at 06:00" in run_cli("remind", "status", "--crontab-file", str(tab), env=env).stdout
    assert run_cli("remind", "remove", "--crontab-file", str(tab), env=env).returncode == 0
    assert tab.read_bytes() == CRONTAB


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (
            ["install", "--at", "25:00"],
            "--at: '25:00' is not a time of day HH:MM (00:00 to 23:59), e.g. 19:30",
        ),
        (["install", "--at", "7pm"], "--at: '7pm' is not a time of day"),
        (["install", "--quiet-hours", "22:00"], "--quiet-hours: '22:00' is not a range HH:MM-HH:MM"),
        (
            ["install", "--quiet-hours", "07:00-07:00"],
            "--quiet-hours: '07:00-07:00' starts and ends at the same",
        ),
        (
            ["install", "--backend", "upstart"],
            "--backend: 'upstart' is not one of auto, systemd, cron, launchd",
        ),
        (
            ["install", "--backend", "systemd", "--crontab-file", "x"],
            "--crontab-file goes with --backend cron",
        ),
        (
            ["install", "--at", "23:00", "--quiet-hours", "22:00-07:00"],
            "--at 23:00 falls inside --quiet-hours",
        ),
        (["status", "--backend", "anacron"], "--backend: 'anacron' is not one of"),
        (["run", "--quiet-hours", "late"], "--quiet-hours: 'late' is not a range"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    run_cli: Run, env: dict[str, str], args: list[str], start: str
) -> None:
    one_error_line(run_cli("remind", *args, env=env), 2, start)


def test_bad_quiet_hours_on_the_fast_path_too(run_cli: Run, env: dict[str, str]) -> None:
    run_cli("due", env=env)
    one_error_line(
        run_cli("remind", "run", "--quiet-hours=25:00-01:00", env=env), 2, "--quiet-hours: '25:00-01:00'"
    )


def test_no_systemd_user_manager(run_cli: Run, env: dict[str, str], tmp_path: Path) -> None:
    result = run_cli("remind", "install", "--backend", "systemd", env=env)  # XDG_RUNTIME_DIR has no manager
    one_error_line(result, 1, "no systemd user manager is running")
    assert "--no-enable" in result.stderr and not (tmp_path / "xdgconfig").exists()


def test_unwritable_unit_dir(run_cli: Run, env: dict[str, str], tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    result = run_cli(
        "remind",
        "install",
        "--backend",
        "systemd",
        "--no-enable",
        env={**env, "XDG_CONFIG_HOME": str(blocker)},
    )
    one_error_line(result, 1, f"{blocker / 'systemd' / 'user'}: cannot create the unit directory")


def test_crontab_that_fails_to_parse(run_cli: Run, env: dict[str, str], tmp_path: Path) -> None:
    tab = tmp_path / "crontab"
    tab.write_bytes(CRONTAB + b"* * * *\n")
    result = run_cli("remind", "install", "--crontab-file", str(tab), env=env)
    one_error_line(result, 1, f"{tab}: line 13 is not a cron line studyaws can read ('* * * *')")
    assert tab.read_bytes() == CRONTAB + b"* * * *\n"


@pytest.mark.skipif(Path("/usr/bin/crontab").exists(), reason="python-crontab falls back to /usr/bin/crontab")
def test_no_crontab_program(run_cli: Run, home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    env = hermetic_env(home, tmp_path, path=[empty])
    one_error_line(
        run_cli("remind", "install", "--backend", "cron", env=env), 1, "no `crontab` program found"
    )
    auto = run_cli("remind", "install", env=env)  # no systemctl, no launchd, no crontab
    one_error_line(auto, 1, "no scheduler found")


def test_help_mentions_every_option(run_cli: Run, env: dict[str, str]) -> None:
    text = run_cli("remind", "install", "--help", env=env).stdout
    for option in ("--at", "--backend", "--quiet-hours", "--no-enable", "--crontab-file"):
        assert option in text
    assert "--dry-run" in run_cli("remind", "run", "-h", env=env).stdout  # help never takes the fast path
