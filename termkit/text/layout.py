"""Paragraph layout of extracted text: which lines belong together.

Text extracted from PDFs breaks sentences across lines, often with a blank line in between
(``（毒品和犯罪问`` / blank / ``题办公室…``), and a page's footnotes can sit between the two halves
of a sentence. :func:`blocks` rebuilds the paragraphs: each :class:`Block` lists the original
spans of its lines in reading order, and footnotes that interrupted a paragraph come right after it.
Nothing is copied or changed: every span is an offset pair into the original string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chars import HANZI, SUPERSCRIPT_DIGITS

Span = tuple[int, int]

# Paragraph numbers and list markers at the start of a line, kept apart from the sentence.
_MARKER_RE = re.compile(
    r"(?:"
    r"\d{1,3}(?:\.\d{1,3})*\.(?![\d])"  # 12.   1.2.
    r"|[(（]\s?(?:[a-zA-Z]{1,4}|\d{1,3}|[一二三四五六七八九十]{1,3})\s?[)）]"  # (a) (iv) (3) （一）
    r"|[一二三四五六七八九十百]{1,4}[.、．]"  # 一.  二、
    r"|[A-Z]\.(?=\s)"  # A. heading
    r"|[ivxlcdmIVXLCDM]{1,7}\.(?=\s)"  # iv. roman
    r"|[-•·●▪◦‒–—*+](?=\s)"  # bullets
    r")[ \t\u3000]*"
)
_FOOTNOTE_LINE_RE = re.compile(rf"(?:[{SUPERSCRIPT_DIGITS}]+|\*)\s*\S")
_TERMINAL = set("。！？!?；;：:.…")
_CLOSERS = "”’」』）)]】》〉\"'"
_TRAILING_NOISE = _CLOSERS + SUPERSCRIPT_DIGITS + "* \t\u3000"
# A line shorter than this that ends without punctuation is a heading or a title, not a broken line.
MIN_BROKEN_CJK = 15
MIN_BROKEN_LATIN = 45
# A document ends its paragraphs with stops when one ends this share of its long lines at least,
# judged on this many long lines at least (fewer: taken to).
STOPPED_SHARE = 0.5
MIN_LINES_TO_TELL = 8
_HANZI_CHAR_RE = re.compile(f"[{HANZI}]")
_LINE_RE = re.compile(r"[^\r\n]+")
_ENGLISH_OPEN_END_RE = re.compile(r"[a-z,;]$")


@dataclass
class Block:
    """A paragraph: the original spans of its lines in reading order, without line breaks.

    ``label`` is the span of a paragraph number or list marker at its start (empty if none);
    ``kind`` is ``body`` or ``footnote``.
    """

    pieces: list[Span] = field(default_factory=list)
    kind: str = "body"
    label: Span | None = None

    @property
    def start(self) -> int:
        return self.label[0] if self.label else self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _lines(text: str) -> list[Span]:
    """Spans of the non-blank lines, with surrounding white space trimmed."""
    spans = []
    for m in _LINE_RE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def marker_length(line: str) -> int:
    """Length of a paragraph number or list marker (with its spaces) at the start of ``line``."""
    m = _MARKER_RE.match(line)
    if not m or m.end() >= len(line):
        # a bare "12." line is a marker with nothing after it: keep it as text
        return 0
    return m.end()


def is_footnote_line(line: str) -> bool:
    return _FOOTNOTE_LINE_RE.match(line) is not None


def is_broken(line: str, stops: bool = True) -> bool:
    """Does ``line`` stop in the middle of a sentence (a wrap, not a paragraph end)?

    ``stops``: whether the document ends its paragraphs with a stop (:func:`ends_with_stops`);
    where it does not, only a mark that cannot end anything (a comma, an open bracket) says so,
    not a long line without a stop."""
    if "\t" in line:  # tables of contents: "总体成就\t4"
        return False
    core = line.rstrip(_TRAILING_NOISE)
    if not core:
        return False
    last = core[-1]
    if last in _TERMINAL:
        return False
    if last in "，,、（(《“‘「—-":
        return True
    return stops and _long(core)


def _long(core: str) -> bool:
    """Is a line (without its trailing marks) long enough to be a broken one rather than a
    heading: :data:`MIN_BROKEN_CJK` hanzi, or :data:`MIN_BROKEN_LATIN` characters without hanzi?"""
    hanzi = len(_HANZI_CHAR_RE.findall(core))
    return hanzi >= MIN_BROKEN_CJK if hanzi else len(core) >= MIN_BROKEN_LATIN


def ends_with_stops(lines: list[str]) -> bool:
    """Does a document end its paragraphs with a stop (。！？. …)? Then a long line without one
    is a sentence broken by a page or a wrap. Most documents do, and a break is the exception
    (the seeds: 82–97 % of their long lines end with one); a list of short texts, subtitles or
    user-interface strings written without stops do not, and joining their lines would run
    separate texts together. Judged on the lines long enough to be broken ones (:func:`_long`):
    a stop ends at least :data:`STOPPED_SHARE` of them, or there are too few to tell
    (fewer than :data:`MIN_LINES_TO_TELL`)."""
    long_lines = stopped = 0
    for line in lines:
        core = line.rstrip(_TRAILING_NOISE)
        if _long(core):
            long_lines += 1
            stopped += core[-1] in _TERMINAL
    return long_lines < MIN_LINES_TO_TELL or stopped >= STOPPED_SHARE * long_lines


def _continues(prev: str, line: str, marker: int | None = None, stops: bool = True) -> bool:
    """Is ``line`` the rest of a sentence broken at the end of ``prev``? (``marker``: its
    :func:`marker_length` when known; a footnote line never is; ``stops``: as for
    :func:`is_broken`)"""
    if (marker_length(line) if marker is None else marker) or is_footnote_line(line):
        return False
    if is_broken(prev, stops):
        return True
    # English wraps anywhere: a lower-case word after a line that ends inside a sentence
    return stops and bool(_ENGLISH_OPEN_END_RE.search(prev)) and line[:1].islower()


def blocks(text: str) -> list[Block]:
    """Group the lines of ``text`` into paragraphs, joining lines broken inside a sentence."""
    out: list[Block] = []
    current: Block | None = None
    held_footnotes: list[Block] = []  # footnotes met while a broken paragraph waits for its rest

    def close() -> None:
        nonlocal current
        if current is not None:
            out.append(current)
            current = None
        out.extend(held_footnotes)
        held_footnotes.clear()

    spans = _lines(text)
    lines = [text[s:e] for s, e in spans]
    stops = ends_with_stops(lines)
    for (s, e), line in zip(spans, lines):
        if is_footnote_line(line):
            note = Block(pieces=[(s, e)], kind="footnote")
            if current is not None and is_broken(text[slice(*current.pieces[-1])], stops):
                held_footnotes.append(note)
            else:
                close()
                out.append(note)
            continue
        n = marker_length(line)
        if current is not None and _continues(text[slice(*current.pieces[-1])], line, n, stops):
            current.pieces.append((s, e))
            continue
        close()
        if n:
            label_end = s + n
            while label_end > s and text[label_end - 1].isspace():
                label_end -= 1
            current = Block(pieces=[(s + n, e)], label=(s, label_end))
        else:
            current = Block(pieces=[(s, e)])
    close()
    return out
