"""typography: widths, hanzi–digit spacing, punctuation, traditional characters."""

from termkit.check import check_documents
from termkit.pipeline import check_paths

from conftest import GLOSSARY, SEEDS, by_check, doc


def test_typography_is_run_on_request_only(seed_result):
    # not a terminology check: the default report leaves it out
    assert by_check(seed_result, "typography") == []


def test_typography_spacing_and_punctuation_on_seeds():
    typo = by_check(check_paths([SEEDS], [GLOSSARY], checks=["typography"]), "typography")
    spacing = [f for f in typo if "space" in f.message and f.id.startswith("typography:")]
    assert any("001_a1e2a0e00d5c9997" in f.message for f in spacing)
    assert any("004_3dada0e0f22b3e40" in f.message and "half-width punctuation" in f.message for f in typo)


def test_typography_full_width_and_traditional(glossary):
    text = "ＵＮＯＤＣ和ＷＨＯ发布了报告。UNODC 的报告。本報告涉及毒品問題。"
    result = check_documents([doc("t", text)], None, checks=["typography"])
    messages = " ".join(f.message for f in result.findings)
    assert "full-width letters or digits (2×)" in messages
    assert "traditional characters" in messages and "報" in messages
