"""The exam's review grid (before submitting), the result with its per-domain breakdown, and the review."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from studyaws.core.mockexam import SCALED_NOTE
from studyaws.core.questions import format_choice
from studyaws.core.text import inert
from studyaws.service.exam import ExamSession
from studyaws.tui.widgets.keybar import KeyBar
from studyaws.tui.widgets.titlebar import TitleBar

SUBMIT = -1


class ExamGridScreen(ModalScreen[int | None]):
    """Every question with its answer and flag: pick one to go back to it, or submit."""

    CSS_PATH = "practice.tcss"

    BINDINGS = [Binding("escape", "dismiss(None)", "Back to the question", id="grid-back")]

    def __init__(self, session: ExamSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        a = self.session.attempt
        with Vertical(id="grid-dialog"):
            counts = (len(a.answers), len(a.unanswered()), len(a.flagged()))
            summary = "{} answered · {} unanswered · {} flagged (⚑)".format(*counts)
            yield Static(summary, id="grid-summary")
            with Grid(id="grid-cells"):
                for i, qid in enumerate(a.question_ids):
                    chosen = format_choice(a.answers.get(qid, frozenset())) or "–"
                    flag = "⚑" if qid in a.flags else ""
                    classes = "cell unanswered" if qid not in a.answers else "cell"
                    yield Button(f"{i + 1} {chosen}{flag}", id=f"cell-{i}", classes=classes, compact=True)
            yield Button("Submit the exam", id="grid-submit", variant="error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button == "grid-submit":
            self.dismiss(SUBMIT)
        elif button.startswith("cell-"):
            self.dismiss(int(button.removeprefix("cell-")))


class ExamResultScreen(Screen[None]):
    CSS_PATH = "practice.tcss"

    BINDINGS = [
        Binding("r", "review", "Review every question", id="result-review"),
        Binding("escape", "app.pop_screen", "Back", id="result-back"),
    ]

    def __init__(self, session: ExamSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="result-body"):
            yield Static(id="result-score")
            yield Static(id="result-domains")
            yield Static(SCALED_NOTE, id="result-note", classes="muted")
        yield KeyBar()

    def on_mount(self) -> None:
        result = self.session.result
        if result is None:
            result = self.session.submit()
        verdict = "PASS" if result.passed else "FAIL"
        lines = [
            f"{result.correct} of {result.total} right ({result.percent:.0f} %)",
            f"Estimated scaled score {result.scaled}: {verdict} (pass mark {result.passing_score})",
        ]
        if result.timed_out:
            lines.append("Time ran out: the exam was submitted for you.")
        if result.unanswered:
            lines.append(f"{result.unanswered} left unanswered (counted wrong).")
        score = self.query_one("#result-score", Static)
        score.update(Content("\n".join(lines)))
        score.set_class(result.passed, "right")
        score.set_class(not result.passed, "wrong")
        bars = []
        for d in result.domains:
            filled = round(d.percent / 5)
            bars.append(
                f"Domain {d.domain}: {'█' * filled}{'░' * (20 - filled)} "
                f"{d.correct}/{d.total} ({d.percent:.0f} %)"
            )
        bars.append("\nr: go through every question with its explanations")
        self.query_one("#result-domains", Static).update(Content("\n".join(bars)))

    def action_review(self) -> None:
        self.app.push_screen(ExamReviewScreen(self.session))


class ExamReviewScreen(Screen[None]):
    """Every question of a submitted attempt: the learner's answer, the key and why each option is so."""

    CSS_PATH = "practice.tcss"

    BINDINGS = [
        Binding("n,right", "move(1)", "Next", id="review-next"),
        Binding("p,left", "move(-1)", "Previous", id="review-prev"),
        Binding("w", "next_wrong", "Next wrong", id="review-wrong"),
        Binding("escape", "app.pop_screen", "Back", id="review-back"),
    ]

    def __init__(self, session: ExamSession) -> None:
        super().__init__()
        self.items = session.review()
        self.version = session.attempt.version
        self.index = 0

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="exam-review-status")
        with VerticalScroll(id="exam-review-body"):
            yield Static(id="exam-review-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        item = self.items[self.index]
        q = item.question
        verdict = "right" if item.correct else "wrong"
        flag = " · ⚑" if item.flagged else ""
        task = q.task.get(self.version, "?")
        status = f"Question {item.number} of {len(self.items)} · {verdict}{flag} · task {task}"
        self.query_one("#exam-review-status", Static).update(Content(status))
        lines = [inert(q.stem.strip()), ""]
        for letter, opt in zip(q.letters, q.options, strict=True):
            mine = " ← your choice" if letter in item.chosen else ""
            lines.append(f"{letter}. {inert(opt.text)}{mine}")
            lines.append(f"   {'right' if opt.correct else 'wrong'}: {inert(opt.why)}")
        lines.append("")
        lines.append(f"Answer: {format_choice(q.right)} · yours: {format_choice(item.chosen) or '(none)'}")
        lines += [f"Source: {inert(url)}" for url in q.sources]
        self.query_one("#exam-review-text", Static).update(Content("\n".join(lines)))

    def action_move(self, step: int) -> None:
        self.index = min(max(self.index + step, 0), len(self.items) - 1)
        self.show()

    def action_next_wrong(self) -> None:
        for i in range(self.index + 1, len(self.items)):
            if not self.items[i].correct:
                self.index = i
                self.show()
                return
        self.notify("No more wrong answers after this one.", markup=False)
