"""Whatever the notes contain, the importer answers with cards or one clear error, and the deck reads back."""

from __future__ import annotations

import string
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyaws.core.notes.compile import compile_notes
from studyaws.core.notes.model import CLOZE
from studyaws.decks.notes_io import NotesError, decode
from studyaws.decks.schema import ID_RE, validate
from studyaws.decks.writer import dump_deck
from studyaws.decks.yamlsafe import parse

# Pieces real notes are made of, so random text reaches the interesting branches, plus any character at all.
FRAGMENTS = [
    "\n", "\n\n", "  ", "\t", "- ", "• ", "  • ", "∘ ", "1. ", "# ", "## ", "Q: ", "A: ", " :: ", "?",
    "\n?\n", "==", "{{c1::", "}}", "| a | b |\n|---|---|\n", "```\n", ":", " - ", " – ", "—", "What is ",
    "How does ", "Lambda", "10 GB", "512 MB", "up to 3008 MB", "256 KB", "$\\circ~$", "\\rightarrow",
    "<u>", "</u>", "&amp;", "\u00a0", "\u2011", "\x1b[2J", "\x1b]0;x\x07", "\r\n", "\r", "[bold]", "[/]",
    "!!python/object", "&anchor", "*alias", "---", "key: value: x", "#flashcard",
    "https://docs.aws.amazon.com/x", "AWS::S3::Bucket",
]  # fmt: skip
notes_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map("".join)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(notes_text)
def test_compile_never_raises_and_cards_are_sound(text: str) -> None:
    result = compile_notes("fuzz.md", text, "notes-fuzz")
    assert result == compile_notes("fuzz.md", text, "notes-fuzz")  # deterministic
    uids = [c.uid for c in result.cards]
    assert len(uids) == len(set(uids))
    for card in result.cards:
        assert ID_RE.match(card.uid)
        assert "\x1b" not in card.front + card.back + card.text
        if card.kind == CLOZE:
            assert "{{c" in card.text
        else:
            assert card.front.strip() and card.back.strip()


@FAST
@given(notes_text)
def test_written_deck_reads_back_exactly(text: str) -> None:
    result = compile_notes("fuzz.md", text, "notes-fuzz")
    if not result.cards:
        return
    _, notes = validate(parse(dump_deck("notes-fuzz", "Fuzz", ["fuzz.md"], result.cards)))
    for card, note in zip(result.cards, notes, strict=True):
        assert (note.uid, note.front, note.back, note.text) == (card.uid, card.front, card.back, card.text)
        assert (note.origin, note.warnings, note.tags) == (card.origin, card.warnings, card.tags)


@FAST
@given(st.binary(max_size=400))
def test_random_bytes_decode_or_fail_clearly(raw: bytes) -> None:
    try:
        text = decode(raw, "notes.bin")
    except NotesError as exc:
        message = str(exc)
        assert message.startswith("notes.bin") and "\n" not in message
        return
    compile_notes("notes.bin", text, "notes-fuzz")


@FAST
@given(st.text(alphabet=string.printable + "•∘–—‘’“”é日本\u00a0\u2028\x00\x1b\x85", max_size=300))
def test_any_text_any_encoding(text: str) -> None:
    for raw in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("utf-16")):
        try:
            decoded = decode(raw, "n.txt")
        except NotesError as exc:
            assert "\x00" in text or not text.strip(), exc
            continue
        assert decoded == text
        compile_notes("n.txt", decoded, "notes-fuzz")


PATHOLOGICAL = {
    "deep nesting": "\n".join(" " * k + "- item" for k in range(3000)),
    "brackets": "[" * 50_000 + "](" * 1000,
    "images": "![" * 50_000,
    "links": "[a](" * 50_000,
    "wiki links": "[[" * 50_000 + "|" * 100,
    "bold": "**a " * 50_000,
    "unclosed clozes": "{{c1::" * 20_000,
    "cloze hints": "{{c1::x::" * 20_000,
    "hashtags": "x" + " #tag" * 50_000 + " end",
    "heading spaces": "# a" + " " * 100_000 + "b",
    "fused questions": "Question?\n  • a" + " What is it" * 20_000 + "?",
    "html": "<u " * 50_000,
    "latex": "$ \\text{" * 20_000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_lines_stay_linear(name: str) -> None:
    """Regex backtracking guard: each of these took minutes (or overflowed the stack) before it was fixed."""
    start = time.perf_counter()
    compile_notes("x.md", PATHOLOGICAL[name], "notes-fuzz")
    assert time.perf_counter() - start < 10
