"""Reading a corpus into segmented documents: the first stage every command shares.

A file becomes a Document through :func:`termkit.formats.txt.read_text`, which hands Word, PDF
and HTML files to their own readers (:mod:`termkit.formats.docx`, :mod:`~termkit.formats.pdf`,
:mod:`~termkit.formats.html`): their text is one paragraph a line, and ``Document.places`` keeps
each paragraph's page and number, so that every later stage works on them unchanged and a
finding points back to ``file.pdf:p3:¶2``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from .formats.txt import read_corpus
from .model import Document, Segment
from .text.chars import hanzi_ratio
from .text.segment import segment


def detect_lang(text: str) -> str:
    """``zh`` when hanzi make up a fair share of the text, else ``en``."""
    return "zh" if hanzi_ratio(text[:20000]) >= 0.2 else "en"


def segment_document(doc: Document, lang: str | None = None) -> Document:
    """Fill ``doc.segments`` (and ``doc.lang`` when ``lang`` is ``auto`` or None)."""
    if lang in (None, "auto"):
        doc.lang = detect_lang(doc.text)
    else:
        doc.lang = lang
    doc.segments = segment(doc.text, lang=doc.lang, doc_id=doc.id)
    return doc


def load_documents(
    paths: Iterable[str | os.PathLike], lang: str | None = "auto", encoding: str | None = None
) -> Iterator[Document]:
    """Read and segment every file of a corpus (files, or folders of text, Word, PDF and HTML
    files), lazily."""
    for doc in read_corpus(paths, encoding=encoding):
        yield segment_document(doc, lang)


def iter_segments(docs: Iterable[Document]) -> Iterator[Segment]:
    for doc in docs:
        yield from doc.segments
