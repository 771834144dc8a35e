"""Statistics: forecast, reviews per day, true retention per domain, answer buttons, time spent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from studyaws.core.text import inert
from studyaws.service import dashboard
from studyaws.tui.widgets.charts import bar_chart
from studyaws.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from studyaws.tui.app import StudyawsApp


def _pct(passed: int, total: int) -> str:
    return f"{passed / total:.0%} of {total}" if total else "—"


class StatsScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="stats-back")]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="stats-body"):
            yield Static(classes="title", id="stats-title")
            yield Static(id="stats-forecast", classes="panel")
            yield Static(id="stats-history", classes="panel")
            table: DataTable[Text] = DataTable(id="stats-retention", cursor_type="none")
            yield table
            yield Static(id="stats-buttons", classes="panel")
        yield Footer()

    def on_mount(self) -> None:
        app: StudyawsApp = self.app  # type: ignore[assignment]
        ctx = app.ctx
        data = dashboard.load(str(ctx.paths.db), ctx.settings, ctx.now())
        if data is None:
            self.query_one("#stats-title", Static).update(Content("No statistics yet."))
            return
        self.query_one("#stats-title", Static).update(Content(f"Statistics · {inert(data.version_name)}"))
        forecast = self.query_one("#stats-forecast", Static)
        forecast.border_title = f"Forecast: reviews due, next 30 days ({sum(data.forecast)} in all)"
        forecast.update(bar_chart(data.forecast, height=5))
        history = self.query_one("#stats-history", Static)
        history.border_title = f"Reviews per day, last 30 days ({sum(data.history[-30:])} in all)"
        history.update(bar_chart(data.history[-30:], height=5))
        table = self.query_one("#stats-retention", DataTable)
        table.add_columns("Domain", "Young retention", "Mature retention")
        for d in data.domains:
            yp, yt, mp, mt = data.retention.get(d.number, (0, 0, 0, 0))
            table.add_row(Text(f"{d.number}. {inert(d.name)}"), Text(_pct(yp, yt)), Text(_pct(mp, mt)))
        lines = ["Answer buttons (Again / Hard / Good / Easy):"]
        for kind in ("learning", "young", "mature"):
            counts = data.buttons[kind]
            lines.append(f"  {kind:<9} " + " / ".join(str(n) for n in counts))
        lines.append(f"Time spent: {data.minutes_today:.0f} min today, {data.minutes_week:.0f} min this week")
        self.query_one("#stats-buttons", Static).update(Content("\n".join(lines)))
