"""The first screen: what is due, exam countdown, 30-day forecast, 12-week heatmap, domain progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from studyaws.core.fmt import short_interval
from studyaws.core.text import inert
from studyaws.service import dashboard
from studyaws.tui.widgets.charts import bar_chart, heatmap
from studyaws.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from studyaws.tui.app import StudyawsApp


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

    @property
    def studyaws(self) -> StudyawsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="dash-top"):
            yield Static(id="dash-counts", classes="panel")
            yield Static(id="dash-exam", classes="panel")
        with Horizontal(id="dash-charts"):
            yield Static(id="dash-forecast", classes="panel")
            yield Static(id="dash-heatmap", classes="panel")
        # A plain Static, not a DataTable: the table widget costs ~40 ms of the first frame.
        yield Static(id="dash-domains")
        yield Static(id="dash-ready", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#dash-forecast").border_title = "Next 30 days"
        self.query_one("#dash-heatmap").border_title = "Last 12 weeks"
        self.query_one("#dash-counts").border_title = "Today"
        self.query_one("#dash-exam").border_title = "Exam"

    def on_screen_resume(self) -> None:
        # Also sent when the screen first shows, so this is the one place that loads the numbers.
        self.refresh_data()

    def collection_ready(self) -> None:
        self.refresh_data()

    def refresh_data(self, domains: bool = False) -> None:
        """Counts and charts now; the blueprint-based parts (exam name, domain table) a frame later."""
        ctx = self.studyaws.ctx
        now = ctx.now()
        data = dashboard.load(str(ctx.paths.db), ctx.settings, now, domains=domains)
        counts = self.query_one("#dash-counts", Static)
        if data is None:
            counts.update(Content("Opening your collection…"))
            return
        due = data.due
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
        counts.update(Content("\n".join(lines)))
        self.query_one("#dash-forecast", Static).update(bar_chart(data.forecast, height=4))
        self.query_one("#dash-heatmap", Static).update(heatmap(data.history))
        if not domains:
            # A moment later, not right after the refresh: reading the blueprint imports YAML, which would
            # hold the GIL while Textual's writer thread is still putting the first frame on screen.
            self.set_timer(0.15, lambda: self.refresh_data(True))
            return
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
