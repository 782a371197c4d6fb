"""The pinyin side of the lookup index: each Chinese term's reading, computed when a query first
needs it (pypinyin takes a while to load), and the matches by reading — the same or a near
syllable (芬坦尼 for 芬太尼), or pinyin typed in Latin letters (ai zi bing du).

:class:`PinyinReadings` is part of :class:`termkit.glossary.index.GlossaryIndex`, which builds the
tables it reads (``entries``, ``_unkeyed``, ``_pinyin``, ``_initials``, ``_latin``,
``_short_chinese``).
"""

from __future__ import annotations

from collections.abc import Callable

from ..text.pinyin import latin_pinyin, pinyin_key
from .near_pinyin import near_syllables
from .scores import SCORES


class PinyinReadings:
    def prepare_pinyin(self) -> None:
        """Give every Chinese term its pinyin keys, and the two-hanzi terms their Latin reading
        (done at the first query that needs them, since it loads pypinyin)."""
        for length in list(self._unkeyed):
            self._key_pinyin(length)
        self._latin_ready = True
        if self._short_chinese:
            for i in self._short_chinese:
                self._latin[pinyin_key(self.entries[i].key).replace(" ", "")].append(i)
            self._short_chinese = []

    def _key_pinyin(self, length: int) -> None:
        """Give the Chinese terms of this key length their pinyin keys (once)."""
        for i in self._unkeyed.pop(length, ()):
            syllables = pinyin_key(self.entries[i].key).split()
            self._pinyin[" ".join(syllables)].append(i)
            self._initials[self._initials_key(syllables)].append(i)
            self._latin["".join(syllables)].append(i)

    @staticmethod
    def _initials_key(syllables: list[str]) -> str:
        return " ".join(s[:1] for s in syllables)

    # Each hanzi → the first letters its syllable can have (text.pinyin.first_letters_table), or
    # what returns it when first needed; set by the index cache: with it, a query that no term can
    # read like never loads pypinyin.
    first_letters: dict[str, str] | Callable[[], dict[str, str] | None] | None = None

    def _may_read_alike(self, qkey: str) -> bool:
        """Could a term other than the query read like it? Every term :meth:`_pinyin_matches` offers
        has the first letters of the query's syllables, so when no term's letters fit, position by
        position, those the query's characters can take, it would offer nothing."""
        if self._unkeyed.get(len(qkey)):
            return True  # the readings of terms this long are not known yet
        if callable(self.first_letters):
            self.first_letters = self.first_letters()
        table = self.first_letters
        if table is None:
            return True
        allowed = [table.get(c) for c in qkey]
        if not all(allowed):
            return True
        for key, entries in self._initials.items():
            letters = key.split(" ")
            if (
                len(letters) == len(allowed)
                and all(x in ok for x, ok in zip(letters, allowed))
                and any(self.entries[i].key != qkey for i in entries)
            ):
                return True
        return False

    def _pinyin_matches(self, qkey: str, offer) -> None:
        self._key_pinyin(len(qkey))
        syllables = pinyin_key(qkey).split()
        for i in self._pinyin.get(" ".join(syllables), ()):
            if self.entries[i].key != qkey:
                offer(i, SCORES["pinyin"], "pinyin")
        for i in self._initials.get(self._initials_key(syllables), ()):
            e = self.entries[i]
            if e.key == qkey:
                continue
            other = pinyin_key(e.key).split()
            if len(other) != len(syllables):
                continue
            near = sum(1 for a, b in zip(syllables, other) if a != b)
            if near == 0 or near > max(1, len(syllables) // 4):
                continue
            if all(near_syllables(a, b) for a, b in zip(syllables, other)):
                offer(i, SCORES["pinyin_near"] - 4 * (near - 1), "pinyin")

    def _latin_pinyin_matches(self, query: str, offer) -> None:
        """Chinese terms whose reading is the query, typed as pinyin in Latin letters."""
        parsed = latin_pinyin(query)
        if parsed is None:
            return
        letters, tones = parsed
        if not self._latin_ready or self._short_chinese:
            self.prepare_pinyin()
        for i in self._latin.get(letters, ()):
            toned = pinyin_key(self.entries[i].key, tones=True).split() if tones else []
            same_tones = (
                tones is None
                or len(tones) != len(toned)
                or all(t is None or s.endswith(str(t)) for s, t in zip(toned, tones))
            )
            offer(i, SCORES["pinyin"] if same_tones else SCORES["pinyin_other_tones"], "pinyin", across=True)
