"""Shared fixtures and paths.

Test data comes from two places:

- ``tests/data/`` — real third-party files the project may redistribute (sources and licences in
  ``tests/data/README.md``); every test that uses them runs on a fresh clone.
- ``../shared/`` — the folder CI places beside the repository, holding files the project may not
  redistribute (the official TBX schemas, samples of unknown or GPL licence, MAC-Dev). Tests that
  need them call :func:`need`, which skips with a reason naming the missing file when the folder
  is absent (a user's clone), and set ``TERMKIT_REQUIRE_SHARED=1`` to turn that skip into a
  failure (CI, where the folder must be there).
"""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
DATA = ROOT / "tests" / "data"
UNPC = DATA / "unpc"
SHARED = ROOT.parent / "shared"


def need(path: Path) -> Path:
    """``path`` (inside ../shared), or skip the test saying which file is missing."""
    if not path.exists():
        try:
            shown = f"../shared/{path.relative_to(SHARED).as_posix()}"
        except ValueError:
            shown = str(path)
        reason = f"needs {shown}, which the project may not redistribute (present in CI beside the repository)"
        if os.environ.get("TERMKIT_REQUIRE_SHARED"):
            pytest.fail(f"TERMKIT_REQUIRE_SHARED is set but {reason}")
        pytest.skip(reason)
    return path


def seed_text(prefix: str) -> str:
    (path,) = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in SEED_FILES}
