"""Glossary CSV files, in two shapes (see DESIGN.md):

- the **long** curated shape (:mod:`.long`), one row per term — ``concept_id, lang, term, status,
  type, pos, subject, definition, note, source`` — the lossless source of truth;
- the **wide** CAT shape (:mod:`.wide`), one row per concept and a column per language, what CAT
  tools import, read leniently from glossaries made by others.

Both read through :mod:`.table` (encoding, delimiter, line numbers). Which shape a file is in is
told by its header: :func:`read_any_csv` reads either.
"""

from __future__ import annotations

import csv
import os

from ...model import Concept

from .long import (
    COLUMNS,
    REQUIRED,
    CsvGlossary,
    Row,
    concept_rows,
    is_long_header,
    read_glossary_csv,
    read_rows,
    rows_to_concepts,
    write_glossary_csv,
)
from .wide import (
    CELL_LINE_BREAK,
    WIDE_FIELDS,
    one_line,
    read_glossary_csv_wide,
    wide_rows_to_concepts,
    wide_table,
    write_glossary_csv_wide,
)

__all__ = [
    "CELL_LINE_BREAK",
    "COLUMNS",
    "REQUIRED",
    "WIDE_FIELDS",
    "CsvGlossary",
    "Row",
    "concept_rows",
    "is_long_header",
    "one_line",
    "read_any_csv",
    "read_glossary_csv",
    "read_glossary_csv_wide",
    "read_rows",
    "rows_to_concepts",
    "wide_rows_to_concepts",
    "wide_table",
    "write_glossary_csv",
    "write_glossary_csv_wide",
]


def read_any_csv(path: str | os.PathLike) -> tuple[list[Concept], list]:
    """A glossary CSV in either shape: long if the header has concept_id, lang and term, else wide."""
    try:
        with open(path, "rb") as fh:
            head = fh.readline(1 << 16)
    except OSError:
        return read_glossary_csv(path), []  # the long reader words the error
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return read_glossary_csv_wide(path)
    lines = head.decode("utf-8-sig", errors="replace").splitlines()
    first = lines[0] if lines else ""
    delimiter = max((",", "\t", ";"), key=first.count)
    try:
        header = next(csv.reader([first], delimiter=delimiter), [])
    except csv.Error:  # not a header a CSV reader can take: let the long reader say what is wrong
        return read_glossary_csv(path), []
    if is_long_header(header):
        return read_glossary_csv(path), []
    return read_glossary_csv_wide(path)
