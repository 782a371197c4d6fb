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
    choices of the writer: not a form inside a longer title (cited as the document names it), nor
    a form that was right on the document's date (a former name in an older document), nor the
    preferred form with its body's name before it (联合国秘书处: naming it in full)."""
    if "by_concept" in ctx.memo:
        return ctx.memo["by_concept"]
    out: dict[str, tuple[Concept, list[Occurrence]]] = {}
    for doc in ctx.docs:
        date = ctx.dates[doc.id]
        for occ in ctx.occurrences[doc.id]:
            if ctx.in_title(doc.id, occ.start, occ.end) or right_then(occ.term, date):
                continue
            if occ.term.status == "admitted" and names_in_full(ctx, occ.concept, occ.term):
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


def names_in_full(ctx: CheckContext, concept: Concept, term) -> bool:
    """Is ``term`` the preferred form with the name of a body before it (联合国秘书处 for 秘书处,
    联合国大会 for 大会)? Naming the body in full is explicit, never a second way of writing."""
    preferred = concept.preferred("zh")
    if preferred is None or term.text == preferred.text or not term.text.endswith(preferred.text):
        return False
    return term.text[: -len(preferred.text)] in _glossary_forms(ctx)


def _glossary_forms(ctx: CheckContext) -> set[str]:
    if "zh_glossary_forms" not in ctx.memo:
        forms = set()
        if ctx.glossary is not None:
            forms = {t.text for c in ctx.glossary.concepts for t in c.terms_in("zh")}
        ctx.memo["zh_glossary_forms"] = forms
    return ctx.memo["zh_glossary_forms"]
