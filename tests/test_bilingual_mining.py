"""Bilingual term extraction: mined Chinese terms with English equivalents from the English
originals — document pairing, the map over pairs, parallel files as input, the outputs."""

import csv
import io
import json

import pytest

from termkit.formats.candidates import read_candidates
from termkit.formats.tbx import read as read_tbx
from termkit.formats.tmx import write_tmx
from termkit.glossary import Glossary
from termkit.mine.bilingual import english_equivalents, mine_bilingual
from termkit.mine.pairing import document_key, pair_documents, read_pairs_file
from termkit.model import Concept, Term, TranslationUnit

from conftest import UNPC, run

EN = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
ZH = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Three UN document pairs as running text, named the ways users name them."""
    root = tmp_path_factory.mktemp("bilingual")
    (root / "en").mkdir()
    (root / "zh").mkdir()
    names = [
        ("report.en.txt", "report.zh.txt"),
        ("A_70_1-EN.txt", "A_70_1-ZH.txt"),
        ("notes_english.txt", "notes_中文.txt"),
    ]
    for k, (en, zh) in enumerate(names):
        lines = slice(k * 300, (k + 1) * 300)
        (root / "en" / en).write_text("\n\n".join(EN[lines]) + "\n", encoding="utf-8")
        (root / "zh" / zh).write_text("\n\n".join(ZH[lines]) + "\n", encoding="utf-8")
    (root / "zh" / "alone.txt").write_text("\n\n".join(ZH[900:1000]) + "\n", encoding="utf-8")
    return root


def test_documents_are_paired_by_name_without_language_marks(corpus):
    assert document_key("report.en.txt") == document_key("report.zh.txt") == "report"
    assert document_key("A_70_1-EN.pdf") == document_key("A_70_1-ZH.txt") == "a_70_1"
    pairing = pair_documents(sorted((corpus / "zh").glob("*.txt")), sorted((corpus / "en").glob("*.txt")))
    assert sorted((p[0].rsplit("/", 1)[1], p[1].rsplit("/", 1)[1]) for p in pairing.pairs) == [
        ("A_70_1-EN.txt", "A_70_1-ZH.txt"),
        ("notes_english.txt", "notes_中文.txt"),
        ("report.en.txt", "report.zh.txt"),
    ]
    assert [p.rsplit("/", 1)[1] for p in pairing.unpaired_zh] == ["alone.txt"]


def test_the_un_symbol_on_the_cover_pairs_documents_named_differently(tmp_path):
    (tmp_path / "N1812345.txt").write_text("E/CN.7/2024/1\n\n" + "\n".join(ZH[:20]), encoding="utf-8")
    (tmp_path / "V2400123.txt").write_text("E/CN.7/2024/1\n\n" + "\n".join(EN[:20]), encoding="utf-8")
    pairing = pair_documents([tmp_path / "N1812345.txt"], [tmp_path / "V2400123.txt"])
    assert len(pairing.pairs) == 1 and pairing.pairs[0][1].endswith("N1812345.txt")


def test_a_pairs_file_names_the_pairs(tmp_path, corpus):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(f"# en\tzh\n{corpus}/en/report.en.txt\t{corpus}/zh/alone.txt\n", encoding="utf-8")
    assert [(a.rsplit("/", 1)[1], b.rsplit("/", 1)[1]) for a, b, _ in read_pairs_file(pairs)] == [
        ("report.en.txt", "alone.txt")
    ]
    pairs.write_text("only-one-column.txt\n", encoding="utf-8")
    with pytest.raises(Exception, match="pairs.tsv:1: expected an English and a Chinese path"):
        read_pairs_file(pairs)


@pytest.fixture(scope="module")
def mined(corpus):
    return mine_bilingual([corpus / "zh"], [corpus / "en"], top=60, contexts=1)


def english_of(result, zh):
    (c,) = [c for c in result.mined.candidates if c.text == zh]
    return c.english


def test_candidates_get_english_equivalents_with_evidence_and_an_example(mined):
    assert len(mined.pairing.pairs) == 3 and mined.segments > 500
    (best, *alternatives) = english_of(mined, "安全理事会")
    assert best.en == "Security Council" and best.confidence > 0.8 and len(alternatives) <= 2
    assert "aligned" in best.evidence and any(e.startswith("CC-CEDICT") for e in best.evidence)
    en, zh = best.example
    assert "Security Council" in en and "安全理事会" in zh
    assert mined.with_english >= 40  # of the top 60


def test_the_same_with_a_process_pool(corpus, mined):
    pooled = mine_bilingual([corpus / "zh"], [corpus / "en"], top=60, contexts=1, jobs=2)
    assert [(c.text, [(e.en, e.confidence) for e in c.english]) for c in pooled.mined.candidates] == [
        (c.text, [(e.en, e.confidence) for e in c.english]) for c in mined.mined.candidates
    ]


def test_a_new_chinese_form_of_a_known_concept_is_found_by_its_english(corpus):
    # the glossary knows the Security Council in English only under another Chinese form
    glossary = Glossary(concepts=[Concept("unsc", [Term("Security Council", "en"), Term("安理会", "zh")])], paths=[])
    result = mine_bilingual([corpus / "zh"], [corpus / "en"], top=60, contexts=0)
    from termkit.mine.bilingual import attach

    candidates = result.mined.candidates
    proposals = {c.text: c.english for c in candidates}
    attach(candidates, proposals, glossary)
    (c,) = [c for c in candidates if c.text == "安全理事会"]
    assert c.status == "new-variant" and c.match.concept.id == "unsc" and c.match.term.text == "Security Council"


def test_parallel_files_are_input_as_they_are(tmp_path):
    units = [TranslationUnit(str(k), en, zh, "en", "zh-CN") for k, (en, zh) in enumerate(zip(EN[:600], ZH[:600]))]
    with open(tmp_path / "memory.tmx", "w", encoding="utf-8") as fh:
        write_tmx(units, fh, "en", "zh-CN")
    (tmp_path / "aligned.tsv").write_text(
        "src_ids\ttgt_ids\tscore\tsource\ttarget\n"
        + "".join(f"{k}\t{k}\t0.9\t{en}\t{zh}\n" for k, (en, zh) in enumerate(zip(EN[600:900], ZH[600:900]))),
        encoding="utf-8",
    )
    result = mine_bilingual([tmp_path / "memory.tmx", tmp_path / "aligned.tsv"], top=40, contexts=0)
    assert result.segments == 900 and result.mined.n_docs == 2
    assert english_of(result, "安全理事会")[0].en == "Security Council"


def test_english_equivalents_of_segment_pairs_you_already_have():
    proposals = english_equivalents(list(zip(EN[:1500], ZH[:1500])), ["人权理事会", "可持续发展目标"])
    assert proposals["人权理事会"][0].en == "Human Rights Council"
    assert proposals["可持续发展目标"][0].en.lower() == "sustainable development goals"


def test_mine_and_run_write_the_english(tmp_path, corpus):
    out = tmp_path / "terms.csv"
    r = run("mine", corpus / "zh", "--source", corpus / "en", "--top", "30", "-o", out)
    assert r.exit_code == 0, r.output
    assert "English for" in r.stderr and "alone.txt" in r.stderr  # the unpaired document is named
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    council = next(row for row in rows if row["text"] == "安全理事会")
    assert council["english"] == "Security Council" and float(council["english_confidence"]) > 0.8
    assert " ||| " in council["english_example"]
    back = {c.text: c for c in read_candidates(out)}
    assert back["安全理事会"].english[0].en == "Security Council"
    jsonl = tmp_path / "terms.jsonl"
    assert run("mine", corpus / "zh", "--source", corpus / "en", "--top", "30", "-o", jsonl, "-q").exit_code == 0
    record = next(json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if '"安全理事会"' in line)
    assert record["english"][0]["en"] == "Security Council" and record["english"][0]["example"]["zh"]

    done = run(
        "run", corpus / "zh", "--source", corpus / "en", "-o", tmp_path / "out", "--top", "30", "--fail-on", "never"
    )
    assert done.exit_code == 0, done.output
    proposed = {c.terms[0].text: c for c in read_tbx(tmp_path / "out" / "proposed.tbx").concepts}
    entry = proposed["安全理事会"]
    assert [(t.lang, t.text, t.status) for t in entry.terms] == [
        ("zh", "安全理事会", "proposed"),  # the language-tag header maps zh-CN back
        ("en", "Security Council", "proposed"),
    ]


def test_abbreviations_found_by_their_characters_in_order():
    from termkit.mine.bilingual import full_forms
    from termkit.model import Candidate

    terms = ["安全理事会", "经济及社会理事会", "斯德哥尔摩公约缔约方大会", "国际人道主义法"]
    found = full_forms([Candidate("安理会"), Candidate("经社理事会"), Candidate("缔约方大会")], terms)
    assert found == {"安理会": ["安全理事会"], "经社理事会": ["经济及社会理事会"]}  # 缔约方大会 is a part, not one
    # a candidate the miner says abbreviates a longer form that holds it whole is a part of it too
    assert full_forms([Candidate("缔约方大会", abbreviation_of="斯德哥尔摩公约缔约方大会")], terms) == {}


def test_an_abbreviation_takes_its_full_forms_english_only_where_it_stands_beside_it():
    pairs = list(zip(EN, ZH))
    result = english_equivalents(pairs, ["安理会", "安全理事会", "国际法", "国际人道主义法"])
    from termkit.align.cooccurrence import chinese_terms, count_cooccurrences
    from termkit.mine.bilingual import inherit_from_full_forms
    from termkit.model import Candidate

    cands = [Candidate(t) for t in ("安理会", "安全理事会", "国际法", "国际人道主义法")]
    counts = count_cooccurrences(pairs, chinese_terms(cands))
    inherit_from_full_forms(cands, result, counts)
    assert result["安理会"][0].en == "Security Council"
    assert result["安理会"][0].evidence == ["aligned", "abbreviation of 安全理事会"]
    # 国际人道主义法 holds 国,际,法 in order, but international humanitarian law rarely stands beside 国际法
    assert result["国际法"][0].en == "international law"


def test_the_runs_word_lists_reach_the_english_equivalents(tmp_path):
    # 特克斯和凯科斯群岛 joins two parts with 和 (the miner's list of coordinators), so "Turks and
    # Caicos Islands" wins the tie with "British Virgin Islands" (both in the same two lists of
    # territories); a user's --lexicon whose coordinators.txt replaces the list without 和 is the
    # list the equivalents use too, and the lists in use afterwards are the ones before
    from termkit.mine.lexicon import lexicon

    pairs = list(zip(EN[:2000], ZH[:2000]))
    term = "特克斯和凯科斯群岛"
    assert english_equivalents(pairs, [term])[term][0].en == "Turks and Caicos Islands"
    (tmp_path / "coordinators.txt").write_text("# mode: replace\n暨\n", encoding="utf-8")
    before = lexicon()
    other = english_equivalents(pairs, [term], lexicon=tmp_path)[term]
    assert [e.en for e in other[:2]] == ["British Virgin Islands", "Turks and Caicos Islands"]
    assert lexicon() is before


def test_an_abbreviation_whose_own_english_is_a_piece_of_the_full_forms_takes_it_from_one_segment():
    # 经社理事会 comes with "council" (the Council, after the first mention) and once with
    # "Economic and Social Council": its own English is a piece of its full form's, and one
    # segment beside it is enough
    from termkit.align.cooccurrence import chinese_terms, count_cooccurrences
    from termkit.mine.bilingual import inherit_from_full_forms
    from termkit.model import Candidate

    pairs = list(zip(EN[:2000], ZH[:2000]))
    cands = [Candidate(t) for t in ("经社理事会", "经济及社会理事会")]
    result = english_equivalents(pairs, cands)
    counts = count_cooccurrences(pairs, chinese_terms(cands))
    assert result["经社理事会"][0].en == "council"
    assert counts.co["经社理事会"]["economi and social council"] == 1
    inherit_from_full_forms(cands, result, counts)
    assert result["经社理事会"][0].en == "Economic and Social Council"
    assert result["经社理事会"][0].evidence == ["aligned", "abbreviation of 经济及社会理事会"]
