"""cross-document: one concept written differently in different documents of one set.

Two documents disagree when each uses a form of the concept that the other does not (毒罪办 in
one report, 毒品和犯罪问题办公室 in the others; 新精神活性物质 in one, 新型精神活性物质 in two). A
document that only uses fewer of the same forms (just the full name) does not disagree.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Finding
from .context import CheckContext
from .discover import cross_document_clusters
from .findings import finding_id, form_counts
from .glossary_forms import by_concept, locations
from .usage import disagreeing

NAME = "cross-document"


def check(ctx: CheckContext) -> list[Finding]:
    findings = []
    for cid, (concept, occs) in by_concept(ctx).items():
        forms_by_doc: dict[str, set[str]] = defaultdict(set)
        for o in occs:
            forms_by_doc[o.doc_id].add(o.term.text)
        pairs = disagreeing(forms_by_doc, limit=5)
        if not pairs:
            continue
        preferred = concept.preferred("zh")
        # the forms that make the difference: used in some documents and not in others
        everywhere = set.intersection(*forms_by_doc.values())
        differing = set().union(*forms_by_doc.values()) - everywhere
        status = {o.term.text: o.term.status for o in occs}
        if all(status[f] in ("preferred", "admitted") for f in differing):
            continue  # each document writes an approved form: correct usage, however they differ
        usage = "; ".join(f"{d}: {'、'.join(sorted(fs))}" for d, fs in sorted(forms_by_doc.items()))
        findings.append(
            Finding(
                check=NAME,
                severity="info",
                message=f"concept {cid} is written differently across documents — {usage}",
                id=finding_id(NAME, cid),
                concept=cid,
                forms=form_counts((o.term.text, o.doc_id) for o in occs),
                preferred=preferred.text if preferred else "",
                locations=locations(ctx, occs, differing),
                suggestion=f"use the same form in every document (preferred: {preferred.text})" if preferred else "",
                evidence=[f"{a} and {b} each use a form the other does not" for a, b in pairs[:5]],
            )
        )
    findings += [c.finding(ctx, check=NAME) for c in cross_document_clusters(ctx)]
    return findings
