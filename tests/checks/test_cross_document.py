"""cross-document: a concept written differently in different documents."""

from conftest import by_check


def test_cross_document_unodc(seed_result):
    (unodc,) = [f for f in by_check(seed_result, "cross-document") if f.concept == "unodc"]
    assert "毒罪办" in unodc.forms and "毒品和犯罪问题办公室" in unodc.forms
    assert set(unodc.forms["毒罪办"]) == {"000_5e55f2a5f670052f"}
    assert "000_5e55f2a5f670052f" not in unodc.forms["毒品和犯罪问题办公室"]


def test_cross_document_nps(seed_result):
    (nps,) = [f for f in by_check(seed_result, "cross-document") if f.concept == "nps"]
    assert set(nps.forms["新精神活性物质"]) == {"000_5e55f2a5f670052f"}
