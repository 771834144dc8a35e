"""Quiz: one scenario question at a time; after each answer the verdict and every option's explanation."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from studyaws.core.questions import format_choice
from studyaws.core.text import inert
from studyaws.tui.widgets.keybar import KeyBar
from studyaws.tui.widgets.options import OptionPicker
from studyaws.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from studyaws.service.quiz import QuizSession
    from studyaws.tui.app import StudyawsApp


def question_header(number: int, total: int, version: str, domain: str, task: str, difficulty: str) -> str:
    return f"Question {number} of {total} · {version} domain {domain} · task {task} · {difficulty}"


class QuizScreen(Screen[None]):
    CSS_PATH = "practice.tcss"

    BINDINGS = [
        Binding("n", "next_question", "Next question", id="quiz-next"),
        Binding("o", "open_source", "Open source", id="quiz-source"),
        Binding("escape", "app.pop_screen", "Back", id="quiz-back"),
    ]

    def __init__(
        self,
        domain: str | None = None,
        task: str | None = None,
        count: int = 10,
        version: str | None = None,
    ) -> None:
        super().__init__()
        self.options = {"domain": domain, "task": task, "count": count, "version": version}
        self.session: QuizSession | None = None
        self.answered = False
        self.shown_at = time.monotonic()

    @property
    def studyaws(self) -> StudyawsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="quiz-status", classes="muted")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="quiz-stem")
            yield Static(id="quiz-verdict")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.studyaws.collection is not None:
            self.collection_ready()
        else:
            self.query_one("#quiz-stem", Static).update(Content("Opening your collection…"))

    def collection_ready(self) -> None:
        from studyaws.errors import StudyawsError
        from studyaws.service.quiz import QuizSession

        coll = self.studyaws.collection
        assert coll is not None
        try:
            self.session = QuizSession(coll, **self.options)  # type: ignore[arg-type]
        except StudyawsError as exc:
            self.query_one("#quiz-stem", Static).update(Content(inert(str(exc))))
            return
        self.show()

    def show(self) -> None:
        s = self.session
        assert s is not None
        for picker in self.query(OptionPicker):
            picker.remove()
        self.answered = False
        verdict = self.query_one("#quiz-verdict", Static)
        verdict.update(Content(""))
        q = s.current
        if q is None:
            share = f" ({s.right / s.index:.0%})" if s.index else ""
            self.query_one("#quiz-status", Static).update(
                Content(f"Quiz over: {s.right} of {s.index} right{share}")
            )
            self.query_one("#quiz-stem", Static).update(
                Content(
                    "Missed questions come first next time; flashcards on their tasks are due today."
                    "\nEsc: back"
                )
            )
            return
        v = s.version
        header = question_header(s.index + 1, len(s.questions), v, q.domain[v], q.task[v], q.difficulty)
        self.query_one("#quiz-status", Static).update(Content(f"{header} · {s.right} right so far"))
        self.query_one("#quiz-stem", Static).update(Content(inert(q.prompt())))
        picker = OptionPicker(q.options, multi=q.kind == "multiple", need=q.choose)
        self.query_one("#quiz-body").mount(picker, after="#quiz-stem")
        picker.focus()
        self.shown_at = time.monotonic()

    def on_option_picker_submitted(self, message: OptionPicker.Submitted) -> None:
        s = self.session
        if s is None or s.current is None or self.answered:
            return
        q = s.current
        feedback = s.answer(message.chosen, int((time.monotonic() - self.shown_at) * 1000))
        self.answered = True
        right = format_choice(q.right)
        lines = ["Right." if feedback.correct else f"Wrong: the answer is {right}."]
        lines += [f"Source: {url}" for url in q.sources]
        if feedback.cards_due_again:
            lines.append(
                f"{feedback.cards_due_again} flashcard(s) on task {q.task[s.version]} are due again today."
            )
        lines.append("n: next question")
        verdict = self.query_one("#quiz-verdict", Static)
        verdict.update(Content(inert("\n".join(lines))))
        verdict.set_class(not feedback.correct, "wrong")
        verdict.set_class(feedback.correct, "right")
        # The verdict also goes in the status line, which stays on screen however long the explanations are.
        status = self.query_one("#quiz-status", Static)
        mark = "Right" if feedback.correct else f"Wrong (answer {right})"
        status.update(
            Content(f"Question {s.index} of {len(s.questions)}: {mark} · n next · {s.right} right so far")
        )

    def action_next_question(self) -> None:
        if self.session is not None and self.answered:
            self.show()

    def action_open_source(self) -> None:
        s = self.session
        if s is None or not self.answered or s.index == 0:
            return
        url = s.questions[s.index - 1].sources[0]
        self.app.open_url(url)
        self.notify(f"Source: {url}", markup=False, timeout=8)
