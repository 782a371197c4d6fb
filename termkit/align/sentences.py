"""English–Chinese sentence alignment: lengths (Gale–Church) plus lexical anchors.

A *bead* joins consecutive sentences on one side to consecutive sentences on the other:
1–1, 1–2, 2–1, 2–2, 1–3, 3–1, 1–4, 4–1, 2–3, 3–2, and 1–0 / 0–1 for a sentence with no
counterpart. :func:`align_sentences` wires the three steps together:

* :mod:`~termkit.align.features` — each sentence is reduced to its length and *keys* over its
  *units* (hanzi and Latin runs; English words): dictionary translations (CC-CEDICT glosses, and
  the glossary's English terms for its Chinese forms), numbers (Chinese numerals and full-width
  digits included), months, Latin tokens and document symbols (``E/CN.7/2024/1``), names (a
  Chinese span whose pinyin spells a capitalized English word of the other document: 陈清扬 ↔
  Chen Qingyang) and punctuation (? ! quotes);
* :mod:`~termkit.align.cost` — the cost of a bead: Gale–Church length agreement, the
  log-likelihood ratio of the shared keys, numbers and symbols found on one side only, a prior
  per bead type (the weights are :class:`~termkit.align.cost.AlignParams`);
* :mod:`~termkit.align.search` — the cheapest sequence of beads, by dynamic programming in a band
  around the path found on coarser blocks of sentences (10,000 sentences a side take seconds).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import SentencePair
from .cost import DEFAULT, AlignParams, Scorer
from .features import drop_frequent, extract_features
from .search import bead_types, search_beads

if TYPE_CHECKING:
    from ..glossary import Glossary


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
    0–1 beads).
    """
    params = params or DEFAULT
    if src_lang not in ("en", "zh"):
        raise ValueError(f"src_lang must be 'en' or 'zh', not {src_lang!r}")
    zh, en = extract_features(src, tgt, src_lang, glossary)
    zh, en = drop_frequent(zh, en, params.max_df)
    path = search_beads(zh, en, params, bead_types(params))
    scorer = Scorer(zh, en, params)
    out = []
    for i0, i1, j0, j1 in path:
        score = scorer.confidence(i0, i1, j0, j1) if i1 > i0 and j1 > j0 else 0.0
        zh_ids, en_ids = tuple(range(i0, i1)), tuple(range(j0, j1))
        if src_lang == "en":
            out.append(SentencePair(en_ids, zh_ids, score))
        else:
            out.append(SentencePair(zh_ids, en_ids, score))
    return out
