"""Rebuild the idiom part of termkit/data/zh_not_numbers.txt: words written with numeral
characters that are not numbers, which the number-mismatch check reads past.

    python bench/zh_not_numbers.py

The file has two parts. Above the marker line, a hand-written list (common words and fixed
phrases: 十分 "very", 百分之 "per cent", 红十字 "Red Cross" …): edit it by hand; this script keeps
it. Below the marker, every idiom (tag ``i``) of four characters or more in jieba's dictionary
(MIT licence) that holds a Chinese numeral worth more than one: 四舍五入, 七上八下, 四面八方,
成千上万 — counted by their characters they would be 4 and 5, 7 and 8, 10,000. Run offline.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.text.numbers import zh_numeral_value  # noqa: E402

OUT = ROOT / "termkit" / "data" / "zh_not_numbers.txt"
MARKER = "# --- idioms from jieba's dictionary (tag i), written by bench/zh_not_numbers.py: do not edit below ---"
_NUMERALS = re.compile("[〇零一二两三四五六七八九十百千万亿]+")


def idioms() -> list[str]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _freq, tag = line.split()
        if tag != "i" or len(word) < 4:
            continue
        if any((zh_numeral_value(m) or 0) > 1 for m in _NUMERALS.findall(word)):
            out.append(word)
    return sorted(set(out))


def main() -> None:
    text = OUT.read_text(encoding="utf-8")
    head = text.split(MARKER)[0].rstrip("\n")
    words = idioms()
    OUT.write_text(head + "\n" + MARKER + "\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(words)} idioms below the hand-written list")


if __name__ == "__main__":
    main()
