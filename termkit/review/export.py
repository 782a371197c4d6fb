"""The review's result: the curated glossary — the old one plus the accepted and merged
candidates — written atomically by the glossary writers (CSV in the long curated shape of
``glossaries/``, TBX-Basic, XLSX), and the stop list of rejected forms that ``termkit mine
--ignore`` reads (``termkit run`` into the run folder reads the rejections itself).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..export import ExportResult, export_concepts
from ..formats.atomic import atomic_write
from ..formats.registry import termbase_format
from ..model import Concept, Problem, Term
from .candidates import Entry
from .store import Decision, rejections

_ROLE_TYPES = {"abbreviation": "abbreviation", "short form": "shortForm", "variant": "variant", "edition": "variant"}
_MERGE_TERMS = {
    "variant": ("admitted", "variant"),
    "abbreviation": ("admitted", "abbreviation"),
    "admitted": ("admitted", ""),
    "deprecated": ("deprecated", ""),
}


@dataclass
class ReviewExport:
    """What an export wrote: the glossary's summary, the stop list, and what was left out."""

    glossary: ExportResult | None
    stop_list: str = ""
    rejected: int = 0
    accepted: int = 0
    merged: int = 0
    skipped: list[str] | None = None  # forms left out: the glossary had them already

    def as_dict(self) -> dict:
        g = self.glossary
        return {
            "path": g.path if g else "",
            "summary": g.summary() if g else "",
            "concepts": g.concepts if g else 0,
            "terms": g.terms if g else 0,
            "stop_list": self.stop_list,
            "accepted": self.accepted,
            "merged": self.merged,
            "rejected": self.rejected,
            "skipped": self.skipped or [],
        }


def accepted_concept(fields: dict, entry: Entry | None, who: str = "") -> Concept:
    """An accepted candidate as a new concept: its Chinese term, its other forms (admitted, typed
    by their role in the candidate concept), and its English term when one was given."""
    roles = {c.text: c.role for c in entry.forms} if entry is not None else {}
    zh = Term(
        text=fields["zh"],
        lang="zh",
        status=fields.get("status") or "preferred",
        type=fields.get("type") or "",
        note=fields.get("note") or "",
        source=fields.get("source") or "",
    )
    terms = [zh]
    for form in fields.get("forms") or []:
        terms.append(Term(text=form, lang="zh", status="admitted", type=_ROLE_TYPES.get(roles.get(form, ""), "")))
    if fields.get("en"):
        terms.append(Term(text=fields["en"], lang="en", status="preferred", source=fields.get("source") or ""))
    note = f"accepted in termkit review by {who}" if who else "accepted in termkit review"
    return Concept(id=fields["id"], terms=terms, subject=fields.get("subject") or "", note=note)


def curated(
    concepts: list[Concept], decisions: dict[str, Decision], entries: dict[str, Entry]
) -> tuple[list[Concept], list[str], dict[str, int]]:
    """The glossary's concepts (copies) with the accepted ones added after them and the merged
    forms added to their concepts. A form the glossary already holds is not added twice: it is
    returned in the list of skipped forms instead."""
    out = [replace(c, terms=list(c.terms)) for c in concepts]
    by_id = {c.id: c for c in out}
    have = {t.text.strip() for c in out for t in c.terms if t.lang.lower().startswith("zh")}
    skipped: list[str] = []
    counts = {"accept": 0, "merge": 0, "reject": 0}
    ordered = sorted(decisions.values(), key=lambda d: entries[d.candidate].rank if d.candidate in entries else 1e9)
    for d in ordered:
        if d.action == "accept":
            concept = accepted_concept(d.fields, entries.get(d.candidate), d.who)
            kept = [t for t in concept.terms if t.lang != "zh" or t.text not in have]
            skipped += [t.text for t in concept.terms if t not in kept]
            if not any(t.lang == "zh" for t in kept):
                continue
            concept.terms = kept
            have.update(t.text for t in kept if t.lang == "zh")
            if concept.id in by_id:
                raise InputError(f"accepted concept id {concept.id!r} is already a glossary concept's")
            out.append(concept)
            by_id[concept.id] = concept
            counts["accept"] += 1
        elif d.action == "reject":
            counts["reject"] += 1
    for d in ordered:
        if d.action != "merge":
            continue
        target = by_id.get(d.fields.get("concept", ""))
        if target is None:
            skipped.append(d.head)
            continue
        status, kind = _MERGE_TERMS.get(d.fields.get("as", "variant"), ("admitted", "variant"))
        for form in d.fields.get("forms") or [d.head]:
            if form in have:
                skipped.append(form)
                continue
            target.terms.append(Term(text=form, lang="zh", status=status, type=kind, note=d.fields.get("note") or ""))
            have.add(form)
        counts["merge"] += 1
    return out, skipped, counts


def write_stop_list(path: str | os.PathLike, rejected: dict[str, str], title: str = "") -> None:
    """The rejected forms, one a line with the head it was rejected with as a note after a tab
    (the shape ``termkit mine --ignore`` reads), atomically."""
    with atomic_write(path) as fh:
        fh.write("# termkit review: rejected candidates, never to be proposed again (termkit mine --ignore FILE)\n")
        if title:
            fh.write(f"# {title}\n")
        for form in sorted(rejected):
            head = rejected[form]
            fh.write(form + (f"\trejected with {head}" if head != form else "") + "\n")


def export_curated(
    concepts: list[Concept],
    decisions: dict[str, Decision],
    entries: dict[str, Entry],
    output: str | os.PathLike | None,
    *,
    stop_list: str | os.PathLike | None = None,
    title: str = "termkit review",
    tbx_version: int = 3,
) -> ReviewExport:
    """Write the curated glossary to ``output`` (CSV: the long curated shape; XLSX: the wide CAT
    shape; TBX: TBX-Basic ``tbx_version``) and the stop list to ``stop_list``, each atomically."""
    merged, skipped, counts = curated(concepts, decisions, entries)
    result = ReviewExport(
        None, rejected=counts["reject"], accepted=counts["accept"], merged=counts["merge"], skipped=skipped
    )
    if output is not None:
        fmt = termbase_format(output)
        shape = "long" if fmt == "csv" else "wide"
        result.glossary = export_concepts(merged, output, shape=shape, title=title, tbx_version=tbx_version)
        if skipped:
            result.glossary.warnings.append(
                Problem(
                    str(output),
                    None,
                    "warning",
                    "already-in-glossary",
                    f"{len(skipped)} form(s) already in the glossary were not added again: {', '.join(skipped[:5])}",
                )
            )
    if stop_list is not None:
        write_stop_list(stop_list, rejections(decisions.values()), title)
        result.stop_list = str(Path(stop_list))
    return result
