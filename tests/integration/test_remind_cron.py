"""cron: real crontab files and a fake `crontab` program; every other line survives byte for byte."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyaws.core.reminder import TimeOfDay
from studyaws.reminders import cron, manage
from studyaws.reminders.errors import ReminderError
from studyaws.reminders.job import make_job
from studyaws.reminders.runner import Completed
from tests.conftest import studyaws_bin
from tests.remind_support import CRONTAB, NO_MANAGER, Recorder, fake_crontab, hermetic_env

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
ENV = {"STUDYAWS_HOME": "/srv/study", "HOME": "/nonexistent-home"}


def ours(data: bytes) -> list[bytes]:
    return [line for line in data.splitlines() if line.endswith(b"# studyaws-reminder")]


def install(tab: Path, at: str = "19:30", quiet: str | None = None) -> list[str]:
    return manage.install(at, quiet, "cron", True, str(tab), ENV, Recorder(NO_MANAGER), NOW)


def test_install_reinstall_remove_keep_every_other_byte(tmp_path: Path) -> None:
    tab = tmp_path / "crontab"
    tab.write_bytes(CRONTAB)
    tab.chmod(0o640)
    out = install(tab)
    data = tab.read_bytes()
    line = ours(data)[0]
    assert data == CRONTAB + line + b"\n"
    assert line.startswith(b"30 19 * * * STUDYAWS_HOME=/srv/study ") and b" -m studyaws remind run " in line
    assert out[:2] == [f"cron: added this line in {tab}:", line.decode()]
    assert out[2] == "next reminder: 2026-11-24 19:30 (in 9.5h)"

    install(tab, "07:15", "22:00-07:00")  # again, another time: replaced, never duplicated
    data = tab.read_bytes()
    assert len(ours(data)) == 1 and ours(data)[0].startswith(b"15 7 * * * ")
    assert data == CRONTAB + ours(data)[0] + b"\n"
    assert cron.find(cron.TabFile(str(tab))) is not None
    found = cron.find(cron.TabFile(str(tab)))
    assert found is not None and str(found.at) == "07:15" and str(found.quiet) == "22:00-07:00"

    assert manage.remove("cron", str(tab), ENV, Recorder()) == [
        f"cron: removed from {tab}:",
        ours(data)[0].decode(),
    ]
    assert tab.read_bytes() == CRONTAB
    assert tab.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crontab"]  # no temporary file left behind
    assert manage.remove("cron", str(tab), ENV, Recorder()) == ["no studyaws reminder found; nothing removed"]


def test_the_line_keeps_its_place(tmp_path: Path) -> None:
    tab = tmp_path / "crontab"
    tab.write_bytes(CRONTAB)
    install(tab)
    line = ours(tab.read_bytes())[0]
    moved = b"A=1\n" + line + b"\n" + CRONTAB  # the user moved it to the top
    tab.write_bytes(moved)
    install(tab, "06:00")
    data = tab.read_bytes()
    assert data.startswith(b"A=1\n0 6 * * * ") and data.endswith(b"# studyaws-reminder\n" + CRONTAB)


def test_a_missing_file_is_created_and_a_last_line_gets_its_newline(tmp_path: Path) -> None:
    new = tmp_path / "new.crontab"
    install(new)
    assert len(ours(new.read_bytes())) == 1 and new.stat().st_mode & 0o777 == 0o600
    unterminated = tmp_path / "unterminated"
    unterminated.write_bytes(b"0 1 * * * x")
    install(unterminated)
    manage.remove("cron", str(unterminated), ENV, Recorder())
    assert unterminated.read_bytes() == b"0 1 * * * x\n"


def test_a_crontab_that_cannot_be_read_is_left_alone(tmp_path: Path) -> None:
    tab = tmp_path / "crontab"
    broken = CRONTAB + b"61 * * * * too-late\n"
    tab.write_bytes(broken)
    with pytest.raises(ReminderError) as info:
        install(tab)
    message = str(info.value)
    assert message.startswith(f"{tab}: line 13 is not a cron line studyaws can read ('61 * * * * too-late')")
    assert "\n" not in message and info.value.exit_code == 1
    assert tab.read_bytes() == broken


def test_user_crontab_through_the_runner() -> None:
    """The `crontab` program as python-crontab found it: -l to read, FILE to install; failures explained."""
    store: dict[str, bytes] = {}

    def crontab(argv: Sequence[str], env: Mapping[str, str] | None) -> Completed:
        if argv[1:] == ["-l"]:
            if "tab" not in store:
                return Completed(1, "", "no crontab for tester\n")
            return Completed(0, store["tab"].decode("utf-8", "surrogateescape"))
        store["tab"] = Path(argv[1]).read_bytes()
        return Completed(0)

    source = cron.UserCrontab(crontab, "/usr/bin/crontab")
    job = make_job(TimeOfDay(19, 30), None, environ=ENV)
    cron.install(job, source)
    assert len(ours(store["tab"])) == 1
    store["tab"] = CRONTAB
    cron.install(job, source)
    assert store["tab"][: len(CRONTAB)] == CRONTAB and len(ours(store["tab"])) == 1
    cron.remove(source)
    assert store["tab"] == CRONTAB

    missing = cron.UserCrontab(Recorder({("/nope/crontab", "-l"): Completed(127)}), "/nope/crontab")
    with pytest.raises(ReminderError, match=r"^no `crontab` program found; install cron"):
        cron.install(job, missing)

    def refuses(argv: Sequence[str], env: Mapping[str, str] | None) -> Completed:
        return Completed(0) if argv[1:] == ["-l"] else Completed(1, "", "errors in crontab file\n")

    with pytest.raises(
        ReminderError, match=r"^`crontab` refused the new crontab: errors in crontab file; your"
    ):
        cron.install(job, cron.UserCrontab(refuses, "/c"))


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [studyaws_bin(), "remind", *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_fake_crontab_program_on_path(tmp_path: Path, home: Path) -> None:
    """python-crontab resolves `crontab` when imported, so this runs the CLI in a subprocess."""
    store = tmp_path / "store"
    store.write_bytes(CRONTAB)
    bin_dir = tmp_path / "bin"
    fake_crontab(bin_dir, store)
    env = hermetic_env(home, tmp_path, path=[bin_dir], STUDYAWS_NOW="2026-11-24T10:00:00+00:00")

    first = run(env, "install", "--at", "19:30")  # auto: no systemd manager, no launchd: cron
    assert first.returncode == 0, first.stderr
    line = ours(store.read_bytes())[0]
    assert first.stdout.splitlines()[:2] == ["cron: added this line in your crontab:", line.decode()]
    assert store.read_bytes() == CRONTAB + line + b"\n"

    second = run(env, "install", "--backend", "cron", "--at", "08:05", "--quiet-hours", "22:00-07:00")
    assert second.returncode == 0, second.stderr
    assert "replaced the studyaws line" in second.stdout
    assert len(ours(store.read_bytes())) == 1

    status = run(env, "status", "--backend", "cron")
    assert status.returncode == 0, status.stderr
    assert "backend: cron (your crontab)" in status.stdout
    assert "schedule: daily at 08:05, quiet hours 22:00-07:00" in status.stdout
    assert "next reminder: 2026-11-25 08:05" in status.stdout and "last run: never" in status.stdout

    removed = run(env, "remove")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.startswith("cron: removed from your crontab:")
    assert store.read_bytes() == CRONTAB


def test_fake_crontab_without_a_crontab_yet_and_one_that_refuses(tmp_path: Path, home: Path) -> None:
    store = tmp_path / "store"
    bin_dir = tmp_path / "bin"
    fake_crontab(bin_dir, store)
    env = hermetic_env(home, tmp_path, path=[bin_dir])
    assert run(env, "install", "--backend", "cron").returncode == 0
    assert len(ours(store.read_bytes())) == 1

    before = store.read_bytes()
    fake_crontab(bin_dir, store, refuse=True)
    refused = run(env, "install", "--backend", "cron", "--at", "06:00")
    assert refused.returncode == 1
    assert refused.stderr.startswith('studyaws: error: `crontab` refused the new crontab: "-":1: bad minute')
    assert len(refused.stderr.splitlines()) == 1 and store.read_bytes() == before
