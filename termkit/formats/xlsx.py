"""Excel termbases (.xlsx): ``write()`` the wide CAT shape, ``read()`` the wide or the long shape.

The columns are those of the wide CSV (see :mod:`termkit.formats.csv`): language columns first
(``en``, ``zh-CN``), then ``concept_id``, ``subject``, term fields as ``en_status``,
``zh-CN_2_note`` …. One sheet, ``termbase``, with a bold frozen header row, an autofilter, wrapped
text and a drop-down list on the status columns (preferred, admitted, deprecated, superseded);
every cell is written as text, so a term starting with ``=`` is never taken for a formula and
``001`` stays ``001``. ``write(shape="long")`` writes the long curated shape instead.

Reading takes the first sheet; a header with ``concept_id``, ``lang`` and ``term`` is the long
shape, anything else goes through the lenient wide reader (CAT exports, Phrase/memoQ-style
language columns). Numbers and dates in cells are read as the text they show.

Library: **openpyxl**, not xlsxwriter. termkit has to read spreadsheets (glossaries terminologists
keep in Excel, ``-g glossary.xlsx``) as well as write them; xlsxwriter only writes, so it would need
a second library for reading, while openpyxl does both (pure Python, MIT licence, streaming
read-only and write-only modes for large sheets).

Safety: an .xlsx file is a zip of XML parts that anyone may have built. termkit reads it with its
own reader (:mod:`termkit.formats.xlsx_read`): every part it reads is parsed safely whatever its
name (no DTD, no entities), no part is read past its size limit, and memory is bounded by the
cells actually present; every problem is a one-line error naming the part.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..errors import InputError
from ..model import STATUSES, Concept
from .atomic import atomic_write
from .csv import (
    CsvGlossary,
    Row,
    concept_rows,
    is_long_header,
    long_header,
    rows_to_concepts,
    table_to_concepts,
    wide_table,
)
from .problems import Warnings
from .vocabulary import XML_BAD_CHARS
from .xlsx_read import read_sheet_rows

SHEET = "termbase"
MAX_CELL = 32767  # Excel's limit on the characters in a cell


def read_rows(path: str | os.PathLike) -> list[tuple[int, list[str]]]:
    """The first sheet's rows as text, with their row numbers (see :mod:`.xlsx_read`)."""
    rows = read_sheet_rows(path)
    if not rows:
        raise InputError("empty sheet", str(path))
    return rows


def read(path: str | os.PathLike, lang_tags=None, columns=None) -> tuple[list[Concept], list]:
    """Read a glossary spreadsheet (long or wide shape, or any table the CSV readers take: see
    :mod:`termkit.formats.csv.detect`); returns (concepts, warnings)."""
    shown = str(path)
    rows = read_rows(path)
    (_, header), body = rows[0], rows[1:]
    header = [h.strip() for h in header]
    if is_long_header(header) and columns is None:
        table = CsvGlossary(shown, header)
        for line, record in body:
            if any(v.strip() for v in record):
                table.rows.append(
                    Row(line, {h: (record[i] if i < len(record) else "") for i, h in enumerate(header) if h})
                )
        w = Warnings(shown)
        return rows_to_concepts(table, w), w.problems()
    return table_to_concepts(rows, shown, lang_tags, columns)


def read_concepts(path: str | os.PathLike, lang_tags=None, columns=None) -> tuple[list[Concept], list]:
    return read(path, lang_tags, columns)


def write(
    concepts: Iterable[Concept], out: str | os.PathLike, lang_tags=None, shape: str = "wide", title: str | None = None
) -> int:
    """Write concepts to an .xlsx file atomically; returns the number of data rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    concepts = list(concepts)
    if shape == "wide":
        header, rows = wide_table(concepts, lang_tags)
    elif shape == "long":
        columns = long_header(concepts)
        header = list(columns)
        rows = [list(r) for r in concept_rows(concepts, columns)]
    else:
        raise ValueError(f"unknown shape {shape!r} (expected wide or long)")
    for r, row in enumerate(rows, 2):
        for c, value in enumerate(row):
            if len(value) > MAX_CELL:
                raise InputError(
                    f"row {r}, column {header[c]!r}: {len(value)} characters, more than an Excel cell holds ({MAX_CELL})",
                    str(out),
                )
            m = XML_BAD_CHARS.search(value)
            if m:
                raise InputError(
                    f"row {r}, column {header[c]!r}: contains U+{ord(m.group()):04X}, which an .xlsx file cannot hold",
                    str(out),
                )

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    if title:
        wb.properties.title = XML_BAD_CHARS.sub("", title)
    widths = []
    for c, name in enumerate(header):
        longest = max([len(name)] + [len(row[c]) for row in rows[:500]])
        base = name.rsplit("_", 1)[-1]
        if name in ("note", "definition") or base in ("note", "definition", "source"):
            width = min(max(longest, 12), 50)
        else:
            width = min(max(longest * (2 if base.startswith("zh") or name.startswith("zh") else 1) + 2, 8), 40)
        widths.append(width)
    for c, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    status_cols = [c for c, name in enumerate(header, 1) if name == "status" or name.endswith("_status")]
    if status_cols and rows:
        dv = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
        for c in status_cols:
            letter = get_column_letter(c)
            dv.add(f"{letter}2:{letter}{len(rows) + 1}")
        ws.data_validations.append(dv)
    if header:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"

    def cells(values, font=None):
        out = []
        for v in values:
            cell = WriteOnlyCell(ws, value=v)
            cell.data_type = "s"  # text, never a formula or a number
            if font is not None:
                cell.font = font
            elif "\n" in v:
                cell.alignment = wrap
            out.append(cell)
        return out

    ws.append(cells(header, bold))
    for row in rows:
        ws.append(cells(row))
    with atomic_write(out, "wb") as fh:
        wb.save(fh)
    return len(rows)
