"""report.csv: every occurrence of every card's forms, one a row (UTF-8 with BOM when a file)."""

from __future__ import annotations

from typing import IO

from ..errors import mark_bidi
from ..formats.cells import safe_writer
from .rows import OCCURRENCE_COLUMNS, occurrence_rows


def write_csv(result, out: IO[str]) -> None:
    w = safe_writer(out, lineterminator="\n")
    w.writerow(OCCURRENCE_COLUMNS)
    w.writerows([mark_bidi(v) if isinstance(v, str) else v for v in row] for row in occurrence_rows(result))
