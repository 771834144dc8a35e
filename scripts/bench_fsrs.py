"""Benchmark FSRS at 100,000 cards and 1,000,000 review-log rows (the collection bench_scheduler builds).

Measures: the switch to FSRS (replaying every card's log into its memory state, one transaction); the check
made at every open (nothing to replay); answer -> next card under FSRS (p50, p99 over 1,000 answers); the
`studyaws stats` forecast under SM-2 and FSRS; the switch back to SM-2.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_scheduler import NOW, answer_latencies, build, pct  # noqa: E402

from studyaws.config import Settings  # noqa: E402
from studyaws.paths import resolve  # noqa: E402
from studyaws.service import forecast, memory  # noqa: E402
from studyaws.service.collection import scheduler_for  # noqa: E402
from studyaws.service.context import AppContext  # noqa: E402
from studyaws.storage.db import open_database  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cards", type=int, default=100_000)
    ap.add_argument("--reviews", type=int, default=1_000_000)
    ap.add_argument("--answers", type=int, default=1_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        build(home, args.cards, args.reviews)
        paths = resolve({"STUDYAWS_HOME": str(home)})
        sm2 = Settings(reviews_per_day=9999)
        fsrs = sm2._replace(scheduler="fsrs")
        ctx = AppContext(paths=paths, settings=sm2, clock=lambda: NOW, rng=random.Random(3), deck_dirs=[])

        engine = open_database(paths.db)
        report = memory.rebuild(engine, memory.fsrs_for(fsrs))
        per = report.seconds / max(report.reviews, 1) * 1e6
        print(f"switch to FSRS: replayed {report.cards:,} cards / {report.reviews:,} answers in "
              f"{report.seconds:.1f} s ({per:.1f} us per answer)")  # fmt: skip
        checks = []
        for _ in range(7):
            t = time.perf_counter()
            assert memory.reconcile(engine, fsrs) is None
            checks.append(time.perf_counter() - t)
        print(f"check at open (FSRS, nothing to replay): {ms(statistics.median(checks))} median of 7")
        engine.dispose()

        ctx.settings = fsrs
        _, lat = answer_latencies(ctx, args.answers)
        p50, p99 = pct(lat, 0.5), pct(lat, 0.99)
        print(f"FSRS answer -> next card: p50 {p50:.2f} ms, p99 {p99:.2f}, max {max(lat):.2f}")

        for settings in (fsrs, sm2):
            ctx.settings = settings
            t = time.perf_counter()
            stats = forecast.load(str(paths.db), settings, NOW, scheduler_for(ctx))
            assert stats is not None
            total = sum(d.answers for d in stats.days)
            print(f"stats forecast ({settings.scheduler}, {len(stats.days)} days, {total:,.0f} answers): "
                  f"{time.perf_counter() - t:.2f} s")  # fmt: skip

        ctx.settings = fsrs
        t = time.perf_counter()
        memory.switch_scheduler(ctx, sm2)
        print(f"switch back to SM-2 (drop memory states): {ms(time.perf_counter() - t)}")


if __name__ == "__main__":
    main()
