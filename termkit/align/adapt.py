"""What a first alignment teaches the second: the document's own word pairs.

A literary translation names its characters in its own way (韦小宝 is *Trinket*, 海老公 *Old Hai*):
no dictionary has them, but they can be read off a first alignment that is right most of the
time (as Moore 2002 and hunalign do):

* :func:`learn_pairs` — a Chinese string of 2–4 hanzi and an English word that the first pass
  puts in the same bead far more often than their frequencies allow (Dice ≥ ``min_dice`` over
  at least ``min_count`` beads; each string and word takes its best partner only, competitive
  linking) become a dictionary entry for this document; :func:`add_pairs` adds them as keys;
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..text.chars import HANZI_RE
from .cost import AlignParams
from .features import Features, fold_width, units_with_keys, zh_units

Path = list[tuple[int, int, int, int]]
_ORDINAL = frozenset(("st", "nd", "rd", "th"))  # the tail of 21st, 2nd: not a word


def _sample(path: Path, limit: int) -> Path:
    beads = [b for b in path if b[1] > b[0] and b[3] > b[2]]
    if len(beads) <= limit:
        return beads
    step = len(beads) / limit
    return [beads[int(k * step)] for k in range(limit)]


def _free_grams(text: str, matched: int, skip: frozenset[str]) -> set[str]:
    """The strings of 2–4 consecutive hanzi of a Chinese sentence that no shared key explains
    (``matched``: the mask of units matched in the bead; strings only of ``skip`` characters left out)."""
    folded = fold_width(text)
    unit_of = zh_units(folded)[0]
    out = set()
    run: list[str] = []
    for p, ch in enumerate(folded + " "):
        u = unit_of.get(p)
        if u is not None and not matched >> u & 1 and HANZI_RE.match(ch):
            run.append(ch)
            continue
        for a in range(len(run)):
            for b in range(a + 2, min(a + 4, len(run)) + 1):
                gram = "".join(run[a:b])
                if not all(c in skip for c in gram):
                    out.add(gram)
        run = []
    return out


def learn_pairs(
    path: Path,
    zh_texts: Sequence[str],
    zh: Sequence[Features],
    en: Sequence[Features],
    params: AlignParams,
    skip: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Chinese string → English stem pairs that the beads of ``path`` bring together.

    Only the words and hanzi that the bead's shared keys do not already explain count (a
    dictionary word needs no learning), and only beads of a first pass (a sample of
    ``params.learn_beads`` of them).
    """
    beads = _sample(path, params.learn_beads)
    f_zh: Counter[str] = Counter()
    f_en: Counter[str] = Counter()
    bead_grams = []
    bead_words = []
    for i0, i1, j0, j1 in beads:
        en_keys: set[str] = set()
        for j in range(j0, j1):
            en_keys.update(en[j].keys)
        zh_keys: set[str] = set()
        grams: set[str] = set()
        for i in range(i0, i1):
            keys = zh[i].keys
            zh_keys.update(keys)
            matched = 0
            for k in en_keys.intersection(keys):
                if keys[k] & (keys[k] - 1):  # a word of two hanzi or more (one hanzi's glosses are loose)
                    matched |= keys[k]
            grams |= _free_grams(zh_texts[i], matched, skip)
        words = {k for k in en_keys - zh_keys if k[0].isalpha() and len(k) > 1 and k not in _ORDINAL}
        f_zh.update(grams)
        f_en.update(words)
        bead_grams.append(grams)
        bead_words.append(words)
    min_count = params.learn_min_count
    together: Counter[tuple[str, str]] = Counter()
    for grams, words in zip(bead_grams, bead_words):
        grams = [g for g in grams if f_zh[g] >= min_count]
        words = [w for w in words if f_en[w] >= min_count]
        for g in grams:
            for w in words:
                together[(g, w)] += 1
    scored = []
    for (g, w), c in together.items():
        if c < min_count:
            continue
        dice = 2 * c / (f_zh[g] + f_en[w])
        if dice >= params.learn_min_dice:
            scored.append((dice, len(g), c, g, w))
    scored.sort(reverse=True)
    out: dict[str, str] = {}
    used_words: set[str] = set()
    for _, _, _, g, w in scored:
        if w in used_words or any(g in h or h in g for h in out):
            continue
        out[g] = w
        used_words.add(w)
    return out


def add_pairs(pairs: dict[str, str], zh_texts: Sequence[str], zh: Sequence[Features]) -> list[Features]:
    """The Chinese features with a key for every learned string found in the sentence (its
    English word, over the string's hanzi)."""
    if not pairs:
        return list(zh)
    out = []
    for text, f in zip(zh_texts, zh):
        found = [g for g in pairs if g in text]
        if not found:
            out.append(f)
            continue
        folded = fold_width(text)
        unit_of = zh_units(folded)[0]
        keys = dict(f.keys)
        for g in found:
            start = folded.find(g)
            while start >= 0:
                mask = 0
                for p in range(start, start + len(g)):
                    if p in unit_of:
                        mask |= 1 << unit_of[p]
                keys[pairs[g]] = keys.get(pairs[g], 0) | mask
                start = folded.find(g, start + len(g))
        out.append(Features(f.length, keys, units_with_keys(keys), f.units))
    return out
