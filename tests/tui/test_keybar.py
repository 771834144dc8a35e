"""The key bar (footer): whole keys only, Help and the palette always shown, clicks run the key."""

from __future__ import annotations

from collections.abc import Callable

from studyaws.service.context import AppContext
from studyaws.tui.app import StudyawsApp, make_app
from studyaws.tui.screens.review import ReviewScreen
from studyaws.tui.screens.stats import StatsScreen
from studyaws.tui.widgets.keybar import Item, KeyBar, fit

MakeCtx = Callable[..., AppContext]


def item(key: str, description: str) -> Item:
    return Item(key, key, description, True, description.lower())


KEYS = [item("r", "Review"), item("s", "Stats"), item("c", "Settings"), item("q", "Quit"), item("?", "Help")]
PALETTE = item("^p", "palette")


def test_everything_that_fits_is_shown_with_roomy_spacing() -> None:
    assert fit(KEYS, 80, PALETTE) == (KEYS, False)


def test_compact_spacing_comes_before_dropping_keys() -> None:
    # Roomy spacing needs 60 cells here (" r Review " is one cell wider than compact "r Review "), compact 55.
    assert fit(KEYS, 60, PALETTE) == (KEYS, False)
    assert fit(KEYS, 59, PALETTE) == (KEYS, True)
    assert fit(KEYS, 55, PALETTE) == (KEYS, True)


def test_keys_are_dropped_whole_from_the_end_but_help_stays() -> None:
    shown, compact = fit(KEYS, 37, PALETTE)
    assert compact
    assert shown[-1].description == "Help"
    assert [i.description for i in shown] == ["Review", "Stats", "Help"]  # Quit then Settings went first
    shown, _ = fit([item("?", "Help"), *KEYS[:-1]], 29, PALETTE)
    assert [i.description for i in shown] == ["Help", "Review"]


def bar_text(app: StudyawsApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_at_80_columns_the_bar_shows_whole_keys_help_and_the_palette(make_ctx: MakeCtx) -> None:
    app = make_app(make_ctx())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        assert len(text) == 80
        bar = app.screen.query_one(KeyBar)
        described = [i.description for _, _, i in bar.spans]
        assert described[-2:] == ["Help", "palette"]
        for start, end, shown in bar.spans:
            assert shown.description in text[start:end] and shown.display in text[start:end]
        assert "Mock exam" in described  # the dashboard's own keys come first; the app's Quit is dropped
        assert "Quit" not in described
        stats = next(start for start, _, i in bar.spans if i.description == "Stats")
        await pilot.click(KeyBar, offset=(stats + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)


async def test_wide_terminals_show_every_key_and_the_bar_follows_the_screen(make_ctx: MakeCtx) -> None:
    app = make_app(make_ctx())
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        assert " q Quit " in bar_text(app) and " t Light/dark " in bar_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Show answer" in bar_text(app) and "Mock exam" not in bar_text(app)
