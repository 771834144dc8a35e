"""The exam date and version `studyaws remind run` needs, in a sidecar read without tomllib."""

# Like fastsettings for `studyaws due`: the sidecar records config.toml's mtime, so an edit makes it stale and
# the fast path hands over to the full path, which loads the settings properly and rewrites the sidecar. With
# no config.toml at all there is nothing to read: no exam, no sidecar needed.

from __future__ import annotations

from studyaws.fastsettings import config_stamp  # config.toml's mtime, recorded by both sidecars

TYPE_CHECKING = False  # typing stays off the fast path
if TYPE_CHECKING:
    from pathlib import Path


def expected(config_file: str | Path, exam_version: str, exam_date: str) -> str | None:
    """The sidecar's text, or None when a value cannot be stored on one tab-separated line."""
    if any(c in value for value in (exam_version, exam_date) for c in "\t\r\n"):
        return None
    return f"{config_stamp(config_file)}\t{exam_version}\t{exam_date}\n"


def read(config_file: str, sidecar: str) -> tuple[str, str] | None:
    """(exam_version, exam_date); None when the sidecar is missing or stale (ask the full path)."""
    stamp = config_stamp(config_file)
    if stamp == 0:
        return "", ""  # no config file: the defaults, which have no exam
    try:
        with open(sidecar, encoding="utf-8") as fh:
            parts = fh.read().rstrip("\n").split("\t")
    except (OSError, ValueError):
        return None
    if len(parts) != 3 or parts[0] != str(stamp):
        return None
    return parts[1], parts[2]


def sync(config_file: Path, sidecar: Path, exam_version: str, exam_date: str) -> None:
    """Keep the sidecar in step with settings just loaded by the full path (best effort: only a speed-up)."""
    from studyaws.config import write_atomic

    text = expected(config_file, exam_version, exam_date)
    try:
        if text is None:
            sidecar.unlink(missing_ok=True)
        elif not sidecar.exists() or sidecar.read_text(encoding="utf-8") != text:
            write_atomic(sidecar, text)
    except (OSError, UnicodeDecodeError):
        pass
