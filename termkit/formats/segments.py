"""Sentence listings: TSV (one sentence a line) and JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ..model import Segment
from .cells import neutralize

SEGMENT_FORMATS = ("tsv", "jsonl")
TSV_COLUMNS = ("doc", "index", "start", "end", "kind", "label", "text")


def _tsv_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")


def write_segments(segments: Iterable[Segment], out: IO[str], fmt: str = "tsv") -> int:
    """Write segments to ``out``; returns how many were written.

    TSV escapes backslash, tab and line breaks (``\\\\``, ``\\t``, ``\\n``) so each sentence stays on
    one line, and a cell a spreadsheet would run as a formula gets a leading apostrophe
    (:mod:`.cells`); JSON Lines keeps ``text`` exactly as in the document, plus ``content`` (the sentence
    without the line breaks and footnotes a PDF put inside it) when it differs.
    """
    if fmt not in SEGMENT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    n = 0
    for seg in segments:  # (the header waits for the first sentence: a read error comes first)
        if fmt == "tsv" and n == 0:
            out.write("\t".join(TSV_COLUMNS) + "\n")
        if fmt == "tsv":
            row = (seg.doc_id, str(seg.index), str(seg.start), str(seg.end), seg.kind, seg.label, seg.text)
            out.write("\t".join(_tsv_escape(neutralize(v)) for v in row) + "\n")
        else:
            record = {
                "doc": seg.doc_id,
                "index": seg.index,
                "start": seg.start,
                "end": seg.end,
                "kind": seg.kind,
                "label": seg.label,
                "text": seg.text,
            }
            if seg.parts:
                record["content"] = seg.content
                record["parts"] = [list(p) for p in seg.parts]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    if fmt == "tsv" and n == 0:
        out.write("\t".join(TSV_COLUMNS) + "\n")
    return n
