"""Settings: daily limits, day rollover hour, exam version and date, theme; saved to config.toml."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Select, Static

from studyaws import config
from studyaws.core.text import inert
from studyaws.decks import blueprint
from studyaws.errors import ConfigError, UsageError
from studyaws.service import plan
from studyaws.tui.widgets.keybar import KeyBar
from studyaws.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from studyaws.tui.app import StudyawsApp

NUMBERS = ("new_per_day", "reviews_per_day", "rollover_hour", "minutes_per_day")
LABELS = {
    "minutes_per_day": "Minutes a day (exam plan)",
    "new_per_day": "New cards per day",
    "reviews_per_day": "Reviews per day",
    "rollover_hour": "Day starts at (hour)",
    "exam_version": "Exam version",
    "exam_date": "Exam date (YYYY-MM-DD)",
    "theme": "Theme",
    "scheduler": "Scheduler",
    "desired_retention": "Desired retention (FSRS)",
}
SCHEDULERS = (("SM-2 (Anki's classic)", "sm2"), ("FSRS", "fsrs"))


class SettingsScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings-save"),
        Binding("escape", "app.pop_screen", "Back", id="settings-back"),
    ]

    @property
    def studyaws(self) -> StudyawsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        s = self.studyaws.ctx.settings
        yield TitleBar()
        with VerticalScroll(id="settings-body"):
            for name in NUMBERS:
                with Horizontal(classes="setting-row"):
                    yield Label(LABELS[name])
                    yield Input(str(getattr(s, name)), id=f"set-{name}", type="integer")
            versions = [(Content(code.upper()), code) for code in blueprint.available()]
            with Horizontal(classes="setting-row"):
                yield Label(LABELS["exam_version"])
                yield Select(versions, value=s.exam_version or Select.NULL, id="set-exam_version",
                             prompt="Automatic")  # fmt: skip
            with Horizontal(classes="setting-row"):
                yield Label(LABELS["exam_date"])
                yield Input(s.exam_date, id="set-exam_date", placeholder="none")
            with Horizontal(classes="setting-row"):
                yield Label(LABELS["scheduler"])
                yield Select([(Content(label), code) for label, code in SCHEDULERS], value=s.scheduler,
                             id="set-scheduler", allow_blank=False)  # fmt: skip
            with Horizontal(classes="setting-row"):
                yield Label(LABELS["desired_retention"])
                yield Input(f"{s.desired_retention:g}", id="set-desired_retention", type="number")
            themes = [(Content(t), t) for t in sorted(self.app.available_themes)]
            with Horizontal(classes="setting-row"):
                yield Label(LABELS["theme"])
                yield Select(themes, value=self.app.theme, id="set-theme", allow_blank=False)
            yield Static(id="settings-error")
            yield Button(Content("Save (Ctrl+S)"), id="settings-save-button", variant="primary")
            yield Static(Content("Daily reminder"), classes="title")
            yield Static(id="reminder-status")
            with Horizontal(classes="setting-row"):
                yield Label("Remind me at (HH:MM)")
                yield Input("19:00", id="reminder-at")
            with Horizontal(classes="setting-row"):
                yield Label("Quiet hours (optional)")
                yield Input("", id="reminder-quiet", placeholder="22:00-07:00")
            with Horizontal(classes="setting-row"):
                yield Button(Content("Install reminder"), id="reminder-install")
                yield Button(Content("Remove reminder"), id="reminder-remove")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_reminder()

    def show_reminder(self, result: list[str] | None = None) -> None:
        """The reminder's state as `studyaws remind status` reports it, after the last action's output."""
        import os

        from studyaws.errors import StudyawsError
        from studyaws.reminders import manage
        from studyaws.reminders.runner import default_runner

        ctx = self.studyaws.ctx
        try:
            lines = manage.status("auto", None, os.environ, default_runner, ctx.now(), str(ctx.paths.state))
        except (StudyawsError, OSError) as exc:
            lines = [str(exc)]
        text = "\n".join([*(result or []), *([""] if result else []), *lines])
        self.query_one("#reminder-status", Static).update(Content(inert(text)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "settings-save-button":
            self.action_save()
        elif event.button.id in ("reminder-install", "reminder-remove"):
            self.change_reminder(install=event.button.id == "reminder-install")

    def change_reminder(self, install: bool) -> None:
        import os

        from studyaws.errors import StudyawsError
        from studyaws.reminders import manage
        from studyaws.reminders.runner import default_runner

        try:
            if install:
                at = self.query_one("#reminder-at", Input).value.strip()
                quiet = self.query_one("#reminder-quiet", Input).value.strip() or None
                now = self.studyaws.ctx.now()
                result = manage.install(at, quiet, "auto", True, None, os.environ, default_runner, now)
            else:
                result = manage.remove("auto", None, os.environ, default_runner)
        except (StudyawsError, OSError) as exc:
            result = [f"Could not {'install' if install else 'remove'} the reminder: {exc}"]
        self.show_reminder(result)

    @work(thread=True, exclusive=True, group="scheduler")
    def switch_scheduler(self, new: config.Settings) -> None:
        """Rebuild (to FSRS) or drop (to SM-2) the memory states, then save (seconds for 100k cards)."""
        from studyaws.errors import StudyawsError
        from studyaws.service.memory import switch_scheduler

        self.app.call_from_thread(self.notify, "Switching the scheduler…", markup=False)
        try:
            message = switch_scheduler(self.studyaws.ctx, new)
        except (StudyawsError, OSError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self.saved, message)

    def action_save(self) -> None:
        ctx = self.studyaws.ctx
        error = self.query_one("#settings-error", Static)
        try:
            values: dict[str, Any] = {}
            for name in NUMBERS:
                values[name] = config.parse_value(name, self.query_one(f"#set-{name}", Input).value.strip())
            exam_date = self.query_one("#set-exam_date", Input).value.strip()
            version = self.query_one("#set-exam_version", Select).value
            version = version if isinstance(version, str) else ""
            try:  # the exam plan's checks: a real date, not past, a version that can be taken then
                values.update(plan.exam_values(ctx, exam_date, version, ("exam date", "exam version")))
            except UsageError as exc:
                raise ConfigError(str(exc)) from None
            theme = self.query_one("#set-theme", Select).value
            if isinstance(theme, str):
                values["theme"] = theme
            scheduler = self.query_one("#set-scheduler", Select).value
            values["scheduler"] = scheduler if isinstance(scheduler, str) else ctx.settings.scheduler
            retention = self.query_one("#set-desired_retention", Input).value.strip()
            values["desired_retention"] = config.parse_value("desired_retention", retention)
        except ConfigError as exc:
            error.update(Content(str(exc)))
            return
        error.update(Content(""))
        new = ctx.settings._replace(**values)
        if new.scheduler != ctx.settings.scheduler:
            self.switch_scheduler(new)  # the collection follows first, then the settings are saved
            return
        ctx.save_settings(new)
        self.saved("")

    def saved(self, message: str) -> None:
        """After saving: the open collection schedules with the new settings, the theme applies."""
        ctx = self.studyaws.ctx
        coll = self.studyaws.collection
        if coll is not None:
            from studyaws.service import plan
            from studyaws.service.collection import scheduler_for

            coll.scheduler = scheduler_for(ctx)
            plan.apply(coll)  # capped at the exam day again, if one lies ahead
        if ctx.settings.theme in self.app.available_themes:
            self.app.theme = ctx.settings.theme
        self.notify(" ".join(filter(None, [f"Saved to {ctx.paths.config_file}.", message])), markup=False)
