"""`studyaws remind`: a daily desktop reminder when cards are due (systemd timer, cron or launchd)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from studyaws import config
from studyaws.cli.main import CONTEXT, pass_ctx
from studyaws.clock import clock_from_env

if TYPE_CHECKING:
    from studyaws.service.context import AppContext

# reminders.manage is imported inside the commands: python-crontab imports asyncio, which `remind run` and
# `--help` do not need.

BACKEND_HELP = "auto (systemd user timer if a user manager runs, launchd on macOS, else cron), systemd, cron"
CRONTAB_HELP = (
    "cron: edit this crontab file instead of your crontab (which goes through the crontab program)."
)


@click.group(context_settings=CONTEXT)
def remind() -> None:
    """A daily desktop notification when cards are due (systemd timer, cron or launchd)."""


@remind.command("install", context_settings=CONTEXT)
@click.option("--at", "at", default="19:00", show_default=True, metavar="HH:MM", help="Local time of day.")
@click.option(
    "--backend", default="auto", show_default=True, metavar="NAME", help=BACKEND_HELP + ", launchd."
)
@click.option(
    "--quiet-hours",
    metavar="HH:MM-HH:MM",
    help="Never notify in this range (may span midnight: 22:00-07:00).",
)
@click.option("--no-enable", is_flag=True, help="Only write the timer/agent files; do not enable them.")
@click.option("--crontab-file", metavar="PATH", help=CRONTAB_HELP)
def install(
    at: str, backend: str, quiet_hours: str | None, no_enable: bool, crontab_file: str | None
) -> None:
    """Schedule `studyaws remind run` daily; installing again replaces the earlier reminder."""
    from studyaws.reminders import manage
    from studyaws.reminders.runner import default_runner

    now = clock_from_env()()
    lines = manage.install(
        at, quiet_hours, backend, not no_enable, crontab_file, os.environ, default_runner, now
    )
    for line in lines:
        click.echo(line)


@remind.command("remove", context_settings=CONTEXT)
@click.option(
    "--backend", default="auto", show_default=True, metavar="NAME", help="Where to look: " + BACKEND_HELP
)
@click.option("--crontab-file", metavar="PATH", help=CRONTAB_HELP)
def remove(backend: str, crontab_file: str | None) -> None:
    """Remove exactly what `remind install` added (and disable the timer)."""
    from studyaws.reminders import manage
    from studyaws.reminders.runner import default_runner

    for line in manage.remove(backend, crontab_file, os.environ, default_runner):
        click.echo(line)


@remind.command("status", context_settings=CONTEXT)
@click.option(
    "--backend", default="auto", show_default=True, metavar="NAME", help="Where to look: " + BACKEND_HELP
)
@click.option("--crontab-file", metavar="PATH", help=CRONTAB_HELP)
def status(backend: str, crontab_file: str | None) -> None:
    """Show the backend, the schedule, the next reminder and when a reminder last ran."""
    from studyaws.paths import resolve
    from studyaws.reminders import manage
    from studyaws.reminders.runner import default_runner

    now = clock_from_env()()
    state_dir = str(resolve().state)
    for line in manage.status(backend, crontab_file, os.environ, default_runner, now, state_dir):
        click.echo(line)


@remind.command("run", context_settings=CONTEXT)
@click.option("--dry-run", is_flag=True, help="Print the notification instead of sending it; record nothing.")
@click.option("--quiet-hours", metavar="HH:MM-HH:MM", help="Send nothing in this range (may span midnight).")
@pass_ctx
def run(ctx: AppContext, dry_run: bool, quiet_hours: str | None) -> None:
    """Notify if cards are due (what the timer runs). Silent when it sends or nothing is due; exits 0."""
    from studyaws.core.reminder import due_count, is_quiet
    from studyaws.dueview import DueReport, due_report
    from studyaws.reminders import examsettings
    from studyaws.reminders.deliver import deliver, quiet_option

    quiet = quiet_option(quiet_hours)
    now = ctx.now()
    s = ctx.settings
    examsettings.sync(ctx.paths.config_file, ctx.paths.remind_settings, s.exam_version, s.exam_date)
    count = 0
    if not is_quiet(now, quiet):
        from studyaws.service.collection import open_collection

        coll = open_collection(ctx)
        try:
            report = coll.repo.raw_counts(due_report, now=now, **config.due_args(s))
        finally:
            coll.close()
        assert isinstance(report, DueReport)
        count = due_count(report.due_now, report.new_available_today)
    deliver(now, quiet, count, s.exam_version, s.exam_date, str(ctx.paths.state), dry_run)
