"""The scheduler and desired-retention controls on the settings screen, under App.run_test()."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from textual.widgets import Input, Select

from studyaws.config import load as load_settings
from studyaws.core.fsrs_sched import Fsrs
from studyaws.core.sm2 import Sm2
from studyaws.core.types import Rating
from studyaws.service.context import AppContext
from studyaws.service.session import ReviewSession
from studyaws.tui.app import make_app
from studyaws.tui.screens.settings import SettingsScreen
from tests.tui.test_app import ready, text_of

MakeCtx = Callable[..., AppContext]


async def test_choosing_fsrs_rebuilds_memory_and_the_open_collection_follows(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    app = make_app(ctx)
    async with app.run_test(size=(100, 50), notifications=True) as pilot:
        await ready(app, pilot)
        assert app.collection is not None and isinstance(app.collection.scheduler, Sm2)
        session = ReviewSession(app.collection)
        assert session.next_card() is not None
        session.answer(Rating.GOOD)
        await pilot.press("c")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#set-scheduler", Select).value = "fsrs"
        app.screen.query_one("#set-desired_retention", Input).value = "0.93"
        await pilot.press("ctrl+s")
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause(0.02)
            if isinstance(app.collection.scheduler, Fsrs):
                break
        scheduler = app.collection.scheduler
        assert isinstance(scheduler, Fsrs) and scheduler.p.desired_retention == 0.93
    saved = load_settings(ctx.paths.config_file)
    assert (saved.scheduler, saved.desired_retention) == ("fsrs", 0.93)
    conn = sqlite3.connect(ctx.paths.db)
    assert conn.execute("SELECT COUNT(*) FROM cards WHERE stability IS NOT NULL").fetchone()[0] == 1
    conn.close()


async def test_bad_retention_is_refused_and_nothing_saved(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    app = make_app(ctx)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("c")
        app.screen.query_one("#set-desired_retention", Input).value = "0.999"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "desired_retention must be between 0.7 and 0.99" in text_of(app, "#settings-error")
    assert not ctx.paths.config_file.exists()
