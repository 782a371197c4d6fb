"""The aligner under stress, on real UN sentences (tests/data/unpc): an English side with 1.5× the
sentences, a long document made of many, a block missing, a block moved, another document's
translation — the search must not lose the path, and what it cannot pair it must say.

The stress sets are built by bench/align_stress.py (the same builders as the benchmark's)."""

import random
import sys

import pytest
from click.testing import CliRunner

from termkit.align import align, align_checked, align_documents
from termkit.align.cost import AlignParams, Scorer
from termkit.align.dictionary import Lexicon
from termkit.align.features import en_features, extract_features, zh_features
from termkit.align.search import band_from_path, banded_search, bead_types, dp
from termkit.cli import main

from conftest import ROOT, UNPC

sys.path.insert(0, str(ROOT / "bench"))
import align_stress as stress


@pytest.fixture(scope="module")
def unpc():
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    return en, zh


def document(unpc, start, count, name="doc"):
    """Lines start..start+count-1 as a document, English the source, every line its own 1–1 bead."""
    en, zh = unpc
    return (name, en[start : start + count], zh[start : start + count], [((k,), (k,)) for k in range(count)])


def strict_f1(gold, pairs):
    gold = {b for b in gold if b[0] and b[1]}
    test = {(p.src, p.tgt) for p in pairs if p.src and p.tgt}
    hits = len(gold & test)
    if not hits:
        return 0.0
    precision, recall = hits / len(test), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def paired(pairs):
    return sum(len(p.src) + len(p.tgt) for p in pairs if p.src and p.tgt)


def test_english_side_with_one_and_a_half_times_the_sentences(unpc):
    """The regime where the old search lost the path: far more English than Chinese sentences."""
    name, en, zh, gold = stress.split_side(document(unpc, 1200, 160), 0, 1.5, random.Random(1))
    assert len(en) >= 1.45 * len(zh)
    result = align_checked(en, zh, src_lang="en")
    assert strict_f1(gold, result.pairs) >= 0.85
    assert paired(result.pairs) >= 0.97 * (len(en) + len(zh))
    assert result.stretches == []  # nothing to report on a sound translation


def test_long_document_joined_from_many_stays_on_the_path(unpc):
    docs = [document(unpc, 300 * k, 250, f"d{k}") for k in range(6)]
    name, en, zh, gold = stress.split_side(stress.join(docs, "long"), 0, 1.4, random.Random(2))
    result = align_checked(en, zh)
    assert strict_f1(gold, result.pairs) >= 0.85
    assert result.stretches == []


def test_a_missing_block_is_left_unaligned_and_reported(unpc):
    name, en, zh, gold = stress.drop_block(document(unpc, 2000, 220), 1, 50, random.Random(3))
    missing = [b[0][0] for b in gold if not b[1]]  # English sentences whose Chinese is gone
    assert len(missing) == 50
    result = align_checked(en, zh)
    assert strict_f1(gold, result.pairs) >= 0.95
    (stretch,) = result.stretches
    assert not stretch.unsupported and stretch.tgt[0] == stretch.tgt[1]
    found = set(range(*stretch.src))
    assert len(found & set(missing)) >= 48 and len(found) <= 54


def test_a_moved_block_costs_only_itself(unpc):
    name, en, zh, gold = stress.move_block(document(unpc, 2600, 240), 0, 30, 60, random.Random(4))
    pairs = align(en, zh)
    # a monotone alignment can keep only one of the two crossing runs: about 30 of 240 beads lost
    assert strict_f1(gold, pairs) >= 0.85


def test_another_documents_translation_is_reported_not_aligned(unpc):
    a, b = document(unpc, 0, 150, "a"), document(unpc, 2400, 140, "b")
    name, en, zh, gold = stress.wrong_translation(a, b)
    result = align_checked(en, zh)
    assert paired(result.pairs) <= 0.05 * (len(en) + len(zh))
    assert any(s.unsupported for s in result.stretches)
    assert result.unaligned("src") + result.unaligned("tgt") >= 0.95 * (len(en) + len(zh))
    assert result.score < 0.05


def test_a_stretch_of_foreign_translation_is_unpaired(unpc):
    doc = document(unpc, 3200, 200, "c")
    name, en, zh, gold = stress.wrong_stretch(doc, document(unpc, 500, 200, "d"), 40, random.Random(6))
    foreign = {b[1][0] for b in gold if not b[0]}
    result = align_checked(en, zh)
    assert strict_f1(gold, result.pairs) >= 0.9
    paired_foreign = {j for p in result.pairs if p.src and p.tgt for j in p.tgt} & foreign
    assert len(paired_foreign) <= 4
    assert any(s.unsupported for s in result.stretches)


def test_a_sound_translation_gives_no_warning(unpc):
    result = align_checked(*document(unpc, 900, 200)[1:3])
    assert result.stretches == [] and result.score > 0.6


def test_the_band_widens_where_the_path_runs_along_its_edge(unpc):
    """A band 8 sentences off the true path: the path found runs along the band's edge, the
    band is widened there, and the search ends on the same path as the full table's."""
    en, zh = unpc[0][1500:1560], unpc[1][1500:1560]
    zf, ef = extract_features(en, zh, "en")
    params = AlignParams()
    scorer = Scorer(zf, ef, params)
    beads = bead_types(params)
    n, m = len(zf), len(ef)
    full = dp(scorer, n, m, [0] * (n + 1), [m] * (n + 1), beads)
    skewed = [(i, i + 1, min(m, i + 8), min(m, i + 9)) for i in range(n)]
    lo, hi = band_from_path(skewed, n, m, 1, 1, 2)
    assert lo[30] > 30  # the true cell (30, 30) is outside the band
    assert banded_search(scorer, n, m, lo, hi, beads, 4, 0) != full
    assert banded_search(scorer, n, m, lo, hi, beads, 4, 6) == full


def test_quotation_keys_tie_speech_to_speech():
    lexicon = Lexicon.build()
    zh = zh_features("“大约十四岁，”她说。", lexicon)
    en = en_features("'About fourteen,' she said.")
    assert {"Q<", "Q>"} <= zh.keys.keys() & en.keys.keys()
    assert "Q<" not in en_features("She said she'd go, and didn't.").keys  # apostrophes are no quotes
    opening = en_features("'Goong-goong, aren't you eating?")
    assert "Q<" in opening.keys and "Q>" not in opening.keys
    assert "Q>" in zh_features("我装饭给你。”", lexicon).keys


def test_the_documents_own_name_pairs_are_learned(unpc):
    """阿卜耶伊 (Abyei) is in no dictionary and its pinyin (abuyeyi) spells no English word: the first
    pass's beads teach it."""
    from termkit.align.adapt import learn_pairs
    from termkit.align.features import ZH_FUNCTION

    en, zh = unpc[0][0:120], unpc[1][0:120]
    zf, ef = extract_features(en, zh, "en")
    params = AlignParams()
    path = dp(Scorer(zf, ef, params), len(zf), len(ef), [0] * 121, [120] * 121, bead_types(params))
    pairs = learn_pairs(path, zh, zf, ef, params, ZH_FUNCTION)
    assert pairs.get("阿卜耶伊") == "abyei"


def test_cli_warns_about_sentences_left_unaligned(tmp_path, unpc):
    en_all, zh_all = unpc
    en, zh, other = tmp_path / "a.en", tmp_path / "a.zh", tmp_path / "b.zh"
    en.write_text("\n".join(en_all[0:150]) + "\n", encoding="utf-8")
    zh.write_text("\n".join(zh_all[0:60] + zh_all[110:150]) + "\n", encoding="utf-8")
    other.write_text("\n".join(zh_all[2400:2540]) + "\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    r = CliRunner().invoke(main, ["align", str(en), str(zh), "--presplit", "-o", str(out)])
    assert r.exit_code == 0
    (warning,) = [line for line in r.stderr.splitlines() if "warning" in line]
    assert warning.startswith(f"termkit: warning: {en}: 50 sentences left unaligned (of 150; sentences 61–110)")
    r = CliRunner().invoke(main, ["align", str(en), str(other), "--presplit", "-o", str(out)])
    assert r.exit_code == 0 and out.exists()
    warnings = [line for line in r.stderr.splitlines() if line.startswith("termkit: warning:")]
    assert len(warnings) == 2 and "wrong translation" in warnings[0]
    assert "score 0.0" in r.stderr
    quiet = CliRunner().invoke(main, ["-q", "align", str(en), str(other), "--presplit", "-o", str(out)])
    assert quiet.stderr == ""
    # the library says the same
    result = align_documents(en, other, presplit=True)
    assert [path for path, _ in result.warnings()] == [str(en), str(other)]
