"""Stress sets for the sentence aligner, built from any documents with gold beads.

A document is ``(name, src, tgt, gold)``: two lists of sentences and the gold beads as
``(src_ids, tgt_ids)`` tuples (1–0 and 0–1 beads included). Each function returns new documents
whose gold follows the edit exactly, so that the usual strict/lax F1 applies:

* :func:`split_side` — sentences of one side cut at a clause boundary (``, ; :`` and dashes in
  English; ``，；：`` in Chinese) until that side has ``ratio`` × as many sentences as the other:
  the regime (1.3–1.5× more English sentences) where the old banded search lost the path;
* :func:`join` — documents concatenated into one long document;
* :func:`drop_block` — ``size`` consecutive sentences removed from one side (their partners become
  1–0 / 0–1 beads);
* :func:`move_block` — a run of whole beads on one side moved ``distance`` beads further on (the
  gold keeps the true, crossing pairs: a monotone aligner can recover only one of the two runs);
* :func:`wrong_translation` — one document's source with another document's target: no gold bead
  at all; :func:`wrong_stretch` — a stretch of the target replaced by the same stretch of another
  document's target (its sentences are gold 1–0 / 0–1).

Everything is deterministic for a given ``random.Random``.
"""

from __future__ import annotations

import random
import re

Bead = tuple[tuple[int, ...], tuple[int, ...]]
Doc = tuple[str, list[str], list[str], list[Bead]]

# Where an English sentence may be cut: after a comma, semicolon, colon or dash followed by a space.
_EN_CUT = re.compile(r"(?<=[,;:])\s+|\s+(?=[—–-]{1,2}\s)|(?<=[—–])(?=\w)")
_ZH_CUT = re.compile(r"(?<=[，；：])")


def _is_zh(sentences: list[str]) -> bool:
    text = "".join(sentences[:50])
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") > len(text) / 4


def _cut(sentence: str, zh: bool) -> tuple[str, str] | None:
    """The sentence cut in two at the clause boundary nearest its middle (each part ≥ 1/5 of it)."""
    pattern = _ZH_CUT if zh else _EN_CUT
    n = len(sentence)
    best = None
    for m in pattern.finditer(sentence):
        k = m.start() if m.end() == m.start() else m.end()
        a, b = sentence[: m.start()].rstrip(), sentence[k:].lstrip()
        if len(a) < n / 5 or len(b) < n / 5 or len(a) < 4 or len(b) < 4:
            continue
        if best is None or abs(len(a) - n / 2) < abs(len(best[0]) - n / 2):
            best = (a, b)
    return best


def _remap(gold: list[Bead], side: int, new_ids: dict[int, list[int]]) -> list[Bead]:
    out = []
    for bead in gold:
        ids = tuple(k for i in bead[side] for k in new_ids.get(i, [i]))
        out.append((ids, bead[1]) if side == 0 else (bead[0], ids))
    return out


def split_side(doc: Doc, side: int, ratio: float, rng: random.Random) -> Doc:
    """Cut sentences of ``side`` (0 source, 1 target) until it has ``ratio`` × the other side's count."""
    name, src, tgt, gold = doc
    sents = [src, tgt][side]
    zh = _is_zh(sents)
    want = int(round(ratio * len([src, tgt][1 - side])))
    pieces = [[s] for s in sents]
    count = len(sents)
    for _ in range(4):  # passes: the longest pieces can be cut again
        if count >= want:
            break
        order = list(range(len(pieces)))
        rng.shuffle(order)
        for i in order:
            if count >= want:
                break
            longest = max(range(len(pieces[i])), key=lambda k: len(pieces[i][k]))
            cut = _cut(pieces[i][longest], zh)
            if cut:
                pieces[i][longest : longest + 1] = list(cut)
                count += 1
    new_sents: list[str] = []
    new_ids: dict[int, list[int]] = {}
    for i, parts in enumerate(pieces):
        new_ids[i] = list(range(len(new_sents), len(new_sents) + len(parts)))
        new_sents.extend(parts)
    new_gold = _remap(gold, side, new_ids)
    if side == 0:
        return (f"{name}+split", new_sents, tgt, new_gold)
    return (f"{name}+split", src, new_sents, new_gold)


def join(docs: list[Doc], name: str) -> Doc:
    """The documents as one: sentences concatenated, gold ids shifted."""
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Bead] = []
    for _, s, t, g in docs:
        a, b = len(src), len(tgt)
        gold.extend((tuple(i + a for i in gs), tuple(j + b for j in gt)) for gs, gt in g)
        src.extend(s)
        tgt.extend(t)
    return (name, src, tgt, gold)


def _rebuild(doc: Doc, side: int, order: list[int], name: str) -> Doc:
    """The document with ``side``'s sentences replaced by ``order`` (old ids, some left out)."""
    _, src, tgt, gold = doc
    sents = [src, tgt][side]
    new_of = {old: new for new, old in enumerate(order)}
    new_sents = [sents[k] for k in order]
    out: list[Bead] = []
    for bead in gold:
        kept = tuple(new_of[i] for i in bead[side] if i in new_of)
        other = bead[1 - side]
        if bead[side] and not kept:  # its sentences on `side` are gone: the others are unaligned
            out.extend(((), (k,)) if side == 0 else ((k,), ()) for k in other)
            continue
        out.append((kept, other) if side == 0 else (other, kept))
    if side == 0:
        return (name, new_sents, tgt, out)
    return (name, src, new_sents, out)


def drop_block(doc: Doc, side: int, size: int, rng: random.Random) -> Doc:
    """``size`` consecutive sentences of ``side`` removed (from the middle 80 % of the document)."""
    n = len([doc[1], doc[2]][side])
    if n < size + 20:
        return doc
    start = rng.randint(n // 10, n - n // 10 - size)
    order = [k for k in range(n) if not start <= k < start + size]
    return _rebuild(doc, side, order, f"{doc[0]}-block{size}")


def move_block(doc: Doc, side: int, size: int, distance: int, rng: random.Random) -> Doc:
    """A run of whole beads holding about ``size`` sentences of ``side`` moved ``distance`` beads on."""
    _, src, tgt, gold = doc
    n = len([src, tgt][side])
    # bead boundaries on `side`: where a run of sentences can be cut without splitting a bead
    starts = [b[side][0] for b in gold if b[side]]
    if len(starts) < 3 * size + distance:
        return doc
    a = rng.randint(len(starts) // 10, len(starts) - distance - 2 * size)
    first = starts[a]
    end_k = next(k for k in range(a, len(starts)) if starts[k] - first >= size)
    last = starts[end_k]
    dest = starts[min(len(starts) - 1, end_k + distance)]
    block = list(range(first, last))
    rest = [k for k in range(n) if not first <= k < last]
    at = rest.index(dest)
    order = rest[:at] + block + rest[at:]
    return _rebuild(doc, side, order, f"{doc[0]}-moved{last - first}")


def wrong_translation(doc: Doc, other: Doc) -> Doc:
    """``doc``'s source with ``other``'s target: nothing is a translation of anything."""
    name, src, _, _ = doc
    tgt = other[2]
    gold = [((i,), ()) for i in range(len(src))] + [((), (j,)) for j in range(len(tgt))]
    return (f"{name}×{other[0]}", src, tgt, gold)


def wrong_stretch(doc: Doc, other: Doc, size: int, rng: random.Random) -> Doc:
    """About ``size`` target sentences (whole beads) replaced by target sentences of ``other``."""
    name, src, tgt, gold = doc
    pairs = [b for b in gold if b[0] and b[1]]
    if len(pairs) < size + 40:
        return doc
    a = rng.randint(len(pairs) // 5, len(pairs) - size - len(pairs) // 5)
    j0, j1 = pairs[a][1][0], pairs[a + size][1][0]
    o0 = min(len(other[2]) - (j1 - j0), max(0, j0))
    foreign = other[2][o0 : o0 + (j1 - j0)]
    new_tgt = tgt[:j0] + foreign + tgt[j1:]
    shift = len(foreign) - (j1 - j0)
    out: list[Bead] = []
    for s, t in gold:
        if t and t[0] >= j1:
            t = tuple(j + shift for j in t)
        elif t and t[0] >= j0:  # its translation is gone: the source sentences are unaligned
            out.extend(((i,), ()) for i in s)
            continue
        out.append((s, t))
    out.extend(((), (j,)) for j in range(j0, j0 + len(foreign)))
    return (f"{name}+foreign{len(foreign)}", src, new_tgt, out)
