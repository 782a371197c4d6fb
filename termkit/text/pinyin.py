"""Pinyin keys for Chinese strings (pypinyin), cached: used for homophone lookup (侦察/侦查)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=200_000)
def pinyin_key(text: str, tones: bool = False) -> str:
    """Syllables joined by spaces: ``芬太尼`` → ``fen tai ni`` (``fen1 tai4 ni2`` with tones).

    Non-Chinese runs are kept as they are (lower-cased), so ``THF-F芬太尼`` stays comparable.
    Tone marks are given as digits so the key is plain ASCII.
    """
    style = Style.TONE3 if tones else Style.NORMAL
    syllables = lazy_pinyin(text, style=style, errors=lambda chars: [chars.lower()], neutral_tone_with_five=True)
    return " ".join(s.strip() for s in syllables if s.strip())


def pinyin_display(text: str) -> str:
    """Pinyin with tone marks for showing to people: ``芬太尼`` → ``fēn tài ní``."""
    return " ".join(s for s in lazy_pinyin(text, style=Style.TONE, errors="default") if s.strip())


# Tone marks as combining characters (after NFD), and the tone each marks.
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_LATIN_PINYIN_RE = re.compile(r"[a-zü\u0300-\u036f1-5\s'’\-]+")
_SYLLABLE_BREAK_RE = re.compile(r"[\s'’\-]+|(?<=[1-5])")


def latin_pinyin(query: str) -> tuple[str, list[int | None] | None] | None:
    """A query typed as pinyin: its letters without tones or breaks, and the tone of each syllable.

    ``"ai zi bing du"`` and ``"aizibingdu"`` → ``("aizibingdu", None)``; ``"fen4 tai4 ni2"`` and
    ``"fēn tài ní"`` → ``("fentaini", [4, 4, 2])`` / ``[1, 4, 2]``. ``ü`` (also written ``v`` or
    ``u:``) is ``v``, as pypinyin writes it. Tones are given only when the query marks syllable
    breaks (spaces, apostrophes, tone numbers) and at least one tone; otherwise ``None``. Not
    Latin letters (or too short to be a word's reading): ``None``.
    """
    text = unicodedata.normalize("NFD", query.strip().lower()).replace("u:", "ü").replace("u\u0308", "ü")
    if not text or not _LATIN_PINYIN_RE.fullmatch(text):
        return None
    syllables = [s for s in _SYLLABLE_BREAK_RE.split(text) if s]
    letters, tones = [], []
    for syllable in syllables:
        tone = next((t for mark, t in _TONE_MARKS.items() if mark in syllable), None)
        if syllable[-1] in "12345":
            tone = int(syllable[-1])
        base = "".join(ch for ch in syllable if "a" <= ch <= "z" or ch == "ü").replace("ü", "v")
        letters.append(base)
        tones.append(tone)
    joined = "".join(letters)
    if len(joined) < 4:
        return None
    given = len(syllables) > 1 and any(t is not None for t in tones)
    return joined, tones if given else None
