"""The compiled segmenter (jieba-rs) gives jieba's tokens, token for token, or is not used."""

import random

import pytest
from lxml import etree

from termkit.glossary import load_glossary
from termkit.mine import compiled, segmenter

from conftest import DATA, GLOSSARY, SEED_FILES

pytestmark = pytest.mark.skipif(not compiled.available(), reason="rjieba is not installed")

# characters that stress the differences: Latin runs with . - % # & _ +, full-width forms,
# ideographs beyond U+9FD5, a doubled hanzi, combining marks, emoji, control characters
HOSTILE_ALPHABET = list("毒品艾滋病的了和在是国际组织滋滋a1.-%＋ 　\t\nＡ５,/()（）“”#&_é㐀鿿\u0301😀\r\x00丽")


def _corpus() -> list[str]:
    lines = []
    for path in SEED_FILES:
        lines += path.read_text(encoding="utf-8").splitlines()
    lines += (DATA / "unpc" / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    tmx = etree.parse(str(DATA / "tico19" / "all.en-zh.tmx"))
    lines += [
        seg.text or ""
        for tuv in tmx.iter("tuv")
        if tuv.get("{http://www.w3.org/XML/1998/namespace}lang", "").lower().startswith("zh")
        for seg in tuv.iter("seg")
    ]
    rnd = random.Random(7)
    lines += ["".join(rnd.choice(HOSTILE_ALPHABET) for _ in range(rnd.randint(1, 40))) for _ in range(5000)]
    return lines


@pytest.fixture(scope="module")
def corpus():
    return _corpus()


@pytest.fixture(scope="module")
def glossary_words():
    glossary = load_glossary(GLOSSARY)
    return segmenter.glossary_words(t.text for c in glossary.concepts for t in c.terms_in("zh"))


@pytest.mark.parametrize("with_glossary", [False, True], ids=["plain", "glossary"])
@pytest.mark.parametrize("hmm", [True, False], ids=["hmm", "no-hmm"])
def test_identical_tokens(corpus, glossary_words, monkeypatch, with_glossary, hmm):
    words = glossary_words if with_glossary else ()
    monkeypatch.setenv("TERMKIT_SEGMENTER", "rjieba")
    fast = segmenter.tokenizer(words)
    slow = segmenter.jieba_tokenizer(words)
    assert isinstance(fast, compiled.CompiledTokenizer)
    assert len(corpus) > 12000
    differing = [line for line in corpus if fast.lcut(line, HMM=hmm) != slow.lcut(line, HMM=hmm)]
    assert differing == []
    # the rare texts handed to jieba stay rare in real text (doubled hanzi such as 人人)
    real = corpus[:-5000]
    before = fast.jieba_texts
    for line in real:
        fast.lcut(line, HMM=hmm)
    assert fast.jieba_texts - before < 0.05 * len(real)


def test_same_frequencies_for_the_added_words(glossary_words, monkeypatch):
    monkeypatch.setenv("TERMKIT_SEGMENTER", "rjieba")
    fast = segmenter.tokenizer(glossary_words)
    slow = segmenter.jieba_tokenizer(glossary_words)
    assert fast.total == slow.total
    for word in [*glossary_words, "有组织", "可持续", "毒品", "的"]:
        assert fast.FREQ.get(word) == slow.FREQ.get(word), word


def test_segmenter_choice(monkeypatch):
    monkeypatch.setenv("TERMKIT_SEGMENTER", "jieba")
    assert segmenter.segmenter_name() == "jieba"
    assert not isinstance(segmenter.tokenizer(), compiled.CompiledTokenizer)
    monkeypatch.setenv("TERMKIT_SEGMENTER", "auto")
    assert segmenter.segmenter_name() == "rjieba"
    monkeypatch.setenv("TERMKIT_SEGMENTER", "fastest")
    with pytest.raises(Exception, match="expected auto, jieba or rjieba"):
        segmenter.segmenter_name()
