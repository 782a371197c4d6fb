"""Word translation probabilities learned from the run's own aligned segments (IBM Model 1).

CC-CEDICT gives a Chinese word the senses of a general dictionary; the corpus has its own (作用
is "role" in UN English, a sense the dictionary never gives). A small lexical translation model
trained on the aligned segment pairs the run counts anyway learns those senses: IBM Model 1 by
EM (:data:`ITERATIONS` iterations; :class:`Model1`, array operations that give the textbook
loop's figures to the last bit), t(e|c) — how likely a Chinese word c is
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
        self.model1 = Model1(zh_sents, en_sents, iterations)
        self._rows: dict[int, dict[int, float]] = {}  # c → {e: t(e|c)}, made when first asked
        self._outside: dict[tuple[str, str, str], bool | None] = {}
        self._pairs: set[tuple[int, int]] = set()  # (c, e) of the glosses
        self._glosses = self._learn_glosses()

    def glosses(self) -> dict[str, frozenset[str]]:
        """Chinese word (two hanzi or more) → the English stems both directions agree translate it."""
        return self._glosses

    def _learn_glosses(self) -> dict[str, frozenset[str]]:
        import numpy as np

        m = self.model1
        t, links, c, e = m.t, m.links, m.pair_src, m.pair_tgt
        if not len(t):
            return {}
        zh_words = {i: w for w, i in self.zh_vocab.items()}
        en_words = {i: w for w, i in self.en_vocab.items()}
        # (c, e): e one of the best English words for c, a Chinese word of two hanzi or more
        words = np.array([i != _NULL and _is_hanzi_word(zh_words[i]) for i in range(len(self.zh_vocab))])
        best = np.zeros(len(self.zh_vocab))
        np.maximum.at(best, c, t)
        forward = words[c] & (t >= MIN_PROB) & (t >= RATIO * best[c]) & (links >= MIN_LINKS)
        # t(c|e) from the same alignments: the share of e's links (not NULL's) that go to c, the
        # links summed row by row in the order the rows were made
        rows = m.row_order[c[m.row_order] != _NULL]
        total = np.bincount(e[rows], weights=links[rows], minlength=len(self.en_vocab))
        most = np.zeros(len(self.en_vocab))
        np.maximum.at(most, e[rows], links[rows])
        kept = forward & (links / np.where(total[e] > 0, total[e], 1.0) >= MIN_PROB) & (links >= BACK_RATIO * most[e])
        out: dict[str, set[str]] = {}
        for ci, ei in zip(c[kept].tolist(), e[kept].tolist()):
            out.setdefault(zh_words[ci], set()).add(en_words[ei])
            self._pairs.add((ci, ei))
        return {w: frozenset(s) for w, s in out.items()}

    def probability(self, c: int, e: int) -> float:
        """t(e|c) of the model (0 where the two never stood in one segment pair)."""
        row = self._rows.get(c)
        if row is None:
            row = self._rows[c] = self.model1.row(c)
        return row.get(e, 0.0)

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
                p = self.probability(c, e)
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


def _is_hanzi_word(word: str) -> bool:
    return len(word) > 1 and all(_HANZI_RE.match(ch) for ch in word)


class Model1:
    """IBM Model 1 by EM over segment pairs of word ids, each source segment with NULL (id 0):
    t(f|s) for every (source word, target word) pair that stands in one segment pair, and the
    last E-step's expected links of each pair — as arrays over the pairs (``pair_src``,
    ``pair_tgt``, ``t``, ``links``), numbered in the order the pairs first meet.

    Every sum is taken in the order of the textbook loop — segment by segment, target word by
    target word, source word by source word — one addition after another (``numpy.bincount``
    adds its weights in turn), so the figures are those of that loop to the last bit, with
    none of its cost: the segment pairs are laid out once as one flat array of (target word,
    source word) entries, and each iteration is a few array operations over it."""

    def __init__(self, sources: list[list[int]], targets: list[list[int]], iterations: int):
        import numpy as np

        src_flat: list[int] = []  # each source segment with NULL in front, one after another
        src_start: list[int] = []
        g_sent: list[int] = []  # a group: one target word of one segment pair (with its count)
        g_word: list[int] = []
        g_count: list[int] = []
        for j, (src, tgt) in enumerate(zip(sources, targets)):
            src_start.append(len(src_flat))
            src_flat.append(_NULL)
            src_flat += src
            for f, k in Counter(tgt).items():
                g_sent.append(j)
                g_word.append(f)
                g_count.append(k)
        src_arr = np.array(src_flat, dtype=np.int64)
        size = np.array([len(s) + 1 for s in sources], dtype=np.int64)
        sent = np.array(g_sent, dtype=np.int64)
        count = np.array(g_count, dtype=np.float64)
        g_size = size[sent]
        # the entries: each group's target word beside each source word of its segment, in order
        group = np.repeat(np.arange(len(sent)), g_size)
        first = np.cumsum(g_size) - g_size
        src = src_arr[np.array(src_start, dtype=np.int64)[sent][group] + np.arange(len(group)) - first[group]]
        tgt = np.array(g_word, dtype=np.int64)[group]
        # the pairs, numbered as they first meet
        width = int(tgt.max(initial=0)) + 1
        keys, at, inverse = np.unique(src * width + tgt, return_index=True, return_inverse=True)
        order = np.argsort(at, kind="stable")
        number = np.empty(len(keys), dtype=np.int64)
        number[order] = np.arange(len(keys))
        pair = number[inverse.reshape(-1)]
        self.pair_src, self.pair_tgt = keys[order] // width, keys[order] % width
        n_src = int(src_arr.max(initial=0)) + 1
        # the rows (a source word's pairs) in the order the source words first come, each row
        # in the order its pairs first meet
        seen, where = np.unique(src_arr, return_index=True)
        first_seen = np.zeros(n_src, dtype=np.int64)
        first_seen[seen] = where
        self.row_order = np.argsort(first_seen[self.pair_src], kind="stable")
        n_pairs = len(keys)

        def normalized(counts):  # the M-step: t(f|s) = count(f, s) / count(s)
            return counts * (1.0 / np.bincount(self.pair_src, weights=counts, minlength=n_src))[self.pair_src]

        # the first E-step: t uniform, an equal share each
        counts = np.bincount(pair, weights=(count * (1.0 / size)[sent])[group], minlength=n_pairs)
        t = normalized(counts)
        for _ in range(max(1, iterations) - 1):
            p = t[pair]
            z = count / np.bincount(group, weights=p, minlength=len(sent))
            counts = np.bincount(pair, weights=p * z[group], minlength=n_pairs)
            t = normalized(counts)
        self.t, self.links = t, counts
        self._row_at: dict[int, tuple[int, int]] | None = None

    def row(self, s: int) -> dict[int, float]:
        """t(f|s) for the source word ``s``: {target word: probability}."""
        import numpy as np

        if self._row_at is None:
            ordered = self.pair_src[self.row_order]
            starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else ordered
            ends = [*starts[1:].tolist(), len(ordered)]
            self._row_at = {int(ordered[a]): (a, b) for a, b in zip(starts.tolist(), ends)}
        a, b = self._row_at.get(s, (0, 0))
        at = self.row_order[a:b]
        return dict(zip(self.pair_tgt[at].tolist(), self.t[at].tolist()))


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
