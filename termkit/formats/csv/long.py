"""The curated glossary CSV (the "long" shape of DESIGN.md): one row per term.

Columns: ``concept_id, lang, term, status, type, pos, subject, definition, note, source``, and
optionally ``valid_from, valid_until`` (ISO dates: when the form was right — a former name is
still right in a document written before it was replaced) and ``concept_definition,
concept_note`` (a definition or note of the whole concept, as TBX has at entry level). Rows sharing
a ``concept_id`` form one concept. ``concept_id``, ``lang`` and ``term`` are required; the others
may be missing or empty. The subject and the two ``concept_`` columns are concept fields (the
writer puts the subject on every row of a concept, the concept definition and note on its first
row; the reader takes the first value it meets); definition, note and source belong to the row's
term. A row without a term is not a term: it is left out, with a warning.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO

from ...errors import InputError
from ...model import Concept, Term
from ..atomic import atomic_write
from ..cells import safe_writer
from ..problems import Warnings
from .table import read_table

COLUMNS = ("concept_id", "lang", "term", "status", "type", "pos", "subject", "definition", "note", "source")
DATE_COLUMNS = ("valid_from", "valid_until")  # written only when a term has a date
CONCEPT_COLUMNS = ("concept_definition", "concept_note")  # written only when a concept has one
REQUIRED = ("concept_id", "lang", "term")


@dataclass
class Row:
    """One CSV row as written, with the line it starts on (for messages)."""

    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "") or ""


@dataclass
class CsvGlossary:
    path: str
    header: list[str]
    rows: list[Row] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)


def read_rows(path: str | os.PathLike) -> CsvGlossary:
    """Read the CSV as rows with line numbers, checking the header."""
    return long_table(read_table(path), str(path))


def long_table(table: list[tuple[int, list[str]]], shown: str) -> CsvGlossary:
    """The rows of a long-shape table (header first), checking the header."""
    (_, header), body = table[0], table[1:]
    header = [h.strip().lstrip("\ufeff") for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(f"header lacks column(s) {', '.join(missing)} (expected {', '.join(COLUMNS)})", shown, 1)
    dupes = sorted({h for h in header if header.count(h) > 1 and h})
    if dupes:
        raise InputError(f"header repeats column(s) {', '.join(dupes)}", shown, 1)
    glossary = CsvGlossary(
        shown,
        header,
        extra_columns=[h for h in header if h and h not in COLUMNS + DATE_COLUMNS + CONCEPT_COLUMNS],
    )
    for start, record in body:
        if not any(v.strip() for v in record):
            continue
        if len(record) > len(header) and any(v.strip() for v in record[len(header) :]):
            raise InputError(f"row has {len(record)} fields, header has {len(header)}", shown, start)
        values = {h: (record[i] if i < len(record) else "") for i, h in enumerate(header) if h}
        glossary.rows.append(Row(start, values))
    return glossary


def rows_to_concepts(glossary: CsvGlossary, warnings: Warnings | None = None) -> list[Concept]:
    """Group rows into concepts, in order of first appearance. Values are taken as written; a row
    without a term is left out (reported to ``warnings``), and so is a concept left without terms."""
    concepts: dict[str, Concept] = {}
    for row in glossary.rows:
        cid = row.get("concept_id").strip()
        if not row.get("term").strip():
            if warnings is not None:
                warnings.add("empty", f"row of concept {cid!r} without a term (not a term): left out", row.line)
            continue
        concept = concepts.get(cid)
        if concept is None:
            concept = concepts[cid] = Concept(id=cid, origin=glossary.path, line=row.line)
        for column, attr in (("subject", "subject"), ("concept_definition", "definition"), ("concept_note", "note")):
            if not getattr(concept, attr) and row.get(column).strip():
                setattr(concept, attr, row.get(column).strip())
        concept.terms.append(
            Term(
                text=row.get("term"),
                lang=row.get("lang").strip(),
                status=row.get("status").strip() or "preferred",
                type=row.get("type").strip(),
                pos=row.get("pos").strip(),
                definition=row.get("definition").strip(),
                note=row.get("note").strip(),
                source=row.get("source").strip(),
                line=row.line,
                valid_from=row.get("valid_from").strip(),
                valid_until=row.get("valid_until").strip(),
            )
        )
    return list(concepts.values())


def read_glossary_csv(path: str | os.PathLike) -> list[Concept]:
    """Read a long-shape glossary CSV into concepts (see :func:`read_long_csv` for the warnings)."""
    return read_long_csv(path)[0]


def read_long_csv(path: str | os.PathLike) -> tuple[list[Concept], list]:
    """Read a long-shape glossary CSV; returns (concepts, warnings): rows without a term."""
    table = read_rows(path)
    w = Warnings(table.path)
    return rows_to_concepts(table, w), w.problems()


def long_header(concepts: list[Concept]) -> tuple[str, ...]:
    """The columns the long shape writes for ``concepts``: the optional ones only when used."""
    dates = any(t.valid_from or t.valid_until for c in concepts for t in c.terms)
    concept_fields = any(c.definition or c.note for c in concepts)
    return COLUMNS + (DATE_COLUMNS if dates else ()) + (CONCEPT_COLUMNS if concept_fields else ())


def concept_rows(concepts: Iterable[Concept], header: tuple[str, ...] = COLUMNS) -> Iterable[list[str]]:
    """The rows of the long shape under ``header`` (:func:`long_header`); concepts without terms
    have no rows."""
    dates = DATE_COLUMNS[0] in header
    concept_fields = CONCEPT_COLUMNS[0] in header
    for c in concepts:
        for i, t in enumerate(c.terms):
            row = [c.id, t.lang, t.text, t.status, t.type, t.pos, c.subject, t.definition, t.note, t.source]
            if dates:
                row += [t.valid_from, t.valid_until]
            if concept_fields:
                row += [c.definition, c.note] if i == 0 else ["", ""]
            yield row


def write_glossary_csv(concepts: Iterable[Concept], out: str | os.PathLike | IO[str]) -> None:
    """Write concepts in the long shape (UTF-8 with BOM, header row), atomically when given a path.
    The date columns are written when some term has a date, the concept columns when some concept
    has a definition or note of its own."""
    if hasattr(out, "write"):
        concepts = list(concepts)
        header = long_header(concepts)
        writer = safe_writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(concept_rows(concepts, header))
        return
    with atomic_write(out, newline="", encoding="utf-8-sig") as fh:  # the BOM: Excel shows Chinese
        write_glossary_csv(concepts, fh)


def is_long_header(header: Iterable[str]) -> bool:
    """Whether a header is the long shape's (or a broken attempt at it, for the long reader to report)."""
    names = {(h or "").strip().lstrip("\ufeff") for h in header}
    return {"lang", "term"} <= names or ("concept_id" in names and bool({"lang", "term"} & names))
