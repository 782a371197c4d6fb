"""Glossary lookup: built once, queried many times.

A query (Chinese or English) is matched against every term of the glossary, in this order of
strength; each concept is returned once, with its best match:

=============  =====================================================================  ==========
kind           when                                                                   score
=============  =====================================================================  ==========
exact          the query is a preferred term as written                               100
variant        the query is a non-preferred form (admitted, deprecated, superseded),  98 as written,
               as written or after folding; the match says which form is preferred    94 folded
normalized     equal after folding width, spacing, punctuation, case, traditional/    96
               simplified; English hyphen/space, plural and British/American spelling
pinyin         Chinese with the same toneless pinyin (侦察/侦查), or with syllables   92 same,
               that differ by one sound (芬坦尼/芬太尼); or the query *is* pinyin     ≤ 86 near,
               in Latin letters, with or without spaces, tone marks or tone numbers   88 if the
               (``ai zi bing du``, ``aizibingdu``, ``fēn tài ní``, ``fen1 tai4 ni2``)  tones differ
fuzzy          character edits (Chinese) or typing edits in words in any order        0.9 × similarity
               (English): :mod:`termkit.glossary.similarity`
partial        the query contains a term, or is contained in one                      40–85, by length share
=============  =====================================================================  ==========

Scores are on one 0–100 scale, so results of different kinds sort together; ``min_score`` cuts.
Fuzzy search does not compare the query with every term: terms sharing enough character
bigrams with the query are found in an inverted index, and only those are scored.

Work is bounded by the lengths present (:mod:`.limits`): fuzzy scoring skips terms out of reach
by length alone, partial matching tries only spans as long as some term.
"""

from __future__ import annotations

import gc
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ..model import Concept, Match, Term
from .keys import en_key, is_chinese, zh_key
from .limits import MAX_PINYIN_CHARS, MAX_QUERY_CHARS
from .readings import PinyinReadings
from .scores import SCORES
from .similarity import chinese_similarity, english_similarity, sorted_words

KINDS = ("exact", "normalized", "variant", "pinyin", "fuzzy", "partial")

_START, _END = "\x02", "\x03"
# English words too common to narrow a search by themselves.
_EN_STOPWORDS = frozenset("a an and at by for from in into of on or the to with".split())


def _grams(key: str, chinese: bool) -> set[str]:
    """Padded character n-grams: bigrams for Chinese, trigrams for Latin script (bigrams of
    English are too common to narrow a search)."""
    n = 2 if chinese else 3
    padded = f"{_START}{key}{_END}"
    return {padded[i : i + n] for i in range(len(padded) - n + 1)}


def scorer_for(query: str) -> Callable:
    """The scorer fuzzy lookup uses for a query: characters for Chinese, typing edits for English."""
    return chinese_similarity if is_chinese(query) else english_similarity


def key_for(text: str) -> str:
    return zh_key(text) if is_chinese(text) else en_key(text)


@dataclass
class _Entry:
    concept: Concept
    term: Term
    key: str
    chinese: bool


class GlossaryIndex(PinyinReadings):
    """Lookup over a Glossary (or any iterable of Concepts)."""

    def __init__(self, glossary, *, min_pinyin_chars: int = 3, max_fuzzy_candidates: int = 2000):
        # millions of small objects, none a cycle: no collector walking them
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._build(glossary, min_pinyin_chars, max_fuzzy_candidates)
        finally:
            if enabled:
                gc.enable()

    def _build(self, glossary, min_pinyin_chars: int, max_fuzzy_candidates: int) -> None:
        concepts: Iterable[Concept] = getattr(glossary, "concepts", glossary)
        self.min_pinyin_chars = min_pinyin_chars
        self.max_fuzzy_candidates = max_fuzzy_candidates
        self.entries: list[_Entry] = []
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._keys: dict[str, list[int]] = defaultdict(list)
        self._pinyin: dict[str, list[int]] = defaultdict(list)
        self._initials: dict[str, list[int]] = defaultdict(list)
        self._grams: dict[str, list[int]] = defaultdict(list)
        self._words: dict[str, list[int]] = defaultdict(list)  # English word → entries
        self._latin: dict[str, list[int]] = defaultdict(list)  # toneless pinyin letters → entries
        self._short_chinese: list[int] = []  # two-hanzi terms, put in _latin at the first pinyin query
        # Chinese terms by key length, given their pinyin keys only when a query of that length
        # needs them (a pinyin match has the query's length): building an index costs no pinyin
        self._unkeyed: dict[int, list[int]] = defaultdict(list)
        self._latin_ready = False
        zh_lengths: set[int] = set()  # the lengths of Chinese keys, in characters
        en_lengths: set[int] = set()  # the lengths of English keys, in words
        for concept in concepts:
            for term in concept.terms:
                text = term.text.strip()
                if not text:
                    continue
                chinese = is_chinese(text)
                key = key_for(text)
                if not key:
                    continue
                i = len(self.entries)
                self.entries.append(_Entry(concept, term, key, chinese))
                self._exact[text].append(i)
                self._keys[key].append(i)
                if not chinese:
                    words = key.split()
                    en_lengths.add(len(words))
                else:
                    zh_lengths.add(len(key))
                if chinese and self.min_pinyin_chars <= len(key) <= MAX_PINYIN_CHARS:
                    self._unkeyed[len(key)].append(i)
                elif chinese and len(key) == 2:
                    self._short_chinese.append(i)
        self._zh_lengths = sorted(zh_lengths)
        self._en_lengths = sorted(en_lengths)
        self._keys = dict(self._keys)
        # single English words by length, for fuzzy lookup of a one-word query
        self._vocab_by_len: dict[int, list[str]] = defaultdict(list)
        self._scripts: set[bool] = set()  # the scripts whose n-grams and words are indexed

    def _index_script(self, chinese: bool) -> None:
        """Index one script's n-grams (and English words) when a query first needs them."""
        if chinese in self._scripts:
            return
        self._scripts.add(chinese)
        enabled = gc.isenabled()
        gc.disable()
        try:
            for i, e in enumerate(self.entries):
                if e.chinese != chinese:
                    continue
                for g in _grams(e.key, chinese):
                    self._grams[g].append(i)
                if not chinese:
                    for w in dict.fromkeys(e.key.split()):  # in order: the vocabulary below is too
                        self._words[w].append(i)
            if not chinese:
                for w in self._words:
                    self._vocab_by_len[len(w)].append(w)
        finally:
            if enabled:
                gc.enable()

    def prepare(self) -> GlossaryIndex:
        """Build now what the first queries would build (every script, every reading): before the
        index is kept in the cache, or timed apart from the queries."""
        self._index_script(True)
        self._index_script(False)
        self.prepare_pinyin()
        return self

    def __len__(self) -> int:
        return len(self.entries)

    # --- the search -----------------------------------------------------------------------

    def lookup(
        self,
        query: str,
        limit: int = 5,
        min_score: float = 70.0,
        kinds: Iterable[str] | None = None,
    ) -> list[Match]:
        """Ranked matches for ``query``: one per concept, best first (score, then glossary order)."""
        query = query.strip()
        if not query:
            return []
        wanted = set(kinds or KINDS)
        if len(query) > MAX_QUERY_CHARS:  # not a term: no edits, readings or parts to look for
            wanted &= {"exact", "normalized", "variant"}
        chinese = is_chinese(query)
        qkey = key_for(query)
        if wanted & {"fuzzy", "partial"}:
            self._index_script(chinese)
        best: dict[int, tuple[float, str, int]] = {}  # concept position → (score, kind, entry)

        def offer(i: int, score: float, kind: str, across: bool = False) -> None:
            e = self.entries[i]
            if (e.chinese != chinese and not across) or score < min_score:
                return
            kind_name = "variant" if kind in ("exact", "normalized") and e.term.status != "preferred" else kind
            if kind_name not in wanted:
                return
            if kind_name == "variant":
                score = SCORES["variant_exact"] if kind == "exact" else SCORES["variant_normalized"]
            cid = id(e.concept)
            if cid not in best or (score, -i) > (best[cid][0], -best[cid][2]):
                best[cid] = (score, kind_name, i)

        for i in self._exact.get(query, ()):
            offer(i, SCORES["exact"], "exact")
        for i in self._keys.get(qkey, ()):
            if self.entries[i].term.text.strip() != query:
                offer(i, SCORES["normalized"], "normalized")

        def settled(ceiling: float) -> bool:
            """Are ``limit`` concepts already found that nothing scoring ≤ ceiling can displace?"""
            return sum(1 for v in best.values() if v[0] > ceiling) >= limit

        if (
            chinese
            and "pinyin" in wanted
            and len(qkey) >= self.min_pinyin_chars
            and not settled(SCORES["pinyin"])
            and ("pypinyin" in sys.modules or self._may_read_alike(qkey))  # loaded: nothing to save
        ):
            self._pinyin_matches(qkey, offer)
        if not chinese and "pinyin" in wanted:
            self._latin_pinyin_matches(query, offer)
        if "fuzzy" in wanted and not settled(100 * SCORES["fuzzy_weight"]):
            self._fuzzy_matches(query, qkey, chinese, min_score, offer)
        if "partial" in wanted and not settled(_partial_score(1, 1)):
            self._partial_matches(qkey, chinese, offer)
        ranked = sorted(best.values(), key=lambda v: (-v[0], v[2]))[:limit]
        return [
            Match(
                query=query,
                concept=self.entries[i].concept,
                term=self.entries[i].term,
                kind=kind,
                score=round(score, 1),
            )
            for score, kind, i in ranked
        ]

    def best(self, query: str, min_score: float = 70.0) -> Match | None:
        found = self.lookup(query, limit=1, min_score=min_score)
        return found[0] if found else None

    def fuzzy_candidates(self, qkey: str, chinese: bool) -> list[int]:
        """Entries that may be within fuzzy reach of ``qkey``; only these are scored."""
        self._index_script(chinese)
        return sorted(self._chinese_candidates(qkey) if chinese else self._english_candidates(qkey))

    def _chinese_candidates(self, qkey: str) -> set[int]:
        """Terms sharing enough character bigrams with the query.

        A term within ``e`` edits of the query keeps all but about ``2e`` of its padded bigrams,
        so it shares at least ``need`` of them, and therefore at least one of the
        ``len - need + 1`` rarest ones: only those postings are read (prefix filtering).
        """
        # ties in rarity broken by the gram itself: a set's order changes with the hash seed, and
        # which grams are read decides which far-off terms are scored at all (low --min-score)
        grams = sorted(_grams(qkey, True), key=lambda g: (len(self._grams.get(g, ())), g))
        allowed_edits = max(1, round(len(qkey) * 0.25))
        need = max(1, len(grams) - 2 * allowed_edits)
        found: set[int] = set()
        for g in grams[: len(grams) - need + 1]:
            found.update(self._grams.get(g, ()))
        return found

    def _english_candidates(self, qkey: str) -> set[int]:
        """Terms sharing enough whole words with the query (token edits), the same prefix filter
        over word postings; a one-word query goes through similar words of the vocabulary."""
        words = set(qkey.split()) - _EN_STOPWORDS or set(qkey.split())
        k = len(words)
        if k >= 2:
            need = max(1, k - max(1, round(k / 3)))
            postings = sorted((self._words.get(w, ()) for w in sorted(words)), key=len)  # ties: by word
            found: set[int] = set()
            for posting in postings[: k - need + 1]:
                found.update(posting)
            return found
        (word,) = words
        lo, hi = int(len(word) * 0.7), int(len(word) / 0.7) + 1
        vocab = [w for n in range(lo, hi + 1) for w in self._vocab_by_len.get(n, ())]
        found = set()
        for similar, _score, _ in process.extract(word, vocab, scorer=fuzz.ratio, score_cutoff=70, limit=50):
            found.update(self._keys.get(similar, ()))
        return found

    def _fuzzy_matches(self, query: str, qkey: str, chinese: bool, min_score: float, offer) -> None:
        candidates = self.fuzzy_candidates(qkey, chinese)
        if not candidates:
            return
        cutoff = min(min_score / SCORES["fuzzy_weight"], 100)
        # a length alone can put a term out of reach: Indel ratio ≤ 2·min/(n+L), OSA ≤ min/max
        n, c = len(qkey), max(cutoff, 1.0) / 100
        lo, hi = (n * c / (2 - c), n * (2 - c) / c) if chinese else (n * c, n / c)
        candidates = [i for i in candidates if lo <= len(self.entries[i].key) <= hi]
        if not candidates:
            return
        keys = [self.entries[i].key for i in candidates]
        if chinese:
            found = process.extract(
                qkey, keys, scorer=chinese_similarity, score_cutoff=cutoff, limit=self.max_fuzzy_candidates
            )
        else:  # english_similarity, with the words sorted here so that rapidfuzz's C scorer runs
            found = process.extract(
                sorted_words(qkey),
                [sorted_words(k) for k in keys],
                scorer=OSA.normalized_similarity,
                score_cutoff=cutoff / 100,
                limit=self.max_fuzzy_candidates,
            )
            found = [(key, 100 * similarity, k) for key, similarity, k in found]
        for _key, similarity, k in found:
            if similarity < 100:
                offer(candidates[k], SCORES["fuzzy_weight"] * similarity, "fuzzy")

    def _partial_matches(self, qkey: str, chinese: bool, offer) -> None:
        n = len(qkey)
        # the query contains a term
        # only spans as long as some term (characters, or words) can be one
        if chinese:
            pieces = {qkey[a : a + size] for size in self._zh_lengths if 2 <= size < n for a in range(n - size + 1)}
        else:
            words = qkey.split()
            k = len(words)
            pieces = {
                " ".join(words[a : a + size]) for size in self._en_lengths if size < k for a in range(k - size + 1)
            }
        for piece in pieces:
            for i in self._keys.get(piece, ()):
                offer(i, _partial_score(len(piece), n), "partial")
        # a term contains the query: it has every n-gram of the query, so scan the rarest posting
        grams = _grams(qkey, chinese)
        inner = [g for g in grams if _START not in g and _END not in g] or list(grams)
        rarest = min(inner, key=lambda g: len(self._grams.get(g, ())))
        for i in self._grams.get(rarest, ()):
            key = self.entries[i].key
            if len(key) > n and qkey in key:
                offer(i, _partial_score(n, len(key)), "partial")


def _partial_score(shorter: int, longer: int) -> float:
    return 40.0 + 45.0 * shorter / max(longer, 1)
