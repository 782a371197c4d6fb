"""The search for the cheapest sequence of beads: banded, multi-level dynamic programming.

The search never fills the whole n × m table: sentences are merged pairwise into coarser
blocks until the table is small, that is aligned in full, and each finer level is aligned only
in a band around the coarser path (as in Vecalign), with a beam inside the band. 10,000
sentences a side take seconds. Beads come back as half-open ranges ``(i0, i1, j0, j1)`` of
Chinese and English sentences.
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


def _dp(
    scorer: Scorer, n: int, m: int, lo: list[int], hi: list[int], beads, beam: float | None = None
) -> list[tuple[int, int, int, int]]:
    """Best path through the band; returns beads as (i0, i1, j0, j1) half-open ranges."""
    inf = math.inf
    if beam is None:
        beam = scorer.p.beam
    D: list[list[float]] = []
    B: list[list[int]] = []
    limit: list[float] = []  # beam: a cell this much worse than its row's best is not extended
    cost = scorer.cost
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
            for t, (a, b) in enumerate(beads):
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                if a == 0:
                    if pj < first:
                        continue
                    prev = row[pj - first]
                else:
                    pl = lo[pi]
                    if pj < pl or pj > hi[pi]:
                        continue
                    prev = D[pi][pj - pl]
                    if prev > limit[pi]:
                        continue
                if prev == inf:
                    continue
                c = prev + cost(i, j, a, b)
                if c < best:
                    best, arg = c, t
            row[j - first] = best
            back[j - first] = arg
        D.append(row)
        B.append(back)
        limit.append(min(row) + beam)
    if not (lo[n] <= m <= hi[n]) or D[n][m - lo[n]] == inf:
        if beam != inf:  # the beam cut every way to the end: search the band in full
            return _dp(scorer, n, m, lo, hi, beads, inf)
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


def _band_from_path(path, n: int, m: int, scale_i: int, scale_j: int, width: int) -> tuple[list[int], list[int]]:
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
    # widen rows near the ends of the coarse rows, and keep the band connected and monotone
    lo0, hi0 = lo[:], hi[:]
    for i in range(n + 1):
        a, b = max(0, i - 1), min(n, i + 1)
        lo[i] = min(lo0[a : b + 1])
        hi[i] = max(hi0[a : b + 1])
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):
        lo[i] = max(lo[i], 0) if lo[i] >= lo[i - 1] else lo[i - 1]
    for i in range(n - 1, -1, -1):
        hi[i] = hi[i] if hi[i] <= hi[i + 1] else hi[i + 1]
    for i in range(n + 1):
        if lo[i] > hi[i]:
            lo[i] = hi[i]
    return lo, hi


def _coarsen(feats: Sequence[Features]) -> list[Features]:
    """The next coarser level: sentences merged pairwise into blocks."""
    return [merge_features(feats[k : k + 2]) for k in range(0, len(feats), 2)]


def bead_types(params: AlignParams) -> tuple[tuple[int, int], ...]:
    """The bead types to try at the finest level: 1–0, 0–1 and those with a prior."""
    return tuple(bd for bd in ALL_BEADS if bd in params.priors or 0 in bd)


def search_beads(
    zh: list[Features], en: list[Features], params: AlignParams, beads, level: int = 0
) -> list[tuple[int, int, int, int]]:
    """The cheapest beads (of the types ``beads``) from Chinese features ``zh`` to English ``en``,
    as ``(i0, i1, j0, j1)`` in order; ``level`` counts the coarsenings above the sentences."""
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [(i, i + 1, 0, 0) for i in range(n)] + [(0, 0, j, j + 1) for j in range(m)]
    if (n + 1) * (m + 1) <= params.full_cells or min(n, m) < 4:
        return _dp(Scorer(zh, en, params), n, m, [0] * (n + 1), [m] * (n + 1), beads)
    czh, cen = _coarsen(zh), _coarsen(en)
    if level + 1 >= params.coarse_filter_level:
        # large blocks: keep only the keys that tell blocks apart (fast, and enough to find the path)
        czh, cen = drop_frequent(czh, cen, params.coarse_max_df)
    coarse = search_beads(czh, cen, params, COARSE_BEADS, level + 1)
    lo, hi = _band_from_path(coarse, n, m, 2, 2, params.band)
    return _dp(Scorer(zh, en, params), n, m, lo, hi, beads)
