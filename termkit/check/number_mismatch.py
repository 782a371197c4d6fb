"""number-mismatch: numbers, years and document symbols that differ between the two sides.

Understood on the Chinese side: full-width digits, Chinese numerals (二〇一九, 第七十三届, 三十),
traditional ones (兩, 萬, 億), 万/亿 with digits (1.5亿 = 150,000,000); on the English side: digits
with thousands separators, number words (seventy-third, three), million/billion, month names,
Roman numerals (chapter VI, annex II, vol. XXVII, a heading ``II.``, ``(iii)``), times (10.47 a.m.:
10 and 47, as 10时47分 writes them), post-2015. A number written in both as digits and words
matches either way; ``one``, ``zero``, ``first``, ``both`` and 一, 零 match a 1, 0 or 2 on the
other side but are not required there (they are too often not counts).

Not numbers: weekdays (星期二, 周三 — Tuesday has no number), approximate counts (数百, 几十, 成千,
as ``hundreds of`` is not one in English), placeholders and codes (``{{ limit }}``, ``%1$s``,
``{0}``, ``value_1000``), and words written with numeral characters that are no quantity: the
idioms and fixed words of ``termkit/data/zh_not_numbers.txt`` (四舍五入, 十分, 红十字)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib.resources import files

from ..model import Finding
from ..text.normalize import normalize_key
from ..text.numbers import MONTHS, en_number_value, zh_numeral_value
from .bilingual import location, translation_pairs
from .context import CheckContext
from .findings import finding_id

NAME = "number-mismatch"

_SYMBOL_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+")
_EN_NUM_RE = re.compile(
    r"(?<![\w.\-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:st|nd|rd|th)?(?:\s*(thousand|million|billion|trillion))?(?![\w])",
    re.I,
)
_EN_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
# digits standing alone (next to hanzi or punctuation), not inside a code such as HCoV-229E, OC43 or
# value_1000 (UN Chinese also groups thousands with a space: 1 270万)
_ZH_DIGITS_RE = re.compile(r"(?<![A-Za-z0-9_.\-])(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d+))?(?![A-Za-z0-9_])\s*(万|亿)?")
_ZH_NUMERALS_RE = re.compile(r"[〇零一二两三四五六七八九十百千万亿]+")
_SCALE = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
    "万": 10_000,
    "亿": 100_000_000,
}
# placeholders of software strings and templates: {{ limit }}, {0}, %1$s, %d, %name%, ${x}
_PLACEHOLDER_RE = re.compile(
    r"\{\{[^{}]*\}\}|\{[^{}\s][^{}]*\}|%(?:\d+\$)?[-+0#]?\d*(?:\.\d+)?[sdifuxXeEgGcop](?![A-Za-z])|%[A-Za-z_]\w*%|\$\{[^}]*\}"
)
_ROMAN = r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# Roman numerals after the words that number parts of a text (chapter VI, annex II, vol. XXVII);
# alone, only those of I, V and X: a heading "C." or a list item "(d)" is a letter, not 100 or 500
_ROMAN_CONTEXT_RE = re.compile(
    r"\b(?i:chapters?|annex(?:es)?|parts?|volumes?|vol\.|titles?|sections?|books?|appendix|appendices|"
    r"articles?|tables?|figures?|phases?|class|schedules?|categor(?:y|ies)|levels?|protocols?|stages?|war)"
    r"\s+([IVX]+|[IVXLCDM]{2,})\b(?![.,]\d)",
)
_ROMAN_HEADING_RE = re.compile(r"^\s*([IVX]+)[.．]\s")
# (ii), (iv), (XII); not a lone (v) or (x), which are as often letters of a list (a) … (z)
_ROMAN_PARENS_RE = re.compile(r"[(（](i|[ivx]{2,6}|I|[IVX]{2,6})[)）]")
# in Chinese text, Latin capitals II, IV, XII next to hanzi (III期, 第IV部分) are Roman numerals
_ZH_ROMAN_RE = re.compile(r"(?<![A-Za-z0-9])([IVX]{2,6})(?![A-Za-z0-9])")
_EN_TIME_RE = re.compile(r"\b(\d{1,2})[.:](\d{2})(?=\s*(?:a\.?m\b|p\.?m\b|hours?\b|h\b))", re.I)
_EN_YEAR_AFTER_RE = re.compile(r"\b(?:post|pre|mid)-(\d{4})\b", re.I)
_EN_WEAK = {"one": "1", "first": "1", "zero": "0", "both": "2", "once": "1"}
_ZH_WEEKDAY_RE = re.compile(r"(?:星期|礼拜|(?<![每一两三四五六七八九十几数]|[0-9])周)[一二三四五六日天]")
_ZH_APPROX_RE = re.compile(r"数以[十百千万亿]+计|[数几成上][十百千万亿]+")
_ZH_PARAGRAPH_RE = re.compile(r"^(\s*\d{1,3})[.．](?=\d{4}年)")


@lru_cache(maxsize=1)
def _not_numbers() -> re.Pattern:
    """The words of ``termkit/data/zh_not_numbers.txt``, longest first, as one pattern."""
    text = files("termkit").joinpath("data", "zh_not_numbers.txt").read_text(encoding="utf-8")
    words = sorted({w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _value(whole: str, frac: str | None, scale: str | None) -> str:
    number = float(whole.replace(",", "").replace(" ", "") + ("." + frac if frac else ""))
    number *= _SCALE.get((scale or "").lower(), 1)
    if number == int(number):
        return str(int(number))
    return format(number, "f").rstrip("0").rstrip(".")


def roman_value(text: str) -> int | None:
    """``XXVII`` → 27, ``iv`` → 4; None when not a well-formed Roman numeral."""
    up = text.upper()
    if not up or not re.fullmatch(_ROMAN, up):
        return None
    values = [_ROMAN_VALUES[c] for c in up]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def _romans(text: str, found: Counter, weak: set, patterns) -> str:
    """Count the Roman numerals ``patterns`` find (1 as a weak number), and blank them out."""
    for pattern in patterns:
        for m in pattern.finditer(text):
            v = roman_value(m.group(1))
            if v is None:
                continue
            if v > 1:
                found[str(v)] += 1
            else:
                weak.add(str(v))
        text = pattern.sub(" ", text)
    return text


def _en(text: str) -> tuple[Counter, set]:
    """The numbers of English text, and the weak ones (``one``, ``first``, ``both``, a Roman I)."""
    text = _PLACEHOLDER_RE.sub(" ", text)
    symbols = _SYMBOL_RE.findall(text)
    rest = _SYMBOL_RE.sub(" ", text)
    found: Counter = Counter(symbols)
    weak: set = set()
    rest = _romans(rest, found, weak, (_ROMAN_CONTEXT_RE, _ROMAN_HEADING_RE, _ROMAN_PARENS_RE))
    for m in _EN_TIME_RE.finditer(rest):
        found[str(int(m.group(1)))] += 1
        if int(m.group(2)):
            found[str(int(m.group(2)))] += 1
    rest = _EN_TIME_RE.sub(" ", rest)
    for m in _EN_YEAR_AFTER_RE.finditer(rest):
        found[m.group(1)] += 1
    for m in _EN_NUM_RE.finditer(rest):
        found[_value(m.group(1), m.group(2), m.group(3))] += 1
    for w in _EN_WORD_RE.findall(rest):
        low = w.lower()
        if low in _SCALE or low == "hundred":
            continue  # "a million", "hundreds of": not a number that the translation repeats
        if low in _EN_WEAK:
            weak.add(_EN_WEAK[low])
            continue
        month = MONTHS.get(low) if w[0].isupper() else None  # Chinese writes months as numbers (3月)
        if month is not None:
            found[str(month)] += 1
            continue
        v = en_number_value(low)
        if v is not None and v > 1:
            found[str(v)] += 1
        elif v is not None:
            weak.add(str(v))
    return found, weak


def _zh(text: str) -> tuple[Counter, set]:
    """The numbers of Chinese text, and the weak ones (一, 零, 〇, a Roman I)."""
    text = normalize_key(text, simplified=True)  # full-width digits; 兩 萬 億 週 as 两 万 亿 周
    text = _PLACEHOLDER_RE.sub(" ", text)
    symbols = _SYMBOL_RE.findall(text)
    rest = _SYMBOL_RE.sub(" ", text)
    found: Counter = Counter(symbols)
    weak: set = set()
    rest = _romans(rest, found, weak, (_ROMAN_PARENS_RE, _ZH_ROMAN_RE))
    rest = _ZH_PARAGRAPH_RE.sub(r"\1 ", rest)  # 17.2014年: paragraph 17, the year 2014
    for pattern in (_not_numbers(), _ZH_WEEKDAY_RE, _ZH_APPROX_RE):
        rest = pattern.sub(" ", rest)
    for m in _ZH_DIGITS_RE.finditer(rest):
        found[_value(m.group(1), m.group(2), m.group(3))] += 1
    rest = _ZH_DIGITS_RE.sub(" ", rest)
    for m in _ZH_NUMERALS_RE.finditer(rest):
        v = zh_numeral_value(m.group())
        if v is not None and v > 1:
            found[str(v)] += 1
        elif v is not None:
            weak.add(str(v))
    return found, weak


def en_numbers(text: str) -> Counter:
    """The numbers English text states (see the module's docstring for what counts)."""
    return _en(text)[0]


def zh_numbers(text: str) -> Counter:
    """The numbers Chinese text states (see the module's docstring for what counts)."""
    return _zh(text)[0]


def check(ctx: CheckContext) -> list[Finding]:
    findings = []
    for u in translation_pairs(ctx.units):
        (en, en_weak), (zh, zh_weak) = _en(u.en), _zh(u.zh)
        missing = sorted((en - zh).elements())
        extra = sorted((zh - en).elements())
        # a number spelled one way on one side and not found at all on the other is the problem;
        # one only counted more often on one side (a repeated year) is not, nor one the other side
        # says as a weak number (one, first, both, 一)
        missing = [n for n in missing if n not in zh and n not in zh_weak]
        extra = [n for n in extra if n not in en and n not in en_weak]
        if not missing and not extra:
            continue
        parts = []
        if missing:
            parts.append(f"not in the Chinese: {', '.join(missing)}")
        if extra:
            parts.append(f"only in the Chinese: {', '.join(extra)}")
        findings.append(
            Finding(
                check=NAME,
                severity="warning",
                message=f"{u.file}#{u.id}: numbers differ — {'; '.join(parts)}",
                id=finding_id(NAME, u.file, u.id, *missing, *extra),
                forms={n: {u.file: 1} for n in missing + extra},
                locations=[location(u)],
                suggestion="check the numbers, years and document symbols against the source",
                confidence=0.8,
            )
        )
    return findings
