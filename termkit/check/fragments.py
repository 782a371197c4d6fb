"""Forms that are pieces of two words, not terms.

A string the miner counted can be cut across a word boundary wherever it occurs: 方合作 is the end
of 利益攸关方 followed by 合作, 委会注意 the end of 行预咨委会 followed by 注意. Such a form is no
one's way of writing a concept, so it is no variant of anything. It shows in the text: every
occurrence runs across the edge of a longer candidate — starts inside one and ends after it, or
starts before one and ends inside it. (A form inside a longer candidate, 毒品 in 毒品管制, crosses
no edge: that is a nested term, judged elsewhere.)
"""

from __future__ import annotations

import bisect
from collections import defaultdict

import ahocorasick_rs

from ..text.normalize import normalize_key
from .context import CheckContext


def fragments(ctx: CheckContext, forms: set[str]) -> set[str]:
    """The ``forms`` whose every occurrence in the checked documents crosses the edge of a mined
    candidate (none when there are no candidates)."""
    keys = {normalize_key(f): f for f in forms if f}
    # a candidate that crosses a form's edge holds the form's first or last character
    edges = {k[0] for k in keys} | {k[-1] for k in keys}
    words = {w for w in (normalize_key(c.text) for c in ctx.candidates) if edges.intersection(w)} | set(keys)
    words = sorted(w for w in words if len(w) >= 2)
    if not words or not ctx.candidates:
        return set()
    automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard)
    longest = max(map(len, words))
    seen: dict[str, int] = defaultdict(int)
    crossed: dict[str, int] = defaultdict(int)
    for doc in ctx.docs:
        text = ctx.normalized[doc.id].text
        matches = automaton.find_matches_as_indexes(text, overlapping=True)
        spans = sorted((s, e) for _, s, e in matches)
        starts = [s for s, _ in spans]
        for k, s, e in matches:
            form = words[k]
            if form not in keys:
                continue
            seen[form] += 1
            lo = bisect.bisect_left(starts, s - longest)
            hi = bisect.bisect_left(starts, e)
            if any(cs < s < ce < e or s < cs < e < ce for cs, ce in spans[lo:hi]):
                crossed[form] += 1
    return {keys[f] for f, n in seen.items() if crossed[f] == n}
