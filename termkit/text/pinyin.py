"""Pinyin keys for Chinese strings (pypinyin), cached: used for homophone lookup (侦察/侦查)."""

from __future__ import annotations

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
