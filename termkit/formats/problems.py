"""Warnings met while reading or writing a file, collected as :class:`~termkit.model.Problem`.

The termbase readers and writers (TBX, wide CSV, XLSX) and ``termkit export`` go on past what
they can read or write anyway — a non-standard status, an unknown column — and say so; a problem
that repeats (same code and key) is reported once, with a count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Problem


@dataclass
class Warnings:
    """Collects reader/writer warnings; repeated ones (same code and key) become one with a count."""

    path: str
    items: list = field(default_factory=list)  # [code, message, line, key, count, path]
    _by_key: dict = field(default_factory=dict)

    def add(self, code: str, message: str, line: int | None = None, key=None, path: str | None = None) -> None:
        if key is not None:
            k = (code, key)
            if k in self._by_key:
                self._by_key[k][4] += 1
                return
            item = [code, message, line, key, 1, path]
            self._by_key[k] = item
        else:
            item = [code, message, line, None, 1, path]
        self.items.append(item)

    def problems(self) -> list[Problem]:
        out = []
        for code, message, line, _key, count, path in self.items:
            if count > 1:
                message = f"{message} ({count} times; first here)"
            out.append(Problem(path or self.path, line, "warning", code, message))
        return out
