"""Glossary forms found in the checked documents, grouped the ways the checks need them."""

from __future__ import annotations

from collections import defaultdict

from ..glossary.scan import Occurrence
from ..model import Concept, Location
from ..text.dates import valid_on
from .context import CheckContext

SHORT_TYPES = ("abbreviation", "acronym", "shortForm")


def by_concept(ctx: CheckContext) -> dict[str, tuple[Concept, list[Occurrence]]]:
    """Occurrences of each concept's forms across all documents, in document order — the term
    choices of the writer: not a form inside a longer title in 《》 (cited as the document names
    it), nor a form that was right on the document's date (a former name in an older document)."""
    if "by_concept" in ctx.memo:
        return ctx.memo["by_concept"]
    out: dict[str, tuple[Concept, list[Occurrence]]] = {}
    for doc in ctx.docs:
        date = ctx.dates[doc.id]
        for occ in ctx.occurrences[doc.id]:
            if ctx.in_title(doc.id, occ.start, occ.end) or right_then(occ.term, date):
                continue
            out.setdefault(occ.concept.id, (occ.concept, []))[1].append(occ)
    ctx.memo["by_concept"] = out
    return out


def right_then(term, date: str) -> bool:
    """A deprecated or superseded form that the glossary says was right on ``date``."""
    if term.status not in ("deprecated", "superseded") or not term.valid_until or not date:
        return False
    return bool(valid_on(date, term.valid_from, term.valid_until))


def locations(ctx: CheckContext, occurrences: list[Occurrence], forms: set[str] | None = None) -> list[Location]:
    """Locations of the given forms (all forms when None), at most ``ctx.max_locations`` per form."""
    per_form: dict[str, int] = defaultdict(int)
    out = []
    for occ in occurrences:
        if forms is not None and occ.term.text not in forms:
            continue
        if per_form[occ.term.text] >= ctx.max_locations:
            continue
        per_form[occ.term.text] += 1
        out.append(ctx.location(occ.doc_id, occ.start, occ.end, occ.term.text))
    return out


def is_short(term) -> bool:
    return term.type in SHORT_TYPES
