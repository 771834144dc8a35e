"""Read notes files for `studyaws import`: bytes → text, or one clear `FILE:LINE: problem` error."""

from __future__ import annotations

import codecs
from pathlib import Path

from studyaws.errors import StudyawsError

MAX_BYTES = 32 * 1024 * 1024  # notes, not a database dump
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),  # before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def _plausible_utf32(body: bytes) -> bool:
    """Whether bytes after FF FE 00 00 read as UTF-32: whole code units, none in the unassigned planes 4-13
    (UTF-16 text read as UTF-32 lands there: two BMP characters make one code point above U+3FFFF)."""
    if len(body) % 4:
        return False
    try:
        text = body.decode("utf-32-le")
    except UnicodeDecodeError:
        return False
    return not any(0x40000 <= ord(c) < 0xE0000 for c in text)


class NotesError(StudyawsError):
    """A notes file that cannot be imported; the message is one `FILE[:LINE]: problem` line."""


def read_notes(path: Path) -> str:
    """The text of a notes file: UTF-8 (BOM allowed), or UTF-16/32 with a BOM."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise NotesError(f"{path}: is a directory, not a notes file")
        if size > MAX_BYTES:
            raise NotesError(f"{path}: {size:,} bytes is too large for a notes file (limit {MAX_BYTES:,})")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotesError(f"{path}: no such file") from None
    except PermissionError:
        raise NotesError(f"{path}: permission denied") from None
    except OSError as exc:
        raise NotesError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(raw, str(path))


def decode(raw: bytes, name: str) -> str:
    """Decode notes bytes; name the line of the first bad byte. Binary and empty files are errors."""
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            if bom == codecs.BOM_UTF32_LE and not _plausible_utf32(raw[len(bom) :]):
                continue  # FF FE 00 00 is also UTF-16 text whose first character is U+0000
            text = _decode(raw[len(bom) :], codec, label, name)
            break
    else:
        if b"\x00" in raw:
            line = raw[: raw.index(b"\x00")].count(b"\n") + 1
            raise NotesError(f"{name}:{line}: contains a NUL byte; this looks like a binary file, not notes")
        text = _decode(raw, "utf-8", "UTF-8", name)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise NotesError(f"{name}:{line}: contains a NUL character; this looks like a binary file, not notes")
    if not text.strip():
        raise NotesError(f"{name}: is empty; there is nothing to import")
    return text


def _decode(raw: bytes, codec: str, label: str, name: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].decode(codec, errors="replace").count("\n") + 1
        where = f"{name}:{line}: not valid {label} (byte 0x{raw[exc.start]:02x})"
        if label == "UTF-8":
            raise NotesError(f"{where}; save the notes as UTF-8") from None
        raise NotesError(f"{where}, although it starts with a {label} byte-order mark") from None
