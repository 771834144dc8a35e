"""The end of a review session: what was done, then back to the dashboard."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from studyaws.tui.widgets.keybar import KeyBar
from studyaws.tui.widgets.titlebar import TitleBar


class SummaryScreen(Screen[None]):
    BINDINGS = [
        Binding("enter,escape,space", "done", "Dashboard", id="summary-done"),
    ]

    def __init__(self, answered: int, again: int, minutes: float) -> None:
        super().__init__()
        self.answered = answered
        self.again = again
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        yield TitleBar()
        rate = f"{self.again / self.answered:.0%}" if self.answered else "—"
        text = (
            "Session complete: nothing more is due right now.\n\n"
            f"Cards answered  {self.answered}\n"
            f"Time            {self.minutes:.1f} min\n"
            f"Again rate      {rate}\n\n"
            "Press Enter to return to the dashboard."
        )
        yield Static(Content(text), id="summary")
        yield KeyBar()

    def action_done(self) -> None:
        from studyaws.tui.app import StudyawsApp

        app = self.app
        assert isinstance(app, StudyawsApp)
        app.leave_to_dashboard()
