"""abbreviation-use: short forms before their definition, two short forms for one full form."""

from termkit.check import check_documents

from conftest import by_check, doc


def test_abbreviation_used_before_definition(glossary):
    text = "毒罪办提供了支助。联合国毒品和犯罪问题办公室（毒罪办）主办了会议。毒罪办总部在维也纳。"
    result = check_documents([doc("d1", text)], glossary, checks=["abbreviation-use"])
    (f,) = [f for f in result.findings if "before its full form" in f.message]
    assert f.forms == {"毒罪办": {"d1": 1}}
    assert f.locations[0].start == 0
    # UN practice: the fix is the full name at the first mention, not a bracketed definition
    assert f.suggestion == "write the full form 联合国毒品和犯罪问题办公室 at the first mention, 毒罪办 after it"
    (card,) = result.cards
    assert card.locations[0].start == 0 and (card.locations[0].line, card.locations[0].column) == (1, 1)


def test_a_short_form_on_its_own_is_not_asked_for_its_full_form(glossary):
    # 缉获 (shortForm of 毒品缉获) reads as a word; an abbreviation such as 毒罪办 needs its full name
    result = check_documents([doc("d1", "缉获量有所增加。毒罪办提供了支助。")], glossary, checks=["abbreviation-use"])
    assert [set(f.forms) for f in result.findings] == [{"毒罪办"}]


def test_two_short_forms_for_one_concept(seed_result):
    two = [f for f in by_check(seed_result, "abbreviation-use") if f.concept == "unodc" and "short forms" in f.message]
    assert two and set(two[0].forms) >= {"毒罪办", "毒品和犯罪问题办公室"}
