"""Shared fixtures: a private STUDYAWS_HOME, a small deck, a pinned clock, a CLI runner in a subprocess."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyaws.config import Settings
from studyaws.paths import resolve
from studyaws.service.context import AppContext

FIXTURES = Path(__file__).parent / "fixtures"
T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


class ManualClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "mini.yaml").write_text((FIXTURES / "mini.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def make_ctx(home: Path, deck_dir: Path, clock: ManualClock) -> Callable[..., AppContext]:
    def make(**settings: object) -> AppContext:
        return AppContext(
            paths=resolve({"STUDYAWS_HOME": str(home)}),
            # exam_asked: the first-start exam-date question is tested on its own (tests/tui/test_examdate.py)
            settings=Settings()._replace(**{"exam_asked": True, **settings}),
            clock=clock,
            rng=random.Random(7),
            deck_dirs=[deck_dir],
        )

    return make


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STUDYAWS_", "NO_COLOR"))}
    env.update({"STUDYAWS_HOME": str(home), "TZ": "UTC", "PYTHONIOENCODING": "utf-8"}, **extra)
    return env


def studyaws_bin() -> str:
    return str(Path(sys.executable).with_name("studyaws"))


@pytest.fixture
def run_cli(home: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(
        *args: str, stdin: str = "", env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [studyaws_bin(), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env or cli_env(home),
            timeout=60,
            check=False,
        )

    return run
