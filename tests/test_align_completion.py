"""The English proposed for a mined Chinese term, completed from the English around it and the
dictionary (issue #19): real UN sentence pairs, the dev half of the UNPC dev set (its first 2,000
lines — the held-out half is left to ``bench/equivalents_eval.py``)."""

import pytest

from termkit.align.dictionary import Lexicon, stem
from termkit.align.glosses import coordinated, gloss_stems
from termkit.align.terms import propose_equivalents

from conftest import UNPC

DEV_LINES = 2000


@pytest.fixture(scope="module")
def dev_pairs():
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()[:DEV_LINES]
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()[:DEV_LINES]
    return list(zip(en, zh))


def best(dev_pairs, zh):
    return next(p for p in propose_equivalents(dev_pairs, [zh], top=1) if p.zh == zh)


def test_british_spellings_stem_as_the_american_ones_of_the_dictionary():
    pairs = [("centre", "center"), ("programmes", "program"), ("labour", "labor"), ("organisation", "organization")]
    pairs += [("defence", "defense"), ("analysed", "analyzes"), ("paediatric", "pediatric"), ("dialogue", "dialog")]
    pairs += [("travelled", "traveled"), ("meetings", "meeting"), ("buildings", "building")]
    for british, american in pairs:
        assert stem(british) == stem(american), (british, american)
    # and words that only look like them keep apart
    assert len({stem(w) for w in ("four", "hour", "our", "acre", "genre", "speed", "seed")}) == 7


def test_a_common_noun_seen_only_inside_names_is_written_in_lower_case(dev_pairs):
    # 航天中心 stands in "Guiana Space Centre" (and beside DLR): centre is now the dictionary's
    # center for 中心, so "Space Centre" translates the whole term — a common noun, lower case
    pair = best(dev_pairs, "航天中心")
    assert pair.en == "space centre"
    assert any("100% of the Chinese" in e for e in pair.evidence)


def test_a_plural_ing_noun_meets_its_dictionary_gloss(dev_pairs):
    # 会议 is "meeting" in CC-CEDICT; the text says "high-level meetings": not "high-level" alone
    assert best(dev_pairs, "高级别会议").en == "high-level meetings"


def test_a_modifier_alone_takes_the_noun_it_stands_before(dev_pairs):
    # "crucial" stands before a noun in every segment of 关键作用 (crucial role, crucial relevance);
    # role goes with the term in three of its four segments
    # (without the word translations the segments teach: with them, 作用 is "role" and the longer
    # n-gram completes the proposal first — tests/test_align_lexical.py)
    from termkit.align.cooccurrence import count_cooccurrences
    from termkit.align.terms import score_equivalents

    (pair,) = score_equivalents(count_cooccurrences(dev_pairs, ["关键作用"]), ["关键作用"], top=1, learn=False)
    assert pair.en == "crucial role"
    assert any("modifier" in e for e in pair.evidence)
    learned = best(dev_pairs, "关键作用")
    assert learned.en == "crucial role"
    assert "the longer name translates more of the term" in learned.evidence


def test_an_adjective_for_a_noun_made_by_a_suffix_gives_way_to_the_noun(dev_pairs):
    # 科学 ends in 学 (-ology): a noun; scientific stands beside it more often than science
    pair = best(dev_pairs, "科学")
    assert pair.en == "science"
    assert any("noun" in e for e in pair.evidence)


def test_a_term_joining_two_parts_prefers_the_english_that_does(dev_pairs):
    words = Lexicon.build().words
    assert coordinated("特克斯和凯科斯群岛", gloss_stems("特克斯和凯科斯群岛", words)[1])
    assert not coordinated("维护和平", gloss_stems("维护和平", words)[1])  # 和平 is a word: peace
    # in a list of territories every name comes with every other: the tie goes to "A and B"
    assert best(dev_pairs, "特克斯和凯科斯群岛").en == "Turks and Caicos Islands"


def test_a_fragment_gives_way_to_the_longer_ngram_in_most_of_the_terms_segments(dev_pairs):
    # "member of the Board" stands in the segments of 审计委员会 as part of "member of the Board of
    # Auditors" — in two of its three segments, going with the term more strongly (Dice 0.8)
    (pair, *_rest) = propose_equivalents(dev_pairs, ["审计委员会"], top=2, min_confidence=0.0)
    assert pair.en == "Board of Auditors"


def test_a_part_whose_rest_the_segments_say_apart_is_not_proposed(dev_pairs):
    # each of these n-grams leaves out a word of the term that the term's segments do say in
    # English, elsewhere in the sentence: Regional Centre for Training and Technology Transfer
    # (技术转让), the family of every segment of 家庭之友小组 (no "Group of Friends of the Family"
    # in the text), DLDD-specific monitoring system: pieces of an English term, and nothing whole
    # stands around them — no proposal rather than a piece of one
    from termkit.align.cooccurrence import count_cooccurrences
    from termkit.align.terms import score_equivalents
    from termkit.mine.segmenter import tokenizer

    pieces = ["技术转让区域中心", "家庭之友小组", "DLDD监测系统"]
    wholes = {"增强妇女权能": "empowerment of women", "希族塞人行政当局": "Greek Cypriot administration"}
    terms = pieces + list(wholes)
    counts = count_cooccurrences(dev_pairs, terms)
    assert all(counts.hits[t] >= 2 for t in terms)
    got = {}
    for p in score_equivalents(counts, terms, top=3, tokenize=tokenizer().lcut):
        got.setdefault(p.zh, []).append(p.en)
    assert not any(t in got for t in pieces), got
    # a word the English need not say (增强 of empowerment, 当局 beside administration) is not
    # said apart: those parts stay
    for zh, en in wholes.items():
        assert got[zh][0] == en


def test_a_capital_that_only_began_a_sentence_goes(dev_pairs):
    # "Civilian personnel" and "Nuclear non-proliferation" stand in these segments only at the
    # start of a sentence; the text writes civilian and nuclear in lower case elsewhere
    assert best(dev_pairs, "文职人员").en == "civilian personnel"
    assert best(dev_pairs, "核不扩散").en == "nuclear non-proliferation"
    from termkit.align.cooccurrence import count_cooccurrences

    counts = count_cooccurrences(dev_pairs, [])
    assert counts.as_in_a_sentence("Post-2015 agenda") == "post-2015 agenda"
    # a word the text capitalises inside sentences keeps its capital; a name and an acronym too
    for form in ("Africa", "Governments", "Security Council", "WHO", "African Union"):
        assert counts.as_in_a_sentence(form) == form


def test_a_title_takes_the_name_beside_it_in_every_segment(dev_pairs):
    # 辛哈中将: CC-CEDICT explains 中将 (lieutenant general), not the transliterated 辛哈; the
    # English writes "Lieutenant General Singha" and "Lieutenant General Iqbal Singh Singha":
    # Singha stands with the term in both its segments and nowhere else
    pair = best(dev_pairs, "辛哈中将")
    assert pair.en == "Lieutenant General Singha"
    assert "a title, with the name beside it in every segment" in pair.evidence
    # the title alone, whose Chinese the dictionary explains whole, stays the title
    assert best(dev_pairs, "中将").en == "lieutenant general"


def test_a_modifier_without_a_noun_it_always_stands_before_is_not_proposed(dev_pairs):
    # "judicial" stands before a noun in every segment of 司法程序 (judicial proceedings, judicial
    # process), never alone, and no noun goes with it in two segments: a piece, not a term
    from termkit.align.completion import modifier
    from termkit.align.cooccurrence import count_cooccurrences

    counts = count_cooccurrences(dev_pairs, ["司法程序"])
    assert modifier("judicia", counts.co["司法程序"]) and counts.co["司法程序"]["judicia"] >= 2
    assert not [p for p in propose_equivalents(dev_pairs, ["司法程序"]) if p.zh == "司法程序"]
