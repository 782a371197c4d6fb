"""Find glossary forms in running text: leftmost-longest, so a form inside a longer form is not
counted twice (毒品和犯罪问题办公室 inside 联合国毒品和犯罪问题办公室 counts for the longer one)."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator


class FormScanner:
    """Finds any of a set of strings in a text. Matching is exact: normalize both sides first."""

    def __init__(self, forms: Iterable[str]):
        by_first: dict[str, set[str]] = defaultdict(set)
        for form in forms:
            if form:
                by_first[form[0]].add(form)
        # longest first, so the first hit at a position is the longest one
        self._by_first = {c: sorted(fs, key=len, reverse=True) for c, fs in by_first.items()}

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Non-overlapping ``(start, end, form)`` hits, leftmost-longest."""
        i, n = 0, len(text)
        by_first = self._by_first
        while i < n:
            forms = by_first.get(text[i])
            if forms:
                for form in forms:
                    if text.startswith(form, i):
                        yield i, i + len(form), form
                        i += len(form)
                        break
                else:
                    i += 1
            else:
                i += 1
