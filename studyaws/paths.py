"""Every location studyaws reads or writes, in one place. STUDYAWS_HOME relocates all of them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

APP = "studyaws"
DB_NAME = "studyaws.db"
CONFIG_NAME = "config.toml"


class Paths(NamedTuple):
    data: Path
    config: Path
    state: Path

    @property
    def db(self) -> Path:
        return self.data / DB_NAME

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def user_decks(self) -> Path:
        return self.data / "decks"

    @property
    def config_file(self) -> Path:
        return self.config / CONFIG_NAME


def roots(env: Mapping[str, str] | None = None) -> tuple[str, str, str]:
    """(data, config, state) directories as strings: under $STUDYAWS_HOME if set (tests use it), else the
    platform's user dirs. Strings, so the `due` fast path need not import pathlib (~15 ms)."""
    env = os.environ if env is None else env
    home = env.get("STUDYAWS_HOME")
    if home:
        root = os.path.expanduser(home)
        return os.path.join(root, "data"), os.path.join(root, "config"), os.path.join(root, "state")
    import platformdirs

    return (
        platformdirs.user_data_dir(APP, appauthor=False),
        platformdirs.user_config_dir(APP, appauthor=False),
        platformdirs.user_state_dir(APP, appauthor=False),
    )


def resolve(env: Mapping[str, str] | None = None) -> Paths:
    from pathlib import Path

    data, config, state = roots(env)
    return Paths(Path(data), Path(config), Path(state))


def bundled_deck_dir() -> Path:
    """The decks shipped with studyaws: inside the wheel, or the repository's deck/ in a source checkout."""
    from pathlib import Path

    here = Path(__file__).resolve().parent
    packaged = here / "_deck"
    return packaged if packaged.is_dir() else here.parent / "deck"
