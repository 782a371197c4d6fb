"""Helpers every check uses to build Findings: stable ids, form counts, ordering."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from ..model import Finding

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
# The report lists the inconsistencies a translator must fix first.
CHECK_ORDER = (
    "variant-forms",
    "deprecated-term",
    "cross-document",
    "abbreviation-use",
    "non-preferred-term",
    "key-term-mismatch",
    "inconsistent-translation",
    "number-mismatch",
    "typography",
)


def finding_id(check: str, *parts: str) -> str:
    """A short id that stays the same across runs for the same problem (not for its counts)."""
    digest = hashlib.sha1("\x1f".join((check,) + tuple(sorted(parts))).encode("utf-8")).hexdigest()[:8]
    return f"{check}:{digest}"


def form_counts(occurrences: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """``(form, doc_id)`` pairs → ``{form: {doc_id: count}}``."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for form, doc in occurrences:
        out[form][doc] = out[form].get(doc, 0) + 1
    return dict(out)


def total(forms: dict[str, dict[str, int]]) -> int:
    return sum(sum(per.values()) for per in forms.values())


def sort_findings(findings: list[Finding]) -> list[Finding]:
    def key(f: Finding):
        check_rank = CHECK_ORDER.index(f.check) if f.check in CHECK_ORDER else len(CHECK_ORDER)
        return (SEVERITY_RANK.get(f.severity, 3), check_rank, -f.confidence, -total(f.forms), f.id)

    return sorted(findings, key=key)


def describe_forms(forms: dict[str, dict[str, int]]) -> str:
    """``艾滋病毒 ×12, 艾滋病病毒 ×6`` (most frequent first)."""
    ranked = sorted(forms.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    return ", ".join(f"{form} ×{sum(per.values())}" for form, per in ranked)
