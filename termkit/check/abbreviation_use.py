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


def _definition_start(norm_text: str, full_forms: list[str], short: str) -> int | None:
    """Normalized offset of the first ``full（short）`` in the text."""
    best = None
    for full in full_forms:
        for o, c in _BRACKETS:
            pos = norm_text.find(f"{normalize_key(full)}{o}{normalize_key(short)}{c}")
            if pos >= 0 and (best is None or pos < best):
                best = pos
    return best


def _uses(norm_text: str, short: str, full_forms: list[str]) -> list[int]:
    """Normalized offsets where ``short`` stands alone (not inside one of its full forms)."""
    key = normalize_key(short)
    covered = set()
    for full in full_forms:
        fk = normalize_key(full)
        if key in fk:
            pos = norm_text.find(fk)
            while pos >= 0:
                covered.update(range(pos, pos + len(fk)))
                pos = norm_text.find(fk, pos + 1)
    out, pos = [], norm_text.find(key)
    while pos >= 0:
        if pos not in covered:
            out.append(pos)
        pos = norm_text.find(key, pos + len(key))
    return out


def _locations(ctx: CheckContext, doc_id: str, norm, positions: list[int], short: str):
    """Locations of the short form at normalized ``positions``, in original offsets."""
    n = len(normalize_key(short))
    return [ctx.location(doc_id, *norm.original_span(u, u + n), short) for u in positions]


def check(ctx: CheckContext) -> list[Finding]:
    findings = []
    used_shorts: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)  # key → short → doc → n
    for pair in _pairs(ctx):
        for doc in ctx.docs:
            norm = ctx.normalized[doc.id]
            uses = _uses(norm.text, pair.short, pair.full_forms + pair.holders)
            if not uses:
                continue
            definition = _definition_start(norm.text, pair.full_forms, pair.short)
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
                and not any(normalize_key(f) in norm.text for f in pair.full_forms)
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
