"""The second pass: where the shortlisted candidates occur.

For each candidate, :func:`scan_documents` finds every occurrence in the normalized sentences
and records

- up to N example sentences (KWIC), from different documents first, each with the candidate's
  exact offsets in the original document text (through the segment's content offsets and the
  normalization's offset map, so line breaks, footnote marks and ``2014 年`` spacing are
  accounted for);
- the character just left and just right of each occurrence (for branching entropy), and the
  longest candidate that ends just left of it (a name there is an edge: :func:`.miner._edge_entropy`);
- the written forms of the candidate (the original text it was normalized from).

Like the counting, the scan is a pure function of a chunk of documents and returns a mergeable
:class:`Occurrences`, so it runs wherever the map runs.
"""

from __future__ import annotations

import bisect
import heapq
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from ..model import Context, Document
from ..text.chars import HANZI, SUPERSCRIPT_DIGITS
from ..text.normalize import normalize
from .candidates import JOINERS, STOP_WORDS

_WORD_CHAR_RE = re.compile(rf"[{HANZI}A-Za-z]")
_JOINING = set("/-·")
_NUMERALS = set("0123456789〇零一二三四五六七八九十百千万两")


def left_is_edge(text: str, i: int) -> bool:
    """Is the occurrence starting at ``i`` at a term edge on its left?

    Punctuation, the sentence start, a digit, or a date or count written with digits
    (``2018 年``世界毒品问题报告) — numbers end terms, so they are edges, not neighbours. Not
    so for the session a count of sessions names: in 第六十二届会议高级别会议 the 会议 after 第六十二届
    is part of the session's designation, and 会议高级别会议 a piece of it.
    """
    if i == 0:
        return True
    ch = text[i - 1]
    if not _WORD_CHAR_RE.match(ch):
        return ch not in _JOINING  # 艾滋病毒/艾滋病联合规划署: the slash joins
    if ch == "届" and text.startswith(_SESSIONS, i):
        return False
    return ch in "年月日号项次届" and i >= 2 and text[i - 2] in _NUMERALS


#: What a count of sessions (第六十二届) counts.
_SESSIONS = ("会议", "届会", "会期")


#: Titles of the people who head a body (director, chief, chair, secretary-general). Written
#: right after the body's name, with no 的 (政策分析和公共事务司``司长``, 麻醉药品委员会``主席``).
HEAD_TITLES = ("司长", "处长", "科长", "股长", "局长", "署长", "厅长", "主任", "主席", "秘书长", "总干事")


_COORDINATORS = ("和", "与", "及")


def inside_a_list(text: str, i: int, cand: str) -> bool:
    """Is a coordination ``B和C`` at ``i`` the end of a longer list ``A、B和C``?

    In a Chinese list the items are separated by 、 and the last one is joined by 和 (与, 及), so
    the list is one phrase: 预防、治疗和康复科 is the Prevention, Treatment and Rehabilitation
    Section, and 治疗和康复科 a piece of it. The 、 before such a candidate is then a neighbour
    inside the phrase, not a term edge (it stays an edge before a candidate without a
    coordinator: 海洛因、``可卡因``).
    """
    return i > 0 and text[i - 1] == "、" and any(c in cand for c in _COORDINATORS)


def head_title_at(text: str, j: int) -> bool:
    """Does the title of a body's head (:data:`HEAD_TITLES`, or its deputy's: 副主任) start at ``j``?

    Such a title is a noun of its own, the head of the phrase ``name + title`` (the director *of*
    the division): the name before it ends there, as it would before 的. Without this, a name
    only ever cited as its head's affiliation (毒罪办政策分析和公共事务司司长) would look like a
    fragment of the longer phrase, its right neighbour always the same.
    """
    if text.startswith("副", j):
        j += 1
    return text.startswith(HEAD_TITLES, j)


#: Function words of one character (的, 和, 与, 在 …): next to a candidate, usually an edge.
FUNCTION_CHARS = frozenset(w for w in STOP_WORDS | JOINERS if len(w) == 1)


def crosses(name_starts: dict, i: int, j: int) -> bool:
    """Does the name of an organization that starts before ``i`` end inside ``text[i:j]``? Then
    the occurrence's left boundary cuts through that name, and a function word before it belongs
    to the name (毒品和犯罪问题办公室 across 犯罪问题办公室研究和趋势分析处). ``name_starts``: end →
    the earliest start of a name ending there, for the occurrences seen so far (all that start
    before ``i``)."""
    for e in range(i + 1, j):
        if name_starts.get(e, i) < i:
            return True
    return False


def right_is_edge(text: str, j: int) -> bool:
    """Is the occurrence ending at ``j`` at a term edge on its right (punctuation, the end, a
    number, an ordinal: 禁毒执法机构负责人``第二十七次会议``, or a head's title:
    政策分析和公共事务司``司长``)?"""
    if j >= len(text):
        return True
    ch = text[j]
    if not _WORD_CHAR_RE.match(ch):
        return ch not in _JOINING
    return (ch == "第" and j + 1 < len(text) and text[j + 1] in _NUMERALS) or head_title_at(text, j)
MAX_FORMS = 20  # written forms remembered per candidate and chunk


class Matcher:
    """All occurrences (overlapping and nested) of a set of strings in a text, in order of start
    and, at one start, of length. Aho–Corasick (ahocorasick-rs) finds them in one pass over the
    text; its overlapping search reports them by end, so they are sorted once."""

    def __init__(self, strings: Iterable[str]):
        import ahocorasick_rs

        self.strings = [s for s in dict.fromkeys(strings) if s]
        self.automaton = (ahocorasick_rs.AhoCorasick(self.strings, matchkind=ahocorasick_rs.MatchKind.Standard)
                          if self.strings else None)

    def finditer(self, text: str):
        """``(start, end, string)`` for every occurrence."""
        if self.automaton is None:
            return
        found = self.automaton.find_matches_as_indexes(text, overlapping=True)
        found.sort(key=lambda m: (m[1], m[2]))
        strings = self.strings
        for k, i, j in found:
            yield i, j, strings[k]


@dataclass
class Occurrences:
    """Mergeable results of the second pass for a set of candidates."""

    n_contexts: int = 3
    freq: Counter = field(default_factory=Counter)
    doc_freq: Counter = field(default_factory=Counter)
    left: dict = field(default_factory=dict)  # candidate → Counter of left characters
    right: dict = field(default_factory=dict)
    left_edges: Counter = field(default_factory=Counter)  # occurrences at a sentence edge/punctuation
    right_edges: Counter = field(default_factory=Counter)
    # candidate → Counter of the longest candidate ending just left of an occurrence (one that is
    # not at an edge): 毒罪办 before 合成毒品战略
    left_candidates: dict = field(default_factory=dict)
    # candidate → Counter of the function words just left of an occurrence that a longer
    # candidate runs across (the 和 of 毒品和|犯罪问题办公室研究和趋势分析处): not an edge there
    left_crossed: dict = field(default_factory=dict)
    forms: dict = field(default_factory=dict)  # candidate → Counter of written forms
    samples: dict = field(default_factory=dict)  # candidate → ContextSample

    def contexts_of(self, cand: str) -> list[Context]:
        """The candidate's example places (distinct documents first), as Contexts."""
        sample = self.samples.get(cand)
        return sample.contexts(self.n_contexts) if sample is not None else []

    def merge(self, other: "Occurrences") -> "Occurrences":
        self.freq.update(other.freq)
        self.doc_freq.update(other.doc_freq)
        self.left_edges.update(other.left_edges)
        self.right_edges.update(other.right_edges)
        for name in ("left", "right", "forms", "left_candidates", "left_crossed"):
            mine = getattr(self, name)
            for k, c in getattr(other, name).items():
                if k in mine:
                    mine[k].update(c)
                else:
                    mine[k] = Counter(c)
        for k, sample in other.samples.items():
            if k in self.samples:
                self.samples[k] = self.samples[k].merged(sample, self.n_contexts)
            else:
                self.samples[k] = sample
        return self

    def __add__(self, other: "Occurrences") -> "Occurrences":
        return Occurrences(self.n_contexts).merge(self).merge(other)

    def __iadd__(self, other: "Occurrences") -> "Occurrences":
        return self.merge(other)


@lru_cache(maxsize=100_000)
def _doc_rank(doc_id: str) -> int:
    return zlib.crc32(doc_id.encode("utf-8"))


def _priority(cand: str, doc_id: str, start: int) -> int:
    """A pseudo-random but fixed rank for one occurrence: first its document's (the same for
    every candidate, so the examples of all candidates come from few documents and only those
    are split into sentences at the end), then the occurrence's within the document."""
    return (_doc_rank(doc_id) << 32) | zlib.crc32(f"{cand}\x1f{start}".encode("utf-8"))


@dataclass
class ContextSample:
    """A uniform sample of a candidate's occurrences that merges exactly: the occurrences with
    the smallest priorities (bottom-k sampling, a mergeable reservoir). ``by_doc`` keeps the
    best occurrence of each of the best documents, ``overall`` the best occurrences anywhere;
    both are functions of the set of occurrences only, so the sample is the same whatever the
    chunks, their order or the merge tree.
    """

    by_doc: list = field(default_factory=list)  # [(priority, doc_id, start, end)], one per document
    overall: list = field(default_factory=list)  # [(priority, doc_id, start, end)]

    def merged(self, other: "ContextSample", n: int) -> "ContextSample":
        by_doc = {}
        for item in sorted(self.by_doc + other.by_doc):
            by_doc.setdefault(item[1], item)
        return ContextSample(sorted(by_doc.values())[:n], sorted(set(self.overall + other.overall))[:n])

    def contexts(self, n: int) -> list[Context]:
        """Up to ``n``: one per document first (best documents), then more from the same ones."""
        chosen = list(self.by_doc[:n])
        for item in self.overall:
            if len(chosen) >= n:
                break
            if item not in chosen:
                chosen.append(item)
        return [Context(doc_id=d, start=s, end=e, sentence="") for _, d, s, e in chosen]


def scan_documents(docs: Iterable[Document], candidates: Sequence[str], n_contexts: int = 3,
                   normalized: Optional[Iterable] = None, names: frozenset = frozenset()) -> Occurrences:
    """The second map: occurrences, neighbours, written forms and contexts of ``candidates``.

    Each document is normalized as a whole (the text the counting read: lines broken inside a
    sentence joined, footnote marks dropped, widths and spaces folded) and searched. Contexts
    are a bottom-k sample of the occurrences (:class:`ContextSample`), recorded as places
    (document, start, end); their sentences are filled in at the end for the candidates kept
    (:func:`fill_sentences`), so that only the few documents that supply them are split into
    sentences. ``normalized``: the documents' normalized text, in order, when the counting kept
    it (:func:`.candidates.read_normalized`), so that it is not normalized twice. ``names``: the
    candidates that name organizations (:func:`.miner.organizations`); one running across an
    occurrence's left boundary makes the function word there part of it (:func:`crosses`).
    """
    matcher = Matcher(candidates)
    occ = Occurrences(n_contexts)
    freq, left, right = occ.freq, occ.left, occ.right
    left_edges, right_edges = occ.left_edges, occ.right_edges
    left_candidates = occ.left_candidates
    left_crossed = occ.left_crossed
    forms = occ.forms
    overall: dict[str, list] = {}  # candidate → max-heap (negated priority) of its best occurrences
    doc_best: dict[str, list] = {}  # candidate → max-heap of the best occurrence of its best documents
    given = iter(normalized) if normalized is not None else None
    for doc in docs:
        norm = next(given) if given is not None else None
        if norm is None:
            norm = normalize(doc.text)
        text = norm.text
        offsets = norm.offsets
        best_here: dict[str, tuple] = {}  # candidate → its best occurrence in this document
        # end → the longest candidate ending there (all of them start before a candidate that
        # starts at that end, and the matcher yields occurrences in start order)
        longest_ending: dict[int, str] = {}
        name_starts: dict[int, int] = {}  # end → the earliest start of a name ending there
        seen_in_doc: set[str] = set()
        for i, j, cand in matcher.finditer(text):
            freq[cand] += 1
            seen_in_doc.add(cand)
            before = longest_ending.get(j)
            if before is None or len(before) < len(cand):
                longest_ending[j] = cand
            if cand in names and name_starts.get(j, j) > i:
                name_starts[j] = i
            if not left_is_edge(text, i) or inside_a_list(text, i, cand):
                ch = text[i - 1]
                c = left.get(cand)
                if c is None:
                    c = left[cand] = Counter()
                c[ch] += 1
                if name_starts and ch in FUNCTION_CHARS and crosses(name_starts, i, j):
                    c = left_crossed.get(cand)
                    if c is None:
                        c = left_crossed[cand] = Counter()
                    c[ch] += 1
                before = longest_ending.get(i)
                if before is not None:
                    c = left_candidates.get(cand)
                    if c is None:
                        c = left_candidates[cand] = Counter()
                    c[before] += 1
            else:
                left_edges[cand] += 1
            if not right_is_edge(text, j):
                c = right.get(cand)
                if c is None:
                    c = right[cand] = Counter()
                c[text[j]] += 1
            else:
                right_edges[cand] += 1
            fc = forms.get(cand)
            want_form = fc is None or sum(fc.values()) < MAX_FORMS
            if n_contexts > 0:
                prio = _priority(cand, doc.id, i)
                heap = overall.get(cand)
                take = heap is None or len(heap) < n_contexts or prio < -heap[0][0]
                here = best_here.get(cand)
                better_here = here is None or prio < here[0]
            else:
                take = better_here = False
            if not (take or better_here or want_form):
                continue
            start = offsets[i]
            end = offsets[j - 1] + 1
            if want_form:
                if fc is None:
                    fc = forms[cand] = Counter()
                fc[doc.text[start:end]] += 1
            if take:
                item = (-prio, doc.id, start, end)
                if heap is None:
                    overall[cand] = [item]
                elif len(heap) < n_contexts:
                    heapq.heappush(heap, item)
                else:
                    heapq.heapreplace(heap, item)
            if better_here:
                best_here[cand] = (prio, doc.id, start, end)
        for cand, (prio, d, s_, e_) in best_here.items():
            heap = doc_best.setdefault(cand, [])
            item = (-prio, d, s_, e_)
            if len(heap) < n_contexts:
                heapq.heappush(heap, item)
            elif prio < -heap[0][0]:
                heapq.heapreplace(heap, item)
        occ.doc_freq.update(seen_in_doc)
    for cand in set(overall) | set(doc_best):
        occ.samples[cand] = ContextSample(
            sorted((-p, d, s_, e_) for p, d, s_, e_ in doc_best.get(cand, [])),
            sorted((-p, d, s_, e_) for p, d, s_, e_ in overall.get(cand, [])),
        )
    return occ


def fill_sentences(contexts: Iterable[Context], get_document) -> None:
    """Set each context's sentence: the segment of its document that holds its start.

    ``get_document(doc_id)`` returns the Document (read again from its file when needed); each
    document is split into sentences once.
    """
    by_doc: dict[str, list[Context]] = {}
    for c in contexts:
        if not c.sentence:
            by_doc.setdefault(c.doc_id, []).append(c)
    for doc_id, ctxs in by_doc.items():
        sentences = _Sentences(get_document(doc_id))
        for c in ctxs:
            c.sentence = sentences.at(c.start) or ""


class _Sentences:
    """The sentences of a document, split on first use, found by original offset.

    A sentence broken around a page's footnotes has parts, and the footnotes are segments of
    their own inside its span: the lookup goes by parts, which do not overlap.
    """

    def __init__(self, doc: Document):
        if not doc.segments and doc.text:
            from ..documents import segment_document

            segment_document(doc, doc.lang if doc.lang in ("zh", "en") else "auto")
        spans = []
        for seg in doc.segments:
            for s, e in seg.parts or ((seg.start, seg.end),):
                spans.append((s, e, seg))
        spans.sort(key=lambda x: x[0])
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def at(self, offset: int):
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return None
        s, e, seg = self.spans[k]
        return seg.content if offset < e else None


_NOT_PART_OF_A_TERM = frozenset("\n\r*") | frozenset(SUPERSCRIPT_DIGITS)


def written_form(forms: Counter | None, fallback: str) -> str:
    """The candidate as it is most often written, else ``fallback`` (the normalized form): the
    most common original form without a line break or a footnote mark inside (临时议程*项目 is
    临时议程项目 with a footnote on 议程)."""
    if forms:
        for form, _ in forms.most_common():
            if not _NOT_PART_OF_A_TERM.intersection(form):
                return form
    return fallback
