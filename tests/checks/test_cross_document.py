"""cross-document: a concept written differently in different documents."""

from conftest import by_check


def test_approved_forms_that_differ_between_documents_are_correct_usage(seed_result):
    # UNODC: 毒罪办 in 000, 毒品和犯罪问题办公室 in the others — both admitted short forms, so no
    # cross-document finding; the two short forms for one concept are abbreviation-use's card
    assert not [f for f in by_check(seed_result, "cross-document") if f.concept == "unodc"]
    (card,) = [c for c in seed_result.cards if c.concept == "unodc"]
    forms = {f.form: f for f in card.forms}
    assert set(forms["毒罪办"].counts) == {"000_5e55f2a5f670052f"}
    assert "000_5e55f2a5f670052f" not in forms["毒品和犯罪问题办公室"].counts
    assert "abbreviation-use" in card.checks and seed_result.cards.index(card) < 10


def test_cross_document_nps(seed_result):
    (nps,) = [f for f in by_check(seed_result, "cross-document") if f.concept == "nps"]
    assert set(nps.forms["新精神活性物质"]) == {"000_5e55f2a5f670052f"}
