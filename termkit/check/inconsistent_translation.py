"""inconsistent-translation: the same English segment (normalized) translated differently, and
the same Chinese translation given for different English segments."""

from __future__ import annotations

from collections import defaultdict

from ..glossary.keys import en_key
from ..model import Finding
from ..text.normalize import normalize_key
from .bilingual import location, translation_pairs
from .context import CheckContext
from .findings import finding_id

NAME = "inconsistent-translation"


def _zh_key(text: str) -> str:
    return normalize_key(text).rstrip("。.；;")


def check(ctx: CheckContext) -> list[Finding]:
    if not ctx.units:
        return []
    by_en = defaultdict(list)
    by_zh = defaultdict(list)
    for u in translation_pairs(ctx.units):
        by_en[" ".join(u.en.lower().split())].append(u)
        by_zh[_zh_key(u.zh)].append(u)
    findings = []
    for en, units in by_en.items():
        variants = defaultdict(list)
        for u in units:
            variants[_zh_key(u.zh)].append(u)
        if len(variants) < 2:
            continue
        forms = {}
        for us in variants.values():
            shown = us[0].zh
            forms[shown] = {}
            for u in us:
                forms[shown][u.file] = forms[shown].get(u.file, 0) + 1
        findings.append(
            Finding(
                check=NAME,
                severity="warning",
                message=f"the same source segment has {len(variants)} different translations: {units[0].en[:80]}",
                id=finding_id(NAME, "source", en),
                forms=forms,
                locations=[location(u) for u in units[: ctx.max_locations]],
                suggestion="translate repeated segments the same way (or confirm that context requires otherwise)",
            )
        )
    for zh, units in by_zh.items():
        sources = {en_key(u.en) for u in units}
        if len(sources) < 2 or len(zh) < 4:
            continue
        findings.append(
            Finding(
                check=NAME,
                severity="info",
                message=f"one translation for {len(sources)} different source segments: {units[0].zh[:60]}",
                id=finding_id(NAME, "target", zh),
                forms={units[0].zh: {u.file: sum(1 for x in units if x.file == u.file) for u in units}},
                locations=[location(u) for u in units[: ctx.max_locations]],
                suggestion="check that the source segments really mean the same",
            )
        )
    return findings
