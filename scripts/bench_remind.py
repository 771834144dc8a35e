"""Benchmark `studyaws remind run --dry-run` (what the daily timer runs) against `python -c pass`.

Target: at most 3x `python -c pass`, like `studyaws due`. Wall times are medians of --runs runs (21), with the
three commands interleaved so that a busy machine slows them alike. The collection is the bundled deck, with
an exam date set so the reminder text includes the exam part; --cards N builds the 100,000-card collection of
scripts/bench_scheduler.py instead (N cards, --reviews review rows). The script checks first that the fast
path answers (no click or SQLAlchemy imported) and prints the message it would send.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

NOW = "2026-11-24T12:00:00+00:00"
PROBE = """
import sys
from studyaws.__main__ import main
try:
    main(["remind", "run", "--dry-run"])
except SystemExit:
    pass
names = ("click", "sqlalchemy", "alembic", "textual", "rich", "typing", "tomllib")
print("HEAVY", [m for m in names if m in sys.modules])
"""


def studyaws(*args: str, env: dict[str, str]) -> str:
    exe = str(Path(sys.executable).with_name("studyaws"))
    done = subprocess.run([exe, *args], env=env, check=True, capture_output=True, text=True)
    return done.stdout


def interleaved(commands: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            t = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, capture_output=True)
            times[name].append(time.perf_counter() - t)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def report(label: str, medians: dict[str, float]) -> bool:
    base = medians["pass"]
    remind, due = medians["remind"], medians["due"]
    print(f"{label}:")
    ratio = remind / base
    print(
        f"  `studyaws remind run --dry-run`: {remind:.1f} ms vs `python -c pass` {base:.1f} ms = {ratio:.2f}x"
    )
    print(f"  `studyaws due --json` (reference): {due:.1f} ms = {due / base:.2f}x")
    return ratio <= 3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--cards", type=int, default=0, help="build a synthetic collection of this many cards")
    ap.add_argument("--reviews", type=int, default=1_000_000, help="review rows with --cards")
    args = ap.parse_args()
    from studyaws.paths import resolve
    from studyaws.reminders import examsettings

    exe = str(Path(sys.executable).with_name("studyaws"))
    commands = {
        "pass": [sys.executable, "-c", "pass"],
        "remind": [exe, "remind", "run", "--dry-run"],
        "due": [exe, "due", "--json"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = {**os.environ, "STUDYAWS_HOME": str(home), "STUDYAWS_NOW": NOW}
        if args.cards:
            from bench_scheduler import build

            build(home, args.cards, args.reviews)
        studyaws("config", "set", "exam_date", "2026-12-12", env=env)  # also writes the `due` sidecar
        studyaws("config", "set", "exam_version", "dva-c03", env=env)
        if not args.cards:
            studyaws("due", env=env)  # creates the database with the bundled deck
        # The sidecar the full `remind run` would write (running it would sync the bundled decks into a
        # synthetic collection and retire its cards).
        paths = resolve({"STUDYAWS_HOME": str(home)})
        examsettings.sync(paths.config_file, paths.remind_settings, "dva-c03", "2026-12-12")
        probe = subprocess.run(
            [sys.executable, "-c", PROBE], env=env, check=True, capture_output=True, text=True
        ).stdout
        if "HEAVY []" not in probe:
            sys.exit(f"the fast path did not answer: {probe.strip()}")
        print(probe.splitlines()[0])
        modes = [("as configured", env)]
        if env.get("PYTHONDONTWRITEBYTECODE"):
            modes[0] = ("as configured (PYTHONDONTWRITEBYTECODE: no .pyc written)", env)
            cached = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
            modes.append(("bytecode cached (as after `pip install`)", cached))
        ok = True
        for label, mode_env in modes:
            for cmd in commands.values():  # warm up (and write .pyc files where allowed)
                subprocess.run(cmd, env=mode_env, check=True, capture_output=True)
            ok = (
                report(
                    f"{label}, medians of {args.runs} interleaved runs",
                    interleaved(commands, mode_env, args.runs),
                )
                and ok
            )
    print("within the 3x target" if ok else "OVER the 3x target")


if __name__ == "__main__":
    main()
