"""A mined candidate's status against a glossary: known, variant, near or new."""

from __future__ import annotations

#: The statuses a candidate can have against a glossary.
STATUSES = ("new", "known", "variant", "pinyin", "fuzzy", "partial")


def glossary_status(index, text: str):
    """``(status, match)`` of a candidate against a glossary index.

    known — exact or normalized hit on a preferred or admitted form; variant — hit on a
    deprecated, superseded or variant form (the match gives the concept and its preferred
    form); pinyin / fuzzy — a near neighbour; partial — part of (or containing) a glossary term;
    new — nothing.
    """
    matches = index.lookup(text, limit=3, min_score=70.0)
    if not matches:
        return "new", None
    m = matches[0]
    if m.kind in ("exact", "normalized"):
        if m.term.status in ("deprecated", "superseded") or m.term.type == "variant":
            return "variant", m
        return "known", m
    if m.kind == "variant":
        if m.term.status in ("preferred", "admitted") and m.term.type != "variant":
            return "known", m
        return "variant", m
    return m.kind, m
