"""Consistency checks: one module per check, each ``check(ctx) -> list[Finding]``.

``check_documents()`` runs them over a set of documents with an optional glossary and mined
candidates, drops ignored findings, and returns a :class:`CheckResult` ordered so that a
translator sees the real inconsistencies first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import InputError
from ..formats.vocabulary import is_traditional
from ..model import Card, Document, Finding
from . import (
    abbreviation_use,
    cross_document,
    deprecated_term,
    inconsistent_translation,
    key_term_mismatch,
    non_preferred_term,
    number_mismatch,
    typography,
    variant_forms,
)
from .cards import build_cards
from .context import CheckContext
from .findings import SEVERITY_RANK, sort_findings
from .ignore import read_ignore_file

if TYPE_CHECKING:
    from ..glossary import Glossary

CHECKS = {
    variant_forms.NAME: variant_forms.check,
    cross_document.NAME: cross_document.check,
    deprecated_term.NAME: deprecated_term.check,
    non_preferred_term.NAME: non_preferred_term.check,
    abbreviation_use.NAME: abbreviation_use.check,
    typography.NAME: typography.check,
    key_term_mismatch.NAME: key_term_mismatch.check,
    inconsistent_translation.NAME: inconsistent_translation.check,
    number_mismatch.NAME: number_mismatch.check,
}
FAIL_ON = ("error", "warning", "info", "never")
# Run unless --check names others: the terminology checks. Typography (widths, spacing,
# punctuation) is not about terms, and the PDF text layer's spacing makes it noisy: on request.
DEFAULT_CHECKS = tuple(name for name in CHECKS if name != typography.NAME)


@dataclass
class CheckResult:
    """Every finding (ids stable, for ignore files), and the cards a reviewer reads: the findings
    about one concept gathered, most urgent first (see :mod:`termkit.check.cards`)."""

    findings: list[Finding]
    documents: list[str]
    glossary: list[str] = field(default_factory=list)
    ignored: int = 0  # findings left out by the ignore list
    cards: list[Card] = field(default_factory=list)
    ignored_cards: int = 0  # cards all of whose findings the ignore list names
    unmatched_ignores: list[str] = field(default_factory=list)  # ids in the ignore list that match nothing
    ignored_ids: list[str] = field(default_factory=list)  # ids in the ignore list that matched findings
    paths: dict[str, str] = field(default_factory=dict)  # document id → file, as given
    dates: dict[str, str] = field(default_factory=dict)  # document id → its date ("" unknown)
    # document id → the script it was checked as, for the documents that declare their language
    # (a TMX/XLIFF target: "traditional Chinese (zh-TW)"); plain text is simplified Chinese
    scripts: dict[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        """``80 cards (4 errors, 46 warnings, 30 info) from 173 findings; 2 ignored`` — most severe first."""
        by = self.card_counts()
        parts = [
            f"{by[s]} {s}" + ("s" if by[s] != 1 and s != "info" else "")
            for s in ("error", "warning", "info")
            if by.get(s)
        ]
        ignored = f"; {self.ignored_cards} ignored" if self.ignored_cards else ""
        return f"{len(self.cards)} cards ({', '.join(parts) or 'none'}) from {len(self.findings)} findings{ignored}"

    def card_counts(self) -> dict[str, int]:
        """``{severity: number of cards}``."""
        out: dict[str, int] = {}
        for c in self.cards:
            out[c.severity] = out.get(c.severity, 0) + 1
        return out

    def counts(self) -> dict[str, dict[str, int]]:
        """``{check: {severity: n}}``."""
        out: dict[str, dict[str, int]] = {}
        for f in self.findings:
            out.setdefault(f.check, {}).setdefault(f.severity, 0)
            out[f.check][f.severity] += 1
        return out

    def fails(self, fail_on: str) -> bool:
        """Do the findings reach the ``--fail-on`` level?"""
        if fail_on == "never":
            return False
        limit = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK.get(f.severity, 9) <= limit for f in self.findings)


def check_documents(
    docs: Iterable[Document],
    glossary: Glossary | None = None,
    candidates: Iterable = (),
    checks: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    units: Iterable = (),
) -> CheckResult:
    """Run the checks over segmented documents; ``ignore`` holds finding ids to drop.

    ``units`` are bilingual EN–ZH units (:class:`termkit.check.bilingual.Unit`) for the
    bilingual checks (key-term-mismatch, inconsistent-translation, number-mismatch).
    """
    ctx = CheckContext(docs=list(docs), glossary=glossary, candidates=list(candidates), units=list(units))
    names = list(checks) if checks else list(DEFAULT_CHECKS)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise InputError(f"unknown check(s): {', '.join(unknown)} (known: {', '.join(CHECKS)})")
    findings = [f for name in names for f in CHECKS[name](ctx)]
    ignore = set(ignore)
    kept = [f for f in findings if f.id not in ignore]
    kept = sort_findings(kept)
    cards = build_cards(kept, ctx)
    shown = {c.id for c in cards}
    hidden = {c.id for c in build_cards([f for f in findings if f.id in ignore], ctx)} - shown
    return CheckResult(
        findings=kept,
        documents=[d.id for d in ctx.docs],
        glossary=list(getattr(glossary, "paths", []) or []),
        ignored=len(findings) - len(kept),
        cards=cards,
        ignored_cards=len(hidden),
        unmatched_ignores=sorted(ignore - {f.id for f in findings}),
        ignored_ids=sorted(ignore & {f.id for f in findings}),
        paths={d.id: d.path or "" for d in ctx.docs},
        dates=dict(ctx.dates),
        scripts={
            d.id: f"{'traditional' if is_traditional(d.lang) else 'simplified'} Chinese ({d.lang})"
            for d in ctx.docs
            if d.lang not in ("zh", "en", "")
        },
    )


__all__ = ["CHECKS", "CheckContext", "CheckResult", "check_documents", "read_ignore_file"]
