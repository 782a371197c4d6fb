"""Every input the fuzzer (fuzz/fuzz_readers.py) found to crash a reader, replayed: each must now
be read or refused with a clean InputError."""

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "fuzz"))
from targets import SUFFIX, run_one

CASES = sorted((ROOT / "tests" / "fuzz_regressions").glob("*"))
TARGET_OF = {ext: target for target, ext in SUFFIX.items()}


def test_there_are_regression_cases():
    assert CASES


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_fuzz_regression(path, tmp_path):
    run_one(TARGET_OF[path.suffix], path.read_bytes(), str(tmp_path))
