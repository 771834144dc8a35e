"""Open the database safely: WAL, foreign keys, busy timeout, BEGIN IMMEDIATE for writes, and migrations
with a backup first. Every failure a user can meet becomes one DatabaseError line."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from studyaws.errors import DatabaseError
from studyaws.storage.errors import BUSY_TIMEOUT_MS
from studyaws.storage.errors import translate_errors as translate_errors  # re-exported for callers
from studyaws.storage.schema_version import HEAD, KNOWN_REVISIONS, read_revision

_SQLITE_MAGIC = b"SQLite format 3\x00"
KEEP_BACKUPS = 5


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # SQLAlchemy emits BEGIN itself (see _on_begin); the stdlib driver's own transaction handling would
    # otherwise skip BEGIN before reads and make DDL autocommit.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode != "wal":  # network filesystems cannot do WAL; the rollback journal is still crash-safe
        cur.execute("PRAGMA journal_mode=DELETE")
    # FULL: an answer acknowledged on screen survives even a power cut, at ~1 ms per commit.
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _on_begin(conn: Connection) -> None:
    # Writes take the write lock up front, so a read-then-write never fails on a lock upgrade; reads
    # stay deferred and never block each other.
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _check_file(path: Path) -> bool:
    """Return whether the file exists; refuse anything that is not an SQLite database or not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"{path.parent}: cannot create the data directory: {exc.strerror}") from None
    if not os.access(path.parent, os.W_OK):
        raise DatabaseError(
            f"{path.parent}: the data directory is read-only; set STUDYAWS_HOME to a writable directory"
        )
    if not path.exists():
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot read: {exc.strerror}") from None
    if head and head != _SQLITE_MAGIC:
        raise DatabaseError(f"{path}: is not a studyaws database (not an SQLite file)")
    return bool(head)


def open_database(path: Path) -> Engine:
    """Open (creating or upgrading as needed) the database at `path` and return its engine."""
    existed = _check_file(path)
    with translate_errors(path):
        revision = read_revision(path) if existed else None
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise DatabaseError(
                f"{path}: was written by a newer studyaws (schema {revision}); upgrade studyaws to open it"
            )
        engine = make_engine(path)
        if revision != HEAD:
            if existed and revision is not None:
                backup(path, revision)
            _migrate(engine)
        return engine


def backup(path: Path, revision: str) -> Path:
    """Copy the database (consistently, through SQLite's backup API) before changing its schema."""
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{path.stem}-schema{revision}-{stamp}.db"
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    old = sorted(folder.glob(f"{path.stem}-schema*.db"))
    for stale in old[:-KEEP_BACKUPS]:
        stale.unlink(missing_ok=True)
    return target


def _migrate(engine: Engine) -> None:
    from alembic import command  # imported only when the schema must change: it costs ~100 ms
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "studyaws.storage:migrations")
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        # Foreign keys off *before* BEGIN (the pragma is ignored inside a transaction): batch-mode table
        # rebuilds drop and recreate tables, which with foreign keys on would delete or block history.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(f"migration left {len(broken)} broken references; rolled back")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
