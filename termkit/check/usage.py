"""How documents use the forms of one concept: shared by the cross-document check and the
variant clusters found without a glossary."""

from __future__ import annotations

import bisect
import heapq
import itertools


def disagreeing(forms_by_doc: dict[str, set[str]], limit: int | None = None) -> list[tuple[str, str]]:
    """Pairs of documents each of which uses a form the other does not (sorted by name), the
    first ``limit`` of them (all when None).

    Documents are grouped by the set of forms they use: two documents of one group never
    disagree, so only pairs of groups are compared — a corpus of 20,000 documents that use a
    concept in three ways costs three comparisons, not 200 million."""
    groups: dict[frozenset, list[str]] = {}
    for doc in sorted(forms_by_doc):
        groups.setdefault(frozenset(forms_by_doc[doc]), []).append(doc)
    sets = list(groups)
    against: dict[frozenset, list[frozenset]] = {s: [] for s in sets}
    for s, t in itertools.combinations(sets, 2):
        if s - t and t - s:
            against[s].append(t)
            against[t].append(s)
    out: list[tuple[str, str]] = []
    for a in sorted(forms_by_doc):
        others = against[frozenset(forms_by_doc[a])]
        if not others:
            continue
        later = (groups[t][bisect.bisect_right(groups[t], a) :] for t in others)
        for b in heapq.merge(*later):
            if limit is not None and len(out) >= limit:
                return out
            out.append((a, b))
    return out
