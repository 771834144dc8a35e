"""The import progress bar: on stderr, only on a terminal, only for large inputs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from studyaws.cli import importer


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_for_small_input_or_a_pipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small = tmp_path / "a.md"
    small.write_text("Q: x\nA: y\n", encoding="utf-8")
    monkeypatch.setattr("sys.stderr", Tty())
    with importer._progress((small,)) as advance:
        assert advance is None
    big = tmp_path / "b.md"
    big.write_text("x\n" * importer.PROGRESS_BYTES, encoding="utf-8")
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with importer._progress((big,)) as advance:
        assert advance is None


def test_bar_on_a_terminal_for_large_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "b.md"
    big.write_text("x\n" * importer.PROGRESS_BYTES, encoding="utf-8")
    err = Tty()
    monkeypatch.setattr("sys.stderr", err)
    with importer._progress((big,)) as advance:
        assert advance is not None
        advance(big.stat().st_size)
