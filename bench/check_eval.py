"""Evaluation of the variant checks on the seeds: recall of true variant clusters, false variants.

    python bench/check_eval.py

The labelled list below was made by reading the four seed documents: clusters of forms that
name one concept (what a translator must make consistent), and look-alike pairs that name
different things (a number, a country, a scope word, a nested term, a different concept) and
must never be reported as variants. A cluster counts as found when one finding of
variant-forms, cross-document, deprecated-term, non-preferred-term or abbreviation-use names
two of its forms (among its forms plus its preferred form), or two forms that differ exactly as
they do (共同分担/共同和分担 for 共同分担责任/共同和分担责任). A look-alike pair counts as a
false variant when one finding of variant-forms, cross-document or abbreviation-use puts both
members (or two forms that differ exactly by them) together. Run with and without the glossary.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.pipeline import check_paths  # noqa: E402

TRUE_CLUSTERS = {
    "HIV (within document 000)": ["艾滋病毒", "艾滋病病毒"],
    "new psychoactive substances (across documents)": ["新精神活性物质", "新型精神活性物质"],
    "UNODC's two short forms": ["毒罪办", "毒品和犯罪问题办公室"],
    "WHO": ["世界卫生组织", "世卫组织"],
    "INCB": ["国际麻醉品管制局", "麻管局"],
    "UNAIDS": ["艾滋病署", "艾滋病规划署"],
    "harm reduction": ["减少危害", "减少伤害"],
    "national drug (control) strategy": ["国家毒品管制战略", "国家禁毒战略", "国家毒品战略"],
    "people who inject drugs": ["注射吸毒者", "注射毒品者"],
    "stakeholders": ["利益攸关方", "利益方"],
    "forensic": ["法医", "法证"],
    "precursors": ["前体", "前体化学品"],
    "common and shared responsibility": ["共同分担责任", "共同和分担责任"],
    "World Drug Report": ["世界毒品问题报告", "世界毒品报告"],
    "synthetic drugs": ["合成毒品", "合成药物"],
}

LOOK_ALIKES = [
    ("联合国", "联合王国"),  # a country
    ("区域合作", "区域间合作"),  # scope
    ("有组织犯罪", "跨国有组织犯罪"),  # nested term
    ("第二十届特别会议", "第三十届特别会议"),  # a number
    ("第五十七届会议", "第六十七届会议"),  # a number
    ("全球方案", "全球联合方案"),  # another programme
    ("国际组织", "国际刑警组织"),  # another body
    ("减少需求", "减少供应"),  # demand vs supply
    ("毒品需求", "毒品供应"),
    ("专家组会议", "专家会议"),  # two different meetings
    ("管制药物", "药物管制"),  # controlled drugs vs drug control
    ("合作组织", "组织合作"),  # an organization vs cooperation
    ("麻醉药品", "精神药物"),  # narcotic drugs vs psychotropic substances
    ("区域方案", "全球方案"),
    ("国际", "国家"),  # international vs national
]
FOUND_BY = {"variant-forms", "cross-document", "deprecated-term", "non-preferred-term", "abbreviation-use"}
VARIANT_CHECKS = {"variant-forms", "cross-document", "abbreviation-use"}


def names(f) -> set[str]:
    return set(f.forms) | ({f.preferred} if f.preferred else set())


def together(forms: set[str], a: str, b: str) -> bool:
    if a in forms and b in forms:
        return True
    return any(a in x and x.replace(a, b) in forms for x in forms if x.replace(a, b) != x)


def evaluate(glossary: list[str]) -> tuple[int, int, list[str]]:
    result = check_paths([ROOT / "seeds"], glossary, ignore_file=None)
    found = 0
    lines = []
    for label, forms in TRUE_CLUSTERS.items():
        pairs = [(a, b) for i, a in enumerate(forms) for b in forms[i + 1 :]]
        hit = next(
            (f for f in result.findings if f.check in FOUND_BY and any(together(names(f), a, b) for a, b in pairs)),
            None,
        )
        found += hit is not None
        lines.append(
            f"  {'found ' if hit else 'MISSED'} {label}: {'/'.join(forms)}"
            + (f"  ← {hit.check} {hit.id}" if hit else "")
        )
    false = []
    for a, b in LOOK_ALIKES:
        for f in result.findings:
            if f.check in VARIANT_CHECKS and together(names(f), a, b):
                false.append(f"  FALSE VARIANT {a}/{b} in {f.check} {f.id}: {f.message[:80]}")
    return found, len(false), lines + false


def main() -> None:
    glossary = [str(ROOT / "glossaries" / "un-drug-control.csv")]
    print(f"{len(TRUE_CLUSTERS)} true variant clusters, {len(LOOK_ALIKES)} look-alike pairs in the seeds\n")
    for label, g in (("with the glossary", glossary), ("without a glossary", [])):
        found, false, lines = evaluate(g)
        print(
            f"{label}: clusters found {found}/{len(TRUE_CLUSTERS)} = {100 * found / len(TRUE_CLUSTERS):.0f}%; "
            f"false variants {false}"
        )
        print("\n".join(lines))
        print()


if __name__ == "__main__":
    main()
