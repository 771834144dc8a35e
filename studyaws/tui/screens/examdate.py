"""The exam date, asked at first start (skippable), and the question once it has passed: is the exam done?"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from studyaws.core.text import inert
from studyaws.decks import blueprint
from studyaws.errors import StudyawsError
from studyaws.service import plan

if TYPE_CHECKING:
    from studyaws.service.context import AppContext
    from studyaws.service.dashboard import DashboardData
    from studyaws.tui.app import StudyawsApp

INTRO = (
    "With a date, new cards are paced to be all seen a week before it (highest-weight domains first) "
    "and no review is scheduled past it. Change it any time in settings (c)."
)


def should_ask(ctx: AppContext) -> bool:
    """First start: no exam date, and the question was never answered (not even with 'no exam date')."""
    return not ctx.settings.exam_asked and not ctx.settings.exam_date


def dashboard_lines(data: DashboardData) -> list[str]:
    """Today's plan for the dashboard's exam panel, while an exam date lies ahead."""
    exam = data.due.exam
    if exam is None or exam.day < exam.today:
        return []
    if exam.day == exam.today:
        return ["Plan today: no new cards, good luck"]
    lines = [f"Plan today: {exam.new_limit} new, ≤{exam.review_limit} reviews"]
    if exam.day - exam.today <= 7:
        lines.append("Final week: try a mock exam (e)")
    return lines


def ask_if_passed(app: StudyawsApp, data: DashboardData) -> None:
    """Once per run, on the dashboard: the exam date has passed, is the exam done?"""
    if data.exam_date is None or data.days_to_exam is None or data.days_to_exam >= 0:
        return
    if app.exam_done_asked:
        return
    app.exam_done_asked = True
    app.push_screen(ExamDoneScreen(data.exam_date.isoformat()))


class ExamDateScreen(ModalScreen[None]):
    """When is the exam? A date (and version) makes a plan; 'No exam date' is remembered."""

    CSS_PATH = "examdate.tcss"

    BINDINGS = [Binding("escape", "no_exam", "No exam date", id="plan-none")]

    @property
    def studyaws(self) -> StudyawsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        s = self.studyaws.ctx.settings
        versions = [(Content(code.upper()), code) for code in blueprint.available()]
        with Vertical(id="plan-dialog"):
            yield Static(Content("When is your exam?"), classes="title")
            yield Static(Content(INTRO), id="plan-intro")
            with Horizontal(classes="setting-row"):
                yield Label("Exam date (YYYY-MM-DD)")
                yield Input(s.exam_date, id="plan-date", placeholder="e.g. 2027-01-15")
            with Horizontal(classes="setting-row"):
                yield Label("Exam version")
                yield Select(
                    versions, value=s.exam_version or Select.NULL, id="plan-version", prompt="Automatic"
                )
            yield Static(id="plan-error")
            with Horizontal(id="plan-buttons"):
                yield Button(Content("Plan toward this date"), id="plan-save", variant="primary")
                yield Button(Content("No exam date (Esc)"), id="plan-skip")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "plan-save":
            self.save()
        elif event.button.id == "plan-skip":
            self.action_no_exam()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.save()

    def save(self) -> None:
        ctx = self.studyaws.ctx
        text = self.query_one("#plan-date", Input).value.strip()
        version = self.query_one("#plan-version", Select).value
        try:
            if not text:
                raise StudyawsError("exam date: enter a date like 2027-01-15, or choose 'No exam date'")
            values = plan.exam_values(
                ctx, text, version if isinstance(version, str) else "", ("exam date", "exam version")
            )
            values["exam_asked"] = True
            ctx.save_settings(ctx.settings._replace(**values))
        except StudyawsError as exc:
            self.query_one("#plan-error", Static).update(Content(inert(str(exc))))
            return
        except OSError as exc:
            self.query_one("#plan-error", Static).update(Content(inert(f"could not save: {exc}")))
            return
        self._done()

    def action_no_exam(self) -> None:
        with contextlib.suppress(OSError):  # then asked again next start: nothing else depends on it
            plan.remember_asked(self.studyaws.ctx)
        self._done()

    def _done(self) -> None:
        coll = self.studyaws.collection
        if coll is not None:
            plan.apply(coll)
        self.dismiss()


class ExamDoneScreen(ModalScreen[None]):
    """The exam date has passed: done (back to normal scheduling), a new date, or ask later."""

    CSS_PATH = "examdate.tcss"

    BINDINGS = [Binding("escape", "dismiss", "Later", id="plan-later")]

    def __init__(self, exam_date: str) -> None:
        super().__init__()
        self.exam_date = exam_date

    @property
    def studyaws(self) -> StudyawsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(id="plan-dialog"):
            yield Static(Content(f"Your exam day, {self.exam_date}, has passed."), classes="title")
            yield Static(
                Content(
                    "Is the exam done? Scheduling is back to normal either way; your review history is kept."
                ),
                id="plan-intro",
            )
            with Horizontal(id="plan-buttons"):
                yield Button(Content("Yes, it's done"), id="plan-done", variant="primary")
                yield Button(Content("No: new date"), id="plan-new-date")
                yield Button(Content("Later (Esc)"), id="plan-later-button")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "plan-done":
            try:
                plan.finish(self.studyaws.ctx)
            except OSError:
                self.notify("Could not save the settings.", severity="warning", markup=False)
            self.dismiss()
        elif event.button.id == "plan-new-date":
            self.dismiss()
            self.app.push_screen(ExamDateScreen())
        else:
            self.dismiss()
