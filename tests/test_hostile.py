"""The hostile-input corpus (tests/hostile/cases.py): every case with its asserted outcome, and
no traceback or "internal error" reaching the user in any of them.

Each case runs ``python -m termkit`` in its own process under a guard: at most
:data:`TIME_LIMIT` seconds and :data:`MEMORY_LIMIT` bytes of address space (``RLIMIT_AS``), so an
input that makes termkit slow or greedy (a new scale cliff) fails here. The cases run a few at a
time in parallel, started as soon as the first of them is asked for.
"""

import os
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
from cases import all_cases

ROOT = Path(__file__).resolve().parents[1]
CASES = all_cases()
TIME_LIMIT = 10.0
MEMORY_LIMIT = 500 * 2**20
_RUNS: dict[str, object] = {}


def _limits(fsize):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        if fsize is not None:  # a disk that fills up: a write past this size fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return apply


def run_case(case, folder: Path) -> SimpleNamespace:
    folder.mkdir(parents=True, exist_ok=True)
    args = case.build(folder)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0", **case.env}
    env.pop("TERMKIT_DEBUG", None)
    stdout = open(case.stdout_path, "wb") if case.stdout_path else subprocess.PIPE  # noqa: SIM115
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "termkit", *args],
            cwd=folder,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            preexec_fn=_limits(case.fsize),
            timeout=TIME_LIMIT,
        )
    except subprocess.TimeoutExpired:
        return SimpleNamespace(timed_out=True, seconds=time.monotonic() - start, exit_code=None, stdout="", stderr="")
    finally:
        if case.stdout_path:
            stdout.close()
    decode = lambda b: (b or b"").decode("utf-8", errors="surrogateescape")  # noqa: E731
    return SimpleNamespace(
        timed_out=False,
        seconds=time.monotonic() - start,
        exit_code=proc.returncode,
        stdout=decode(proc.stdout),
        stderr=decode(proc.stderr),
    )


@pytest.fixture(scope="module")
def pool():
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as executor:
        yield executor


@pytest.fixture(scope="module")
def runs(request, pool, tmp_path_factory):
    """Start every collected case at once (in parallel); each test waits for its own."""
    base = tmp_path_factory.mktemp("hostile")
    wanted = [
        item.callspec.params["case"]
        for item in request.session.items
        if item.module is request.module and hasattr(item, "callspec") and "case" in item.callspec.params
    ]
    for case in wanted:
        _RUNS[case.name] = pool.submit(run_case, case, base / case.name)
    return base


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)
    assert {"text", "csv", "xml", "bilingual", "output", "xlsx"} <= {c.kind for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case, runs):
    result = _RUNS[case.name].result()
    assert not result.timed_out, f"took more than {TIME_LIMIT} s"
    out, err = result.stdout, result.stderr
    assert "Traceback" not in out + err, err[-2000:]
    assert "internal error" not in err, err[-500:]
    assert "MemoryError" not in err, "hit the memory guard"
    assert result.exit_code == case.exit_code, (result.exit_code, err[-500:])
    if case.exit_code == 2:
        assert err.startswith("termkit: error: "), err
        if case.one_line_error:
            assert err.count("\n") == 1, err
    if case.stderr:
        assert case.stderr in err, err
    if case.stdout:
        assert case.stdout in out, out[-500:]
    if case.check:
        case.check(runs / case.name, result)
