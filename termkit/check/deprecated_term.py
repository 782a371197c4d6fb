"""deprecated-term: a glossary form with status deprecated (an error) or superseded (a warning).

A superseded form that was right on the document's date (the glossary's ``valid_until``) is not
reported: see :func:`termkit.check.glossary_forms.by_concept`.
"""

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
            since = f" since {term.valid_until}" if term.valid_until else ""
            findings.append(
                Finding(
                    check=NAME,
                    # a deprecated form is wrong; a superseded one is an outdated name (a quotation
                    # or an older document may still use it rightly)
                    severity="error" if term.status == "deprecated" else "warning",
                    message=f"{form} is {term.status}{since} (concept {cid}); use {fix}",
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
