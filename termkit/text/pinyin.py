"""Pinyin keys for Chinese strings (pypinyin), cached: used for homophone lookup (侦察/侦查)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

# pypinyin loads its dictionaries (0.4 s) on import: only when a pinyin is first asked for.


@cache
def _toneless_readings(ch: str) -> tuple[str, ...]:
    """Every toneless reading of one hanzi (``行`` → ``xing``, ``hang``), cached per character."""
    from pypinyin import Style, pinyin

    return tuple(dict.fromkeys(pinyin(ch, style=Style.NORMAL, heteronym=True, errors=lambda c: [""])[0]))


def _hanzi_only(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


@lru_cache(maxsize=200_000)
def pinyin_key(text: str, tones: bool = False) -> str:
    """Syllables joined by spaces: ``芬太尼`` → ``fen tai ni`` (``fen1 tai4 ni2`` with tones).

    Non-Chinese runs are kept as they are (lower-cased), so ``THF-F芬太尼`` stays comparable.
    Tone marks are given as digits so the key is plain ASCII.

    The toneless key of hanzi that each have one reading is their readings, from a per-character
    cache (a glossary of 200,000 terms is keyed in seconds); only a term with a character of
    several readings goes through pypinyin's segmentation and phrase dictionary.
    """
    if not tones and text and _hanzi_only(text):
        readings = [_toneless_readings(ch) for ch in text]
        if all(len(r) == 1 and r[0] for r in readings):
            return " ".join(r[0] for r in readings)
    from pypinyin import Style, lazy_pinyin

    style = Style.TONE3 if tones else Style.NORMAL
    syllables = lazy_pinyin(text, style=style, errors=lambda chars: [chars.lower()], neutral_tone_with_five=True)
    return " ".join(s.strip() for s in syllables if s.strip())


def pinyin_display(text: str) -> str:
    """Pinyin with tone marks for showing to people: ``芬太尼`` → ``fēn tài ní``."""
    from pypinyin import Style, lazy_pinyin

    return " ".join(s for s in lazy_pinyin(text, style=Style.TONE, errors="default") if s.strip())


# Tone marks as combining characters (after NFD), and the tone each marks.
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_LATIN_PINYIN_RE = re.compile(r"[a-zü\u0300-\u036f1-5\s'’\-]+")
_SYLLABLE_BREAK_RE = re.compile(r"[\s'’\-]+|(?<=[1-5])")
_LONGEST_SYLLABLE = 6  # zhuang, shuang, chuang


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (``termkit/data/pinyin_syllables.txt``)."""
    from importlib.resources import files

    text = files("termkit").joinpath("data", "pinyin_syllables.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def spells_syllables(letters: str) -> bool:
    """Can ``letters`` be cut into pinyin syllables (``aizibingdu`` yes, ``fentanil`` no)?"""
    known = syllables()
    reachable = [True] + [False] * len(letters)
    for end in range(1, len(letters) + 1):
        reachable[end] = any(
            reachable[start] and letters[start:end] in known for start in range(max(0, end - _LONGEST_SYLLABLE), end)
        )
    return reachable[-1]


def latin_pinyin(query: str) -> tuple[str, list[int | None] | None] | None:
    """A query typed as pinyin: its letters without tones or breaks, and the tone of each syllable.

    ``"ai zi bing du"`` and ``"aizibingdu"`` → ``("aizibingdu", None)``; ``"fen4 tai4 ni2"`` and
    ``"fēn tài ní"`` → ``("fentaini", [4, 4, 2])`` / ``[1, 4, 2]``. ``ü`` (also written ``v`` or
    ``u:``) is ``v``, as pypinyin writes it. Tones are given only when the query marks syllable
    breaks (spaces, apostrophes, tone numbers) and at least one tone; otherwise ``None``.
    ``None`` for anything that is not pinyin: other characters, a piece that cannot be cut into
    syllables (``fentanil``, ``money laundering``), or fewer than two syllables' worth of letters.
    """
    text = unicodedata.normalize("NFD", query.strip().lower()).replace("u:", "ü").replace("u\u0308", "ü")
    if not text or not _LATIN_PINYIN_RE.fullmatch(text):
        return None
    pieces = [s for s in _SYLLABLE_BREAK_RE.split(text) if s]
    letters, tones = [], []
    for piece in pieces:
        tone = next((t for mark, t in _TONE_MARKS.items() if mark in piece), None)
        if piece[-1] in "12345":
            tone = int(piece[-1])
        base = "".join(ch for ch in piece if "a" <= ch <= "z" or ch == "ü").replace("ü", "v")
        if not base or not spells_syllables(base):
            return None
        letters.append(base)
        tones.append(tone)
    joined = "".join(letters)
    if len(joined) < 4:
        return None
    given = len(pieces) > 1 and any(t is not None for t in tones)
    return joined, tones if given else None


def first_letters_table() -> dict[str, str]:
    """Each hanzi → every first letter its syllable in :func:`pinyin_key` can have, whatever the
    word around it: the first letters of all its readings in pypinyin's character dictionary and
    in every phrase of its phrase dictionary that holds it (pypinyin takes a hanzi's syllable from
    one or the other). Characters for which that cannot be vouched for are left out: those outside
    pypinyin's hanzi ranges, those with a reading that is empty or not one syllable, those in a
    phrase whose readings do not pair with its characters. Builds in about a second (pypinyin's
    phrase dictionary); :mod:`termkit.glossary.cache` keeps it.
    """
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
    from pypinyin.style import convert

    first: dict[str, str] = {}  # a tone-marked reading → the first letter of its toneless form

    def letter(reading: str, han: str) -> str:
        if reading not in first:
            toneless = (convert(reading, Style.NORMAL, True, default=reading, han=han) or "").strip()
            first[reading] = toneless[:1] if len(toneless.split()) == 1 else ""
        return first[reading]

    letters: dict[str, set[str]] = {}
    unsure: set[str] = set()

    def add(han: str, readings) -> None:
        for reading in readings:
            found = letter(reading, han)
            if found:
                letters.setdefault(han, set()).add(found)
            else:
                unsure.add(han)

    for code, readings in PINYIN_DICT.items():
        add(chr(code), readings.split(","))
    for phrase, readings in PHRASES_DICT.items():
        if len(readings) != len(phrase):
            unsure.update(phrase)
            continue
        for han, options in zip(phrase, readings):
            add(han, options)
    return {han: "".join(sorted(found)) for han, found in letters.items() if han not in unsure and RE_HANS.match(han)}
