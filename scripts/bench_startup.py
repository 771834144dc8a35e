"""Startup and keypress latency of the TUI in a real terminal (tmux), beside a bare Textual app.

Launch → dashboard visible, launch → first card visible (`studyaws review`), both against a bare Textual
"hello" app launched the same way in the same run; then keypress → next card visible at 100,000 cards against
the bare app's keypress → repaint. Medians of several runs. Needs tmux.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

HELLO = """
from textual.app import App
from textual.widgets import Static

class Hello(App):
    BINDINGS = [("x", "bump", "bump")]
    n = 0
    def compose(self):
        yield Static("hello 0", id="s")
    def action_bump(self):
        self.n += 1
        self.query_one("#s", Static).update(f"hello {self.n}")

Hello().run()
"""


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def screen(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


def launch_until(session: str, command: str, env: dict[str, str], marker: str, timeout: float = 20) -> float:
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", f"env {exports} {command}")
    while time.perf_counter() - start < timeout:
        if marker in screen(session):
            return (time.perf_counter() - start) * 1000
        time.sleep(0.002)
    raise RuntimeError(f"{marker!r} never appeared:\n{screen(session)}")


def key_until(session: str, key: str, done: object, timeout: float = 10) -> float:
    start = time.perf_counter()
    tmux("send-keys", "-t", session, key)
    while time.perf_counter() - start < timeout:
        if done(screen(session)):  # type: ignore[operator]
            return (time.perf_counter() - start) * 1000
        time.sleep(0.001)
    raise RuntimeError(f"no repaint after {key}:\n{screen(session)}")


def write_deck(path: Path, n: int) -> None:
    """A deck file holding the benchmark's synthetic cards, so the real app keeps them (it retires cards that
    no deck file has)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    head = "deck:\n  id: bench\n  title: Benchmark\n  exam_versions: [dva-c03]\ncards:\n"
    card = (
        "  - id: card-{i}\n    type: basic\n    front: Benchmark question {i}\n    back: Answer {i}\n"
        "    source: https://docs.aws.amazon.com/\n    verified: 2026-11-24\n"
    )
    path.write_text(head + "".join(card.format(i=i) for i in range(1, n + 1)), encoding="utf-8")


def question_line(text: str) -> str:
    """The line of the screen that shows the card's front (the benchmark deck's fronts are numbered)."""
    return next((line for line in text.splitlines() if "Benchmark question" in line), "")


def env_for(home: Path | None) -> dict[str, str]:
    env = {"TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none", "PATH": os.environ["PATH"], "TZ": "UTC"}
    if home is not None:
        env["STUDYAWS_HOME"] = str(home)
        # A returning learner: the first-start exam-date question has been answered.
        config = home / "config" / "config.toml"
        if not config.exists():
            config.parent.mkdir(parents=True, exist_ok=True)
            config.write_text("exam_asked = true\n", encoding="utf-8")
    return env


def spread(times: tuple[float, ...]) -> str:
    q = statistics.quantiles(times, n=4)
    return f"quartiles {q[0]:.0f}–{q[2]:.0f} ms"


def startup(runs: int, py: str, exe: str, studyaws: str, tmp: Path) -> None:
    """Launch → dashboard and launch → first card, beside a bare Textual app launched the same way."""
    from studyaws.core.cards import render
    from studyaws.service.context import make_context
    from studyaws.service.peek import peek_first_card

    hello = tmp / "hello.py"
    home = tmp / "home"
    subprocess.run([studyaws, "due"], env={**os.environ, **env_for(home)}, check=True, capture_output=True)
    peeked = peek_first_card(make_context({**os.environ, **env_for(home)}))
    assert peeked is not None
    front_start = render(peeked[0], peeked[1])[0][:30]
    # Bytecode for every module, as an installed package has: with PYTHONDONTWRITEBYTECODE set, a module
    # edited since the last compile would otherwise be compiled again on every launch.
    compileall.compile_dir(str(ROOT / "studyaws"), quiet=1)
    launches = (
        ("bare", f"{py} {hello}", env_for(None), "hello 0"),
        ("dash", exe, env_for(home), "New left"),
        ("card", f"{exe} review", env_for(home), front_start),
    )

    def one_round(tag: str) -> list[float]:
        times = []
        for name, command, env, marker in launches:
            times.append(launch_until(f"{name}{tag}", command, env, marker))
            tmux("kill-session", "-t", f"{name}{tag}")
        return times

    for warm in range(2):  # warm-up rounds put every file in the page cache; they are not counted
        one_round(f"w{warm}")
    bare, dash, card = zip(*(one_round(str(i)) for i in range(runs)), strict=True)
    b, d, c = statistics.median(bare), statistics.median(dash), statistics.median(card)
    print(f"bare Textual app → first frame:   {b:6.0f} ms (median of {runs}; {spread(bare)})")
    print(f"studyaws → dashboard visible:     {d:6.0f} ms = {d / b:.2f}x ({spread(dash)})")
    print(f"studyaws review → first card:     {c:6.0f} ms = {c / b:.2f}x ({spread(card)})")


def keypresses(args: argparse.Namespace, py: str, exe: str, studyaws: str, tmp: Path) -> None:
    """Keypress → next card visible at scale, beside the bare app's keypress → repaint."""
    import bench_scheduler

    big = args.big_home or tmp / "big"
    env = env_for(big) | {"STUDYAWS_NOW": bench_scheduler.NOW.isoformat()}
    if args.big_home is None:
        bench_scheduler.build(big, args.cards, min(args.cards * 10, 1_000_000))
        write_deck(big / "data" / "decks" / "bench.yaml", args.cards)
        t = time.perf_counter()
        subprocess.run([studyaws, "due"], env={**os.environ, **env}, check=True, capture_output=True)
        print(f"(synced a {args.cards:,}-card deck file once in {time.perf_counter() - t:.1f} s)")
    launch_until("hk", f"{py} {tmp / 'hello.py'}", env_for(None), "hello 0")
    bare = [key_until("hk", "x", lambda s, n=n: f"hello {n}" in s) for n in range(1, args.keys + 1)]
    tmux("kill-session", "-t", "hk")
    launch_until("rk", f"{exe} review", env, "answered 0", timeout=60)  # the session is ready
    key_until("rk", "Space", lambda s: "1 Again" in s)
    rng = random.Random(1)
    cards = []
    for _ in range(args.keys):
        before = question_line(screen("rk"))
        cards.append(key_until("rk", rng.choice("234"), lambda s, q=before: question_line(s) not in ("", q)))
        key_until("rk", "Space", lambda s: "1 Again" in s)
    tmux("kill-session", "-t", "rk")
    kb, kc = statistics.median(bare), statistics.median(cards)
    p90b, p90c = sorted(bare)[int(len(bare) * 0.9)], sorted(cards)[int(len(cards) * 0.9)]
    print(f"bare app keypress → repaint:      {kb:6.1f} ms median, p90 {p90b:.1f}")
    print(f"answer → next card:               {kc:6.1f} ms median, p90 {p90c:.1f}, {kc - kb:+.1f} ms vs bare")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--cards", type=int, default=100_000)
    ap.add_argument("--keys", type=int, default=30)
    ap.add_argument(
        "--big-home", type=Path, help="reuse a home built by an earlier run (skips the 100k build)"
    )
    ap.add_argument("--keys-only", action="store_true", help="only the keypress measurement")
    ap.add_argument("--startup-only", action="store_true", help="only the launch measurements")
    args = ap.parse_args()
    py = shlex.quote(sys.executable)
    studyaws = str(Path(sys.executable).with_name("studyaws"))
    exe = shlex.quote(studyaws)
    # A session that outlives the measured ones: killing the last session makes the tmux server exit, and a
    # session started while it is exiting fails ("server exited unexpectedly") and would look like a hang.
    tmux("new-session", "-d", "-s", "bench-keepalive", "sleep 3600")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "hello.py").write_text(HELLO)
        if not args.keys_only:
            startup(args.runs, py, exe, studyaws, Path(tmp))
        if not args.startup_only:
            keypresses(args, py, exe, studyaws, Path(tmp))
    tmux("kill-session", "-t", "bench-keepalive")


if __name__ == "__main__":
    main()
