"""Word documents (.docx): the body's paragraphs and tables in reading order, as a Document.

Read from the OOXML parts directly (:mod:`.ooxml`: a zip and its XML, parsed safely), not through
python-docx: the reader decides what it reads, and resolves nothing.

- **Body**: paragraphs, and the paragraphs of table cells row by row, cell by cell, in the order
  Word shows them; content controls, smart tags, hyperlinks and field results are read as their
  text; text boxes follow the paragraph that anchors them. ``¶N`` is the N-th paragraph that holds
  text, in that order (empty paragraphs are not counted).
- **Tracked changes** read as accepted: insertions and moves in, deletions and moved-from text out;
  a paragraph whose mark was deleted runs on into the next. Hidden text (``w:vanish``) is left out.
- **Footnotes and endnotes** are notes, not part of the sentence that calls them: the reference
  becomes a superscript number (``¹``), as in text extracted from a PDF, and the note a paragraph
  of its own starting with that number — footnotes right after the paragraph that calls them,
  endnotes at the end — which the layout of :mod:`termkit.text.layout` keeps as footnotes. A
  note's place is the paragraph that calls it.
- **Left out**: headers and footers, comments, field instructions, deleted text, automatic list
  numbers (Word draws them; they are not in the text), math, and embedded objects.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .ooxml import Package
from .paragraphs import Paragraph, superscript, to_document
from .xmlsafe import local_name

_W_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  # Strict OOXML
    }
)
# Containers of paragraphs (block level) that are read through.
_BLOCK_CONTAINERS = frozenset(
    {"body", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "txbxContent", "AlternateContent", "Choice"}
)
# Inline elements whose subtree is never text: deletions, field codes, properties, VML fallbacks.
_SKIP = frozenset(
    {
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "delInstrText",
        "rPr",
        "pPr",
        "sdtPr",
        "Fallback",
        "commentReference",
        "footnoteRef",
        "endnoteRef",
        "annotationRef",
        "fldData",
        "oMath",
        "oMathPara",
        "object",
    }
)
_TRUE = ("", "1", "true", "on")


def _w(el) -> bool:
    tag = el.tag
    return isinstance(tag, str) and tag[1:].split("}", 1)[0] in _W_NAMESPACES


def _attr(el, name: str) -> str:
    for key, value in el.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return ""


def _flag(props, name: str) -> bool:
    """Is the on/off property ``name`` (``vanish``, ``del``) set in a properties element?"""
    if props is None:
        return False
    for child in props:
        if local_name(child) == name:
            return _attr(child, "val").lower() in _TRUE if name != "del" else True
    return False


def _child(el, name: str):
    for child in el:
        if local_name(child) == name:
            return child
    return None


class _Body:
    """Walks the main part and the notes; collects the paragraphs."""

    def __init__(self, notes: dict[str, dict[str, object]]):
        self.notes = notes  # "footnote"/"endnote" → id → <w:footnote>
        self.paragraphs: list[Paragraph] = []
        self.number = 0
        self.marks = 0  # note numbers given so far
        self.after: list[str] = []  # footnotes of the paragraph being read
        self.endnotes: list[str] = []
        self.carry = ""  # text of a paragraph whose mark was deleted (tracked), joined to the next
        self.boxes: list = []  # text boxes met inside the paragraph being read

    # -- blocks

    def block(self, el) -> None:
        for child in el:
            name = local_name(child)
            if name == "p":
                self.paragraph(child)
            elif name in _BLOCK_CONTAINERS:
                self.block(child)

    def paragraph(self, p) -> None:
        out: list[str] = []
        boxes: list = []
        self.boxes, saved = boxes, self.boxes
        self.inline(p, out)
        self.boxes = saved
        text = self.carry + "".join(out)
        self.carry = ""
        ppr = _child(p, "pPr")
        if ppr is not None and _flag(_child(ppr, "rPr"), "del"):
            self.carry = text  # the paragraph mark is deleted: the text runs on into the next
            return
        if text.strip():
            self.number += 1
            self.paragraphs.append(Paragraph(text, 0, self.number))
        for note in self.after:
            self.paragraphs.append(Paragraph(note, 0, self.number))
        self.after = []
        for box in boxes:
            self.block(box)

    # -- runs

    def inline(self, el, out: list[str]) -> None:
        for child in el:
            name = local_name(child)
            if name in _SKIP:
                continue
            if name == "t":
                if _w(child):
                    out.append(child.text or "")
            elif name in ("tab", "ptab"):
                out.append("\t")
            elif name in ("br", "cr"):
                out.append("\n")
            elif name == "noBreakHyphen":
                out.append("-")
            elif name in ("footnoteReference", "endnoteReference"):
                out.append(self.reference(name[: -len("Reference")], _attr(child, "id")))
            elif name == "txbxContent":
                self.boxes.append(child)
            elif name == "r" and _flag(_child(child, "rPr"), "vanish"):
                continue
            elif name == "p":  # a paragraph inside a run: only in a text box's fallback; read as a box
                self.boxes.append(child)
            else:
                self.inline(child, out)

    def reference(self, kind: str, note_id: str) -> str:
        note = self.notes.get(kind, {}).get(note_id)
        if note is None:
            return ""
        self.marks += 1
        mark = superscript(self.marks)
        texts = []
        for p in note.iter():
            if local_name(p) == "p" and _w(p):
                out: list[str] = []
                self.inline(p, out)
                texts.append("".join(out).strip())
        body = " ".join(t for t in texts if t)
        if body:
            (self.after if kind == "footnote" else self.endnotes).append(f"{mark} {body}")
        return mark


def _notes(pkg: Package, main: str) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for rel in pkg.rels(main):
        kind = rel.type.rsplit("/", 1)[-1]
        if kind in ("footnotes", "endnotes") and pkg.has(rel.target):
            notes = {}
            for el in pkg.part(rel.target):
                if local_name(el) in ("footnote", "endnote") and _attr(el, "type") in ("", "normal"):
                    notes[_attr(el, "id")] = el
            out[kind[:-1]] = notes
    return out


def _body(pkg: Package):
    main = pkg.main_part()
    root = pkg.part(main)
    body = _child(root, "body")
    if body is None or local_name(root) != "document":
        raise InputError("not a Word document (the main part has no <w:body>)", pkg.shown)
    return main, body


def read_paragraphs(path: str | os.PathLike) -> list[Paragraph]:
    """The paragraphs of a .docx file in reading order, notes included (see the module's notes)."""
    with Package(path, ".docx") as pkg:
        pkg.check_all_rels()
        main, body = _body(pkg)
        reader = _Body(_notes(pkg, main))
        reader.block(body)
        if reader.carry.strip():
            reader.number += 1
            reader.paragraphs.append(Paragraph(reader.carry, 0, reader.number))
        reader.paragraphs.extend(Paragraph(note, 0, reader.number) for note in reader.endnotes)
        return reader.paragraphs


def read_docx(path: str | os.PathLike, doc_id: str | None = None, lang: str = "zh") -> Document:
    """Read a .docx file into a Document whose places are its paragraphs (``file.docx:¶12``)."""
    return to_document(read_paragraphs(path), str(path), doc_id or Path(path).stem, lang, "Word document")


def read_tables(path: str | os.PathLike) -> tuple[list[list[list[str]]], int]:
    """The body's tables as rows of cell texts (a cell's paragraphs joined by a line break;
    nested tables left out), and the number of paragraphs with text outside every table."""
    with Package(path, ".docx") as pkg:
        pkg.check_all_rels()
        main, body = _body(pkg)
        reader = _Body({})
        tables: list[list[list[str]]] = []
        outside = 0

        def cell_text(tc) -> str:
            reader.paragraphs = []
            for child in tc:
                if local_name(child) == "p":
                    reader.paragraph(child)
                elif local_name(child) in ("sdt", "sdtContent", "customXml"):
                    reader.block(child)
            return "\n".join(p.text.strip() for p in reader.paragraphs)

        def walk(el) -> None:
            nonlocal outside
            for child in el:
                name = local_name(child)
                if name == "tbl":
                    rows = []
                    for tr in child.iter():
                        if local_name(tr) == "tr" and tr.getparent() is not None:
                            cells = [cell_text(tc) for tc in tr if local_name(tc) == "tc"]
                            if _owner_table(tr) is child:
                                rows.append(cells)
                    tables.append(rows)
                elif name == "p":
                    out: list[str] = []
                    reader.inline(child, out)
                    outside += bool("".join(out).strip())
                elif name in ("sdt", "sdtContent", "customXml"):
                    walk(child)

        walk(body)
        return tables, outside


def _owner_table(tr):
    el = tr.getparent()
    while el is not None and local_name(el) != "tbl":
        el = el.getparent()
    return el
