"""The cost of a bead, and the parameters that weigh it.

A bead joining Chinese sentences ``i-a..i-1`` and English sentences ``j-b..j-1`` costs, in nats:

* **length** — Gale–Church: the English length of a true bead is close to ``c`` times the
  Chinese length, ``c`` being the ratio of the two whole documents; the cost is the negative log
  of the two-sided normal tail of the standardized difference.
* **lexical evidence** — each unit of a bead is *matched* when the other side shares one of its
  keys (see :mod:`termkit.align.features`). The evidence is a log-likelihood ratio — a unit of a
  true translation is matched with probability ``pi1`` (plus chance), a unit of an unrelated
  pair only by chance, measured on neighbouring sentences of the same documents and growing with
  the size of the other side — so merging an unrelated neighbour into a bead costs, and merging
  its true translation pays.
* **numbers and symbols** that appear on one side of a bead only (10 and more, or a symbol).
* **a prior** per bead type (1–1 free; 1–2 cheap; 2–3 dear) and a cost per unaligned sentence.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .features import Features, anchors


@dataclass
class AlignParams:
    """Weights of the bead cost, tuned on MAC-Dev and synthetic UN documents (bench/align_eval.py).

    Costs are in nats: -log probabilities and log-likelihood ratios, weighted.
    """

    s2: float = 7.0  # variance of the length difference per unit of length (fit on UNPC and MAC-Dev)
    w_len: float = 0.19  # weight of the Gale–Church length cost
    w_lex: float = 0.11  # weight of the lexical log-likelihood ratio
    pi1: float = 0.3  # share of content units a true translation matches beyond chance
    neutral_sim: float = 0.15  # similarity reported when neither side has content to compare
    del_cost: float = 1.6  # a sentence left unaligned (1–0, 0–1)
    priors: dict = field(
        default_factory=lambda: {
            (1, 1): 0.0,
            (1, 2): 0.45,
            (2, 1): 0.45,
            (2, 2): 1.5,
            (1, 3): 0.9,
            (3, 1): 0.9,
            (1, 4): 1.2,
            (4, 1): 1.2,
            (2, 3): 2.4,
            (3, 2): 2.4,
        }
    )
    w_num: float = 0.35  # per number (10 and more) or symbol found on one side of a bead only
    chance_offsets: tuple = (1, 2)  # chance agreement is measured this far off the diagonal
    max_df: float = 1.0  # keys found in more than this share of a side's sentences are ignored
    coarse_filter_level: int = 2  # from blocks of 2**level sentences on, forget frequent keys
    coarse_max_df: float = 0.1
    max_len_dev: float = 4.0  # merged beads whose lengths differ by more standard deviations are not tried
    band: int = 2  # half-width of the band around the coarser path
    widen_rounds: int = 3  # times a level is searched again with its band widened where the path ran along its edge
    full_cells: int = 5_000  # align without a band when n × m is at most this
    second_pass: bool = True  # align again with the document's own word pairs (termkit.align.adapt)
    learn_fine_cells: int = 2_000_000  # up to this n × m, learn from a first pass over sentences, else over pairs
    learn_beads: int = 1500  # first-pass beads read for the document's own word pairs
    learn_min_count: int = 3  # a learned pair shares at least this many beads
    learn_min_dice: float = 0.6  # and at least this Dice coefficient
    self_check: bool = True  # re-search and report the stretches that failed (termkit.align.verify)
    check_run: int = 8  # a run of this many unaligned sentences is searched again (and reported)
    check_shifts: tuple = (-5, -3, 3, 5)  # the screen compares each bead with itself shifted this far
    realign_weak: bool = True  # spans without lexical support are searched again too
    check_chunk: int = 25  # the self-check judges the path in spans of this many beads
    screen_min: float = 0.4  # a span gaining less (nats per content unit) over its beads shifted is weak,
    screen_rel: float = 0.5  # as is one gaining less than this share of the document's median span
    check_min_beads: int = 5  # the control test needs a stretch of this many beads
    support_min: float = 0.06  # and then unpaired when it gains less than this over the reversed control
    support_join: float = 0.12  # a span below this beside an unpaired one is unpaired with it
    check_margin: int = 10  # beads around a stretch searched again with it
    keep_llr: float = 2.0  # a bead with less evidence than this is not kept out of an unpaired stretch


DEFAULT = AlignParams()


class Scorer:
    """Bead costs for one pair of feature sequences (one resolution level)."""

    def __init__(
        self,
        zh: Sequence[Features],
        en: Sequence[Features],
        params: AlignParams,
        like: Scorer | None = None,
        ratio: float | None = None,
    ):
        """``like``: a scorer of the documents these features are part of — its length ratio and
        chance rates are taken over; ``ratio``: the English/Chinese length ratio to use."""
        self.zh, self.en, self.p = zh, en, params
        self.lz = _prefix(f.length for f in zh)
        self.le = _prefix(f.length for f in en)
        self.cz = _prefix(f.content for f in zh)
        self.ce = _prefix(f.content for f in en)
        self.fz = [f.content for f in zh]
        self.fe = [f.content for f in en]
        total_z, total_e = self.lz[-1], self.le[-1]
        self.c = (total_e / total_z) if total_z and total_e else 1.0
        if ratio:
            self.c = ratio
        self._len_scale = 1.0 / math.sqrt(2.0 * params.s2)
        self.links: list[dict[int, tuple[int, int]]] = [dict() for _ in zh]
        self.anch_z = [anchors(f) for f in zh]
        self.anch_e = [anchors(f) for f in en]
        self._llr_z: dict[int, tuple[float, float]] = {}
        self._llr_e: dict[int, tuple[float, float]] = {}
        if like is not None:
            self.c, self.rho_z, self.rho_e = like.c, like.rho_z, like.rho_e
        else:
            self._estimate_chance()

    def link(self, p: int, q: int) -> tuple[int, int]:
        """(Chinese units, English units) of sentence p and q that share a key."""
        row = self.links[p]
        got = row.get(q)
        if got is not None:
            return got
        zk = self.zh[p].keys
        ek = self.en[q].keys
        shared = zk.keys() & ek.keys()
        if not shared:
            got = (0, 0)
        else:
            mz = me = 0
            for k in shared:
                mz |= zk[k]
                me |= ek[k]
            got = (mz.bit_count(), me.bit_count())
        row[q] = got
        return got

    def length_cost(self, lz: int, le: int) -> float:
        """Gale–Church: -log P(|δ| this large) for an English length ``le`` against ``c · lz``."""
        c = self.c
        x = abs(le - c * lz) * self._len_scale / math.sqrt((c * lz + le) / 2.0 + 1.0 / self.p.s2)
        if x > 5.0:
            return x * x + math.log(x * 1.7724538509)
        return -math.log(math.erfc(x))

    def _estimate_chance(self) -> None:
        """How often a unit is matched by chance, per unit on the other side.

        Measured on pairs of neighbouring sentences that are not translations of each other
        (just off the diagonal): a document's neighbouring sentences share its topic words, and
        merging a neighbour into a bead must not look like evidence.
        """
        rng = random.Random(len(self.zh) * 7919 + len(self.en))
        mz = me = w = 0
        n, m = len(self.zh), len(self.en)
        for _ in range(min(400, n * m)):
            p = rng.randrange(n)
            q = int(p * m / n) + rng.choice((-1, 1)) * rng.randint(*self.p.chance_offsets)
            if not 0 <= q < m:
                q = rng.randrange(m)
            a, b = self.link(p, q)
            mz += a
            me += b
            w += self.fz[p] * self.fe[q]
        self.rho_z = max(mz / w, 1e-4) if w else 0.003
        self.rho_e = max(me / w, 1e-4) if w else 0.003
        for row in self.links:  # keep the memo small: these pairs are rarely needed again
            row.clear()

    def _llr(self, other: int, rho: float, cache: dict) -> tuple[float, float]:
        """Log-likelihood ratios (translation vs chance) of a matched and of an unmatched unit
        that faces ``other`` content units on the other side."""
        got = cache.get(other)
        if got is None:
            pi0 = min(0.9, max(1e-3, 1.0 - math.exp(-rho * other)))
            pi1 = self.p.pi1 + (1.0 - self.p.pi1) * pi0
            got = (math.log(pi1 / pi0), math.log((1.0 - pi1) / (1.0 - pi0)))
            cache[other] = got
        return got

    def evidence(self, i: int, j: int, a: int, b: int) -> tuple[float, float]:
        """(log-likelihood ratio, matched share) of the lexical evidence for bead (a, b) ending at (i, j)."""
        tz = self.cz[i] - self.cz[i - a]
        te = self.ce[j] - self.ce[j - b]
        if tz + te == 0:
            return 0.0, self.p.neutral_sim
        fz, fe = self.fz, self.fe
        if a == 1 and b == 1:
            mz, me = self.link(i - 1, j - 1)
        else:
            link = self.link
            mz = me = 0
            col = [0] * b
            for p in range(i - a, i):
                rowa = 0
                for k in range(b):
                    la, lb = link(p, j - b + k)
                    rowa += la
                    col[k] += lb
                mz += rowa if rowa < fz[p] else fz[p]
            for k in range(b):
                q = j - b + k
                me += col[k] if col[k] < fe[q] else fe[q]
        return self._lexical_llr(tz, te, mz, me), (mz + me) / (tz + te)

    def _lexical_llr(self, tz: int, te: int, mz: int, me: int) -> float:
        """Log-likelihood ratio of a bead whose ``tz`` Chinese and ``te`` English content units
        include ``mz`` and ``me`` matched ones."""
        llr = 0.0
        if tz:
            lm, lu = self._llr_z.get(te) or self._llr(te, self.rho_z, self._llr_z)
            llr += mz * lm + (tz - mz) * lu
        if te:
            lm, lu = self._llr_e.get(tz) or self._llr(tz, self.rho_e, self._llr_e)
            llr += me * lm + (te - me) * lu
        return llr

    def similarity(self, i: int, j: int, a: int, b: int) -> float:
        return self.evidence(i, j, a, b)[1]

    def confidence(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """The score reported with the bead of Chinese sentences i0..i1-1 and English j0..j1-1 (half-open;
        both sides non-empty), in [0, 1]: its lexical similarity blended with how well the lengths agree."""
        sim = self.similarity(i1, j1, i1 - i0, j1 - j0)
        lp = math.exp(-self.length_cost(self.lz[i1] - self.lz[i0], self.le[j1] - self.le[j0]))
        return round(min(1.0, 0.5 * min(1.0, sim / 0.5) + 0.5 * lp), 3)

    def cost(self, i: int, j: int, a: int, b: int) -> float:
        """Cost of the bead joining Chinese sentences i-a..i-1 and English sentences j-b..j-1."""
        p = self.p
        if a == 0 or b == 0:
            return p.del_cost * (a + b)
        lz = self.lz[i] - self.lz[i - a]
        le = self.le[j] - self.le[j - b]
        # Gale–Church length cost (inlined: this is the innermost loop)
        c = self.c
        x = abs(le - c * lz) * self._len_scale / math.sqrt((c * lz + le) / 2.0 + 1.0 / p.s2)
        if x > p.max_len_dev and (a > 1 or b > 1):  # lengths this far apart: no merged bead, whatever the words say
            return math.inf
        len_cost = x * x + math.log(x * 1.7724538509) if x > 5.0 else -math.log(math.erfc(x))
        if a == 1 and b == 1:
            tz = self.fz[i - 1]
            te = self.fe[j - 1]
            if tz + te:
                row = self.links[i - 1]
                got = row.get(j - 1)
                mz, me = got if got is not None else self.link(i - 1, j - 1)
                llr = self._lexical_llr(tz, te, mz, me)
            else:
                llr = 0.0
            total = p.w_len * len_cost - p.w_lex * llr + p.priors[(1, 1)]
            if p.w_num:
                az, ae = self.anch_z[i - 1], self.anch_e[j - 1]
                if az or ae:
                    total += p.w_num * len(az ^ ae)
            return total
        llr = self.evidence(i, j, a, b)[0]
        total = p.w_len * len_cost - p.w_lex * llr + p.priors[(a, b)]
        if p.w_num:
            az = self.anch_z[i - 1] if a == 1 else frozenset().union(*self.anch_z[i - a : i])
            ae = self.anch_e[j - 1] if b == 1 else frozenset().union(*self.anch_e[j - b : j])
            if az or ae:
                total += p.w_num * len(az ^ ae)
        return total


def _prefix(values: Iterable[int]) -> list[int]:
    """Running sums from 0: the total of items a..b-1 is ``out[b] - out[a]``."""
    out = [0]
    for v in values:
        out.append(out[-1] + v)
    return out
