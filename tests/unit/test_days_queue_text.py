"""Study days, queue mixing, and inert text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from studyaws.core.cards import Note, cloze_back, cloze_front, cloze_ordinals
from studyaws.core.days import day_number, day_start
from studyaws.core.fmt import short_interval
from studyaws.core.queue import interleave, remaining
from studyaws.core.text import inert

CET = timezone(timedelta(hours=1))


def test_day_rolls_over_at_four_local() -> None:
    before = datetime(2026, 11, 25, 3, 59, tzinfo=CET)
    after = datetime(2026, 11, 25, 4, 0, tzinfo=CET)
    assert day_number(after, 4) == day_number(before, 4) + 1
    assert day_start(day_number(after, 4), 4, after) == after


def test_day_number_refuses_naive() -> None:
    with pytest.raises(ValueError):
        day_number(datetime(2026, 1, 1), 4)


def test_interleave_spreads_new_cards() -> None:
    mixed = interleave(list("rrrrrrrr"), list("NN"))
    assert mixed.count("N") == 2 and len(mixed) == 10
    assert mixed.index("N") > 0 and mixed[-1] != "N"
    assert interleave([], ["a"]) == ["a"] and interleave(["a"], []) == ["a"]


def test_remaining() -> None:
    assert remaining(20, 5, 100) == 15
    assert remaining(20, 25, 100) == 0
    assert remaining(20, 0, 3) == 3


def test_inert_shows_escape_codes_and_keeps_markup_literal() -> None:
    assert inert("\x1b[2Jclear") == "␛[2Jclear"
    assert inert("[bold red]x[/]") == "[bold red]x[/]"
    assert inert("line\nnext\tTab") == "line\nnext\tTab"
    assert "\x9b" not in inert("c1\x9bx")


def test_cloze_rendering() -> None:
    text = "Timeout max is {{c1::900 s}}; memory up to {{c2::10,240 MB::MB}}."
    assert cloze_ordinals(text) == [1, 2]
    assert cloze_front(text, 1) == "Timeout max is [...]; memory up to 10,240 MB."
    assert cloze_front(text, 2) == "Timeout max is 900 s; memory up to [...MB]."
    assert cloze_back(text, 2) == "Timeout max is 900 s; memory up to [10,240 MB]."
    assert Note(uid="x", deck_id="d", kind="cloze", text=text).text == text


@pytest.mark.parametrize(
    ("secs", "text"),
    [(30, "<1m"), (60, "1m"), (600, "10m"), (5400, "1.5h"), (86400 * 4, "4d"), (86400 * 400, "1.1y")],
)
def test_short_interval(secs: float, text: str) -> None:
    assert short_interval(secs) == text
