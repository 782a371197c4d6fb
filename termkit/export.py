"""Export glossaries and mined candidates as termbases for CAT tools: the library behind ``termkit export``.

::

    from termkit.export import export_glossary, candidates_to_concepts
    export_glossary(["glossaries/un-drug-control.csv"], "out/termbase.tbx")                 # TBX-Basic v3
    export_glossary(["glossaries/un-drug-control.csv"], "out/termbase-v2.tbx", tbx_version=2)
    export_glossary(["glossaries/un-drug-control.csv"], "out/termbase.xlsx", lang_tags={"zh": "zh-Hans"})
    export_glossary(candidates_to_concepts(termkit.mine(["seeds/"]).candidates), "out/proposed.tbx")

The output format follows the extension: ``.tbx`` (or ``.xml``) TBX-Basic, v3 by default or v2
(``martif``) with ``tbx_version=2``; ``.csv`` and ``.xlsx`` the wide CAT shape (one row per
concept, a column per language), or the long curated shape with ``shape="long"``. Inputs are
glossary files in any format termkit reads (long or wide CSV, TBX v2/v3, XLSX), a
:class:`~termkit.glossary.Glossary`, concepts, or files written by ``termkit mine`` (``.jsonl``, or
its ``.csv`` with the ``rank,text,…`` header), whose candidates become proposed entries.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, TermkitError
from .formats.candidates import read_candidates
from .formats.ids import make_unique
from .formats.problems import Warnings
from .formats.proposed import candidates_to_concepts
from .formats.registry import is_candidates_file, termbase_format, write_termbase
from .formats.vocabulary import canonical_lang, check_lang_tags, resolve_lang_tags
from .glossary.glossary import Glossary, load_glossary
from .model import Candidate, Concept

if TYPE_CHECKING:
    from .glossary import Glossary


@dataclass
class ExportResult:
    """What an export wrote, for the one-line summary, and every warning met on the way."""

    path: str
    format: str  # tbx, csv or xlsx
    concepts: int
    terms: int
    languages: dict[str, int]  # language tag as written → number of terms
    tbx_version: int | None = None
    shape: str = ""  # wide or long (CSV, XLSX)
    warnings: list = field(default_factory=list)  # Problem, from reading and from writing

    def summary(self) -> str:
        langs = ", ".join(f"{k} {v}" for k, v in self.languages.items())
        if self.format == "tbx":
            what = f"TBX-Basic v{self.tbx_version}"
        else:
            what = f"{self.format.upper()}, {self.shape} shape"
        return f"{self.concepts} concepts, {self.terms} terms ({langs}) written to {self.path} ({what})"


def parse_lang_tags(specs: Iterable[str]) -> dict[str, str]:
    """``["zh=zh-Hans", "en=en-US"]`` → ``{"zh": "zh-Hans", "en": "en-US"}`` (checked: BCP 47)."""
    out: dict[str, str] = {}
    for spec in specs:
        if "=" not in spec:
            raise TermkitError(f"--lang-tag {spec!r}: expected LANG=TAG, e.g. zh=zh-CN")
        lang, tag = (x.strip() for x in spec.split("=", 1))
        fixed, valid = canonical_lang(tag)
        if not lang or not valid:
            raise TermkitError(
                f"--lang-tag {spec!r}: {tag!r} is not a BCP 47 language tag (e.g. zh-CN, zh-Hans, zh-TW)"
            )
        out[lang] = fixed
    return out


def _gather(inputs, warnings: list, columns=None) -> tuple[list[Concept], str]:
    """Concepts from the inputs, and a name for the termbase (the first file's stem)."""
    if isinstance(inputs, Glossary):
        warnings.extend(inputs.warnings)
        name = Path(inputs.paths[0]).stem if inputs.paths else "termbase"
        return list(inputs.concepts), name
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    items = list(inputs)
    concepts: list[Concept] = []
    names: list[str] = []
    glossary_paths: list = []

    def flush():
        if glossary_paths:
            g = load_glossary(list(glossary_paths), report=False, columns=columns)
            warnings.extend(g.warnings)
            concepts.extend(g.concepts)
            glossary_paths.clear()

    candidates: list[Candidate] = []
    for item in items:
        if isinstance(item, Concept):
            flush()
            concepts.append(item)
        elif isinstance(item, Candidate):
            candidates.append(item)
        elif is_candidates_file(item):
            flush()
            names.append(Path(item).stem)
            concepts.extend(candidates_to_concepts(read_candidates(item)))
        else:
            names.append(Path(item).stem)
            glossary_paths.append(item)
    flush()
    if candidates:
        concepts.extend(candidates_to_concepts(candidates))
    return concepts, (names[0] if names else "termbase")


def export_glossary(
    inputs: Glossary | str | os.PathLike | Iterable[str | os.PathLike | Concept | Candidate],
    out: str | os.PathLike,
    *,
    fmt: str | None = None,
    tbx_version: int = 3,
    lang_tags: Mapping[str, str] | None = None,
    shape: str = "wide",
    title: str | None = None,
    columns: str | Sequence[str] | None = None,
) -> ExportResult:
    """Write ``inputs`` (glossary paths, a Glossary, concepts, candidates) to ``out``.

    ``fmt`` (tbx, csv, xlsx) defaults to the output's extension. ``lang_tags`` maps the glossary's
    language tags to those written (default ``{"zh": "zh-CN"}``; ``en`` stays ``en``). ``shape``:
    ``wide`` (CAT: one row per concept) or ``long`` (the curated shape) for CSV and XLSX.
    ``columns`` (``"en,zh-CN,note"``) names the columns of input tables whose header (or lack of
    one) does not tell them. Concepts are written with unique ids and without empty terms (see
    :func:`exportable`). The file is written atomically; nothing is written when an error stops
    the export.
    """
    fmt = fmt or termbase_format(out)
    if fmt not in ("tbx", "csv", "xlsx"):
        raise TermkitError(f"unknown output format {fmt!r} (expected tbx, csv or xlsx)")
    if shape not in ("wide", "long"):
        raise TermkitError(f"unknown shape {shape!r} (expected wide or long)")
    if fmt == "tbx" and tbx_version not in (2, 3):
        raise TermkitError(f"unknown TBX version {tbx_version!r} (expected 2 or 3)")
    warnings: list = []
    concepts, name = _gather(inputs, warnings, columns)
    if not concepts:
        raise InputError("nothing to export: no concepts in the input", str(out))
    checked = Warnings(str(out))
    exported = exportable(concepts, checked)
    if not exported:
        raise InputError("nothing to export: no concept has a term", str(out))
    tags = resolve_lang_tags(lang_tags)
    # tags written alike (the TBX writer reports its own)
    written = check_lang_tags(exported, tags, str(out), checked if fmt != "tbx" and shape == "wide" else None)
    warnings.extend(checked.problems())
    if fmt != "tbx" and shape == "long":
        written = {t: t for t in written}  # the long shape writes tags as they are
    warnings.extend(
        write_termbase(
            exported,
            out,
            fmt,
            tbx_version=tbx_version,
            lang_tags=tags,
            shape=shape,
            title=title or name,
            source=_source_name(inputs) if fmt == "tbx" else "",
        )
    )
    languages = Counter(written.get(t.lang, t.lang) for c in exported for t in c.terms)
    return ExportResult(
        path=str(out),
        format=fmt,
        concepts=len(exported),
        terms=sum(languages.values()),
        languages=dict(languages),
        tbx_version=tbx_version if fmt == "tbx" else None,
        shape="" if fmt == "tbx" else shape,
        warnings=warnings,
    )


def exportable(concepts: Sequence[Concept], warnings: Warnings) -> list[Concept]:
    """What an export writes: copies of the concepts without their empty terms (an empty term
    is not a term), concepts left without terms dropped, and every id unique — a repeated id would
    merge two concepts in the long shape (and in any tool that keys entries by id). Each change
    is reported to ``warnings``."""
    out = []
    for c in concepts:
        terms = [t for t in c.terms if t.text.strip()]
        for t in c.terms:
            if not t.text.strip():
                warnings.add("empty", f"empty {t.lang or '?'} term of concept {c.id!r} left out", t.line, path=c.origin)
        if not terms:
            warnings.add("empty", f"concept {c.id!r} has no terms and is not exported", c.line, path=c.origin)
            continue
        out.append(replace(c, terms=terms))

    def renamed(c: Concept, old: str, first_line) -> None:
        where = f" (first at line {first_line})" if first_line else ""
        warnings.add(
            "duplicate-id",
            f"concept id {old!r} used twice{where}: a different concept, exported as {c.id!r}",
            c.line,
            path=c.origin,
        )

    return make_unique(out, renamed)


def _source_name(inputs) -> str:
    if isinstance(inputs, Glossary):
        return ", ".join(Path(p).name for p in inputs.paths)
    if isinstance(inputs, (str, os.PathLike)):
        return Path(inputs).name
    names = [Path(x).name for x in inputs if isinstance(x, (str, os.PathLike))]
    return ", ".join(names)


_STATUS_ORDER = {"preferred": 0, "admitted": 1, "proposed": 2, "deprecated": 3, "superseded": 4}


def preferred_first(concepts: Iterable[Concept]) -> list[Concept]:
    """Copies whose terms in each language run preferred, admitted, …, deprecated, superseded.

    CAT tools show a concept's first term of a language as *the* term (OmegaT, translate-toolkit,
    the first column of a CSV import), so a termbase for them leads with the preferred one; the
    order among terms of one status is kept.
    """
    return [replace(c, terms=sorted(c.terms, key=lambda t: _STATUS_ORDER.get(t.status, 5))) for c in concepts]


def export_concepts(concepts: Iterable[Concept], out: str | os.PathLike, **options) -> ExportResult:
    """Export concepts already in memory (``termkit run`` writes its termbase with this)."""
    return export_glossary(list(concepts), out, **options)
