"""report.csv: one row per finding, for spreadsheets."""

from __future__ import annotations

from typing import IO

from ..check.findings import describe_forms
from ..formats.cells import safe_writer

COLUMNS = (
    "id",
    "check",
    "severity",
    "concept",
    "preferred",
    "forms",
    "documents",
    "message",
    "suggestion",
    "confidence",
    "first_location",
)


def write_csv(result, out: IO[str]) -> None:
    w = safe_writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for f in result.findings:
        docs = sorted({d for per in f.forms.values() for d in per})
        first = f.locations[0] if f.locations else None
        where = f"{first.doc_id}:{first.start}: {first.sentence}" if first else ""
        w.writerow(
            [
                f.id,
                f.check,
                f.severity,
                f.concept or "",
                f.preferred,
                describe_forms(f.forms),
                " ".join(docs),
                f.message,
                f.suggestion,
                f"{f.confidence:.2f}",
                where,
            ]
        )
