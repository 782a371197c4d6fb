"""The report as spreadsheet rows: one per card, and one per occurrence — what report.csv and
report.xlsx hold (the shape Xbench users export: document, line, column, form, status, fix)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Card

CARD_COLUMNS = (
    "no",
    "severity",
    "write",
    "english",
    "concept",
    "problem",
    "fix",
    "forms",
    "places",
    "documents",
    "ids",
)
OCCURRENCE_COLUMNS = (
    "card",
    "severity",
    "concept",
    "english",
    "write",
    "form",
    "status",
    "document",
    "line",
    "column",
    "unit",
    "sentence",
)


def describe(card: Card) -> str:
    """``新精神活性物质 ✓ ×3; 新型精神活性物质 (deprecated) ×14``."""
    return "; ".join(
        f"{f.form}{' ✓' if f.fix else ''}{f' ({f.status})' if f.status and not f.fix else ''} ×{f.total}"
        for f in card.forms
    )


def card_rows(result) -> Iterator[list]:
    for n, card in enumerate(result.cards, 1):
        docs = sorted({d for f in card.forms for d in f.counts})
        yield [
            n,
            card.severity,
            card.title,
            card.english,
            card.concept or "",
            card.problem,
            card.fix,
            describe(card),
            card.places,
            " ".join(result.paths.get(d) or d for d in docs),
            " ".join(card.findings),
        ]


def occurrence_rows(result) -> Iterator[list]:
    for n, card in enumerate(result.cards, 1):
        status = {f.form: f.status or ("majority" if f.fix else "") for f in card.forms}
        write = next((f.form for f in card.forms if f.fix), "")
        for loc in card.occurrences:
            yield [
                n,
                card.severity,
                card.concept or "",
                card.english,
                write,
                loc.form,
                status.get(loc.form, ""),
                loc.path or result.paths.get(loc.doc_id) or loc.doc_id,
                loc.line or "",
                loc.column or "",
                loc.segment_id,
                " ".join(loc.sentence.split()),
            ]
