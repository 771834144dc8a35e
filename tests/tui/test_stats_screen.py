"""The stats screen under App.run_test(): the forecast to exam day and the recall per domain on the day."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from studyaws.service.context import AppContext
from studyaws.tui.app import make_app
from studyaws.tui.screens.stats import StatsScreen
from tests.tui.test_app import ready, text_of

MakeCtx = Callable[..., AppContext]


async def test_stats_screen_shows_the_forecast_to_exam_day(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(exam_date="2026-12-10", scheduler="fsrs")
    app = make_app(ctx)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause(0.02)
            if "Working out" not in text_of(app, "#stats-forecast"):
                break
        forecast = app.screen.query_one("#stats-forecast", Static)
        assert str(forecast.border_title).startswith("Forecast to exam day 2026-12-10: ")
        # Every card studied is due on the exam day at the latest (capped there), so that day is the busiest.
        assert "Busiest day 2026-12-10: 6 answers" in text_of(app, "#stats-forecast")
        assert "New cards: 6 by then." in text_of(app, "#stats-forecast")
        recall = app.screen.query_one("#stats-recall", Static)
        assert str(recall.border_title).startswith("Predicted recall on 2026-12-10: ")  # as the day begins
        lines = text_of(app, "#stats-recall").splitlines()
        assert lines[0].startswith("1. Development with AWS Services (30%): ")
        assert "1 of 1 cards seen by then" in lines[0]
        assert len(lines) == 4
        await pilot.press("escape")
        assert not isinstance(app.screen, StatsScreen)
