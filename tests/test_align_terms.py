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
