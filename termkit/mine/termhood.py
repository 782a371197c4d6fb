"""Termhood of the candidate table: the statistics of :mod:`.scores` applied to each entry.

Two rounds, around the scan for contexts (:mod:`.scan`):

1. :func:`score_table` — on the merged counts alone: C-value against the longer candidates
   that contain an entry, cohesion, domain specificity, how fixed a coordination is, and a
   preliminary score (no branching entropy yet); :func:`shortlisted` keeps the best for the scan;
2. :func:`final_score` — for a shortlisted entry, with the neighbours the scan found: branching
   entropy on each side (:func:`_edge_entropy`) and the final score.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence

from .counts import Counts
from .edges import FUNCTION_CHARS
from .filters import modifier_expansion
from .kinds import EDGE, INNER, KINDS, LEAD
from .lexicon import derived, lexicon
from .names import bare_head, body_name, country_name, named, noun_like, organization, place_phrase, verb_like
from .reference import UNReference
from .scan import Occurrences
from .scores import (
    PARAMS,
    branching_entropy,
    c_value,
    cohesion,
    combined_specificity,
    domain_specificity,
    termhood,
    un_word_specificity,
    word_specificity,
)
from .segmenter import tokenizer
from .table import Entry


def _coordination(e: Entry, table: dict, words) -> float:
    """How fixed a coordination ``A和B`` is (1 when the candidate is not one).

    ``f(A和B) / min(f(A), f(B))``: 麻醉药品和精神药物 is most of the uses of its rarer part; 区域和
    国际 or 治疗和护理 are two words that happen to be listed together. Parts that are not
    candidates on their own (犯罪问题办公室 in 毒品和犯罪问题办公室) make no coordination.
    """
    w = e.words
    coordinators = lexicon().coordinators
    joints = [i for i in range(1, len(w) - 1) if w[i] in coordinators]
    if not joints:
        return 1.0
    i = joints[-1]
    left, right = "".join(w[:i]), "".join(w[i + 1 :])
    fl = table[left].freq if left in table else (words.get(left, 0) if i == 1 else 0)
    fr = table[right].freq if right in table else (words.get(right, 0) if i == len(w) - 2 else 0)
    if fl <= e.freq or fr <= e.freq:
        return 1.0
    return e.freq / min(fl, fr)


def _owned(words: Sequence[str], i: int, table: dict) -> bool:
    """Is ``words[i:]`` a name with its year (1961年) or its owner — an organization that is a
    candidate of its own (毒罪办, 毒品和犯罪问题办公室) — in front?"""
    if i == 1 and KINDS[words[0]] == LEAD:
        return True
    owner = table.get("".join(words[:i]))
    return owner is not None and organization(owner.words) and named(words[i:])


def _content_words(words: Sequence[str]) -> list[str]:
    return [w for w in words if KINDS[w] > INNER]


def score_table(
    table: dict[str, Entry],
    counts: Counts,
    ref_freq: dict,
    ref_total: int,
    glued: frozenset = frozenset(),
    un_ref: UNReference | None = None,
    names: frozenset = frozenset(),
    keep: int | None = None,
) -> Scorer:
    """C-value, cohesion, specificity and a preliminary score (no entropy yet) for each entry.

    ``keep``: only the ``keep`` best preliminary scores matter (:func:`shortlisted`), and those of
    ``names``: the entries are scored from the highest ceiling (:meth:`Scorer.ceiling`) down, and
    the rest left unscored (``prelim`` 0) once a ceiling falls below the ``keep``-th best score
    found — none of them could have reached the shortlist. None: every entry.

    ``ref_freq``/``ref_total``: general Chinese (jieba's dictionary); ``un_ref``: the general-UN
    reference (:mod:`.reference`), or None to judge against general Chinese only. ``names``:
    candidates known to be names (abbreviations the corpus defines and their full forms).

    ``glued``: glossary terms the segmenter keeps whole; they are scored on the words the
    default dictionary would cut them into, like any multi-word candidate.
    """
    # containers: the longer candidates of which an entry is a contiguous sub-sequence of words;
    # those that only narrow it by a modifier (国际|毒品管制公约, 苯丙胺类|兴奋剂) or date it
    # (1961年|麻醉品单一公约) or say whose it is (毒罪办|研究和趋势分析处) hold uses of it
    for e in table.values():
        w = e.words
        n = len(w)
        if n < 2:
            continue
        for i in range(n):
            if KINDS[w[i]] != EDGE and KINDS[w[i]] != 4:
                continue
            s = ""
            for j in range(i, n):
                s += w[j]
                if j - i + 1 == n:
                    break
                inner = table.get(s)
                if inner is None:
                    continue
                if j == n - 1 and (modifier_expansion(w, i) or _owned(w, i, table)):
                    inner.expansions.append((w[i - 1][-1], e.freq))  # a use of the term, not a container
                else:
                    inner.containers.append(e.freq)
    scorer = Scorer(table, counts, ref_freq, ref_total, glued, un_ref, names)
    if keep is None:
        for e in table.values():
            scorer.score(e)
        return scorer
    best: list[float] = []  # a min-heap of the best ``keep`` preliminary scores so far

    def score(e: Entry) -> None:
        scorer.score(e)
        if len(best) < keep:
            heapq.heappush(best, e.prelim)
        elif e.prelim > best[0]:
            heapq.heapreplace(best, e.prelim)

    for text in names:  # shortlisted whatever their rank
        if text in table:
            score(table[text])
    by_ceiling = sorted(
        ((scorer.ceiling(e), e) for e in table.values() if e.text not in names), key=lambda pair: -pair[0]
    )
    for ceiling, e in by_ceiling:
        if len(best) >= keep and ceiling < best[0]:
            break
        score(e)
    return scorer


class Scorer:
    """The preliminary scoring of table entries (:func:`score_table`), kept to score the entries
    added after the scan (a glossary's forms the counting did not see whole)."""

    def __init__(self, table, counts: Counts, ref_freq, ref_total, glued=frozenset(), un_ref=None, names=frozenset()):
        self.table, self.counts = table, counts
        self.ref_freq, self.ref_total, self.un_ref = ref_freq, ref_total, un_ref
        self.glued, self.names = glued, names
        self.n_tokens = max(counts.n_tokens, 1)
        self.spec_cache: dict[str, tuple[float, float]] = {}
        self.base = tokenizer()
        self.lex = lexicon()

    def spec_of(self, w: str, f: int) -> tuple[float, float]:
        """``(against general Chinese, against the stricter of both references)`` in bits."""
        general = word_specificity(f, self.n_tokens, self.ref_freq.get(w, 0) or 0, self.ref_total)
        if self.un_ref is None:
            return general, general
        un = un_word_specificity(f, self.n_tokens, self.un_ref.low(w), self.un_ref.n_tokens)
        return general, combined_specificity(general, un)

    def word_spec(self, w: str, at_least: int) -> tuple[float, float]:
        # a word occurs at least as often as a candidate holding it (not so for the parts of a
        # form the segmenter never produced whole, such as a glossary's)
        f = self.counts.words.get(w, 0)
        if f >= at_least:
            v = self.spec_cache.get(w)
            if v is None:
                v = self.spec_cache[w] = self.spec_of(w, f)
            return v
        return self.spec_of(w, at_least)

    def ceiling(self, e: Entry) -> float:
        """The highest preliminary score the entry can get: :func:`.scores.termhood` with what is
        known before scoring (C-value, spread, title, name head, the institution's vocabulary)
        and every other factor at its best (it only grows with each)."""
        return termhood(
            cvalue=c_value(len(e.text), e.freq, e.containers),
            doc_freq=e.doc_freq,
            n_docs=self.counts.n_docs,
            edge_entropy=None,
            cohesion_bits=None,
            specificity=math.inf,
            title=e.title > 0,
            coordination=math.inf,
            named=named(e.words),
            institution=e.text in self.lex.un_vocabulary,
        )

    def score(self, e: Entry) -> None:
        """C-value, cohesion, specificity, what the entry is, and its preliminary score."""
        lex, words = self.lex, self.counts.words
        e.cvalue = c_value(len(e.text), e.freq, e.containers)
        content = _content_words(e.words)
        if self.glued and any(w in self.glued for w in content):
            content = _content_words([p for w in e.words for p in (self.base.lcut(w) if w in self.glued else [w])])
        if len(content) > 1:
            e.cohesion = cohesion(e.freq, [max(words.get(w, 0), e.freq) for w in content], self.n_tokens)
        specs = [self.word_spec(w, e.freq) for w in content] or [(0.0, 0.0)]
        e.institution = e.text in lex.un_vocabulary
        e.single = len(content) == 1
        # a name head makes a name only with a specific word before it (集装箱管制方案), not with
        # general modifiers (全球方案, 行动计划: a kind of programme or plan, not one of them)
        e.named = named(e.words)
        e.body = body_name(e.words)
        e.generic = e.named and not e.single and e.title == 0 and max(c for _, c in specs[:-1]) < GENERIC_BITS
        if e.generic:
            e.named = False  # no head evidence; a body's name keeps its floor (统计委员会)
        e.general_words = [w for w, (_, c) in zip(content, specs, strict=True) if c < GENERIC_BITS]
        # a name (委员会, 公约 … at its end, an organization in the dictionary, a title) and the
        # institution's own vocabulary (会员国, 大会, 民间社会) are terms whatever their subject: the
        # general-UN reference demotes UN phrasing, not UN names (人权理事会, 可持续发展目标), which
        # are judged against general Chinese only
        name = e.title > 0 or e.named or e.body or e.text in self.names or e.institution
        e.specificity = domain_specificity([g if name else c for g, c in specs])
        e.coordination = _coordination(e, self.table, words)
        e.verb = False
        if e.single and e.title == 0 and not e.institution and not noun_like(content[0]):
            # a single verb, adjective, adverb or place name is no term alone — unless a verb is
            # far more typical of the corpus than of both references (洗钱, 贩运: the domain's acts)
            if not (verb_like(content[0]) and e.specificity >= PARAMS["verb_bits"]):
                e.prelim = -1.0
                return
            e.verb = True
        if (e.single and bare_head(content[0]) and not e.institution) or country_name(e.words) or place_phrase(e.words):
            # a bare head (公约, 宣言) names no particular thing; country names belong to the UN
            # country nomenclature, and a State's government (伊拉克政府) is no term either
            e.prelim = -1.0
            return
        e.prelim = termhood(
            cvalue=e.cvalue,
            doc_freq=e.doc_freq,
            n_docs=self.counts.n_docs,
            edge_entropy=None,
            cohesion_bits=e.cohesion,
            specificity=e.specificity,
            single=e.single,
            title=e.title > 0,
            coordination=e.coordination,
            named=e.named,
            body=e.body or e.institution,
            institution=e.institution,
        )


#: Below this many bits against the stricter reference a word is general language (加强, 全球, 行动).
GENERIC_BITS = 3.0


def shortlisted(table: dict[str, Entry], want: int, defined: Iterable[str]) -> list[str]:
    """The candidates to scan for contexts: the ``want`` best by preliminary score (those above
    0), then the abbreviations and full forms the corpus defines that are not ruled out."""
    ranked = sorted(table.values(), key=lambda e: -e.prelim)
    short = [e.text for e in ranked[:want] if e.prelim > 0]
    short_set = set(short)
    short += [t for t in defined if t in table and t not in short_set and table[t].prelim >= 0]
    return short


def _edge_entropy(
    cand: str, occ: Occurrences, side: str, names: frozenset = frozenset(), expansions: Sequence[tuple[str, int]] = ()
) -> float:
    """Branching entropy of the candidate's neighbours on one side.

    Function words next to it are edges. So, on its left, is an organization's name (``names``):
    written right before a thing, with or without 的, a name says whose it is — 毒罪办合成毒品战略
    is UNODC's Synthetic Drugs Strategy, as 毒罪办的合成毒品战略 would be — and a term that is
    mostly cited with its owner's name (13 of the 14 合成毒品战略) is not a fragment of the
    longer phrase. The same holds for a modifier that narrows it (``expansions``: 国际 before
    毒品管制公约, 苯丙胺类 before 兴奋剂 — :func:`.filters.modifier_expansion`).
    """
    neighbours = dict(getattr(occ, side).get(cand, {}))
    edges = getattr(occ, side + "_edges").get(cand, 0)
    if side == "left" and names:
        for before, c in occ.left_candidates.get(cand, {}).items():
            if before in names and neighbours.get(before[-1], 0) >= c:
                neighbours[before[-1]] -= c
                edges += c
    if side != "left":
        expansions = ()
    for ch, c in expansions:
        moved = min(neighbours.get(ch, 0), c)
        if moved:
            neighbours[ch] -= moved
            edges += moved
    crossed = occ.left_crossed.get(cand, {}) if side == "left" else {}
    function_chars = FUNCTION_CHARS()
    kept = {}
    for ch, c in neighbours.items():
        if ch in function_chars:
            inside = crossed.get(ch, 0)  # … unless a longer candidate runs across it
            edges += c - inside  # a function word next to it: a natural edge
            if inside:
                kept[ch] = inside
        else:
            kept[ch] = c
    return branching_entropy(kept, edges)


#: Share of a single verb's occurrences that must end a phrase (punctuation or a function word
#: after it) for it to stand as a term (:func:`bound_modifier`).
FREE_SHARE = 0.1


def bound_modifier(cand: str, occ: Occurrences) -> bool:
    """Is a single word almost always followed by another content word — a modifier bound to the
    noun after it (循证|政策, 合成|毒品, 涉毒|犯罪) rather than a term (洗钱, 执法, 缉获)?"""
    freq = occ.freq.get(cand, 0)
    if freq <= 0:
        return False
    ends = _PHRASE_ENDS()
    free = occ.right_edges.get(cand, 0) + sum(c for ch, c in occ.right.get(cand, {}).items() if ch in ends)
    return free < FREE_SHARE * freq


#: One-character coordinators and 的 after a word: the noun phrase ends there (其他 function
#: characters start words too often: 对|策).
_PHRASE_ENDS = derived(lambda lex: frozenset(w for w in lex.coordinators if len(w) == 1) | {"的"})


def final_score(
    e: Entry, occ: Occurrences, n_docs: int, names: frozenset = frozenset(), abbreviation: bool = False
) -> tuple[float, float, float]:
    """``(score, left entropy, right entropy)`` of a shortlisted entry, its neighbours known from
    the scan (``occ``). ``names``: the organizations, an edge on the left (:func:`_edge_entropy`);
    ``abbreviation``: the corpus defines it as a short or full form."""
    h_left = _edge_entropy(e.text, occ, "left", names, e.expansions)
    h_right = _edge_entropy(e.text, occ, "right")
    edge = min(h_left, h_right)
    if e.verb and bound_modifier(e.text, occ):
        edge = 0.0  # 循证, 合成, 涉毒: always followed by the noun they qualify, a modifier
    score = termhood(
        cvalue=e.cvalue,
        doc_freq=e.doc_freq,
        n_docs=n_docs,
        edge_entropy=edge,
        cohesion_bits=e.cohesion,
        specificity=e.specificity,
        single=e.single,
        title=e.title > 0,
        abbreviation=abbreviation,
        coordination=e.coordination,
        freq=e.freq,
        named=e.named,
        body=e.body or e.institution,
        institution=e.institution,
    )
    return score, h_left, h_right
