"""Start the full-screen app straight from the entry point, without click: its import is ~30 ms of the first
frame. Only for a real terminal; anything else goes through the CLI (line mode)."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from studyaws.service.context import AppContext


def interactive() -> bool:
    """A real terminal on both ends, and not a dumb one: the full-screen app can run."""
    return sys.stdin.isatty() and sys.stdout.isatty() and os.environ.get("TERM", "dumb") != "dumb"


def run_tui(ctx: AppContext, start: str, options: dict[str, object] | None = None) -> None:
    from studyaws.errors import StudyawsError
    from studyaws.tui.app import make_app

    app = make_app(ctx, start, options)
    app.run()
    if app.error:
        raise StudyawsError(app.error)


def main(start: str) -> int | None:
    """Run the TUI at `start`; None when this is not an interactive terminal (the CLI takes over)."""
    if not interactive():
        return None
    from studyaws.errors import StudyawsError
    from studyaws.service.context import make_context

    try:
        run_tui(make_context(), start)
    except StudyawsError as exc:
        for line in str(exc).splitlines() or [""]:
            print(f"studyaws: error: {line}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    return 0
