"""The core never imports Textual (checked in a fresh interpreter, like harlequin does)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.core


def _core_modules() -> list[str]:
    return ["tui.core"] + [m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core.")]


def test_core_and_cli_do_not_import_textual() -> None:
    modules = _core_modules() + ["tui.cli"]
    assert "tui.core.ingest.html" in modules and "tui.core.store" in modules
    code = f"import sys\nfor m in {modules!r}: __import__(m)\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_check_would_notice_textual() -> None:
    code = "import sys, tui.app\nprint('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
