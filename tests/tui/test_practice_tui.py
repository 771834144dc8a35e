"""Quiz and mock exam screens in the real app under run_test: answer, flag, go back, grid, submit, review."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Button

from studyaws.service.context import AppContext
from studyaws.tui.app import StudyawsApp, make_app
from studyaws.tui.screens.exam import ExamScreen, ExamStartScreen
from studyaws.tui.screens.exam_results import ExamGridScreen, ExamResultScreen, ExamReviewScreen
from studyaws.tui.screens.quiz import QuizScreen
from studyaws.tui.widgets.options import OptionPicker
from tests.conftest import FIXTURES
from tests.tui.test_app import ready, text_of

MakeCtx = Callable[..., AppContext]


@pytest.fixture(autouse=True)
def bank(deck_dir: Path) -> None:
    (deck_dir / "questions").mkdir()
    shutil.copy(FIXTURES / "questions" / "mini_bank.yaml", deck_dir / "questions")


def answers(ctx: AppContext) -> list[tuple[str, str, int]]:
    conn = sqlite3.connect(ctx.paths.db)
    return list(conn.execute("SELECT question_id, chosen, correct FROM question_answers ORDER BY id"))


async def test_quiz_shows_verdict_and_every_explanation(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(exam_version="dva-c03")
    app = make_app(ctx)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("z")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen) and screen.session is not None
        q = screen.session.current
        assert q is not None
        wrong = sorted(set(q.letters) - q.right)[: q.choose]
        await pilot.press(*(c.lower() for c in wrong), "enter")
        await pilot.pause()
        verdict = text_of(app, "#quiz-verdict")
        assert f"Wrong: the answer is {','.join(sorted(q.right))}." in verdict
        assert "Source: https://docs.aws.amazon.com/" in verdict
        assert f"Question 1 of 10: Wrong (answer {','.join(sorted(q.right))})" in text_of(app, "#quiz-status")
        picker = str(screen.query_one(OptionPicker).render())
        for opt in q.options:
            assert opt.why in picker  # every option's explanation is on screen
        await pilot.press("n")
        await pilot.pause()
        assert screen.session.index == 1 and text_of(app, "#quiz-verdict") == ""
    assert answers(ctx) == [(q.uid, ",".join(wrong), 0)]


async def test_short_exam_with_flags_back_navigation_grid_and_submit(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(exam_version="dva-c03")
    app = make_app(ctx, start="exam", options={"count": 5})
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        session = screen.session
        ids = session.attempt.question_ids
        assert len(ids) == 5
        assert "Question 1 of 5" in text_of(app, "#exam-status") and "left" in text_of(app, "#exam-status")
        # Answer the first question right, the second wrong, flag the second, go back, change nothing.
        first = session.question
        await pilot.press(*(c.lower() for c in sorted(first.right)), "enter")
        second = session.question
        assert session.attempt.position == 1
        wrong = sorted(set(second.letters) - second.right)[: second.choose]
        await pilot.press(*(c.lower() for c in wrong))
        await pilot.press("m")
        assert "flagged" in text_of(app, "#exam-status")
        await pilot.press("p")
        assert session.attempt.position == 0
        assert session.attempt.answers[ids[0]] == first.right
        # The grid shows answers and the flag; jump to question 2 from it.
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ExamGridScreen)
        label = str(app.screen.query_one("#cell-1", Button).label)
        assert label.startswith("2 ") and "⚑" in label
        await pilot.click("#cell-1")
        await pilot.pause()
        assert app.screen is screen and session.attempt.position == 1
        # Submit from the grid.
        await pilot.press("g")
        await pilot.pause()
        await pilot.click("#grid-submit")
        await pilot.pause()
        assert isinstance(app.screen, ExamResultScreen)
        assert "2 of 5" not in text_of(app, "#result-score")
        assert "1 of 5 right" in text_of(app, "#result-score")
        assert "FAIL" in text_of(app, "#result-score")
        assert "Domain" in text_of(app, "#result-domains")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ExamReviewScreen)
        assert "Question 1 of 5 · right" in text_of(app, "#exam-review-status")
        await pilot.press("w")
        assert "Question 2 of 5 · wrong · ⚑" in text_of(app, "#exam-review-status")
    rows = answers(ctx)
    assert len(rows) == 5 and sum(r[2] for r in rows) == 1


async def test_leaving_an_exam_keeps_it_for_later(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(exam_version="dva-c03")
    app = make_app(ctx)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExamStartScreen)
        assert start_focus(app) == "exam-mock"  # Enter starts a mock exam; the digits pick a section
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)
        domain_two = app.screen.session.attempt.question_ids
        await pilot.press("a", "escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        start = app.screen
        assert isinstance(start, ExamStartScreen)
        resume = start.query_one("#exam-resume", Button)
        assert not resume.has_class("hidden") and "1 answered" in str(resume.label)
        assert start_focus(app) == "exam-resume"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)
        assert app.screen.session.attempt.question_ids == domain_two


def start_focus(app: StudyawsApp) -> str | None:
    focused = app.screen.focused
    return None if focused is None else focused.id


def _app_time_out(app: StudyawsApp) -> None:
    screen = app.screen
    assert isinstance(screen, ExamScreen)
    screen.session.countdown.base = 0


async def test_time_out_submits_and_shows_results(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(exam_version="dva-c03")
    app = make_app(ctx, start="exam", options={"count": 2})
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await pilot.pause()
        _app_time_out(app)
        await pilot.pause(1.3)  # one tick of the countdown
        assert isinstance(app.screen, ExamResultScreen)
        assert "Time ran out" in text_of(app, "#result-score")


async def test_dashboard_shows_readiness_and_what_to_study_next(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(exam_version="dva-c03")
    app = make_app(ctx)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for _ in range(100):
            await pilot.pause(0.05)
            # The line is mounted with the domain table, a moment after the first frame.
            if app.screen.query("#dash-ready") and "Readiness" in text_of(app, "#dash-ready"):
                break
        line = text_of(app, "#dash-ready")
        assert line.startswith("Readiness D1 ? D2 ? D3 ? D4 ? · pass not enough data · next ")
        assert len(line) <= 78
