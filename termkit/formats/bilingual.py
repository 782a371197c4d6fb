"""Bilingual files (TMX, XLIFF) as translation units, the reader picked by extension or content."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from ..model import TranslationUnit

TMX_SUFFIXES = (".tmx",)
XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".xlz")


def is_bilingual(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() in TMX_SUFFIXES + XLIFF_SUFFIXES


def read_bilingual(path: str | os.PathLike) -> list[TranslationUnit]:
    """Read a TMX or XLIFF file (by extension; an ``.xml`` file by its root element)."""
    suffix = Path(path).suffix.lower()
    if suffix in TMX_SUFFIXES:
        from .tmx import read_tmx

        return read_tmx(path)
    if suffix in XLIFF_SUFFIXES:
        from .xliff import read_xliff

        return read_xliff(path)
    if suffix == ".xml":
        from .xmlsafe import local_name, parse_xml

        root = local_name(parse_xml(path).getroot())
        if root == "tmx":
            from .tmx import read_tmx

            return read_tmx(path)
        if root == "xliff":
            from .xliff import read_xliff

            return read_xliff(path)
    raise InputError("not a bilingual file (expected .tmx, .xlf or .xliff)", str(path))
