"""The exam date in the TUI: asked at first start (and 'no exam date' remembered), in settings, and the
question once it has passed, under App.run_test() on a real SQLite file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from textual.widgets import Button, Input

from studyaws.config import load as load_settings
from studyaws.service.context import AppContext
from studyaws.tui.app import make_app
from studyaws.tui.screens.dashboard import DashboardScreen
from studyaws.tui.screens.examdate import ExamDateScreen, ExamDoneScreen
from studyaws.tui.screens.review import ReviewScreen
from studyaws.tui.screens.settings import SettingsScreen
from tests.conftest import T0, ManualClock
from tests.tui.test_app import ready, text_of

MakeCtx = Callable[..., AppContext]


async def test_first_start_asks_for_the_exam_date_and_plans(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(exam_asked=False)
    app = make_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert isinstance(app.screen, ExamDateScreen)
        app.screen.query_one("#plan-date", Input).value = "2026-11-01"
        await pilot.click("#plan-save")
        assert "2026-11-01 is in the past (today is 2026-11-24)" in text_of(app, "#plan-error")
        assert not ctx.paths.config_file.exists()  # nothing saved
        field = app.screen.query_one("#plan-date", Input)
        field.value = "2026-12-24"
        field.focus()
        await pilot.press("enter")  # Enter in the field saves too
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen), text_of(app, "#plan-error")
        for _ in range(50):
            if "Plan today" in text_of(app, "#dash-exam"):
                break
            await pilot.pause(0.05)
        exam = text_of(app, "#dash-exam")
        assert "30 days to go (2026-12-24)" in exam and "Plan today: 1 new" in exam  # 6 cards, 23 days
        assert app.collection is not None
        assert app.collection.scheduler.__class__.__name__ == "ExamCapped"
    saved = load_settings(ctx.paths.config_file)
    assert (saved.exam_date, saved.exam_plan_start, saved.exam_asked) == ("2026-12-24", "2026-11-24", True)


async def test_no_exam_date_is_remembered(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(exam_asked=False)
    app = make_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert isinstance(app.screen, ExamDateScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
    saved = load_settings(ctx.paths.config_file)
    assert saved.exam_asked and saved.exam_date == ""
    again = make_app(make_ctx(exam_asked=saved.exam_asked))
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(again, pilot)
        assert isinstance(again.screen, DashboardScreen)  # not asked twice


async def test_no_question_when_starting_in_a_review(make_ctx: MakeCtx) -> None:
    app = make_app(make_ctx(exam_asked=False), start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert isinstance(app.screen, ReviewScreen)


async def test_settings_have_minutes_and_check_the_exam_date(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    app = make_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("c")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#set-exam_date", Input).value = "2026-12-12"
        app.screen.query_one("#set-minutes_per_day", Input).value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "minutes_per_day must be between 5 and 600, not 3" in text_of(app, "#settings-error")
        app.screen.query_one("#set-minutes_per_day", Input).value = "40"
        app.screen.query_one("#set-exam_date", Input).value = "2026-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "exam date: 2026-02-30 is not a real date" in text_of(app, "#settings-error")
        assert not ctx.paths.config_file.exists()
        app.screen.query_one("#set-exam_date", Input).value = "2026-12-12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.collection is not None
        assert app.collection.scheduler.__class__.__name__ == "ExamCapped"  # capped from now on
    saved = load_settings(ctx.paths.config_file)
    assert (saved.exam_date, saved.exam_plan_start, saved.minutes_per_day) == ("2026-12-12", "2026-11-24", 40)


async def test_a_passed_exam_asks_whether_it_is_done(make_ctx: MakeCtx, clock: ManualClock) -> None:
    ctx = make_ctx(exam_date="2026-12-01", exam_plan_start="2026-11-24")
    clock.now = T0 + timedelta(days=10)
    app = make_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        for _ in range(50):  # the screen, then its buttons (its stylesheet loads with it)
            if isinstance(app.screen, ExamDoneScreen) and app.screen.query("#plan-done"):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, ExamDoneScreen)
        assert "2026-12-01, has passed" in str(app.screen.query_one(".title").render())
        app.screen.query_one("#plan-done", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.pause(0.3)
        assert not isinstance(app.screen, ExamDoneScreen)  # asked once
    saved = load_settings(ctx.paths.config_file)
    assert saved.exam_date == "" and saved.exam_asked
