"""PDF files: the text layer, page by page, in reading order, as a Document.

Library: **pdfminer.six** (MIT). It gives every character with its position, size and font, which
is what telling a running header, a page number, a footnote or a paragraph end apart needs
(:mod:`.pdf_layout` does that from the geometry), and it decodes the predefined CJK CMaps
(Adobe-GB1 ``UniGB-UCS2-H`` and the like) that Chinese PDFs use without embedding a ``ToUnicode``
table. pypdf (BSD) extracts text without the per-character geometry; pdfplumber (MIT) is
pdfminer.six with a table finder and an image renderer on top that termkit does not need;
PyMuPDF is AGPL.

Bad input gets a one-line error, never a traceback or a hang: a file that is not a PDF, a damaged
one (broken cross-reference table, truncated), an encrypted one that needs a password, one
without a text layer (scanned: run OCR first) or whose fonts have no Unicode mapping. A PDF larger
than ``TERMKIT_MAX_PDF_MB`` (256 by default) is refused, and so is a page whose content streams
unpack to more than ``TERMKIT_MAX_XML_MB`` (64) or whose reading takes longer than
``TERMKIT_PDF_PAGE_SECONDS`` (20) — a compressed stream bomb or a page built to make the reader
loop.
"""

from __future__ import annotations

import logging
import os
import time
import zlib
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .paragraphs import to_document
from .pdf_layout import Char, layout
from .xmlsafe import max_xml_bytes

DEFAULT_MAX_PDF_MB = 256
DEFAULT_PAGE_SECONDS = 20.0
#: Share of characters without a Unicode mapping above which the text layer is unusable.
MAX_UNMAPPED = 0.3


def _env_number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


class _Slow(Exception):
    pass


def _interpreter_class():
    from pdfminer.pdfinterp import PDFPageInterpreter

    class Interpreter(PDFPageInterpreter):
        """Checks the clock while it reads a page's content (its operands and operators)."""

        ticks = 0

        def push(self, obj) -> None:
            self.ticks += 1
            if not self.ticks & 1023 and time.monotonic() > self.device.deadline:
                raise _Slow
            super().push(obj)

    return Interpreter


def _check_streams(page, path: str, number: int) -> None:
    """Refuse a page whose content streams unpack to more than the limit (a stream bomb): the
    Flate filter is undone a bounded part at a time, after the text filters that come before it."""
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, LITERALS_ASCIIHEX_DECODE, LITERALS_FLATE_DECODE, stream_value

    contents = page.contents if isinstance(page.contents, list) else [page.contents]
    limit = max_xml_bytes()
    total = 0
    for obj in contents:
        try:
            stream = stream_value(obj)
            data = stream.rawdata
            if data is None or stream.decipher is not None:
                data = stream.get_data()  # already decoded (or encrypted: decoded by pdfminer)
                filters = []
            else:
                filters = [f for f, _ in stream.get_filters()]
            for f in filters:
                if f in LITERALS_ASCII85_DECODE:
                    data = ascii85decode(data)
                elif f in LITERALS_ASCIIHEX_DECODE:
                    data = asciihexdecode(data)
                elif f in LITERALS_FLATE_DECODE:
                    data = zlib.decompressobj().decompress(data, limit + 1 - total)
                    break
                else:
                    break
        except Exception:
            continue  # the interpreter will say what is wrong with it
        total += len(data)
        if total > limit:
            raise InputError(
                f"refused: page {number}'s content unpacks to more than {limit / 2**20:,.2f} MB (a stream bomb?)", path
            )


def _chars(items, out: list[Char]) -> int:
    """The characters of a laid-out page (figures included); returns how many had no Unicode."""
    from pdfminer.layout import LTChar, LTContainer

    unmapped = 0
    for item in items:
        if isinstance(item, LTChar):
            text = item.get_text()
            if text.startswith("(cid:"):
                unmapped += 1
                continue
            if not item.upright or not text or item.size <= 0:
                continue
            out.append(Char(text, item.x0, item.x1, item.y0, item.y1, item.size))
        elif isinstance(item, LTContainer):
            unmapped += _chars(item, out)
    return unmapped


def read_pages(path: str | os.PathLike) -> list[tuple[float, float, list[Char]]]:
    """Each page's size and characters: ``(width, height, chars)``."""
    shown = str(path)
    p = Path(path)
    if p.is_dir():
        raise InputError("is a directory, expected a PDF file", shown)
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(1024)
    except FileNotFoundError:
        raise InputError("no such file", shown) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
    if b"%PDF-" not in head:
        raise InputError("not a PDF file (no %PDF- header)", shown)
    max_mb = _env_number("TERMKIT_MAX_PDF_MB", DEFAULT_MAX_PDF_MB)
    if size > max_mb * 2**20:
        raise InputError(
            f"PDF of {size / 2**20:,.0f} MB is larger than the {max_mb:,.0f} MB limit (raise TERMKIT_MAX_PDF_MB)", shown
        )
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings are about the file, not for users
    with open(p, "rb") as fh:
        return _read(fh, shown)


def _read(fh, shown: str) -> list[tuple[float, float, list[Char]]]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFNoValidXRef, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSEOF

    seconds = _env_number("TERMKIT_PDF_PAGE_SECONDS", DEFAULT_PAGE_SECONDS)
    number = 0
    pages = []
    unmapped = mapped = 0
    try:
        document = PDFDocument(PDFParser(fh), password="")
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=None)
        interpreter = _interpreter_class()(manager, device)
        for number, page in enumerate(PDFPage.create_pages(document), 1):
            _check_streams(page, shown, number)
            device.deadline = time.monotonic() + seconds
            interpreter.process_page(page)
            chars: list[Char] = []
            unmapped += _chars(device.get_result(), chars)
            mapped += len(chars)
            x0, y0, x1, y1 = page.cropbox or page.mediabox or (0, 0, 595, 842)
            if x0 or y0:
                for c in chars:
                    c.shift(x0, y0)
            pages.append((abs(x1 - x0), abs(y1 - y0), chars))
    except InputError:
        raise
    except _Slow:
        raise InputError(
            f"page {number} took longer than {seconds:g} s to read (raise TERMKIT_PDF_PAGE_SECONDS)", shown
        ) from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("encrypted PDF: it needs a password or an encryption termkit cannot open", shown) from None
    except PDFNoValidXRef:
        raise InputError("damaged PDF: no valid cross-reference table", shown) from None
    except PSEOF:
        raise InputError("damaged PDF: it ends too early (truncated?)", shown) from None
    except (MemoryError, RecursionError) as exc:
        raise InputError(
            f"refused: reading page {number} ran out of {type(exc).__name__[:-5].lower()}", shown
        ) from None
    except Exception as exc:  # a damaged or hostile file can make the parser raise anything
        where = f" (page {number})" if number else ""
        raise InputError(f"damaged PDF{where}: {type(exc).__name__}: {str(exc)[:120]}", shown) from None
    if not pages:
        raise InputError("the PDF has no pages", shown)
    if not mapped:
        raise InputError(
            "the PDF has no text layer (a scanned document? run OCR on it first)"
            if not unmapped
            else "the PDF's fonts have no Unicode mapping: its text cannot be extracted",
            shown,
        )
    if unmapped > MAX_UNMAPPED * (mapped + unmapped):
        raise InputError(
            f"{unmapped:,} of {mapped + unmapped:,} characters have no Unicode mapping in the PDF's fonts: "
            "its text cannot be extracted reliably",
            shown,
        )
    return pages


def read_pdf(path: str | os.PathLike, doc_id: str | None = None, lang: str = "zh") -> Document:
    """Read a PDF into a Document whose places are pages and paragraphs (``file.pdf:p3:¶2``)."""
    paragraphs = layout(read_pages(path))
    return to_document(paragraphs, str(path), doc_id or Path(path).stem, lang, "PDF")
