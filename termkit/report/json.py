"""report.json: the full data of a check run — every finding (ids stable, for ignore files) and
the cards a reviewer reads (each naming the ids of its findings)."""

from __future__ import annotations

import json
from typing import IO

from .._version import __version__
from ..model import Card, Finding, Location


def form_list(forms: dict[str, dict[str, int]]) -> list[dict]:
    ranked = sorted(forms.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    return [{"form": f, "total": sum(per.values()), "per_doc": dict(sorted(per.items()))} for f, per in ranked]


def location_dict(loc: Location) -> dict:
    out = {
        "doc": loc.doc_id,
        "start": loc.start,
        "end": loc.end,
        "line": loc.line,
        "column": loc.column,
        "form": loc.form,
        "sentence": loc.sentence,
        "sentence_start": loc.sentence_start,
    }
    if loc.path:
        out["path"] = loc.path
    if loc.page:
        out["page"] = loc.page
    if loc.paragraph:
        out["paragraph"] = loc.paragraph
    if loc.side:
        out.update(side=loc.side, segment_id=loc.segment_id, other=loc.other)
    return out


def finding_dict(f: Finding) -> dict:
    return {
        "id": f.id,
        "check": f.check,
        "severity": f.severity,
        "message": f.message,
        "concept": f.concept,
        "preferred": f.preferred,
        "forms": form_list(f.forms),
        "locations": [location_dict(loc) for loc in f.locations],
        "suggestion": f.suggestion,
        "confidence": f.confidence,
        "evidence": f.evidence,
    }


def where(loc: Location) -> str:
    """``file:line:column`` (1-based, in the original file); ``file.pdf:p3:¶2`` (page 3, its second
    paragraph) or ``file.docx:¶12`` for a document with pages or paragraphs; the unit id in a
    bilingual file."""
    name = loc.path or loc.doc_id
    if loc.segment_id:
        return f"{name} unit {loc.segment_id}"
    if loc.paragraph:
        return f"{name}:p{loc.page}:¶{loc.paragraph}" if loc.page else f"{name}:¶{loc.paragraph}"
    return f"{name}:{loc.line}:{loc.column}" if loc.line else name


def card_dict(card: Card) -> dict:
    return {
        "id": card.id,
        "severity": card.severity,
        "title": card.title,
        "concept": card.concept,
        "english": card.english,
        "definition": card.definition,
        "problem": card.problem,
        "fix": card.fix,
        "places": card.places,
        "forms": [
            {
                "form": f.form,
                "status": f.status,
                "type": f.type,
                "fix": f.fix,
                "total": f.total,
                "per_doc": f.counts,
                "note": f.note,
                "valid": f.valid,
            }
            for f in card.forms
        ],
        "checks": card.checks,
        "findings": card.findings,
        "evidence": card.evidence,
        "locations": [location_dict(loc) for loc in card.locations],
    }


def report_dict(result) -> dict:
    return {
        "tool": f"termkit {__version__}",
        "documents": result.documents,
        "paths": result.paths,
        "dates": result.dates,
        "scripts": result.scripts,
        "glossary": result.glossary,
        "summary": {
            "cards": len(result.cards),
            "cards_by_severity": result.card_counts(),
            "ignored_cards": result.ignored_cards,
            "findings": len(result.findings),
            "ignored": result.ignored,
            "by_check": result.counts(),
        },
        "cards": [card_dict(c) for c in result.cards],
        "findings": [finding_dict(f) for f in result.findings],
    }


def write_json(result, out: IO[str]) -> None:
    json.dump(report_dict(result), out, ensure_ascii=False, indent=1)
    out.write("\n")
