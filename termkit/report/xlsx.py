"""report.xlsx: a sheet of cards and a sheet of every occurrence (openpyxl), for reviewers who
work in a spreadsheet. Text cells only: nothing from input can become a formula."""

from __future__ import annotations

import os

from ..formats.atomic import atomic_write
from ..formats.cells import neutralize
from ..formats.vocabulary import XML_BAD_CHARS
from .rows import CARD_COLUMNS, OCCURRENCE_COLUMNS, card_rows, occurrence_rows

MAX_CELL = 32767  # what an Excel cell holds
WIDTHS = {"problem": 60, "fix": 40, "forms": 50, "sentence": 80, "ids": 30, "documents": 30}


def write_xlsx(result, path: str | os.PathLike) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for name, header, rows in (
        ("cards", CARD_COLUMNS, list(card_rows(result))),
        ("occurrences", OCCURRENCE_COLUMNS, list(occurrence_rows(result))),
    ):
        ws = wb.create_sheet(name)
        for c, column in enumerate(header, 1):
            ws.column_dimensions[get_column_letter(c)].width = WIDTHS.get(column, 14)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
        head = []
        for value in header:
            cell = WriteOnlyCell(ws, value=value)
            cell.font = bold
            head.append(cell)
        ws.append(head)
        for row in rows:
            cells = []
            for value in row:
                if isinstance(value, str):
                    value = neutralize(XML_BAD_CHARS.sub("", value))[:MAX_CELL]
                cell = WriteOnlyCell(ws, value=value)
                cell.alignment = wrap
                cells.append(cell)
            ws.append(cells)
    with atomic_write(path, "wb") as fh:
        wb.save(fh)
