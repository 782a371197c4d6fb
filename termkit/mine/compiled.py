"""jieba's segmentation computed by jieba-rs (the ``rjieba`` binding), token for token.

jieba-rs implements jieba's algorithm over jieba's own dictionary and cuts Chinese some ten times
faster than jieba's pure Python. Its output differs from jieba's in three known places, handled
here so that the tokens stay identical (``tests/test_segmenter.py`` proves it on the seeds, the
UN Parallel Corpus dev set, TICO-19 and generated hostile text, with and without a glossary's
words):

- a run of Latin letters, digits and ``.-_%#&+`` is one token for jieba-rs where jieba's HMM path
  cuts it into ``[a-zA-Z0-9]+(\\.\\d+)?%?`` pieces and single characters — re-cut the same way;
- jieba treats only U+4E00–U+9FD5 as hanzi; ideographs beyond it (extension A, U+9FD6–U+9FFF,
  compatibility ideographs, the supplementary planes) are cut differently — such a text goes to
  jieba;
- a hanzi written three times in a row (滋滋滋: 滋|滋滋 and 滋滋|滋 are equally likely) is a tie
  the two break differently — such a text goes to jieba too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_HANZI = re.compile(r"[\u4E00-\u9FD5]")
_JIEBA_LATIN_PIECE = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_NEEDS_JIEBA = re.compile(
    r"[\u3400-\u4DBF\u9FD6-\u9FFF\uF900-\uFAFF\U00020000-\U0003FFFF\U000F0000-\U0010FFFF]|([\u4E00-\u9FD5])\1\1"
)
# A word no text can reach (texts with private-use characters go to jieba) that carries the
# frequency jieba-rs leaves out of its total, so both totals agree.
_TOTAL_MAKEWEIGHT = "\U0010fffd\U0010fffd"


def available() -> bool:
    """Whether the compiled segmenter can be imported here."""
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


class CompiledTokenizer:
    """The part of ``jieba.Tokenizer`` the miner uses (``lcut``, ``FREQ``, ``total``,
    ``suggest_freq``), cutting with jieba-rs.

    ``jieba_tokenizer`` builds the equivalent pure-Python tokenizer, used (and built) only for
    the rare texts jieba-rs would cut differently.
    """

    def __init__(self, base_freq: dict[str, int], base_total: int, jieba_tokenizer: Callable[[], object]):
        import rjieba

        self._rj = rjieba.Jieba()
        self._jieba_tokenizer = jieba_tokenizer
        self._jieba = None
        self._added: dict[str, int] = {}
        self.FREQ = _Frequencies(base_freq, self._added)  # jieba's name; sees the words added later
        self.total = base_total
        self._replaced = 0
        self.jieba_texts = 0  # texts handed to jieba (they must stay rare: a test counts them)

    def add_words(self, words: Iterable[str]) -> None:
        """Add words as jieba's ``add_word(w, freq=max(suggest_freq(w), 10))`` would, in order."""
        for word in words:
            freq = max(self.suggest_freq(word), 10)
            self._rj.add_word(word, freq, None)
            self.total += freq  # as jieba does, even for a word it already had
            # jieba-rs takes the old frequency of a word it had off its total; jieba does not,
            # and the total weighs routes of different lengths (最弱 against 最|弱)
            self._replaced += self.FREQ.get(word) or 0
            self._added[word] = freq
            for end in range(1, len(word)):
                if self.FREQ.get(word[:end]) is None:
                    self._added[word[:end]] = 0  # jieba's prefix entries
        if self._replaced:
            self._rj.add_word(_TOTAL_MAKEWEIGHT, self._replaced, None)

    def suggest_freq(self, word: str, tune: bool = False) -> int:
        """jieba's ``suggest_freq(word, tune=False)``: the smallest frequency that keeps ``word``
        whole (jieba-rs's own rounds differently)."""
        chance = 1.0
        for piece in self._rj.cut(word, False):
            chance *= self.FREQ.get(piece, 1) / self.total
        return max(int(chance * self.total) + 1, self.FREQ.get(word, 1))

    def lcut(self, text: str, HMM: bool = True) -> list[str]:  # jieba's names
        if _NEEDS_JIEBA.search(text):
            self.jieba_texts += 1
            if self._jieba is None:
                self._jieba = self._jieba_tokenizer()
            return self._jieba.lcut(text, HMM=HMM)
        tokens = self._rj.cut(text, HMM)
        if not HMM:
            return tokens
        out = []
        for token in tokens:
            if len(token) > 1 and not _HANZI.search(token) and not _JIEBA_LATIN_PIECE.fullmatch(token):
                out += [p for p in _JIEBA_LATIN_PIECE.split(token) if p]
            else:
                out.append(token)
        return out


class _Frequencies:
    """jieba's ``FREQ.get`` over the dictionary and the added words."""

    __slots__ = ("_base", "_added")

    def __init__(self, base: dict[str, int], added: dict[str, int]):
        self._base = base
        self._added = added

    def get(self, word: str, default=None):
        freq = self._added.get(word)
        return freq if freq is not None else self._base.get(word, default)


def dictionary_frequencies(dict_file) -> tuple[dict[str, int], int]:
    """Word → frequency of jieba's dictionary file, every prefix of a word at 0 unless a word
    itself, and the total: jieba's ``gen_pfdict``."""
    freq: dict[str, int] = {}
    total = 0
    for raw in dict_file:
        parts = raw.decode("utf-8").split(" ")
        if len(parts) >= 2:
            word = parts[0]
            f = int(parts[1])
            freq[word] = f
            total += f
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    return freq, total
