"""non-preferred-term: an admitted form where a preferred one exists."""

from conftest import by_check


def test_non_preferred_admitted_short_form_is_information(seed_result):
    who = [f for f in by_check(seed_result, "non-preferred-term") if f.concept == "who"]
    assert who and who[0].severity == "info" and "世卫组织" in who[0].forms
