"""Character classes for Chinese text, shared by normalization, segmentation and mining."""

from __future__ import annotations

import re

# The hanzi ranges are defined beside Segment (with Chinese punctuation, is_cjk and piece_joiner):
# its content joins the pieces of a line-broken sentence by them.
from ..model import HANZI

SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"

HANZI_RE = re.compile(f"[{HANZI}]")
HAS_HANZI_RE = HANZI_RE


def is_hanzi(ch: str) -> bool:
    return bool(ch) and HANZI_RE.match(ch) is not None


def hanzi_ratio(text: str) -> float:
    """Share of hanzi among the non-space characters of ``text``."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    return sum(1 for c in chars if is_hanzi(c)) / len(chars)


_LATIN_LETTER_RE = re.compile(r"[A-Za-z]")


def dominant_script(text: str, at_least: int = 20) -> str | None:
    """``"zh"`` or ``"en"``: which script the text is mostly written in, or ``None`` when too little.

    A hanzi weighs as much as four Latin letters (about a word), so a Chinese text quoting
    English names stays Chinese and an English text citing a Chinese title stays English.
    """
    hanzi = len(HANZI_RE.findall(text))
    latin = len(_LATIN_LETTER_RE.findall(text))
    if hanzi + latin < at_least:
        return None
    return "zh" if 4 * hanzi > latin else "en"
