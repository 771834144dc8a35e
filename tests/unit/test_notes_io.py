"""Reading notes files and the deck schema for imported cards: clear one-line errors, text kept exactly."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from studyaws.decks.loader import load_deck
from studyaws.decks.notes_io import NotesError, decode, read_notes
from studyaws.errors import DeckError


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "n.txt: is empty; there is nothing to import"),
        (b"  \n\t\r\n\xc2\xa0\n", "n.txt: is empty; there is nothing to import"),
        (b"line one\nline two\x00\x01", "n.txt:2: contains a NUL byte; this looks like a binary file"),
        (b"ok\nok\ncaf\xe9\n", "n.txt:3: not valid UTF-8 (byte 0xe9); save the notes as UTF-8"),
        (codecs.BOM_UTF8 + b"a\n\xff", "n.txt:2: not valid UTF-8 (byte 0xff); save the notes as UTF-8"),
        (codecs.BOM_UTF16_LE + b"a\x00\n\x00\x00\xdc", "n.txt:2: not valid UTF-16 (byte 0x00), although"),
        ("a\n\x00b".encode("utf-16"), "n.txt:2: contains a NUL character"),
    ],
)  # fmt: skip
def test_bad_bytes_give_one_clear_line(raw: bytes, message: str) -> None:
    with pytest.raises(NotesError) as err:
        decode(raw, "n.txt")
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


@pytest.mark.parametrize(
    "raw",
    [
        "Q: café?\r\nA: oui\r\n".encode(),
        codecs.BOM_UTF8 + "Q: café?\nA: oui".encode(),
        "Q: café?\nA: oui".encode("utf-16"),
        codecs.BOM_UTF16_BE + "Q: café?\nA: oui".encode("utf-16-be"),
        "Q: café?\rA: oui".encode("utf-32"),
    ],
)
def test_encodings_with_a_mark_are_read(raw: bytes) -> None:
    text = decode(raw, "n.txt")
    assert "café?" in text and "\ufeff" not in text


def test_files_that_are_not_there(tmp_path: Path) -> None:
    with pytest.raises(NotesError, match=r"missing\.md: no such file"):
        read_notes(tmp_path / "missing.md")
    with pytest.raises(NotesError, match="is a directory"):
        read_notes(tmp_path)


HEADER = "deck:\n  id: t\n  title: T\n  exam_versions: [dva-c03]\ncards:\n"


def test_imported_cards_name_their_notes_instead_of_a_source(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        HEADER + "  - id: a\n    type: basic\n    front: q\n    back: a\n    origin: notes.md:12\n"
        "    warnings: [old limit]\n    tags: [x]\n",
        encoding="utf-8",
    )
    (note,) = load_deck(path).notes
    assert (note.origin, note.warnings, note.source, note.verified) == ("notes.md:12", ("old limit",), "", "")


@pytest.mark.parametrize(
    ("card", "problem"),
    [
        ("front: q\n    back: a\n", "missing field 'source'"),
        ("front: q\n    back: a\n    origin: notes.md\n", "origin: must look like FILE:LINE"),
        ("front: q\n    back: a\n    origin: [x]\n", "origin: must be text"),
        ("front: q\n    back: a\n    origin: n.md:1\n    warnings: x\n", "warnings: must be a list"),
        (
            "front: q\n    back: a\n    origin: n.md:1\n    source: notes.md:1\n",
            "source: must be an http(s) URL",
        ),
    ],
)
def test_origin_rules(tmp_path: Path, card: str, problem: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(HEADER + "  - id: a\n    type: basic\n    " + card, encoding="utf-8")
    with pytest.raises(DeckError, match=re.escape(problem)):
        load_deck(path)


def test_utf16_text_starting_with_nul_is_not_read_as_utf32() -> None:
    # UTF-16-LE's BOM followed by U+0000 is the bytes of UTF-32-LE's BOM (found by Hypothesis).
    raw = "\x000\r".encode("utf-16")
    assert raw.startswith(b"\xff\xfe\x00\x00")
    with pytest.raises(NotesError, match=r"n.txt:1: contains a NUL character"):
        decode(raw, "n.txt")
    assert decode("Q: what?\nA: this\n".encode("utf-32"), "n.txt") == "Q: what?\nA: this\n"
