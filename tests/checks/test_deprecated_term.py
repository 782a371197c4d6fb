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


def test_a_deprecated_form_inside_a_longer_title_is_the_title_as_cited(glossary):
    cited = doc("t", "各国参照了《2016-2021年艾滋病病毒战略》。该战略得到执行。")
    assert check_documents([cited], glossary, checks=["deprecated-term", "variant-forms"]).findings == []
    # the concept's own title with a year is the writer's choice of form
    own = doc("w", "毒罪办发布了《2013年世界毒品报告》。《2018年世界毒品问题报告》也已发布。")
    result = check_documents([own], glossary, checks=["variant-forms"])
    assert [set(f.forms) for f in result.findings] == [{"世界毒品报告", "世界毒品问题报告"}]
