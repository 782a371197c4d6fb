"""The second map: where the shortlisted candidates occur.

For each candidate, :func:`scan_documents` finds every occurrence in the normalized text of
each document and records

- a sample of its places for example sentences (KWIC), from different documents first, each
  with the candidate's exact offsets in the original document text (through the
  normalization's offset map, so line breaks, footnote marks and ``2014 年`` spacing are
  accounted for); the sentences are filled in at the end (:func:`.contexts.fill_sentences`);
- the character just left and just right of each occurrence (for branching entropy) unless it
  is a term edge (:mod:`.edges`), and the longest candidate that ends just left of it (a name
  there is an edge: :func:`.termhood._edge_entropy`);
- the written forms of the candidate (the original text it was normalized from).

Like the counting, the scan is a pure function of a chunk of documents and returns a mergeable
:class:`Occurrences`, so it runs wherever the map runs (:func:`scan_chunk`, the task).
"""

from __future__ import annotations

import heapq
import os
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Context, Document
from ..text.normalize import normalize
from .chunks import chunk_documents
from .edges import FUNCTION_CHARS, crosses, inside_a_list, left_is_edge, right_is_edge
from .lexicon import Lexicon, use
from .spool import read_normalized, remove_file, text_spool_path


class Matcher:
    """All occurrences (overlapping and nested) of a set of strings in a text, in order of start
    and, at one start, of length. Aho–Corasick (ahocorasick-rs) finds them in one pass over the
    text; its overlapping search reports them by end, so they are sorted once."""

    def __init__(self, strings: Iterable[str]):
        import ahocorasick_rs

        self.strings = [s for s in dict.fromkeys(strings) if s]
        self.automaton = (
            ahocorasick_rs.AhoCorasick(self.strings, matchkind=ahocorasick_rs.MatchKind.Standard)
            if self.strings
            else None
        )

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

    def merge(self, other: Occurrences) -> Occurrences:
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

    def __add__(self, other: Occurrences) -> Occurrences:
        return Occurrences(self.n_contexts).merge(self).merge(other)

    def __iadd__(self, other: Occurrences) -> Occurrences:
        return self.merge(other)


@lru_cache(maxsize=100_000)
def _doc_rank(doc_id: str) -> int:
    return zlib.crc32(doc_id.encode("utf-8"))


def _priority(cand: str, doc_id: str, start: int) -> int:
    """A pseudo-random but fixed rank for one occurrence: first its document's (the same for
    every candidate, so the examples of all candidates come from few documents and only those
    are split into sentences at the end), then the occurrence's within the document."""
    return (_doc_rank(doc_id) << 32) | zlib.crc32(f"{cand}\x1f{start}".encode())


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

    def merged(self, other: ContextSample, n: int) -> ContextSample:
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


def scan_documents(
    docs: Iterable[Document],
    candidates: Sequence[str],
    n_contexts: int = 3,
    normalized: Iterable | None = None,
    names: frozenset = frozenset(),
) -> Occurrences:
    """The second map: occurrences, neighbours, written forms and contexts of ``candidates``.

    Each document is normalized as a whole (the text the counting read: lines broken inside a
    sentence joined, footnote marks dropped, widths and spaces folded) and searched. Contexts
    are a bottom-k sample of the occurrences (:class:`ContextSample`), recorded as places
    (document, start, end); their sentences are filled in at the end for the candidates kept
    (:func:`.contexts.fill_sentences`), so that only the few documents that supply them are
    split into sentences. ``normalized``: the documents' normalized text, in order, when the
    counting kept it (:func:`.spool.read_normalized`), so that it is not normalized twice.
    ``names``: the candidates that name organizations (:func:`.table.organizations`); one
    running across an occurrence's left boundary makes the function word there part of it
    (:func:`.edges.crosses`).
    """
    matcher = Matcher(candidates)
    function_chars = FUNCTION_CHARS()
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
                if name_starts and ch in function_chars and crosses(name_starts, i, j):
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
            start = offsets[i]
            end = offsets[j - 1] + 1
            fc = forms.get(cand)
            if fc is None:
                fc = forms[cand] = Counter()
            fc[doc.text[start:end]] += 1
            if n_contexts > 0:
                prio = _priority(cand, doc.id, i)
                heap = overall.get(cand)
                take = heap is None or len(heap) < n_contexts or prio < -heap[0][0]
                here = best_here.get(cand)
                better_here = here is None or prio < here[0]
            else:
                take = better_here = False
            if not (take or better_here):
                continue
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


def scan_chunk(
    item,
    candidates: Sequence[str],
    n_contexts: int = 3,
    encoding: str | None = None,
    directory: str | None = None,
    names: frozenset = frozenset(),
    lexicon: Lexicon | None = None,
):
    """The second map on ``(chunk number, chunk)``: :func:`scan_documents`, on the normalized
    text the counting spooled in ``directory`` when it is there (read once, then removed), else
    normalizing again. ``lexicon``: the run's word lists (:func:`.lexicon.use`)."""
    use(lexicon)
    chunk_no, chunk = item
    path = text_spool_path(directory, chunk_no) if directory else None
    if path is None or not os.path.exists(path):
        return scan_documents(chunk_documents(chunk, encoding), candidates, n_contexts, names=names)
    with open(path, "rb") as fh:
        occ = scan_documents(chunk_documents(chunk, encoding), candidates, n_contexts, read_normalized(fh), names)
    remove_file(path)
    return occ
