"""Database failures as one user-facing line, without importing SQLAlchemy (the TUI imports this early)."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from studyaws.errors import DatabaseError

BUSY_TIMEOUT_MS = 10_000


def describe(exc: BaseException, path: Path) -> str:
    """One line for a database failure a user can cause or meet."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig)
    low = text.lower()
    if "readonly" in low or "read-only" in low or isinstance(orig, PermissionError):
        return f"{path}: cannot write the database (read-only); set STUDYAWS_HOME to a writable directory"
    if "disk is full" in low or "disk i/o" in low or getattr(orig, "errno", None) in (28, 27):
        return f"{path}: the disk is full or failing; nothing was written. Free some space and try again"
    if "not a database" in low or "malformed" in low:
        return f"{path}: is not a studyaws database (not a valid SQLite file)"
    if "locked" in low or "busy" in low:
        return f"{path}: the database stayed locked by another studyaws for {BUSY_TIMEOUT_MS // 1000} s"
    return f"{path}: database error: {text}"


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn database and file-system failures inside the block into one DatabaseError line."""
    try:
        yield
    except Exception as exc:
        if _is_database_error(exc):
            raise DatabaseError(describe(exc, path)) from exc
        raise


def _is_database_error(exc: Exception) -> bool:
    if isinstance(exc, sqlite3.Error | OSError):
        return True
    # SQLAlchemy is checked only if something already imported it: this module must stay light.
    sa_exc = sys.modules.get("sqlalchemy.exc")
    return sa_exc is not None and isinstance(exc, sa_exc.SQLAlchemyError)
