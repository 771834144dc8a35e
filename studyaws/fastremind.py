"""`studyaws remind run` (what the timer calls) on the `studyaws due` fast path: stdlib sqlite3 only."""

# No click, SQLAlchemy, Textual, rich, typing or tomllib. Returns None to hand over to the full CLI whenever
# it cannot answer by itself (no database yet, stale settings sidecars, an older schema, unexpected options),
# so behaviour never differs, only speed.

from __future__ import annotations

import os
import sqlite3
import sys

from studyaws import fastsettings
from studyaws.clock import clock_from_env
from studyaws.core.reminder import due_count, is_quiet
from studyaws.dueview import due_report
from studyaws.errors import StudyawsError
from studyaws.paths import CONFIG_NAME, DB_NAME, FAST_SETTINGS_NAME, REMIND_SETTINGS_NAME, roots
from studyaws.reminders import examsettings
from studyaws.reminders.deliver import deliver, quiet_option
from studyaws.storage.schema_version import HEAD, revision_of


def parse_args(args: list[str]) -> tuple[bool, str | None] | None:
    """(dry_run, quiet hours text) from `--dry-run` and `--quiet-hours[=]X`; None for anything else."""
    dry_run, quiet = False, None
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--dry-run" and not dry_run:
            dry_run = True
        elif arg == "--quiet-hours" and quiet is None and rest:
            quiet = rest.pop(0)
        elif arg.startswith("--quiet-hours=") and quiet is None:
            quiet = arg.partition("=")[2]
        else:
            return None
    return dry_run, quiet


def run(args: list[str]) -> int | None:
    parsed = parse_args(args)
    if parsed is None:
        return None
    dry_run, quiet_text = parsed
    exam = ("", "")
    count = 0
    try:
        quiet = quiet_option(quiet_text)
        data, config_dir, state = roots()
        now = clock_from_env()()
        if not is_quiet(now, quiet):  # inside quiet hours nothing is read
            config_file = os.path.join(config_dir, CONFIG_NAME)
            settings = fastsettings.read(config_file, os.path.join(state, FAST_SETTINGS_NAME))
            found = examsettings.read(config_file, os.path.join(state, REMIND_SETTINGS_NAME))
            db = os.path.join(data, DB_NAME)
            if settings is None or found is None or not os.path.isfile(db):
                return None
            exam = found
            conn = sqlite3.connect(db, timeout=10)
            try:
                if revision_of(conn) != HEAD:
                    return None  # the full path migrates first
                report = due_report(conn, now, *settings)
            finally:
                conn.close()
            count = due_count(report.due_now, report.new_available_today)
    except StudyawsError as exc:
        print(f"studyaws: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except sqlite3.Error:
        return None  # let the full path explain it in one line
    return deliver(now, quiet, count, exam[0], exam[1], state, dry_run)
