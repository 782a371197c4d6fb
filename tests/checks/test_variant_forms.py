"""variant-forms: one concept in several forms, with a glossary and discovered without one; the false-variant guards."""

import pytest

from termkit.check.discover import _related, candidate_pairs
from termkit.pipeline import check_paths

from conftest import SEEDS, by_check, seed_text


def test_variant_forms_within_one_document(seed_result):
    (hiv,) = [f for f in by_check(seed_result, "variant-forms") if f.concept == "hiv"]
    assert hiv.preferred == "艾滋病毒"
    assert hiv.severity == "error"
    assert hiv.forms["艾滋病病毒"]["000_5e55f2a5f670052f"] >= 1
    assert hiv.forms["艾滋病毒"]["001_a1e2a0e00d5c9997"] >= 1
    # 000 also writes 艾滋病毒, inside the name of UNODC's HIV/AIDS Section
    assert any("艾滋病毒 also appears inside 艾滋病毒和艾滋病科 in 000_5e55f2a5f670052f" in e for e in hiv.evidence)
    assert any("written both ways within 000_5e55f2a5f670052f" in e for e in hiv.evidence)
    text = seed_text("000")
    for loc in hiv.locations:
        assert text[loc.start : loc.end] == "艾滋病病毒"
        assert loc.sentence in text and loc.sentence_start <= loc.start < loc.sentence_start + len(loc.sentence)


def test_real_inconsistencies_come_first(seed_result):
    first = seed_result.findings[:3]
    assert {f.concept for f in first} >= {"hiv", "nps"}


@pytest.mark.parametrize(
    "a, b",
    [
        ("联合国", "联合王国"),  # a country
        ("区域合作", "区域间合作"),  # scope word
        ("第三十届特别会议", "第三十九届特别会议"),  # a number
        ("国际合作", "国家合作"),  # international vs national
        ("有组织犯罪", "跨国有组织犯罪"),  # nested term (added at the edge)
        ("合法市场", "非法市场"),  # polarity
        ("专家会议", "专家组会议"),  # a body
        ("管制药物", "药物管制"),  # a swap of modifier and head
        ("全球方案", "全球联合方案"),  # a longer insertion is another concept
    ],
)
def test_look_alikes_are_not_variants(a, b):
    assert _related(a, b) is None
    assert candidate_pairs([a, b]) == []


@pytest.mark.parametrize(
    "a, b",
    [
        ("艾滋病毒", "艾滋病病毒"),
        ("新精神活性物质", "新型精神活性物质"),
        ("减少危害", "减少伤害"),
        ("毒品贩运", "贩运毒品"),
        ("国家毒品战略", "国家毒品管制战略"),
    ],
)
def test_true_variants_are_related(a, b):
    assert _related(a, b) is not None
    assert len(candidate_pairs([a, b])) == 1


def test_without_glossary_the_seed_variants_are_discovered():
    result = check_paths([SEEDS], [])
    forms = [set(f.forms) for f in result.findings if f.check in ("variant-forms", "cross-document")]
    assert any({"艾滋病毒", "艾滋病病毒"} <= fs for fs in forms)
    assert any({"新精神活性物质", "新型精神活性物质"} <= fs for fs in forms)
    assert any({"毒罪办", "毒品和犯罪问题办公室"} <= fs for fs in forms)
    for fs in forms:
        assert not {"联合国", "联合王国"} <= fs
    # a piece of two words is no one's way of writing a concept: 方合作 is the end of 利益攸关方
    # followed by 合作 wherever it occurs in the seeds
    assert not any("方合作" in fs for fs in forms)
    assert "利益攸关方合作" in seed_text("004")


def test_a_form_crossing_a_candidates_edge_everywhere_is_a_fragment():
    from termkit.check.context import CheckContext
    from termkit.check.fragments import fragments
    from termkit.documents import load_documents
    from termkit.model import Candidate

    docs = list(load_documents([SEEDS]))
    ctx = CheckContext(docs=docs, candidates=[Candidate("利益攸关方"), Candidate("方案合作")])
    assert fragments(ctx, {"方合作", "方案合作"}) == {"方合作"}
