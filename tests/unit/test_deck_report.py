"""The deck report finds thin tasks, missing or stale sources and copied fronts; bundled decks are clean."""

from __future__ import annotations

from datetime import date

from studyaws.core.cards import Note
from studyaws.core.deckreport import report
from studyaws.decks import blueprint
from studyaws.decks.loader import deck_files, load_decks
from studyaws.paths import bundled_deck_dir

PRINT = {"dva-c03": {"1": (100, ["1.1", "1.2"])}}


def note(
    uid: str, front: str, task: str = "1.1", verified: str = "2026-11-24", source: str = "https://x"
) -> Note:
    return Note(uid=uid, deck_id="d", kind="basic", front=front, back="b", source=source, verified=verified,
                domain={"dva-c03": "1"}, task={"dva-c03": task})  # fmt: skip


def test_report_finds_each_kind_of_problem() -> None:
    notes = [note(f"n{i}", f"distinct question number {i} about lambda") for i in range(10)]
    notes += [
        note("dup", "Distinct question number 3 about Lambda?"),
        note("near", "distinct question number 4 about lambda memory"),
        note("old", "an old fact", verified="2024-01-01"),
        note("nosrc", "no source here", source=""),
        note("bad-task", "tagged with a task the blueprint lacks", task="1.9"),
    ]
    r = report(notes, PRINT, date(2026, 11, 24))
    cov = r.coverage[0]
    assert cov.tasks == {"1.1": 14, "1.2": 0} and cov.thin_tasks == ["1.2"] and cov.unknown_tasks == ["1.9"]
    assert r.duplicates == [("n3", "dup")]
    assert [(a, b) for a, b, _ in r.near_duplicates] == [("n4", "near")]
    assert r.stale == ["old"] and r.missing_source == ["nosrc"]
    assert r.problems == 6


def test_bundled_decks_pass_the_strict_report() -> None:
    notes = [n for d in load_decks(deck_files(bundled_deck_dir())) for n in d.notes]
    prints = {
        code: {d.number: (d.weight, [t.id for t in d.tasks]) for d in blueprint.load(code).domains}
        for code in blueprint.available()
    }
    r = report(notes, prints, date(2026, 11, 24))
    assert len(notes) >= 600
    assert r.problems == 0, r
    for cov in r.coverage:
        assert min(cov.tasks.values()) >= 10, cov
