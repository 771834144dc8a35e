"""Calculator drills: an exam-style problem with fresh numbers, a typed answer, the verdict and every step."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from studyaws.core.text import inert
from studyaws.tui.widgets.keybar import KeyBar
from studyaws.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from studyaws.service.drills import DrillProblem, DrillSession
    from studyaws.tui.app import StudyawsApp


class DrillsScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+n", "next_problem", "Next problem", id="drill-next"),
        Binding("ctrl+t", "toggle_choice", "Multiple choice on/off", id="drill-choice"),
        Binding("escape", "app.pop_screen", "Back", id="drill-back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.session: DrillSession | None = None
        self.problem: DrillProblem | None = None
        self.choice = False
        self.answered = False
        self.shown_at = time.monotonic()

    @property
    def studyaws(self) -> StudyawsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="drill-body"):
            yield Static(id="drill-kind", classes="muted")
            yield Static(id="drill-text")
            yield Static(id="drill-options")
            yield Input(id="drill-answer", placeholder="Your answer: a number (or a letter), then Enter")
            yield Static(id="drill-result")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.studyaws.collection is not None:
            self.collection_ready()
        else:
            self.query_one("#drill-text", Static).update(Content("Opening your collection…"))

    def collection_ready(self) -> None:
        from studyaws.service.drills import DrillSession

        coll = self.studyaws.collection
        assert coll is not None
        self.session = DrillSession(coll)
        self.action_next_problem()

    def action_next_problem(self) -> None:
        if self.session is None:
            return
        self.problem = self.session.problem(self.session.next_kind(), choice=self.choice)
        self.answered = False
        self.shown_at = time.monotonic()
        p = self.problem
        self.query_one("#drill-kind", Static).update(Content(f"{p.kind} · seed {p.seed}"))
        self.query_one("#drill-text", Static).update(Content(inert(p.text)))
        options = "\n".join(f"{'abcdefgh'[i]}. {inert(o)}" for i, o in enumerate(p.options))
        self.query_one("#drill-options", Static).update(Content(options))
        self.query_one("#drill-result", Static).update(Content(""))
        answer = self.query_one("#drill-answer", Input)
        answer.value = ""
        answer.focus()

    def action_toggle_choice(self) -> None:
        self.choice = not self.choice
        self.notify("Multiple choice on." if self.choice else "Typed answers.", markup=False)
        self.action_next_problem()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from studyaws.service.drills import UnreadableAnswerError

        if self.session is None or self.problem is None:
            return
        if self.answered:
            self.action_next_problem()
            return
        try:
            outcome = self.session.answer(
                self.problem, event.value, int((time.monotonic() - self.shown_at) * 1000)
            )
        except UnreadableAnswerError as exc:
            self.query_one("#drill-result", Static).update(Content(inert(str(exc))))
            return
        self.answered = True
        lines = ["Right!" if outcome.correct else f"Not quite. The answer is {outcome.answer}."]
        if outcome.mistake and not outcome.correct:
            lines.append(outcome.mistake)
        lines += ["", "Steps:", *(f"  {i}. {step}" for i, step in enumerate(outcome.steps, 1))]
        lines += [*(f"Note: {w}" for w in outcome.warnings), f"Source: {outcome.source}"]
        lines.append(f"This kind comes back in {outcome.next_in}. Enter or Ctrl+N for the next problem.")
        self.query_one("#drill-result", Static).update(Content(inert("\n".join(lines))))
