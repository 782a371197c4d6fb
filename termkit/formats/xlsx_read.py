"""Reading an .xlsx workbook's first sheet as rows of text, safely and in bounded memory.

An .xlsx file is a zip of XML parts that anyone may have built, so termkit reads it itself
rather than through openpyxl: the package is opened by :class:`termkit.formats.ooxml.Package`
(no part read past its size limit whatever the zip claims, CRC checked, zip bombs refused) and
every part it reads is parsed by :mod:`termkit.formats.xmlsafe` (no DTD, no entities, whatever
the part is called). Only the parts a sheet needs are read: the workbook, its relationships,
the shared strings, the styles (to tell dates from numbers) and the first sheet, found through
the relationships as Excel finds it, whatever its name.

Memory is bounded by the data present, not by what the file claims: a ``<dimension>`` element is
ignored, rows and cells that are not in the file are not made up (a row's cells stop at its last
cell; columns no cell uses are dropped), and a sheet spanning more than :data:`MAX_CELLS` cells
is refused. Every problem is an :class:`~termkit.errors.InputError` naming the part:
``book.xlsx: damaged .xlsx file: part xl/worksheets/sheet1.xml line 3: …``.
"""

from __future__ import annotations

import datetime
import io
import os
import re

from lxml import etree

from ..errors import InputError
from .clean import clean_text, needs_cleaning
from .ooxml import Package
from .xmlsafe import check_parsed, check_prolog, local_name

MAX_CELLS = 10_000_000  # rows × used columns of the table handed on
MAX_COLUMN = 16384  # XFD, Excel's last column
MAX_ROW = 1_048_576
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_OFFICE_DOCUMENT = "/officeDocument"


def _bad(pkg: Package, part: str, message: str, line: int | None = None) -> InputError:
    at = f" line {line}" if line else ""
    return InputError(f"damaged .xlsx file: part {part}{at}: {message}", pkg.shown)


_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Excel's ``_x001B_`` escapes of characters XML cannot hold, back to the character."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        return value.isoformat() if not isinstance(value, datetime.timedelta) else str(value)
    return str(value)


class _Book:
    def __init__(self, pkg: Package):
        self.pkg = pkg
        main = next((r.target for r in pkg.rels("") if r.type.endswith(_OFFICE_DOCUMENT)), "xl/workbook.xml")
        if not pkg.has(main):
            raise InputError("not an .xlsx file (no workbook part)", pkg.shown)
        self.main = main
        workbook = pkg.part(main)
        self.date1904 = any(
            local_name(el) == "workbookPr" and el.get("date1904", "").lower() in ("1", "true") for el in workbook
        )
        rels = {r.id: r for r in pkg.rels(main)}
        sheet_ids = [
            el.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            for sheets in workbook
            if local_name(sheets) == "sheets"
            for el in sheets
            if local_name(el) == "sheet"
        ]
        if not sheet_ids:
            raise InputError("the workbook has no sheet", pkg.shown)
        rel = rels.get(sheet_ids[0] or "")
        if rel is None or not pkg.has(rel.target):
            raise _bad(pkg, main, f"the first sheet's relationship {sheet_ids[0]!r} leads to no part in the package")
        self.sheet = rel.target
        by_type = {r.type.rsplit("/", 1)[-1]: r.target for r in rels.values()}
        self.strings = self._strings(by_type.get("sharedStrings"))
        self.date_styles = self._date_styles(by_type.get("styles"))

    def _strings(self, part: str | None) -> list[str]:
        if not part or not self.pkg.has(part):
            return []
        out = []
        for si in self.pkg.part(part):
            if local_name(si) != "si":
                continue
            out.append(
                _unescape("".join(t.text or "" for t in si.iter() if local_name(t) == "t" and not _in_phonetic(t, si)))
            )
        return out

    def _date_styles(self, part: str | None) -> set[int]:
        if not part or not self.pkg.has(part):
            return set()
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        root = self.pkg.part(part)
        formats = dict(BUILTIN_FORMATS)
        xfs: list[str] = []
        for section in root:
            if local_name(section) == "numFmts":
                for el in section:
                    if local_name(el) == "numFmt" and (el.get("numFmtId") or "").isdigit():
                        formats[int(el.get("numFmtId"))] = el.get("formatCode") or ""
            elif local_name(section) == "cellXfs":
                xfs = [el.get("numFmtId") or "0" for el in section if local_name(el) == "xf"]
        out = set()
        for i, fmt_id in enumerate(xfs):
            fmt = formats.get(int(fmt_id)) if fmt_id.isdigit() else None
            if fmt and is_date_format(fmt):
                out.add(i)
        return out

    def value(self, c, line: int) -> str:
        kind = c.get("t", "n")
        v = next((x.text or "" for x in c if local_name(x) == "v"), None)
        if kind == "inlineStr":
            return _unescape("".join(t.text or "" for t in c.iter() if local_name(t) == "t"))
        if v is None:
            return ""
        if kind == "s":
            if not v.strip().isdigit() or int(v) >= len(self.strings):
                raise _bad(
                    self.pkg,
                    self.sheet,
                    f"cell {c.get('r', '?')} refers to shared string {v[:20]!r}, "
                    f"but the workbook has {len(self.strings)}",
                    line,
                )
            return self.strings[int(v)]
        if kind == "b":
            return "TRUE" if v.strip() in ("1", "true") else "FALSE"
        if kind in ("str", "e", "d"):
            return v
        try:
            number = float(v)
        except ValueError:
            raise _bad(self.pkg, self.sheet, f"cell {c.get('r', '?')} holds {v[:20]!r}, not a number", line) from None
        style = c.get("s", "0")
        if style.isdigit() and int(style) in self.date_styles:
            from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

            try:
                return _cell_text(from_excel(number, CALENDAR_MAC_1904 if self.date1904 else CALENDAR_WINDOWS_1900))
            except (ValueError, OverflowError):
                pass
        if number != number or number in (float("inf"), float("-inf")):
            return v
        return _cell_text(number)


def _in_phonetic(t, si) -> bool:
    parent = t.getparent()
    while parent is not None and parent is not si:
        if local_name(parent) == "rPh":
            return True
        parent = parent.getparent()
    return False


def read_sheet_rows(path: str | os.PathLike) -> list[tuple[int, list[str]]]:
    """The first sheet's rows that hold a value, as text, with their row numbers."""
    with Package(path, ".xlsx") as pkg:
        book = _Book(pkg)
        data = pkg.read(book.sheet)
        refused = InputError(
            f"refused for safety: part {book.sheet} declares a DOCTYPE or entities (XXE / entity expansion)", pkg.shown
        )
        head = data[:4096].replace(b"\x00", b"").upper()
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise refused
        try:
            check_prolog(data[: 64 * 1024], pkg.shown)
        except InputError as exc:
            raise (
                refused
                if "DOCTYPE" in exc.message or "entities" in exc.message
                else _bad(pkg, book.sheet, exc.message, exc.line)
            ) from None
        sparse: list[tuple[int, dict[int, str]]] = []
        used: set[int] = set()
        row_no = 0
        context = etree.iterparse(
            io.BytesIO(data), events=("end",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            for _, el in context:
                if local_name(el) != "row":
                    continue
                line = el.sourceline
                r = el.get("r")
                row_no = int(r) if r and r.isdigit() else row_no + 1
                if not 1 <= row_no <= MAX_ROW:
                    raise _bad(pkg, book.sheet, f"row number {r!r} is outside a sheet", line)
                cells: dict[int, str] = {}
                col = 0
                for c in el:
                    if local_name(c) != "c":
                        continue
                    ref = c.get("r")
                    if ref:
                        m = _REF.fullmatch(ref)
                        col = _column(m.group(1)) if m else 0
                        if not m or not 1 <= col <= MAX_COLUMN:
                            raise _bad(pkg, book.sheet, f"invalid cell reference {ref[:20]!r}", c.sourceline)
                    else:
                        col += 1
                    text = book.value(c, c.sourceline)
                    if text and needs_cleaning(text):
                        text = clean_text(text, pkg.shown, row_no)
                    if text:
                        cells[col] = text
                el.clear()
                if cells:
                    used.update(cells)
                    sparse.append((row_no, cells))
                    if len(sparse) * len(used) > MAX_CELLS:
                        raise InputError(
                            f"refused: the sheet {book.sheet} spans more than {MAX_CELLS:,} cells "
                            f"({len(sparse):,} rows × {len(used):,} columns with values)",
                            pkg.shown,
                        )
            tree = context.root.getroottree()
            if tree.docinfo.doctype:
                raise refused
            try:
                check_parsed(tree, pkg.shown)
            except InputError as exc:
                raise refused if "entities" in exc.message else _bad(pkg, book.sheet, exc.message) from None
        except etree.XMLSyntaxError as exc:
            raise _bad(
                pkg, book.sheet, f"XML error: {(exc.msg or 'not well-formed').split(', line ')[0]}", exc.lineno
            ) from None
    index = {col: i for i, col in enumerate(sorted(used))}
    rows = []
    for row_no, cells in sparse:
        values = [""] * (index[max(cells)] + 1)
        for col, text in cells.items():
            values[index[col]] = text
        rows.append((row_no, values))
    return rows
