"""The hostile-input corpus (tests/hostile/cases.py): every case with its asserted outcome, and
no traceback reaching the user in any of them."""

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
from cases import all_cases

from termkit.cli import main

CASES = all_cases()


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 30
    assert {c.kind for c in CASES} == {"text", "csv", "xml", "bilingual", "output"}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case, tmp_path):
    args = case.build(tmp_path)
    result = CliRunner().invoke(main, args)
    out, err = result.stdout, result.stderr
    assert "Traceback" not in out + err
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
        case.check(tmp_path, result)
