"""The core is pure: importing it loads no UI, database, YAML, CLI or file-system modules."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import studyaws.core

FORBIDDEN = ("textual", "rich", "sqlalchemy", "alembic", "yaml", "click", "sqlite3", "platformdirs")
CORE = Path(studyaws.core.__file__).parent


def core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages([str(CORE)], "studyaws.core.")]


def test_core_imports_nothing_heavy_in_a_fresh_interpreter() -> None:
    probe = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n    importlib.import_module(name)\n"
        f"print([m for m in {FORBIDDEN!r} if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_core_does_no_file_io() -> None:
    """No open(), no os/pathlib/io/shutil imports anywhere in the core's source."""
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "open", f"{path}: calls open()"
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for name in names:
                    assert name.split(".")[0] not in ("os", "pathlib", "io", "shutil", "tempfile"), (
                        f"{path}: {name}"
                    )


def test_fast_path_roots_match_platformdirs(tmp_path: Path) -> None:
    """paths._xdg_roots re-derives platformdirs' Linux answer to keep its import off `studyaws due`."""
    import platformdirs

    from studyaws.paths import _xdg_roots

    cases = [
        {"HOME": str(tmp_path)},
        {
            "HOME": str(tmp_path),
            "XDG_DATA_HOME": "/x/data",
            "XDG_CONFIG_HOME": "/x/cfg",
            "XDG_STATE_HOME": "/x/st",
        },
        {"HOME": str(tmp_path), "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "relative/not/used"},
    ]
    import os
    from unittest import mock

    for env in cases:
        with mock.patch.dict(os.environ, env, clear=True):
            expected = (
                platformdirs.user_data_dir("studyaws", appauthor=False),
                platformdirs.user_config_dir("studyaws", appauthor=False),
                platformdirs.user_state_dir("studyaws", appauthor=False),
            )
            assert _xdg_roots(os.environ) == expected, env


def test_tui_first_frame_and_cli_do_not_load_sqlalchemy() -> None:
    """Everything before the TUI's first frame, and the CLI group itself, stays off SQLAlchemy and Alembic."""
    probe = (
        "import sys\n"
        "import studyaws.cli.main, studyaws.cli.review, studyaws.tui.app\n"
        "import studyaws.tui.screens.dashboard, studyaws.tui.screens.review, studyaws.service.peek\n"
        "print([m for m in ('sqlalchemy', 'alembic') if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
