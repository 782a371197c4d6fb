"""The counting tables: what the maps of the counting return, and how they merge.

:class:`Counts` is the output of the first map (:func:`.candidates.count_documents`, or pass 1
of the counting by levels), :class:`LevelCounts` that of each later pass
(:func:`.levels.level_pass`). Both are plain counters whose ``merge`` is an ordered union, so the
maps can run per chunk in one process, a process pool or a distributed engine (:mod:`.execute`),
and spill to disk under a memory limit (:mod:`.store`). :func:`frequent_counts` ends the reduce:
the candidates seen often enough, in one canonical order, however they were counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Counts:
    """Mergeable counts from one chunk of a corpus (the output of the map).

    - ``ngrams``: candidate key (words joined by :data:`.kinds.SEP`) → occurrences
    - ``doc_freq``: candidate key → number of documents it occurs in
    - ``words``: every token → occurrences (for cohesion and domain specificity)
    - ``titles``: text inside 《》 → occurrences
    - ``definitions``: (short form, full-form window) → occurrences (see :mod:`.abbreviations`)
    - ``title_names``: a title in 《》 with the name of a body after it (《巴黎公约》协调股) → occurrences
    - ``n_zh_docs``: documents holding Chinese text
    """

    ngrams: Counter = field(default_factory=Counter)
    doc_freq: Counter = field(default_factory=Counter)
    words: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    title_docs: Counter = field(default_factory=Counter)
    definitions: Counter = field(default_factory=Counter)
    title_names: Counter = field(default_factory=Counter)  # 《title》 + a body's head: 《巴黎公约》协调股
    n_docs: int = 0
    n_chars: int = 0
    n_zh_docs: int = 0
    n_tokens: int = 0

    def merge(self, other: Counts) -> Counts:
        """Add ``other`` into this one (in place) and return self.

        Keys keep their order of first appearance (this one's, then the new ones of ``other``):
        an associative ordered union, so any merge tree over the same chunks in the same order
        (a linear fold, Dask's tree reduction) gives the same counts in the same order."""
        for name in ("ngrams", "doc_freq", "words", "titles", "title_docs", "definitions", "title_names"):
            getattr(self, name).update(getattr(other, name))
        self.n_docs += other.n_docs
        self.n_chars += other.n_chars
        self.n_zh_docs += other.n_zh_docs
        self.n_tokens += other.n_tokens
        return self

    def __add__(self, other: Counts) -> Counts:
        return Counts().merge(self).merge(other)

    def __iadd__(self, other: Counts) -> Counts:
        return self.merge(other)


@dataclass
class LevelCounts:
    """What one pass of one chunk counts: every counted run (its support) and, for the runs shaped
    like candidates, the documents they occur in."""

    support: Counter = field(default_factory=Counter)
    doc_freq: Counter = field(default_factory=Counter)

    def merge(self, other: LevelCounts) -> LevelCounts:
        self.support.update(other.support)
        self.doc_freq.update(other.doc_freq)
        return self

    def __add__(self, other: LevelCounts) -> LevelCounts:
        return LevelCounts().merge(self).merge(other)


def frequent_counts(counts: Counts, min_freq: int) -> Counts:
    """Keep the candidates seen at least ``min_freq`` times, in canonical order (most frequent
    first, then by key): the table the scoring reads, the same however it was counted."""
    keep = sorted(((k, n) for k, n in counts.ngrams.items() if n >= min_freq), key=lambda kn: (-kn[1], kn[0]))
    counts.ngrams = Counter(dict(keep))
    counts.doc_freq = Counter({k: counts.doc_freq.get(k, 0) for k, _ in keep})
    return counts
