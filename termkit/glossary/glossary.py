"""The glossary: concepts read from one or more files, merged, ready to query."""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..formats.ids import fresh_id
from ..model import Concept, Problem, Term, lang_base


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
            from .cache import index_for

            self._index = index_for(self)
        return self._index

    _index = None


def lookup_index(paths: Iterable[str | os.PathLike] | str | os.PathLike):
    """``load_glossary(paths).index()``, read from the cache folder without reading the glossary
    when it was kept for these very files (:mod:`termkit.glossary.cache`)."""
    from .cache import stored_index

    index = stored_index(paths)
    return index if index is not None else load_glossary(paths).index()


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


def read_concepts(path: str | os.PathLike, warnings: list | None = None, columns=None) -> list[Concept]:
    """Read one glossary file, the reader picked by its extension (and, for CSV, its header) in
    :mod:`termkit.formats.registry`.

    ``.csv``/``.tsv``: the long curated shape (``concept_id, lang, term, …``) or the wide CAT shape
    (a column per language; TICO-19-style ``sourceString/targetString`` pairs). ``.tbx``/``.xml``:
    TBX v2 or v3, told apart by content. ``.xlsx``: long or wide shape, first sheet. Tables from
    others are read leniently (language columns by name or content, no header, title rows);
    ``columns`` (``"en,zh-CN,note"``) names a table's columns in order when they cannot be told.

    Warnings from the readers (TBX non-standard values, duplicate ids, dangling references; wide
    CSV unknown columns…) are appended to ``warnings``; when no list is given they are reported
    on the ``termkit.warnings`` logger — never dropped.
    """
    # the readers (lxml, openpyxl) load only when a glossary is read: not for a cached lookup
    from ..formats.registry import read_glossary

    concepts, problems = read_glossary(path, columns)
    if warnings is not None:
        warnings.extend(problems)
    elif problems:
        report_warnings(problems)
    return concepts


def load_glossary(
    paths: Iterable[str | os.PathLike] | str | os.PathLike, report: bool = True, columns=None
) -> Glossary:
    """Read and merge glossary files.

    Concepts keep their ids; when two files use the same id for different concepts, the later
    one's id is prefixed with its file's stem (``b:c1``), or made unique otherwise (``b:c1-2``, when
    two files share a stem or a file is given twice), so that no two concepts share an id — and
    that is reported. (Within one file the readers already give a repeated id a new one.)
    Reader warnings are collected in ``Glossary.warnings`` and, unless ``report=False``, also
    reported (see :func:`report_warnings`). ``columns`` names the columns of every table given
    (see :func:`read_concepts`).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    merged = Glossary()
    taken: set[str] = set()
    for path in paths:
        merged.paths.append(str(path))
        found: list = []
        concepts = read_concepts(path, found, columns)
        mine = {c.id for c in concepts}
        for concept in concepts:
            if concept.id in taken:
                old = concept.id
                concept.id = fresh_id(f"{Path(path).stem}:{old}", taken | mine)
                found.append(
                    Problem(
                        str(path),
                        concept.line,
                        "warning",
                        "duplicate-id",
                        f"concept id {old!r} is already used by a glossary read before: read as {concept.id!r}",
                    )
                )
            taken.add(concept.id)
            merged.concepts.append(concept)
        merged.warnings.extend(found)
        if report and found:
            report_warnings(found)
    return merged
