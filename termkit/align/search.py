"""The search for the cheapest sequence of beads: banded, multi-level dynamic programming.

The search never fills the whole n × m table: sentences are merged into coarser blocks (pairs
on the shorter side, pairs or triples on the longer, so that blocks stay face to face when one
side has many more sentences) until the table is small, that is aligned in full, and each finer
level is aligned only in a band around the coarser path (as in Vecalign). Nothing inside the band is pruned (no beam:
a run of unmatched sentences — a block missing from one side — costs more at every step than
the garbage next to it, and a beam would cut the true path there). Where the best path in a
band runs along the band's edge, the band held it back: the band is widened there and the level
searched again. 10,000 sentences a side take seconds. Beads come back as half-open ranges
``(i0, i1, j0, j1)`` of Chinese and English sentences.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .cost import AlignParams, Scorer
from .features import Features, drop_frequent, merge_features

# Every bead type the search knows, as (Chinese sentences, English sentences).
ALL_BEADS = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 4), (4, 1), (2, 3), (3, 2))
# The bead types tried between coarse blocks (pairs of sentences), which only need to find the band.
COARSE_BEADS = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1), (2, 2))

Path = list[tuple[int, int, int, int]]


def dp(scorer: Scorer, n: int, m: int, lo: list[int], hi: list[int], beads) -> Path:
    """Best path through the band (row ``i`` holds cells ``lo[i]..hi[i]``); returns beads as
    (i0, i1, j0, j1) half-open ranges."""
    inf = math.inf
    D: list[list[float]] = []
    B: list[list[int]] = []
    cost = scorer.cost
    steps = [(t, a, b) for t, (a, b) in enumerate(beads) if a]
    gap = scorer.p.del_cost
    lz, le, ratio, scale = scorer.lz, scorer.le, scorer.c, scorer._len_scale
    max_dev, s2inv = scorer.p.max_len_dev, 1.0 / scorer.p.s2
    side = [(t, b) for t, (a, b) in enumerate(beads) if not a]
    for i in range(n + 1):
        first, h = lo[i], hi[i]
        row = [inf] * (h - first + 1)
        back = [-1] * (h - first + 1)
        for j in range(first, h + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best = inf
            arg = -1
            for t, a, b in steps:
                pi, pj = i - a, j - b
                if pi < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = D[pi][pj - lo[pi]]
                if prev == inf:
                    continue
                if a + b > 2:  # a merged bead: not when the lengths are far apart (as Scorer.cost)
                    dz, de = lz[i] - lz[pi], le[j] - le[pj]
                    if abs(de - ratio * dz) * scale > max_dev * math.sqrt((ratio * dz + de) / 2.0 + s2inv):
                        continue
                c = prev + cost(i, j, a, b)
                if c < best:
                    best, arg = c, t
            for t, b in side:  # 0–1: its cost is a constant
                pj = j - b
                if pj < first:
                    continue
                c = row[pj - first] + gap * b
                if c < best:
                    best, arg = c, t
            row[j - first] = best
            back[j - first] = arg
        D.append(row)
        B.append(back)
    if not (lo[n] <= m <= hi[n]) or D[n][m - lo[n]] == inf:
        raise RuntimeError("alignment band lost the path")  # pragma: no cover - the band is connected
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        t = B[i][j - lo[i]]
        a, b = beads[t]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    path.reverse()
    return path


def _monotone(lo: list[int], hi: list[int], n: int, m: int) -> None:
    """Make the band connected and monotone, from (0, 0) to (n, m), in place."""
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):
        if lo[i] < lo[i - 1]:
            lo[i] = lo[i - 1]
    for i in range(n - 1, -1, -1):
        if hi[i] > hi[i + 1]:
            hi[i] = hi[i + 1]
    for i in range(n + 1):
        if lo[i] > hi[i]:
            lo[i] = hi[i]
    # consecutive rows must overlap (or touch) so that a path can go from one to the next
    for i in range(1, n + 1):
        if lo[i] > hi[i - 1]:
            lo[i] = hi[i - 1]


def band_from_path(path: Path, n: int, m: int, scale_i: int, scale_j: int, width: int) -> tuple[list[int], list[int]]:
    """The band at a finer level around a coarser path (each coarse unit = ``scale`` fine ones)."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for i0, i1, j0, j1 in path:
        fi0, fi1 = min(n, i0 * scale_i), min(n, i1 * scale_i)
        fj0, fj1 = min(m, j0 * scale_j), min(m, j1 * scale_j)
        for i in range(fi0, fi1 + 1):
            if fj0 - width < lo[i]:
                lo[i] = max(0, fj0 - width)
            if fj1 + width > hi[i]:
                hi[i] = min(m, fj1 + width)
    # widen rows near the ends of the coarse rows
    lo0, hi0 = lo[:], hi[:]
    for i in range(n + 1):
        a, b = max(0, i - 1), min(n, i + 1)
        lo[i] = min(lo0[a : b + 1])
        hi[i] = max(hi0[a : b + 1])
    _monotone(lo, hi, n, m)
    return lo, hi


def _edge_rows(path: Path, lo: list[int], hi: list[int], m: int) -> tuple[set[int], set[int]]:
    """Rows where the path runs along the band's lower or upper edge (not the table's)."""
    low, high = set(), set()
    for i0, i1, j0, j1 in path:
        for i, j in ((i0, j0), (i1, j1)):
            if j <= lo[i] and lo[i] > 0:
                low.add(i)
            if j >= hi[i] and hi[i] < m:
                high.add(i)
    return low, high


def banded_search(scorer: Scorer, n: int, m: int, lo: list[int], hi: list[int], beads, widen: int, rounds: int) -> Path:
    """The best path in the band, widening the band by ``widen`` wherever the path runs along its
    edge, up to ``rounds`` more times."""
    path = dp(scorer, n, m, lo, hi, beads)
    for _ in range(rounds):
        low, high = _edge_rows(path, lo, hi, m)
        if not low and not high:
            break
        lo, hi = lo[:], hi[:]
        for i in low:
            for k in range(max(0, i - widen), min(n, i + widen) + 1):
                lo[k] = max(0, min(lo[k], lo[i] - widen))
        for i in high:
            for k in range(max(0, i - widen), min(n, i + widen) + 1):
                hi[k] = min(m, max(hi[k], hi[i] + widen))
        _monotone(lo, hi, n, m)
        path = dp(scorer, n, m, lo, hi, beads)
    return path


def _blocks(count: int, target: int) -> list[int]:
    """Boundaries of ``target`` consecutive blocks over ``count`` items, as even as can be."""
    return [round(k * count / target) for k in range(target + 1)]


def coarsen(
    zh: Sequence[Features], en: Sequence[Features]
) -> tuple[list[Features], list[Features], list[int], list[int]]:
    """The next coarser level: sentences merged into blocks, and the blocks' boundaries.

    The shorter side is merged pairwise; the longer side into blocks of two or three, as many
    as the shorter side's where it can be: with 1.5× more English sentences, pairs of Chinese
    sentences face triples of English ones, so that blocks that translate each other stay
    face to face at every level (merged pairwise on both sides, a coarse block of 64 Chinese
    sentences would face 64 English ones that translate only 43 of them, and the cheapest coarse
    path runs through deletions instead of the diagonal).
    """
    n, m = len(zh), len(en)
    short, long_ = min(n, m), max(n, m)
    s_target = (short + 1) // 2
    l_target = max((long_ + 2) // 3, min((long_ + 1) // 2, s_target))
    bz = _blocks(n, s_target if n <= m else l_target)
    be = _blocks(m, l_target if n <= m else s_target)
    czh = [merge_features(zh[bz[k] : bz[k + 1]]) for k in range(len(bz) - 1)]
    cen = [merge_features(en[be[k] : be[k + 1]]) for k in range(len(be) - 1)]
    return czh, cen, bz, be


def bead_types(params: AlignParams) -> tuple[tuple[int, int], ...]:
    """The bead types to try at the finest level: 1–0, 0–1 and those with a prior."""
    return tuple(bd for bd in ALL_BEADS if bd in params.priors or 0 in bd)


def coarse_path(
    zh: list[Features], en: list[Features], params: AlignParams, level: int = 0, ratio: float | None = None
) -> Path | None:
    """The path between blocks of two or three sentences (found level by level), as ranges of
    sentences; None when the table is small enough to be searched in full."""
    n, m = len(zh), len(en)
    if n == 0 or m == 0 or (n + 1) * (m + 1) <= params.full_cells or min(n, m) < 4:
        return None
    czh, cen, bz, be = coarsen(zh, en)
    if level + 1 >= params.coarse_filter_level:
        # large blocks: keep only the keys that tell blocks apart (fast, and enough to find the path)
        czh, cen = drop_frequent(czh, cen, params.coarse_max_df)
    coarse = search_beads(czh, cen, params, COARSE_BEADS, level + 1, ratio)
    return [(bz[i0], bz[i1], be[j0], be[j1]) for i0, i1, j0, j1 in coarse]


def refine(scorer: Scorer, coarse: Path | None, params: AlignParams, beads) -> Path:
    """The best path at the scorer's level: in a band around the ``coarse`` path (ranges of
    sentences of this level), or over the whole table when there is none."""
    n, m = len(scorer.zh), len(scorer.en)
    if n == 0 or m == 0:
        return [(i, i + 1, 0, 0) for i in range(n)] + [(0, 0, j, j + 1) for j in range(m)]
    if coarse is None:
        return dp(scorer, n, m, [0] * (n + 1), [m] * (n + 1), beads)
    lo, hi = band_from_path(coarse, n, m, 1, 1, params.band)
    return banded_search(scorer, n, m, lo, hi, beads, 2 * params.band, params.widen_rounds)


def search_beads(
    zh: list[Features], en: list[Features], params: AlignParams, beads, level: int = 0, ratio: float | None = None
) -> Path:
    """The cheapest beads (of the types ``beads``) from Chinese features ``zh`` to English ``en``,
    as ``(i0, i1, j0, j1)`` in order; ``level`` counts the coarsenings above the sentences;
    ``ratio`` is the English/Chinese length ratio (default: that of ``zh`` and ``en``)."""
    coarse = coarse_path(zh, en, params, level, ratio)
    return refine(Scorer(zh, en, params, ratio=ratio), coarse, params, beads)
