"""The text of PDF pages from the position and size of their characters: lines in reading order,
running headers, footers and page numbers left out, footnotes apart, paragraphs rebuilt.

- **Lines**: characters whose boxes overlap vertically form a band; a band splits where a gap
  wider than three characters opens (columns, table cells). A page whose bands mostly split at one
  x (a gutter) is read column by column. A space is put where Latin letters or digits stand apart
  and the file drew none; none between hanzi. A digit (or ``*``) smaller than the line's text and
  raised above its baseline is a note reference, written as a superscript number (``¹``). A gap
  wider than one and a half characters is a tab stop (``\t``, as a table of contents has).
- **Running headers and footers**: a line among the first or last three of a page, in its top or
  bottom eighth, that is a page number (``12``, ``- 12 -``, ``第 12 页``, ``Page 3 of 9``, ``iv``)
  or that comes back on at least a fifth of the pages (two at least) with only its numbers
  changed (``E/CN.7/2024/5``, ``V.24-00876``).
- **Footnotes**: the lines at the foot of a page in a smaller size than the body text, from the
  first that starts with a note number; each note is one paragraph starting with its number as
  a superscript (``¹ 包括…``), placed after the paragraph the page break interrupts, so the
  layout of :mod:`termkit.text.layout` keeps it apart from the sentence that calls it.
- **Paragraphs**: a line ends its paragraph when the next one's first word would have fit in the
  room left at its end (the line is short), when the gap to the next line is wider than the
  usual line pitch, the size changes, the next line starts at a hanging or first-line indent, or
  a sentence ends and a paragraph number follows. A paragraph runs on over a page break unless
  its last line on the page is short or ends a sentence (the sentences are the same either way,
  and the place of what follows is paragraph 1 of the next page either way). Lines are joined the way :class:`termkit.model.Segment`
  joins broken lines: nothing next to Chinese, a space between Latin words, nothing after a
  hyphen that breaks a word.

Places: a paragraph's page and its number on that page in reading order (body paragraphs, then
the page's footnotes); a paragraph that goes on over a page break is paragraph 1 of the next page
from there.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ..model import is_cjk, piece_joiner
from ..text.layout import marker_length
from .paragraphs import Paragraph, superscript

SUPERSCRIPT_CHARS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_GAP = 3.0  # a horizontal gap wider than this many character sizes splits a band
_ZONE = 1 / 8  # the top and bottom of a page where running heads and page numbers are looked for
_EDGE_LINES = 3
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-–—\s]*(?:\d{1,4}|[ivxlcdm]{1,7})[-–—\s]*"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$",
    re.I,
)
_NOTE_START_RE = re.compile(rf"^(?:[{SUPERSCRIPT_CHARS}]+|\*+|\d{{1,3}}(?=\s|[^\d\s.,:/)）]))")
_TERMINAL = tuple("。！？!?.;；:：")
_SENTENCE_END = tuple("。！？!?")
_CLOSERS = "”’」』）)]】》\"'" + SUPERSCRIPT_CHARS


class Char:
    __slots__ = ("text", "x0", "x1", "y0", "y1", "size")

    def __init__(self, text: str, x0: float, x1: float, y0: float, y1: float, size: float):
        self.text, self.x0, self.x1, self.y0, self.y1, self.size = text, x0, x1, y0, y1, size

    def shift(self, dx: float, dy: float) -> None:
        self.x0 -= dx
        self.x1 -= dx
        self.y0 -= dy
        self.y1 -= dy


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float  # the size most of its characters have
    base: float  # its baseline (the bottom of those characters)
    first: float  # the width of its first word


# -- characters → lines ------------------------------------------------------------------------


def _bands(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped by vertical overlap, top to bottom."""
    bands: list[list[Char]] = []
    lo = hi = big = 0.0
    for c in sorted(chars, key=lambda c: -(c.y0 + c.y1)):
        h = c.y1 - c.y0
        if bands and min(hi, c.y1) - max(lo, c.y0) >= 0.4 * min(h, hi - lo):
            bands[-1].append(c)
            if c.size >= 0.85 * big:
                lo, hi, big = min(lo, c.y0), max(hi, c.y1), max(big, c.size)
            continue
        bands.append([c])
        lo, hi, big = c.y0, c.y1, c.size
    return bands


def _split(band: list[Char]) -> list[list[Char]]:
    """A band cut where a wide gap opens (columns, table cells); overprinted duplicates dropped."""
    band.sort(key=lambda c: c.x0)
    parts: list[list[Char]] = [[band[0]]]
    for c in band[1:]:
        prev = parts[-1][-1]
        if c.text == prev.text and abs(c.x0 - prev.x0) < 0.3 * max(c.x1 - c.x0, 0.1 * c.size):
            continue  # fake bold: the same glyph drawn twice
        if c.x0 - prev.x1 > _GAP * max(c.size, prev.size):
            parts.append([c])
        else:
            parts[-1].append(c)
    return parts


def _line(chars: list[Char]) -> Line | None:
    sizes = Counter(round(c.size, 1) for c in chars if not c.text.isspace())
    if not sizes:
        return None
    size = sizes.most_common(1)[0][0]
    main = sorted(c.y0 for c in chars if abs(c.size - size) < 0.1 * size)
    base = main[len(main) // 2]
    out: list[str] = []
    prev: Char | None = None
    for c in chars:
        text = c.text
        if text.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            prev = c
            continue
        if (text.isdigit() or text == "*") and c.size <= 0.8 * size and c.y0 >= base + 0.2 * size:
            text = superscript(text)
        elif prev is not None and out and out[-1] not in (" ", "\t"):
            gap = c.x0 - prev.x1
            if gap > 1.5 * size:
                out.append("\t")  # a tab stop (a table of contents: 总体成就\t4)
            elif gap > 0.25 * size and not (is_cjk(out[-1][-1]) or is_cjk(text[0]) or text[0] in SUPERSCRIPT_CHARS):
                out.append(" ")
        out.append(text)
        prev = c
    text = "".join(out).strip()
    if not text:
        return None
    visible = [c for c in chars if not c.text.isspace()]
    first = visible[0]
    first_end = first.x1
    if not is_cjk(first.text):
        for c in visible[1:]:
            if c.x0 - first_end > 0.25 * size or is_cjk(c.text):
                break
            first_end = c.x1
    return Line(
        text,
        visible[0].x0,
        visible[-1].x1,
        min(c.y0 for c in visible),
        max(c.y1 for c in visible),
        size,
        base,
        first_end - first.x0,
    )


def page_lines(chars: list[Char], width: float) -> list[Line]:
    """The lines of a page in reading order (column by column when it has a gutter)."""
    rows = [[ln for part in _split(band) if (ln := _line(part))] for band in _bands(chars)]
    rows = [r for r in rows if r]
    gutter = _gutter(rows, width)
    if gutter is None:
        return [ln for row in rows for ln in row]
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for row in rows:
        if any(ln.x0 < gutter < ln.x1 for ln in row):
            out += left + right + row
            left, right = [], []
            continue
        for ln in row:
            (left if ln.x1 <= gutter else right).append(ln)
    return out + left + right


def _gutter(rows: list[list[Line]], width: float) -> float | None:
    """The x of a gutter that most bands of the page split at, if there is one."""
    split = [row for row in rows if len(row) == 2]
    if len(split) < 4 or len(split) < 0.3 * len(rows):
        return None
    votes = Counter()
    for a, b in split:
        for x in range(int(a.x1) + 1, int(b.x0)):
            if 0.25 * width < x < 0.75 * width:
                votes[x] += 1
    if not votes:
        return None
    x, n = votes.most_common(1)[0]
    return float(x) if n >= 0.6 * len(split) else None


# -- running heads, page numbers, footnotes ----------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_running(pages: list[tuple[float, float, list[Line]]]) -> list[list[Line]]:
    """Each page's lines without its running headers, footers and page numbers."""
    seen: Counter = Counter()
    edges = []
    for _, height, lines in pages:
        top = {i for i, ln in enumerate(lines[:_EDGE_LINES]) if ln.top > height * (1 - _ZONE)}
        n = len(lines)
        bottom = {i for i in range(max(0, n - _EDGE_LINES), n) if lines[i].bottom < height * _ZONE}
        keys = {("top", _key(lines[i].text)) for i in top} | {("bottom", _key(lines[i].text)) for i in bottom}
        seen.update(keys)
        edges.append((top, bottom))
    need = max(2, math.ceil(0.2 * len(pages)))
    out = []
    for (_, _, lines), (top, bottom) in zip(pages, edges):
        drop = set()
        for zone, idx in (("top", top), ("bottom", bottom)):
            for i in idx:
                text = lines[i].text
                if _PAGE_NUMBER_RE.match(text) or (len(pages) > 1 and seen[(zone, _key(text))] >= need):
                    drop.add(i)
        out.append([ln for i, ln in enumerate(lines) if i not in drop])
    return out


def split_notes(lines: list[Line], body_size: float, height: float) -> tuple[list[Line], list[str]]:
    """A page's body lines and its footnotes (each a text starting with its superscript number)."""
    k = len(lines)
    while k > 0 and lines[k - 1].size <= 0.9 * body_size and lines[k - 1].top < 0.5 * height:
        k -= 1
    start = next((i for i in range(k, len(lines)) if _NOTE_START_RE.match(lines[i].text)), None)
    if start is None:
        return lines, []
    notes: list[str] = []
    for ln in lines[start:]:
        m = _NOTE_START_RE.match(ln.text)
        if m:
            mark = m.group(0)
            mark = superscript(mark) if mark.isdigit() else mark
            notes.append(f"{mark} {ln.text[m.end() :].strip()}")
        else:
            notes[-1] = _join(notes[-1], ln.text)
    return lines[:start], notes


# -- lines → paragraphs --------------------------------------------------------------------------


def _join(a: str, b: str) -> str:
    if re.search(r"[A-Za-z]-$", a) and b[:1].islower():
        return a + b
    return a + piece_joiner(a, b) + b


def _short(a: Line, b: Line, right: float) -> bool:
    """Would the first word of ``b`` have fit at the end of ``a``?"""
    return right - a.x1 > b.first + 0.6 * b.size


def _right(line: Line, lines: list[Line]) -> float:
    """The right edge of the text column ``line`` is in."""
    return max(
        (ln.x1 for ln in lines if ln.x0 < line.x1 and ln.x1 > line.x0 and abs(ln.size - line.size) < 0.15 * line.size),
        default=line.x1,
    )


def _ends_paragraph(a: Line, b: Line, right: float, pitch: float, first: bool) -> bool:
    if abs(a.size - b.size) > 0.12 * max(a.size, b.size) or _short(a, b, right):
        return True
    if a.text.endswith(_TERMINAL) and marker_length(b.text):
        return True
    if b.top > a.bottom + 0.5 * b.size:  # not below: another column
        return True
    if a.base - b.base > 1.3 * pitch * max(a.size, b.size):
        return True
    return not first and abs(b.x0 - a.x0) > 0.8 * b.size


def _pitch(pages: list[list[Line]], body_size: float) -> float:
    """The distance between the baselines of two lines of one paragraph, per unit of size: the
    smallest of the usual distances (between paragraphs it is larger; in a text of one-line
    paragraphs most distances are that larger one)."""
    gaps = Counter(
        round((a.base - b.base) / a.size / 0.05) * 0.05
        for lines in pages
        for a, b in zip(lines, lines[1:])
        if abs(a.size - body_size) < 0.1 * body_size and abs(b.size - a.size) < 0.05 * a.size and a.base > b.base
    )
    gaps = Counter({g: n for g, n in gaps.items() if 0.8 < g < 3})
    total = sum(gaps.values())
    usual = sorted(g for g, n in gaps.items() if n >= max(3, 0.1 * total))
    return usual[0] if usual else 1.25


def layout(pages: list[tuple[float, float, list[Char]]]) -> list[Paragraph]:
    """The paragraphs of a PDF from its pages' characters (see the module's notes)."""
    lined = [(w, h, page_lines(chars, w)) for w, h, chars in pages]
    bodies = drop_running(lined)
    weights = Counter()
    for lines in bodies:
        for ln in lines:
            weights[ln.size] += len(ln.text)
    body_size = weights.most_common(1)[0][0] if weights else 10.0
    pitch = _pitch(bodies, body_size)
    out: list[Paragraph] = []
    held: list[Paragraph] = []
    current: Paragraph | None = None
    last: tuple[Line, float] | None = None  # the paragraph's last line and its column's right edge
    first_line = True
    for page_no, ((_, height, _), lines) in enumerate(zip(lined, bodies), 1):
        body, notes = split_notes(lines, body_size, height)
        number = 0
        for ln in body:
            right = _right(ln, body)
            if current is not None and last is not None:
                a, a_right = last
                if page_no != current_page(current):
                    ends = _short(a, ln, a_right) or abs(a.size - ln.size) > 0.12 * max(a.size, ln.size)
                    ends = ends or a.text.rstrip(_CLOSERS).endswith(_SENTENCE_END)
                else:
                    ends = _ends_paragraph(a, ln, a_right, pitch, first_line)
                if not ends:
                    if page_no != current_page(current):
                        number += 1
                        joined = _join(current.text, ln.text)
                        current.breaks.append((len(joined) - len(ln.text), page_no, number))
                        current.text = joined
                    else:
                        current.text = _join(current.text, ln.text)
                    last, first_line = (ln, right), False
                    continue
                out.append(current)
                out += held
                held = []
            number += 1
            current = Paragraph(ln.text, page_no, number)
            last, first_line = (ln, right), True
        for note in notes:
            number += 1
            held.append(Paragraph(note, page_no, number))
    if current is not None:
        out.append(current)
    return out + held


def current_page(p: Paragraph) -> int:
    """The page a paragraph has reached (it may have gone on over page breaks)."""
    return p.breaks[-1][1] if p.breaks else p.page
