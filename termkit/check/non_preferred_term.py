"""non-preferred-term: an admitted glossary form used where a preferred one exists.

A warning where a document also uses the preferred form (the writer mixes the two), information
where it does not (the admitted form is allowed; the document is consistent). Admitted short
forms (abbreviations, acronyms, short forms) are not reported: UN style writes the full name at
first mention and the short form after it, and a short form used before or without its full form
is abbreviation-use's business.
"""

from __future__ import annotations

from ..model import Finding
from .context import CheckContext
from .findings import finding_id, form_counts
from .glossary_forms import by_concept, is_short, locations

NAME = "non-preferred-term"


def check(ctx: CheckContext) -> list[Finding]:
    findings = []
    for cid, (concept, occs) in by_concept(ctx).items():
        preferred = concept.preferred("zh")
        if preferred is None or preferred.status != "preferred":
            continue
        docs_with_preferred = {o.doc_id for o in occs if o.term.text == preferred.text}
        if len({o.term.text for o in occs}) < 2:
            continue  # one admitted form throughout: written one way, and an allowed one
        for form in sorted({o.term.text for o in occs if o.term.status == "admitted"}):
            term_occs = [o for o in occs if o.term.text == form]
            term = term_occs[0].term
            if is_short(term):
                continue
            mixed = sorted({o.doc_id for o in term_occs} & docs_with_preferred)
            findings.append(
                Finding(
                    check=NAME,
                    severity="warning" if mixed else "info",
                    message=f"{form} is an admitted {term.type or 'form'} of {preferred.text} (concept {cid})"
                    + (f", used beside it in {', '.join(mixed)}" if mixed else ""),
                    id=finding_id(NAME, cid, form),
                    concept=cid,
                    forms=form_counts((o.term.text, o.doc_id) for o in term_occs),
                    preferred=preferred.text,
                    locations=locations(ctx, term_occs),
                    suggestion=f"prefer {preferred.text}",
                    evidence=[f"glossary: admitted {term.type}".rstrip()],
                )
            )
    return findings
