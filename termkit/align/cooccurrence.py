"""Co-occurrence counts of Chinese terms and English n-grams over aligned segments: the map of
bilingual term extraction (:mod:`termkit.align.terms` scores them). The counts of chunks of a
corpus merge with ``+``, so the map runs wherever the miner's does.

English n-grams are word runs of 1–12 words that neither cross punctuation or a clause word (that,
is, has, will … — ``termkit/data/en_clause_words.txt``: a term is a noun phrase, not a clause) nor
start or end with a function word; a word with a number joined by a hyphen is one word
(post-2015); two words joined by a hyphen are two (capacity-building is not capacity). They are
compared by key (stems, whatever the case, plural or hyphen). How each is written is counted
where it stands alone: a capitalised n-gram inside a longer name (Climate Change in "Convention
on Climate Change", Global Environment in "Global Environment Facility") says nothing of how the
n-gram is written by itself, and is counted apart, as a piece of a name where a capitalised word
stands right beside it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..text.normalize import normalize_key
from .dictionary import STOPWORDS, stem
from .lexical import SAMPLE, merge_samples, sample_key

_EN_WORD_RE = re.compile(
    r"[A-Za-z](?:[A-Za-z'’\-]*[A-Za-z])?(?:-\d+(?:-[A-Za-z]+)*)+|[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]"
    r"|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]"
)
_ABBR_AFTER_RE = r"\s*[（(]\s*([A-Za-z][A-Za-z0-9\-/&.]{1,15})\s*[)）]"
_HANZI_RE = re.compile("[\u3400-\u9fff]")
MAX_WORDS = 12  # United Nations Entity for Gender Equality and the Empowerment of Women: 11
_NAME_LINKS = frozenset({"of", "on", "for", "against", "and"})  # Convention on Climate Change


@lru_cache(maxsize=1)
def clause_words() -> frozenset[str]:
    """Words that stand in a clause, never inside an English term (that, is, has, will …)."""
    text = resources.files("termkit.data").joinpath("en_clause_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.lower().split())


def _pairs(segments) -> list[tuple[str, str]]:
    """(English, Chinese) texts from tuples or translation units (either language as source)."""
    out = []
    for s in segments:
        if isinstance(s, (tuple, list)):
            en, zh = s[0], s[1]
        else:
            src, tgt = s.source, s.target
            src_lang = (getattr(s, "src_lang", "") or "").lower()
            en, zh = (tgt, src) if src_lang.startswith("zh") else (src, tgt)
        if en and zh:
            if _HANZI_RE.search(en) and not _HANZI_RE.search(zh):
                en, zh = zh, en
            out.append((en, zh))
    return out


def _tokens(text: str) -> list[str]:
    return _EN_WORD_RE.findall(text)


def en_ngrams(text: str, max_words: int = MAX_WORDS) -> set[str]:
    """Word n-grams that could be terms: no punctuation or clause word inside, no function word at
    either end."""
    out: set[str] = set()
    for run in _runs(text):
        for i in range(len(run)):
            if _is_stopword(run[i]):
                continue
            for j in range(i, min(len(run), i + max_words)):
                if not _is_stopword(run[j]):
                    out.add(" ".join(run[i : j + 1]))
    return out


def en_ngram_keys(text: str, max_words: int = MAX_WORDS) -> dict[str, str]:
    """The n-grams of :func:`en_ngrams` by key (:func:`_en_key`), each word stemmed once."""
    return {k: form for k, (form, _inside) in _ngram_occurrences(text, max_words).items()}


def _runs(text: str) -> list[list[str]]:
    """Word runs between punctuation and clause words."""
    runs: list[list[str]] = []
    run: list[str] = []
    clause = clause_words()
    for tok in _tokens(text) + ["."]:
        if tok[0].isalnum() and (tok.lower() not in clause or (len(tok) > 1 and tok.isupper())):  # WHO
            run.append(tok)
        elif run:
            runs.append(run)
            run = []
    return runs


def _ngram_occurrences(text: str, max_words: int = MAX_WORDS) -> dict[str, tuple[str, int]]:
    """Each n-gram of ``text`` by key: how it is written, and whether it stands inside a longer
    name (0: by itself; 1: a name goes on through of/on/for; 2: a capitalised word right beside
    it — a piece of the name)."""
    out: dict[str, tuple[str, int]] = {}
    for run in _runs(text):
        stems = [_word_key(w) for w in run]
        stop = [_is_stopword(w) for w in run]
        caps = [w[:1].isupper() and not s for w, s in zip(run, stop)]
        for i in range(len(run)):
            if stop[i]:
                continue
            for j in range(i, min(len(run), i + max_words)):
                if stop[j]:
                    continue
                key = " ".join(stems[i : j + 1])
                inside = _inside_name(run, caps, i, j) if caps[i] and caps[j] else 0
                if key not in out or out[key][1] > inside:
                    out[key] = (" ".join(run[i : j + 1]), inside)
    return out


def _inside_name(run: list[str], caps: list[bool], i: int, j: int) -> int:
    """Does the capitalised n-gram ``run[i..j]`` stand inside a longer name? 2 when a capitalised
    word stands right beside it (not the run's first word, which may only begin a sentence), 1
    when the name goes on through of/on/for/against/and, with or without "the" (Convention on
    Climate Change, Gender Equality and the Empowerment of Women), else 0."""
    if all(w.isupper() for w in run[i : j + 1] if w[:1].isupper()):
        return 0  # acronyms only
    if (i >= 2 and caps[i - 1]) or (i == 1 and run[0].isupper() and len(run[0]) > 1):
        return 2
    if j + 1 < len(run) and caps[j + 1]:
        return 2
    k = i - 1 - (i >= 1 and run[i - 1].lower() == "the")  # … Equality and the Empowerment of Women
    if k >= 1 and run[k].lower() in _NAME_LINKS and caps[k - 1]:
        return 1
    if j + 1 < len(run) and run[j + 1].lower() in _NAME_LINKS:
        k = j + 2 + (j + 2 < len(run) and run[j + 2].lower() == "the")
        if k < len(run) and caps[k]:
            return 1
    return 0


@lru_cache(maxsize=200_000)
def _word_key(word: str) -> str:
    """A word's key: its stem; a prefix joined by a hyphen is one word (co-operation, non-governmental),
    two words joined by one stay two (capacity-building is not capacity, nor high-level high)."""
    w = word.lower().replace("’", "'")
    if "-" not in w:
        return stem(w)
    parts = [p for p in w.split("-") if p]
    if len(parts) == 2 and len(parts[0]) <= 3 and parts[0].isalpha():
        return stem("".join(parts))
    return "-".join(stem(p) for p in parts)


def _is_stopword(token: str) -> bool:
    """A function word — but not an acronym written like one (WHO, IT)."""
    return token.lower() in STOPWORDS and not (len(token) > 1 and token.isupper())


def _en_key(ngram: str) -> str:
    """Compare English terms by stems, whatever the case, plural or hyphen (co-operation, cooperation)."""
    return " ".join(_word_key(w) for w in ngram.split())


EXAMPLES_KEPT = 20  # segment pairs kept per Chinese term, to show an example of each proposal


@dataclass
class Cooccurrences:
    """What aligned segments say about Chinese terms and English n-grams — the map's result.

    Counts are over segments; two results merge with ``+`` (associative, so chunks of a corpus can
    be counted anywhere and merged in any order).
    """

    segments: int = 0
    en_freq: Counter = field(default_factory=Counter)  # English n-gram key → segments holding it
    surface: dict[str, Counter] = field(default_factory=dict)  # key → how it is written alone → segments
    name_surface: dict[str, Counter] = field(default_factory=dict)  # … and inside a longer name
    name_piece: Counter = field(default_factory=Counter)  # key → segments with a capital right beside it
    hits: Counter = field(default_factory=Counter)  # Chinese term → segments holding it
    co: dict[str, Counter] = field(default_factory=dict)  # Chinese term → English key → segments
    examples: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # term → (en, zh) pairs
    abbreviations: dict[str, set[str]] = field(default_factory=dict)  # term → Latin abbreviations after it
    # (hash, English, Chinese): a bounded sample of the segment pairs, for :mod:`.lexical` to learn from
    sample: list[tuple[int, str, str]] = field(default_factory=list)
    # words (lowercased) as written where they do not begin a sentence: in lower case, capitalised
    lower_words: Counter = field(default_factory=Counter)
    upper_words: Counter = field(default_factory=Counter)

    def written(self, key: str, words: set[str] | None = None) -> Counter:
        """How an n-gram is written where it stands alone (else inside names); only the forms of
        ``words`` (lowercased) if given — a key may stand for two words (constitute, constitution)."""
        for forms in (self.surface.get(key), self.name_surface.get(key)):
            if forms and words is not None:
                forms = Counter({f: n for f, n in forms.items() if f.lower() in words})
            if forms:
                out: Counter = Counter()
                for f, n in forms.items():
                    out[self.as_in_a_sentence(f)] += n
                return out
        return Counter()

    def as_in_a_sentence(self, form: str) -> str:
        """A form whose only capital is its first letter, as written inside a sentence: in lower
        case where the corpus writes that word in lower case more often than not where it does
        not begin a sentence (Civilian personnel, Post-2015 agenda — seen only at the start of a
        segment — are civilian personnel, post-2015 agenda; Africa stays)."""
        first, _sep, rest = form.partition(" ")
        if not first[:1].isupper() or first[1:] != first[1:].lower():
            return form
        if any(w[:1].isupper() for w in rest.split() if not _is_stopword(w)):
            return form  # a name (Security Council), or a capital inside
        w = first.lower()
        return form[:1].lower() + form[1:] if self.lower_words[w] > self.upper_words[w] else form

    def __add__(self, other: Cooccurrences) -> Cooccurrences:
        return Cooccurrences().merge(self).merge(other)

    def merge(self, other: Cooccurrences) -> Cooccurrences:
        """Add ``other`` into this one (in place; returns it), as the miner's executors merge."""
        self.segments += other.segments
        self.en_freq.update(other.en_freq)
        self.hits.update(other.hits)
        self.name_piece.update(other.name_piece)
        for mine, theirs in (
            (self.surface, other.surface),
            (self.name_surface, other.name_surface),
            (self.co, other.co),
        ):
            for k, v in theirs.items():
                have = mine.get(k)
                if have is None:
                    mine[k] = _copied(v)  # a copy: ``other`` stays as it was
                else:
                    have.update(v)
        for k, v in other.examples.items():
            kept = self.examples.setdefault(k, [])
            kept.extend(v[: EXAMPLES_KEPT - len(kept)])
        for k, v in other.abbreviations.items():
            self.abbreviations.setdefault(k, set()).update(v)
        self.sample = merge_samples(self.sample, other.sample)
        self.lower_words.update(other.lower_words)
        self.upper_words.update(other.upper_words)
        return self


def _copied(counter: Counter) -> Counter:
    """A copy of a Counter, without Counter's own (slower, Python-level) constructor."""
    out: Counter = Counter.__new__(Counter)
    dict.update(out, counter)
    return out


def chinese_terms(candidates: Iterable) -> list[str]:
    """The Chinese terms among candidates (strings or mined Candidates), each once, in order."""
    out, seen = [], set()
    for cand in candidates:
        text = (getattr(cand, "text", cand) or "").strip()
        if text and text not in seen and _HANZI_RE.search(text):
            seen.add(text)
            out.append(text)
    return out


def count_cooccurrences(pairs_of_segments: Iterable, terms: Sequence[str]) -> Cooccurrences:
    """Count, over aligned segments, each Chinese term with the English n-grams beside it (the map)."""
    import ahocorasick_rs

    out = Cooccurrences()
    keys = {}
    for term in terms:
        keys.setdefault(normalize_key(term), term)
    finder = ahocorasick_rs.AhoCorasick(list(keys), matchkind=ahocorasick_rs.MatchKind.Standard) if keys else None
    sample = []
    for en, zh in _pairs(pairs_of_segments):
        out.segments += 1
        sample.append((sample_key(en, zh), en, zh))
        _count_cases(en, out.lower_words, out.upper_words)
        grams = _ngram_occurrences(en)
        for k, (g, inside) in grams.items():
            out.en_freq[k] += 1
            (out.name_surface if inside else out.surface).setdefault(k, Counter())[g] += 1
            if inside == 2:
                out.name_piece[k] += 1
        if finder is None:
            continue
        present = {keys[k] for k in finder.find_matches_as_strings(normalize_key(zh), overlapping=True)}
        for term in present:
            out.hits[term] += 1
            out.co.setdefault(term, Counter()).update(grams.keys())
            kept = out.examples.setdefault(term, [])
            if len(kept) < EXAMPLES_KEPT:
                kept.append((en, zh))
            found = _abbreviations(term, [zh]) if ("（" in zh or "(" in zh) else None
            if found:
                out.abbreviations.setdefault(term, set()).update(found)
    out.sample = merge_samples(sorted(set(sample)), [], SAMPLE)
    return out


def _count_cases(text: str, lower: Counter, upper: Counter) -> None:
    """Count the words of ``text`` (two letters or more, not all capitals) that do not begin a
    sentence (nor the segment, nor a numbered paragraph), by case."""
    initial = True
    for tok in _tokens(text):
        if tok[0].isalpha():
            if not initial and len(tok) > 1 and not tok.isupper():
                (upper if tok[0].isupper() else lower)[tok.lower()] += 1
            initial = False
        elif tok in ".!?:;":
            initial = True


def _abbreviations(term: str, zh_segments: Iterable[str]) -> set[str]:
    """Latin abbreviations written right after the term: 苯丙胺类兴奋剂（ATS）."""
    pattern = re.compile(re.escape(term) + _ABBR_AFTER_RE)
    out = set()
    for z in zh_segments:
        for m in pattern.finditer(z.translate({c: c - 0xFEE0 for c in range(0xFF21, 0xFF5B)})):
            out.add(m.group(1))
    return out


def _llr(k11: int, k12: int, k21: int, k22: int) -> float:
    """Dunning's log-likelihood ratio of a 2×2 contingency table."""

    def h(*ks):
        total = sum(ks)
        return sum(k * math.log(k / total) for k in ks if k > 0)

    return 2.0 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22))
