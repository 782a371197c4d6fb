"""Numbers written in words: Chinese numerals (二〇一五, 三十五, 两千) and English number words
(seven, sixty-ninth, twenty-two), read as integers.

Shared by the sentence aligner (numbers are lexical anchors between a sentence and its
translation) and the number-mismatch check (numbers that differ between the two sides).
"""

from __future__ import annotations

# Every character a Chinese numeral is written with (digits, 〇/零/两, and the units 十 … 亿).
ZH_NUMERAL_CHARS = "〇零一二三四五六七八九十百千万亿两"
_ZH_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_ZH_DIGIT.update({"〇": 0, "两": 2})
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_EN_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_EN_NUMBER_WORDS.update(
    {
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "thousand": 1000,
        "million": 1_000_000,
        "billion": 1_000_000_000,
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "sixth": 6,
        "seventh": 7,
        "eighth": 8,
        "ninth": 9,
        "tenth": 10,
        "half": 2,
        "twice": 2,
        "dozen": 12,
        "eleventh": 11,
        "twelfth": 12,
        "thirteenth": 13,
        "fourteenth": 14,
        "fifteenth": 15,
        "sixteenth": 16,
        "seventeenth": 17,
        "eighteenth": 18,
        "nineteenth": 19,
        "twentieth": 20,
        "thirtieth": 30,
        "fortieth": 40,
        "fiftieth": 50,
        "sixtieth": 60,
        "seventieth": 70,
        "eightieth": 80,
        "ninetieth": 90,
        "hundredth": 100,
    }
)

# English month names (lowercase) → 1..12: Chinese writes months as numbers (3月).
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}


def en_number_value(word: str) -> int | None:
    """``seven`` → 7, ``sixty-ninth`` → 69, ``twenty-two`` → 22; None when not a number word."""
    value = _EN_NUMBER_WORDS.get(word)
    if value is not None or "-" not in word:
        return value
    parts = word.split("-")
    if len(parts) == 2:
        tens, units = _EN_NUMBER_WORDS.get(parts[0]), _EN_NUMBER_WORDS.get(parts[1])
        if tens and units and tens % 10 == 0 and 20 <= tens <= 90 and 1 <= units <= 9:
            return tens + units
    return None


def zh_numeral_value(text: str) -> int | None:
    """二〇一五 → 2015, 三十五 → 35, 一百二十 → 120, 两千 → 2000; None when not a number."""
    if not text:
        return None
    if not any(c in _ZH_UNIT for c in text):
        if all(c in _ZH_DIGIT for c in text):
            return int("".join(str(_ZH_DIGIT[c]) for c in text))
        return None
    total, section, digit = 0, 0, None
    for c in text:
        if c in _ZH_DIGIT:
            digit = _ZH_DIGIT[c]
        elif c in ("万", "亿"):
            section = (section + (digit or 0)) * _ZH_UNIT[c]
            total += section
            section, digit = 0, None
        elif c in _ZH_UNIT:
            section += (1 if digit is None else digit) * _ZH_UNIT[c]
            digit = None
        else:
            return None
    return total + section + (digit or 0)
