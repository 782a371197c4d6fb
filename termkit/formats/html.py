"""HTML pages (.html, .htm, .xhtml): the visible text of their block elements, as a Document.

Parsed with lxml's HTML parser (network off; comments and processing instructions dropped).
Scripts, styles, templates, ``<head>``, forms' option lists and elements marked ``hidden`` or
``aria-hidden="true"`` are left out. Every block element (paragraphs, headings, list items,
table cells, ``div``…) that holds text of its own is one paragraph; inline elements (``<a>``,
``<span>``, ``<sup>``…) are read as part of the paragraph around them, and ``<br>`` breaks a line; a line break of the page's source is a space, except between
hanzi (as browsers show it). A number in ``<sup>`` is a note reference, written ``¹`` as in text
extracted from a PDF.
``¶N`` is the N-th paragraph with text in document order.

Encoding: a byte-order mark, else the ``charset`` the page declares, else UTF-8 when the bytes
are valid UTF-8, else GB18030 (a superset of GBK and GB2312).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import InputError
from ..model import CJK_PUNCT, HANZI, Document
from .limits import max_xml_bytes, read_limited
from .paragraphs import Paragraph, superscript, to_document

_DROP = frozenset(
    {"script", "style", "template", "head", "noscript", "select", "datalist", "svg", "math", "iframe", "object"}
)
_BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p pre
    section summary table tbody td tfoot th thead tr ul""".split()
)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.I)
_SOURCE_BREAK = "\ue000"  # a line break in the page's source: white space, but none between hanzi
_CJK_BREAK_RE = re.compile(
    f"(?<=[{HANZI}{CJK_PUNCT}])[ \t]*{_SOURCE_BREAK}[ \t{_SOURCE_BREAK}]*(?=[{HANZI}{CJK_PUNCT}])"
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    m = _CHARSET_RE.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        if name in ("gb2312", "gbk", "x-gbk"):
            name = "gb18030"  # what pages labelled GB2312 really are
        try:
            "".encode(name)
            return name
        except LookupError:
            pass
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def _hidden(el) -> bool:
    return el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true"


class _Walker:
    def __init__(self):
        self.paragraphs: list[Paragraph] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = _CJK_BREAK_RE.sub("", "".join(self.buffer)).replace(_SOURCE_BREAK, " ")
        text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
        text = "\n".join(part.strip() for part in text.split("\n"))
        self.buffer = []
        if text.strip():
            self.paragraphs.append(Paragraph(text.strip(), 0, len(self.paragraphs) + 1))

    def walk(self, el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in _DROP or _hidden(el):
            if el.tail and tag != "html":
                self.buffer.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        if tag == "br":
            self.buffer.append("\n")
        elif tag == "pre" and el.text:
            self.buffer.append(el.text)
        elif tag == "sup" and (el.text or "").strip().isdigit() and not len(el):
            self.buffer.append(superscript(el.text.strip()))  # a note reference, as in a PDF's text
        elif el.text:
            self.buffer.append(el.text.replace("\n", _SOURCE_BREAK))
        for child in el:
            self.walk(child)
        if block:
            self.flush()
        if el.tail:
            self.buffer.append(el.tail.replace("\n", _SOURCE_BREAK))


def read_paragraphs(path: str | os.PathLike) -> list[Paragraph]:
    """The paragraphs of an HTML page, in document order."""
    from lxml import etree
    from lxml import html as lxml_html

    shown = str(path)
    p = Path(path)
    if p.is_dir():
        raise InputError("is a directory, expected an HTML file", shown)
    data = read_limited(p, max_xml_bytes(), "an HTML file", "HTML")
    if not data.strip():
        raise InputError("empty file", shown)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("not an HTML file (NUL bytes)", shown)
    parser = lxml_html.HTMLParser(
        encoding=_encoding(data), remove_comments=True, remove_pis=True, no_network=True, default_doctype=False
    )
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse the HTML: {exc}", shown) from None
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return walker.paragraphs


def read_html(path: str | os.PathLike, doc_id: str | None = None, lang: str = "zh") -> Document:
    """Read an HTML page into a Document whose places are its paragraphs (``page.html:¶12``)."""
    return to_document(read_paragraphs(path), str(path), doc_id or Path(path).stem, lang, "HTML page")
