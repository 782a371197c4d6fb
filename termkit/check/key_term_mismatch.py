"""key-term-mismatch: a glossary English term in the English side whose approved Chinese term
(preferred or admitted) is absent from the Chinese side. Says which non-approved form was used
instead (deprecated or superseded: an error), or that none of the concept's forms is there."""

from __future__ import annotations

from collections import defaultdict

from ..formats.vocabulary import is_traditional
from ..model import Finding
from .bilingual import EnglishTermFinder, location, translation_pairs, zh_forms_in
from .context import CheckContext
from .findings import finding_id

NAME = "key-term-mismatch"


def check(ctx: CheckContext) -> list[Finding]:
    if ctx.glossary is None or not ctx.units:
        return []
    finder = EnglishTermFinder(ctx.glossary)
    problems = defaultdict(list)  # concept id → [(unit, english term, forms used)]
    concepts = {}
    for u in translation_pairs(ctx.units):
        for concept, english in finder.find(u.en):
            if not concept.terms_in("zh"):
                continue
            used = zh_forms_in(u.zh, concept, is_traditional(u.zh_lang))
            if any(status in ("preferred", "admitted") for _, status, _ in used):
                continue
            problems[concept.id].append((u, english, used))
            concepts[concept.id] = concept
    findings = []
    for cid, cases in problems.items():
        concept = concepts[cid]
        preferred = concept.preferred("zh")
        wrong = {form for _, _, used in cases for form, _, _ in used}
        forms: dict[str, dict[str, int]] = defaultdict(dict)
        locations = []
        for u, _english, used in cases:
            key = used[0][0] if used else "(missing)"
            forms[key][u.file] = forms[key].get(u.file, 0) + 1
            if len(locations) < ctx.max_locations:
                if used:
                    form, _, pos = used[0]
                    locations.append(location(u, pos, pos + len(form), form))
                else:
                    locations.append(location(u))
        en_term = concept.preferred("en")
        english = en_term.text if en_term is not None else cases[0][1]
        instead = f"; used instead: {'、'.join(sorted(wrong))}" if wrong else ""
        findings.append(
            Finding(
                check=NAME,
                severity="error" if wrong else "warning",
                message=f"'{english}' ({cid}) is not translated {preferred.text if preferred else '?'} in {len(cases)} segment(s){instead}",
                id=finding_id(NAME, cid, *sorted({u.file for u, _, _ in cases})),
                concept=cid,
                forms=dict(forms),
                preferred=preferred.text if preferred else "",
                locations=locations,
                suggestion=f"translate '{english}' as {preferred.text}" if preferred else "",
                evidence=[f"glossary: {english} → {preferred.text}" if preferred else "glossary"],
            )
        )
    return findings
