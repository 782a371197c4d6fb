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

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The suite keeps its caches (CC-CEDICT, jieba's tables, glossary indexes) in a folder of its own,
# removed at the end, never in the user's ~/.cache (a run that sets TERMKIT_CACHE_DIR keeps it).
if "TERMKIT_CACHE_DIR" not in os.environ:
    os.environ["TERMKIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="termkit-test-cache-")
    atexit.register(shutil.rmtree, os.environ["TERMKIT_CACHE_DIR"], True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
DATA = ROOT / "tests" / "data"
UNPC = DATA / "unpc"
SHARED = ROOT.parent / "shared"
GLOSSARY = str(ROOT / "glossaries" / "un-drug-control.csv")


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


@pytest.fixture(scope="session")
def glossary():
    """The curated UN drug-control glossary, loaded once."""
    from termkit.glossary import load_glossary

    return load_glossary([GLOSSARY])


@pytest.fixture(scope="session")
def seed_result():
    """`termkit check` of the seeds with the curated glossary, once for every check's tests."""
    from termkit.pipeline import check_paths

    return check_paths([SEEDS], [GLOSSARY])


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    """`termkit run` of the seeds with the glossary, once a session (the review tests work on
    copies of it)."""
    out = tmp_path_factory.mktemp("seeds-run") / "out"
    r = run("run", SEEDS, "-g", GLOSSARY, "-o", out, "--fail-on", "never")
    assert r.exit_code == 0, r.output
    return out


def doc(doc_id: str, text: str):
    """A segmented Chinese document from a string."""
    from termkit.documents import segment_document
    from termkit.model import Document

    return segment_document(Document(id=doc_id, text=text))


def by_check(result, name):
    return [f for f in result.findings if f.check == name]


def run(*args):
    """The command line in this process: ``run("check", path, "-o", out)``."""
    from click.testing import CliRunner

    from termkit.cli import main

    return CliRunner().invoke(main, [str(a) for a in args])


def unpc(line: int) -> tuple[str, str]:
    """English and Chinese of one line (1-based) of the UN Parallel Corpus dev set."""
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()[line - 1]
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()[line - 1]
    return en, zh


def run_checks(units, glossary, checks):
    from termkit.check import check_documents

    return check_documents([], glossary, checks=checks, units=units).findings
