"""User settings in config.toml, shared by the CLI and the TUI: tomllib to read, a tiny writer to save."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, NamedTuple

from studyaws.errors import ConfigError

if TYPE_CHECKING:
    from pathlib import Path


class Settings(NamedTuple):
    """A NamedTuple rather than a dataclass: `studyaws due` reads it and dataclasses cost ~13 ms to import."""

    new_per_day: int = 20
    reviews_per_day: int = 200
    rollover_hour: int = 4
    leech_threshold: int = 8
    leech_action: str = "suspend"  # or "tag": Anki's manual says suspend, its code defaults to tag only
    bury_new_siblings: bool = False
    bury_review_siblings: bool = False
    fuzz: bool = True
    exam_version: str = ""
    exam_date: str = ""
    theme: str = "textual-dark"


_LIMITS: dict[str, tuple[int, int]] = {
    "new_per_day": (0, 9999),
    "reviews_per_day": (0, 99999),
    "rollover_hour": (0, 23),
    "leech_threshold": (0, 99),
}
_CHOICES = {"leech_action": ("suspend", "tag")}


def _check(name: str, value: Any, where: str) -> Any:
    default = getattr(Settings(), name)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {name} must be true or false")
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where}: {name} must be a whole number")
        low, high = _LIMITS[name]
        if not low <= value <= high:
            raise ConfigError(f"{where}: {name} must be between {low} and {high}, not {value}")
    elif not isinstance(value, str):
        raise ConfigError(f"{where}: {name} must be text")
    if name in _CHOICES and value not in _CHOICES[name]:
        raise ConfigError(f"{where}: {name} must be one of {', '.join(_CHOICES[name])}")
    return value


def load(path: str | Path) -> Settings:
    """Read settings; a missing file means defaults. Errors name the file and the setting."""
    if not os.path.exists(path):
        return Settings()
    import tomllib  # only when there is a file to read

    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except FileNotFoundError:
        return Settings()
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    known = set(Settings._fields)
    values = {}
    for name, value in raw.items():
        if name not in known:
            raise ConfigError(f"{path}: unknown setting '{name}' (known: {', '.join(sorted(known))})")
        values[name] = _check(name, value, str(path))
    return Settings()._replace(**values)


def parse_value(name: str, text: str) -> Any:
    """Turn a command-line value into the setting's type, with the same checks as the file."""
    known = set(Settings._fields)
    if name not in known:
        raise ConfigError(f"unknown setting '{name}' (known: {', '.join(sorted(known))})")
    default = getattr(Settings(), name)
    value: Any = text
    if isinstance(default, bool):
        if text.lower() not in ("true", "false"):
            raise ConfigError(f"{name} must be true or false")
        value = text.lower() == "true"
    elif isinstance(default, int):
        try:
            value = int(text)
        except ValueError:
            raise ConfigError(f"{name} must be a whole number, not '{text}'") from None
    return _check(name, value, "setting")


def save(path: Path, settings: Settings) -> None:
    """Write only the settings that differ from the defaults, atomically."""
    import json

    defaults = Settings()._asdict()
    lines = ["# studyaws settings (see `studyaws config show`)"]
    for name, value in settings._asdict().items():
        if value == defaults[name]:
            continue
        # JSON string/number/bool literals are valid TOML for these scalar types.
        lines.append(f"{name} = {json.dumps(value, ensure_ascii=False)}")
    write_atomic(path, "\n".join(lines) + "\n")


def sync_fast_settings(config_file: Path, sidecar: Path, settings: Settings) -> None:
    """Keep the `studyaws due` sidecar in step with the settings just loaded (see fastsettings)."""
    from studyaws import fastsettings

    text = fastsettings.expected(
        config_file, settings.new_per_day, settings.reviews_per_day, settings.rollover_hour
    )
    try:
        current = sidecar.read_text(encoding="ascii") if sidecar.exists() else ""
        if current != text:
            write_atomic(sidecar, text)
    except OSError:
        pass  # only a speed-up: the fast path falls back to the full one without it


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that a crash leaves either the old or the new content, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
