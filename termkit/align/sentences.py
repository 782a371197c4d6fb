"""English–Chinese sentence alignment: lengths (Gale–Church) plus lexical anchors.

A *bead* joins consecutive sentences on one side to consecutive sentences on the other:
1–1, 1–2, 2–1, 2–2, 1–3, 3–1, 1–4, 4–1, 2–3, 3–2, and 1–0 / 0–1 for a sentence with no
counterpart. The best sequence of beads is found by dynamic programming over a cost per bead:

* **length** — Gale–Church: the English length of a true bead is close to ``c`` times the
  Chinese length, ``c`` being the ratio of the two whole documents; the cost is the negative log
  of the two-sided normal tail of the standardized difference.
* **lexical anchors** — each sentence is reduced to *keys* over its *units* (hanzi and Latin
  runs; English words): dictionary translations (CC-CEDICT glosses, and the glossary's English
  terms for its Chinese forms), numbers (Chinese numerals and full-width digits included),
  months, Latin tokens and document symbols (``E/CN.7/2024/1``), names (a Chinese span whose
  pinyin spells a capitalized English word of the other document: 陈清扬 ↔ Chen Qingyang) and
  punctuation (? ! quotes). Each unit of a bead is *matched* when the other side shares one of
  its keys. The evidence is a log-likelihood ratio — a unit of a true translation is matched
  with probability ``pi1`` (plus chance), a unit of an unrelated pair only by chance, measured
  on neighbouring sentences of the same documents and growing with the size of the other side —
  so merging an unrelated neighbour into a bead costs, and merging its true translation pays.
* **numbers and symbols** that appear on one side of a bead only (10 and more, or a symbol).
* **a prior** per bead type (1–1 free; 1–2 cheap; 2–3 dear) and a cost per unaligned sentence.

The search never fills the whole n × m table: sentences are merged pairwise into coarser
blocks until the table is small, that is aligned in full, and each finer level is aligned only
in a band around the coarser path (as in Vecalign), with a beam inside the band. 10,000
sentences a side take seconds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from ..model import SentencePair
from ..text.chars import HANZI
from ..text.numbers import MONTHS, ZH_NUMERAL_CHARS, en_number_value, zh_numeral_value
from .dictionary import STOPWORDS, cedict, content_stems, stem

# --- parameters ------------------------------------------------------------------------------


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
    priors: dict = field(default_factory=lambda: {
        (1, 1): 0.0, (1, 2): 0.45, (2, 1): 0.45, (2, 2): 1.5, (1, 3): 0.9, (3, 1): 0.9,
        (1, 4): 1.2, (4, 1): 1.2, (2, 3): 2.4, (3, 2): 2.4,
    })
    w_num: float = 0.35  # per number (10 and more) or symbol found on one side of a bead only
    chance_offsets: tuple = (1, 2)  # chance agreement is measured this far off the diagonal
    max_df: float = 1.0  # keys found in more than this share of a side's sentences are ignored
    coarse_filter_level: int = 2  # from blocks of 2**level sentences on, forget frequent keys
    coarse_max_df: float = 0.1
    max_len_dev: float = 4.0  # merged beads whose lengths differ by more standard deviations are not tried
    beam: float = 8.0  # DP cells this much costlier than the best of their row are not extended
    band: int = 3  # half-width of the band around the coarser path
    full_cells: int = 5_000  # align without a band when n × m is at most this


DEFAULT = AlignParams()
COARSE_BEADS = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1), (2, 2))


# --- features: keys and the units (characters, words) they cover --------------------------------

# Characters so frequent, and with glosses so vague, that their dictionary matches are noise.
_ZH_FUNCTION = frozenset("的了是在和与及也就都而又还被把将对于以为之其这那个着过等从向给让使所"
                         "或但并即则且由该此各每已曾要会能可得地很更最再才只")

# A run of Latin letters/digits inside Chinese text (after width folding): UNODC, COVID-19,
# E/CN.7/2024/1, 2015, 5.1.
_LATIN_RUN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/'’,:%]*[A-Za-z0-9%]|[A-Za-z0-9]")
_SYMBOL_RE = re.compile(r"\b[A-Z][A-Za-z]*(?:/[A-Za-z0-9.\-]+)+\b|\b\d+/\d+(?:/\d+)*\b")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_EN_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_ZH_NUMERAL_RE = re.compile(f"[{ZH_NUMERAL_CHARS}]+")
_ZH_MONTH_RE = re.compile(f"(\\d{{1,2}}|[{ZH_NUMERAL_CHARS}]{{1,3}})月")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_HANZI_RE = re.compile(f"[{HANZI}]")

_PUNCT_KEYS = (
    ("P?", "？?", "?"),
    ("P!", "！!", "!"),
    ("P\"", "“”「」『』\"", "\"“”"),
)


def _number_key(text: str) -> Optional[str]:
    digits = text.replace(",", "")
    if digits.endswith(".0"):
        digits = digits[:-2]
    try:
        value = float(digits)
    except ValueError:
        return None
    return "#" + (str(int(value)) if value == int(value) else str(value))


@lru_cache(maxsize=None)
def _char_pinyin(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")[0] if ch else ""


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """Every stem that occurs in a dictionary gloss: capitalized words outside it may be names."""
    vocab: set[str] = set()
    for stems in cedict().values():
        vocab.update(stems)
    return frozenset(vocab)


@dataclass
class Lexicon:
    """Chinese word → English keys: CC-CEDICT, extended (and overridden) by a glossary."""

    words: dict[str, frozenset[str]]
    max_len: int

    @classmethod
    def build(cls, glossary=None) -> "Lexicon":
        base = cedict()
        if glossary is None:
            return cls(base, 8)
        extra: dict[str, set[str]] = {}
        for concept in glossary.concepts:
            en = set()
            for t in concept.terms_in("en"):
                en.update(content_stems(t.text))
            if not en:
                continue
            for t in concept.terms_in("zh"):
                zh = t.text.strip()
                if len(zh) >= 2:
                    extra.setdefault(zh, set()).update(en)
        if not extra:
            return cls(base, 8)
        words = dict(base)
        for w, stems in extra.items():
            words[w] = frozenset(stems) | words.get(w, frozenset())
        return cls(words, max(8, max(len(w) for w in extra)))


@dataclass
class Features:
    """What one sentence (or a block of sentences) offers for comparison."""

    length: int  # characters (Chinese: without spaces)
    keys: dict[str, int]  # key → bit mask over the sentence's units
    content: int  # number of units covered by any key
    units: int = 0  # number of units (bits the masks may use)


def _fold(text: str) -> str:
    return text.translate(_FULLWIDTH)


def _add(keys: dict[str, int], key: str, unit: int) -> None:
    keys[key] = keys.get(key, 0) | (1 << unit)


def _add_punctuation(keys: dict[str, int], text: str, unit: int, side: int) -> int:
    """Add a unit per kind of punctuation in ``text`` (``side``: 1 Chinese, 2 English forms in
    :data:`_PUNCT_KEYS`); return the next unit number."""
    for entry in _PUNCT_KEYS:
        if any(c in text for c in entry[side]):
            _add(keys, entry[0], unit)
            unit += 1
    return unit


def _units_with_keys(keys: dict[str, int]) -> int:
    """How many units hold at least one key (the keys are bit masks over units)."""
    content = 0
    for v in keys.values():
        content |= v
    return content.bit_count()


def _latin_keys(token: str) -> list[str]:
    """Keys of a Latin token inside Chinese text, the same as the English side would give it."""
    out = []
    if _SYMBOL_RE.fullmatch(token):
        out.append("$" + token.lower())
    for m in _EN_TOKEN_RE.finditer(token):
        w = m.group()
        if w[0].isdigit():
            k = _number_key(w)
            if k:
                out.append(k)
        else:
            lw = w.lower().replace("’", "'")
            if lw not in STOPWORDS:
                out.append(stem(lw))
                if len(lw) > 1 and w[0].isupper():
                    out.append("%" + re.sub(r"[^a-z]", "", lw))
    return out


def en_features(text: str) -> Features:
    """Keys of an English sentence; units are its tokens (plus one per punctuation key)."""
    keys: dict[str, int] = {}
    unit = 0
    symbol_spans = [(m.start(), m.end(), "$" + m.group().lower()) for m in _SYMBOL_RE.finditer(text)]
    prev_cap: Optional[str] = None
    first = True
    for m in _EN_TOKEN_RE.finditer(text):
        w = m.group()
        here = []
        for s, e, k in symbol_spans:
            if s <= m.start() < e:
                here.append(k)
        if w[0].isdigit():
            k = _number_key(w)
            if k:
                here.append(k)
            prev_cap = None
        else:
            lw = w.lower().replace("’", "'")
            number = en_number_value(lw)
            if number is not None:
                here.append("#" + str(number))
            if lw in MONTHS:
                here.append("#m" + str(MONTHS[lw]))
            if lw not in STOPWORDS:
                st = stem(lw)
                here.append(st)
                if w[0].isupper() and len(lw) > 1:
                    name = re.sub(r"[^a-z]", "", lw)
                    if not first:
                        here.append("%" + name)
                    if prev_cap:
                        here.append("%" + prev_cap + name)
                    prev_cap = name
                else:
                    prev_cap = None
            else:
                prev_cap = None
        first = False
        if here:
            for k in here:
                _add(keys, k, unit)
            unit += 1
    unit = _add_punctuation(keys, text, unit, 2)
    return Features(len(text.strip()), keys, _units_with_keys(keys), unit)


def zh_features(text: str, lexicon: Lexicon, names: frozenset[str] = frozenset()) -> Features:
    """Keys of a Chinese sentence; units are its hanzi and Latin runs (plus punctuation keys).

    Dictionary words are found by forward maximum matching; a span of 2–3 hanzi whose pinyin
    spells a name of the English document (``names``, keys ``%chenqingyang``) is a name key.
    """
    folded = _fold(text)
    keys: dict[str, int] = {}
    words = lexicon.words
    max_len = lexicon.max_len
    # units: every hanzi and every Latin run is one unit
    unit_of: dict[int, int] = {}
    n_units = 0
    latin_runs = []
    for m in _LATIN_RUN_RE.finditer(folded):
        latin_runs.append((m.start(), m.end(), n_units))
    # assign units in text order
    units_pos: list[int] = []
    li = 0
    i = 0
    n = len(folded)
    while i < n:
        if li < len(latin_runs) and latin_runs[li][0] == i:
            s, e, _ = latin_runs[li]
            unit_of[i] = len(units_pos)
            units_pos.append(i)
            li += 1
            i = e
            continue
        if _HANZI_RE.match(folded[i]):
            unit_of[i] = len(units_pos)
            units_pos.append(i)
        i += 1
    n_units = len(units_pos)
    for s, e, _ in latin_runs:
        u = unit_of.get(s)
        if u is None:
            continue
        for k in _latin_keys(folded[s:e]):
            _add(keys, k, u)
    # dictionary words (forward maximum matching over hanzi runs)
    i = 0
    while i < n:
        ch = folded[i]
        if i not in unit_of or not _HANZI_RE.match(ch):
            i += 1
            continue
        found = 0
        for L in range(min(max_len, n - i), 1, -1):
            stems = words.get(folded[i:i + L])
            if stems is not None:
                found = L
                break
        if found:
            mask = 0
            for p in range(i, i + found):
                if p in unit_of:
                    mask |= 1 << unit_of[p]
            for st in stems:
                keys[st] = keys.get(st, 0) | mask
            i += found
            continue
        if ch not in _ZH_FUNCTION:
            stems = words.get(ch)
            if stems:
                bit = 1 << unit_of[i]
                for st in stems:
                    keys[st] = keys.get(st, 0) | bit
        i += 1
    # numbers, months
    for m in _ZH_NUMERAL_RE.finditer(folded):
        value = zh_numeral_value(m.group())
        if value is None or (value == 1 and len(m.group()) == 1):
            continue
        mask = 0
        for p in range(m.start(), m.end()):
            if p in unit_of:
                mask |= 1 << unit_of[p]
        keys["#" + str(value)] = keys.get("#" + str(value), 0) | mask
    for m in _ZH_MONTH_RE.finditer(folded):
        g = m.group(1)
        value = int(g) if g.isdigit() else zh_numeral_value(g)
        if value and 1 <= value <= 12:
            p = m.start(1)
            if p in unit_of:
                _add(keys, "#m" + str(value), unit_of[p])
    # names by pinyin
    if names:
        hz = [(p, _char_pinyin(folded[p])) for p in units_pos if _HANZI_RE.match(folded[p])]
        for a in range(len(hz)):
            py = hz[a][1]
            for b in range(a + 1, min(a + 3, len(hz))):
                if hz[b][0] != hz[b - 1][0] + 1:
                    break
                py += hz[b][1]
                if py in names:
                    mask = 0
                    for p, _ in hz[a:b + 1]:
                        mask |= 1 << unit_of[p]
                    _add(keys, "%" + py, unit_of[hz[a][0]])
                    keys["%" + py] |= mask
    n_units = _add_punctuation(keys, text, n_units, 1)
    length = sum(1 for c in text if not c.isspace())
    return Features(length, keys, _units_with_keys(keys), n_units)


def document_names(en: Sequence[Features]) -> frozenset[str]:
    """Capitalized English words (not sentence-initial, not dictionary words) that may be names."""
    vocab = english_vocabulary()
    out = set()
    for f in en:
        for k in f.keys:
            if k.startswith("%") and len(k) > 3 and stem(k[1:]) not in vocab:
                out.add(k[1:])
    return frozenset(out)


def merge_features(parts: Sequence[Features]) -> Features:
    """The features of consecutive sentences taken as one block."""
    keys: dict[str, int] = {}
    shift = 0
    length = 0
    content = 0
    for f in parts:
        get = keys.get
        if shift:
            for k, v in f.keys.items():
                keys[k] = get(k, 0) | (v << shift)
        else:
            keys.update(f.keys)
        length += f.length
        content += f.content
        shift += f.units
    return Features(length, keys, content, shift)


def _anchors(f: Features) -> frozenset[str]:
    """Numbers of 10 and more and document symbols: they must agree across a bead."""
    out = set()
    for k in f.keys:
        if k[0] == "$":
            out.add(k)
        elif k[0] == "#" and k[1:2].isdigit():
            try:
                if float(k[1:]) >= 10:
                    out.add(k)
            except ValueError:
                pass
    return frozenset(out)


# --- the bead cost --------------------------------------------------------------------------


class _Scorer:
    """Bead costs for one pair of feature sequences (one resolution level)."""

    def __init__(self, zh: Sequence[Features], en: Sequence[Features], params: AlignParams):
        self.zh, self.en, self.p = zh, en, params
        self.lz = _prefix(f.length for f in zh)
        self.le = _prefix(f.length for f in en)
        self.cz = _prefix(f.content for f in zh)
        self.ce = _prefix(f.content for f in en)
        self.fz = [f.content for f in zh]
        self.fe = [f.content for f in en]
        total_z, total_e = self.lz[-1], self.le[-1]
        self.c = (total_e / total_z) if total_z and total_e else 1.0
        self._len_scale = 1.0 / math.sqrt(2.0 * params.s2)
        self.links: list[dict[int, tuple[int, int]]] = [dict() for _ in zh]
        self.anch_z = [_anchors(f) for f in zh]
        self.anch_e = [_anchors(f) for f in en]
        self._llr_z: dict[int, tuple[float, float]] = {}
        self._llr_e: dict[int, tuple[float, float]] = {}
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
        import random

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
        if x > p.max_len_dev:  # lengths this far apart: no merged bead, whatever the words say
            return math.inf
        llr = self.evidence(i, j, a, b)[0]
        total = p.w_len * len_cost - p.w_lex * llr + p.priors[(a, b)]
        if p.w_num:
            az = self.anch_z[i - 1] if a == 1 else frozenset().union(*self.anch_z[i - a:i])
            ae = self.anch_e[j - 1] if b == 1 else frozenset().union(*self.anch_e[j - b:j])
            if az or ae:
                total += p.w_num * len(az ^ ae)
        return total


def _prefix(values: Iterable[int]) -> list[int]:
    out = [0]
    for v in values:
        out.append(out[-1] + v)
    return out


# --- the search -------------------------------------------------------------------------------


def _dp(scorer: _Scorer, n: int, m: int, lo: list[int], hi: list[int], beads, beam: Optional[float] = None) -> list[tuple[int, int, int, int]]:
    """Best path through the band; returns beads as (i0, i1, j0, j1) half-open ranges."""
    inf = math.inf
    if beam is None:
        beam = scorer.p.beam
    D: list[list[float]] = []
    B: list[list[int]] = []
    limit: list[float] = []  # beam: a cell this much worse than its row's best is not extended
    cost = scorer.cost
    for i in range(n + 1):
        l, h = lo[i], hi[i]
        row = [inf] * (h - l + 1)
        back = [-1] * (h - l + 1)
        for j in range(l, h + 1):
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
                    if pj < l:
                        continue
                    prev = row[pj - l]
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
            row[j - l] = best
            back[j - l] = arg
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
        lo[i] = min(lo0[a:b + 1])
        hi[i] = max(hi0[a:b + 1])
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
    return [merge_features(feats[k:k + 2]) for k in range(0, len(feats), 2)]


def _align_features(zh: list[Features], en: list[Features], params: AlignParams, beads, level: int = 0) -> list[tuple[int, int, int, int]]:
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [(i, i + 1, 0, 0) for i in range(n)] + [(0, 0, j, j + 1) for j in range(m)]
    if (n + 1) * (m + 1) <= params.full_cells or min(n, m) < 4:
        return _dp(_Scorer(zh, en, params), n, m, [0] * (n + 1), [m] * (n + 1), beads)
    czh, cen = _coarsen(zh), _coarsen(en)
    if level + 1 >= params.coarse_filter_level:
        # large blocks: keep only the keys that tell blocks apart (fast, and enough to find the path)
        czh, cen = drop_frequent(czh, cen, params.coarse_max_df)
    coarse = _align_features(czh, cen, params, COARSE_BEADS, level + 1)
    lo, hi = _band_from_path(coarse, n, m, 2, 2, params.band)
    return _dp(_Scorer(zh, en, params), n, m, lo, hi, beads)


def extract_features(src: Sequence[str], tgt: Sequence[str], src_lang: str = "en", glossary=None):
    """Chinese and English features of the two sides (in that order)."""
    zh_texts, en_texts = (tgt, src) if src_lang == "en" else (src, tgt)
    lexicon = Lexicon.build(glossary)
    en = [en_features(s) for s in en_texts]
    names = document_names(en)
    zh = [zh_features(s, lexicon, names) for s in zh_texts]
    return zh, en


def drop_frequent(zh: list[Features], en: list[Features], max_df: float) -> tuple[list[Features], list[Features]]:
    """Forget keys that occur in too many sentences of a side: the document's topic words
    (women, violence, Korea in a UN report) link every sentence to every other one."""
    if max_df >= 1.0 or len(zh) < 20 or len(en) < 20:
        return zh, en
    frequent: set[str] = set()
    for side in (zh, en):
        df: dict[str, int] = {}
        for f in side:
            for k in f.keys:
                df[k] = df.get(k, 0) + 1
        limit = max_df * len(side)
        frequent.update(k for k, c in df.items() if c > limit)
    if not frequent:
        return zh, en

    def strip(f: Features) -> Features:
        keys = {k: v for k, v in f.keys.items() if k not in frequent}
        if len(keys) == len(f.keys):
            return f
        return Features(f.length, keys, _units_with_keys(keys), f.units)

    return [strip(f) for f in zh], [strip(f) for f in en]


ALL_BEADS = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 4), (4, 1), (2, 3), (3, 2))


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str = "en",
    glossary=None,
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
    beads = tuple(bd for bd in ALL_BEADS if bd in params.priors or 0 in bd)
    path = _align_features(zh, en, params, beads)
    scorer = _Scorer(zh, en, params)
    out = []
    for i0, i1, j0, j1 in path:
        if i1 > i0 and j1 > j0:
            sim = scorer.similarity(i1, j1, i1 - i0, j1 - j0)
            lp = math.exp(-scorer.length_cost(scorer.lz[i1] - scorer.lz[i0], scorer.le[j1] - scorer.le[j0]))
            score = round(min(1.0, 0.5 * min(1.0, sim / 0.5) + 0.5 * lp), 3)
        else:
            score = 0.0
        zh_ids, en_ids = tuple(range(i0, i1)), tuple(range(j0, j1))
        if src_lang == "en":
            out.append(SentencePair(en_ids, zh_ids, score))
        else:
            out.append(SentencePair(zh_ids, en_ids, score))
    return out
