"""Pixel-stable snapshots of the main screens at 80×24 (Textual and Rich are pinned exactly in pyproject)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from studyaws.service.collection import open_collection
from studyaws.service.context import AppContext
from studyaws.tui.app import make_app
from tests.tui.test_app import ready

MakeCtx = Callable[..., AppContext]


def prepared(make_ctx: MakeCtx) -> AppContext:
    ctx = make_ctx(fuzz=False)
    open_collection(ctx).close()  # the database exists, so the first frame already has numbers
    return ctx


def test_dashboard_snapshot(make_ctx: MakeCtx, snap_compare: Any) -> None:
    app = make_app(prepared(make_ctx))

    async def settle(pilot: Any) -> None:
        await ready(pilot.app, pilot)
        # The readiness line is mounted with the domain table after the first frame, computed in a worker.
        for _ in range(200):
            line = pilot.app.screen.query("#dash-ready")
            if line and "Readiness" in str(line.first().render()):
                break
            await pilot.pause(0.02)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_review_snapshot(make_ctx: MakeCtx, snap_compare: Any) -> None:
    app = make_app(prepared(make_ctx), start="review")

    async def reveal(pilot: Any) -> None:
        await ready(pilot.app, pilot)
        await pilot.press("space")

    assert snap_compare(app, terminal_size=(80, 24), run_before=reveal)
