"""Plain data objects that flow between the stages (read → normalize → mine → match → check → report).

Offsets are always character offsets into ``Document.text``, the text exactly as read, so that
every result can point back at the place it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .text.chars import piece_joiner


@dataclass
class Segment:
    """A sentence (or heading, list item, footnote) of a document.

    ``text == document.text[start:end]`` always holds. ``label`` is the paragraph number or
    list marker that introduced it (``12.``, ``(a)``, ``一.``), kept out of ``text``; ``kind`` is
    ``sentence``, ``heading`` or ``footnote``.

    A sentence broken across lines (or around a page's footnotes) in PDF-extracted text has
    ``parts``: the original spans of its pieces in reading order. ``content`` joins them, without
    the line breaks and footnotes in between; it is what matching and mining read.
    """

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    label: str = ""
    kind: str = "sentence"
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def content(self) -> str:
        if not self.parts:
            return self.text
        pieces = [self.text[s - self.start:e - self.start] for s, e in self.parts]
        return join_pieces(pieces)


def join_pieces(pieces: list[str]) -> str:
    """Join the pieces of a broken sentence: nothing between Chinese, a space between Latin words."""
    out = pieces[0]
    for piece in pieces[1:]:
        out += piece_joiner(out, piece) + piece
    return out


@dataclass
class Document:
    """One input text. ``text`` is the decoded file content, unchanged (line endings included)."""

    id: str
    text: str
    path: Optional[str] = None
    lang: str = "zh"
    encoding: Optional[str] = None
    segments: list[Segment] = field(default_factory=list)

    def __repr__(self) -> str:  # the full text would flood tracebacks and test output
        return f"Document(id={self.id!r}, path={self.path!r}, lang={self.lang!r}, chars={len(self.text)})"
