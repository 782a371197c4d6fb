"""The aligner's self-check: find where an alignment failed, search there again, say so.

The path is judged in spans of about ``check_chunk`` beads. Two signs that a stretch is wrong:

* a **run of unaligned sentences** (1–0 / 0–1 beads) holding ``check_run`` sentences or more —
  a block missing from one side, or a search that lost the path;
* a **span without lexical support** (:func:`screen`): its beads share hardly more words than
  the same beads shifted a few sentences off the path — less than ``screen_min`` nats per
  content unit, or than ``screen_rel`` × the document's median span (per content unit, so long
  UN sentences and short dialogue lines are judged alike).

Each such stretch is aligned again by a fresh multi-level search over the rectangle it spans
with a margin (:func:`realign`): a search of that part alone finds a path that the band of the
whole document may have excluded; the new beads replace the old ones when they cost less.

The poorest stretch of a span that is still weak is put to a control test
(:func:`control_gain`): the same Chinese sentences are aligned, by the same search and costs,
with the English sentences of the stretch in *reverse order* — a pairing that is garbage by
construction but has the same lengths and words, and is chosen by the same search, so that the
search's own luck is in both. A true translation shares far more with its path than the best
path through the reversed text does (0.14–0.9 nats per content unit on MAC-Dev and UN
documents); a wrong translation (another document, another chapter) about as little (−0.1 to
0.1). A stretch gaining less than ``support_min`` is unpaired (its beads become 1–0 and 0–1),
with the doubtful spans beside it (below ``support_join``), and reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from .cost import AlignParams, Scorer
from .features import Features
from .search import dp, search_beads

Path = list[tuple[int, int, int, int]]


# Sentences left unaligned together: Chinese and English half-open ranges (one may be empty), and
# whether the search had paired them but the pairs shared no more words than a wrong translation.
Gap = tuple[tuple[int, int], tuple[int, int], bool]


def _full(b) -> bool:
    return b[1] > b[0] and b[3] > b[2]


def path_cost(scorer: Scorer, path: Path) -> float:
    return sum(scorer.cost(i1, j1, i1 - i0, j1 - j0) for i0, i1, j0, j1 in path)


def null_runs(path: Path, min_sentences: int) -> list[tuple[int, int]]:
    """Bead ranges [k0, k1) of consecutive 1–0 / 0–1 beads holding at least ``min_sentences`` sentences."""
    out = []
    k = 0
    while k < len(path):
        if _full(path[k]):
            k += 1
            continue
        k0 = k
        while k < len(path) and not _full(path[k]):
            k += 1
        zh = sum(b[1] - b[0] for b in path[k0:k])
        en = sum(b[3] - b[2] for b in path[k0:k])
        if max(zh, en) >= min_sentences:
            out.append((k0, k))
    return out


def _support(scorer: Scorer, path: Path, params: AlignParams) -> list[tuple[float, float, int]]:
    """Per bead: (lexical evidence on the path, mean evidence of the bead shifted off the path,
    content units) — zeros for 1–0 / 0–1 beads."""
    m = len(scorer.en)
    out = []
    for i0, i1, j0, j1 in path:
        if not (i1 > i0 and j1 > j0):
            out.append((0.0, 0.0, 0))
            continue
        a, b = i1 - i0, j1 - j0
        on = scorer.evidence(i1, j1, a, b)[0]
        off = [scorer.evidence(i1, j1 + s, a, b)[0] for s in params.check_shifts if j0 + s >= 0 and j1 + s <= m]
        units = scorer.cz[i1] - scorer.cz[i0] + scorer.ce[j1] - scorer.ce[j0]
        out.append((on, sum(off) / len(off) if off else 0.0, units))
    return out


def chunks(path: Path, size: int) -> list[tuple[int, int]]:
    """The path cut into bead ranges [k0, k1) of about ``size`` beads that pair sentences."""
    full = [k for k, b in enumerate(path) if _full(b)]
    if not full:
        return []
    count = max(1, round(len(full) / size))
    bounds = [full[round(c * len(full) / count)] for c in range(count)] + [len(path)]
    bounds[0] = 0
    return [(bounds[c], bounds[c + 1]) for c in range(count)]


def screen(
    support: list[tuple[float, float, int]], spans: list[tuple[int, int]], params: AlignParams
) -> tuple[list[bool], float]:
    """Per span: whether its beads gain less per content unit over the same beads shifted off the
    path than ``screen_min`` nats, or than ``screen_rel`` × the document's median span — the cheap
    first look that sends a span to the control test; and that threshold."""
    rates = []
    for k0, k1 in spans:
        gain = sum(support[k][0] - support[k][1] for k in range(k0, k1))
        units = sum(support[k][2] for k in range(k0, k1))
        rates.append(gain / max(units, 1))
    if not rates:
        return [], params.screen_min
    middle = sorted(rates)[len(rates) // 2]
    threshold = max(params.screen_min, params.screen_rel * middle)
    return [r < threshold for r in rates], threshold


def _lexical(scorer: Scorer, path: Path) -> float:
    return sum(scorer.evidence(i1, j1, i1 - i0, j1 - j0)[0] for i0, i1, j0, j1 in path if i1 > i0 and j1 > j0)


def control_gain(
    zh: Sequence[Features], en: Sequence[Features], scorer: Scorer, path: Path, params: AlignParams, beads
) -> tuple[float, int]:
    """(lexical evidence of the beads ``path`` minus that of the best alignment of the same
    Chinese sentences with their English sentences reversed, content units of the span)."""
    i0, j0 = path[0][0], path[0][2]
    i1, j1 = path[-1][1], path[-1][3]
    units = scorer.cz[i1] - scorer.cz[i0] + scorer.ce[j1] - scorer.ce[j0]
    if i1 - i0 < 2 or j1 - j0 < 2 or not units:
        return 0.0, 0
    on = _lexical(scorer, path)
    zs, es = list(zh[i0:i1]), list(en[j0:j1])[::-1]
    sub = Scorer(zs, es, params, like=scorer)
    n, m = len(zs), len(es)
    if (n + 1) * (m + 1) <= params.full_cells:
        control = dp(sub, n, m, [0] * (n + 1), [m] * (n + 1), beads)
    else:
        control = search_beads(zs, es, params, beads, ratio=scorer.c)
    return on - _lexical(sub, control), units


def realign(
    zh: Sequence[Features], en: Sequence[Features], scorer: Scorer, path: Path, k0: int, k1: int, params, beads
) -> Path:
    """``path`` with beads k0..k1-1 (and a margin as long again, at least ``check_margin`` beads)
    aligned afresh as a document of their own, if that costs less."""
    extra = max(params.check_margin, k1 - k0)
    a, b = max(0, k0 - extra), min(len(path), k1 + extra)
    i0, j0 = path[a][0], path[a][2]
    i1, j1 = path[b - 1][1], path[b - 1][3]
    sub = search_beads(list(zh[i0:i1]), list(en[j0:j1]), params, beads, ratio=scorer.c)
    new = [(p0 + i0, p1 + i0, q0 + j0, q1 + j0) for p0, p1, q0, q1 in sub]
    if path_cost(scorer, new) < path_cost(scorer, path[a:b]) - 1e-9:
        return path[:a] + new + path[b:]
    return path


def _unalign(path: Path) -> Path:
    out = []
    for i0, i1, j0, j1 in path:
        out.extend((i, i + 1, j0, j0) for i in range(i0, i1))
        out.extend((i1, i1, j, j + 1) for j in range(j0, j1))
    return out


def _max_segments(y: list[float]) -> list[tuple[int, int]]:
    """Maximal-sum segments of ``y`` with a positive sum, found one after the other."""
    out = []
    spans = [(0, len(y))]
    while spans:
        s0, s1 = spans.pop()
        best, best_span, run, start = 0.0, None, 0.0, s0
        for k in range(s0, s1):
            if run <= 0.0:
                run, start = 0.0, k
            run += y[k]
            if run > best:
                best, best_span = run, (start, k + 1)
        if best_span is not None:
            out.append(best_span)
            spans.extend(((s0, best_span[0]), (best_span[1], s1)))
    return sorted(out)


def check_alignment(
    zh: Sequence[Features], en: Sequence[Features], scorer: Scorer, path: Path, params: AlignParams, beads
) -> tuple[Path, list[Gap]]:
    """The path after the self-check, and the stretches of sentences it leaves unaligned."""
    # 1. runs of unaligned sentences and spans without support: search them again
    spans = chunks(path, params.check_chunk)
    flags = screen(_support(scorer, path, params), spans, params)[0]
    weak = [span for span, flag in zip(spans, flags) if flag]
    suspects = _merge(null_runs(path, params.check_run) + (weak if params.realign_weak else []))
    for k0, k1 in reversed(suspects):  # from the last, so that earlier bead indices stay valid
        path = realign(zh, en, scorer, path, k0, k1, params, beads)
    # 2. the control test on the spans that still look weak
    spans = chunks(path, params.check_chunk)
    support = _support(scorer, path, params)
    flags, threshold = screen(support, spans, params)

    def good(k: int) -> bool:  # a bead that shares words as a translation does: it stays
        on, off, units = support[k]
        return units > 0 and on > params.keep_llr and on - off >= threshold * units

    y = []
    rates: list[float | None] = []  # control gain per content unit of each span tested
    for (k0, k1), flag in zip(spans, flags):
        rates.append(None)
        if not flag:
            y.append(-1e9)
            continue
        # the span's poorest stretch (a span may straddle the edge of a bad stretch)
        x = [threshold * support[k][2] - (support[k][0] - support[k][1]) for k in range(k0, k1)]
        c0, c1 = max(_max_segments(x) or [(0, k1 - k0)], key=lambda seg: sum(x[seg[0] : seg[1]]))
        if c1 - c0 < params.check_min_beads:
            y.append(-1e9)
            continue
        gain, units = control_gain(zh, en, scorer, path[k0 + c0 : k0 + c1], params, beads)
        y.append(params.support_min * units - gain)
        rates[-1] = gain / max(units, 1)
    unsupported: list[tuple[int, int, int, int]] = []
    segments = _max_segments(y)
    for s in range(len(segments)):  # a doubtful span beside an unsupported one goes with it
        c0, c1 = segments[s]
        while c0 > 0 and rates[c0 - 1] is not None and rates[c0 - 1] < params.support_join:
            c0 -= 1
        while c1 < len(spans) and rates[c1] is not None and rates[c1] < params.support_join:
            c1 += 1
        segments[s] = (c0, c1)
    limit = len(path)  # where the stretch unpaired last (later in the path) begins
    for c0, c1 in reversed(_merge(segments)):
        k0, k1 = spans[c0][0], spans[c1 - 1][1]
        # a span's edges are not the stretch's: drop the good beads at its ends, take in the
        # poor ones beside it (up to half a span)
        while k0 < k1 and (good(k0) or not _full(path[k0])):
            k0 += 1
        while k1 > k0 and (good(k1 - 1) or not _full(path[k1 - 1])):
            k1 -= 1
        if k0 >= k1:
            continue
        reach = params.check_chunk // 2
        low = max(0, k0 - reach, spans[c0 - 1][0] if c0 else 0)
        while k0 > low and not good(k0 - 1):
            k0 -= 1
        high = min(limit, k1 + reach)
        while k1 < high and not good(k1):
            k1 += 1
        limit = k0
        seg = path[k0:k1]
        unsupported.append((seg[0][0], seg[-1][1], seg[0][2], seg[-1][3]))
        path = path[:k0] + _unalign(seg) + path[k1:]
    stretches = []
    for k0, k1 in null_runs(path, params.check_run):
        zh_r = (path[k0][0], path[k1 - 1][1])
        en_r = (path[k0][2], path[k1 - 1][3])
        bad = any(u[0] < zh_r[1] and zh_r[0] < u[1] or u[2] < en_r[1] and en_r[0] < u[3] for u in unsupported)
        stretches.append((zh_r, en_r, bad))
    return path, stretches


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for k0, k1 in sorted(spans):
        if out and k0 <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], k1))
        else:
            out.append((k0, k1))
    return out
