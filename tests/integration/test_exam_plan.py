"""Exam-date mode on a real collection: the plan's limits and order, capped answers, the due counts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import timedelta

import pytest

from studyaws import config, fastsettings
from studyaws.core.examcap import ExamCapped, replay
from studyaws.core.examfinal import lowest_recall_first
from studyaws.core.examplan import day_of
from studyaws.core.sm2 import Sm2, Sm2Params
from studyaws.core.types import Phase, Rating, SchedState
from studyaws.dueview import DueReport, due_report
from studyaws.errors import UsageError
from studyaws.paths import bundled_deck_dir
from studyaws.service import plan, planreport
from studyaws.service.collection import Collection, open_collection
from studyaws.service.context import AppContext
from studyaws.service.session import ReviewSession
from studyaws.storage import examsql
from tests.conftest import T0, ManualClock

MakeCtx = Callable[..., AppContext]
EXAM = "2026-12-24"  # 30 days after T0 (2026-11-24)
TODAY = day_of(T0.date())


def bundled(make_ctx: MakeCtx, **settings: object) -> Collection:
    ctx = make_ctx(**settings)
    ctx.deck_dirs = [bundled_deck_dir()]
    return open_collection(ctx)


def report_of(coll: Collection) -> DueReport:
    ctx = coll.ctx
    result = coll.repo.raw_counts(due_report, now=ctx.now(), **config.due_args(ctx.settings))
    assert isinstance(result, DueReport)
    return result


def test_limits_order_and_counts_follow_the_plan(make_ctx: MakeCtx) -> None:
    coll = bundled(make_ctx, exam_date=EXAM, exam_plan_start="2026-11-24", minutes_per_day=20)
    try:
        assert isinstance(coll.scheduler, ExamCapped) and coll.scheduler.exam_day == TODAY + 30
        found = planreport.report(coll.ctx, coll)
        assert found.status == plan.AHEAD and found.days_left == 30 and found.new_left == 810
        assert found.goal is not None and found.goal.isoformat() == "2026-12-17"
        assert found.new_today == 31  # 80 % of 20 min at 20 s + 1.3 steps of 8 s a new card
        session = ReviewSession(coll)
        due = report_of(coll)
        assert session.counts().new == due.new_available_today == found.new_today
        assert due.exam is not None and (due.exam.new_limit, due.exam.review_limit) == (31, 29)
        # New cards come highest-weight domain first: DVA-C03 domain 1 (30 %).
        first = session.next_card()
        assert first is not None and coll.repo.card(first.id).note.domain["dva-c03"] == "1"
        queued = list(session._queue)
        assert {coll.repo.card(i).note.domain["dva-c03"] for i in queued} == {"1"}
        weights_report = [d.number for d in found.domains]
        assert weights_report == ["1", "2", "3", "4"]
        assert json.loads(json.dumps(found.as_json()))["today_plan"] == {"new": 31, "review_limit": 29}
    finally:
        coll.close()


def test_answers_in_exam_mode_never_pass_the_exam_and_replay(make_ctx: MakeCtx, clock: ManualClock) -> None:
    coll = open_collection(make_ctx(exam_date="2026-12-04", exam_plan_start="2026-11-24", fuzz=False))
    try:
        session = ReviewSession(coll)
        assert session.counts().new == 1  # 6 cards, 8 days to the goal (10 days, 2 kept free)
        card = session.next_card()
        assert card is not None
        session.answer(Rating.EASY)
        assert coll.repo.card(card.id).state.due_day == TODAY + 4  # Anki's easy interval
        clock.now = T0 + timedelta(days=4)
        session = ReviewSession(coll)
        shown = session.next_card()
        assert shown is not None and shown.id == card.id
        before = coll.repo.card(card.id).state
        natural = Sm2(Sm2Params(fuzz=False)).answer(before, Rating.EASY, clock.now, TODAY + 4, 0.0).state
        assert natural.due_day is not None and natural.due_day > TODAY + 10
        assert shown.previews[Rating.EASY] == "6d"  # the button shows the capped interval
        session.answer(Rating.EASY)
        after = coll.repo.card(card.id).state
        assert after.due_day == TODAY + 10 and after.interval == 6  # kept for the exam day
        assert replay(Sm2(Sm2Params(fuzz=False)), coll.repo.review_records(card.id)) == after
    finally:
        coll.close()


def test_final_days_sql_order_is_the_core_order(make_ctx: MakeCtx) -> None:
    coll = open_collection(make_ctx())
    try:
        conn = sqlite3.connect(coll.ctx.paths.db)
        rows = [
            (TODAY - 2, 30, None),
            (TODAY, 2, None),
            (TODAY - 1, 10, 1.5),
            (TODAY, 20, 80.0),
            (TODAY, 5, None),
        ]
        ids = [r[0] for r in conn.execute("SELECT id FROM cards ORDER BY id")][: len(rows)]
        for card_id, (due, interval, stability) in zip(ids, rows, strict=True):
            conn.execute(
                "UPDATE cards SET phase = 'review', due = ?, interval = ?, stability = ?, ease = 2500 "
                "WHERE id = ?",
                (due, interval, stability, card_id),
            )
        conn.commit()
        exam = TODAY + 5
        states = [
            (i, SchedState(Phase.REVIEW, due_day=d, interval=n, stability=s))
            for i, (d, n, s) in zip(ids, rows, strict=True)
        ]
        expected = lowest_recall_first(sorted(states, key=lambda x: (x[1].due_day or 0, x[0])), exam)
        assert examsql.lowest_recall_reviews(conn, today=TODAY, exam_day=exam, limit=10) == expected
        assert examsql.lowest_recall_reviews(conn, today=TODAY, exam_day=exam, limit=2) == expected[:2]
        conn.close()
    finally:
        coll.close()


def test_the_fast_path_sidecar_carries_the_plan(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(exam_date=EXAM, exam_plan_start="2026-11-24", minutes_per_day=45)
    ctx.save_settings(ctx.settings)
    args = config.due_args(ctx.settings)
    read = fastsettings.read(str(ctx.paths.config_file), str(ctx.paths.fast_settings))
    assert read == tuple(args.values()) == (20, 200, 4, TODAY + 30, TODAY + 23, 45)
    ctx.save_settings(ctx.settings._replace(exam_date=""))
    assert fastsettings.read(str(ctx.paths.config_file), str(ctx.paths.fast_settings)) == (
        20,
        200,
        4,
        -1,
        -1,
        45,
    )


def test_after_the_exam_scheduling_is_normal_again(make_ctx: MakeCtx, clock: ManualClock) -> None:
    clock.now = T0 + timedelta(days=40)
    coll = bundled(make_ctx, exam_date=EXAM, exam_plan_start="2026-11-24")
    try:
        assert isinstance(coll.scheduler, Sm2)
        assert plan.status(coll.ctx.settings, coll.ctx.today()) == plan.PASSED
        due = report_of(coll)
        assert due.new_available_today == 20 and due.exam is not None
        assert "has passed. Is the exam done?" in due.as_text(coll.ctx.now())
        assert planreport.report(coll.ctx, coll).status == plan.PASSED
        plan.finish(coll.ctx)
        assert coll.ctx.settings.exam_date == "" and coll.ctx.settings.exam_asked
        assert report_of(coll).exam is None
    finally:
        coll.close()


@pytest.mark.parametrize(
    ("date_text", "version", "message"),
    [
        ("2026-02-30", None, "--exam-date: 2026-02-30 is not a real date"),
        ("2026-11-23", None, "--exam-date: 2026-11-23 is in the past (today is 2026-11-24)"),
        ("24/12/2026", None, "--exam-date: '24/12/2026' is not a date like 2027-01-15"),
        ("2026-12-24", "dva-c02", "--version: DVA-C02 can be taken until 2026-11-30, not on 2026-12-24"),
        ("2026-11-28", "dva-c03", "--version: DVA-C03 is delivered from 2026-12-01, not on 2026-11-28"),
        ("2026-12-24", "dva-c09", "--version: unknown exam version 'dva-c09' (known: dva-c02, dva-c03)"),
    ],
)
def test_bad_exam_settings_name_the_problem_and_save_nothing(
    make_ctx: MakeCtx, date_text: str, version: str | None, message: str
) -> None:
    ctx = make_ctx()
    with pytest.raises(UsageError) as err:
        plan.set_exam(ctx, date_text, version, None)
    assert str(err.value).startswith(message)
    assert not ctx.paths.config_file.exists()


def test_setting_an_exam_fixes_the_buffer_and_picks_the_version(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    s = plan.set_exam(ctx, "2026-11-28", None, 30)
    assert (s.exam_date, s.exam_plan_start, s.minutes_per_day, s.exam_asked) == (
        "2026-11-28",
        "2026-11-24",
        30,
        True,
    )
    assert plan.exam_version(s) == "dva-c02"  # the version a 2026-11-28 exam is sat in, from the blueprints
    s = plan.set_exam(ctx, None, None, None)
    assert s.exam_plan_start == "2026-11-24"  # unchanged date: the buffer stays fixed
    with pytest.raises(UsageError, match="DVA-C02 can be taken until 2026-11-30"):
        plan.set_exam(ctx, "2026-12-10", "dva-c02", None)
    assert ctx.settings.exam_date == "2026-11-28"
