"""Normalization for matching — never for display.

``normalize`` folds what differs only in form so that the same term matches however it was
typed or extracted: full-width letters and digits (ＵＮＯＤＣ → UNODC), spaces between hanzi and
Latin or digits (``2021 年`` ≡ ``2021年``), footnote markers glued to words (``宣言》，¹该``), lines
broken inside a sentence, and optionally traditional → simplified characters.

Every result keeps ``offsets``: the index in the original string of each normalized character,
so a match in normalized text can be shown in the original text.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..model import CJK_PUNCT, piece_joiner
from .chars import HANZI, SUPERSCRIPT_DIGITS
from .layout import Block, blocks


@dataclass(frozen=True)
class Normalized:
    """Normalized text with the original offset of each of its characters."""

    text: str
    offsets: array  # offsets[i] is the original index of text[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalized ``text[start:end]``."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return pos, pos
        window = self.offsets[start:end]
        return min(window), max(window) + 1


# --- one rewrite stage: regex substitutions that keep the offset map -----------------------------


def _rewrite(text: str, offsets: array, pattern: re.Pattern, repl: Callable[[re.Match], str]):
    # offsets stay an array("q") throughout: slicing and extending one copies memory, not objects
    out: list[str] = []
    new_offsets = array("q")
    pos = 0
    for m in pattern.finditer(text):
        s, e = m.span()
        out.append(text[pos:s])
        new_offsets.extend(offsets[pos:s])
        r = repl(m)
        out.append(r)
        if len(r) == e - s:
            new_offsets.extend(offsets[s:e])
        elif r:
            new_offsets.extend(array("q", [offsets[s]]) * len(r))
        pos = e
    if pos == 0:
        return text, offsets
    out.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(out), new_offsets


# Every pattern starts with the character it removes or replaces, so that the regex engine skips
# to it instead of trying each position of a long text; the conditions on what stands before it are
# look-behinds over that character. "(?<![^\n]X)" after X: X stands at a line start.
_CJK = f"{HANZI}{CJK_PUNCT}"
_SUP = SUPERSCRIPT_DIGITS
# A run of superscript digits; after hanzi or at a line start (a footnote call, a footnote's
# number), with one space after it.
_SUPERSCRIPT_RE = re.compile(rf"[{_SUP}](?:(?<=[{_CJK}][{_SUP}])|(?<![^\n][{_SUP}]))[{_SUP}]*[ \t]?|[{_SUP}]+")
# "*" glued after a word is a footnote call (临时议程*项目6); at a line start it opens the footnote.
_STAR_RE = re.compile(rf"\*(?:(?<=[{_CJK}\w]\*)(?=[{_CJK}\s\w]|$)|(?<![^\n]\*)[ \t]?)", re.M)
_FULLWIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")
_SPACE_RUN_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f]+")
# A space with a CJK character on either side is layout, not content.
_CJK_SPACE_RE = re.compile(rf" (?:(?<=[{_CJK}] )|(?=[{_CJK}]))")
# A space at a line's start or end.
_EDGE_SPACE_RE = re.compile(r" (?:(?<![^\n] )|$)", re.M)
# Every character that one of the patterns above starts with: a text without any is left as it is.
_REWRITTEN_RE = re.compile(f"[{_SUP}*\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000 \t\u00a0\u2000-\u200b\u202f\u205f]")


def _fold_width(m: re.Match) -> str:
    ch = m.group()
    return " " if ch == "\u3000" else chr(ord(ch) - 0xFEE0)


@lru_cache(maxsize=1)
def _t2s_converter():
    import opencc

    return opencc.OpenCC("t2s")


def _to_simplified(text: str, offsets: list[int]):
    convert = _t2s_converter().convert
    out = convert(text)
    if len(out) == len(text):
        return out, offsets
    # A phrase conversion changed the length: convert character by character to keep offsets.
    return "".join(convert(c)[:1] or c for c in text), offsets


def _join_block(text: str, block: Block, parts: list[str], offsets: array, identity: array) -> None:
    """Append the block's text (its label and pieces, joined) to ``parts`` and its offsets
    (``identity`` is ``0, 1, 2 …``: its slices are copied as memory)."""
    first = True
    spans = ([block.label] if block.label else []) + block.pieces
    for s, e in spans:
        piece = text[s:e]
        joiner = "" if first else piece_joiner(parts[-1], piece)
        first = False
        if joiner:
            parts.append(joiner)
            offsets.append(s)
        parts.append(piece)
        offsets.extend(identity[s:e])


def normalize(
    text: str,
    *,
    width: bool = True,
    spaces: bool = True,
    footnotes: bool = True,
    join_lines: bool = True,
    simplified: bool = False,
) -> Normalized:
    """Normalize ``text`` for matching and keep the map back to original offsets.

    - ``join_lines``: rebuild paragraphs (one per line) and join lines broken inside a sentence,
      also across a page's footnotes (see :mod:`termkit.text.layout`).
    - ``footnotes``: drop footnote markers (superscript digits, a ``*`` glued to a word).
    - ``width``: full-width ASCII letters/digits and the ideographic space to half-width.
    - ``spaces``: collapse runs of spaces; drop a space next to a hanzi or Chinese punctuation.
    - ``simplified``: traditional → simplified characters (OpenCC ``t2s``); off by default.
    """
    if join_lines and ("\n" in text or "\r" in text):
        parts: list[str] = []
        offsets = array("q")
        identity = array("q", range(len(text)))
        for block in blocks(text):
            if parts:
                parts.append("\n")
                offsets.append(block.start)
            _join_block(text, block, parts, offsets, identity)
        out = "".join(parts)
    else:
        out, offsets = text, array("q", range(len(text)))
    if not _REWRITTEN_RE.search(out):  # none of the characters the stages below rewrite
        footnotes = width = spaces = False
    if footnotes:
        out, offsets = _rewrite(out, offsets, _SUPERSCRIPT_RE, lambda m: "")
        out, offsets = _rewrite(out, offsets, _STAR_RE, lambda m: "")
    if width:
        out, offsets = _rewrite(out, offsets, _FULLWIDTH_RE, _fold_width)
    if spaces:
        out, offsets = _rewrite(out, offsets, _SPACE_RUN_RE, lambda m: " ")
        out, offsets = _rewrite(out, offsets, _CJK_SPACE_RE, lambda m: "")
        # spaces left at line edges
        out, offsets = _rewrite(out, offsets, _EDGE_SPACE_RE, lambda m: "")
    if simplified:
        out, offsets = _to_simplified(out, offsets)
    return Normalized(out, offsets)


@lru_cache(maxsize=200_000)
def normalize_key(text: str, simplified: bool = False) -> str:
    """The normalized form of a short string (a term or a query), for use as a lookup key."""
    text = text.strip()
    if not simplified and not _REWRITTEN_RE.search(text):
        return text  # what normalize() returns for it, without the offsets
    return normalize(text, join_lines=False, simplified=simplified).text
