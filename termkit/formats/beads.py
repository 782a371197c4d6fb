"""Sentence-alignment output: TSV, JSON Lines, TMX and the ``[src]:[tgt]`` bead format.

* ``beads``: one bead per line, ``[0,1]:[0]``, ``[2]:[1,2]``, ``[]:[12]`` — 0-based sentence
  numbers, the gold format of ``shared/data/align`` (Vecalign/Bertalign), so that an alignment
  of presplit files can be scored against a gold file directly.
* ``tsv``: header ``src_ids tgt_ids score source target``; ids as ``0,1``; text with tab, newline
  and backslash escaped.
* ``jsonl``: ``{"src": [0, 1], "tgt": [0], "score": 0.83, "source": "…", "target": "…"}``.
* ``tmx``: TMX 1.4, one ``<tu>`` per bead with text on both sides (``x-beads`` and ``x-score``
  props), ready for a CAT tool.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import IO

from ..model import SentencePair, TranslationUnit
from .cells import neutralize, restore

ALIGN_FORMATS = ("tsv", "tmx", "jsonl", "beads")
_HANZI_RE = re.compile("[\u3400-\u9fff]")


def _tsv_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")


def bead_string(pair: SentencePair) -> str:
    return "[" + ",".join(map(str, pair.src)) + "]:[" + ",".join(map(str, pair.tgt)) + "]"


def join_sentences(sentences: Sequence[str], ids: Sequence[int], lang: str) -> str:
    """The text of one side of a bead: Chinese sentences run together, English ones spaced."""
    sep = "" if lang.lower().startswith("zh") else " "
    return sep.join(sentences[i].strip() for i in ids)


def pair_units(
    pairs: Sequence[SentencePair], src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str
) -> list[TranslationUnit]:
    """Beads as translation units (1–0 and 0–1 beads included, with one side empty)."""
    return [
        TranslationUnit(
            str(k), join_sentences(src, p.src, src_lang), join_sentences(tgt, p.tgt, tgt_lang), src_lang, tgt_lang
        )
        for k, p in enumerate(pairs, 1)
    ]


def write_alignment(
    pairs: Sequence[SentencePair],
    src: Sequence[str],
    tgt: Sequence[str],
    out: IO[str],
    fmt: str = "tsv",
    src_lang: str = "en",
    tgt_lang: str = "zh",
) -> int:
    """Write an alignment; returns the number of records (beads, or ``<tu>`` for TMX)."""
    if fmt not in ALIGN_FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if fmt == "beads":
        for p in pairs:
            out.write(bead_string(p) + "\n")
        return len(pairs)
    units = pair_units(pairs, src, tgt, src_lang, tgt_lang)
    if fmt == "tmx":
        from .tmx import write_tmx

        props = [{"x-beads": bead_string(p), "x-score": f"{p.score:.3f}"} for p in pairs]
        return write_tmx(units, out, src_lang, tgt_lang, props=props)
    if fmt == "tsv":
        out.write("src_ids\ttgt_ids\tscore\tsource\ttarget\n")
    for p, u in zip(pairs, units):
        if fmt == "tsv":
            row = (",".join(map(str, p.src)), ",".join(map(str, p.tgt)), f"{p.score:.3f}", u.source, u.target)
            out.write("\t".join(_tsv_escape(neutralize(v)) for v in row) + "\n")
        else:
            record = {"src": list(p.src), "tgt": list(p.tgt), "score": p.score, "source": u.source, "target": u.target}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(pairs)


def read_beads(text: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Parse the ``[src]:[tgt]`` bead format (one bead a line)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        s, _, t = line.partition(":")
        out.append((_ids(s), _ids(t)))
    return out


def _ids(s: str) -> tuple[int, ...]:
    s = s.strip().strip("[]")
    return tuple(int(x) for x in s.split(",") if x.strip())


def _tsv_unescape(value: str) -> str:
    return restore(_unescape(value))


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\tnr])", lambda m: {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[m.group(1)], value)


def read_aligned_tsv(path) -> list[tuple[str, str]]:
    """(English, Chinese) segments of an aligned TSV: ``termkit align``'s (``src_ids, tgt_ids,
    score, source, target``, either language as the source) or two columns, English then Chinese.
    Rows with an empty side (1–0, 0–1 beads) are left out."""
    from ..errors import InputError
    from .txt import read_text

    doc = read_text(path, lang="zh")
    out = []
    lines = doc.text.splitlines()
    header = lines[0].split("\t") if lines else []
    aligned = header[:5] == ["src_ids", "tgt_ids", "score", "source", "target"]
    for n, line in enumerate(lines[1:] if aligned else lines, 2 if aligned else 1):
        if not line.strip():
            continue
        cells = [_tsv_unescape(c) for c in line.split("\t")]
        pair = cells[3:5] if aligned else cells
        if len(pair) != 2:
            raise InputError(
                f"expected {'5' if aligned else '2'} tab-separated columns, found {len(cells)}", str(path), n
            )
        a, b = (x.strip() for x in pair)
        if a and b:
            out.append((b, a) if _HANZI_RE.search(a) and not _HANZI_RE.search(b) else (a, b))
    return out
