"""Plain text files and folders of documents.

:func:`read_text` is what every command reads a document with: a Word, PDF or HTML file (by
extension, or by content for another name: :func:`termkit.formats.registry.document_format`)
goes to its own reader (:mod:`.docx`, :mod:`.pdf`, :mod:`.html`), which hands back a Document
like a text file's; :func:`corpus_files` lists what a folder holds of all four.

Encodings: UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, UTF-16 without BOM, GB18030
(a superset of GBK and GB2312) and Big5 (read as cp950). Detection, in order: a BOM; valid
UTF-8; UTF-16 by the pattern of its zero bytes; otherwise the legacy Chinese encoding whose
decoding looks most like Chinese text (hanzi and Chinese punctuation, not the kana, Greek,
box-drawing, private-use or vertical forms that a wrong guess produces). ``encoding=`` overrides.
"""

from __future__ import annotations

import codecs
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, display_path
from ..model import Document
from .clean import clean_text, needs_cleaning
from .limits import read_limited
from .registry import DOCUMENT_SUFFIXES, document_format, is_document

#: File name endings of text files (explicitly named files are read whatever their name).
TEXT_SUFFIXES = (".txt", ".text")
#: File name endings read when a folder is given: text, Word, PDF and HTML.
CORPUS_SUFFIXES = tuple(DOCUMENT_SUFFIXES)
#: A longer line is not running text (a dump, a minified file): refused rather than segmented.
MAX_LINE_CHARS = 1_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "cp950")


def _plausibility(text: str) -> float:
    """Share of the non-ASCII characters that belong in Chinese prose."""
    total = good = 0
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            continue
        total += 1
        if (
            0x4E00 <= o <= 0x9FFF  # CJK unified ideographs
            or 0x3000 <= o <= 0x3011  # 、。〈〉《》「」『』【】
            or 0x2010 <= o <= 0x2027  # dashes, quotes, ellipsis
            or 0xFF01 <= o <= 0xFF5E  # full-width forms
            or o in (0x00B7, 0x00D7, 0x2030, 0x2103, 0x00B0, 0x00A7)
        ):
            good += 1
    return good / total if total else 1.0


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when zero bytes sit on one side of the code units (ASCII-rich text)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    # ASCII characters put a zero byte on one side; hanzi rarely have a zero low byte.
    if odd > 0.05 * half and even * 10 < odd:
        return "utf-16-le"
    if even > 0.05 * half and odd * 10 < even:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes, path: str = "<bytes>") -> str:
    """Name of the codec that decodes ``data``; raises InputError for binary or undecodable data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if b"\x00" not in data:
            return "utf-8"
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            if _plausibility(data.decode(utf16)) >= 0.8:
                return utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        pos = data.index(b"\x00")
        raise InputError(f"not a text file (NUL byte at byte {pos})", path)
    best, best_score = None, 0.0
    for name in _LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if score > best_score:
            best, best_score = name, score
    if best is None or best_score < 0.8:
        raise InputError(
            "cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text (use --encoding to name the encoding)",
            path,
        )
    return best


def decode(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode file content; returns ``(text, encoding)``."""
    name = encoding or detect_encoding(data, path)
    try:
        text = data.decode(name)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path) from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"cannot decode as {name} (byte {exc.start})", path, line) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError("not a text file (NUL character)", path, line)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, name


def read_text(
    path: str | os.PathLike, encoding: str | None = None, doc_id: str | None = None, lang: str = "zh"
) -> Document:
    """Read one text file into a Document (text unchanged: no normalization, line endings kept).

    A Word, PDF or HTML file is read by its own reader (``encoding`` does not apply); its
    Document's ``places`` say where each paragraph (and page) starts."""
    p = Path(path)
    shown = str(path)
    if p.is_dir():
        raise InputError("is a directory, expected a file", shown)
    if p.exists() and not (p.is_file() or p.is_fifo()):
        raise InputError("not a regular file (a device or a socket); expected a text file or a document", shown)
    fmt = document_format(p) if p.is_file() else "text"
    if fmt != "text":
        doc = _read_other(p, fmt, display_path(doc_id or p.stem), lang)
        doc.text = clean_text(doc.text, shown)
        doc.path = display_path(doc.path or shown)
        return doc
    data = read_limited(p, what="a text file")
    if not data:
        raise InputError("empty file", shown)
    text, used = decode(data, shown, encoding)
    if not text.strip():
        raise InputError("file has no text (only white space)", shown)
    _check_line_lengths(text, shown)
    text = clean_text(text, shown)
    return Document(id=display_path(doc_id or p.stem), text=text, path=display_path(shown), lang=lang, encoding=used)


def _read_other(path: Path, fmt: str, doc_id: str, lang: str) -> Document:
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(path, doc_id, lang)
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(path, doc_id, lang)
    from .html import read_html

    return read_html(path, doc_id, lang)


def _check_line_lengths(text: str, path: str) -> None:
    if len(text) <= MAX_LINE_CHARS:
        return
    for n, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE_CHARS:
            raise InputError(
                f"line of {len(line):,} characters (the limit is {MAX_LINE_CHARS:,}): not running text", path, n
            )


def corpus_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named, plus the documents found under named folders — text (``*.txt``), Word
    (``*.docx``), PDF (``*.pdf``) and HTML (``*.html``, ``*.htm``) — in a stable order.

    Inside a folder, a symbolic link that leads outside it is skipped with a warning: reading a
    folder never reads files elsewhere (name such a file itself to read it)."""
    files: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found = _inside(p, sorted(f for f in p.rglob("*") if is_document(f) and f.is_file()))
            if not found:
                raise InputError("folder holds no text files or documents (*.txt, *.docx, *.pdf, *.html)", str(path))
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise InputError("no such file or folder", str(path))
    return files


def _inside(folder: Path, found: list[Path]) -> list[Path]:
    root = folder.resolve()
    kept = []
    for f in found:
        real = f.resolve()
        if real.is_relative_to(root):
            kept.append(f)
        else:
            logging.getLogger("termkit.warnings").warning(
                "%s: a link to %s, outside the folder %s: skipped (name the file itself to read it)",
                display_path(f),
                display_path(real),
                display_path(folder),
            )
    return kept


def read_corpus(
    paths: Iterable[str | os.PathLike], encoding: str | None = None, lang: str = "zh"
) -> Iterator[Document]:
    """Read every file of a corpus (files and folders), one Document at a time.

    Document ids are the file stems; when two files share a stem, the later ones get their
    relative path as id so that ids stay unique.
    """
    seen: set[str] = set()
    for f in corpus_files(paths):
        doc_id = f.stem if f.stem not in seen else str(f)
        seen.add(doc_id)
        yield read_text(f, encoding=encoding, doc_id=doc_id, lang=lang)


# --- large files in parts --------------------------------------------------------------------------

#: Encodings in which a line feed is the byte 0x0A and no other character contains that byte,
#: so a file can be cut after any 0x0A and each part decoded on its own.
_LINE_SAFE = frozenset({"utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "cp950", "big5", "ascii"})
#: Bytes read to detect a large file's encoding.
HEAD_BYTES = 1 << 20


def file_encoding(path: str | os.PathLike, encoding: str | None = None) -> str:
    """The encoding of a file, detected on its first megabyte (cut at a line end)."""
    if encoding:
        return encoding
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
        more = fh.read(1)
    if more and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]  # never detect on a character cut in half
    return detect_encoding(head, str(path))


def text_parts(path: str | os.PathLike, part_bytes: int, encoding: str | None = None) -> list[tuple[int, int]]:
    """Byte ranges ``(start, end)`` that cut a file into parts of about ``part_bytes``, each ending
    at a line end, so that a file larger than memory can be read a part at a time. A file that
    is not larger than ``part_bytes``, or whose encoding cannot be cut at line ends (UTF-16,
    UTF-32), is one part."""
    size = os.path.getsize(path)
    if (
        size <= part_bytes
        or document_format(path) != "text"
        or codecs.lookup(file_encoding(path, encoding)).name not in _LINE_SAFE
    ):
        return [(0, size)]
    parts: list[tuple[int, int]] = []
    start = 0
    with open(path, "rb") as fh:
        while start < size:
            fh.seek(min(start + part_bytes, size))
            end = fh.tell()
            while end < size:  # on to the next line end
                block = fh.read(1 << 16)
                if not block:
                    end = size
                    break
                nl = block.find(b"\n")
                if nl >= 0:
                    end += nl + 1
                    break
                end += len(block)
            end = min(end, size)
            parts.append((start, end))
            start = end
    return parts


def read_text_part(
    path: str | os.PathLike,
    start: int,
    end: int,
    encoding: str | None = None,
    doc_id: str | None = None,
    lang: str = "zh",
) -> Document:
    """One part of a text file (see :func:`text_parts`) as a Document; errors name the line of
    the whole file."""
    shown = str(path)
    used = file_encoding(path, encoding)
    with open(path, "rb") as fh:
        fh.seek(start)
        data = fh.read(end - start)
    try:
        text, used = decode(data, shown, used)
        _check_line_lengths(text, shown)
    except InputError as exc:
        if exc.line is not None and start:
            raise InputError(exc.message, shown, exc.line + _lines_before(path, start)) from None
        raise
    if needs_cleaning(text):
        text = clean_text(text, shown, 1 + (_lines_before(path, start) if start else 0))
    return Document(
        id=display_path(doc_id or Path(path).stem), text=text, path=display_path(shown), lang=lang, encoding=used
    )


def _lines_before(path: str | os.PathLike, offset: int) -> int:
    n = 0
    with open(path, "rb") as fh:
        while fh.tell() < offset:
            block = fh.read(min(1 << 20, offset - fh.tell()))
            if not block:
                break
            n += block.count(b"\n")
    return n
