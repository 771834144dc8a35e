"""The schema revision this studyaws expects, readable without importing SQLAlchemy or Alembic."""

from __future__ import annotations

import sqlite3

TYPE_CHECKING = False  # typing stays off the `studyaws due` fast path
if TYPE_CHECKING:
    from pathlib import Path

# Every revision in migrations/versions, oldest first; a test checks this against Alembic's own view.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004")
HEAD = KNOWN_REVISIONS[-1]


def read_revision(path: str | Path) -> str | None:
    """The database's Alembic revision, or None for a database without one (new or empty)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return revision_of(conn)
    finally:
        conn.close()


def revision_of(conn: sqlite3.Connection) -> str | None:
    query = "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    row = conn.execute(query).fetchone()
    if row is None:
        return None
    version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if version is None else str(version[0])
