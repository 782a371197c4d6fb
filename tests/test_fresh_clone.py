"""The suite stands on its own: a clone with nothing beside it collects and runs.

The repository is cloned into a temporary folder (so ``../shared`` is absent, as on a user's
machine) and pytest runs there, first collecting everything, then a subset of the tests that read
data: those whose data ships in ``tests/data`` must pass, those that need ``../shared`` must skip
with a reason naming the missing file. This catches a data file that was never committed and a
test that reads ``../shared`` without asking :func:`conftest.need`.
"""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

# The tests that read third-party data, from tests/data and from ../shared.
DATA_TESTS = [
    "tests/formats/test_tmx_xliff.py",
    "tests/test_align_terms.py",
    "tests/checks/test_key_term_mismatch.py",
    "tests/checks/test_number_mismatch.py",
    "tests/formats/test_interchange.py",
    "tests/formats/test_tbx.py",
]

pytestmark = pytest.mark.skipif(bool(os.environ.get("TERMKIT_IN_FRESH_CLONE")), reason="already inside the fresh clone")


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to clone")
    dest = tmp_path_factory.mktemp("alone") / "termkit"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(dest)], check=True, timeout=120)
    assert not (dest.parent / "shared").exists()
    return dest


def pytest_in(clone, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("TERMKIT_REQUIRE_SHARED", "PYTEST_ADDOPTS")}
    env.update(TERMKIT_IN_FRESH_CLONE="1", PYTHONPATH=str(clone))  # the clone's termkit, not this one's
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_clone_with_nothing_beside_it_collects_every_test(clone):
    proc = pytest_in(clone, "--collect-only", "-m", "")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    last = proc.stdout.splitlines()[-1]
    assert "error" not in last.lower() and int(last.split()[0]) > 300, proc.stdout[-3000:]


def test_a_clone_with_nothing_beside_it_passes_the_data_tests(clone):
    proc = pytest_in(clone, "-rs", *DATA_TESTS)
    out = proc.stdout
    assert proc.returncode == 0, out[-5000:] + proc.stderr[-3000:]
    skips = [line for line in out.splitlines() if line.startswith("SKIPPED")]
    assert skips, "the schema and unlicensed-sample tests should skip without ../shared"
    assert all("needs ../shared/" in line for line in skips), "\n".join(skips)
    assert " passed" in out.splitlines()[-1]


def readme_commands() -> list[str]:
    """The two commands the README opens with (its first two ```sh blocks)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = text.split("```sh\n")[1:3]
    return [block.split("```")[0].strip() for block in blocks]


def test_the_readme_opens_with_the_install_and_test_commands():
    first, second = readme_commands()
    assert first.startswith("python -m venv .venv && . .venv/bin/activate && pip install -e . && termkit run seeds")
    assert second == "python -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && pytest"


def test_the_readmes_main_job_runs_in_a_clone_with_nothing_beside_it(clone):
    """The termkit part of the README's first command, word for word, in the clone (the install
    part is what this test environment already did)."""
    import shlex

    command = readme_commands()[0].split(" && ")[-1]
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"}
    env["PYTHONPATH"] = str(clone)
    args = shlex.split(command)
    exe = shutil.which("termkit") or os.path.join(os.path.dirname(sys.executable), "termkit")
    proc = subprocess.run([exe, *args[1:]], cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = clone / "out"
    assert {"candidates.csv", "termbase.tbx", "termbase.csv", "proposed.tbx", "report.html"} <= {
        p.name for p in out.iterdir()
    }
