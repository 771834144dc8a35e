"""The stats/forecast service on a real collection: answer times, retention, days to the exam, recall."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

import pytest

from studyaws.core.types import Rating
from studyaws.service import forecast
from studyaws.service.collection import open_collection, scheduler_for
from studyaws.service.context import AppContext
from tests.conftest import ManualClock
from tests.integration.test_scheduler_switch import study

MakeCtx = Callable[..., AppContext]


@pytest.mark.parametrize("scheduler", ["sm2", "fsrs"])
def test_forecast_on_a_studied_collection(make_ctx: MakeCtx, clock: ManualClock, scheduler: str) -> None:
    ctx = make_ctx(new_per_day=3, scheduler=scheduler, exam_date="2026-12-20")
    answers = study(ctx, clock, 6, [Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.EASY])  # 6 s each
    report = forecast.load(str(ctx.paths.db), ctx.settings, ctx.now(), scheduler_for(ctx))
    assert report is not None
    assert report.today == date(2026, 11, 30) and report.target == date(2026, 12, 20)
    assert report.target_is_exam and len(report.days) == 21
    assert (report.seconds_per_answer, report.seconds_measured) == (6.0, True)
    for d in report.days:
        assert d.minutes == pytest.approx(d.answers * 6 / 60)
    conn = sqlite3.connect(ctx.paths.db)
    passed, total = conn.execute(
        "SELECT SUM(rating > 1), COUNT(*) FROM review_log WHERE phase_before = 'review'"
    ).fetchone()
    conn.close()
    assert (report.retention_passed, report.retention_total) == (passed, total) and total > 0
    assert sum(report.history) == answers and report.history[-1] == 0  # nothing yet on the 7th day
    # All six cards were introduced by day 2 (3 a day): every domain-1 card is seen, recall in (0, 1].
    domain1 = report.domains[0]
    assert domain1.number == "1" and domain1.cards == 1 and domain1.seen == 1
    assert domain1.recall is not None and 0 < domain1.recall <= 1
    assert report.recall == pytest.approx(domain1.recall)  # the only card tagged for the exam
    as_dict = report.as_dict()
    assert as_dict["forecast"]["days"][-1]["date"] == "2026-12-20"  # type: ignore[index]


def test_no_answers_yet_uses_eight_seconds(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    open_collection(ctx).close()
    report = forecast.load(str(ctx.paths.db), ctx.settings, ctx.now(), scheduler_for(ctx), days=10)
    assert report is not None
    assert (report.seconds_per_answer, report.seconds_measured) == (8.0, False)
    assert len(report.days) == 11 and not report.target_is_exam
    assert report.days[0].new == 6 and report.days[0].learning == 12  # the mini deck's six cards, two steps
    assert report.retention is None


def test_no_database_yet(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    assert forecast.load(str(ctx.paths.db), ctx.settings, ctx.now(), scheduler_for(ctx)) is None
