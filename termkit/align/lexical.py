"""Word translation probabilities learned from the run's own aligned segments (IBM Model 1).

CC-CEDICT gives a Chinese word the senses of a general dictionary; the corpus has its own (作用
is "role" in UN English, a sense the dictionary never gives). A small lexical translation model
trained on the aligned segment pairs the run counts anyway learns those senses: IBM Model 1 by
EM (:data:`ITERATIONS` iterations, pure Python), t(e|c) — how likely a Chinese word c is
written as the English word e — and the other direction, t(c|e), read from the same model's
expected alignments (the share of e's links that go to c; a second EM the other way would
double the time for little), over a bounded sample of the segment pairs (:data:`SAMPLE` at
most, chosen by a hash of each pair, so the same whichever way the map's chunks are merged).
The Chinese side is cut into words by the caller's tokenizer (the miner's segmenter), else by
forward maximum matching over CC-CEDICT; words of one hanzi (function words, 的 了 和 …, and
pieces of words the segmenter does not know) are left out, as the English function words are.
The English side is its content words' stems (:func:`termkit.align.dictionary.stem`, as the
dictionary's glosses are); acronyms (UNISFA) are names, left to the n-gram counts. A NULL
Chinese word takes the English that nothing in the Chinese says; a word seen in one segment of
the sample only is left out (it would soak up its neighbours' alignments).

A Chinese word of two hanzi or more is said to be translated by an English stem when both
directions agree: t(e|c) at least :data:`MIN_PROB` and :data:`RATIO` of the best English word's
for c, c's share of e's links at least :data:`MIN_PROB` and :data:`BACK_RATIO` of the best
Chinese word's for e, and the two linked in :data:`MIN_LINKS` segments' worth of expected
alignments. :meth:`LexicalModel.glosses` gives these word → stems pairs in the shape of
:attr:`termkit.align.dictionary.Lexicon.words`, so that whatever asks the dictionary which words
of a term an English n-gram translates asks the corpus too; :meth:`LexicalModel.took_in_neighbours`
says whether an English word of an n-gram that the term does not explain translates a word
outside the term in its segments (:func:`termkit.align.terms.score_equivalents` asks both).
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from .dictionary import content_stems

SAMPLE = 20_000  # segment pairs trained on, at most
ITERATIONS = 3  # EM iterations
MAX_WORDS = 50  # segment pairs with more words on a side are left out of the training (slow, vague)
MIN_SEGMENTS = 2  # a word seen in fewer segments of the sample is left out
MIN_PROB = 0.1  # t(e|c) and c's share of e's links at least this
RATIO = 0.5  # … and at least this share of the best alternative's: the best English words for c
BACK_RATIO = 0.8  # and c one of the best Chinese words for e (in nearly as many of e's alignments)
MIN_LINKS = 1.5  # expected alignments of the two words over the sample

_HANZI_RE = re.compile("[\u3400-\u9fff]")
_NULL = 0
_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9]+\b")
_last: list = []  # [key, words, model]: the last model trained, kept for the same sample


def sample_key(en: str, zh: str) -> int:
    """The hash that chooses the sample: the segment pairs with the smallest keys are kept."""
    return zlib.crc32(zh.encode("utf-8"), zlib.crc32(en.encode("utf-8")))


def merge_samples(
    a: Sequence[tuple[int, str, str]], b: Sequence[tuple[int, str, str]], size: int = SAMPLE
) -> list[tuple[int, str, str]]:
    """The ``size`` segment pairs of two samples (each sorted) with the smallest keys, each once:
    the same sample whatever the order of the merges. Once the sample is full, only the few
    pairs of a new chunk below its largest key go in (one insertion each)."""
    if len(a) < len(b):
        a, b = b, a
    if len(a) >= size:
        top = a[size - 1]
        b = [x for x in b if x < top]
    if not b:
        return list(a[:size])
    if len(b) > 64:
        return sorted(set(a) | set(b))[:size]
    out = list(a)
    for x in b:
        i = bisect_left(out, x)
        if i == len(out) or out[i] != x:
            out.insert(i, x)
    del out[size:]
    return out


def chinese_words(text: str, words: dict, max_len: int = 8) -> list[str]:
    """Chinese words by forward maximum matching over a dictionary (the fallback tokenizer)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        for j in range(min(n, i + max_len), i + 1, -1):
            if text[i:j] in words:
                out.append(text[i:j])
                i = j
                break
        else:
            out.append(text[i])
            i += 1
    return out


@lru_cache(maxsize=200_000)
def _en_stems(text: str) -> tuple[str, ...]:
    return tuple(content_stems(text))


class LexicalModel:
    """IBM Model 1 over (English, Chinese) segment pairs: t(e|c), and t(c|e) from its alignments."""

    def __init__(self, pairs: Iterable[tuple[str, str]], tokenize: Callable[[str], list[str]], iterations=ITERATIONS):
        self.tokenize = tokenize
        self._cut: dict[str, list[str]] = {}
        self.zh_vocab: dict[str, int] = {"": _NULL}
        self.en_vocab: dict[str, int] = {"": _NULL}
        cut = []
        acronyms: set[str] = set()  # names, not words: left to the n-gram's own counts (UNISFA)
        for en, zh in pairs:
            e = _en_stems(en)
            acronyms.update(_ACRONYM_RE.findall(en))
            c = [w for w in tokenize(zh) if len(w) > 1 and _HANZI_RE.search(w)]
            if e and c and len(e) <= MAX_WORDS and len(c) <= MAX_WORDS:
                cut.append((e, c))
        # a word seen in one segment learns nothing and only soaks up its neighbours' alignments
        en_seen = Counter(w for e, _c in cut for w in set(e))
        for w in _en_stems(" ".join(acronyms).lower()):
            en_seen[w] = 0  # never learned: not a word of the model
        zh_seen = Counter(w for _e, c in cut for w in set(c))
        zh_sents: list[list[int]] = []
        en_sents: list[list[int]] = []
        for e, c in cut:
            e = [_id(self.en_vocab, w) for w in e if en_seen[w] >= MIN_SEGMENTS]
            c = [_id(self.zh_vocab, w) for w in c if zh_seen[w] >= MIN_SEGMENTS]
            if e and c:
                en_sents.append(e)
                zh_sents.append(c)
        self.segments = len(zh_sents)
        # t(e|c): English generated from Chinese (and NULL); t(c|e), the other way, from the same
        # alignments: the share of e's expected links that go to c
        self.e_given_c, self.links = _model1(zh_sents, en_sents, iterations)
        self._outside: dict[tuple[str, str, str], bool | None] = {}
        self._pairs: set[tuple[int, int]] = set()  # (c, e) of the glosses
        self._glosses = self._learn_glosses()

    def glosses(self) -> dict[str, frozenset[str]]:
        """Chinese word (two hanzi or more) → the English stems both directions agree translate it."""
        return self._glosses

    def _learn_glosses(self) -> dict[str, frozenset[str]]:
        zh_words = {i: w for w, i in self.zh_vocab.items()}
        en_words = {i: w for w, i in self.en_vocab.items()}
        forward = []  # (c, e): e one of the best English words for c
        for c, row in self.e_given_c.items():
            word = zh_words[c]
            if c == _NULL or len(word) < 2 or not all(_HANZI_RE.match(ch) for ch in word):
                continue
            best_e = max(row.values())
            links = self.links[c]
            forward += [
                (c, e) for e, p in row.items() if p >= MIN_PROB and p >= RATIO * best_e and links[e] >= MIN_LINKS
            ]
        # t(c|e) from the same alignments: the share of e's links (not NULL's) that go to c
        wanted = {e for _c, e in forward}
        total: dict[int, float] = dict.fromkeys(wanted, 0.0)
        most: dict[int, float] = dict.fromkeys(wanted, 0.0)
        for c, links in self.links.items():
            if c != _NULL:
                for e in links.keys() & wanted:
                    n = links[e]
                    total[e] += n
                    if n > most[e]:
                        most[e] = n
        out: dict[str, set[str]] = {}
        for c, e in forward:
            q = self.links[c][e] / total[e]
            if q >= MIN_PROB and self.links[c][e] >= BACK_RATIO * most[e]:
                out.setdefault(zh_words[c], set()).add(en_words[e])
                self._pairs.add((c, e))
        return {w: frozenset(s) for w, s in out.items()}

    def aligned_outside(self, stem: str, zh: str, term: str) -> bool:
        """Is the English ``stem`` the translation of a Chinese word of ``zh`` outside the term —
        a word it is a learned gloss of (:meth:`glosses`) — rather than of one inside it (or
        across its edge), whose t(e|c) is less than :data:`RATIO` of that word's?"""
        key = (stem, zh, term)
        found = self._outside.get(key)
        if found is not None:
            return found
        found = False
        e = self.en_vocab.get(stem)
        if e is not None:
            tokens = self._cut.get(zh)
            if tokens is None:
                tokens = self._cut[zh] = self.tokenize(zh)
            spans = []
            at = zh.find(term)
            while at >= 0:
                spans.append((at, at + len(term)))
                at = zh.find(term, at + len(term))
            best_in = best_out = 0.0
            end = 0
            for tok in tokens:
                start, end = end, end + len(tok)
                c = self.zh_vocab.get(tok)
                if c is None:
                    continue
                p = self.e_given_c[c].get(e, 0.0)
                if any(start < j and end > i for i, j in spans):
                    best_in = max(best_in, p)
                elif (c, e) in self._pairs:
                    best_out = max(best_out, p)
            found = best_out > 0 and best_in < RATIO * best_out
        self._outside[key] = found
        return found

    def took_in_neighbours(self, term: str, en_text: str, stems: Sequence[str], examples) -> bool:
        """Does some English word of ``stems`` (words of the n-gram the term does not explain)
        translate a Chinese word outside the term, in most of the example segments (``(English,
        Chinese)``) that hold the n-gram?"""
        low = en_text.lower()
        seen = outside = 0
        for en, zh in examples:
            if low not in en.lower() or term not in zh:
                continue
            seen += 1
            outside += any(self.aligned_outside(s, zh, term) for s in stems)
        return seen > 0 and outside * 2 > seen


def _id(vocab: dict[str, int], word: str) -> int:
    got = vocab.get(word)
    if got is None:
        got = vocab[word] = len(vocab)
    return got


def _model1(
    sources: list[list[int]], targets: list[list[int]], iterations: int
) -> tuple[dict[int, dict[int, float]], dict[int, dict[int, float]]]:
    """IBM Model 1 by EM: t(f|s) as source word s → {target word f: probability}, each source
    sentence with NULL; and the last E-step's expected links, s → {f: count}."""
    sources = [[_NULL, *src] for src in sources]
    targets = [Counter(tgt).items() for tgt in targets]  # each target word once, with its count
    counts: dict[int, dict[int, float]] = {}
    for src, tgt in zip(sources, targets):  # the first E-step: t uniform, an equal share each
        share = 1.0 / len(src)
        for s in src:
            row = counts.get(s)
            if row is None:
                row = counts[s] = {}
            for f, k in tgt:
                row[f] = row.get(f, 0.0) + k * share
    t = _normalized(counts)
    for _ in range(max(1, iterations) - 1):
        counts = {s: dict.fromkeys(row, 0.0) for s, row in t.items()}
        for src, tgt in zip(sources, targets):
            rows = [t[s] for s in src]
            sums = [counts[s] for s in src]
            for f, k in tgt:
                ps = [r[f] for r in rows]
                z = k / sum(ps)
                for row, p in zip(sums, ps):
                    row[f] += p * z
        t = _normalized(counts)
    return t, counts


def _normalized(counts: dict[int, dict[int, float]]) -> dict[int, dict[int, float]]:
    """The M-step: t(f|s) = count(f, s) / count(s)."""
    out = {}
    for s, row in counts.items():
        inv = 1.0 / sum(row.values())
        out[s] = {f: n * inv for f, n in row.items()}
    return out


def learn(
    sample: Sequence[tuple[int, str, str]], tokenize: Callable[[str], list[str]] | None, words: dict
) -> LexicalModel | None:
    """The model of a run's aligned segments (see the module's docstring), trained on the sample
    :class:`termkit.align.cooccurrence.Cooccurrences` keeps; ``tokenize`` cuts the Chinese into
    words (None: forward maximum matching over ``words``, the dictionary)."""
    if not sample:
        return None
    key = (tuple(k for k, _en, _zh in sample), tokenize)
    if _last and _last[0] == key and _last[1] is words:
        return _last[2]  # the same segments again (one corpus, several calls)
    if tokenize is None:
        max_len = min(8, max((len(w) for w in words), default=1))

        def tokenize(text: str) -> list[str]:
            return chinese_words(text, words, max_len)

    model = LexicalModel(((en, zh) for _key, en, zh in sample), tokenize)
    _last[:] = [key, words, model]
    return model


def learned_glosses(sample, tokenize, words: dict) -> dict[str, frozenset[str]]:
    """The word translations a run's aligned segments teach: :meth:`LexicalModel.glosses` of
    :func:`learn`."""
    model = learn(sample, tokenize, words)
    return model.glosses() if model is not None else {}


def with_learned(words: dict, learned: dict[str, frozenset[str]]) -> dict:
    """The dictionary's words with the learned translations added (a copy; ``words`` untouched)."""
    if not learned:
        return words
    out = dict(words)
    for w, stems in learned.items():
        out[w] = stems | out.get(w, frozenset())
    return out


def learned_in(term: str, learned: dict[str, frozenset[str]], words: dict) -> dict[str, str]:
    """The English stems the learned table alone gives for words of ``term`` (the dictionary does
    not): stem → the Chinese word it translates."""
    out: dict[str, str] = {}
    for i in range(len(term)):
        for j in range(i + 2, min(len(term), i + 8) + 1):
            got = learned.get(term[i:j])
            if got:
                for s in got - words.get(term[i:j], frozenset()):
                    out.setdefault(s, term[i:j])
    return out
