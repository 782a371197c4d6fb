"""Concept ids that never collide.

A concept's identity must not depend on an id being unique in someone else's file: Weblate writes
``<termEntry id="1">`` many times, a MultiTerm export has ``id=""``, a wide CSV repeats a row id,
two merged glossaries both have ``c1``. Every reader and ``termkit export`` gives a colliding id a
new one (``1`` → ``1-2``, ``1-3`` …) and says so, so that no later step — the long CSV, which
groups its rows by id, above all — merges two concepts into one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Concept


def fresh_id(base: str, taken: set[str] | dict) -> str:
    """``base`` if free, else ``base-2``, ``base-3`` … (the first one not in ``taken``)."""
    if base and base not in taken:
        return base
    stem = base or "c"
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def make_unique(
    concepts: Iterable[Concept],
    report: Callable[[Concept, str, int | None], None] | None = None,
    taken: set[str] | None = None,
) -> list[Concept]:
    """Give every concept whose id is already used (by an earlier concept, or in ``taken``) a
    fresh id, in place; ``report(concept, old_id, first_line)`` is called for each renaming.
    Returns the concepts."""
    concepts = list(concepts)
    reserved = set(taken or ()) | {c.id for c in concepts}
    first: dict[str, int | None] = {}
    for c in concepts:
        if c.id in first:
            old = c.id
            c.id = fresh_id(old, reserved)
            reserved.add(c.id)
            if report is not None:
                report(c, old, first[old])
        first[c.id] = c.line
    return concepts
