"""Bilingual term pairs from aligned segments: real UN sentence pairs (UNPC dev set)."""

import pytest

from termkit.align.cooccurrence import en_ngrams
from termkit.align.terms import pairs_to_concepts, propose_equivalents
from termkit.glossary import load_glossary
from termkit.model import TranslationUnit

from conftest import ROOT, UNPC


@pytest.fixture(scope="module")
def un_pairs():
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    return list(zip(en, zh))


def best(pairs, zh):
    return next(p for p in pairs if p.zh == zh)


def test_english_equivalents_of_un_terms(un_pairs):
    pairs = propose_equivalents(un_pairs, ["安全理事会", "麻醉药品委员会", "可持续发展目标", "人权理事会", "秘书长"])
    assert best(pairs, "安全理事会").en == "Security Council"
    assert best(pairs, "麻醉药品委员会").en == "Commission on Narcotic Drugs"  # not the fragment "Narcotic Drugs"
    assert best(pairs, "可持续发展目标").en.lower() == "sustainable development goals"
    assert best(pairs, "人权理事会").en == "Human Rights Council"
    assert best(pairs, "秘书长").en == "Secretary-General"
    top = best(pairs, "安全理事会")
    assert top.confidence > 0.9 and top.cooccurrences > 100 and any("dictionary" in e for e in top.evidence)
    assert top.examples and all("Security Council" in en and "安全理事会" in zh for en, zh in top.examples)
    assert [p.confidence for p in pairs] == sorted((p.confidence for p in pairs), reverse=True)


def test_abbreviation_in_the_chinese_and_glossary_evidence():
    glossary = load_glossary([ROOT / "glossaries" / "un-drug-control.csv"])
    segments = [
        TranslationUnit(
            "1",
            "The use of amphetamine-type stimulants (ATS) is rising.",
            "苯丙胺类兴奋剂（ATS）的使用在增加。",
            "en",
            "zh",
        ),
        TranslationUnit(
            "2", "Seizures of amphetamine-type stimulants doubled.", "苯丙胺类兴奋剂缉获量翻了一番。", "en", "zh"
        ),
        TranslationUnit(
            "3", "Markets for amphetamine-type stimulants grew in Asia.", "亚洲的苯丙胺类兴奋剂市场扩大。", "en", "zh"
        ),
        TranslationUnit("4", "The Commission met in Vienna.", "委员会在维也纳开会。", "en", "zh"),
    ]
    (pair,) = [p for p in propose_equivalents(segments, ["苯丙胺类兴奋剂"], glossary, top=1)]
    assert pair.en == "amphetamine-type stimulants"
    assert "abbreviation ATS" in pair.evidence and "glossary" in pair.evidence
    (concept,) = pairs_to_concepts([pair])
    assert [(t.lang, t.text) for t in concept.terms] == [
        ("zh", "苯丙胺类兴奋剂"),
        ("en", "amphetamine-type stimulants"),
    ]
    assert "abbreviation ATS" in concept.terms[0].note and "context:" in concept.terms[0].note


def test_units_with_chinese_as_the_source_and_mined_candidates(un_pairs):
    from termkit.model import Candidate

    units = [TranslationUnit(str(k), zh, en, "zh-CN", "en") for k, (en, zh) in enumerate(un_pairs[:1500])]
    pairs = propose_equivalents(units, [Candidate("联合国"), Candidate("United Nations")])
    assert best(pairs, "联合国").en == "United Nations"
    assert all(p.zh == "联合国" for p in pairs)  # English candidates are skipped


def test_ngrams_stop_at_punctuation_and_function_words():
    grams = en_ngrams("The Commission on Narcotic Drugs, at its session.")
    assert "Commission on Narcotic Drugs" in grams and "Narcotic Drugs" in grams
    assert not any(g.startswith(("The ", "on ", "at ")) or g.endswith((" on", " its")) for g in grams)
    assert "Drugs at" not in grams and "Drugs, at" not in grams


def test_english_terms_whole_not_pieces_nor_neighbours(un_pairs):
    """The mechanisms behind bench/equivalents_eval.py, on real UN sentence pairs: no piece of a
    longer name, no words the Chinese beside the term says, no capital that belongs to a name."""
    terms = ["缔约方大会", "全球环境基金", "核紧急情况", "北京宣言", "行动纲要", "气候变化", "土著人民"]
    pairs = propose_equivalents(un_pairs, terms)
    # the longer n-gram also holds the Stockholm Convention, which 斯德哥尔摩公约 beside the term says
    assert best(pairs, "缔约方大会").en == "Conference of the Parties"
    assert best(pairs, "全球环境基金").en == "Global Environment Facility"  # not the piece Global Environment
    # 准备与应对 (preparedness and response) and 《行动纲要》 stand beside the terms in the Chinese
    assert best(pairs, "核紧急情况").en == "nuclear emergencies"
    assert best(pairs, "北京宣言").en == "Beijing Declaration"
    assert best(pairs, "行动纲要").en == "Platform for Action"  # 北京 is beside it, not in it
    # capitals only inside names (Convention on Climate Change, Declaration on the Rights of …)
    assert best(pairs, "气候变化").en == "climate change"
    assert best(pairs, "土著人民").en == "indigenous peoples"


def test_a_best_proposal_completed_by_the_longer_name_around_it(un_pairs):
    pairs = propose_equivalents(un_pairs, ["化学武器公约", "彻底消除核武器", "特设工作组", "境内流离失所者"])
    # the longer n-gram stands in one segment only, but translates the rest of the term
    assert best(pairs, "化学武器公约").en == "Chemical Weapons Convention"
    # 彻底 (total, complete): elimination of nuclear weapons, in 7 segments of 7, says a part only
    total = [p.en for p in pairs if p.zh == "彻底消除核武器"]
    assert total[:2] == ["total elimination of nuclear weapons", "complete elimination of nuclear weapons"]
    assert "elimination of nuclear weapons" not in total
    # chemical weapons leaves 公约 out: the whole name comes first by itself, no completion needed
    weapons = [p.en for p in pairs if p.zh == "化学武器公约"]
    assert "chemical weapons" not in weapons[:1]
    assert best(pairs, "特设工作组").en == "Ad Hoc Working Group"  # not "consideration by the …"
    assert best(pairs, "境内流离失所者").en == "internally displaced persons"  # 者


def test_hyphenated_words_and_clause_words(un_pairs):
    from termkit.align.cooccurrence import _en_key

    # capacity-building is a word of its own, not capacity; co-operation is cooperation
    assert _en_key("capacity-building") != _en_key("capacity") and _en_key("co-operation") == _en_key("cooperation")
    pairs = propose_equivalents(un_pairs, ["能力建设", "2015年后发展议程"])
    assert best(pairs, "能力建设").en == "capacity-building"
    assert best(pairs, "2015年后发展议程").en == "post-2015 development agenda"
    grams = en_ngrams("The Advisory Committee recommends that the General Assembly request WHO to act.")
    assert "Advisory Committee recommends" in grams and "General Assembly" in grams
    assert not any("that" in g.split() for g in grams)  # a term is a noun phrase, not a clause
    assert "WHO" in grams  # an acronym is not the clause word "who"


def test_a_proposal_that_translates_a_part_of_the_term(un_pairs):
    """Every English word the dictionary's, yet a word of the term left out: a piece of the term."""
    from termkit.align.dictionary import Lexicon
    from termkit.align.glosses import gloss_stems, untranslated

    words = Lexicon.build().words

    def left_out(zh, en):
        return untranslated(zh, gloss_stems(zh, words)[1], words, en)

    assert left_out("发表声明", "statement") == ["发表"]  # to make (issue) a statement
    assert left_out("技术转让区域中心", "technology transfer") == ["区域", "中心"]
    assert left_out("成员国", "members") == ["国"]  # 成员国 is member country: members says 成员
    assert left_out("成员国", "member States") == []
    assert left_out("裁军谈判会议", "Conference on Disarmament") == []  # conference is 会议's too
    assert left_out("DLDD监测系统", "monitoring system") == ["DLDD"]
    assert left_out("DLDD监测系统", "DLDD monitoring system") == []
    pairs = propose_equivalents(un_pairs, ["成员国", "发表声明", "关键作用", "安全部队"])
    assert best(pairs, "成员国").en == "member States"  # not members, in more segments
    # nothing whole around statement, which only the dictionary let in (Dice 0.20): no proposal
    assert not any(p.zh == "发表声明" for p in pairs)
    # crucial stands with 关键作用 on its own (Dice 0.24): kept, with less confidence — and, before
    # a noun in every segment that holds it, with the noun that goes with the term most (role) —
    # which the segments teach is 作用's English, so the longer n-gram completes it first
    crucial = best(pairs, "关键作用")
    assert crucial.en == "crucial role" and "the longer name translates more of the term" in crucial.evidence
    assert crucial.confidence < 0.55 * crucial.dice + 0.35 * 0.75
    # in the first 2,000 pairs, provisions stands in all 3 segments of 各项规定 and in 76 more
    # (Dice 0.07): the dictionary's whole translation of the term's usual English is kept
    provisions = best(propose_equivalents(un_pairs[:2000], ["各项规定"]), "各项规定")
    assert provisions.en == "provisions" and provisions.cooccurrences == 3 and provisions.dice < 0.1
    # security force is written with capitals only inside a name (Interim Security Force for Abyei)
    assert best(pairs, "安全部队").en == "security forces"
