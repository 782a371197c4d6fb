"""A document read from paragraphs (DOCX, PDF, HTML) as the text every later stage reads.

The readers of formats with paragraphs of their own hand over a list of :class:`Paragraph`;
:func:`to_document` writes them one a line, a blank line between two, and keeps where each starts
(``Document.places``) so that a finding points back to its page and paragraph. The text then goes
through the same layout and segmentation as a text file (:mod:`termkit.text.layout`): a line that
stops in the middle of a sentence is joined to the next, a line that starts with a superscript
number (¹) is a footnote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Document

SUPERSCRIPTS = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def superscript(n: int | str) -> str:
    """``12`` → ``¹²``: a note's number as it stands in text extracted from a PDF."""
    return str(n).translate(SUPERSCRIPTS)


@dataclass
class Paragraph:
    """One paragraph of a document: its text (no blank line inside), its page (0: none) and its
    number (in the document, or on its page). ``breaks`` are the offsets in ``text`` where it
    goes on over a page break, with the page and paragraph number there."""

    text: str
    page: int = 0
    number: int = 0
    breaks: list[tuple[int, int, int]] = field(default_factory=list)


def to_document(
    paragraphs: list[Paragraph], path: str, doc_id: str, lang: str = "zh", what: str = "document"
) -> Document:
    """The paragraphs as a Document with its places; a document without text is an error."""
    pieces: list[str] = []
    places: list[tuple[int, int, int]] = []
    offset = 0
    for p in paragraphs:
        text = p.text.replace("\r", "").strip("\n")
        while "\n\n" in text:
            text = text.replace("\n\n", "\n")
        if not text.strip():
            continue
        if pieces:
            offset += 2
        places.append((offset, p.page, p.number))
        places.extend((offset + at, page, number) for at, page, number in p.breaks if 0 < at < len(text))
        pieces.append(text)
        offset += len(text)
    if not pieces:
        raise InputError(f"the {what} has no text", path)
    return Document(id=doc_id, text="\n\n".join(pieces), path=path, lang=lang, places=places)
