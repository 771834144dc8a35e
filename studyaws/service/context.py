"""The app factory's inputs: where data lives, the settings, the clock and the random source."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from studyaws import config
from studyaws.clock import Clock, clock_from_env
from studyaws.core.days import day_number, day_start
from studyaws.paths import Paths, bundled_deck_dir, resolve


@dataclass
class AppContext:
    """Everything that differs between a user's run and a test's run, injected in one place."""

    paths: Paths
    settings: config.Settings
    clock: Clock
    rng: random.Random = field(default_factory=random.Random)
    deck_dirs: list[Path] = field(default_factory=list)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> int:
        return day_number(self.clock(), self.settings.rollover_hour)

    def day_end(self) -> datetime:
        now = self.clock()
        return day_start(day_number(now, self.settings.rollover_hour) + 1, self.settings.rollover_hour, now)

    def save_settings(self, settings: config.Settings) -> None:
        config.save(self.paths.config_file, settings)
        config.sync_fast_settings(self.paths.config_file, self.paths.fast_settings, settings)
        self.settings = settings


def make_context(env: dict[str, str] | os._Environ[str] | None = None, seed: int | None = None) -> AppContext:
    """The one factory the CLI, the TUI and the tests build their context with."""
    env = os.environ if env is None else env
    paths = resolve(env)
    settings = config.load(paths.config_file)
    config.sync_fast_settings(paths.config_file, paths.fast_settings, settings)
    return AppContext(
        paths=paths,
        settings=settings,
        clock=clock_from_env(env),
        rng=random.Random(seed),
        deck_dirs=[bundled_deck_dir(), paths.user_decks],
    )
