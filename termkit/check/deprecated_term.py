"""deprecated-term: a glossary form with status deprecated or superseded (an error)."""

from __future__ import annotations

from ..model import Finding
from .context import CheckContext
from .findings import finding_id, form_counts
from .glossary_forms import by_concept, locations

NAME = "deprecated-term"


def check(ctx: CheckContext) -> list[Finding]:
    findings = []
    for cid, (concept, occs) in by_concept(ctx).items():
        preferred = concept.preferred("zh")
        for form in sorted({o.term.text for o in occs if o.term.status in ("deprecated", "superseded")}):
            term_occs = [o for o in occs if o.term.text == form]
            term = term_occs[0].term
            fix = preferred.text if preferred else ""
            findings.append(
                Finding(
                    check=NAME,
                    severity="error",
                    message=f"{form} is {term.status} (concept {cid}); use {fix}",
                    id=finding_id(NAME, cid, form),
                    concept=cid,
                    forms=form_counts((o.term.text, o.doc_id) for o in term_occs),
                    preferred=fix,
                    locations=locations(ctx, term_occs),
                    suggestion=f"replace {form} with {fix}" if fix else "",
                    evidence=[f"glossary: {term.status}" + (f"; note: {term.note}" if term.note else "")],
                )
            )
    return findings
