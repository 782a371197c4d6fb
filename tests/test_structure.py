"""The shape of the code: imports follow the layers of docs/design.md with no circles (the
import-linter contracts in pyproject.toml), modules stay small, and ruff's lint and format pass."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

MAX_LINES = 400
# Modules allowed over the budget, each with the reason it is one piece.
LONGER = {}


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def test_imports_follow_the_layers_without_circles():
    proc = subprocess.run([tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]
    assert "3 kept, 0 broken" in proc.stdout


def test_modules_have_one_role_and_stay_small():
    sizes = {
        p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in (ROOT / "termkit").rglob("*.py")
    }
    too_long = {path: n for path, n in sizes.items() if n > MAX_LINES and path not in LONGER}
    assert too_long == {}


def test_ruff_lint_and_format_are_clean():
    ruff = tool("ruff")
    lint = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert lint.returncode == 0, lint.stdout[-5000:]
    fmt = subprocess.run([ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert fmt.returncode == 0, fmt.stdout[-5000:]
