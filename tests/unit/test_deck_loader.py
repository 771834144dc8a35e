"""The strict deck loader: text stays text, and every problem is FILE:LINE:COLUMN with nothing loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaws.core.cards import render
from studyaws.decks.loader import load_deck, load_decks
from studyaws.errors import DeckError

FIXTURES = Path(__file__).parent.parent / "fixtures"

HEADER = "deck:\n  id: t\n  title: T\n  exam_versions: [dva-c03]\ncards:\n"
CARD = (
    "  - id: {id}\n    type: basic\n    front: {front}\n    back: {back}\n"
    "    source: https://docs.aws.amazon.com/x.html\n    verified: 2026-11-24\n"
)


def write(tmp_path: Path, body: str, name: str = "t.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_scalars_stay_text(tmp_path: Path) -> None:
    deck = load_deck(FIXTURES / "mini.yaml")
    by_id = {n.uid: n for n in deck.notes}
    assert by_id["mini-markup"].back == "no"  # not False
    assert by_id["mini-basic-2"].back == "1:30 is not it; it is 30 seconds"
    assert by_id["mini-markup"].front.startswith("[bold red]x[/]")
    path = write(tmp_path, HEADER + CARD.format(id="a", front="1:30", back="2019-01-02"))
    note = load_deck(path).notes[0]
    assert (note.front, note.back) == ("1:30", "2019-01-02")


def test_mcq_render_lists_options_and_reasons() -> None:
    note = next(n for n in load_deck(FIXTURES / "mini.yaml").notes if n.kind == "mcq")
    front, back = render(note, 0)
    assert "A. Amazon SQS" in front and "Choose one." in front
    assert back.startswith("Answer: A") and "B (wrong): It pushes" in back


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            HEADER + CARD.format(id="a", front="x", back="y") + CARD.format(id="a", front="z", back="w"),
            ":12:5: cards[1]: id 'a' is used twice",
        ),
        (HEADER + "  - id: a\n    id: b\n", ":7:5: duplicate key 'id'"),
        (
            HEADER + CARD.format(id="a", front="!!python/object:os.system x", back="y"),
            ":8:12: YAML tags are not allowed",
        ),
        (HEADER + CARD.format(id="a", front="&a x", back="*a"), "anchors and aliases"),
        (
            HEADER + CARD.format(id="a", front="x", back="y") + "    frnt: oops\n",
            ":12:5: cards[0] (basic): unknown field 'frnt'",
        ),
        (HEADER + "  - id: a\n    type: basic\n    front: x\n", ":6:5: cards[0]: missing field 'back'"),
        (HEADER + CARD.format(id="a", front="x", back="[unclosed"), "started at line 9, column 11"),
        (HEADER + CARD.format(id="A B", front="x", back="y"), ":6:9: cards[0].id: 'A B'"),
        (
            HEADER + CARD.format(id="a", front="x", back="y").replace("2026-11-24", "yesterday"),
            "is not a date",
        ),
        ("", ":1:1: the file is empty"),
        (HEADER.replace("cards:\n", "cards: 3\n"), "cards: must be a list"),
    ],
)
def test_errors_name_file_line_column(tmp_path: Path, body: str, expected: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(DeckError) as exc:
        load_deck(path)
    message = str(exc.value)
    assert expected in message, message
    assert all(line.startswith(str(path)) for line in message.splitlines())


def test_cloze_and_task_checks(tmp_path: Path) -> None:
    body = HEADER + (
        "  - id: c\n    type: cloze\n    text: no deletion here\n"
        "    source: https://docs.aws.amazon.com/x.html\n    verified: 2026-11-24\n"
        "    domain: {dva-c03: '2'}\n    task: {dva-c03: '1.2'}\n"
    )
    with pytest.raises(DeckError) as exc:
        load_deck(write(tmp_path, body))
    assert "needs at least one {{c1::answer}}" in str(exc.value)
    assert "'1.2' is not in domain 2" in str(exc.value)


def test_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"deck:\n  id: t\n  title: caf\xe9\n")
    with pytest.raises(DeckError, match=r"bad.yaml:3: not valid UTF-8"):
        load_deck(path)
    path.write_bytes(b"deck:\n\x00")
    with pytest.raises(DeckError, match=r"bad.yaml:2: contains a NUL byte"):
        load_deck(path)
    with pytest.raises(DeckError, match="no such file"):
        load_deck(tmp_path / "missing.yaml")


def test_ids_unique_across_decks(tmp_path: Path) -> None:
    a = write(tmp_path, HEADER + CARD.format(id="same", front="x", back="y"), "a.yaml")
    b = write(
        tmp_path, HEADER.replace("id: t", "id: u") + CARD.format(id="same", front="x", back="y"), "b.yaml"
    )
    with pytest.raises(DeckError, match="card id 'same' is also used at"):
        load_decks([a, b])
