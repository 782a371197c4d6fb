"""report.json: the full data of a check run."""

from __future__ import annotations

import json
from typing import IO

from .._version import __version__
from ..model import Finding, Location


def form_list(forms: dict[str, dict[str, int]]) -> list[dict]:
    ranked = sorted(forms.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    return [{"form": f, "total": sum(per.values()), "per_doc": dict(sorted(per.items()))} for f, per in ranked]


def location_dict(loc: Location) -> dict:
    out = {
        "doc": loc.doc_id,
        "start": loc.start,
        "end": loc.end,
        "form": loc.form,
        "sentence": loc.sentence,
        "sentence_start": loc.sentence_start,
    }
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


def report_dict(result) -> dict:

    return {
        "tool": f"termkit {__version__}",
        "documents": result.documents,
        "glossary": result.glossary,
        "summary": {"findings": len(result.findings), "ignored": result.ignored, "by_check": result.counts()},
        "findings": [finding_dict(f) for f in result.findings],
    }


def write_json(result, out: IO[str]) -> None:
    json.dump(report_dict(result), out, ensure_ascii=False, indent=1)
    out.write("\n")
