"""Statistics: the forecast to exam day (answers per day, recall per domain on the day), reviews per day,
true retention per domain, answer buttons, time spent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from studyaws.core.text import inert
from studyaws.service import dashboard
from studyaws.service.forecast import StatsReport
from studyaws.tui.widgets.charts import bar_chart
from studyaws.tui.widgets.keybar import KeyBar
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
            yield Static(Content("Working out the forecast…"), id="stats-forecast", classes="panel")
            yield Static(id="stats-recall", classes="panel")
            yield Static(id="stats-history", classes="panel")
            table: DataTable[Text] = DataTable(id="stats-retention", cursor_type="none")
            yield table
            yield Static(id="stats-buttons", classes="panel")
        yield KeyBar()

    def on_mount(self) -> None:
        app: StudyawsApp = self.app  # type: ignore[assignment]
        ctx = app.ctx
        data = dashboard.load(str(ctx.paths.db), ctx.settings, ctx.now())
        if data is None:
            self.query_one("#stats-title", Static).update(Content("No statistics yet."))
            return
        self.query_one("#stats-title", Static).update(Content(f"Statistics · {inert(data.version_name)}"))
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
        self.load_forecast()

    def collection_ready(self) -> None:
        self.load_forecast()  # the first try may have met a database still being opened

    @work(thread=True, exclusive=True, group="forecast")
    def load_forecast(self) -> None:
        """The forecast walks every card through the scheduler: off the UI thread."""
        from studyaws.service import forecast
        from studyaws.service.collection import scheduler_for

        app: StudyawsApp = self.app  # type: ignore[assignment]
        ctx = app.ctx
        scheduler = app.collection.scheduler if app.collection is not None else scheduler_for(ctx)
        report = forecast.load(str(ctx.paths.db), ctx.settings, ctx.now(), scheduler)
        if report is not None:
            self.app.call_from_thread(self.show_forecast, report)

    def show_forecast(self, r: StatsReport) -> None:
        if not self.is_mounted:
            return  # left the screen while the forecast was being worked out
        answers = [round(d.answers) for d in r.days]
        minutes = sum(d.minutes for d in r.days)
        what = "exam day" if r.target_is_exam else "day"
        panel = self.query_one("#stats-forecast", Static)
        panel.border_title = (
            f"Forecast to {what} {r.target.isoformat()}: {sum(answers)} answers, {minutes:.0f} min "
            f"({r.seconds_per_answer:g} s each)"
        )
        peak = max(r.days, key=lambda d: d.answers)
        lines = [
            f"Busiest day {peak.date.isoformat()}: {peak.answers:.0f} answers, {peak.minutes:.0f} min. "
            f"New cards: {sum(d.new for d in r.days)} by then."
        ]
        panel.update(Content("\n".join(lines) + "\n").append(bar_chart(answers, height=5)))
        recall = self.query_one("#stats-recall", Static)
        recall.border_title = f"Predicted recall on {r.target.isoformat()}: {_share(r.recall)} of all cards"
        rows = [
            f"{d.number}. {inert(d.name)} ({d.weight}%): {_share(d.recall)} "
            f"— {d.seen} of {d.cards} cards seen by then, {_share(d.recall_seen)} of those"
            for d in r.domains
        ]
        recall.update(Content("\n".join(rows) or "No cards tagged for this exam version."))


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"
