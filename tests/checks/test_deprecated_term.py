"""deprecated-term: a deprecated or superseded glossary form, on the seeds."""

from termkit.check import check_documents
from termkit.pipeline import check_paths

from conftest import GLOSSARY, SEEDS, by_check, doc


def test_deprecated_term_is_an_error(seed_result):
    nps = [f for f in by_check(seed_result, "deprecated-term") if f.concept == "nps"]
    assert nps and nps[0].severity == "error" and nps[0].preferred == "新精神活性物质"
    assert set(nps[0].forms) == {"新型精神活性物质"}


def test_a_former_name_is_right_in_a_document_older_than_the_change(seed_result):
    # 001 is the Secretary-General's report of 2018: 新闻部, 维持和平行动部, 政治事务部 were the names
    # then (replaced on 1 January 2019, the glossary's valid_until)
    assert not [f for f in seed_result.findings if f.concept in ("dgc", "dpo", "dppa", "euda")]
    assert seed_result.dates["001_a1e2a0e00d5c9997"] == "2018-03-01"  # no cover date: the latest it mentions


def test_the_same_names_in_a_later_document_are_outdated_warnings():
    later = check_paths([SEEDS / "001_a1e2a0e00d5c9997.txt"], [GLOSSARY], date="2020-06-01", discover=False)
    found = {f.concept: f for f in by_check(later, "deprecated-term")}
    assert {"dgc", "dpo", "dppa"} <= set(found)
    assert found["dgc"].severity == "warning" and "superseded since 2019-01-01" in found["dgc"].message
    assert found["dgc"].preferred == "全球传播部"


def test_forms_inside_a_title_are_the_title_as_cited(glossary):
    cited = doc("t", "各国参照了《2016-2021年艾滋病病毒战略》。该战略得到执行。")
    assert check_documents([cited], glossary, checks=["deprecated-term", "variant-forms"]).findings == []
    # an edition cited under its own title is cited as it was published
    editions = doc("w", "毒罪办发布了《2013年世界毒品报告》。《2018年世界毒品问题报告》也已发布。")
    assert check_documents([editions], glossary, checks=["variant-forms"]).findings == []
    # the title of a resolution, quoted after 题为 ("entitled")
    resolution = doc("r", "委员会通过了题为“联合国国际毒品管制方案基金 2018-2019 两年期预算”的第 61/1 号决议。")
    assert check_documents([resolution], glossary, checks=["variant-forms", "non-preferred-term"]).findings == []
    # outside a title the same form is the writer's choice
    running = doc("x", "艾滋病病毒感染率上升。艾滋病毒检测很重要。")
    assert {f.concept for f in check_documents([running], glossary, checks=["deprecated-term"]).findings} == {"hiv"}


def test_the_preferred_form_with_its_bodys_name_before_it_names_it_in_full(glossary):
    # 联合国秘书处 (admitted) is 秘书处 (preferred) named in full: explicit, not a second way
    text = doc("s", "秘书处编写了报告。本出版物所用名称不意味着联合国秘书处对任何国家的法律地位表示任何意见。")
    assert check_documents([text], glossary, checks=["variant-forms", "non-preferred-term"]).findings == []


def test_a_short_form_inside_a_longer_form_of_its_concept_is_not_a_use(glossary):
    # 刑警组织 only ever inside 国际刑警组织: not a second short form of INTERPOL
    text = doc("i", "国际刑事警察组织（国际刑警组织）提供了支助。国际刑警组织还发布了通报。")
    assert check_documents([text], glossary, checks=["abbreviation-use"]).findings == []
