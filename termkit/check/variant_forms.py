"""variant-forms: one concept written in several forms in the checked documents.

With a glossary: every concept of which a form other than the preferred one occurs — a
deprecated, superseded or variant form (艾滋病病毒 for 艾滋病毒), with the counts of every form per
document and the preferred form as the fix. A defined abbreviation used beside its full form
(联合国毒品和犯罪问题办公室（毒罪办）… 毒罪办) is normal usage, not a variant; two short forms for one
concept are the abbreviation-use check's business.

Without a glossary (or for terms the glossary lacks): clusters discovered among the mined
candidates (see discover.py).
"""

from __future__ import annotations

from ..model import Finding
from .context import CheckContext
from .findings import describe_forms, finding_id, form_counts
from .glossary_forms import by_concept, is_short, locations

NAME = "variant-forms"


def _is_variant(term) -> bool:
    if term.status in ("deprecated", "superseded"):
        return True
    return term.status != "preferred" and not is_short(term)


def check(ctx: CheckContext) -> list[Finding]:
    findings = []
    for cid, (concept, occs) in by_concept(ctx).items():
        variants = {o.term.text for o in occs if _is_variant(o.term)}
        if not variants:
            continue
        preferred = concept.preferred("zh")
        forms = form_counts((o.term.text, o.doc_id) for o in occs)
        written = {(o.doc_id, o.term.text) for o in occs}
        nested = _nested(ctx, concept)
        written |= {(d, form) for form, d, _ in nested}
        mixed_docs = sorted(d for d in {d for d, _ in written} if len({f for dd, f in written if dd == d}) > 1)
        status = {o.term.text: o.term for o in occs}
        evidence = [
            f"glossary: {t} is {status[t].status}"
            + (f" ({status[t].type})" if status[t].type else "")
            + f" in concept {cid}"
            for t in sorted(variants)
        ]
        for form, d, host in sorted(set(nested))[:5]:
            evidence.append(f"{form} also appears inside {host} in {d}")
        if mixed_docs:
            evidence.append("written both ways within " + ", ".join(mixed_docs))
        wrong = any(status[t].status == "deprecated" for t in variants)
        outdated = any(status[t].status == "superseded" for t in variants)
        if len(forms) == 1 and not (wrong or outdated):
            continue  # one admitted form throughout: written one way, and an allowed one
        # strongest first: a wrong form beside the right one, then forms mixed within a document;
        # admitted variants each used consistently in their documents are only information
        confidence = 1.0 if wrong and len(forms) > 1 else 0.9 if mixed_docs else 0.7
        if wrong and len(forms) > 1:
            severity = "error"
        elif mixed_docs or outdated or wrong:
            severity = "warning"
        else:
            severity = "info"
        findings.append(
            Finding(
                check=NAME,
                severity=severity,
                message=f"{describe_forms(forms)}: one concept ({cid}), preferred form {preferred.text if preferred else '?'}",
                id=finding_id(NAME, cid),
                concept=cid,
                forms=forms,
                preferred=preferred.text if preferred else "",
                locations=locations(ctx, occs, variants),
                suggestion=f"write {preferred.text}" if preferred else "",
                confidence=confidence,
                evidence=evidence,
            )
        )
    findings += discovered(ctx)
    return findings


def _nested(ctx: CheckContext, concept) -> list[tuple[str, str, str]]:
    """``(form, doc, longer form)`` where a form of ``concept`` is written inside another concept's
    form (艾滋病毒 inside 艾滋病毒和艾滋病科): it shows how the writer spells the concept too."""
    forms = [t.text for t in concept.terms_in("zh") if len(t.text) >= 2]
    out = []
    for host, per_doc in _hosts(ctx).items():
        inside = [
            form for form in forms if form in host and not any(form in f and f != form and f in host for f in forms)
        ]
        if not inside:
            continue
        for doc_id, concepts in per_doc.items():
            if len(concepts) > 1 or id(concept) not in concepts:
                out.extend((form, doc_id, host) for form in inside)
    return out


def _hosts(ctx: CheckContext) -> dict[str, dict[str, set[int]]]:
    """Each glossary form written in the documents → document → the concepts it was found for, by
    ``id()`` (one pass over the occurrences, shared by every concept's :func:`_nested`)."""
    if "nested_hosts" not in ctx.memo:
        hosts: dict[str, dict[str, set[int]]] = {}
        for doc in ctx.docs:
            for o in ctx.occurrences[doc.id]:
                hosts.setdefault(o.term.text, {}).setdefault(doc.id, set()).add(id(o.concept))
        ctx.memo["nested_hosts"] = hosts
    return ctx.memo["nested_hosts"]


def discovered(ctx: CheckContext) -> list[Finding]:
    """Variant clusters found among mined candidates, for what the glossary does not cover."""
    from .discover import variant_clusters

    return [c.finding(ctx) for c in variant_clusters(ctx)]
