"""Word and PDF files generated for the tests and the benchmark (no binary is kept in git).

``make_docx`` writes a .docx with python-docx and adds what python-docx cannot write (footnotes,
endnotes, tracked changes) to its XML; ``make_pdf`` lays paragraphs out on A4 pages with
reportlab's built-in CID font STSong-Light (no font file needed): a running header, a page number
and a job number on every page, footnotes at the foot of the page in a smaller size, note
references as small raised digits. ``seed_blocks`` turns a seed's text into the paragraphs and
notes of such a document, the way its PDF was laid out before it was extracted.

Inline markup in a paragraph: ``{fn:text}`` a footnote, ``{en:text}`` an endnote, ``{ins:text}`` an
insertion and ``{del:text}`` a deletion (tracked changes), ``{comment:text}`` a comment on the
text before it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from termkit.text.layout import is_footnote_line

MARKUP_RE = re.compile(r"\{(fn|en|ins|del|comment):([^{}]*)\}")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NOTE_PART = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:{kind}s xmlns:w="' + W + '">'
    '<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    '<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
    "{notes}</w:{kind}s>"
)
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}s"
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- Word ------------------------------------------------------------------------------------


def make_docx(path, blocks, header: str = "", footer: str = "") -> Path:
    """Write ``blocks`` (paragraph strings with inline markup, or ``("table", rows)``) as a .docx."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    notes = {"footnote": [], "endnote": []}
    change = [0]

    def run_el(text: str, deleted: bool = False):
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText" if deleted else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        return r

    def fill(paragraph, text: str) -> None:
        pos = 0
        last_run = None
        for m in MARKUP_RE.finditer(text):
            if m.start() > pos:
                last_run = paragraph.add_run(text[pos : m.start()])
            kind, body = m.groups()
            if kind in ("fn", "en"):
                name = "footnote" if kind == "fn" else "endnote"
                notes[name].append(body)
                r = OxmlElement("w:r")
                ref = OxmlElement(f"w:{name}Reference")
                ref.set(qn("w:id"), str(len(notes[name])))
                r.append(ref)
                paragraph._p.append(r)
            elif kind in ("ins", "del"):
                change[0] += 1
                el = OxmlElement(f"w:{kind}")
                el.set(qn("w:id"), str(change[0]))
                el.set(qn("w:author"), "reviser")
                el.set(qn("w:date"), "2024-01-30T00:00:00Z")
                el.append(run_el(body, deleted=kind == "del"))
                paragraph._p.append(el)
            elif kind == "comment" and last_run is not None:
                document.add_comment(last_run, text=body, author="reviewer")
            pos = m.end()
        if pos < len(text):
            paragraph.add_run(text[pos:])

    for block in blocks:
        if isinstance(block, tuple) and block[0] == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    fill(table.cell(i, j).paragraphs[0], cell)
        else:
            fill(document.add_paragraph(), block)
    path = Path(path)
    document.save(path)
    for kind, bodies in notes.items():
        if bodies:
            _add_notes(path, kind, bodies)
    return path


def _add_notes(path: Path, kind: str, bodies: list[str]) -> None:
    """Add a footnotes or endnotes part (python-docx writes none) and its relationship."""
    notes = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {_xml_escape(b)}</w:t>'
        f"</w:r></w:p></w:{kind}>"
        for i, b in enumerate(bodies, 1)
    )
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    parts[f"word/{kind}s.xml"] = _NOTE_PART.format(kind=kind, notes=notes).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rel = f'<Relationship Id="rIdTk{kind}" Type="{_REL_TYPE.format(kind=kind)}" Target="{kind}s.xml"/>'
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", rel + "</Relationships>").encode()
    types = parts["[Content_Types].xml"].decode()
    override = f'<Override PartName="/word/{kind}s.xml" ContentType="{_CONTENT_TYPE.format(kind=kind)}"/>'
    parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


# -- PDF -------------------------------------------------------------------------------------

FONT = "STSong-Light"
PAGE_W, PAGE_H = 595.0, 842.0
MARGIN = 72.0


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(ch, FONT, size * (0.6 if ch in SUPERSCRIPT_DIGITS else 1)) for ch in text)


def _tokens(text: str) -> list[str]:
    """Words to wrap at: a Latin word with the space after it, or one other character."""
    return re.findall(r"[A-Za-z0-9.,;:()\-/%'’#@_]+ ?|\t|.", text)


def _wrap(text: str, size: float, width: float) -> list[str]:
    lines, line, used = [], "", 0.0
    for tok in _tokens(text):
        w = _width(tok, size) if tok != "\t" else 2 * size
        if used + w > width and line:
            lines.append(line.rstrip(" "))
            line, used = "", 0.0
            tok = tok.lstrip(" ")
            if not tok:
                continue
        line += tok
        used += w
    if line.strip():
        lines.append(line.rstrip(" "))
    return lines


def _draw(canvas, x: float, y: float, text: str, size: float) -> None:
    """Draw a line; superscript digits and tabs as a PDF draws them (small raised digits, a gap)."""
    for part in re.split(f"([{SUPERSCRIPT_DIGITS}\t])", text):
        if not part:
            continue
        if part == "\t":
            x += 2 * size
        elif part in SUPERSCRIPT_DIGITS:
            canvas.setFont(FONT, size * 0.6)
            canvas.drawString(x, y + size * 0.38, str(SUPERSCRIPT_DIGITS.index(part)))
            x += _width("0", size * 0.6)
            canvas.setFont(FONT, size)
        else:
            canvas.drawString(x, y, part)
            x += _width(part, size)


def make_pdf(
    path, paragraphs, header: str = "E/CN.7/2024/5", job: str = "V.24-00876", size: float = 11.0
) -> list[tuple[int, int]]:
    """Lay ``paragraphs`` out on A4 pages. A paragraph ``("note", text)`` is a footnote at the foot
    of the page where it falls; ``{fn:text}`` in a paragraph calls a footnote with a raised number.
    Every page has ``header`` (left on even pages, right on odd ones), ``job`` and its number.
    Returns where each paragraph that is not a note starts: its page and its number on the page
    (a paragraph that goes on from the page before is the page's first)."""
    from reportlab.pdfgen import canvas as rl_canvas

    _font()
    c = rl_canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    width = PAGE_W - 2 * MARGIN
    leading, gap, note_size = size * 1.35, size * 0.6, size * 0.8
    page = [1]
    y = [PAGE_H - MARGIN]
    notes: list[list[str]] = []  # the lines of this page's notes
    counter = [0]
    on_page = [0]  # paragraphs begun or continued on this page
    starts: list[tuple[int, int]] = []

    def notes_height(extra: list[list[str]] = ()) -> float:
        n = sum(len(x) for x in list(notes) + list(extra))
        return n * note_size * 1.3 + (note_size if n else 0)

    def finish_page() -> None:
        c.setFont(FONT, 9)
        if page[0] % 2:
            c.drawRightString(PAGE_W - MARGIN, PAGE_H - 40, header)
        else:
            c.drawString(MARGIN, PAGE_H - 40, header)
        c.drawString(MARGIN, 30, job)
        c.drawCentredString(PAGE_W / 2, 30, str(page[0]))
        ny = MARGIN - 10 + notes_height() - note_size
        if notes:
            c.line(MARGIN, ny + note_size * 1.3, MARGIN + 100, ny + note_size * 1.3)
        c.setFont(FONT, note_size)
        for note in notes:
            for line in note:
                _draw(c, MARGIN, ny, line, note_size)
                ny -= note_size * 1.3
        notes.clear()
        on_page[0] = 0
        c.showPage()
        c.setFont(FONT, size)
        page[0] += 1
        y[0] = PAGE_H - MARGIN

    c.setFont(FONT, size)
    for para in paragraphs:
        if isinstance(para, tuple):
            lines = _wrap(para[1], note_size, width)
            if y[0] - leading < MARGIN + notes_height([lines]):
                finish_page()
            notes.append(lines)
            continue
        body = []
        pending = []
        for part in re.split(r"(\{fn:[^{}]*\})", para):
            if part.startswith("{fn:"):
                counter[0] += 1
                body.append(SUPERSCRIPT_DIGITS[counter[0] % 10] if counter[0] < 10 else "*")
                pending.append(f"{body[-1]} {part[4:-1]}")
            else:
                body.append(part)
        lines = _wrap("".join(body), size, width)
        for k, line in enumerate(lines):
            called = [n for n in pending if n[0] in line]
            note_lines = [_wrap(n, note_size, width) for n in called]
            if y[0] - leading < MARGIN + notes_height(note_lines):
                finish_page()
            if k == 0 or on_page[0] == 0:
                on_page[0] += 1
                if k == 0:
                    starts.append((page[0], on_page[0]))
            _draw(c, MARGIN, y[0] - size, line, size)
            y[0] -= leading
            notes.extend(note_lines)
            pending = [n for n in pending if n not in called]
        y[0] -= gap
    finish_page()
    c.save()
    return starts


def undrawable(text: str) -> set[str]:
    """The characters of ``text`` that STSong-Light cannot draw (they do not come back out of the
    PDF): ``·``, ``©`` …; a tab and the superscript digits are drawn in their own way."""
    import tempfile

    from pdfminer.high_level import extract_text
    from reportlab.pdfgen import canvas as rl_canvas

    _font()
    chars = sorted(set(text) - set(SUPERSCRIPT_DIGITS) - set("\t\n\r "))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chars.pdf"
        c = rl_canvas.Canvas(str(path))
        for i in range(0, len(chars), 30):
            c.setFont(FONT, 10)
            c.drawString(20, 800, " ".join(chars[i : i + 30]))
            c.showPage()
        c.save()
        back = set(extract_text(str(path)))
    return {ch for ch in chars if ch not in back}


# -- seeds -----------------------------------------------------------------------------------


def seed_paragraphs(text: str) -> list:
    """A seed's lines as the paragraphs of its PDF: its footnote lines (``* E/CN.7/2024/1。``,
    ``¹ 包括…``) as notes at the foot of the page where they fall."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        out.append(("note", line) if is_footnote_line(line) else line)
    return out


def seed_blocks(text: str) -> list[str]:
    """A seed's lines as the paragraphs of a Word document: a numbered note (``¹ 包括…``) becomes
    a real footnote, called where the paragraph before it has the same superscript number."""
    blocks: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        m = re.match(f"([{SUPERSCRIPT_DIGITS}]+)\\s*(.*)", line)
        if m:
            mark, body = m.groups()
            for k in range(len(blocks) - 1, max(-1, len(blocks) - 6), -1):
                if isinstance(blocks[k], str) and mark in blocks[k] and "{fn:" not in blocks[k]:
                    i = blocks[k].rindex(mark)
                    blocks[k] = blocks[k][:i] + "{fn:" + body + "}" + blocks[k][i + len(mark) :]
                    break
            else:
                blocks.append(line)
            continue
        blocks.append(MARKUP_RE.sub(lambda m: m.group(0).replace("{", "｛").replace("}", "｝"), line))
    return blocks
