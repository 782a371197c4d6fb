"""Per-sentence features for the aligner: *keys* over *units*, lengths, anchors.

Each sentence is reduced to :class:`Features`: its length and a set of *keys*, each a bit mask
over the sentence's *units* (hanzi and Latin runs of a Chinese sentence; tokens of an English
one; one more unit per kind of punctuation). Keys are what the two sides can share:

* dictionary stems (the :class:`~termkit.align.dictionary.Lexicon`: CC-CEDICT glosses and a
  glossary's English terms for its Chinese forms) — English words are stemmed the same way;
* numbers ``#2015`` (Chinese numerals and full-width digits included) and months ``#m3``;
* Latin tokens inside Chinese text, and document symbols ``$e/cn.7/2024/1``;
* names ``%chenqingyang`` — a Chinese span whose pinyin spells a capitalized English word of the
  other document;
* punctuation ``P?`` ``P!`` ``P"``.

Blocks of consecutive sentences merge into one :class:`Features` (:func:`merge_features`), and
keys frequent on a side can be forgotten (:func:`drop_frequent`). The numbers of 10 and more
and the symbols of a sentence are its :func:`anchors`, which must agree across a bead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..text.chars import HANZI_RE
from ..text.numbers import MONTHS, ZH_NUMERAL_CHARS, en_number_value, zh_numeral_value
from .dictionary import STOPWORDS, Lexicon, english_vocabulary, stem

# Characters so frequent, and with glosses so vague, that their dictionary matches are noise.
ZH_FUNCTION = frozenset(
    "的了是在和与及也就都而又还被把将对于以为之其这那个着过等从向给让使所"
    "或但并即则且由该此各每已曾要会能可得地很更最再才只"
)

# A run of Latin letters/digits inside Chinese text (after width folding): UNODC, COVID-19,
# E/CN.7/2024/1, 2015, 5.1.
_LATIN_RUN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/'’,:%]*[A-Za-z0-9%]|[A-Za-z0-9]")
_SYMBOL_RE = re.compile(r"\b[A-Z][A-Za-z]*(?:/[A-Za-z0-9.\-]+)+\b|\b\d+/\d+(?:/\d+)*\b")
_EN_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_ZH_NUMERAL_RE = re.compile(f"[{ZH_NUMERAL_CHARS}]+")
_ZH_MONTH_RE = re.compile(f"(\\d{{1,2}}|[{ZH_NUMERAL_CHARS}]{{1,3}})月")
# Full-width ASCII forms and the ideographic space → ASCII (ＵＮＯＤＣ → UNODC, ２０１５ → 2015).
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20

_PUNCT_KEYS = (
    ("P?", "？?", "?"),
    ("P!", "！!", "!"),
)
# Quotation marks that open and close direct speech: a sentence that opens a quotation is
# paired with the one that opens its translation, and likewise for closing — this is what ties
# “……”他说。 to 'About fourteen,' she said. and cuts a run of dialogue at the right places.
_ZH_OPEN, _ZH_CLOSE = "“「『", "”」』"
# English: typographic quotes, and straight ones by position (an opening quote follows a space or
# starts the sentence and precedes a letter; a closing one follows a letter or punctuation and
# ends a word); an apostrophe inside a word (don't) is neither.
_EN_OPEN_RE = re.compile(r"[“‘]|(?:^|(?<=[\s(\[—–-]))['\"](?=[A-Za-z0-9.…])")
_EN_CLOSE_RE = re.compile(r"[”]|(?<=[A-Za-z0-9.,!?;:…—–-])['\"’](?=\s|$|[)\]—–,.;:!?])")


def _number_key(text: str) -> str | None:
    """The key of a number written in digits: ``1,500`` → ``#1500``, ``2.0`` → ``#2``."""
    digits = text.replace(",", "")
    if digits.endswith(".0"):
        digits = digits[:-2]
    try:
        value = float(digits)
    except ValueError:
        return None
    return "#" + (str(int(value)) if value == int(value) else str(value))


_en_number = lru_cache(maxsize=1 << 16)(en_number_value)


@cache
def _char_pinyin(ch: str) -> str:
    # pypinyin is imported on first use: start-up time of commands that never align
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")[0] if ch else ""


@dataclass
class Features:
    """What one sentence (or a block of sentences) offers for comparison."""

    length: int  # characters (Chinese: without spaces)
    keys: dict[str, int]  # key → bit mask over the sentence's units
    content: int  # number of units covered by any key
    units: int = 0  # number of units (bits the masks may use)
    anchor_keys: frozenset[str] | None = None  # set by anchors() on first use


def fold_width(text: str) -> str:
    return text.translate(_FULLWIDTH)


def _add(keys: dict[str, int], key: str, unit: int) -> None:
    keys[key] = keys.get(key, 0) | (1 << unit)


def _add_punctuation(keys: dict[str, int], text: str, unit: int, side: int) -> int:
    """Add a unit per kind of punctuation in ``text`` (``side``: 1 Chinese, 2 English forms in
    :data:`_PUNCT_KEYS`); return the next unit number."""
    for entry in _PUNCT_KEYS:
        if any(c in text for c in entry[side]):
            _add(keys, entry[0], unit)
            unit += 1
    if side == 1:
        opens = any(c in text for c in _ZH_OPEN)
        closes = any(c in text for c in _ZH_CLOSE)
    else:
        opens = _EN_OPEN_RE.search(text) is not None
        closes = _EN_CLOSE_RE.search(text) is not None
    for key, found in (("Q<", opens), ("Q>", closes)):
        if found:
            _add(keys, key, unit)
            unit += 1
    return unit


def units_with_keys(keys: dict[str, int]) -> int:
    """How many units hold at least one key (the keys are bit masks over units)."""
    content = 0
    for v in keys.values():
        content |= v
    return content.bit_count()


def _latin_keys(token: str) -> list[str]:
    """Keys of a Latin token inside Chinese text, the same as the English side would give it."""
    out = []
    if _SYMBOL_RE.fullmatch(token):
        out.append("$" + token.lower())
    for m in _EN_TOKEN_RE.finditer(token):
        w = m.group()
        if w[0].isdigit():
            k = _number_key(w)
            if k:
                out.append(k)
        else:
            lw = w.lower().replace("’", "'")
            if lw not in STOPWORDS:
                out.append(stem(lw))
                if len(lw) > 1 and w[0].isupper():
                    out.append("%" + re.sub(r"[^a-z]", "", lw))
    return out


def en_features(text: str) -> Features:
    """Keys of an English sentence; units are its tokens (plus one per punctuation key)."""
    keys: dict[str, int] = {}
    unit = 0
    symbol_spans = [(m.start(), m.end(), "$" + m.group().lower()) for m in _SYMBOL_RE.finditer(text)]
    prev_cap: str | None = None
    first = True
    for m in _EN_TOKEN_RE.finditer(text):
        w = m.group()
        here = []
        for s, e, k in symbol_spans:
            if s <= m.start() < e:
                here.append(k)
        if w[0].isdigit():
            k = _number_key(w)
            if k:
                here.append(k)
            prev_cap = None
        else:
            lw = w.lower().replace("’", "'")
            number = _en_number(lw)
            if number is not None:
                here.append("#" + str(number))
            if lw in MONTHS:
                here.append("#m" + str(MONTHS[lw]))
            if lw not in STOPWORDS:
                st = stem(lw)
                here.append(st)
                if w[0].isupper() and len(lw) > 1:
                    name = re.sub(r"[^a-z]", "", lw)
                    if not first:
                        here.append("%" + name)
                    if prev_cap:
                        here.append("%" + prev_cap + name)
                    prev_cap = name
                else:
                    prev_cap = None
            else:
                prev_cap = None
        first = False
        if here:
            for k in here:
                _add(keys, k, unit)
            unit += 1
    unit = _add_punctuation(keys, text, unit, 2)
    return Features(len(text.strip()), keys, units_with_keys(keys), unit)


def zh_units(folded: str) -> tuple[dict[int, int], list[int], list[tuple[int, int]]]:
    """The units of a (width-folded) Chinese sentence: every hanzi and every Latin run is one.

    Returns (position → unit, the position of each unit, the Latin runs as (start, end)).
    """
    latin_runs = [(m.start(), m.end()) for m in _LATIN_RUN_RE.finditer(folded)]
    unit_of: dict[int, int] = {}
    units_pos: list[int] = []
    li = 0
    i = 0
    n = len(folded)
    while i < n:
        if li < len(latin_runs) and latin_runs[li][0] == i:
            unit_of[i] = len(units_pos)
            units_pos.append(i)
            i = latin_runs[li][1]
            li += 1
            continue
        if HANZI_RE.match(folded[i]):
            unit_of[i] = len(units_pos)
            units_pos.append(i)
        i += 1
    return unit_of, units_pos, latin_runs


def zh_features(text: str, lexicon: Lexicon, names: frozenset[str] = frozenset()) -> Features:
    """Keys of a Chinese sentence; units are its hanzi and Latin runs (plus punctuation keys).

    Dictionary words are found by forward maximum matching; a span of 2–3 hanzi whose pinyin
    spells a name of the English document (``names``, keys ``%chenqingyang``) is a name key.
    """
    folded = fold_width(text)
    keys: dict[str, int] = {}
    words = lexicon.words
    max_len = lexicon.max_len
    n = len(folded)
    unit_of, units_pos, latin_runs = zh_units(folded)
    n_units = len(units_pos)
    for s, e in latin_runs:
        u = unit_of.get(s)
        if u is None:
            continue
        for k in _latin_keys(folded[s:e]):
            _add(keys, k, u)
    # dictionary words (forward maximum matching over hanzi runs)
    i = 0
    while i < n:
        ch = folded[i]
        if i not in unit_of or not HANZI_RE.match(ch):
            i += 1
            continue
        found = 0
        for L in range(min(max_len, n - i), 1, -1):
            stems = words.get(folded[i : i + L])
            if stems is not None:
                found = L
                break
        if found:
            mask = 0
            for p in range(i, i + found):
                if p in unit_of:
                    mask |= 1 << unit_of[p]
            for st in stems:
                keys[st] = keys.get(st, 0) | mask
            i += found
            continue
        if ch not in ZH_FUNCTION:
            stems = words.get(ch)
            if stems:
                bit = 1 << unit_of[i]
                for st in stems:
                    keys[st] = keys.get(st, 0) | bit
        i += 1
    # numbers, months
    for m in _ZH_NUMERAL_RE.finditer(folded):
        value = zh_numeral_value(m.group())
        if value is None or (value == 1 and len(m.group()) == 1):
            continue
        mask = 0
        for p in range(m.start(), m.end()):
            if p in unit_of:
                mask |= 1 << unit_of[p]
        keys["#" + str(value)] = keys.get("#" + str(value), 0) | mask
    for m in _ZH_MONTH_RE.finditer(folded):
        g = m.group(1)
        value = int(g) if g.isdigit() else zh_numeral_value(g)
        if value and 1 <= value <= 12:
            p = m.start(1)
            if p in unit_of:
                _add(keys, "#m" + str(value), unit_of[p])
    # names by pinyin
    if names:
        prefixes = _name_prefixes(names)
        hz = [(p, _char_pinyin(folded[p])) for p in units_pos if HANZI_RE.match(folded[p])]
        for a in range(len(hz)):
            py = hz[a][1]
            if py not in prefixes:
                continue
            for b in range(a + 1, min(a + 3, len(hz))):
                if hz[b][0] != hz[b - 1][0] + 1:
                    break
                py += hz[b][1]
                if py in names:
                    mask = 0
                    for p, _ in hz[a : b + 1]:
                        mask |= 1 << unit_of[p]
                    _add(keys, "%" + py, unit_of[hz[a][0]])
                    keys["%" + py] |= mask
    n_units = _add_punctuation(keys, text, n_units, 1)
    length = sum(1 for c in text if not c.isspace())
    return Features(length, keys, units_with_keys(keys), n_units)


@lru_cache(maxsize=4)
def _name_prefixes(names: frozenset[str]) -> frozenset[str]:
    return frozenset(name[:k] for name in names for k in range(1, len(name) + 1))


def document_names(en: Sequence[Features]) -> frozenset[str]:
    """Capitalized English words (not sentence-initial, not dictionary words) that may be names."""
    vocab = english_vocabulary()
    out = set()
    for f in en:
        for k in f.keys:
            if k.startswith("%") and len(k) > 3 and stem(k[1:]) not in vocab:
                out.add(k[1:])
    return frozenset(out)


def merge_features(parts: Sequence[Features]) -> Features:
    """The features of consecutive sentences taken as one block."""
    keys: dict[str, int] = {}
    shift = 0
    length = 0
    content = 0
    for f in parts:
        get = keys.get
        if shift:
            for k, v in f.keys.items():
                keys[k] = get(k, 0) | (v << shift)
        else:
            keys.update(f.keys)
        length += f.length
        content += f.content
        shift += f.units
    return Features(length, keys, content, shift)


def anchors(f: Features) -> frozenset[str]:
    """Numbers of 10 and more and document symbols: they must agree across a bead."""
    if f.anchor_keys is not None:
        return f.anchor_keys
    out = set()
    for k in f.keys:
        if k[0] == "$":
            out.add(k)
        elif k[0] == "#" and k[1:2].isdigit():
            try:
                if float(k[1:]) >= 10:
                    out.add(k)
            except ValueError:
                pass
    f.anchor_keys = frozenset(out)
    return f.anchor_keys


def extract_features(src: Sequence[str], tgt: Sequence[str], src_lang: str = "en", glossary=None):
    """Chinese and English features of the two sides (in that order)."""
    zh_texts, en_texts = (tgt, src) if src_lang == "en" else (src, tgt)
    lexicon = Lexicon.build(glossary)
    en = [en_features(s) for s in en_texts]
    names = document_names(en)
    zh = [zh_features(s, lexicon, names) for s in zh_texts]
    return zh, en


def drop_frequent(zh: list[Features], en: list[Features], max_df: float) -> tuple[list[Features], list[Features]]:
    """Forget keys that occur in too many sentences of a side: the document's topic words
    (women, violence, Korea in a UN report) link every sentence to every other one."""
    if max_df >= 1.0 or len(zh) < 20 or len(en) < 20:
        return zh, en
    frequent: set[str] = set()
    for side in (zh, en):
        df: dict[str, int] = {}
        for f in side:
            for k in f.keys:
                df[k] = df.get(k, 0) + 1
        limit = max_df * len(side)
        frequent.update(k for k, c in df.items() if c > limit)
    if not frequent:
        return zh, en

    def strip(f: Features) -> Features:
        keys = {k: v for k, v in f.keys.items() if k not in frequent}
        if len(keys) == len(f.keys):
            return f
        return Features(f.length, keys, units_with_keys(keys), f.units)

    return [strip(f) for f in zh], [strip(f) for f in en]
