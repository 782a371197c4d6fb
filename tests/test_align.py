"""Sentence alignment on real UN sentences (UN Parallel Corpus dev set, tests/data/unpc):
every bead type, either language as the source, the lexical anchors, documents and the command."""

import json
import time

import pytest
from click.testing import CliRunner

from termkit.align import align, align_documents
from termkit.align.dictionary import Lexicon, cedict, content_stems, stem
from termkit.align.features import en_features, zh_features
from termkit.cli import main
from termkit.formats.beads import read_beads
from termkit.glossary import load_glossary
from termkit.text.numbers import en_number_value, zh_numeral_value

from conftest import ROOT, UNPC

GLOSSARY = ROOT / "glossaries" / "un-drug-control.csv"


@pytest.fixture(scope="module")
def unpc():
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    return en, zh


def beads_of(pairs):
    return [(p.src, p.tgt) for p in pairs]


def build(unpc, start, count, edits):
    """English and Chinese sentences from UNPC lines start.., with one edit applied at offset k.

    edits: {k: kind}; kinds: "drop-zh" (1–0), "drop-en" (0–1), "merge-en2" (1–2: two English
    lines joined), "merge-zh2" (2–1), "merge-en3" (1–3), "merge-zh3" (3–1), "cross" (2–2:
    English p+q, r / Chinese p, q+r). Returns (en, zh, gold beads with English as the source).
    """
    en_all, zh_all = unpc
    en, zh, gold = [], [], []
    k = 0
    while k < count:
        e, z = en_all[start + k], zh_all[start + k]
        kind = edits.get(k)
        if kind == "drop-zh":
            gold.append(((len(en),), ()))
            en.append(e)
            k += 1
        elif kind == "drop-en":
            gold.append(((), (len(zh),)))
            zh.append(z)
            k += 1
        elif kind in ("merge-en2", "merge-en3"):
            size = 2 if kind == "merge-en2" else 3
            gold.append(((len(en),), tuple(range(len(zh), len(zh) + size))))
            en.append(" ".join(en_all[start + k : start + k + size]))
            zh.extend(zh_all[start + k : start + k + size])
            k += size
        elif kind in ("merge-zh2", "merge-zh3"):
            size = 2 if kind == "merge-zh2" else 3
            gold.append((tuple(range(len(en), len(en) + size)), (len(zh),)))
            en.extend(en_all[start + k : start + k + size])
            zh.append("".join(zh_all[start + k : start + k + size]))
            k += size
        elif kind == "cross":
            gold.append(((len(en), len(en) + 1), (len(zh), len(zh) + 1)))
            en.extend([e + " " + en_all[start + k + 1], en_all[start + k + 2]])
            zh.extend([z, zh_all[start + k + 1] + zh_all[start + k + 2]])
            k += 3
        else:
            gold.append(((len(en),), (len(zh),)))
            en.append(e)
            zh.append(z)
            k += 1
    return en, zh, gold


BEAD_CASES = [
    ("1-1", {}, (1, 1)),
    ("1-0", {6: "drop-zh"}, (1, 0)),
    ("0-1", {6: "drop-en"}, (0, 1)),
    ("1-2", {6: "merge-en2"}, (1, 2)),
    ("2-1", {6: "merge-zh2"}, (2, 1)),
    ("1-3", {6: "merge-en3"}, (1, 3)),
    ("3-1", {6: "merge-zh3"}, (3, 1)),
    ("2-2", {6: "cross"}, (2, 2)),
]


@pytest.mark.parametrize("name,edits,shape", BEAD_CASES, ids=[c[0] for c in BEAD_CASES])
def test_each_bead_type_on_real_un_sentences(unpc, name, edits, shape):
    en, zh, gold = build(unpc, 2270, 16, edits)
    assert shape in {(len(s), len(t)) for s, t in gold}
    pairs = align(en, zh, src_lang="en")
    assert beads_of(pairs) == gold
    for p in pairs:
        assert 0.0 <= p.score <= 1.0
        assert (p.score == 0.0) == (not p.src or not p.tgt)


def test_chinese_as_the_source_mirrors_the_beads(unpc):
    en, zh, gold = build(unpc, 1200, 14, {3: "merge-en2", 8: "drop-zh"})
    pairs = align(zh, en, src_lang="zh")
    assert beads_of(pairs) == [(t, s) for s, t in gold]


def test_several_edits_in_a_longer_document(unpc):
    edits = {5: "merge-en2", 12: "drop-en", 20: "merge-zh2", 31: "drop-zh", 40: "merge-en3", 52: "merge-zh3"}
    en, zh, gold = build(unpc, 3000, 70, edits)
    pairs = align(en, zh)
    hits = len(set(beads_of(pairs)) & set(gold))
    assert hits >= len(gold) - 2


def test_empty_sides():
    assert align([], []) == []
    assert beads_of(align(["One.", "Two."], [])) == [((0,), ()), ((1,), ())]
    assert beads_of(align([], ["一。"])) == [((), (0,))]
    with pytest.raises(ValueError):
        align(["a"], ["一"], src_lang="fr")


def test_glossary_terms_become_anchors():
    glossary = load_glossary([GLOSSARY])
    lexicon = Lexicon.build(glossary)
    stems = set(content_stems("new psychoactive substances"))
    assert stems <= lexicon.words["新精神活性物质"]
    # CC-CEDICT alone does not know the term as one word
    assert "新精神活性物质" not in cedict()
    en = en_features("New psychoactive substances are on the rise.")
    zh = zh_features("新精神活性物质在增加。", lexicon)
    assert stems <= en.keys.keys() & zh.keys.keys()


def test_anchor_keys_numbers_symbols_months_names():
    lexicon = Lexicon.build()
    zh = zh_features(
        "麻委会第E/CN.7/2024/1号文件，二〇一五年三月，第六十九届会议，陈清扬来了。",
        lexicon,
        names=frozenset({"chenqingyang"}),
    )
    en = en_features("Document E/CN.7/2024/1 of March 2015, sixty-ninth session; Chen Qingyang came.")
    shared = zh.keys.keys() & en.keys.keys()
    assert {"$e/cn.7/2024/1", "#2015", "#m3", "#69", "%chenqingyang"} <= shared
    # full-width digits count as digits
    assert "#2021" in zh_features("２０２１年", lexicon).keys
    assert zh_numeral_value("二〇一五") == 2015 and zh_numeral_value("三十五") == 35
    assert zh_numeral_value("一百零五") == 105 and zh_numeral_value("两千") == 2000
    assert en_number_value("twenty-second") == 22 and en_number_value("well-known") is None


def test_dictionary_is_offline_and_stemmed():
    d = cedict()
    assert len(d) > 100_000
    assert "say" in d["说"] and "drug" in d["毒品"]
    assert stem("said") == "say" and stem("policies") == "policy" and stem("substances") == stem("substance")
    assert content_stems("The Office of the United Nations") == ["offic", "unit", "nation"]


def test_dictionary_cache_file(tmp_path, monkeypatch):
    """Parsed once, then read from the user's cache folder; a damaged cache is rebuilt;
    TERMKIT_CACHE_DIR=off writes nothing. (A small stand-in table keeps the test fast.)"""
    from termkit.align import dictionary

    table = {f"词{k}": frozenset({f"w{k}"}) for k in range(1200)}
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(dictionary, "_parse_cedict", lambda: table)
    dictionary.cedict.cache_clear()
    try:
        assert dictionary.cedict() == table
        (cache,) = (tmp_path / "cache").glob("cedict-*.pickle")
        dictionary.cedict.cache_clear()

        def fail():
            raise AssertionError("parsed again instead of reading the cache")

        monkeypatch.setattr(dictionary, "_parse_cedict", fail)
        assert dictionary.cedict() == table
        cache.write_bytes(b"not a pickle")
        monkeypatch.setattr(dictionary, "_parse_cedict", lambda: table)
        dictionary.cedict.cache_clear()
        assert dictionary.cedict() == table
        monkeypatch.setenv("TERMKIT_CACHE_DIR", "off")
        assert dictionary._cache_file() is None
    finally:
        dictionary.cedict.cache_clear()


@pytest.mark.slow
def test_ten_thousand_scale_is_banded(unpc):
    """4,000 real sentences a side (the whole dev set) align in seconds and almost perfectly."""
    en_all, zh_all = unpc
    en = [s for k, s in enumerate(en_all) if k % 97 != 5]  # a few deletions on each side
    zh = [s for k, s in enumerate(zh_all) if k % 89 != 7]
    t0 = time.perf_counter()
    pairs = align(en, zh)
    elapsed = time.perf_counter() - t0
    assert elapsed < 30  # about 3 s on a quiet machine
    en_line = [k for k in range(len(en_all)) if k % 97 != 5]
    zh_line = [k for k in range(len(zh_all)) if k % 89 != 7]
    good = sum(1 for p in pairs if len(p.src) == len(p.tgt) == 1 and en_line[p.src[0]] == zh_line[p.tgt[0]])
    assert good >= 0.97 * (len(en_all) - 90)


def test_align_documents_segments_or_takes_lines(tmp_path, unpc):
    en_all, zh_all = unpc
    en_file, zh_file = tmp_path / "a.en.txt", tmp_path / "a.zh.txt"
    en_file.write_text("\n".join(en_all[2270:2280]) + "\n", encoding="utf-8")
    zh_file.write_text("\n".join(zh_all[2270:2280]) + "\n", encoding="utf-8")
    presplit = align_documents(en_file, zh_file, presplit=True)
    assert len(presplit.src) == len(presplit.tgt) == 10
    assert beads_of(presplit.pairs) == [((k,), (k,)) for k in range(10)]
    # the same files segmented: sentences are found inside the lines, and still aligned
    segmented = align_documents(en_file, zh_file)
    assert len(segmented.src) >= 10 and len(segmented.tgt) >= 10
    assert all(p.src and p.tgt for p in segmented.pairs)
    # Chinese as the source
    zh_first = align_documents(zh_file, en_file, src_lang="zh", presplit=True)
    assert zh_first.src_lang == "zh" and zh_first.src[0] == zh_all[2270]


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_beads_output_scores_against_a_gold_file(tmp_path, unpc):
    edits = {4: "merge-en2", 9: "drop-zh", 15: "merge-zh2", 22: "drop-en", 27: "merge-en3"}
    en, zh, gold = build(unpc, 500, 40, edits)
    (tmp_path / "en").write_text("\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "zh").write_text("\n".join(zh) + "\n", encoding="utf-8")
    # the gold file of a Chinese → English set, as in ../shared/data/align
    gold_zh_en = "\n".join(f"[{','.join(map(str, t))}]:[{','.join(map(str, s))}]" for s, t in gold) + "\n"
    (tmp_path / "gold").write_text(gold_zh_en, encoding="utf-8")
    r = run(
        "-q",
        "align",
        str(tmp_path / "en"),
        str(tmp_path / "zh"),
        "--presplit",
        "--src-lang",
        "zh",
        "--format",
        "beads",
        "-o",
        str(tmp_path / "out.beads"),
    )
    assert r.exit_code == 0, r.output
    test = [b for b in read_beads((tmp_path / "out.beads").read_text(encoding="utf-8")) if b[0] and b[1]]
    ref = [b for b in read_beads(gold_zh_en) if b[0] and b[1]]
    hits = len(set(test) & set(ref))
    precision, recall = hits / len(test), hits / len(ref)
    assert 2 * precision * recall / (precision + recall) >= 0.95


def test_cli_formats(tmp_path, unpc):
    en_all, zh_all = unpc
    (tmp_path / "a.en").write_text("\n".join(en_all[100:104]) + "\n", encoding="utf-8")
    (tmp_path / "a.zh").write_text("\n".join(zh_all[100:104]) + "\n", encoding="utf-8")
    args = [str(tmp_path / "a.en"), str(tmp_path / "a.zh"), "--presplit", "-g", str(GLOSSARY)]
    r = run("-q", "align", *args)
    lines = r.output.splitlines()
    assert r.exit_code == 0 and lines[0] == "src_ids\ttgt_ids\tscore\tsource\ttarget"
    assert lines[1].split("\t")[:2] == ["0", "0"] and lines[1].split("\t")[4] == zh_all[100]
    r = run("-q", "align", *args, "--format", "jsonl")
    first = json.loads(r.output.splitlines()[0])
    assert first["src"] == [0] and first["tgt"] == [0] and first["source"] == en_all[100]
    r = run("align", *args, "-o", str(tmp_path / "out.tmx"))  # format from the extension
    assert r.exit_code == 0 and (tmp_path / "out.tmx").read_text(encoding="utf-8").count("<tu ") == 4


def test_files_given_in_the_wrong_languages_are_refused(tmp_path, unpc):
    en_all, zh_all = unpc
    en, zh = tmp_path / "doc.en.txt", tmp_path / "doc.zh.txt"
    en.write_text("\n".join(en_all[200:210]) + "\n", encoding="utf-8")
    zh.write_text("\n".join(zh_all[200:210]) + "\n", encoding="utf-8")
    out = tmp_path / "out.tmx"
    swapped = run("align", str(zh), str(en), "-o", str(out))
    assert swapped.exit_code == 2 and not out.exists()
    assert (
        swapped.stderr
        == f"termkit: error: {zh}: the English file is Chinese text and the Chinese file ({en}) is English: the two look swapped (the English file comes first)\n"
    )
    both = run("align", str(en), str(en), "-o", str(out))
    assert both.exit_code == 2 and not out.exists()
    assert both.stderr == f"termkit: error: {en}: given as the Chinese file, but the text is English\n"
    right = run("-q", "align", str(en), str(zh), "-o", str(out))
    assert right.exit_code == 0 and 'xml:lang="zh' in out.read_text(encoding="utf-8")


def test_cli_missing_file_is_a_one_line_error(tmp_path):
    r = CliRunner().invoke(main, ["align", str(tmp_path / "nope.en"), str(tmp_path / "nope.zh")])
    assert r.exit_code == 2 and "termkit: error:" in r.output and "nope.en" in r.output
