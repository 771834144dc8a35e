"""Mock exam: choose (resume, full exam, one section), then questions on a countdown with flags and a grid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from studyaws.core.fmt import clock_time
from studyaws.core.text import inert
from studyaws.tui.widgets.keybar import KeyBar
from studyaws.tui.widgets.options import OptionPicker
from studyaws.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from studyaws.service.exam import ExamSession
    from studyaws.tui.app import StudyawsApp

SAVE_EVERY_S = 5  # the countdown is saved this often as well as on every change


class ExamStartScreen(Screen[None]):
    """Start a mock exam or a section, or continue the unfinished one; past attempts below."""

    CSS_PATH = "practice.tcss"

    BINDINGS = [
        Binding("x", "press('exam-mock')", "Mock exam", id="exam-start-mock"),
        Binding("c", "press('exam-resume')", "Continue", id="exam-start-resume"),
        *(Binding(d, f"press('exam-section-{d}')", f"Section {d}", show=False) for d in "1234"),
        Binding("escape", "app.pop_screen", "Back", id="exam-start-back"),
    ]

    def __init__(
        self,
        version: str | None = None,
        domain: str | None = None,
        count: int | None = None,
        resume: bool = False,
    ) -> None:
        super().__init__()
        self.version = version
        self.domain = domain
        self.count = count
        self.resume = resume

    @property
    def studyaws(self) -> StudyawsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="exam-start"):
            yield Static("Opening your collection…", id="exam-intro")
            yield Button("c  Continue the unfinished exam", id="exam-resume", classes="hidden", compact=True)
            yield Button("x  Start a mock exam", id="exam-mock", compact=True)
            for d in "1234":
                yield Button(f"{d}  Section practice: domain {d}", id=f"exam-section-{d}", compact=True)
            yield Static(id="exam-history", classes="muted")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.studyaws.collection is not None:
            self.collection_ready()

    def collection_ready(self) -> None:
        from studyaws.decks import blueprint
        from studyaws.errors import StudyawsError
        from studyaws.service.exam import ExamSession
        from studyaws.service.quiz import exam_version
        from studyaws.storage import practice_repo

        coll = self.studyaws.collection
        assert coll is not None
        try:
            active = ExamSession.resume(coll)
        except StudyawsError as exc:
            self.query_one("#exam-intro", Static).update(Content(inert(str(exc))))
            return
        if active is not None and self.resume:
            self.app.switch_screen(ExamScreen(active))
            return
        if active is None and (self.resume or self.domain or self.count or self.version):
            if self.resume:
                self.notify("No unfinished exam: start a new one.", markup=False)
            else:
                self._start(self.domain)
                return
        version = self.version or exam_version(coll)
        bp = blueprint.load(version)
        intro = (
            f"{bp.name}: {bp.questions} questions in {bp.minutes} minutes, pass mark {bp.passing_score}.\n"
            "Move with n/p, flag with m, see the grid with g; time out submits for you."
        )
        self.query_one("#exam-intro", Static).update(Content(inert(intro)))
        if active is not None:
            resume = self.query_one("#exam-resume", Button)
            left = clock_time(active.attempt.remaining_ms)
            resume.label = Content(
                f"c  Continue the unfinished exam ({len(active.attempt.answers)} answered, {left} left)"
            )
            resume.remove_class("hidden")
            resume.focus()
        else:
            self.query_one("#exam-mock", Button).focus()
        for d in bp.domains:
            self.query_one(f"#exam-section-{d.number}", Button).label = Content(
                inert(f"{d.number}  Section practice: domain {d.number} {d.name} ({d.weight} %)")
            )
        rows = practice_repo.history(coll.engine, limit=8)
        lines = ["Past attempts:"] if rows else ["No attempts yet."]
        for r in rows:
            lines.append(f"  #{r.id} {r.version} {r.describe()}")
        self.query_one("#exam-history", Static).update(Content("\n".join(lines)))

    def action_press(self, button_id: str) -> None:
        button = self.query_one(f"#{button_id}", Button)
        if not button.has_class("hidden"):
            button.press()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        from studyaws.service.exam import ExamSession

        button = event.button.id or ""
        coll = self.studyaws.collection
        if coll is None:
            return
        if button == "exam-resume":
            active = ExamSession.resume(coll)
            if active is not None:
                self.app.switch_screen(ExamScreen(active))
        elif button == "exam-mock":
            self._start(None)
        elif button.startswith("exam-section-"):
            self._start(button.removeprefix("exam-section-"))

    def _start(self, domain: str | None) -> None:
        from studyaws.errors import StudyawsError
        from studyaws.service.exam import ExamSession

        coll = self.studyaws.collection
        assert coll is not None
        try:
            session = ExamSession.start(coll, self.version, domain, self.count)
        except StudyawsError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.app.switch_screen(ExamScreen(session))


class ExamScreen(Screen[None]):
    CSS_PATH = "practice.tcss"

    BINDINGS = [
        Binding("enter,n,right", "move(1)", "Next", id="exam-next"),
        Binding("p,left", "move(-1)", "Previous", id="exam-prev"),
        # Not f: letters a-f pick options (a multiple-response question has up to six).
        Binding("m", "flag", "Flag for review", id="exam-flag"),
        Binding("g", "grid", "Review grid", id="exam-grid"),
        Binding("s", "submit", "Submit", id="exam-submit"),
        Binding("escape", "leave", "Pause", id="exam-leave"),
    ]

    def __init__(self, session: ExamSession) -> None:
        super().__init__()
        self.session = session
        self.ticks = 0

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="exam-status")
        with VerticalScroll(id="exam-body"):
            yield Static(id="exam-stem")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        s = self.session
        if s.finished:
            return
        if s.check_time():
            self.notify("Time is up: the exam has been submitted.", markup=False)
            self._results()
            return
        self.ticks += 1
        if self.ticks % SAVE_EVERY_S == 0:
            s.save()
        self._status()

    def _status(self) -> None:
        a = self.session.attempt
        flag = " · ⚑ flagged" if a.current in a.flags else ""
        text = (
            f"Question {a.position + 1} of {len(a.question_ids)}{flag} · "
            f"{len(a.answers)} answered · {clock_time(self.session.time_left_ms())} left"
        )
        self.query_one("#exam-status", Static).update(Content(text))

    def show(self) -> None:
        for picker in self.query(OptionPicker):
            picker.remove()
        s = self.session
        q = s.question
        self.query_one("#exam-stem", Static).update(Content(inert(q.prompt())))
        chosen = s.attempt.answers.get(s.attempt.current, frozenset())
        picker = OptionPicker(q.options, multi=q.kind == "multiple", grading=False, picked=chosen)
        self.query_one("#exam-body").mount(picker, after="#exam-stem")
        picker.focus()
        self._status()

    def on_option_picker_changed(self, message: OptionPicker.Changed) -> None:
        if not self.session.finished:
            self.session.answer(message.chosen)
            if self.session.finished:
                self._results()
                return
            self._status()

    def action_move(self, step: int) -> None:
        a = self.session.attempt
        target = a.position + step
        if target >= len(a.question_ids):
            self.action_grid()
            return
        self.goto(target)

    def goto(self, index: int) -> None:
        if self.session.finished:
            return
        self.session.goto(index)
        self.show()

    def action_flag(self) -> None:
        flagged = self.session.toggle_flag()
        self.notify("Flagged for review." if flagged else "Flag removed.", markup=False)
        self._status()

    def action_grid(self) -> None:
        from studyaws.tui.screens.exam_results import ExamGridScreen

        self.app.push_screen(ExamGridScreen(self.session), self._after_grid)

    def _after_grid(self, choice: int | None) -> None:
        if choice is None:
            return
        if choice < 0:
            self.session.submit()
            self._results()
        else:
            self.goto(choice)

    def action_submit(self) -> None:
        self.action_grid()

    def _results(self) -> None:
        from studyaws.tui.screens.exam_results import ExamResultScreen

        self.app.switch_screen(ExamResultScreen(self.session))

    def on_unmount(self) -> None:
        if not self.session.finished:
            self.session.save()  # the countdown too, e.g. when the app is quit with q

    def action_leave(self) -> None:
        self.session.save()
        left = clock_time(self.session.time_left_ms())
        self.notify(f"Exam paused with {left} left: continue it from Mock exam (e).", markup=False)
        self.app.pop_screen()
