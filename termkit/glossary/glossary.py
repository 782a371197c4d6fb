"""The glossary: concepts read from one or more files, merged, ready to query."""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..formats.registry import read_glossary
from ..model import Concept, Term, lang_base


@dataclass
class Glossary:
    """Concepts from one or more glossary files, in file order."""

    concepts: list[Concept] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    # What the readers found wrong but could read (TBX: non-standard values, duplicate ids,
    # dangling references…): Problems with file and line, severity "warning".
    warnings: list = field(default_factory=list)

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


# Reader warnings nobody collected go to this logger; the CLI prints its records as
# ``termkit: warning: FILE:LINE: …`` on stderr (without a handler, Python prints them as they are).
warnings_log = logging.getLogger("termkit.warnings")
SHOWN_PER_CODE = 5


def report_warnings(problems: list, limit: int | None = SHOWN_PER_CODE) -> None:
    """Log reader warnings: the first ``limit`` of each kind per file, then how many more."""
    shown: Counter = Counter()
    hidden: Counter = Counter()
    for p in problems:
        key = (p.path, p.code)
        if limit is None or shown[key] < limit:
            where = f"{p.path}:{p.line}" if p.line else p.path
            warnings_log.warning("%s: %s [%s]", where, p.message, p.code)
            shown[key] += 1
        else:
            hidden[key] += 1
    for (path, code), n in hidden.items():
        warnings_log.warning("%s: %d more [%s] warning(s) not shown", path, n, code)


def read_concepts(path: str | os.PathLike, warnings: list | None = None) -> list[Concept]:
    """Read one glossary file, the reader picked by its extension (and, for CSV, its header) in
    :mod:`termkit.formats.registry`.

    ``.csv``/``.tsv``: the long curated shape (``concept_id, lang, term, …``) or the wide CAT shape
    (a column per language; TICO-19-style ``sourceString/targetString`` pairs). ``.tbx``/``.xml``:
    TBX v2 or v3, told apart by content. ``.xlsx``: long or wide shape, first sheet.

    Warnings from the readers (TBX non-standard values, duplicate ids, dangling references; wide
    CSV unknown columns…) are appended to ``warnings``; when no list is given they are reported
    on the ``termkit.warnings`` logger — never dropped.
    """
    concepts, problems = read_glossary(path)
    if warnings is not None:
        warnings.extend(problems)
    elif problems:
        report_warnings(problems)
    return concepts


def load_glossary(paths: Iterable[str | os.PathLike] | str | os.PathLike, report: bool = True) -> Glossary:
    """Read and merge glossary files.

    Concepts keep their ids; when two files use the same id for different concepts, the later
    one's id is prefixed with its file's stem so that neither is lost (``validate`` reports it).
    Reader warnings are collected in ``Glossary.warnings`` and, unless ``report=False``, also
    reported (see :func:`report_warnings`).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    merged = Glossary()
    origin_of: dict[str, str] = {}
    for path in paths:
        merged.paths.append(str(path))
        found: list = []
        concepts = read_concepts(path, found)
        merged.warnings.extend(found)
        if report and found:
            report_warnings(found)
        for concept in concepts:
            if origin_of.get(concept.id, concept.origin) != concept.origin:
                concept.id = f"{Path(path).stem}:{concept.id}"
            origin_of.setdefault(concept.id, concept.origin)
            merged.concepts.append(concept)
    return merged
