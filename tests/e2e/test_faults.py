"""Real faults, in a private mount namespace: a read-only data directory and a full disk.

`unshare -m` gives the test its own mounts (a read-only bind mount, a tiny tmpfs) without touching the
machine's; both cases must end in one error line, a non-zero exit, and an intact database.
"""

from __future__ import annotations

import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import cli_env, studyaws_bin


def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _can_unshare(), reason="needs `unshare -m` (mount namespaces)")


def in_namespace(script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_read_only_data_dir(home: Path) -> None:
    env = cli_env(home)
    exe = studyaws_bin()
    first = subprocess.run(
        [exe, "review", "--plain"], input="\n3\nq\n", env=env, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stderr
    h = shlex.quote(str(home))
    script = (
        f"mount --bind {h} {h} && mount -o remount,bind,ro {h} && "
        f"printf '\\n3\\nq\\n' | {shlex.quote(exe)} review --plain; echo EXIT=$?"
    )
    result = in_namespace(script, env)
    assert "EXIT=1" in result.stdout, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only" in lines[0] and lines[0].startswith("studyaws: error: ")
    conn = sqlite3.connect(home / "data" / "studyaws.db")
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 1


def test_full_disk_loses_nothing(home: Path) -> None:
    env = cli_env(home)
    exe = shlex.quote(studyaws_bin())
    py = shlex.quote(sys.executable)
    h = shlex.quote(str(home))
    logs = home.parent / "logs"  # outside the full tmpfs, or the error message itself could not be written
    logs.mkdir()
    out, err = shlex.quote(str(logs / "out.txt")), shlex.quote(str(logs / "err.txt"))
    db = shlex.quote(str(home / "data" / "studyaws.db"))
    check = (
        f"{py} -c \"import sqlite3; c = sqlite3.connect('file:'+{db!r}+'?mode=ro', uri=True); "
        "print('INTEGRITY', c.execute('PRAGMA integrity_check').fetchone()[0], "
        "'REVIEWS', c.execute('SELECT COUNT(*) FROM review_log').fetchone()[0])\""
    )
    script = f"""
mkdir -p {h} && mount -t tmpfs -o size=6m tmpfs {h} || exit 99
printf '\\n3\\n\\n3\\nq\\n' | {exe} review --plain > /dev/null || exit 98
dd if=/dev/zero of={h}/filler bs=16k 2>/dev/null
printf '\\n3\\n\\n3\\n\\n3\\nq\\n' | {exe} review --plain > {out} 2> {err}
echo EXIT=$?
cat {err} 1>&2
rm -f {h}/filler
{check}
"""
    result = in_namespace(script, env)
    assert "EXIT=1" in result.stdout, result.stdout + result.stderr
    errors = [line for line in result.stderr.strip().splitlines() if line]
    assert len(errors) == 1 and "disk is full" in errors[0], result.stderr
    assert "INTEGRITY ok REVIEWS 2" in result.stdout, result.stdout
