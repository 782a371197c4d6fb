"""Lookup results and attestation counts as text tables and JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ..model import Match, lang_base


def match_record(m: Match) -> dict:
    c = m.concept
    preferred = {}
    for t in c.terms:
        base = lang_base(t.lang)
        if base not in preferred:
            p = c.preferred(t.lang)
            if p is not None:
                preferred[base] = p.text
    return {
        "concept": c.id,
        "kind": m.kind,
        "score": m.score,
        "matched": {"text": m.term.text, "lang": m.term.lang, "status": m.term.status, "type": m.term.type},
        "preferred": preferred,
        "subject": c.subject,
        "definition": c.describe(),
    }


def write_lookup(results: Iterable[tuple[str, list[Match]]], out: IO[str], fmt: str = "text") -> None:
    """``results``: (query, matches) pairs. JSON Lines gives one object per query."""
    for query, matches in results:
        if fmt == "json":
            out.write(
                json.dumps({"query": query, "matches": [match_record(m) for m in matches]}, ensure_ascii=False) + "\n"
            )
            continue
        out.write(f"{query}\n")
        if not matches:
            out.write("  (no match)\n")
        for m in matches:
            r = match_record(m)
            form = r["matched"]
            detail = ", ".join(v for v in (form["type"], form["status"]) if v)
            pref = " | ".join(f"{lang}: {text}" for lang, text in r["preferred"].items())
            out.write(f"  {m.score:5.1f}  {m.kind:<10} {r['concept']:<24} {form['text']} ({detail})  →  {pref}\n")


def write_attestation(att, out: IO[str], fmt: str = "text", only_unattested: bool = False) -> None:
    forms = att.unattested if only_unattested else att.forms
    if fmt == "json":
        for f in forms:
            out.write(
                json.dumps(
                    {
                        "concept": f.concept.id,
                        "term": f.term.text,
                        "lang": f.term.lang,
                        "status": f.term.status,
                        "type": f.term.type,
                        "total": f.total,
                        "per_doc": f.per_doc,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
        return
    out.write("total\t" + "\t".join(att.documents) + "\tconcept\tstatus\tterm\n")
    for f in forms:
        counts = "\t".join(str(f.per_doc.get(d, 0)) for d in att.documents)
        out.write(f"{f.total}\t{counts}\t{f.concept.id}\t{f.term.status}\t{f.term.text}\n")
    unseen = len(att.unattested)
    out.write(f"# {len(att.forms)} forms, {len(att.forms) - unseen} attested, {unseen} never seen\n")
