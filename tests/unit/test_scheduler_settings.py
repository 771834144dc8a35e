"""The `scheduler` and `desired_retention` settings: choices, limits, and the file round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaws import config
from studyaws.errors import ConfigError


def test_defaults() -> None:
    assert config.Settings().scheduler == "sm2"
    assert config.Settings().desired_retention == 0.9


@pytest.mark.parametrize(("text", "value"), [("0.7", 0.7), ("0.85", 0.85), ("0.99", 0.99), ("9e-1", 0.9)])
def test_retention_from_the_command_line(text: str, value: float) -> None:
    assert config.parse_value("desired_retention", text) == value


@pytest.mark.parametrize("text", ["0.69", "1", "0.995", "nan", "inf", "ninety", ""])
def test_bad_retention_is_one_clear_line(text: str) -> None:
    with pytest.raises(ConfigError, match="desired_retention must be") as err:
        config.parse_value("desired_retention", text)
    assert "\n" not in str(err.value)


def test_scheduler_choices() -> None:
    assert config.parse_value("scheduler", "fsrs") == "fsrs"
    with pytest.raises(ConfigError, match="scheduler must be one of sm2, fsrs"):
        config.parse_value("scheduler", "supermemo")


def test_file_round_trip_and_checks(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    config.save(path, config.Settings(scheduler="fsrs", desired_retention=0.85))
    assert config.load(path) == config.Settings(scheduler="fsrs", desired_retention=0.85)
    path.write_text("desired_retention = true\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="desired_retention must be a number"):
        config.load(path)
    path.write_text("desired_retention = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"between 0\.7 and 0\.99, not 1"):
        config.load(path)
    path.write_text('scheduler = "FSRS"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="scheduler must be one of"):
        config.load(path)
