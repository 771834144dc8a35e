"""Benchmark the study path in exam-date mode at 100,000 cards (the collection of bench_scheduler.py).

Measures, with an exam 30 days out (pacing, weight order, capped intervals) and 5 days out (final days:
reviews ordered by predicted recall): opening the collection, building the queue and fetching the first
card, answer → next card (p50, p99 over 1,000 answers), and `studyaws due --json` against `python -c pass`.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from bench_scheduler import NOW, answer_latencies, build, due_against_bare_python, open_and_queue, pct

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyaws import config  # noqa: E402
from studyaws.paths import resolve  # noqa: E402
from studyaws.service.context import AppContext  # noqa: E402


def tag_domains(home: Path) -> None:
    """Give every card an exam domain, as every bundled card has (bench_scheduler's cards have none)."""
    fields = ("front", "back", "text", "explanation", "source", "verified")
    rng = random.Random(2)
    db = resolve({"STUDYAWS_HOME": str(home)}).db
    conn = sqlite3.connect(db)
    rows = []
    for (card_id,) in conn.execute("SELECT id FROM cards"):
        d = str(rng.choices("1234", weights=(30, 26, 22, 22))[0])
        content = {**dict.fromkeys(fields, "Q"), "options": [], "tags": [], "line": 0}
        content.update(domain={"dva-c02": d, "dva-c03": d}, task={"dva-c02": f"{d}.1", "dva-c03": f"{d}.1"})
        rows.append((json.dumps(content, sort_keys=True), card_id))
    conn.executemany("UPDATE cards SET content = ? WHERE id = ?", rows)
    conn.commit()
    conn.close()


def run(home: Path, days_to_exam: int, answers: int) -> None:
    paths = resolve({"STUDYAWS_HOME": str(home)})
    settings = config.Settings(
        reviews_per_day=9999,
        minutes_per_day=600,
        exam_date=(NOW + timedelta(days=days_to_exam)).date().isoformat(),
        exam_plan_start=NOW.date().isoformat(),
    )
    config.save(paths.config_file, settings)
    config.sync_fast_settings(paths.config_file, paths.fast_settings, settings)
    ctx = AppContext(paths=paths, settings=settings, clock=lambda: NOW, rng=random.Random(3), deck_dirs=[])
    opens, queues = open_and_queue(ctx, 5)
    counts, lat = answer_latencies(ctx, answers)
    due, base = due_against_bare_python(home)
    print(
        f"exam in {days_to_exam} days: new {counts.new}, learning {counts.learning}, review {counts.review}"
    )
    print(f"  open collection: {statistics.median(opens):.1f} ms (median of 5)")
    print(f"  queue build + first card: {statistics.median(queues):.1f} ms median, {min(queues):.1f} min")
    print(f"  answer -> next card: p50 {pct(lat, 0.5):.2f} ms, p99 {pct(lat, 0.99):.2f}, max {max(lat):.2f}")
    print(f"  `studyaws due --json`: {due:.1f} ms vs `python -c pass` {base:.1f} ms = {due / base:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cards", type=int, default=100_000)
    ap.add_argument("--reviews", type=int, default=1_000_000)
    ap.add_argument("--answers", type=int, default=1_000)
    args = ap.parse_args()
    for days in (30, 5):
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp), args.cards, args.reviews)
            tag_domains(Path(tmp))
            run(Path(tmp), days, args.answers)


if __name__ == "__main__":
    main()
