"""deprecated-term: a deprecated or superseded glossary form, on the seeds."""

from conftest import by_check


def test_deprecated_term_is_an_error(seed_result):
    nps = [f for f in by_check(seed_result, "deprecated-term") if f.concept == "nps"]
    assert nps and nps[0].severity == "error" and nps[0].preferred == "新精神活性物质"
    assert set(nps[0].forms) == {"新型精神活性物质"}
