"""English–Chinese sentence alignment: lengths (Gale–Church) plus lexical anchors.

A *bead* joins consecutive sentences on one side to consecutive sentences on the other:
1–1, 1–2, 2–1, 2–2, 1–3, 3–1, 1–4, 4–1, 2–3, 3–2, and 1–0 / 0–1 for a sentence with no
counterpart. :func:`align_sentences` wires the steps together:

* :mod:`~termkit.align.features` — each sentence is reduced to its length and *keys* over its
  *units* (hanzi and Latin runs; English words): dictionary translations (CC-CEDICT glosses, and
  the glossary's English terms for its Chinese forms), numbers (Chinese numerals and full-width
  digits included), months, Latin tokens and document symbols (``E/CN.7/2024/1``), names (a
  Chinese span whose pinyin spells a capitalized English word of the other document: 陈清扬 ↔
  Chen Qingyang), punctuation (? !) and quotations opened and closed;
* :mod:`~termkit.align.cost` — the cost of a bead: Gale–Church length agreement, the
  log-likelihood ratio of the shared keys, numbers and symbols found on one side only, a prior
  per bead type (the weights are :class:`~termkit.align.cost.AlignParams`);
* :mod:`~termkit.align.search` — the cheapest sequence of beads, by dynamic programming in a band
  around the path found on coarser blocks of sentences (10,000 sentences a side take seconds);
* :mod:`~termkit.align.adapt` — a second pass, in a band around the first path, with the
  document's own word pairs (韦小宝 ↔ Trinket) learned from the first and the length ratio of
  the aligned sentences only;
* :mod:`~termkit.align.verify` — the self-check: stretches of unaligned sentences or without
  lexical support are searched again, and a stretch that is still no better than a wrong
  translation is left unaligned and reported (:attr:`Alignment.stretches`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import SentencePair
from .adapt import add_pairs, learn_pairs
from .cost import DEFAULT, AlignParams, Scorer
from .features import ZH_FUNCTION, drop_frequent, extract_features
from .search import bead_types, coarse_path, refine
from .verify import check_alignment

if TYPE_CHECKING:
    from ..glossary import Glossary


@dataclass(frozen=True)
class Stretch:
    """Consecutive sentences the aligner left unaligned: ``src`` and ``tgt`` are half-open
    ranges of 0-based sentence indices (one may be empty). ``unsupported``: the search had paired
    them, but the pairs shared no more words than a wrong translation would, so they were
    unpaired (another document's translation, a chapter out of place)."""

    src: tuple[int, int]
    tgt: tuple[int, int]
    unsupported: bool = False


@dataclass
class Alignment:
    """The beads of an alignment and what its self-check found.

    ``pairs``: :class:`~termkit.model.SentencePair` beads in document order. ``stretches``: the
    runs of unaligned sentences (``check_run`` sentences or more) — a block with no counterpart,
    or a stretch unpaired because it is no translation. ``score``: the mean bead score per
    sentence of both sides, unaligned sentences counting 0.
    """

    pairs: list[SentencePair]
    stretches: list[Stretch] = field(default_factory=list)
    score: float = 0.0

    def unaligned(self, side: str) -> int:
        """How many sentences of ``side`` ("src" or "tgt") the stretches leave unaligned."""
        k = 0 if side == "src" else 1
        return sum(r[1] - r[0] for s in self.stretches for r in ((s.src, s.tgt)[k],))


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str = "en",
    glossary: Glossary | None = None,
    params: AlignParams | None = None,
) -> list[SentencePair]:
    """Align two lists of sentences (English and Chinese, either as the source) into beads.

    Returns ``SentencePair(src, tgt, score)`` in document order; ``src``/``tgt`` are tuples of
    0-based sentence indices, one of them empty for a sentence left unaligned. ``score`` is in
    [0, 1]: the bead's lexical similarity blended with how well the lengths agree (0 for 1–0 and
    0–1 beads). :func:`align_checked` returns the self-check's findings as well.
    """
    return align_checked(src, tgt, src_lang, glossary, params).pairs


def align_checked(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str = "en",
    glossary: Glossary | None = None,
    params: AlignParams | None = None,
) -> Alignment:
    """Like :func:`align_sentences`, with the stretches left unaligned and a document score."""
    params = params or DEFAULT
    if src_lang not in ("en", "zh"):
        raise ValueError(f"src_lang must be 'en' or 'zh', not {src_lang!r}")
    zh, en = extract_features(src, tgt, src_lang, glossary)
    zh, en = drop_frequent(zh, en, params.max_df)
    beads = bead_types(params)
    n, m = len(zh), len(en)
    # the first pass: the path between blocks of two sentences (sentences, for a short document)
    coarse = coarse_path(zh, en, params)
    if params.second_pass and n and m:
        if coarse is not None and n * m > params.learn_fine_cells:
            first = coarse  # a long document: learn from the beads between blocks of sentences
        else:
            first = refine(Scorer(zh, en, params), coarse, params, beads)
        zh_texts = tgt if src_lang == "en" else src
        zh = add_pairs(learn_pairs(first, zh_texts, zh, en, params, ZH_FUNCTION), zh_texts, zh)
        scorer = Scorer(zh, en, params, ratio=_aligned_ratio(first, zh, en))
    else:
        scorer = Scorer(zh, en, params)
    path = refine(scorer, coarse, params, beads)
    gaps = []
    if params.self_check and n and m:
        path, gaps = check_alignment(zh, en, scorer, path, params, beads)
    out = []
    total = 0.0
    for i0, i1, j0, j1 in path:
        score = scorer.confidence(i0, i1, j0, j1) if i1 > i0 and j1 > j0 else 0.0
        total += score * (i1 - i0 + j1 - j0)
        zh_ids, en_ids = tuple(range(i0, i1)), tuple(range(j0, j1))
        if src_lang == "en":
            out.append(SentencePair(en_ids, zh_ids, score))
        else:
            out.append(SentencePair(zh_ids, en_ids, score))
    stretches = [Stretch(en_r, zh_r, bad) if src_lang == "en" else Stretch(zh_r, en_r, bad) for zh_r, en_r, bad in gaps]
    return Alignment(out, stretches, round(total / (n + m), 3) if n + m else 0.0)


def _aligned_ratio(path, zh, en) -> float | None:
    """English/Chinese length ratio over the sentences the path pairs (a block missing from one
    side must not skew the length costs of the rest)."""
    lz = sum(f.length for i0, i1, j0, j1 in path if i1 > i0 and j1 > j0 for f in zh[i0:i1])
    le = sum(f.length for i0, i1, j0, j1 in path if i1 > i0 and j1 > j0 for f in en[j0:j1])
    return le / lz if lz and le else None
