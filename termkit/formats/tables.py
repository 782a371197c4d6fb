"""Bilingual tables: two columns, English | Chinese (or Chinese | English), as many agencies
deliver translations — a Word table or the first sheet of a workbook — read as translation units.

A row is a unit when one of its two cells is English and the other Chinese; the side that holds
the hanzi is Chinese. A header row that names the languages (``English | 中文``, ``en | zh``,
``Source | Target``) is skipped. A Word document is a bilingual table when its two-column tables
hold at least four fifths of its paragraphs and at least four fifths of their rows with text are
English–Chinese pairs (:func:`is_bilingual_docx`); otherwise it is read as a document. Units are
named by their place: ``t1r5`` (table 1, row 5) in a Word file, ``r5`` (row 5) in a workbook.
"""

from __future__ import annotations

import os
import re

from ..errors import InputError
from ..model import TranslationUnit
from ..text.chars import hanzi_ratio

_LATIN_RE = re.compile(r"[A-Za-z]")
_HEADER_WORDS = frozenset(
    """en eng english zh zh-cn zh-hans zh_cn cn chinese 英文 英语 中文 汉语 source target 原文 译文 src tgt""".split()
)
MIN_SHARE = 0.8


def _side(text: str) -> str:
    """``zh``, ``en`` or ``""`` (empty, or neither)."""
    if not text.strip():
        return ""
    if hanzi_ratio(text) >= 0.2:
        return "zh"
    return "en" if _LATIN_RE.search(text) else ""


def _is_header(cells: list[str]) -> bool:
    return all(c.strip().lower() in _HEADER_WORDS for c in cells[:2] if c.strip())


def pairs(rows: list[tuple[str, list[str]]]) -> tuple[list[tuple[str, str, str, bool]], int]:
    """``(id, en, zh, zh_is_right)`` for the English–Chinese rows of a two-column table, and the
    number of rows with text that are not such a pair."""
    out = []
    other = 0
    for n, (row_id, cells) in enumerate(rows):
        cells = [c for c in cells]
        while len(cells) > 2 and not cells[-1].strip():
            cells.pop()
        if not any(c.strip() for c in cells):
            continue
        if n == 0 and _is_header(cells):
            continue
        if len(cells) != 2:
            other += 1
            continue
        sides = (_side(cells[0]), _side(cells[1]))
        if sides == ("en", "zh"):
            out.append((row_id, cells[0].strip(), cells[1].strip(), True))
        elif sides == ("zh", "en"):
            out.append((row_id, cells[1].strip(), cells[0].strip(), False))
        else:
            other += 1
    return out, other


def _units(found: list[tuple[str, str, str, bool]]) -> list[TranslationUnit]:
    right = sum(1 for *_, zh_right in found if zh_right)
    src_is_en = right * 2 >= len(found)  # the table's direction: its left column is the source
    units = []
    for row_id, en, zh, _ in found:
        if src_is_en:
            units.append(TranslationUnit(row_id, en, zh, "en", "zh"))
        else:
            units.append(TranslationUnit(row_id, zh, en, "zh", "en"))
    return units


def _docx_rows(path) -> tuple[list[tuple[str, list[str]]], int, int]:
    from .docx import read_tables

    tables, outside = read_tables(path)
    rows = []
    other_paragraphs = outside
    for t, table in enumerate(tables, 1):
        if any(len([c for c in r if c.strip()]) > 2 for r in table):
            other_paragraphs += sum(1 for r in table for c in r if c.strip())
            continue
        rows += [(f"t{t}r{r}", cells) for r, cells in enumerate(table, 1)]
    return rows, other_paragraphs, len(tables)


def is_bilingual_docx(path: str | os.PathLike) -> bool:
    """Is this Word document a two-column English–Chinese table (see the module's notes)?"""
    rows, outside, _ = _docx_rows(path)
    found, other = pairs(rows)
    in_tables = len(found) + other
    return bool(found) and outside <= (1 - MIN_SHARE) * (in_tables + outside) and other <= (1 - MIN_SHARE) * in_tables


def read_table_units(path: str | os.PathLike) -> list[TranslationUnit]:
    """The English–Chinese rows of a two-column Word table or workbook sheet as translation units."""
    shown = str(path)
    if os.path.splitext(shown)[1].lower() in (".xlsx", ".xlsm"):
        from .xlsx import read_rows

        rows = [(f"r{n}", cells) for n, cells in read_rows(path)]
        where = "the first sheet"
    else:
        rows, _, n_tables = _docx_rows(path)
        if not n_tables:
            raise InputError("no table in the Word document: not a bilingual table", shown)
        where = "its tables"
    found, _ = pairs(rows)
    if not found:
        raise InputError(f"no rows with English in one column and Chinese in the other in {where}", shown)
    return _units(found)
