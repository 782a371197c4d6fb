"""Glossary forms found in the checked documents, grouped the ways the checks need them."""

from __future__ import annotations

from collections import defaultdict

from ..glossary.scan import Occurrence
from ..model import Concept, Location
from .context import CheckContext

SHORT_TYPES = ("abbreviation", "acronym", "shortForm")


def by_concept(ctx: CheckContext) -> dict[str, tuple[Concept, list[Occurrence]]]:
    """Occurrences of each concept's forms across all documents, in document order."""
    out: dict[str, tuple[Concept, list[Occurrence]]] = {}
    for doc in ctx.docs:
        for occ in ctx.occurrences[doc.id]:
            out.setdefault(occ.concept.id, (occ.concept, []))[1].append(occ)
    return out


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
