"""`studyaws due` without SQLAlchemy, Alembic, click or Textual: a reminder or a shell prompt calls it often.

Returns None to hand over to the full CLI whenever the fast path cannot answer by itself (no database yet,
an older schema to migrate, unexpected options), so behaviour never differs, only speed.
"""

from __future__ import annotations

import os
import sqlite3
import sys

from studyaws import fastsettings
from studyaws.clock import clock_from_env
from studyaws.dueview import due_report
from studyaws.errors import StudyawsError
from studyaws.paths import CONFIG_NAME, DB_NAME, FAST_SETTINGS_NAME, roots
from studyaws.storage.schema_version import HEAD, revision_of


def run(args: list[str]) -> int | None:
    if args not in ([], ["--json"]):
        return None
    try:
        data, config_dir, state = roots()
        db = os.path.join(data, DB_NAME)
        settings = fastsettings.read(
            os.path.join(config_dir, CONFIG_NAME), os.path.join(state, FAST_SETTINGS_NAME)
        )
        if settings is None or not os.path.isfile(db):
            return None
        now = clock_from_env()()
        conn = sqlite3.connect(db, timeout=10)
        try:
            if revision_of(conn) != HEAD:
                return None  # the full path migrates first
            report = due_report(conn, now, *settings)
        finally:
            conn.close()
    except StudyawsError as exc:
        print(f"studyaws: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except sqlite3.Error:
        return None  # let the full path explain it in one line
    print(report.as_json() if args == ["--json"] else report.as_text(now))
    return 0
