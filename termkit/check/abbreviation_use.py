"""abbreviation-use: short forms used before they are defined, and two short forms for one concept.

A definition is a full form followed by the short form in brackets: ``联合国毒品和犯罪问题办公室
（毒罪办）``. A short form used earlier in the same document than its definition is reported
(warning); one used in a document that never defines it, only as information. Two different
short forms for one full form within the document set (艾滋病署/艾滋病规划署; 毒罪办/毒品和犯罪问题办公室)
are a warning. Pairs come from the glossary (short forms of a concept) and, without one, from
the definitions the miner found in the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import ahocorasick_rs

from ..model import Finding
from ..text.normalize import normalize_key
from .context import CheckContext
from .findings import finding_id

NAME = "abbreviation-use"
_BRACKETS = (("（", "）"), ("(", ")"))


@dataclass
class _Pair:
    key: str  # concept id, or the full form when discovered
    full_forms: list[str]
    short: str
    introduced: bool = True  # must it be introduced by its full form? (abbreviations, acronyms)
    holders: list[str] = field(default_factory=list)  # longer forms of the concept that contain it


def _pairs(ctx: CheckContext) -> list[_Pair]:
    pairs = []
    if ctx.glossary is not None:
        for concept in ctx.glossary.concepts:
            zh = concept.terms_in("zh")
            full = [t.text for t in zh if t.type not in ("abbreviation", "acronym", "shortForm")]
            for t in zh:
                if t.type in ("abbreviation", "acronym", "shortForm") and full:
                    # a short form (缉获 for 毒品缉获) reads as a word on its own; an abbreviation
                    # (毒罪办) is introduced by its full name
                    # every longer form of the concept that holds it (刑警组织 inside 国际刑警组织)
                    holders = [x.text for x in zh if t.text in x.text and x.text != t.text]
                    pairs.append(_Pair(concept.id, full, t.text, introduced=t.type != "shortForm", holders=holders))
    known = {p.short for p in pairs}
    for cand in ctx.candidates:
        if cand.abbreviation_of and cand.text not in known:
            pairs.append(_Pair(cand.abbreviation_of, [cand.abbreviation_of], cand.text))
    return pairs


def _definitions(full_forms: list[str], short: str) -> list[str]:
    """``full（short）`` and ``full(short)`` for each full form, normalized."""
    return [f"{normalize_key(full)}{o}{normalize_key(short)}{c}" for full in full_forms for o, c in _BRACKETS]


def _positions(ctx: CheckContext, pairs: list[_Pair]) -> dict[str, dict[str, list[int]]]:
    """Where each string this check looks for (short forms, full forms, definitions; normalized)
    starts in each document, overlaps included, in text order: one Aho–Corasick pass per document
    instead of a scan of the document per string."""
    wanted = set()
    for p in pairs:
        wanted.add(normalize_key(p.short))
        wanted.update(normalize_key(f) for f in p.full_forms + p.holders)
        wanted.update(_definitions(p.full_forms, p.short))
    strings = sorted(w for w in wanted if w)
    automaton = ahocorasick_rs.AhoCorasick(strings) if strings else None
    out = {}
    for d in ctx.docs:
        found: dict[str, list[int]] = defaultdict(list)
        if automaton is not None:
            # reported by end offset: for one string, in the order of their starts
            for k, start, _ in automaton.find_matches_as_indexes(ctx.normalized[d.id].text, overlapping=True):
                found[strings[k]].append(start)
        out[d.id] = found
    return out


def _definition_start(found: dict[str, list[int]], full_forms: list[str], short: str) -> int | None:
    """Normalized offset of the first ``full（short）`` in the document."""
    starts = [found[x][0] for x in _definitions(full_forms, short) if found.get(x)]
    return min(starts) if starts else None


def _uses(found: dict[str, list[int]], short: str, full_forms: list[str]) -> list[int]:
    """Normalized offsets where ``short`` stands alone (not inside one of its full forms), one
    after the other (an occurrence overlapping the previous one is skipped)."""
    key = normalize_key(short)
    if not found.get(key):
        return []
    covered = set()
    for full in full_forms:
        fk = normalize_key(full)
        if key in fk:
            for pos in found.get(fk, ()):
                covered.update(range(pos, pos + len(fk)))
    out, after = [], 0
    for pos in found[key]:
        if pos < after:
            continue
        if pos not in covered:
            out.append(pos)
        after = pos + len(key)
    return out


def _locations(ctx: CheckContext, doc_id: str, norm, positions: list[int], short: str):
    """Locations of the short form at normalized ``positions``, in original offsets."""
    n = len(normalize_key(short))
    return [ctx.location(doc_id, *norm.original_span(u, u + n), short) for u in positions]


def check(ctx: CheckContext) -> list[Finding]:
    findings = []
    used_shorts: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)  # key → short → doc → n
    pairs = _pairs(ctx)
    positions = _positions(ctx, pairs)
    for pair in pairs:
        for doc in ctx.docs:
            norm, found = ctx.normalized[doc.id], positions[doc.id]
            uses = _uses(found, pair.short, pair.full_forms + pair.holders)
            if not uses:
                continue
            definition = _definition_start(found, pair.full_forms, pair.short)
            # the use inside the definition's brackets is not a use before it
            uses_outside = [u for u in uses if definition is None or not (definition <= u <= definition + 60)]
            used_shorts[pair.key].setdefault(pair.short, {})[doc.id] = len(uses_outside) or len(uses)
            early = [u for u in uses_outside if definition is not None and u < definition]
            if early:
                dstart, dend = norm.original_span(definition, definition + 1)
                findings.append(
                    Finding(
                        check=NAME,
                        severity="warning",
                        message=f"{pair.short} is used {len(early)}× in {doc.id} before its full form ({pair.full_forms[0]}) first appears",
                        id=finding_id(NAME, "early", pair.key, pair.short, doc.id),
                        concept=pair.key,
                        forms={pair.short: {doc.id: len(early)}},
                        preferred=pair.full_forms[0],
                        locations=_locations(ctx, doc.id, norm, early[: ctx.max_locations], pair.short)
                        + [ctx.location(doc.id, dstart, dend, pair.full_forms[0])],
                        suggestion=f"write the full form {pair.full_forms[0]} at the first mention, {pair.short} after it",
                        evidence=[f"first definition at offset {dstart}"],
                    )
                )
            elif (
                pair.introduced
                and definition is None
                and not any(found.get(normalize_key(f)) or not normalize_key(f) for f in pair.full_forms)
            ):
                findings.append(
                    Finding(
                        check=NAME,
                        severity="info",
                        message=f"{pair.short} is used in {doc.id} without its full form ({pair.full_forms[0]})",
                        id=finding_id(NAME, "undefined", pair.key, pair.short, doc.id),
                        concept=pair.key,
                        forms={pair.short: {doc.id: len(uses)}},
                        preferred=pair.full_forms[0],
                        locations=_locations(ctx, doc.id, norm, uses[:3], pair.short),
                        suggestion=f"write the full form {pair.full_forms[0]} at the first mention",
                    )
                )
    for key, shorts in used_shorts.items():
        if len(shorts) < 2:
            continue
        forms = dict(shorts)
        listing = "; ".join(f"{s} in {', '.join(sorted(per))}" for s, per in sorted(shorts.items()))
        findings.append(
            Finding(
                check=NAME,
                severity="warning",
                message=f"{len(shorts)} short forms for one full form ({key}): {listing}",
                id=finding_id(NAME, "two-short-forms", key),
                concept=key,
                forms=forms,
                suggestion="use one short form throughout the document set",
                locations=_short_locations(ctx, shorts),
            )
        )
    return findings


def _short_locations(ctx: CheckContext, shorts: dict[str, dict[str, int]]):
    out = []
    for short, per in shorts.items():
        for doc_id in per:
            norm = ctx.normalized[doc_id]
            pos = norm.text.find(normalize_key(short))
            if pos >= 0:
                s, e = norm.original_span(pos, pos + len(normalize_key(short)))
                out.append(ctx.location(doc_id, s, e, short))
    return out
