"""The wide "CAT shape" of a glossary CSV: one row per concept, a column per language.

Written for CAT-tool glossary imports and for people editing in a spreadsheet:

- Column headers are BCP 47 language tags (``en``, ``zh-CN``), the convention of Phrase
  (Memsource), Smartcat and Crowdin imports, and what memoQ's and Trados' (Glossary Converter)
  import wizards map to languages. Tools that read a CSV by position find what they expect
  there: ``subject, en, zh-CN, concept_id`` first is translate-toolkit's ``location, source,
  target, id`` (what ``csv2tbx`` and Weblate's CSV import read when no header names their
  fields), so the term pair lands as source and target and the concept id as the entry id.
  (OmegaT reads a CSV as source, target, comment: give it the TBX, which it reads fully.)
- The cell under ``en`` is the concept's first English term (the preferred one in curated
  glossaries). Further terms of a language go in numbered columns ``en_2``, ``en_3`` … (memoQ's
  export repeats the term columns the same way) — one term per cell, never several terms
  joined by a separator.
- Term fields follow as ``<term column>_<field>``: ``en_status``, ``zh-CN_2_note``; fields are
  status (always written), type, pos, definition, note, source. Concept fields: ``subject``
  (first), ``concept_id`` (after the first two languages) and, when present, ``definition`` and
  ``note`` (concept-level, from TBX) at the end. Columns that would be empty everywhere are left
  out.
- UTF-8 with a byte-order mark: Excel needs it to show Chinese in a CSV, and CAT tools accept it.

The reader is lenient, for glossaries made by others: language columns by tag (any case,
``zh_CN``), by name (``English``, ``Chinese (Simplified)``, ``english_name``, ``中文名称``), by
content (``source,target``, or no header at all, OmegaT's tab-separated layout) or as
``--columns`` names them (see :mod:`.detect`); title rows above the header skipped; concept
columns named ``id``/``concept_id``/``Entry_ID``, ``subject``/``domain``,
``definition``/``description``, ``note``/``comment``; the pair shape of TICO-19 and similar lists
(``sourceLang, targetLang, sourceString, targetString[, pos, description]``); comma, semicolon
or tab delimited. Unknown columns are kept as concept-note lines ``header: value``, with a
warning. A row without a term is skipped; a repeated or missing id gets one of its own. It
returns (concepts, warnings).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import IO

from ...errors import InputError
from ...model import Concept, Term
from ..atomic import atomic_write
from ..cells import safe_writer
from ..ids import fresh_id
from ..problems import Warnings
from ..vocabulary import (
    canonical_lang,
    canonical_pos,
    canonical_status,
    canonical_type,
    check_lang_tags,
    resolve_lang_tags,
)
from .columns import ALTERNATIVES_RE, WIDE_FIELDS
from .detect import detect, parse_columns
from .long import long_table, rows_to_concepts
from .table import read_table


def wide_table(concepts: Iterable[Concept], lang_tags=None) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the wide shape (shared by the CSV and XLSX writers)."""
    concepts = list(concepts)
    written = check_lang_tags(concepts, resolve_lang_tags(lang_tags))
    langs: list[str] = []
    for tag in written.values():
        if tag not in langs:
            langs.append(tag)
    grouped: list[dict[str, list[Term]]] = []
    slots: dict[str, int] = {lang: 0 for lang in langs}
    used: set[tuple[str, int, str]] = set()
    for c in concepts:
        by_lang: dict[str, list[Term]] = {}
        for t in c.terms:
            if not t.lang.strip():
                raise InputError(f"term {t.text!r} of concept {c.id} has no language", c.origin or None, t.line)
            by_lang.setdefault(written[t.lang], []).append(t)
        for lang, terms in by_lang.items():
            slots[lang] = max(slots[lang], len(terms))
            for k, t in enumerate(terms, 1):
                for f in WIDE_FIELDS:
                    if f == "status" or getattr(t, f):
                        used.add((lang, k, f))
        grouped.append(by_lang)

    def term_col(lang: str, k: int) -> str:
        return lang if k == 1 else f"{lang}_{k}"

    # translate-toolkit's positions: location, source, target, id
    columns: list[tuple] = [("concept", "subject")] + [("term", lang, 1) for lang in langs[:2]]
    columns += [("concept", "concept_id")] + [("term", lang, 1) for lang in langs[2:]]
    for lang in langs:
        columns += [("field", lang, 1, f) for f in WIDE_FIELDS if (lang, 1, f) in used]
    for k in range(2, max(slots.values(), default=1) + 1):
        for lang in langs:
            if slots[lang] >= k:
                columns.append(("term", lang, k))
                columns += [("field", lang, k, f) for f in WIDE_FIELDS if (lang, k, f) in used]
    for f in ("definition", "note"):
        if any(getattr(c, f) for c in concepts):
            columns.append(("concept", f))

    header = []
    for col in columns:
        if col[0] == "term":
            header.append(term_col(col[1], col[2]))
        elif col[0] == "field":
            header.append(f"{term_col(col[1], col[2])}_{col[3]}")
        else:
            header.append(col[1])
    rows = []
    for c, by_lang in zip(concepts, grouped):
        row = []
        for col in columns:
            if col[0] == "concept":
                row.append(getattr(c, "id" if col[1] == "concept_id" else col[1]) or "")
                continue
            terms = by_lang.get(col[1], [])
            t = terms[col[2] - 1] if len(terms) >= col[2] else None
            if t is None:
                row.append("")
            elif col[0] == "term":
                row.append(t.text)
            else:
                row.append(getattr(t, col[3]) or ("preferred" if col[3] == "status" else ""))
        rows.append(row)
    return header, rows


CELL_LINE_BREAK = " | "  # what a line break inside a note or definition becomes in the wide CSV
_LINE_BREAK_RE = re.compile(r"\s*(?:\r\n|\r|\n)\s*")
_PROSE_COLUMNS = ("note", "definition", "source")


def one_line(text: str) -> str:
    """A note or definition as the wide CSV writes it: line breaks become `` | ``."""
    return _LINE_BREAK_RE.sub(CELL_LINE_BREAK, text)


def write_glossary_csv_wide(concepts: Iterable[Concept], out: str | os.PathLike | IO[str], lang_tags=None) -> int:
    """Write the wide CAT shape (UTF-8 with BOM when given a path); returns the number of rows.

    Every record is one line: CAT-tool CSV importers (and people scanning the file) take a line
    break inside a quoted cell for a new entry, so a multi-line note, definition or source is
    written with its lines joined by `` | `` (:func:`one_line`). The long shape keeps line breaks:
    it is the lossless one.
    """
    header, rows = wide_table(concepts, lang_tags)
    if hasattr(out, "write"):
        writer = safe_writer(out, lineterminator="\r\n")
        writer.writerow(header)
        prose = [any(h == name or h.endswith("_" + name) for name in _PROSE_COLUMNS) for h in header]
        writer.writerows([one_line(cell) if is_prose else cell for cell, is_prose in zip(row, prose)] for row in rows)
        return len(rows)
    with atomic_write(out, newline="", encoding="utf-8-sig") as fh:
        return write_glossary_csv_wide(concepts, fh, lang_tags)


def table_to_concepts(
    rows: list[tuple[int, list[str]]], path: str, lang_tags=None, columns=None
) -> tuple[list[Concept], list]:
    """Concepts from a glossary table (its rows with their line numbers, header included, if it
    has one); returns (concepts, warnings).

    Which column holds what is told by the header, the content or ``columns`` (see
    :mod:`.detect`); a long-shape header below a title row is read as the long shape.
    ``lang_tags``: the mapping the table was written with, to undo it (``{"zh": "zh-CN"}`` reads
    the ``zh-CN`` column as ``zh``); by default tags are kept as the header writes them.
    """
    w = Warnings(path)
    layout = detect(rows, path, w, parse_columns(columns) if columns is not None else None)
    if layout.long_header is not None:
        table = long_table([(0, layout.long_header)] + layout.body, path)
        return rows_to_concepts(table, w), w.problems()
    inverse = {v: k for k, v in resolve_lang_tags(lang_tags).items()} if lang_tags is not None else {}
    roles = {
        i: (r[0], inverse.get(r[1], r[1]), *r[2:]) if r[0] in ("term", "field") else r for i, r in layout.roles.items()
    }
    return _rows_to_concepts(roles, layout.body, path, w)


def wide_rows_to_concepts(
    header: list[str], rows: list[tuple[int, list[str]]], path: str, lang_tags=None
) -> tuple[list[Concept], list]:
    """Concepts from a wide table given its header and numbered rows (see :func:`table_to_concepts`)."""
    return table_to_concepts([(1, header)] + list(rows), path, lang_tags)


def _rows_to_concepts(roles: dict[int, tuple], rows, path: str, w: Warnings) -> tuple[list[Concept], list]:
    term_langs = list(dict.fromkeys(r[1] for r in roles.values() if r[0] in ("term", "field")))
    pair = {r[1] for r in roles.values() if r[0] == "concept"}
    is_pair = {"source_term", "target_term"} <= pair
    if not is_pair and not any(r[0] == "term" for r in roles.values()):
        raise InputError(
            "no language columns: expected a header like 'en,zh-CN,…' (the wide shape), "
            "'concept_id,lang,term,…' (the long shape), 'source,target' or "
            "'sourceLang,targetLang,sourceString,targetString'; or name the columns with --columns",
            path,
            rows[0][0] - 1 if rows else 1,
        )
    # every id a row gives itself: an id made up for a row without one must not take it
    id_columns = [i for i, r in roles.items() if r == ("concept", "concept_id")]
    taken = {rec[i].strip() for _, rec in rows for i in id_columns if i < len(rec) and rec[i] and rec[i].strip()}

    concepts: list[Concept] = []
    seen_ids: dict[str, int] = {}
    for line, record in rows:
        if not any((v or "").strip() for v in record):
            continue
        values: dict[tuple, str] = {}
        concept = Concept(id="", origin=path, line=line)
        extra: list[str] = []
        row_pos = ""
        pair_langs = {"source_lang": "", "target_lang": ""}
        pair_terms = {"source_term": "", "target_term": ""}
        for i, value in enumerate(record):
            role = roles.get(i)
            if role is None or value is None:
                continue
            if role[0] == "extra":
                if value.strip():
                    extra.append(f"{role[1]}: {value.strip()}")
            elif role[0] == "concept":
                name = role[1]
                if name == "concept_id":
                    concept.id = value.strip()
                elif name in ("subject", "definition", "note"):
                    setattr(concept, name, value.strip())
                elif name in pair_langs:
                    pair_langs[name] = value.strip()
                elif name in pair_terms:
                    pair_terms[name] = value
                elif name == "pos":
                    row_pos = value.strip()
            else:
                values[role[1:]] = value
        if extra:
            concept.note = "\n".join(([concept.note] if concept.note else []) + extra)

        def make_term(text: str, lang: str, attrs: dict[str, str], line: int) -> Term:
            status_raw = attrs.get("status", "").strip()
            status = "preferred"
            if status_raw:
                found, standard = canonical_status(status_raw)
                if found is None:
                    status = status_raw
                    w.add("status", f"unknown status {status_raw!r} kept as written", line, key=status_raw)
                else:
                    status = found
                    if not standard:
                        w.add("status", f"status {status_raw!r} read as {found}", line, key=status_raw)
            term = Term(text=text, lang=lang, status=status, line=line)
            for f, canon in (("type", canonical_type), ("pos", canonical_pos)):
                raw = attrs.get(f, "").strip()
                if raw:
                    value, known = canon(raw)
                    if not known:
                        w.add(f, f"{f} {raw!r} is not a TBX-Basic value; kept as written", line, key=raw)
                    elif value != raw:
                        w.add(f, f"{f} {raw!r} read as {value!r}", line, key=raw)
                    setattr(term, f, value)
            for f in ("definition", "note", "source", "valid_from", "valid_until"):
                setattr(term, f, attrs.get(f, "").strip())
            if ALTERNATIVES_RE.search(text):
                w.add(
                    "alternatives",
                    "a cell holds several terms separated by ' : ' or ' | '; kept as one term (split it by hand)",
                    line,
                    key="alt",
                )
            return term

        if is_pair:
            for side in ("source", "target"):
                text = pair_terms[f"{side}_term"]
                if not text.strip():
                    continue
                raw_lang = pair_langs[f"{side}_lang"]
                lang, valid = canonical_lang(raw_lang)
                if not valid:
                    w.add("lang", f"language tag {raw_lang!r} is not BCP 47; read as {lang!r}", line, key=raw_lang)
                concept.terms.append(make_term(text, lang, {"pos": row_pos} if side == "source" else {}, line))
        for lang, slot in sorted({k[:2] for k in values}, key=lambda s: (term_langs.index(s[0]), s[1])):
            text = values.get((lang, slot), "")
            attrs = {f: values.get((lang, slot, f), "") for f in WIDE_FIELDS}
            if not text.strip():
                if any(v.strip() for v in attrs.values()):
                    w.add("empty", f"{lang} term {slot} is empty but has other fields; they are ignored", line)
                continue
            if row_pos and not attrs["pos"].strip():
                attrs["pos"] = row_pos
            concept.terms.append(make_term(text, lang, attrs, line))
        if not concept.terms:
            w.add("empty", f"row without terms{f' (concept {concept.id})' if concept.id else ''}: skipped", line)
            continue
        if not concept.id:
            concept.id = fresh_id(f"r{line}", taken)
            taken.add(concept.id)
        elif concept.id in seen_ids:
            old, concept.id = concept.id, fresh_id(concept.id, taken)
            taken.add(concept.id)
            w.add(
                "duplicate-id",
                f"concept id {old!r} already used at line {seen_ids[old]}: a different concept, read as {concept.id!r}",
                line,
            )
        seen_ids.setdefault(concept.id, line)
        concepts.append(concept)
    return concepts, w.problems()


def read_glossary_csv_wide(path: str | os.PathLike, lang_tags=None, columns=None) -> tuple[list[Concept], list]:
    """Read a glossary table that is not the long shape — the wide CAT shape, a term pair list,
    an OmegaT tab-separated glossary, a sheet with a title row — with its columns told by the
    header, the content or ``columns`` (``"en,zh-CN,note"``); returns (concepts, warnings)."""
    return table_to_concepts(read_table(path), str(path), lang_tags, columns)
