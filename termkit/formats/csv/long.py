"""The curated glossary CSV (the "long" shape of DESIGN.md): one row per term.

Columns: ``concept_id, lang, term, status, type, pos, subject, definition, note, source``, and
optionally ``valid_from, valid_until`` (ISO dates: when the form was right — a former name is
still right in a document written before it was replaced). Rows sharing a ``concept_id`` form one
concept. ``concept_id``, ``lang`` and ``term`` are required; the others may be missing or empty. The subject is a concept field (every row of a
concept should carry the same one); definition, note and source belong to the row's term.
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
from .table import read_table

COLUMNS = ("concept_id", "lang", "term", "status", "type", "pos", "subject", "definition", "note", "source")
DATE_COLUMNS = ("valid_from", "valid_until")  # written only when a term has a date
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
    shown = str(path)
    table = read_table(path)
    (_, header), body = table[0], table[1:]
    header = [h.strip() for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(f"header lacks column(s) {', '.join(missing)} (expected {', '.join(COLUMNS)})", shown, 1)
    dupes = sorted({h for h in header if header.count(h) > 1 and h})
    if dupes:
        raise InputError(f"header repeats column(s) {', '.join(dupes)}", shown, 1)
    glossary = CsvGlossary(shown, header, extra_columns=[h for h in header if h and h not in COLUMNS + DATE_COLUMNS])
    for start, record in body:
        if not any(v.strip() for v in record):
            continue
        if len(record) > len(header) and any(v.strip() for v in record[len(header) :]):
            raise InputError(f"row has {len(record)} fields, header has {len(header)}", shown, start)
        values = {h: (record[i] if i < len(record) else "") for i, h in enumerate(header) if h}
        glossary.rows.append(Row(start, values))
    return glossary


def rows_to_concepts(glossary: CsvGlossary) -> list[Concept]:
    """Group rows into concepts, in order of first appearance. Values are taken as written."""
    concepts: dict[str, Concept] = {}
    for row in glossary.rows:
        cid = row.get("concept_id").strip()
        concept = concepts.get(cid)
        if concept is None:
            concept = concepts[cid] = Concept(id=cid, origin=glossary.path, line=row.line)
        if not concept.subject and row.get("subject").strip():
            concept.subject = row.get("subject").strip()
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
    """Read a long-shape glossary CSV into concepts."""
    return rows_to_concepts(read_rows(path))


def concept_rows(concepts: Iterable[Concept], dates: bool = False) -> Iterable[list[str]]:
    for c in concepts:
        for i, t in enumerate(c.terms):
            definition = t.definition or (c.definition if i == 0 else "")
            note = t.note or (c.note if i == 0 else "")
            row = [c.id, t.lang, t.text, t.status, t.type, t.pos, c.subject, definition, note, t.source]
            yield row + [t.valid_from, t.valid_until] if dates else row


def write_glossary_csv(concepts: Iterable[Concept], out: str | os.PathLike | IO[str]) -> None:
    """Write concepts in the long shape (UTF-8 with BOM, header row), atomically when given a path.
    The date columns are written when some term has a date."""
    if hasattr(out, "write"):
        concepts = list(concepts)
        dates = any(t.valid_from or t.valid_until for c in concepts for t in c.terms)
        writer = safe_writer(out, lineterminator="\n")
        writer.writerow(COLUMNS + DATE_COLUMNS if dates else COLUMNS)
        writer.writerows(concept_rows(concepts, dates))
        return
    with atomic_write(out, newline="", encoding="utf-8-sig") as fh:  # the BOM: Excel shows Chinese
        write_glossary_csv(concepts, fh)


def is_long_header(header: Iterable[str]) -> bool:
    """Whether a header is the long shape's (or a broken attempt at it, for the long reader to report)."""
    names = {(h or "").strip().lstrip("\ufeff") for h in header}
    return {"lang", "term"} <= names or ("concept_id" in names and bool({"lang", "term"} & names))
