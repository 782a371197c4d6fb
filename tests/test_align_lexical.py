"""Word translation probabilities learned from aligned segments (IBM Model 1): real UN sentence
pairs, the dev half of the UNPC dev set (the held-out half is the benchmark's)."""

import pytest

from termkit.align.cooccurrence import Cooccurrences, count_cooccurrences
from termkit.align.dictionary import cedict, content_stems, stem
from termkit.align.lexical import LexicalModel, Model1, chinese_words, learned_glosses, merge_samples
from termkit.align.terms import propose_equivalents, score_equivalents
from termkit.mine.segmenter import tokenizer

from conftest import UNPC

DEV_LINES = 2000  # the benchmark's dev half: its first eight documents of 250 lines


@pytest.fixture(scope="module")
def dev_pairs():
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()[:DEV_LINES]
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()[:DEV_LINES]
    return list(zip(en, zh))


@pytest.fixture(scope="module")
def learned(dev_pairs):
    counts = count_cooccurrences(dev_pairs, [])
    return learned_glosses(counts.sample, tokenizer().lcut, cedict())


def test_the_corpus_teaches_a_sense_the_dictionary_lacks(learned):
    role = stem("role")
    assert role not in cedict()["作用"]  # CC-CEDICT: effect, function, action … never role
    assert role in learned["作用"]
    # and what the dictionary says too, where the UN texts say it
    assert stem("council") in learned["理事会"] and stem("security") in learned["安全"]
    assert stem("development") in learned["发展"]
    # both directions must agree: "Platform" always follows "Beijing Declaration", but 纲要 (行动纲要)
    # takes more of its alignments than 北京 does
    assert stem("platform") not in learned.get("北京", ()) and stem("platform") in learned["纲要"]
    # an acronym is a name, not a word: left to the n-gram counts (UNISFA is 联阿安全部队, not 安全部队)
    assert not any("unisfa" in stems for stems in learned.values())
    assert all(len(w) > 1 for w in learned)


def test_model1_prefers_the_consistent_translation_over_mere_cooccurrence():
    pairs = [
        ("the council met", "理事会 开会"),
        ("the council decided", "理事会 决定"),
        ("the assembly met", "大会 开会"),
        ("the assembly decided", "大会 决定"),
    ] * 3
    model = LexicalModel(pairs, str.split, iterations=5)
    glosses = model.glosses()
    assert glosses["理事会"] == {"council"} and glosses["大会"] == {stem("assembly")}
    assert glosses["开会"] == {stem("met")} and glosses["决定"] == {stem("decided")}


def test_the_sample_is_bounded_and_the_same_whatever_the_order_of_the_merges(dev_pairs):
    a = count_cooccurrences(dev_pairs[:700], [])
    b = count_cooccurrences(dev_pairs[700:1400], [])
    c = count_cooccurrences(dev_pairs[1400:], [])
    one = Cooccurrences().merge(a).merge(b).merge(c)
    other = Cooccurrences().merge(c).merge(Cooccurrences().merge(b).merge(a))
    assert one.sample == other.sample and len(one.sample) == len({(e, z) for e, z in dev_pairs if e and z})
    assert merge_samples(a.sample, b.sample, size=100) == sorted(a.sample + b.sample)[:100]
    # a full sample takes only the new pairs below its largest key, each once, in order
    full = merge_samples(a.sample, [], size=300)
    for chunk in (b.sample[:10], b.sample[:100], c.sample, full[:5]):
        assert merge_samples(full, chunk, size=300) == sorted(set(full) | set(chunk))[:300]


def test_forward_maximum_matching_is_the_fallback_tokenizer():
    assert chinese_words("安全理事会决定", cedict()) == ["安全理事会", "决定"]
    assert chinese_words("和x", {}) == ["和", "x"]


def test_a_corpus_sense_counts_as_the_dictionarys_does(dev_pairs):
    terms = ["重要作用", "临时议程"]
    counts = count_cooccurrences(dev_pairs, terms)
    before = {p.zh: p for p in score_equivalents(counts, terms, top=1, learn=False)}
    after = {p.zh: p for p in score_equivalents(counts, terms, top=1, tokenize=tokenizer().lcut)}
    # important role: the dictionary explains "important" only; the segments teach 作用 → role
    assert before["重要作用"].en == after["重要作用"].en == "important role"
    assert "dictionary: 1/2 English words, 50% of the Chinese" in before["重要作用"].evidence
    assert "dictionary: 2/2 English words, 100% of the Chinese" in after["重要作用"].evidence
    assert "learned from the aligned segments: 作用 → role" in after["重要作用"].evidence
    assert after["重要作用"].confidence > before["重要作用"].confidence
    assert "learned from the aligned segments: 临时 → provisional" in after["临时议程"].evidence
    # without a tokenizer, the Chinese is cut by the dictionary's words: the same sense is learned
    fallback = {p.zh: p for p in propose_equivalents(dev_pairs, terms, top=1)}
    assert "learned from the aligned segments: 作用 → role" in fallback["重要作用"].evidence


def textbook_model1(sources, targets, iterations):
    """IBM Model 1 as the papers write it (and as termkit computed it before the arrays): dicts,
    one segment pair, one target word, one source word after another. t(f|s) and the last
    E-step's expected counts."""
    from collections import Counter

    sources = [[0, *src] for src in sources]
    targets = [Counter(tgt).items() for tgt in targets]
    counts = {}
    for src, tgt in zip(sources, targets):
        for s in src:
            row = counts.setdefault(s, {})
            for f, k in tgt:
                row[f] = row.get(f, 0.0) + k * (1.0 / len(src))

    def normalized(counts):
        return {s: {f: n * (1.0 / sum(row.values())) for f, n in row.items()} for s, row in counts.items()}

    t = normalized(counts)
    for _ in range(iterations - 1):
        counts = {s: dict.fromkeys(row, 0.0) for s, row in t.items()}
        for src, tgt in zip(sources, targets):
            for f, k in tgt:
                ps = [t[s][f] for s in src]
                z = k / sum(ps)
                for s, p in zip(src, ps):
                    counts[s][f] += p * z
        t = normalized(counts)
    return t, counts


@pytest.mark.parametrize("iterations", [1, 3])
def test_the_em_over_arrays_is_the_textbook_loop_to_the_last_bit(dev_pairs, iterations):
    # real UN segment pairs as word ids (a word repeated in a segment stays repeated)
    zh_ids, en_ids = {"": 0}, {"": 0}
    sources, targets = [], []
    for en, zh in dev_pairs[:500]:
        c = [zh_ids.setdefault(w, len(zh_ids)) for w in chinese_words(zh, cedict()) if len(w) > 1]
        e = [en_ids.setdefault(w, len(en_ids)) for w in content_stems(en)]
        if c and e:
            sources.append(c)
            targets.append(e)
    assert any(len(set(c)) < len(c) for c in sources) and any(len(set(e)) < len(e) for e in targets)
    t, links = textbook_model1(sources, targets, iterations)
    model = Model1(sources, targets, iterations)
    assert len(model.t) == sum(len(row) for row in t.values()) > 50_000
    for s, row in t.items():
        assert model.row(s) == row  # every probability equal, not merely close
    got: dict = {}
    for s, f, n in zip(model.pair_src.tolist(), model.pair_tgt.tolist(), model.links.tolist()):
        got.setdefault(s, {})[f] = n
    assert got == links
    # the rows in the order the loop makes them (sums over rows are taken in that order)
    assert list(dict.fromkeys(model.pair_src[model.row_order].tolist())) == list(t)
