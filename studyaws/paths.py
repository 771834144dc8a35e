"""Every location studyaws reads or writes, in one place. STUDYAWS_HOME relocates all of them."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: `studyaws due` must not pay for importing typing
if TYPE_CHECKING:
    from pathlib import Path

APP = "studyaws"
DB_NAME = "studyaws.db"
CONFIG_NAME = "config.toml"
FAST_SETTINGS_NAME = "due-settings"
REMIND_SETTINGS_NAME = "remind-settings"  # see reminders.examsettings
REMIND_STATE_NAME = "remind-last-run"
REMIND_LOG_NAME = "remind.log"


class Paths:
    """The three roots; everything else is named from them."""

    __slots__ = ("config", "data", "state")

    def __init__(self, data: Path, config: Path, state: Path) -> None:
        self.data = data
        self.config = config
        self.state = state

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

    @property
    def fast_settings(self) -> Path:
        return self.state / FAST_SETTINGS_NAME

    @property
    def remind_settings(self) -> Path:
        return self.state / REMIND_SETTINGS_NAME

    @property
    def remind_state(self) -> Path:
        return self.state / REMIND_STATE_NAME

    @property
    def remind_log(self) -> Path:
        return self.state / REMIND_LOG_NAME


def roots(env: Mapping[str, str] | None = None) -> tuple[str, str, str]:
    """(data, config, state) directories as strings: under $STUDYAWS_HOME if set (tests use it), else the
    platform's user directories."""
    env = os.environ if env is None else env
    home = env.get("STUDYAWS_HOME")
    if home:
        root = os.path.expanduser(home)
        return os.path.join(root, "data"), os.path.join(root, "config"), os.path.join(root, "state")
    if sys.platform.startswith("linux"):
        return _xdg_roots(env)
    import platformdirs

    return (
        platformdirs.user_data_dir(APP, appauthor=False),
        platformdirs.user_config_dir(APP, appauthor=False),
        platformdirs.user_state_dir(APP, appauthor=False),
    )


def _xdg_roots(env: Mapping[str, str]) -> tuple[str, str, str]:
    """The XDG base directories exactly as platformdirs computes them on Linux (a test compares the two).

    Done by hand because importing platformdirs costs ~10 ms of the ~50 ms `studyaws due` may take.
    """

    def base(var: str, default: str) -> str:
        value = env.get(var, "")
        return value if value.startswith("/") else os.path.expanduser(default)

    return (
        os.path.join(base("XDG_DATA_HOME", "~/.local/share"), APP),
        os.path.join(base("XDG_CONFIG_HOME", "~/.config"), APP),
        os.path.join(base("XDG_STATE_HOME", "~/.local/state"), APP),
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
