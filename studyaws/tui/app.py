"""The studyaws Textual app: one factory for the CLI and the tests; heavy loading after the first frame."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from studyaws.service.context import AppContext

if TYPE_CHECKING:
    from studyaws.service.collection import Collection
    from studyaws.tui.screens.dashboard import DashboardScreen


def dashboard_class() -> type[DashboardScreen]:
    """Imported on first use: `studyaws review` shows its first card without loading the dashboard."""
    from studyaws.tui.screens.dashboard import DashboardScreen

    return DashboardScreen


class CollectionReady(Message):
    """The database is open and the decks are synced: studying can start."""


class CollectionFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class StudyawsApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "studyaws"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
    ]

    def __init__(
        self, ctx: AppContext, start: str = "dashboard", options: dict[str, object] | None = None
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.start = start
        self.options = options or {}
        self.collection: Collection | None = None
        self.error: str | None = None
        self.exam_done_asked = False  # the dashboard asks once per run whether a passed exam is done

    def get_default_screen(self) -> Screen[None]:
        # The starting screen is the base of the stack rather than pushed over Textual's blank default
        # screen: one screen less to mount and style before the first frame.
        if self.start == "review":
            from studyaws.tui.screens.review import ReviewScreen

            return ReviewScreen()  # the dashboard is built when the review is left, not before the first card
        return dashboard_class()()

    def on_mount(self) -> None:
        if self.ctx.settings.theme in self.available_themes:
            self.theme = self.ctx.settings.theme
        if self.start in ("quiz", "exam"):
            self.call_later(self.action_quiz if self.start == "quiz" else self.action_exam, **self.options)
        # After the first frame: SQLAlchemy, Alembic, YAML and the deck sync cost ~0.5 s together, and the
        # import holds the GIL, so give Textual's writer thread time to put the first frame on screen.
        self.set_timer(0.4, self.load_collection)

    @work(thread=True, exclusive=True, group="collection")
    def load_collection(self) -> None:
        from studyaws.errors import StudyawsError
        from studyaws.service.collection import open_collection

        try:
            coll = open_collection(self.ctx)
        except StudyawsError as exc:
            self.post_message(CollectionFailed(str(exc)))
            return
        self.collection = coll
        self.post_message(CollectionReady())

    def on_collection_ready(self, _: CollectionReady) -> None:
        for screen in self.screen_stack:
            if hasattr(screen, "collection_ready"):
                screen.collection_ready()
        self.ask_exam_date()

    def ask_exam_date(self) -> None:
        """At first start, on the dashboard: when is the exam? Asked once ('no exam date' is remembered)."""
        s = self.ctx.settings
        first = self.start == "dashboard" and not (s.exam_asked or s.exam_date)
        if first and isinstance(self.screen, dashboard_class()):
            from studyaws.tui.screens.examdate import ExamDateScreen

            self.push_screen(ExamDateScreen())

    def on_collection_failed(self, message: CollectionFailed) -> None:
        # The CLI prints this after the terminal is restored: one line per problem, exit code 1.
        self.error = message.error
        self.exit(return_code=1)

    def watch_theme(self, theme: str) -> None:
        if theme != self.ctx.settings.theme:
            try:
                self.ctx.save_settings(self.ctx.settings._replace(theme=theme))
            except OSError:
                self.notify("Could not save the theme to the config file.", severity="warning", markup=False)

    # -- actions (every one has a key and a palette entry) ------------------------------------------------

    def action_review(self) -> None:
        from studyaws.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen())

    def leave_to_dashboard(self) -> None:
        """Back to the dashboard: pop to it, or build it if the app started straight in a review."""
        dashboard = dashboard_class()
        if any(isinstance(s, dashboard) for s in self.screen_stack[:-1]):
            self.pop_screen()
        else:
            self.show_instead(dashboard())

    def show_instead(self, screen: Screen[None]) -> None:
        """Show `screen` in place of the current one. Textual cannot switch out the base of the stack (it was
        never pushed): over the base, a review the app started in, the new screen is pushed instead."""
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def action_quiz(self, **options: object) -> None:
        from studyaws.tui.screens.quiz import QuizScreen

        self.push_screen(QuizScreen(**options))  # type: ignore[arg-type]

    def action_exam(self, **options: object) -> None:
        from studyaws.tui.screens.exam import ExamStartScreen

        self.push_screen(ExamStartScreen(**options))  # type: ignore[arg-type]

    def action_stats(self) -> None:
        from studyaws.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def action_drills(self) -> None:
        from studyaws.tui.screens.drills import DrillsScreen

        self.push_screen(DrillsScreen())

    def action_settings(self) -> None:
        from studyaws.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen())

    def action_help(self) -> None:
        from studyaws.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Review due cards", "Study the cards due now (r)", self.action_review)
        yield SystemCommand("Quiz", "Scenario questions with every option explained (z)", self.action_quiz)
        yield SystemCommand("Mock exam", "65 questions, 130 minutes, scored by domain (e)", self.action_exam)
        yield SystemCommand("Calculator drills", "Exam arithmetic with fresh numbers (d)", self.action_drills)
        yield SystemCommand("Statistics", "Forecast, retention, answer buttons (s)", self.action_stats)
        yield SystemCommand(
            "Settings", "Limits, rollover hour, exam version and date, theme", self.action_settings
        )
        yield SystemCommand(
            "Toggle light/dark", "Switch between light and dark themes", self.action_toggle_dark
        )
        yield SystemCommand("Help", "Keys for every screen (?)", self.action_help)

    def on_unmount(self) -> None:
        if self.collection is not None:
            self.collection.close()


def make_app(
    ctx: AppContext, start: str = "dashboard", options: dict[str, object] | None = None
) -> StudyawsApp:
    """The app factory shared by the CLI and the tests."""
    return StudyawsApp(ctx, start, options)
