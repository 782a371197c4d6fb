"""Glossary validation: every problem with its file and line.

Checks: empty terms; white space and width problems; unknown status and type values; invalid
language tags; a concept with no preferred term, or two, in a language; a concept missing a
language the glossary has; the same term twice in a concept; the same term (after folding
width, spacing, case, punctuation and traditional/simplified) in two concepts; duplicate
concepts (an id used twice, or two concepts with the same preferred terms); missing or
disagreeing subject fields.
"""

from __future__ import annotations

import csv
import os
import re
from collections import defaultdict

from ..formats.csv import is_long_header, read_rows
from ..formats.registry import glossary_format
from ..model import STATUSES, TERM_TYPES, Concept, Problem, lang_base
from .glossary import read_concepts
from .keys import match_key

_LANG_TAG_RE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$", re.I)
_FULLWIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")
_HALFWIDTH_IN_ZH_RE = re.compile(r"[(),;:?!]")
_HANZI = "\u3400-\u4dbf\u4e00-\u9fff"
_INNER_SPACE_RE = re.compile(rf"(?<=[{_HANZI}])\s+|\s+(?=[{_HANZI}])|\s{{2,}}|[\t\r\n]")


def _term_problems(concept: Concept, path: str) -> list[Problem]:
    out = []
    for t in concept.terms:

        def add(severity, code, message, t=t):
            out.append(Problem(path, t.line, severity, code, message))

        if not t.text.strip():
            add("error", "empty-term", f"empty term in concept {concept.id}")
            continue
        if t.text != t.text.strip():
            add("error", "whitespace", f"term {t.text!r} has leading or trailing white space")
        if _INNER_SPACE_RE.search(t.text.strip()):
            add("error", "whitespace", f"term {t.text!r} has a space next to a hanzi, a double space or a line break")
        if _FULLWIDTH_RE.search(t.text):
            add("error", "width", f"term {t.text!r} has full-width letters, digits or spaces")
        if lang_base(t.lang) == "zh" and _HALFWIDTH_IN_ZH_RE.search(t.text):
            add(
                "warning", "width", f"Chinese term {t.text!r} has half-width punctuation (Chinese text uses （），；：)"
            )
        if t.status not in STATUSES:
            add("error", "status", f"unknown status {t.status!r} (allowed: {', '.join(STATUSES)})")
        if t.type and t.type not in TERM_TYPES:
            add("error", "type", f"unknown type {t.type!r} (allowed: {', '.join(TERM_TYPES)})")
        if not _LANG_TAG_RE.match(t.lang or ""):
            hint = f" (did you mean {t.lang.replace('_', '-')!r}?)" if "_" in (t.lang or "") else ""
            add("error", "lang", f"invalid language tag {t.lang!r}{hint}")
    return out


def _concept_problems(concept: Concept, path: str, languages: list[str]) -> list[Problem]:
    out = []
    by_lang: dict[str, list] = defaultdict(list)
    for t in concept.terms:
        by_lang[lang_base(t.lang)].append(t)
    line = concept.line
    if not concept.id.strip():
        out.append(Problem(path, line, "error", "concept-id", "row without a concept id"))
    for lang in languages:
        terms = by_lang.get(lang, [])
        if not terms:
            out.append(Problem(path, line, "warning", "missing-lang", f"concept {concept.id} has no {lang} term"))
            continue
        preferred = [t for t in terms if t.status == "preferred"]
        if not preferred:
            out.append(
                Problem(
                    path, terms[0].line, "error", "no-preferred", f"concept {concept.id} has no preferred {lang} term"
                )
            )
        for extra in preferred[1:]:
            out.append(
                Problem(
                    path,
                    extra.line,
                    "error",
                    "two-preferred",
                    f"concept {concept.id} has two preferred {lang} terms: {preferred[0].text!r} and {extra.text!r}",
                )
            )
        seen: dict[str, int | None] = {}
        for t in terms:
            if t.text in seen:
                out.append(
                    Problem(
                        path,
                        t.line,
                        "error",
                        "duplicate-term",
                        f"term {t.text!r} repeated in concept {concept.id} (line {seen[t.text]})",
                    )
                )
            seen.setdefault(t.text, t.line)
    if not concept.subject:
        out.append(Problem(path, line, "warning", "subject", f"concept {concept.id} has no subject field"))
    return out


def validate_concepts(concepts: list[Concept], path: str = "") -> list[Problem]:
    """Check concepts read from one glossary file."""
    problems: list[Problem] = []
    languages = sorted({lang_base(t.lang) for c in concepts for t in c.terms if t.lang and _LANG_TAG_RE.match(t.lang)})
    owner: dict[tuple[str, str], tuple[Concept, int | None, str]] = {}
    preferred_sets: dict[tuple, Concept] = {}
    for concept in concepts:
        problems += _term_problems(concept, path)
        problems += _concept_problems(concept, path, languages)
        for t in concept.terms:
            if not t.text.strip():
                continue
            key = (lang_base(t.lang), match_key(t.text))
            first = owner.get(key)
            if first is None:
                owner[key] = (concept, t.line, t.text)
            elif first[0] is not concept:
                problems.append(
                    Problem(
                        path,
                        t.line,
                        "error",
                        "term-in-two-concepts",
                        f"term {t.text!r} ({t.lang}) of concept {concept.id} is also {first[2]!r} in concept {first[0].id} (line {first[1]})",
                    )
                )
        pref = tuple(sorted((lang_base(t.lang), match_key(t.text)) for t in concept.terms if t.status == "preferred"))
        if pref and pref in preferred_sets and preferred_sets[pref] is not concept:
            other = preferred_sets[pref]
            problems.append(
                Problem(
                    path,
                    concept.line,
                    "error",
                    "duplicate-concept",
                    f"concept {concept.id} duplicates concept {other.id} (line {other.line})",
                )
            )
        preferred_sets.setdefault(pref, concept)
    return problems


def _csv_layout_problems(path: str) -> list[Problem]:
    """Problems only the CSV rows show: a row without a term, a concept's rows split apart,
    disagreeing subjects, extra columns."""
    table = read_rows(path)
    problems = []
    for column in table.extra_columns:
        problems.append(Problem(path, 1, "warning", "column", f"unknown column {column!r} is ignored"))
    first_line: dict[str, int] = {}
    subject: dict[str, tuple[str, int]] = {}
    previous = None
    for row in table.rows:
        cid = row.get("concept_id").strip()
        if not row.get("term").strip():  # the reader leaves the row out: here it is an error
            problems.append(Problem(path, row.line, "error", "empty-term", f"empty term in concept {cid}"))
        if cid in first_line and previous != cid:
            problems.append(
                Problem(
                    path,
                    row.line,
                    "error",
                    "duplicate-concept",
                    f"concept id {cid!r} already used at line {first_line[cid]} (rows of a concept must be together)",
                )
            )
        first_line.setdefault(cid, row.line)
        value = row.get("subject").strip()
        if value:
            if cid in subject and subject[cid][0] != value:
                problems.append(
                    Problem(
                        path,
                        row.line,
                        "warning",
                        "subject",
                        f"concept {cid} has subject {value!r} here but {subject[cid][0]!r} at line {subject[cid][1]}",
                    )
                )
            subject.setdefault(cid, (value, row.line))
        previous = cid
    return problems


def _is_long_csv(path) -> bool:
    """The curated long shape (one row per term), not a wide CAT-tool sheet.

    Not the readers' :func:`~termkit.formats.registry.csv_shape`, and kept so: here the header is
    split at commas only and a file that is not UTF-8 counts as long, so a tab- or
    semicolon-separated long file gets no layout checks (switching would add them).
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return is_long_header(next(csv.reader(fh), []))
    except (OSError, UnicodeDecodeError, csv.Error):
        return True  # let the reader report the problem


def validate_file(path: str | os.PathLike) -> list[Problem]:
    """Read one glossary file and return every problem found, sorted by line."""
    shown = str(path)
    concepts = read_concepts(path)
    problems = validate_concepts(concepts, shown)
    if glossary_format(path) == "csv" and _is_long_csv(path):
        problems += _csv_layout_problems(shown)
    return sorted(problems, key=lambda p: (p.line or 0, p.code))
