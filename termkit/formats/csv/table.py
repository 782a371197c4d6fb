"""Delimited text files (CSV, TSV, semicolon-separated) as rows with their line numbers.

Both glossary CSV shapes read through this: it decodes UTF-8 (with or without a BOM) or UTF-16
(with a BOM), picks the delimiter from the first lines, removes the apostrophe that
:mod:`termkit.formats.cells` puts before formula-like cells, and words every failure as an
:class:`~termkit.errors.InputError` with file and line.
"""

from __future__ import annotations

import csv
import io
import os

from ...errors import InputError
from ..cells import restore
from ..clean import clean_text
from ..limits import read_limited


def sniff_delimiter(text: str, sample: int = 5) -> str:
    """``,``, tab or ``;``: the one on most of the first records that are not empty and not ``#``
    comments (a title row above the header, OmegaT's comment lines), then most often on the first
    of them; a comma by default. A record is a line with the lines inside its quoted cells (a term
    with line breaks and tabs in it does not vote for the tab)."""
    records: list[str] = []
    quoted = False
    for line in text.split("\n", sample * 200)[: sample * 200]:
        if quoted:
            records[-1] += "\n" + line
        elif line.strip() and not line.startswith("#"):
            records.append(line)
        else:
            continue  # a blank line or a comment: its quotes open nothing
        if line.count('"') % 2:
            quoted = not quoted
        if len(records) > sample:
            break
    lines = [_unquoted(r) for r in records[:sample]]
    if not lines:
        return ","

    def score(d: str) -> tuple[int, int]:
        return (sum(1 for x in lines if d in x), lines[0].count(d))

    best = max((",", "\t", ";"), key=score)
    return best if score(best)[0] else ","


def _unquoted(record: str) -> str:
    """The record without the text of its quoted cells."""
    return "".join(part for i, part in enumerate(record.split('"')) if i % 2 == 0)


def read_table(path: str | os.PathLike) -> list[tuple[int, list[str]]]:
    """Rows of a delimited text file with their line numbers (delimiter sniffed: , ; or tab)."""
    shown = str(path)
    data = read_limited(path, what="a glossary file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-16 text after its byte-order mark (byte {exc.start})", shown) from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError("not UTF-8 (save the glossary as UTF-8 CSV)", shown, line) from None
    if "\x00" in text:
        raise InputError("not a CSV file (NUL character)", shown, text[: text.index("\x00")].count("\n") + 1)
    text = clean_text(text, shown)
    delimiter = sniff_delimiter(text)
    try:
        rows = _parse(text, delimiter, strict=True)
    except _Unclosed as exc:
        raise InputError(
            'a quoted cell opened here is never closed (unbalanced "): the rest of the file would be one cell',
            shown,
            exc.line,
        ) from None
    except csv.Error:  # a stray quote inside a cell and the like: the lenient reading takes it
        try:
            rows = _parse(text, delimiter, strict=False)
        except csv.Error as exc:
            raise InputError(f"bad CSV: {exc}", shown, getattr(exc, "line", None)) from None
    if not rows:
        raise InputError("empty glossary file", shown)
    return rows


class _Unclosed(Exception):
    def __init__(self, line: int):
        self.line = line


def _parse(text: str, delimiter: str, strict: bool) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    rows = []
    line = 1
    try:
        for record in reader:
            rows.append((line, [restore(v) for v in record]))
            line = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise _Unclosed(line) from None
        exc.line = reader.line_num  # type: ignore[attr-defined]
        raise
    return rows
