"""Sentence segmentation for Chinese and English with offsets into the original text.

Paragraphs come from :mod:`termkit.text.layout` (numbered paragraphs, list markers, footnotes,
lines broken by PDF extraction); inside a paragraph, sentences end at 。！？ (and . ! ? in
English), with closing quotes, brackets and footnote markers kept on the sentence they close.
Not a sentence end: a decimal (5.1%), a document symbol (E/CN.7/2024/1), an abbreviation
(e.g., U.N., No. 5), an ellipsis, or a full stop inside 《》 or an open quotation.
"""

from __future__ import annotations

import bisect
import re

from ..model import Segment, piece_joiner
from .chars import HANZI, SUPERSCRIPT_DIGITS
from .layout import Block, blocks

_CJK_END = "。！？"
_LATIN_END = ".!?"
_CLOSERS = "”’」』）)]】》〉\"'"
# Enclosures a sentence cannot end inside (brackets can: they are left out on purpose).
_OPENERS = {"《": "》", "“": "”", "「": "」", "『": "』"}
_TRAIL = _CLOSERS + SUPERSCRIPT_DIGITS + "*"
# A quotation or bracket left open longer than this is PDF noise, not a real enclosure.
_MAX_ENCLOSURE = 300

ABBREVIATIONS = frozenset(
    """e.g i.e etc.al al cf vs viz approx ca no nos art arts para paras subpara vol vols p pp ch chap
    sect fig figs mr mrs ms dr prof st rev gen col lt sr jr inc ltd co corp dept govt est jan feb mar
    apr jun jul aug sep sept oct nov dec op cit ibid annex rep res doc suppl ed eds""".split()
)
_HANZI_RE = re.compile(f"[{HANZI}]")
_INITIALS_RE = re.compile(r"(?:\b[A-Za-z]\.)+$")


def _is_abbreviation(before: str) -> bool:
    """Is the word that ends with the full stop at the end of ``before`` an abbreviation?"""
    if _INITIALS_RE.search(before):  # U.N.  e.g.  J.
        return True
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
    return bool(word) and word.group(1).lower().rstrip(".") in ABBREVIATIONS


def _end_after(content: str, i: int) -> int:
    """Index just after the closers and footnote markers that follow a terminal mark at ``i``."""
    j = i + 1
    n = len(content)
    while j < n and content[j] in _TRAIL:
        j += 1
    return j


def sentence_spans(content: str, lang: str = "zh") -> list[tuple[int, int]]:
    """Split one paragraph into sentence spans (white space trimmed)."""
    spans: list[tuple[int, int]] = []
    open_stack: list[tuple[str, int]] = []  # expected closer and where it opened
    start = 0
    i = 0
    n = len(content)
    while i < n:
        ch = content[i]
        if ch in _OPENERS:
            open_stack.append((_OPENERS[ch], i))
        elif open_stack and ch == open_stack[-1][0]:
            open_stack.pop()
        while open_stack and i - open_stack[-1][1] > _MAX_ENCLOSURE:
            open_stack.pop(0)
        end = None
        if ch in _CJK_END or ch in "!?" or (ch == "." and _latin_full_stop(content, i, lang)):
            if ch == "." and i + 2 < n and content[i + 1] == "." and content[i + 2] == ".":
                pass  # "..." ellipsis
            else:
                end = _end_after(content, i)
                # closers right after the mark close what the sentence opened
                for c in content[i + 1 : end]:
                    if open_stack and c == open_stack[-1][0]:
                        open_stack.pop()
                if open_stack:
                    end = None  # inside a quotation or a title
                elif ch not in _CJK_END and end < n and not _starts_new_sentence(content, end, lang):
                    end = None
        if end is not None:
            spans.append((start, end))
            start = end
            open_stack.clear()
            i = end
            continue
        i += 1
    spans.append((start, n))
    return [t for t in (_trim(content, s, e) for s, e in spans) if t]


def _latin_full_stop(content: str, i: int, lang: str) -> bool:
    before = content[:i]
    nxt = content[i + 1 : i + 2]
    if nxt.isdigit() or (nxt.isalpha() and nxt.isascii()):  # 5.1  E/CN.7  www.unodc.org
        return False
    if _is_abbreviation(before):
        return False
    prev = content[i - 1 : i]
    if lang == "zh":
        # a half-width full stop in Chinese text: after a hanzi or a closing mark
        return bool(_HANZI_RE.match(prev)) or prev in _CLOSERS or prev.isalnum()
    return prev != "" and not prev.isspace()


def _starts_new_sentence(content: str, j: int, lang: str) -> bool:
    """After a terminal mark: is what follows at ``j`` the start of another sentence?"""
    rest = content[j : j + 3].lstrip()
    if not rest:
        return True
    first = rest[0]
    if _HANZI_RE.match(first) or first in "《“「『（(":
        return True
    if lang == "en" or content[j : j + 1].isspace():
        return first.isupper() or first.isdigit() or first in "\"'“‘([*"
    return False


def _trim(content: str, s: int, e: int):
    while s < e and content[s].isspace():
        s += 1
    while e > s and content[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def _block_content(text: str, block: Block) -> tuple[str, list[int]]:
    """The paragraph as one string, and the original offset of each of its characters."""
    parts: list[str] = []
    offsets: list[int] = []
    for s, e in block.pieces:
        joiner = piece_joiner(parts[-1], text[s:e]) if parts else ""
        if joiner:
            parts.append(joiner)
            offsets.append(-1)  # the joiner is not in the original
        parts.append(text[s:e])
        offsets.extend(range(s, e))
    return "".join(parts), offsets


def _original_parts(offsets: list[int], s: int, e: int) -> list[tuple[int, int]]:
    """Contiguous original spans behind content[s:e]."""
    parts: list[tuple[int, int]] = []
    for k in range(s, e):
        o = offsets[k]
        if o < 0:
            continue
        if parts and parts[-1][1] == o:
            parts[-1] = (parts[-1][0], o + 1)
        else:
            parts.append((o, o + 1))
    return parts


def segment(text: str, lang: str = "zh", doc_id: str = "") -> list[Segment]:
    """Split ``text`` into sentences; each Segment's ``text`` is ``text[start:end]`` exactly."""
    segments: list[Segment] = []
    for block in blocks(text):
        segments += block_segments(text, block, lang, doc_id, first_index=len(segments))
    return segments


def block_segments(text: str, block: Block, lang: str = "zh", doc_id: str = "", first_index: int = 0) -> list[Segment]:
    """The sentences of one paragraph of ``text`` (a :class:`.layout.Block`): what
    :func:`segment` gives for it, numbered from ``first_index``."""
    content, offsets = _block_content(text, block)
    label = text[slice(*block.label)] if block.label else ""
    spans = sentence_spans(content, lang)
    segments: list[Segment] = []
    for k, (s, e) in enumerate(spans):
        parts = _original_parts(offsets, s, e)
        start, end = parts[0][0], parts[-1][1]
        kind = "footnote" if block.kind == "footnote" else "sentence"
        if kind == "sentence" and len(spans) == 1 and _is_heading(content):
            kind = "heading"
        segments.append(
            Segment(
                doc_id=doc_id,
                index=first_index + len(segments),
                start=start,
                end=end,
                text=text[start:end],
                label=label if k == 0 else "",
                kind=kind,
                parts=tuple(parts) if len(parts) > 1 else (),
            )
        )
    return segments


class SegmentsByOffset:
    """Segments found by an original offset: the one with a part that holds it. A sentence
    broken around a page's footnotes has parts, and the footnotes are segments of their own
    inside its span; parts do not overlap, so the lookup goes by parts."""

    def __init__(self, segments: list[Segment]):
        parts = sorted(
            ((s, e, seg) for seg in segments for s, e in (seg.parts or ((seg.start, seg.end),))),
            key=lambda part: part[0],
        )
        self._starts = [s for s, _, _ in parts]
        self._parts = parts

    def __call__(self, offset: int) -> Segment | None:
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0 or offset >= self._parts[k][1]:
            return None
        return self._parts[k][2]


class SentenceAt:
    """The sentence of ``text`` (as :func:`segment` splits it) that holds an original offset,
    splitting only the paragraphs asked about: a few example sentences from a long document
    without cutting all of it.

    The paragraphs' lines do not overlap, and a sentence lies within its paragraph's lines, so
    the paragraph holding an offset is the only one whose sentences can hold it.
    """

    def __init__(self, text: str, lang: str = "zh", doc_id: str = ""):
        self.text, self.lang, self.doc_id = text, lang, doc_id
        self.blocks = blocks(text)
        pieces = sorted((s, e, k) for k, block in enumerate(self.blocks) for s, e in block.pieces)
        self._piece_starts = [s for s, _, _ in pieces]
        self._pieces = pieces
        self._split: dict[int, SegmentsByOffset] = {}  # paragraph number → its sentences

    def __call__(self, offset: int) -> Segment | None:
        k = bisect.bisect_right(self._piece_starts, offset) - 1
        if k < 0 or offset >= self._pieces[k][1]:
            return None
        number = self._pieces[k][2]
        sentences = self._split.get(number)
        if sentences is None:
            sentences = self._split[number] = SegmentsByOffset(
                block_segments(self.text, self.blocks[number], self.lang, self.doc_id)
            )
        return sentences(offset)


def _is_heading(content: str) -> bool:
    """A short paragraph without closing punctuation: a title, heading or table-of-contents line."""
    if "\t" in content:
        return True
    core = content.rstrip(_TRAIL + " ")
    return bool(core) and core[-1] not in "。！？!?；;：:.…，," and len(core) <= 80
