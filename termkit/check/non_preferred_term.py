"""non-preferred-term: an admitted glossary form used where a preferred one exists.

A warning for admitted variants; only information for admitted short forms (abbreviations,
acronyms, short forms), which UN documents use on purpose after the full form.
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
        for form in sorted({o.term.text for o in occs if o.term.status == "admitted"}):
            term_occs = [o for o in occs if o.term.text == form]
            term = term_occs[0].term
            short = is_short(term)
            findings.append(
                Finding(
                    check=NAME,
                    severity="info" if short else "warning",
                    message=f"{form} is an admitted {term.type or 'form'} of {preferred.text} (concept {cid})",
                    id=finding_id(NAME, cid, form),
                    concept=cid,
                    forms=form_counts((o.term.text, o.doc_id) for o in term_occs),
                    preferred=preferred.text,
                    locations=locations(ctx, term_occs),
                    suggestion="" if short else f"prefer {preferred.text}",
                    evidence=[f"glossary: admitted {term.type}".rstrip()],
                )
            )
    return findings
