"""Bilingual term pairs: English equivalents for mined Chinese terms, from aligned segments.

For each Chinese candidate, the English word n-grams (1–10 words, not starting or ending with a
function word, not crossing punctuation) of the segments whose Chinese side contains it are
scored by how exclusively they co-occur with it (Dice over segments, with a log-likelihood
ratio to say whether the association beats chance), and by other evidence:

* **dictionary** — the share of the n-gram's content words that CC-CEDICT (or the glossary)
  gives as a translation of a word inside the Chinese term, and the share of the term's
  characters so explained;
* **abbreviation** — a Latin abbreviation written after the term in the Chinese
  (苯丙胺类兴奋剂（ATS）) whose letters are the initials of the n-gram (amphetamine-type
  stimulants), or that the n-gram contains;
* **glossary** — the glossary pairs the term with this English term.

Each proposal is a :class:`TermPair` with a confidence in [0, 1], the evidence in words and
example segment pairs; :func:`pairs_to_concepts` makes termbase entries (a Chinese and an English
term) for ``termkit export``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Concept, Term
from ..text.normalize import normalize_key
from .dictionary import STOPWORDS, Lexicon, content_stems, stem

_EN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]")
_ABBR_AFTER_RE = r"\s*[（(]\s*([A-Za-z][A-Za-z0-9\-/&.]{1,15})\s*[)）]"
_HANZI_RE = re.compile("[\u3400-\u9fff]")
MAX_WORDS = 10


@dataclass
class TermPair:
    """A proposed English equivalent for a Chinese term (or the reverse)."""

    zh: str
    en: str
    confidence: float
    cooccurrences: int  # segments with both
    zh_freq: int  # segments with the Chinese term
    en_freq: int  # segments with the English term
    dice: float = 0.0
    llr: float = 0.0
    evidence: list[str] = field(default_factory=list)
    examples: list[tuple[str, str]] = field(default_factory=list)  # (English, Chinese) segments


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
    """Word n-grams that could be terms: no punctuation inside, no function word at either end."""
    out: set[str] = set()
    run: list[str] = []
    for tok in _tokens(text) + ["."]:
        if tok[0].isalnum():
            run.append(tok)
            continue
        for i in range(len(run)):
            if run[i].lower() in STOPWORDS:
                continue
            for j in range(i, min(len(run), i + max_words)):
                last = run[j].lower()
                if last in STOPWORDS:
                    continue
                out.add(" ".join(run[i : j + 1]))
        run = []
    return out


def _en_key(ngram: str) -> str:
    return " ".join(stem(w) for w in ngram.lower().replace("’", "'").split())


def _acronym(ngram: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", ngram) if w and w.lower() not in STOPWORDS]
    return "".join(w[0] for w in words).upper()


def _llr(k11: int, k12: int, k21: int, k22: int) -> float:
    """Dunning's log-likelihood ratio of a 2×2 contingency table."""

    def h(*ks):
        total = sum(ks)
        return sum(k * math.log(k / total) for k in ks if k > 0)

    return 2.0 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22))


def _gloss_stems(term: str, words: dict) -> tuple[set[str], list[tuple[int, int, frozenset]]]:
    """Stems the dictionary gives for any word inside ``term``, and where those words are."""
    stems: set[str] = set()
    spans = []
    for i in range(len(term)):
        for j in range(i + 1, min(len(term), i + 8) + 1):
            got = words.get(term[i:j])
            if got and (j - i > 1 or len(term) <= 2):
                stems.update(got)
                spans.append((i, j, got))
    return stems, spans


def propose_equivalents(
    pairs_of_segments: Iterable,
    candidates: Iterable,
    glossary=None,
    *,
    top: int = 3,
    min_cooccurrence: int = 2,
    min_confidence: float = 0.3,
    examples: int = 3,
) -> list[TermPair]:
    """Propose English equivalents for Chinese candidates (best first, overall).

    ``pairs_of_segments``: aligned segments — ``(english, chinese)`` tuples or translation units
    (TMX/XLIFF units, aligned beads). ``candidates``: Chinese terms — strings or mined
    :class:`termkit.model.Candidate` objects (``.text``); English candidates are skipped.
    ``top``: proposals kept per candidate, each at least ``min_confidence``.
    """
    pairs = _pairs(pairs_of_segments)
    if not pairs:
        return []
    lexicon = Lexicon.build(glossary)
    zh_keys = [normalize_key(zh) for _, zh in pairs]
    en_grams = [en_ngrams(en) for en, _ in pairs]
    # segment frequency of each English n-gram, by stemmed key; the most frequent surface form
    en_freq: Counter = Counter()
    surface: dict[str, Counter] = defaultdict(Counter)
    for grams in en_grams:
        keys = {}
        for g in grams:
            keys.setdefault(_en_key(g), g)
        for k, g in keys.items():
            en_freq[k] += 1
            surface[k][g] += 1
    glossary_en: dict[str, set[str]] = {}
    if glossary is not None:
        for concept in glossary.concepts:
            en_terms = {_en_key(t.text) for t in concept.terms_in("en")}
            for t in concept.terms_in("zh"):
                glossary_en.setdefault(normalize_key(t.text), set()).update(en_terms)
    n = len(pairs)
    out: list[TermPair] = []
    seen: set[str] = set()
    for cand in candidates:
        text = (getattr(cand, "text", cand) or "").strip()
        if not text or text in seen:
            continue
        seen.add(text)
        if not _HANZI_RE.search(text):
            continue  # English candidates: not proposed yet
        key = normalize_key(text)
        hits = [i for i, z in enumerate(zh_keys) if key in z]
        if len(hits) < min_cooccurrence:
            continue
        co: Counter = Counter()
        for i in hits:
            for k in {_en_key(g) for g in en_grams[i]}:
                co[k] += 1
        gloss, spans = _gloss_stems(text, lexicon.words)
        abbrevs = _abbreviations(text, (pairs[i][1] for i in hits))
        known = glossary_en.get(key, set())
        has_digit = any(ch.isdigit() for ch in key)
        scored = []
        for k, c in co.items():
            if c < min_cooccurrence:
                continue
            f_e = en_freq[k]
            dice = 2 * c / (len(hits) + f_e)
            llr = _llr(c, len(hits) - c, f_e - c, n - len(hits) - f_e + c)
            if dice < 0.2 and k not in known:
                continue
            en_text = surface[k].most_common(1)[0][0]
            if not has_digit and (en_text[0].isdigit() or en_text[-1].isdigit()):
                continue  # "controlled substances for the years 2011"
            stems = content_stems(en_text)
            evidence = [f"dice {dice:.2f} ({c} of {len(hits)} segments; English in {f_e})"]
            dict_share = 0.0
            if stems:
                covered = sum(1 for s in stems if s in gloss)
                zh_cov = _zh_coverage(text, spans, set(stems))
                dict_share = (covered / len(stems) + zh_cov) / 2
                if covered:
                    evidence.append(f"dictionary: {covered}/{len(stems)} English words, {zh_cov:.0%} of the Chinese")
            bonus = 0.0
            acronym = _acronym(en_text)
            for a in abbrevs:
                if a.upper() == acronym or a.lower() in en_text.lower().split():
                    bonus = 0.3
                    evidence.append(f"abbreviation {a}")
                    break
            if k in known:
                bonus += 0.3
                evidence.append("glossary")
            confidence = min(1.0, 0.55 * dice + 0.35 * dict_share + bonus + (0.1 if llr > 10.83 else 0.0))
            scored.append((confidence, dice, llr, c, f_e, en_text, evidence))
        # a fragment of a longer n-gram that comes with it (nearly) every time is not a term
        fragments = set()
        for x in scored:
            low = " " + x[5].lower() + " "
            for y in scored:
                if (
                    y is not x
                    and len(y[5]) > len(x[5])
                    and low in " " + y[5].lower() + " "
                    and y[3] >= 0.8 * x[3]
                    and y[1] >= x[1] - 0.1
                ):
                    fragments.add(x[5])
                    break
        scored = [x for x in scored if x[5] not in fragments and x[0] >= min_confidence]
        scored.sort(key=lambda x: (-x[0], -x[1], -len(x[5])))
        kept: list[str] = []
        for confidence, dice, llr, c, f_e, en_text, evidence in scored:
            if len(kept) >= top:
                break
            if any(en_text.lower() in k.lower() or k.lower() in en_text.lower() for k in kept):
                continue  # a sub- or super-string of a better proposal
            kept.append(en_text)
            ex = [(pairs[i][0], pairs[i][1]) for i in hits if en_text.lower() in pairs[i][0].lower()][:examples]
            out.append(
                TermPair(
                    text, en_text, round(confidence, 3), c, len(hits), f_e, round(dice, 3), round(llr, 1), evidence, ex
                )
            )
    out.sort(key=lambda p: (-p.confidence, -p.cooccurrences))
    return out


def _zh_coverage(term: str, spans, stems: set[str]) -> float:
    covered = [False] * len(term)
    for i, j, got in spans:
        if got & stems:
            for p in range(i, j):
                covered[p] = True
    hanzi = [k for k, ch in enumerate(term) if _HANZI_RE.match(ch)]
    return sum(1 for k in hanzi if covered[k]) / len(hanzi) if hanzi else 0.0


def _abbreviations(term: str, zh_segments: Iterable[str]) -> set[str]:
    """Latin abbreviations written right after the term: 苯丙胺类兴奋剂（ATS）."""
    pattern = re.compile(re.escape(term) + _ABBR_AFTER_RE)
    out = set()
    for z in zh_segments:
        for m in pattern.finditer(z.translate({c: c - 0xFEE0 for c in range(0xFF21, 0xFF5B)})):
            out.add(m.group(1))
    return out


def pairs_to_concepts(pairs: Sequence[TermPair], id_prefix: str = "pair-", best_only: bool = True) -> list[Concept]:
    """Term pairs as proposed termbase entries (Chinese and English term, status admitted),
    the evidence and example segments in the notes."""
    out: list[Concept] = []
    done: set[str] = set()
    for rank, p in enumerate(pairs, 1):
        if best_only and p.zh in done:
            continue
        done.add(p.zh)
        note = [f"termkit align: confidence {p.confidence:.2f}; " + "; ".join(p.evidence)]
        note += [f"context: {en} ||| {zh}" for en, zh in p.examples]
        out.append(
            Concept(
                id=f"{id_prefix}{rank}",
                terms=[
                    Term(text=p.zh, lang="zh", status="admitted", note="\n".join(note), source="termkit align"),
                    Term(text=p.en, lang="en", status="admitted", source="termkit align"),
                ],
                note="proposed pair, not yet reviewed",
            )
        )
    return out
