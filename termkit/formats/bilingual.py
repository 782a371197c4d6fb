"""Bilingual files (TMX, XLIFF, two-column tables in Word or Excel) as translation units, the reader
picked by the format registry (by extension; an ``.xml`` file by its root element, a ``.docx`` by
its tables)."""

from __future__ import annotations

import os

from ..errors import InputError
from ..model import TranslationUnit
from .clean import clean_text, needs_cleaning
from .registry import bilingual_format


def read_bilingual(path: str | os.PathLike, pair: tuple[str, str] | None = None) -> list[TranslationUnit]:
    """Read a TMX, XLIFF or bilingual table file (by extension; an ``.xml`` file by its root
    element, a ``.docx`` by its tables).

    ``pair`` (``("en", "zh")``): from a TMX, those two languages of every unit wherever they are
    among its variants (a multilingual memory; see :func:`~termkit.formats.tmx.read_tmx_pair`);
    an XLIFF file has its own pair per ``<file>``."""
    return [_clean(u, path) for u in _read(path, pair)]


def _clean(unit: TranslationUnit, path) -> TranslationUnit:
    """Characters no writer can take (an XLIFF 2 ``<cp hex="D800"/>``) replaced, with a warning."""
    for field in ("source", "target", "note"):
        value = getattr(unit, field)
        if value and needs_cleaning(value):
            setattr(unit, field, clean_text(value, str(path), unit.line or 1))
    return unit


def _read(path, pair) -> list[TranslationUnit]:
    fmt = bilingual_format(path, look_inside=True)
    if fmt == "tmx":
        from .tmx import read_tmx, read_tmx_pair  # lxml

        return read_tmx_pair(path, *pair) if pair else read_tmx(path)
    if fmt == "xliff":
        from .xliff import read_xliff  # lxml

        return read_xliff(path)
    if fmt == "table":
        from .tables import read_table_units  # lxml, openpyxl

        return read_table_units(path)
    raise InputError("not a bilingual file (expected .tmx, .xlf or .xliff)", str(path))
