"""The general-UN reference: word frequencies of general United Nations Chinese.

Domain specificity (:func:`.scores.word_specificity`) compares a word's frequency in the mined
corpus with its frequency in a reference. jieba's dictionary is general Chinese, against which all
UN prose looks specialised (国际, 合作, 会员国, 伙伴关系, 优先事项). The second reference shipped
here is general UN text: the Chinese side of the UN Parallel Corpus v1.0 development set (4,000
sentences of 2015 UN documents on every subject), segmented as the miner segments and counted
offline by ``bench/mine_reference.py`` into ``termkit/data/unpc_zh_words.tsv``.

Source and acknowledgement: the United Nations; Ziemski, Junczys-Dowmunt and Pouliquen (2016),
"The United Nations Parallel Corpus v1.0", LREC 2016.

The reference is small (about 100,000 words), so it only speaks for words it has seen often:
:meth:`UNReference.low` is a cautious estimate of a word's count — the count less two standard
deviations of a Poisson count, ``max(0, f − 2√f)``, so a word seen four times or fewer (芬太尼,
大麻: the reference holds a few lines about drugs) counts as absent and is judged against general
Chinese only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

#: The shipped reference file (in the package data, ``termkit/data``).
UN_REFERENCE_FILE = "unpc_zh_words.tsv"
#: The names ``mine(reference=…)`` accepts.
REFERENCES = ("un", "general")


@dataclass
class UNReference:
    """Word counts of a general-UN corpus: ``counts[word]``, ``lines[word]``, ``n_tokens``."""

    counts: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    n_tokens: int = 0
    n_lines: int = 0
    source: str = ""

    def low(self, word: str) -> float:
        """A cautious estimate of the word's count: ``max(0, f − 2√f)`` (0 for f ≤ 4)."""
        f = self.counts.get(word, 0)
        return max(0.0, f - 2.0 * math.sqrt(f)) if f else 0.0

    def __len__(self) -> int:
        return len(self.counts)


def parse(text: str, source: str = "") -> UNReference:
    """Read the TSV format written by ``bench/mine_reference.py``."""
    ref = UNReference(source=source)
    for line in text.splitlines():
        if not line:
            continue
        if line.startswith("#"):
            parts = line[1:].strip().split("\t")
            if len(parts) == 2 and parts[0] == "tokens":
                ref.n_tokens = int(parts[1])
            elif len(parts) == 2 and parts[0] == "lines":
                ref.n_lines = int(parts[1])
            continue
        word, count, lines = line.split("\t")
        ref.counts[word] = int(count)
        ref.lines[word] = int(lines)
    if ref.n_tokens <= 0:
        ref.n_tokens = sum(ref.counts.values())
    return ref


@lru_cache(maxsize=1)
def un_reference() -> UNReference:
    """The shipped general-UN reference (read once per process, from the package data)."""
    res = resources.files("termkit").joinpath("data", UN_REFERENCE_FILE)
    return parse(res.read_text(encoding="utf-8"), source=str(res))


def get_reference(name: str | None) -> UNReference | None:
    """``"un"`` → the general-UN reference; ``"general"`` (or None) → none: general Chinese only."""
    if name is None or name == "general":
        return None
    if name == "un":
        return un_reference()
    raise ValueError(f"unknown reference {name!r} (one of: {', '.join(REFERENCES)})")
