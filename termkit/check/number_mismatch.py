"""number-mismatch: numbers, years and document symbols that differ between the two sides.

Understood on the Chinese side: full-width digits, Chinese numerals (二〇一九, 第七十三届, 三十),
万/亿 with digits (1.5亿 = 150,000,000); on the English side: digits with thousands separators,
number words (seventy-third, three) and million/billion. A number written in both as digits and
words matches either way."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Finding
from ..text.normalize import normalize_key
from ..text.numbers import MONTHS, en_number_value, zh_numeral_value
from .bilingual import location
from .context import CheckContext
from .findings import finding_id

NAME = "number-mismatch"

_SYMBOL_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+")
_EN_NUM_RE = re.compile(
    r"(?<![\w.\-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:st|nd|rd|th)?(?:\s*(thousand|million|billion|trillion))?(?![\w])",
    re.I,
)
_EN_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
# digits standing alone (next to hanzi or punctuation), not inside a code such as HCoV-229E or OC43
# (UN Chinese also groups thousands with a space: 1 270万)
_ZH_DIGITS_RE = re.compile(r"(?<![A-Za-z0-9.\-])(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d+))?(?![A-Za-z0-9])\s*(万|亿)?")
_ZH_NUMERALS_RE = re.compile(r"[〇零一二两三四五六七八九十百千万亿]+")
_SCALE = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
    "万": 10_000,
    "亿": 100_000_000,
}


def _value(whole: str, frac: str | None, scale: str | None) -> str:
    number = float(whole.replace(",", "").replace(" ", "") + ("." + frac if frac else ""))
    number *= _SCALE.get((scale or "").lower(), 1)
    if number == int(number):
        return str(int(number))
    return format(number, "f").rstrip("0").rstrip(".")


def en_numbers(text: str) -> Counter:
    symbols = _SYMBOL_RE.findall(text)
    rest = _SYMBOL_RE.sub(" ", text)
    found = Counter(symbols)
    for m in _EN_NUM_RE.finditer(rest):
        found[_value(m.group(1), m.group(2), m.group(3))] += 1
    for w in _EN_WORD_RE.findall(rest):
        if w.lower() in _SCALE or w.lower() == "hundred":
            continue  # "a million", "hundreds of": not a number that the translation repeats
        v = MONTHS.get(w.lower()) if w[0].isupper() else None  # Chinese writes months as numbers (3月)
        v = v or en_number_value(w.lower())
        if v is not None and v > 1:  # "one" and "first" are too often not numbers at all
            found[str(v)] += 1
    return found


def zh_numbers(text: str) -> Counter:
    text = normalize_key(text)
    symbols = _SYMBOL_RE.findall(text)
    rest = _SYMBOL_RE.sub(" ", text)
    found = Counter(symbols)
    for m in _ZH_DIGITS_RE.finditer(rest):
        found[_value(m.group(1), m.group(2), m.group(3))] += 1
    rest = _ZH_DIGITS_RE.sub(" ", rest)
    for m in _ZH_NUMERALS_RE.finditer(rest):
        v = zh_numeral_value(m.group())
        if v is not None and v > 1:
            found[str(v)] += 1
    return found


def check(ctx: CheckContext) -> list[Finding]:
    findings = []
    for u in ctx.units:
        en, zh = en_numbers(u.en), zh_numbers(u.zh)
        missing = sorted((en - zh).elements())
        extra = sorted((zh - en).elements())
        # a number spelled one way on one side and not found at all on the other is the problem;
        # one only counted more often on one side (a repeated year) is not
        missing = [n for n in missing if n not in zh]
        extra = [n for n in extra if n not in en]
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
