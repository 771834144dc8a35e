"""The `studyaws` command group, its error handling, and the small commands (due, config)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from studyaws import __version__, config
from studyaws.errors import StudyawsError
from studyaws.service.context import AppContext, make_context

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
F = TypeVar("F", bound=Callable[..., Any])


def pass_ctx(fn: F) -> F:
    """Give a command the AppContext built once by the group (the app factory)."""

    @click.pass_context
    def wrapper(click_ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        return click_ctx.invoke(fn, click_ctx.ensure_object(Holder).get(), *args, **kwargs)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper  # type: ignore[return-value]


class Holder:
    """Builds the AppContext lazily, so `--help` never touches the disk."""

    def __init__(self) -> None:
        self.ctx: AppContext | None = None

    def get(self) -> AppContext:
        if self.ctx is None:
            self.ctx = make_context()
        return self.ctx


# Subcommands load only when used: `studyaws due` or a reminder must not pay for the calculator's imports,
# and the TUI must reach its first frame without SQLAlchemy.
LAZY_COMMANDS = {
    "review": "studyaws.cli.review:review",
    "deck": "studyaws.cli.deck:deck",
    "calc": "studyaws.cli.calc:calc",
    "drill": "studyaws.cli.drill:drill",
    "remind": "studyaws.cli.remind:remind",
    "import": "studyaws.cli.importer:import_notes",
    "questions": "studyaws.cli.questions:questions",
    "quiz": "studyaws.cli.quiz:quiz",
    "readiness": "studyaws.cli.quiz:readiness",
    "exam": "studyaws.cli.exam:exam",
    "stats": "studyaws.cli.stats:stats",
    "plan": "studyaws.cli.plan:plan",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (click's documented lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = LAZY_COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        import importlib

        module, _, attr = target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(__version__, "-V", "--version", prog_name="studyaws")
@click.pass_context
def cli(click_ctx: click.Context) -> None:
    """Study for the AWS Certified Developer – Associate exam in your terminal.

    With no command, opens the full-screen app on its dashboard (or, when input or output is not a terminal,
    or TERM=dumb, the line-mode review).
    """
    click_ctx.ensure_object(Holder)
    if click_ctx.invoked_subcommand is None:
        from studyaws.cli.review import review
        from studyaws.launch import interactive, run_tui

        if interactive():
            run_tui(click_ctx.ensure_object(Holder).get(), "dashboard")
        else:
            click_ctx.invoke(review, plain=True)


@cli.command("due", context_settings=CONTEXT)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@pass_ctx
def due(ctx: AppContext, as_json: bool) -> None:
    """Show what is due now and today, new cards left today, and when the next card is due."""
    from studyaws.dueview import DueReport, due_report
    from studyaws.service.collection import open_collection

    coll = open_collection(ctx)
    try:
        now = ctx.now()
        s = ctx.settings
        report = coll.repo.raw_counts(due_report, now=now, **config.due_args(s))
    finally:
        coll.close()
    assert isinstance(report, DueReport)
    click.echo(report.as_json() if as_json else report.as_text(now))


@cli.group("config", context_settings=CONTEXT)
def config_group() -> None:
    """Show or change settings (daily limits, day rollover hour, leeches, …)."""


@config_group.command("show", context_settings=CONTEXT)
@pass_ctx
def config_show(ctx: AppContext) -> None:
    """Print every setting with its current value, and where the file lives."""
    click.echo(f"# {ctx.paths.config_file}")
    for name, value in ctx.settings._asdict().items():
        click.echo(f"{name} = {value!r}")


@config_group.command("set", context_settings=CONTEXT)
@click.argument("name")
@click.argument("value")
@pass_ctx
def config_set(ctx: AppContext, name: str, value: str) -> None:
    """Set NAME to VALUE, e.g. `studyaws config set new_per_day 30`."""
    parsed = config.parse_value(name, value)
    new = ctx.settings._replace(**{name: parsed})
    if name == "scheduler":
        from studyaws.service.memory import switch_scheduler  # rebuilds or drops FSRS memory states

        if parsed == "fsrs" and ctx.settings.scheduler != "fsrs":
            # About 50 µs per logged answer: seconds for years of reviews, so say what is happening.
            click.echo("Replaying the review log to build each card's FSRS memory state…", err=True)
        message = switch_scheduler(ctx, new)
    else:
        message = ""
        ctx.save_settings(new)
    click.echo(f"{name} = {parsed!r}  (saved to {ctx.paths.config_file})")
    if message:
        click.echo(message)


def run_cli(args: list[str]) -> None:
    """Run the CLI; errors meant for users become one line on stderr and an exit code, never a traceback."""
    try:
        code = cli.main(args=args, prog_name="studyaws", standalone_mode=False)
        if isinstance(code, int) and code:  # click returns (not raises) Exit codes without standalone mode
            sys.exit(code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except StudyawsError as exc:
        for line in str(exc).splitlines() or [""]:
            click.echo(f"studyaws: error: {line}", err=True)
        sys.exit(exc.exit_code)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"studyaws: error: {where}{exc.strerror or exc}", err=True)
        sys.exit(1)
