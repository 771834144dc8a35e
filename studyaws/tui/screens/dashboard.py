"""The first screen: what is due, exam countdown, 30-day forecast, 12-week heatmap, domain progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from studyaws.core.fmt import short_interval
from studyaws.core.text import inert
from studyaws.service import dashboard
from studyaws.tui.widgets.charts import bar_chart, heatmap
from studyaws.tui.widgets.keybar import KeyBar
from studyaws.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from studyaws.tui.app import StudyawsApp


def panel(content: Content, id: str, title: str) -> Static:
    widget = Static(content, id=id, classes="panel")
    widget.border_title = title
    return widget


class DashboardScreen(Screen[None]):
    BINDINGS = [
        Binding("r", "app.review", "Review", id="review"),
        Binding("s", "app.stats", "Stats", id="stats"),
        Binding("c", "app.settings", "Settings", id="settings"),
        Binding("d", "app.drills", "Drills", id="drills"),
        Binding("z", "app.quiz", "Quiz", id="quiz"),
        Binding("e", "app.exam", "Mock exam", id="exam"),
        Binding("t", "app.toggle_dark", "Light/dark", id="toggle-dark"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.fresh = True  # compose read today's numbers; the first resume need not read them again

    @property
    def studyaws(self) -> StudyawsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        # Today's numbers go into the widgets as they are made, so the first frame shows them (an update
        # after mount would cost a second layout pass and a frame).
        counts, forecast, history = self._today(self._load(domains=False))
        yield TitleBar()
        # Border titles set before mounting: set in on_mount, they left the panels blank in the first frame.
        yield panel(counts, "dash-counts", "Today")
        yield panel(Content(), "dash-exam", "Exam")
        yield panel(forecast, "dash-forecast", "Next 30 days")
        yield panel(history, "dash-heatmap", "Last 12 weeks")
        yield KeyBar()

    def on_screen_resume(self) -> None:
        # Also sent when the screen first shows: compose has just read today's numbers, so only the
        # blueprint-based parts are still to come.
        if self.fresh:
            self.fresh = False
            self._later()
        else:
            self.refresh_data()

    def collection_ready(self) -> None:
        self.refresh_data()

    def _load(self, domains: bool) -> dashboard.DashboardData | None:
        ctx = self.studyaws.ctx
        return dashboard.load(str(ctx.paths.db), ctx.settings, ctx.now(), domains=domains)

    def _today(self, data: dashboard.DashboardData | None) -> tuple[Content, Content, Content]:
        """The counts panel, the forecast chart and the heatmap."""
        if data is None:
            return Content("Opening your collection…"), Content(), Content()
        due, now = data.due, self.studyaws.ctx.now()
        lines = [
            f"Due now      {due.due_now:>5}",
            f"  learning {due.learning} · review {due.review}",
            f"Later today  {due.due_today - due.due_now:>5}",
            f"New left     {due.new_available_today:>5}",
        ]
        if due.due_now == 0 and due.new_available_today == 0 and due.next_due is not None:
            lines.append(f"Next due in  {short_interval((due.next_due - now).total_seconds()):>5}")
        else:
            lines.append(f"Studied {data.minutes_today:.0f} min today, {data.minutes_week:.0f} this week")
        return Content("\n".join(lines)), bar_chart(data.forecast, height=4), heatmap(data.history)

    def _later(self) -> None:
        # A moment later, not at once: reading the blueprint imports YAML, which would hold the GIL while
        # Textual's writer thread is still putting the first frame on screen.
        self.set_timer(0.15, lambda: self.refresh_data(True))

    def refresh_data(self, domains: bool = False) -> None:
        """Counts and charts now; the blueprint-based parts (exam name, domain table) a frame later."""
        data = self._load(domains)
        counts, forecast, history = self._today(data)
        self.query_one("#dash-counts", Static).update(counts)
        if data is None:
            return
        self.query_one("#dash-forecast", Static).update(forecast)
        self.query_one("#dash-heatmap", Static).update(history)
        if not domains:
            self._later()
            return
        if not self.query("#dash-domains"):
            # Mounted with their contents, not in the first frame. A plain Static, not a DataTable: the
            # table widget costs ~40 ms.
            self.mount(Static(id="dash-domains"), Static(id="dash-ready", classes="muted"))
        exam = [inert(data.version_name)]
        if data.exam_date is not None and data.days_to_exam is not None:
            if data.days_to_exam >= 0:
                exam.append(f"{data.days_to_exam} days to go ({data.exam_date.isoformat()})")
            else:
                exam.append(f"Exam day {data.exam_date.isoformat()} has passed")
        else:
            exam.append("No exam date set: press c to set one")
        from studyaws.tui.screens.examdate import ask_if_passed, dashboard_lines

        exam.extend(dashboard_lines(data))  # today's exam plan
        self.query_one("#dash-exam", Static).update(Content("\n".join(exam)))
        if self.app.screen is self:
            ask_if_passed(self.studyaws, data)
        rows = [f" {'Domain':<37}{'Weight':>7}{'Seen':>10}{'Mature':>8}{'Recall':>8}"]
        for d in data.domains:
            recall = "—" if d.recall is None else f"{d.recall:.0%}"
            name = inert(f"{d.number}. {d.name}")[:36]
            rows.append(f" {name:<37}{d.weight:>6}%{f'{d.seen}/{d.cards}':>10}{d.mature:>8}{recall:>8}")
        self.query_one("#dash-domains", Static).update(Content("\n".join(rows)))
        if self.studyaws.collection is not None:
            self.load_readiness()

    @work(thread=True, exclusive=True, group="readiness")
    def load_readiness(self) -> None:
        """Readiness reads the question bank (YAML) and every card: off the UI thread."""
        from studyaws.errors import StudyawsError
        from studyaws.service.readiness import readiness, summary_line

        coll = self.studyaws.collection
        if coll is None:
            return
        try:
            text = summary_line(readiness(coll))
        except StudyawsError as exc:
            text = f"Readiness unavailable: {exc}"
        self.app.call_from_thread(self.query_one("#dash-ready", Static).update, Content(inert(text)))
