"""The real Textual app under App.run_test(), on a real SQLite file in a temp STUDYAWS_HOME."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Button, Input, Static

from studyaws.config import load as load_settings
from studyaws.service.context import AppContext
from studyaws.tui.app import StudyawsApp, make_app
from studyaws.tui.screens.dashboard import DashboardScreen
from studyaws.tui.screens.review import ReviewScreen
from studyaws.tui.screens.settings import SettingsScreen
from studyaws.tui.screens.summary import SummaryScreen

MakeCtx = Callable[..., AppContext]


def ratings(ctx: AppContext) -> list[int]:
    conn = sqlite3.connect(ctx.paths.db)
    return [r[0] for r in conn.execute("SELECT rating FROM review_log ORDER BY id")]


def text_of(app: StudyawsApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def ready(app: StudyawsApp, pilot: object) -> None:
    """Wait for the collection worker (started a moment after the first frame) to finish."""
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)  # type: ignore[attr-defined]
        if app.collection is not None:
            await pilot.pause()  # type: ignore[attr-defined]
            return
    raise AssertionError("the collection never opened")


async def test_dashboard_first_then_review_each_grade(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(fuzz=False)
    app = make_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "New left" in text_of(app, "#dash-counts")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        for key in "1234":
            front = text_of(app, "#card-front")
            if app.screen.card and app.screen.card.kind in ("mcq", "multi"):
                await pilot.press("a", "enter")
            else:
                await pilot.press("space")
            assert app.screen.query_one("#answer-buttons").styles.visibility == "visible"
            label = str(app.screen.query_one(f"#grade-{key}", Button).label)
            assert label.startswith(f"{key} ")
            await pilot.press(key)
            assert text_of(app, "#card-front") != front or app.screen.card is None
    assert ratings(ctx) == [1, 2, 3, 4]


async def test_undo_suspend_bury_flag(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    app = make_app(ctx, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.card is not None
        first = screen.card.uid
        await pilot.press("space", "3")
        assert ratings(ctx) == [3]
        await pilot.press("u")
        assert ratings(ctx) == []
        assert screen.card is not None and screen.card.uid == first  # the undone card comes back
        await pilot.press("f")
        assert "flagged" in text_of(app, "#card-meta")
        await pilot.press("s")
        await pilot.press("b")
    conn = sqlite3.connect(ctx.paths.db)
    assert conn.execute("SELECT suspended, flag FROM cards WHERE uid = ?", (first,)).fetchone() == (1, 1)
    assert conn.execute("SELECT COUNT(*) FROM cards WHERE buried_until >= 0").fetchone()[0] == 1


async def test_finishing_a_session_shows_summary_then_dashboard(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(new_per_day=2)
    app = make_app(ctx, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        for _ in range(2):
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            if screen.card and screen.card.kind in ("mcq", "multi"):
                await pilot.press("a", "enter", "4")
            else:
                await pilot.press("space", "4")
        assert isinstance(app.screen, SummaryScreen)
        assert "Cards answered  2" in text_of(app, "#summary")
        await pilot.press("enter")
        assert isinstance(app.screen, DashboardScreen)


async def test_settings_are_saved_and_read_back(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    app = make_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, SettingsScreen)
        field = app.screen.query_one("#set-new_per_day", Input)
        field.value = "7"
        date_field = app.screen.query_one("#set-exam_date", Input)
        date_field.value = "2027-01-15"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_settings(ctx.paths.config_file)
    assert saved.new_per_day == 7 and saved.exam_date == "2027-01-15"


async def test_settings_reject_bad_values(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    app = make_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        app.screen.query_one("#set-exam_date", Input).value = "soon"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "is not a date" in text_of(app, "#settings-error")
    assert not Path(ctx.paths.config_file).exists()


async def test_card_text_is_never_markup(make_ctx: MakeCtx, deck_dir: Path) -> None:
    """Fixture card `mini-markup` has `[bold red]x[/]`, `[@click=app.quit]y[/]` and ESC [2J in its front."""
    ctx = make_ctx(new_per_day=50)
    app = make_app(ctx, start="review")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        for _ in range(10):
            if screen.card is not None and screen.card.uid == "mini-markup":
                break
            await pilot.press("b")
        assert screen.card is not None and screen.card.uid == "mini-markup"
        front = text_of(app, "#card-front")
        assert "[bold red]x[/] and [@click=app.quit]y[/] and ␛[2J" in front
        await pilot.press("space")
        await pilot.click("#card-front")  # a click on literal [@click=...] text must do nothing
        assert app.is_running
        assert "no" in text_of(app, "#card-back")
        await pilot.press("b")  # notification text with the card id is also literal
        assert app.is_running


async def test_drills_screen_grades_and_records(make_ctx: MakeCtx) -> None:
    from studyaws.tui.screens.drills import DrillsScreen

    ctx = make_ctx()
    app = make_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DrillsScreen) and screen.problem is not None
        assert text_of(app, "#drill-text")
        await pilot.press("x", "enter")  # not a number: asks again, records nothing
        assert "number" in text_of(app, "#drill-result").lower()
        screen.query_one("#drill-answer", Input).value = "1"
        await pilot.press("enter")
        result = text_of(app, "#drill-result")
        assert result.startswith(("Right!", "Not quite.")) and "Steps:" in result
        await pilot.press("enter")  # next problem
        assert text_of(app, "#drill-result") == ""
    conn = sqlite3.connect(ctx.paths.db)
    assert conn.execute("SELECT COUNT(*) FROM drill_log").fetchone()[0] == 1


async def test_settings_show_and_change_the_reminder(
    make_ctx: MakeCtx, tmp_path: Path, monkeypatch: object
) -> None:
    """The reminder section reports `remind status`; installing with no scheduler available says so in one
    line and writes nothing."""
    config_home = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))  # type: ignore[attr-defined]
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))  # type: ignore[attr-defined]
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # no systemctl, no crontab  # type: ignore[attr-defined]
    ctx = make_ctx()
    app = make_app(ctx)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        status = text_of(app, "#reminder-status")
        assert "no reminder installed" in status and "last run: never" in status
        app.screen.query_one("#reminder-install", Button).press()
        await pilot.pause()
        status = text_of(app, "#reminder-status")
        assert status.startswith("Could not install the reminder:"), status
        assert app.is_running
    assert not (config_home / "systemd").exists()


async def test_a_broken_deck_ends_the_app_with_the_error(make_ctx: MakeCtx, deck_dir: Path) -> None:
    (deck_dir / "broken.yaml").write_text("deck: [\n", encoding="utf-8")
    ctx = make_ctx()
    app = make_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):
            if app.error or not app.is_running:
                break
            await pilot.pause(0.02)
    assert app.error is not None and "broken.yaml:2:1: invalid YAML" in app.error
    assert app.return_code == 1
    assert not ctx.paths.db.exists()  # nothing was written


async def test_help_fits_80x24_without_wrapping_or_scrolling(make_ctx: MakeCtx) -> None:
    from studyaws.tui.screens.help import HELP

    app = make_app(make_ctx())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        assert body.query_one(Static).size.height == len(HELP.splitlines())  # no line wrapped
        assert body.max_scroll_y == 0  # nothing below the fold
