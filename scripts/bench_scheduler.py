"""Benchmark the study path at 100,000 cards and 1,000,000 review-log rows.

Measures (medians unless noted): opening the collection; building today's queue and fetching the first
card; answer → next card (p50, p99 over 1,000 answers); `studyaws due --json` wall time against
`python -c pass`.
The collection has Anki's benchmark shape (../shared/bench/anki_queue.py): 20 % new, 10 % reviews due
0–10 days ago, the rest due within a year; review limit 9,999 as there. Pass --anki PYTHON to run Anki's own
benchmark in the same run (a Python with the `anki` package).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyaws.config import Settings  # noqa: E402
from studyaws.core.days import day_number  # noqa: E402
from studyaws.core.queue import Counts  # noqa: E402
from studyaws.core.types import Rating  # noqa: E402
from studyaws.paths import resolve  # noqa: E402
from studyaws.service.collection import open_collection  # noqa: E402
from studyaws.service.context import AppContext  # noqa: E402
from studyaws.service.session import ReviewSession  # noqa: E402
from studyaws.storage.db import open_database  # noqa: E402

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def build(home: Path, n_cards: int, n_reviews: int) -> None:
    paths = resolve({"STUDYAWS_HOME": str(home)})
    open_database(paths.db).dispose()  # schema through the real migrations
    rng = random.Random(1)
    today = day_number(NOW, 4)
    fields = ("front", "back", "text", "explanation", "source", "verified")
    content = json.dumps(
        {**dict.fromkeys(fields, "Q"), "options": [], "tags": [], "domain": {}, "task": {}, "line": 0}
    )
    conn = sqlite3.connect(paths.db)
    conn.execute("INSERT INTO decks VALUES ('bench', 'Bench', '-', 'x', 0)")
    cards = []
    reviewed = []
    for i in range(1, n_cards + 1):
        r = rng.random()
        base = (i, f"card-{i}", f"card-{i}", "bench", 0, "basic", content, i, 0)
        if r < 0.2:
            cards.append((*base, "new", i, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, None, None))
            continue
        ivl = rng.randint(1, 365)
        due = today - rng.randint(0, 10) if r < 0.3 else today + rng.randint(1, 365)
        cards.append((*base, "review", due, ivl, 2500, 5, 0, 0, 0, -1, 0, 0, 0, None, None))
        reviewed.append(i)
    conn.executemany(f"INSERT INTO cards VALUES ({','.join('?' * 23)})", cards)  # 0004: stability, difficulty
    per_card = max(n_reviews // max(len(reviewed), 1), 1)
    start_ms = int((NOW - timedelta(days=400)).timestamp() * 1000)
    rows = []
    for card_id in reviewed:
        for k in range(per_card):
            ms = start_ms + k * 86_400_000 * 30 + card_id
            rows.append((card_id, ms, today - 400 + k * 30, 3, "review", 1, 3, 2500, 0.5, 0, 5000))
            if len(rows) >= 200_000:
                conn.executemany("INSERT INTO review_log (card_id, reviewed_at, day, rating, phase_before, "
                                 "interval_before, interval_after, ease_after, fuzz, leech, duration_ms) "
                                 "VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)  # fmt: skip
                rows.clear()
    if rows:
        conn.executemany("INSERT INTO review_log (card_id, reviewed_at, day, rating, phase_before, "
                         "interval_before, interval_after, ease_after, fuzz, leech, duration_ms) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)  # fmt: skip
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(int(len(xs) * p), len(xs) - 1)]


def wall(cmd: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def due_against_bare_python(home: Path) -> tuple[float, float]:
    """Median wall times (ms) of `studyaws due --json` and of `python -c pass`, 21 runs each."""
    env = {**os.environ, "STUDYAWS_HOME": str(home), "STUDYAWS_NOW": NOW.isoformat()}
    exe = str(Path(sys.executable).with_name("studyaws"))
    subprocess.run([exe, "due", "--json"], env=env, check=True, capture_output=True)  # warm the caches
    return wall([exe, "due", "--json"], env, 21), wall([sys.executable, "-c", "pass"], env, 21)


def open_and_queue(ctx: AppContext, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds to open the collection, and to build today's queue and fetch the first card."""
    opens, queues = [], []
    for _ in range(runs):
        t = time.perf_counter()
        coll = open_collection(ctx, sync=False)
        t1 = time.perf_counter()
        card = ReviewSession(coll).next_card()
        t2 = time.perf_counter()
        assert card is not None
        opens.append((t1 - t) * 1000)
        queues.append((t2 - t1) * 1000)
        coll.close()
    return opens, queues


def answer_latencies(ctx: AppContext, answers: int) -> tuple[Counts, list[float]]:
    """The counts at the start, and milliseconds from each answer to the next card on screen."""
    coll = open_collection(ctx, sync=False)
    session = ReviewSession(coll)
    session.next_card()
    counts = session.counts()
    lat = []
    ratings = [Rating.GOOD, Rating.GOOD, Rating.HARD, Rating.AGAIN, Rating.EASY]
    for i in range(answers):
        t = time.perf_counter()
        session.answer(ratings[i % len(ratings)])
        session.next_card()
        lat.append((time.perf_counter() - t) * 1000)
    coll.close()
    return counts, lat


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cards", type=int, default=100_000)
    ap.add_argument("--reviews", type=int, default=1_000_000)
    ap.add_argument("--answers", type=int, default=1_000)
    ap.add_argument("--anki", help="a Python with the anki package, to run Anki's benchmark alongside")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        t = time.perf_counter()
        build(home, args.cards, args.reviews)
        print(f"built {args.cards:,} cards / {args.reviews:,} review rows in {time.perf_counter() - t:.1f} s")
        clock_now = [NOW]
        ctx = AppContext(
            paths=resolve({"STUDYAWS_HOME": str(home)}),
            settings=Settings(reviews_per_day=9999),
            clock=lambda: clock_now[0],
            rng=random.Random(3),
            deck_dirs=[],
        )
        opens, queues = open_and_queue(ctx, 7)
        counts, lat = answer_latencies(ctx, args.answers)
        due, base = due_against_bare_python(home)
        print(f"counts at start: new {counts.new}, learning {counts.learning}, review {counts.review}")
        print(f"open collection: {statistics.median(opens):.1f} ms (median of 7)")
        print(f"queue build + first card: {statistics.median(queues):.1f} ms median, {min(queues):.1f} min")
        print(
            f"answer -> next card: p50 {pct(lat, 0.5):.2f} ms, p99 {pct(lat, 0.99):.2f}, max {max(lat):.2f}"
        )
        print(f"`studyaws due --json`: {due:.1f} ms vs `python -c pass` {base:.1f} ms = {due / base:.2f}x")
    if args.anki:
        print("\nAnki's backend, same run:")
        anki_bench = ROOT.parent / "shared" / "bench" / "anki_queue.py"
        subprocess.run([args.anki, str(anki_bench), str(args.cards)], check=False)


if __name__ == "__main__":
    main()
