"""Spreadsheet cells that cannot become formulas (CSV injection, as OWASP describes it).

A text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return — or their
full-width forms (``＝ ＋ － ＠``) or ``％``, or any of these after leading spaces, no-break or
zero-width spaces or a byte-order mark, which spreadsheets skip — is written with a leading
apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of running
it. termkit's readers remove that apostrophe again, so what round-trips into termkit is
unchanged. Numbers (``-0.5``) are left alone: they are not formulas.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\uff05")
# what a spreadsheet skips before it looks for a formula
_IGNORED_LEAD = " \u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff\u3000"
_NUMBER_RE = re.compile(r"^[-+]?(\d+([.,]\d*)?|\.\d+)([eE][-+]?\d+)?%?$")


def neutralize(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    # a value that already looks neutralized gets one more apostrophe, so restore is exact
    return "'" + value if _needs_quote(value) else value


def _needs_quote(value: str) -> bool:
    """Would a spreadsheet run it, or would :func:`restore` change it?"""
    bare = value.lstrip(_IGNORED_LEAD)
    if bare.startswith(FORMULA_START) and not _NUMBER_RE.match(bare):
        return True
    return len(value) > 1 and value[0] == "'" and _needs_quote(value[1:])


def restore(value: str) -> str:
    """Undo :func:`neutralize` on a cell read back."""
    if len(value) > 1 and value[0] == "'" and _needs_quote(value[1:]):
        return value[1:]
    return value


class SafeWriter:
    """``csv.writer`` whose text cells cannot become formulas.

    Rows end with CRLF (RFC 4180): with it, the csv module quotes a field holding a lone CR as
    well as one holding LF, so every value reads back whole.
    """

    def __init__(self, out: IO[str], **options):
        options["lineterminator"] = "\r\n"
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralize(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_writer(out: IO[str], **options) -> SafeWriter:
    return SafeWriter(out, **options)
