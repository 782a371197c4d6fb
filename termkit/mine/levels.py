"""Counting by levels: n-grams counted exactly, pruned by support in passes (Apriori).

Counting every n-gram of up to eight words in one pass keeps all of them in memory, and on a
real corpus nearly all of them are seen once. Here the counting runs in passes instead:

1. pass 1 segments each chunk (the expensive part, done once), counts words, titles and
   abbreviation definitions, and writes the *runs* of its documents (stretches without
   punctuation or stop words, :func:`.candidates.runs`) to a spool file per chunk, each distinct
   run once with its count and documents (:class:`.spool.RunSpool`: formulaic text repeats
   whole clauses); it also spools the normalized text, which the scan for contexts reads;
2. pass *n* (n = 2 … 8) reads the spool of pass n−1 and counts an n-word run only where both of
   its (n−1)-word parts reached ``min_freq`` in the whole corpus (the *frequent* set of pass
   n−1); it writes to a new spool only the stretches where an (n+1)-word run can still be
   counted, so each pass reads less than the one before.

A run can reach ``min_freq`` only if its parts do (each occurrence of the run holds one of each
part), so every n-gram seen at least ``min_freq`` times is counted at every occurrence: the
counts of frequent n-grams are exact, and memory follows the number of frequent n-grams plus
those one word longer, not all n-grams. Candidates seen fewer than ``min_freq`` times are
dropped in both ways of counting (:func:`.counts.frequent_counts` for the one-pass count), and the
candidates are put in one canonical order, so the two give the same table.

The passes run on any executor (:mod:`.execute`); each task gets ``(chunk number, chunk)``.
Spool files and the frequent sets live in one directory that every worker must see at the same
path (:mod:`.spool`: a local temporary directory for this process and a process pool; a shared
file system for a Dask cluster on several machines). The merges go through
:class:`.store.SpillingMerge`, so a memory limit spills the counts of a pass to disk.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import and_

from ..errors import InputError
from .candidates import count_documents
from .chunks import chunk_documents
from .counts import Counts, LevelCounts, frequent_counts
from .kinds import EDGE, END, KINDS, LEAD, MAX_CHARS, MAX_WORDS, SEP, START, STOP
from .lexicon import Lexicon, use
from .options import MineOptions
from .spool import (
    RunSpool,
    forget_frequent,
    read_frequent,
    read_runs,
    remove_file,
    remove_files,
    spool_directory,
    spool_path,
    text_spool_path,
    write_frequent,
)
from .store import SpillingMerge


def candidate_shaped(words: Sequence[str]) -> bool:
    """May these words be a candidate: first a content word or a starter, last a content word or
    an ender (:mod:`.kinds`)? The parts of a candidate need not be (和犯罪问题 in
    毒品和犯罪问题办公室), so every run is counted for support."""
    first, last = KINDS[words[0]], KINDS[words[-1]]
    return (first in (EDGE, START, LEAD)) and (last in (EDGE, END))


# --- the passes (top-level tasks, picklable) -------------------------------------------------------


def first_pass(
    item,
    directory: str,
    extra_words: Sequence[str] = (),
    hmm: bool = True,
    encoding: str | None = None,
    lexicon: Lexicon | None = None,
) -> Counts:
    """Pass 1 on ``(chunk number, chunk)``: segment and count words, titles, definitions and
    one-word candidates; spool the runs for the next passes, and the normalized text for the
    scan. ``lexicon``: the run's word lists (:func:`.lexicon.use`)."""
    use(lexicon)
    chunk_no, chunk = item
    path = spool_path(directory, chunk_no, 1)
    text_path = text_spool_path(directory, chunk_no)
    with (
        open(path + ".tmp", "w", encoding="utf-8", errors="surrogatepass") as spool,
        open(text_path + ".tmp", "wb") as text_spool,
    ):
        counts = count_documents(
            chunk_documents(chunk, encoding), extra_words, hmm, max_words=1, spool=spool, text_spool=text_spool
        )
    os.replace(path + ".tmp", path)
    os.replace(text_path + ".tmp", text_path)
    return counts


def level_pass(item, directory: str, level: int, lexicon: Lexicon | None = None) -> LevelCounts:
    """Pass ``level`` (≥ 2) on ``(chunk number, chunk)``: count the ``level``-word runs whose two
    (level−1)-word parts are frequent, from the spool of the previous pass; spool the stretches
    in which a run one word longer can still be counted."""
    use(lexicon)
    chunk_no, _ = item
    frequent = read_frequent(directory, level - 1)
    part = level - 1
    kinds = KINDS
    starts, ends = (EDGE, START, LEAD), (EDGE, END)
    src = spool_path(directory, chunk_no, level - 1)
    dst = spool_path(directory, chunk_no, level)
    if not os.path.exists(src):
        raise InputError(
            f"no spool file {src}: the spool directory must be visible at the same path on every worker (--spool-dir)"
        )
    support: Counter = Counter()
    in_docs: dict = {}  # candidate-shaped run → the chunk's documents holding it (a list or a set)
    kept = RunSpool()  # stretches where a run one word longer can be counted, for the next pass
    with open(src, encoding="utf-8", errors="surrogatepass") as fin:
        for count, docs, run in read_runs(fin):
            words = run.split(SEP)
            n = len(words)
            if n < level:
                continue
            if part == 1:
                alive = [w in frequent for w in words]
            else:
                alive = [SEP.join(words[j : j + part]) in frequent for j in range(n - part + 1)]
            stretch_start = stretch_end = -1
            # positions whose two parts are both frequent (a C-speed filter over the rest)
            for j in compress(range(n - part), map(and_, alive, alive[1:])):
                key = SEP.join(words[j : j + level])
                if len(key) - part > MAX_CHARS:  # the characters of its words (less the separators)
                    continue
                support[key] += count
                if kinds[words[j]] in starts and kinds[words[j + part]] in ends:
                    held = in_docs.get(key)
                    if held is None:
                        in_docs[key] = docs  # the run's own list, shared until a second run holds the key
                    elif type(held) is set:
                        held.update(docs)
                    else:
                        in_docs[key] = set(held).union(docs)
                # windows counted at consecutive positions make a stretch where a longer run fits
                if j == stretch_end - part:
                    stretch_end = j + level
                else:
                    if stretch_end - stretch_start > level:
                        kept.add_many(SEP.join(words[stretch_start:stretch_end]), count, docs)
                    stretch_start, stretch_end = j, j + level
            if stretch_end - stretch_start > level:
                kept.add_many(SEP.join(words[stretch_start:stretch_end]), count, docs)
    with open(dst + ".tmp", "w", encoding="utf-8", errors="surrogatepass") as fout:
        kept.write(fout)
    os.replace(dst + ".tmp", dst)
    return LevelCounts(support, Counter({k: len(d) for k, d in in_docs.items()}))  # lists hold no repeats


# --- the whole counting ----------------------------------------------------------------------------


@dataclass
class LevelStats:
    """What each pass counted (for benchmarks): runs counted, and how many were frequent."""

    counted: list[int] = field(default_factory=list)
    frequent: list[int] = field(default_factory=list)


def count_by_levels(
    executor, chunks: Sequence, options: MineOptions, directory: str | None = None, stats: LevelStats | None = None
) -> Counts:
    """Count the corpus ``chunks`` in passes on ``executor``; return the merged
    :class:`.counts.Counts` with the candidates seen at least ``options.min_freq`` times (as
    :func:`.counts.frequent_counts`).

    ``options``: the run's segmentation (``extra_words``, ``hmm``), ``encoding``, ``min_freq``,
    ``memory_limit`` (bytes), and ``progress``. ``directory``: where spool files and frequent
    sets go (a temporary directory, removed at the end, when None; with a Dask cluster on
    several machines, a directory all of them see). Its spools of runs are removed at the end;
    those of normalized text stay for the scan (:func:`.spool.spool_directory` removes them).
    """
    items = list(enumerate(chunks))
    stats = stats if stats is not None else LevelStats()
    if directory is None:
        with spool_directory() as directory:
            return count_by_levels(executor, chunks, options, directory, stats)
    min_freq, memory_limit, progress = options.min_freq, options.memory_limit, options.progress
    try:
        counts = executor.map_reduce(
            first_pass,
            items,
            directory,
            tuple(options.extra_words),
            options.hmm,
            options.encoding,
            options.lexicon,
            progress=progress,
            label="counting words",
            merger=SpillingMerge(memory_limit, directory),
        )
        if counts is None:
            return Counts()
        words = counts.words
        frequent = [w for w, n in words.items() if n >= min_freq and KINDS[w] > STOP]
        stats.counted.append(len(words))
        stats.frequent.append(write_frequent(directory, 1, sorted(frequent)))
        for level in range(2, MAX_WORDS + 1):
            if stats.frequent[-1] == 0:
                break
            merger = SpillingMerge(memory_limit, directory, at_least=min_freq, by="support")
            merged = executor.map_reduce(
                level_pass,
                items,
                directory,
                level,
                options.lexicon,
                progress=progress,
                label=f"counting {level}-word n-grams",
                merger=merger,
            )
            for chunk_no, _ in items:  # removed once the pass is over (a task may run again)
                remove_file(spool_path(directory, chunk_no, level - 1))
            if merged is None:
                break
            # the merger kept only frequent runs (a Dask cluster merges without it: filter here too)
            stats.counted.append(merger.seen or len(merged.support))
            keys = sorted(k for k, n in merged.support.items() if n >= min_freq)
            stats.frequent.append(write_frequent(directory, level, keys))
            for k in keys:
                if candidate_shaped(k.split(SEP)):
                    counts.ngrams[k] = merged.support[k]
                    counts.doc_freq[k] = merged.doc_freq.get(k, 0)
            del merged
        return frequent_counts(counts, min_freq)
    finally:
        forget_frequent()
        remove_files(directory, ("chunk", "frequent.level"))  # the text spools stay for the scan
