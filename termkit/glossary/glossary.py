"""The glossary: concepts read from one or more files, merged, ready to query."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..model import Concept, Term, lang_base


@dataclass
class Glossary:
    """Concepts from one or more glossary files, in file order."""

    concepts: list[Concept] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.concepts)

    def terms(self, lang: str | None = None) -> list[Term]:
        """Every term (all statuses), optionally only those in ``lang`` (``zh`` matches ``zh-CN``…)."""
        base = lang_base(lang) if lang else None
        return [t for c in self.concepts for t in c.terms if base is None or lang_base(t.lang) == base]

    def languages(self) -> list[str]:
        return sorted({lang_base(t.lang) for t in self.terms() if t.lang})

    def get(self, concept_id: str) -> Concept | None:
        return self._by_id.get(concept_id)

    @cached_property
    def _by_id(self) -> dict[str, Concept]:
        out: dict[str, Concept] = {}
        for c in self.concepts:
            out.setdefault(c.id, c)
        return out

    def index(self):
        """The lookup index (built once, then cached)."""
        if self._index is None:
            from .index import GlossaryIndex

            self._index = GlossaryIndex(self)
        return self._index

    _index = None


def read_concepts(path: str | os.PathLike) -> list[Concept]:
    """Read one glossary file, picking the reader by its extension."""
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".tsv") or not suffix:
        from ..formats.csv import read_glossary_csv

        return read_glossary_csv(path)
    raise InputError(f"unsupported glossary format {suffix!r} (expected .csv)", str(path))


def load_glossary(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> Glossary:
    """Read and merge glossary files.

    Concepts keep their ids; when two files use the same id for different concepts, the later
    one's id is prefixed with its file's stem so that neither is lost (``validate`` reports it).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    merged = Glossary()
    origin_of: dict[str, str] = {}
    for path in paths:
        merged.paths.append(str(path))
        for concept in read_concepts(path):
            if origin_of.get(concept.id, concept.origin) != concept.origin:
                concept.id = f"{Path(path).stem}:{concept.id}"
            origin_of.setdefault(concept.id, concept.origin)
            merged.concepts.append(concept)
    return merged
