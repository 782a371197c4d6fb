"""Report cards: every finding about one concept gathered into one card a reviewer acts on.

A translator reads a report by concept, not by check: the variant forms, the deprecated form, the
short forms and the documents that disagree about UNODC are one problem with one fix. A card holds
every form of its concept with its glossary status and counts per document, what is wrong, the
fix, the places to change (the wrong forms first) and every occurrence (for spreadsheets), and the
ids of its findings (for the ignore file). Findings without a glossary concept are grouped by the
forms they share (discovered clusters); a finding about nothing shared (typography, numbers in one
segment) is a card of its own.

Cards are ordered by what must be acted on: errors (a wrong form beside the right one, a
deprecated form) before warnings (forms mixed within a document, two short forms) before
information, then by the number of places to change.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Card, CardForm, Finding, Location
from .context import CheckContext
from .findings import SEVERITY_RANK
from .glossary_forms import by_concept

# Within one severity: what a reviewer must change (a wrong or outdated form, two forms or short
# forms of one concept) before what is merely mixed, then the rest; then by places to change.
_CHECK_WEIGHT = {
    "deprecated-term": 0,
    "variant-forms": 0,
    "key-term-mismatch": 0,
    "abbreviation-use": 0,
    "cross-document": 1,
    "non-preferred-term": 1,
    "inconsistent-translation": 2,
    "number-mismatch": 2,
    "typography": 3,
}


def build_cards(findings: list[Finding], ctx: CheckContext) -> list[Card]:
    """One card per concept, discovered cluster or lone finding, most urgent first."""
    concepts = {c.id: c for c in ctx.glossary.concepts} if ctx.glossary is not None else {}
    groups = _group(findings, set(concepts))
    occurrences = by_concept(ctx) if ctx.glossary is not None else {}
    cards = []
    for key, members in groups.items():
        concept_id = members[0].concept
        if key.startswith("concept:") and concept_id in concepts:
            cards.append(_concept_card(key, members, concepts[concept_id], occurrences.get(concept_id), ctx))
        else:
            cards.append(_plain_card(key, members, ctx))
    return sorted(cards, key=_rank)


def _group(findings: list[Finding], concept_ids: set[str]) -> dict[str, list[Finding]]:
    """Findings by card: glossary concept, else shared forms (union of overlapping form sets)."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    loose: list[Finding] = []
    for f in findings:
        if f.concept in concept_ids:
            groups[f"concept:{f.concept}"].append(f)
        elif f.check in ("variant-forms", "cross-document", "abbreviation-use") and f.forms:
            loose.append(f)
        else:
            groups[f.id].append(f)
    # discovered clusters and abbreviation pairs without a glossary: one card per set of shared forms
    parent = list(range(len(loose)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, f in enumerate(loose):
        for form in f.forms:
            if form in first_with:
                parent[find(i)] = find(first_with[form])
            else:
                first_with[form] = i
    merged: dict[int, list[Finding]] = defaultdict(list)
    for i, f in enumerate(loose):
        merged[find(i)].append(f)
    for members in merged.values():
        forms = sorted({form for f in members for form in f.forms})
        groups["forms:" + "|".join(forms)].extend(members)
    return groups


def _severity(members: list[Finding]) -> str:
    return min((f.severity for f in members), key=lambda s: SEVERITY_RANK.get(s, 9))


# Which finding's message states a card's problem: the most specific one.
_MAIN_ORDER = (
    "deprecated-term",
    "abbreviation-use",
    "key-term-mismatch",
    "variant-forms",
    "cross-document",
    "non-preferred-term",
)


def _main_finding(members: list[Finding]) -> Finding:
    def order(f: Finding) -> tuple:
        specific = _MAIN_ORDER.index(f.check) if f.check in _MAIN_ORDER else len(_MAIN_ORDER)
        return (SEVERITY_RANK.get(f.severity, 9), specific, f.id)

    return min(members, key=order)


def _concept_card(key, members, concept, found, ctx: CheckContext) -> Card:
    preferred = concept.preferred("zh")
    english = concept.preferred("en")
    occs = found[1] if found else []
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for o in occs:
        counts[o.term.text][o.doc_id] = counts[o.term.text].get(o.doc_id, 0) + 1
    for f in members:  # forms the glossary scan does not see on its own (short forms counted apart)
        for form, per in f.forms.items():
            if form not in counts:
                counts[form] = dict(per)
    terms = {t.text: t for t in concept.terms_in("zh")}
    fix = preferred.text if preferred else ""
    forms = []
    for form in sorted(counts, key=lambda x: (x != fix, -sum(counts[x].values()), x)):
        term = terms.get(form)
        forms.append(
            CardForm(
                form=form,
                status=term.status if term else "",
                type=term.type if term else "",
                counts=dict(sorted(counts[form].items())),
                fix=form == fix,
                note="; ".join(x for x in (term.note, term.source) if x) if term else "",
                valid=_validity(term) if term else "",
            )
        )
    if fix and fix not in counts:
        forms.insert(0, CardForm(form=fix, status=preferred.status, type=preferred.type, fix=True))
    wrong = {cf.form for cf in forms if not cf.fix and cf.status not in ("preferred",) and _is_wrong(cf, members)}
    every = _wrong_first([ctx.location(o.doc_id, o.start, o.end, o.term.text) for o in occs], wrong)
    main = _main_finding(members)
    shown = _places(main, members, wrong)
    return Card(
        id=key,
        severity=_severity(members),
        title=fix or concept.id,
        problem=main.message,
        fix=main.suggestion or (f"write {fix}" if fix else ""),
        concept=concept.id,
        english=english.text if english else "",
        definition=concept.describe(),
        forms=forms,
        findings=sorted(f.id for f in members),
        checks=sorted({f.check for f in members}, key=lambda c: (_CHECK_WEIGHT.get(c, 9), c)),
        evidence=_evidence(members, main),
        locations=shown,
        occurrences=every or shown,
        places=sum(cf.total for cf in forms if cf.form in wrong) or len(shown),
    )


def _is_wrong(form: CardForm, members: list[Finding]) -> bool:
    """A form some finding of the card asks to change (not one it only counts)."""
    return any(form.form in f.forms for f in members)


def _plain_card(key, members, ctx: CheckContext) -> Card:
    main = _main_finding(members)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for f in members:
        for form, per in f.forms.items():
            for doc, n in per.items():
                counts[form][doc] = max(counts[form].get(doc, 0), n)
    ranked = sorted(counts, key=lambda x: (-sum(counts[x].values()), -len(x), x))  # as the fix names it
    majority = ranked[0] if key.startswith("forms:") and ranked else ""
    forms = [CardForm(form=x, counts=dict(sorted(counts[x].items())), fix=x == majority) for x in ranked]
    wrong = set(ranked) - {majority}
    shown = _places(main, members, wrong)
    return Card(
        id=key,
        severity=_severity(members),
        title=majority or main.message.split(":")[0][:40],
        problem=main.message,
        fix=main.suggestion,
        concept=main.concept,
        forms=forms,
        findings=sorted(f.id for f in members),
        checks=sorted({f.check for f in members}, key=lambda c: (_CHECK_WEIGHT.get(c, 9), c)),
        evidence=_evidence(members, main),
        locations=shown,
        occurrences=shown,
        places=sum(sum(counts[x].values()) for x in wrong) or len(shown),
    )


def _finding_locations(members: list[Finding], seen: set | None = None) -> list[Location]:
    seen, out = set() if seen is None else seen, []
    for f in members:
        for loc in f.locations:
            k = (loc.doc_id, loc.start, loc.end, loc.side, loc.segment_id)
            if k not in seen:
                seen.add(k)
                out.append(loc)
    return out


def _places(main: Finding, members: list[Finding], wrong: set[str]) -> list[Location]:
    """The places to look at: the main finding's (what the problem names), then the others', the
    wrong forms first in each, each place once."""
    seen: set = set()
    first = _wrong_first(_finding_locations([main], seen), wrong)
    return first + _wrong_first(_finding_locations([f for f in members if f is not main], seen), wrong)


def _wrong_first(locations: list[Location], wrong: set[str]) -> list[Location]:
    return sorted(locations, key=lambda loc: (loc.form not in wrong, loc.doc_id, loc.start))


def _evidence(members: list[Finding], main: Finding) -> list[str]:
    out = [f.message for f in members if f is not main]
    for f in members:
        out += f.evidence
    return list(dict.fromkeys(x for x in out if x))


def _validity(term) -> str:
    if term.valid_from and term.valid_until:
        return f"from {term.valid_from} until {term.valid_until}"
    if term.valid_until:
        return f"until {term.valid_until}"
    if term.valid_from:
        return f"from {term.valid_from}"
    return ""


def _rank(card: Card):
    return (
        SEVERITY_RANK.get(card.severity, 9),
        min((_CHECK_WEIGHT.get(c, 9) for c in card.checks), default=9),
        -card.places,
        card.id,
    )
