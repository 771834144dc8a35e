"""The bundled question bank: enough for three mock exams per version, every task covered, every option
explained, every fact sourced, and no position favoured for the right answer."""

from __future__ import annotations

import subprocess
from collections import Counter

from studyaws.core.questionreport import MIN_PER_TASK, MIN_TOTAL, coverage
from studyaws.decks import blueprint
from studyaws.decks.questions import SOURCE_RE, bank_files, load_banks
from studyaws.paths import bundled_deck_dir
from tests.conftest import cli_env, studyaws_bin

QUESTIONS = load_banks(bank_files(bundled_deck_dir() / "questions"))


def test_the_strict_report_passes(tmp_path: object) -> None:
    proc = subprocess.run(
        [studyaws_bin(), "questions", "report", "--strict"],
        capture_output=True, text=True, env=cli_env(tmp_path), timeout=60, check=False,  # type: ignore[arg-type]
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 problem(s)" in proc.stdout


def test_three_mock_exams_per_version_and_five_questions_per_task() -> None:
    assert len(QUESTIONS) >= MIN_TOTAL
    for code in blueprint.available():
        bp = blueprint.load(code)
        weights = {d.number: d.weight for d in bp.domains}
        tasks = [t.id for d in bp.domains for t in d.tasks]
        cov = coverage(QUESTIONS, code, weights, tasks, bp.questions)
        assert cov.mocks >= 3, (code, cov.domains)
        assert not cov.thin_tasks, (code, cov.tasks)
        assert all(n >= MIN_PER_TASK for n in cov.tasks.values())


def test_every_option_is_explained_and_every_question_sourced_and_tagged() -> None:
    for q in QUESTIONS:
        assert q.sources and all(SOURCE_RE.match(u) for u in q.sources), q.uid
        assert "dva-c03" in q.task, q.uid
        assert len(q.stem) > 80, f"{q.uid}: a scenario, not a definition"
        for opt in q.options:
            assert len(opt.why) > len("Wrong. ") + 20, f"{q.uid}: explain why, not just right/wrong"


def test_both_response_types_and_no_favoured_letter() -> None:
    kinds = Counter(q.kind for q in QUESTIONS)
    assert kinds["multiple"] >= 0.15 * len(QUESTIONS)
    singles = Counter(next(iter(q.right)) for q in QUESTIONS if q.kind == "single")
    share = {k: v / sum(singles.values()) for k, v in singles.items()}
    assert set(share) == set("ABCD") and max(share.values()) < 0.32, share


def test_stems_are_not_repeated() -> None:
    stems = Counter(" ".join(q.stem.lower().split()) for q in QUESTIONS)
    assert [s for s, n in stems.items() if n > 1] == []
