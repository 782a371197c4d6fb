"""The second pass: where the shortlisted candidates occur.

For each candidate, :func:`scan_documents` finds every occurrence in the normalized sentences
and records

- up to N example sentences (KWIC), from different documents first, each with the candidate's
  exact offsets in the original document text (through the segment's content offsets and the
  normalization's offset map, so line breaks, footnote marks and ``2014 年`` spacing are
  accounted for);
- the character just left and just right of each occurrence (for branching entropy);
- the written forms of the candidate (the original text it was normalized from).

Like the counting, the scan is a pure function of a chunk of documents and returns a mergeable
:class:`Occurrences`, so it runs wherever the map runs.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..model import Context, Document
from ..text.chars import HANZI
from ..text.normalize import normalize

_WORD_CHAR_RE = re.compile(rf"[{HANZI}A-Za-z]")
_JOINING = set("/-·")
_NUMERALS = set("0123456789〇零一二三四五六七八九十百千万两")


def left_is_edge(text: str, i: int) -> bool:
    """Is the occurrence starting at ``i`` at a term edge on its left?

    Punctuation, the sentence start, a digit, or a date or count written with digits
    (``2018 年``世界毒品问题报告) — numbers end terms, so they are edges, not neighbours.
    """
    if i == 0:
        return True
    ch = text[i - 1]
    if not _WORD_CHAR_RE.match(ch):
        return ch not in _JOINING  # 艾滋病毒/艾滋病联合规划署: the slash joins
    return ch in "年月日号项次届" and i >= 2 and text[i - 2] in _NUMERALS


def right_is_edge(text: str, j: int) -> bool:
    """Is the occurrence ending at ``j`` at a term edge on its right (punctuation, the end, a
    number, or an ordinal: 禁毒执法机构负责人``第二十七次会议``)?"""
    if j >= len(text):
        return True
    ch = text[j]
    if not _WORD_CHAR_RE.match(ch):
        return ch not in _JOINING
    return ch == "第" and j + 1 < len(text) and text[j + 1] in _NUMERALS
MAX_FORMS = 20  # written forms remembered per candidate and chunk


class Matcher:
    """All occurrences (overlapping and nested) of a set of strings in a text: a walk down the
    strings' trie from every position (a dict lookup per character; far faster than one big
    regular expression of alternatives, which Python tries one by one)."""

    def __init__(self, strings: Iterable[str]):
        self.trie: dict = {}
        for s in strings:
            if not s:
                continue
            node = self.trie
            for ch in s:
                node = node.setdefault(ch, {})
            node[""] = s

    def finditer(self, text: str):
        """``(start, end, string)`` for every occurrence."""
        trie_get = self.trie.get
        n = len(text)
        for i, ch in enumerate(text):
            node = trie_get(ch)
            if node is None:
                continue
            j = i + 1
            while True:
                s = node.get("")
                if s is not None:
                    yield i, j, s
                if j >= n:
                    break
                node = node.get(text[j])
                if node is None:
                    break
                j += 1


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
    forms: dict = field(default_factory=dict)  # candidate → Counter of written forms
    contexts: dict = field(default_factory=dict)  # candidate → list[Context] (distinct docs first)

    def merge(self, other: "Occurrences") -> "Occurrences":
        self.freq.update(other.freq)
        self.doc_freq.update(other.doc_freq)
        self.left_edges.update(other.left_edges)
        self.right_edges.update(other.right_edges)
        for name in ("left", "right", "forms"):
            mine = getattr(self, name)
            for k, c in getattr(other, name).items():
                if k in mine:
                    mine[k].update(c)
                else:
                    mine[k] = Counter(c)
        for k, ctxs in other.contexts.items():
            self.contexts[k] = pick_contexts(self.contexts.get(k, []) + ctxs, self.n_contexts)
        return self

    def __add__(self, other: "Occurrences") -> "Occurrences":
        return Occurrences(self.n_contexts).merge(self).merge(other)

    def __iadd__(self, other: "Occurrences") -> "Occurrences":
        return self.merge(other)


def pick_contexts(contexts: Sequence[Context], n: int) -> list[Context]:
    """Up to ``n`` contexts, one per document first (in order), then more from the same ones."""
    first: list[Context] = []
    rest: list[Context] = []
    docs: set[str] = set()
    seen: set[tuple[str, int]] = set()
    for c in contexts:
        if (c.doc_id, c.start) in seen:
            continue
        seen.add((c.doc_id, c.start))
        if c.doc_id not in docs:
            docs.add(c.doc_id)
            first.append(c)
        else:
            rest.append(c)
    return (first + rest)[:n]


def scan_documents(docs: Iterable[Document], candidates: Sequence[str], n_contexts: int = 3) -> Occurrences:
    """The second map: occurrences, neighbours, written forms and contexts of ``candidates``.

    Each document is normalized as a whole (the text the counting read: lines broken inside a
    sentence joined, footnote marks dropped, widths and spaces folded) and searched. Contexts
    are recorded as places (document, start, end); their sentences are filled in at the end
    for the candidates kept (:func:`fill_sentences`), so that only the few documents that
    supply them are split into sentences.
    """
    matcher = Matcher(candidates)
    occ = Occurrences(n_contexts)
    freq, left, right = occ.freq, occ.left, occ.right
    left_edges, right_edges = occ.left_edges, occ.right_edges
    forms, contexts = occ.forms, occ.contexts
    distinct: Counter = Counter()  # documents with a context, per candidate
    for doc in docs:
        norm = normalize(doc.text)
        text = norm.text
        offsets = norm.offsets
        per_doc: dict[str, int] = {}  # contexts taken from this document per candidate
        seen_in_doc: set[str] = set()
        for i, j, cand in matcher.finditer(text):
            freq[cand] += 1
            seen_in_doc.add(cand)
            if not left_is_edge(text, i):
                c = left.get(cand)
                if c is None:
                    c = left[cand] = Counter()
                c[text[i - 1]] += 1
            else:
                left_edges[cand] += 1
            if not right_is_edge(text, j):
                c = right.get(cand)
                if c is None:
                    c = right[cand] = Counter()
                c[text[j]] += 1
            else:
                right_edges[cand] += 1
            have = contexts.get(cand)
            if have is None:
                want_context = n_contexts > 0
            elif per_doc.get(cand, 0) == 0:
                want_context = distinct[cand] < n_contexts
            else:  # another one from the same document, in case few documents have it
                want_context = len(have) - distinct[cand] < n_contexts - 1
            fc = forms.get(cand)
            want_form = fc is None or sum(fc.values()) < MAX_FORMS
            if not (want_context or want_form):
                continue
            start = offsets[i]
            end = offsets[j - 1] + 1
            if want_form:
                if fc is None:
                    fc = forms[cand] = Counter()
                fc[doc.text[start:end]] += 1
            if want_context:
                ctx = Context(doc_id=doc.id, start=start, end=end, sentence="")
                if have is None:
                    contexts[cand] = [ctx]
                else:
                    have.append(ctx)
                if per_doc.get(cand, 0) == 0:
                    distinct[cand] += 1
                per_doc[cand] = per_doc.get(cand, 0) + 1
        occ.doc_freq.update(seen_in_doc)
    for cand, ctxs in contexts.items():
        contexts[cand] = pick_contexts(ctxs, n_contexts)
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


def written_form(forms: Counter | None, fallback: str) -> str:
    """The candidate as it is most often written (without line breaks), else ``fallback``."""
    if forms:
        for form, _ in forms.most_common():
            if "\n" not in form and "\r" not in form:
                return form
    return fallback
