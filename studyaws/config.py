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
    scheduler: str = "sm2"  # or "fsrs"
    desired_retention: float = 0.9  # FSRS only: the recall probability it schedules reviews for
    exam_version: str = ""
    exam_date: str = ""
    theme: str = "textual-dark"
    # Exam-date mode (service.plan): the study time a day the plan fits into, the day the exam date was set
    # (it fixes the week kept free of new cards before the exam), and whether the first start has asked
    # for an exam date (so "no exam date" is remembered too).
    minutes_per_day: int = 20
    exam_plan_start: str = ""
    exam_asked: bool = False


_LIMITS: dict[str, tuple[int, int]] = {
    "new_per_day": (0, 9999),
    "reviews_per_day": (0, 99999),
    "rollover_hour": (0, 23),
    "leech_threshold": (0, 99),
    "minutes_per_day": (5, 600),
}
_DATES = ("exam_date", "exam_plan_start")
_FLOAT_LIMITS: dict[str, tuple[float, float]] = {"desired_retention": (0.70, 0.99)}
_CHOICES = {"leech_action": ("suspend", "tag"), "scheduler": ("sm2", "fsrs")}


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
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{where}: {name} must be a number")
        flow, fhigh = _FLOAT_LIMITS[name]
        if not flow <= value <= fhigh:
            raise ConfigError(f"{where}: {name} must be between {flow} and {fhigh}, not {value}")
        value = float(value)
    elif not isinstance(value, str):
        raise ConfigError(f"{where}: {name} must be text")
    if name in _CHOICES and value not in _CHOICES[name]:
        raise ConfigError(f"{where}: {name} must be one of {', '.join(_CHOICES[name])}")
    if name in _DATES and value and not _is_date(value):
        raise ConfigError(f"{where}: {name} must be a date like 2027-01-15, not '{value}'")
    return value


def _is_date(text: str) -> bool:
    import re
    from datetime import date

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


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
    elif isinstance(default, float):
        try:
            value = float(text)
        except ValueError:
            raise ConfigError(f"{name} must be a number, not '{text}'") from None
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

    text = fastsettings.expected(config_file, *due_args(settings).values())
    try:
        current = sidecar.read_text(encoding="ascii") if sidecar.exists() else ""
        if current != text:
            write_atomic(sidecar, text)
    except OSError:
        pass  # only a speed-up: the fast path falls back to the full one without it


def due_args(settings: Settings) -> dict[str, int]:
    """The settings the due counts depend on, as keyword arguments of `dueview.due_report` (the fast path
    reads the same values from its sidecar, in this order)."""
    from studyaws.core.examplan import exam_and_goal

    exam = exam_and_goal(settings.exam_date, settings.exam_plan_start)
    return {
        "new_per_day": settings.new_per_day,
        "reviews_per_day": settings.reviews_per_day,
        "rollover_hour": settings.rollover_hour,
        "exam_day": exam[0] if exam else -1,
        "goal": exam[1] if exam else -1,
        "minutes_per_day": settings.minutes_per_day,
    }


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that a crash leaves either the old or the new content, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
