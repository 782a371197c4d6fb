"""Which English original goes with which Chinese document (:mod:`.bilingual`): by name but for a
language mark (``report.en.txt`` / ``report.zh.txt``, ``A_73_123-EN`` / ``…-ZH``), by the UN document
symbol on both cover pages (``E/CN.7/2024/1``), or as a pairs file says (``en<TAB>zh`` paths)."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..formats.limits import read_limited_text

COVER_LINES = 30
_SYMBOL_RE = re.compile(r"(?<![A-Za-z0-9/])([A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*){2,})")
# language marks at the end of a file name: report.en, A_73_123-EN, summary_zh-CN, 报告_中文
_LANG_MARK_RE = re.compile(
    r"[._\-\s]+(en|eng|english|e|zh|zh[-_]?cn|zh[-_]?hans|chi|chinese|cn|c|ch|中文|英文)$", re.IGNORECASE
)


@dataclass
class Pairing:
    """Which English original goes with which Chinese document, and what is left alone."""

    pairs: list[tuple[str, str]] = field(default_factory=list)  # (English path, Chinese path)
    unpaired_zh: list[str] = field(default_factory=list)
    unpaired_en: list[str] = field(default_factory=list)


def document_key(path: str | os.PathLike) -> str:
    """A file's name without extension and language mark: ``A_73_123-EN.txt`` → ``a_73_123``."""
    return _LANG_MARK_RE.sub("", Path(path).stem).lower()


def cover_symbol(path: str | os.PathLike) -> str:
    """The first UN document symbol on a text file's cover page (``E/CN.7/2024/1``), or ""."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = "".join(next(fh, "") for _ in range(COVER_LINES))
    except OSError:
        return ""
    m = _SYMBOL_RE.search(head)
    return m.group(1).rstrip(".") if m else ""


def pair_documents(
    zh_files: Sequence[str | os.PathLike], en_files: Sequence[str | os.PathLike], pairs_file: str | None = None
) -> Pairing:
    """Pair Chinese documents with their English originals: a pairs file (``en<TAB>zh`` paths, relative
    to the file's folder), else the same name but for a language mark, else the same UN symbol on
    both cover pages."""
    zh = [str(p) for p in zh_files]
    en = [str(p) for p in en_files]
    out = Pairing()
    taken_zh: set[str] = set()
    taken_en: set[str] = set()
    if pairs_file:
        for en_path, zh_path, _line in read_pairs_file(pairs_file):
            out.pairs.append((en_path, zh_path))
            taken_en.add(str(Path(en_path).resolve()))
            taken_zh.add(str(Path(zh_path).resolve()))
    free_zh = [p for p in zh if str(Path(p).resolve()) not in taken_zh]
    free_en = [p for p in en if str(Path(p).resolve()) not in taken_en]
    for key in (document_key, cover_symbol):
        by_key: dict[str, list[str]] = {}
        for p in free_en:
            k = key(p)
            if k:
                by_key.setdefault(k, []).append(p)
        still = []
        for p in free_zh:
            k = key(p)
            if k and len(by_key.get(k, [])) == 1 and by_key[k][0] in free_en:
                out.pairs.append((by_key[k][0], p))
                free_en.remove(by_key[k][0])
            else:
                still.append(p)
        free_zh = still
    out.unpaired_zh, out.unpaired_en = free_zh, free_en
    return out


def read_pairs_file(path: str | os.PathLike) -> list[tuple[str, str, int]]:
    """``en<TAB>zh`` lines (``#`` comments); paths relative to the pairs file's folder."""
    base = Path(path).parent
    out = []
    lines = read_limited_text(path, "a pairs file").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(x.strip() for x in parts):
            raise InputError("expected an English and a Chinese path separated by a tab", str(path), n)
        en_path, zh_path = (str(p if Path(p).is_absolute() else base / p) for p in (x.strip() for x in parts))
        for p in (en_path, zh_path):
            if not Path(p).is_file():
                raise InputError(f"no such file: {p}", str(path), n)
        out.append((en_path, zh_path, n))
    return out


def warn_unpaired(pairing: Pairing) -> None:
    """Name the documents left without a partner in a warning."""
    log = logging.getLogger("termkit.warnings")
    for paths, what in (
        (pairing.unpaired_zh, "Chinese document(s) without an English original, mined without English"),
        (pairing.unpaired_en, "English document(s) without a Chinese translation, left out"),
    ):
        if paths:
            shown = ", ".join(Path(p).name for p in paths[:5]) + (", …" if len(paths) > 5 else "")
            log.warning("%d %s: %s", len(paths), what, shown)
