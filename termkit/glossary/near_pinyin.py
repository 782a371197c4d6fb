"""Pinyin syllables one sound apart, as speakers and input methods confuse them (芬坦尼/芬太尼):
what a near-homophone lookup (:mod:`.index`) accepts."""

from __future__ import annotations

from rapidfuzz import fuzz

_INITIALS = (
    "zh",
    "ch",
    "sh",
    "b",
    "p",
    "m",
    "f",
    "d",
    "t",
    "n",
    "l",
    "g",
    "k",
    "h",
    "j",
    "q",
    "x",
    "r",
    "z",
    "c",
    "s",
    "y",
    "w",
)
# Initials that speakers and input methods confuse.
_CONFUSED = {frozenset(p) for p in (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l"))}


def _split_syllable(s: str) -> tuple[str, str]:
    for ini in _INITIALS:
        if s.startswith(ini) and len(s) > len(ini):
            return ini, s[len(ini) :]
    return "", s


def near_syllables(a: str, b: str) -> bool:
    """Syllables a speaker or an input method easily confuses: one sound apart."""
    if a == b:
        return True
    ia, fa = _split_syllable(a)
    ib, fb = _split_syllable(b)
    if ia == ib:
        return fuzz.ratio(fa, fb) >= 50 and abs(len(fa) - len(fb)) <= 1
    return fa == fb and frozenset((ia, ib)) in _CONFUSED
