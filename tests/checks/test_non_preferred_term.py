"""non-preferred-term: an admitted form where a preferred one exists — a warning only where the
writer mixes it with the preferred form in one document; short forms are never reported."""

from termkit.check import check_documents
from termkit.glossary import Glossary
from termkit.model import Concept, Term

from conftest import by_check, doc

HARM = Concept("harm-reduction", [Term("减少危害", "zh", "preferred"), Term("减少伤害", "zh", "admitted")])
WHO = Concept(
    "who", [Term("世界卫生组织", "zh", "preferred", "fullForm"), Term("世卫组织", "zh", "admitted", "abbreviation")]
)


def findings(*docs):
    return by_check(
        check_documents(list(docs), Glossary(concepts=[HARM, WHO]), checks=["non-preferred-term"]), "non-preferred-term"
    )


def test_an_admitted_form_beside_the_preferred_one_in_a_document_is_a_warning():
    (f,) = findings(doc("a", "各国采取减少危害措施。减少伤害服务覆盖面仍然有限。"))
    assert f.severity == "warning" and f.concept == "harm-reduction" and set(f.forms) == {"减少伤害"}


def test_an_admitted_form_alone_in_its_document_is_information():
    (f,) = findings(doc("a", "各国采取减少危害措施。"), doc("b", "减少伤害服务覆盖面仍然有限。"))
    assert f.severity == "info"


def test_one_admitted_form_throughout_is_not_reported():
    assert findings(doc("a", "减少伤害服务覆盖面仍然有限。"), doc("b", "减少伤害方案。")) == []


def test_a_short_form_after_its_full_form_is_correct_usage(seed_result):
    # UN style: 世界卫生组织 at first mention, 世卫组织 after it
    assert findings(doc("a", "世界卫生组织（世卫组织）发布了指南。世卫组织还提供了技术援助。")) == []
    assert not [f for f in by_check(seed_result, "non-preferred-term") if f.concept == "who"]
