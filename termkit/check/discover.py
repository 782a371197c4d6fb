"""Variant clusters discovered among mined candidates, without a glossary.

Two candidates are taken for forms of one concept when one is the other with:

- an optional character inside it (艾滋病毒/艾滋病病毒, 新精神活性物质/新型精神活性物质);
- one character replaced by a near-synonym (减少危害/减少伤害, 法医/法证) or a homophone (侦察/侦查);
- the words in another order (毒品管制国际/国际毒品管制);
- or when one is defined as the other's abbreviation in the corpus (毒品和犯罪问题办公室（毒罪办）).

Judged at concept level, these are *not* variants: a difference in a number (第三十届/第三十九届),
in a country (联合国/联合王国), in a scope or polarity word (区域合作/区域间合作, 国际/国家, 合法/非法),
or a nested term (有组织犯罪 inside 跨国有组织犯罪: characters added at an edge make a narrower term).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..glossary.scan import FormScanner
from ..model import Finding
from ..text.normalize import normalize_key
from ..text.pinyin import pinyin_key
from .context import CheckContext
from .findings import describe_forms, finding_id, form_counts
from .fragments import fragments
from .usage import disagreeing

# Characters whose presence or absence changes what a term means.
MEANINGFUL = set(
    "〇一二三四五六七八九十百千万亿零两第0123456789"  # numbers and ordinals
    "国王州省市县区"  # countries and territories (联合国/联合王国)
    "间际内外跨次分副总各多双单全半超前后上下中亚"  # scope (区域合作/区域间合作, 国际/国家)
    "非不无未反禁防抗违"  # polarity and prevention (合法/非法, 毒品/禁毒)
    "男女童老青"  # groups of people
    "组会局署处司部厅院委科"  # bodies and their units (专家会议/专家组会议)
)
# Two-character words a term may carry or drop without changing its concept
# (国家毒品战略/国家毒品管制战略; 资助恐怖主义全球方案/资助恐怖主义行为全球方案).
OPTIONAL_WORDS = {"管制", "问题", "行为", "活动", "方面", "事务"}
# Verbs that make the same concept as "verb object" or "object verb" (贩运毒品/毒品贩运); a swap
# of two nouns or of a modifier is a different concept (管制药物/药物管制, 合作组织/组织合作).
ACTIVITY_VERBS = {
    "贩运",
    "种植",
    "共享",
    "预防",
    "滥用",
    "使用",
    "生产",
    "制造",
    "贩卖",
    "没收",
    "缉获",
    "治疗",
    "交流",
    "收集",
}
# Pairs of characters that UN Chinese uses interchangeably inside one term.
NEAR_SYNONYMS = {frozenset(p) for p in (("危", "伤"), ("医", "证"), ("察", "查"), ("坦", "太"), ("型", "类"))}
MIN_CHARS = 3


# Clusters at least this likely are warnings; with a glossary, the others are not reported.
CONFIDENT = 0.7


@dataclass
class Cluster:
    forms: set[str]
    evidence: list[str] = field(default_factory=list)
    confidence: float = 0.0

    @cached_property
    def key(self) -> str:
        return "|".join(sorted(self.forms))

    def counts(self, ctx: CheckContext) -> dict[str, dict[str, int]]:
        return _form_occurrences(ctx, tuple(sorted(self.forms)))[0]

    def finding(self, ctx: CheckContext, check: str = "variant-forms") -> Finding:
        forms, places = _form_occurrences(ctx, tuple(sorted(self.forms)))
        main = max(forms, key=lambda f: (sum(forms[f].values()), len(f)))
        others = sorted(set(forms) - {main})
        locations = [ctx.location(d, s, e, f) for f, d, s, e in places if f in others][: ctx.max_locations]
        if check == "variant-forms":
            message = f"{describe_forms(forms)}: likely one concept (no glossary entry)"
        else:
            usage = defaultdict(set)
            for f, per in forms.items():
                for d in per:
                    usage[d].add(f)
            message = "written differently across documents — " + "; ".join(
                f"{d}: {'、'.join(sorted(fs))}" for d, fs in sorted(usage.items())
            )
        return Finding(
            check=check,
            severity="warning" if self.confidence >= CONFIDENT else "info",
            message=message,
            id=finding_id(check, "discovered", *sorted(self.forms)),
            forms=forms,
            preferred="",
            locations=locations,
            suggestion=f"choose one form (most used: {main}) and add it to the glossary",
            confidence=self.confidence,
            evidence=list(self.evidence),
        )


def _form_occurrences(ctx: CheckContext, forms: tuple[str, ...]):
    cache = ctx.memo.setdefault("form_occurrences", {})
    if forms not in cache:
        scanner = FormScanner(normalize_key(f) for f in forms)
        back = {normalize_key(f): f for f in forms}
        found, places = [], []
        for doc in ctx.docs:
            norm = ctx.normalized[doc.id]
            for s, e, key in scanner.finditer(norm.text):
                os_, oe = norm.original_span(s, e)
                found.append((back[key], doc.id))
                places.append((back[key], doc.id, os_, oe))
        cache[forms] = (form_counts(found), places)
    return cache[forms]


def _inner_insertion(short: str, long: str) -> str | None:
    """The characters ``long`` adds inside ``short`` (not at its edges), or None."""
    if not 1 <= len(long) - len(short) <= 2:
        return None
    for i in range(1, len(short)):
        extra = len(long) - len(short)
        if long[:i] == short[:i] and long[i + extra :] == short[i:]:
            return long[i : i + extra]
    return None


def _substitution(a: str, b: str) -> tuple[str, str] | None:
    if len(a) != len(b):
        return None
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return diff[0] if len(diff) == 1 else None


def _related(a: str, b: str) -> tuple[str, float] | None:
    """Why ``a`` and ``b`` look like two forms of one concept, and how sure that is."""
    short, long = sorted((a, b), key=len)
    added = _inner_insertion(short, long)
    if added is not None:
        # one character (病, 型) or a known optional word; a longer insertion is a new concept
        # (全球方案/全球联合方案, 国际组织/国际刑警组织)
        if any(c in MEANINGFUL for c in added) or (len(added) > 1 and added not in OPTIONAL_WORDS):
            return None
        return f"{long} = {short} with {added} inside", 0.8
    sub = _substitution(a, b)
    if sub is not None:
        x, y = sub
        if x in MEANINGFUL or y in MEANINGFUL:
            return None
        if frozenset(sub) in NEAR_SYNONYMS:
            return f"{a}/{b}: {x} and {y} are near-synonyms in terms", 0.75
        if pinyin_key(x) == pinyin_key(y):
            return f"{a}/{b}: {x} and {y} sound the same ({pinyin_key(x)})", 0.6
        return None
    swap = _swapped(a, b)
    if swap:
        return f"{a}/{b}: {swap} before or after its object", 0.6
    return None


def _swapped(a: str, b: str) -> str | None:
    """The activity verb when ``b`` is ``a`` with a verb and its object in the other order."""
    if len(a) != len(b) or a == b or any(c in MEANINGFUL for c in a):
        return None
    for k in range(2, len(a) - 1):
        left, right = a[:k], a[k:]
        if b == right + left and (left in ACTIVITY_VERBS or right in ACTIVITY_VERBS):
            return left if left in ACTIVITY_VERBS else right
    return None


def candidate_pairs(texts: list[str]) -> list[tuple[str, str, str, float]]:
    """Related pairs among candidate strings (indexed, not compared all against all)."""
    present = set(texts)
    out = []
    seen = set()

    def add(a, b):
        pair = tuple(sorted((a, b)))
        if a == b or pair in seen:
            return
        seen.add(pair)
        why = _related(a, b)
        if why:
            out.append((pair[0], pair[1], why[0], why[1]))

    by_pattern: dict[tuple[int, str], list[str]] = defaultdict(list)
    by_letters: dict[str, list[str]] = defaultdict(list)
    for t in texts:
        if len(t) < MIN_CHARS:
            continue
        # optional characters: delete one or two inner characters and look the rest up
        for i in range(1, len(t) - 1):
            for k in (1, 2):
                if i + k < len(t):
                    shorter = t[:i] + t[i + k :]
                    if shorter in present:
                        add(shorter, t)
        for i in range(len(t)):
            by_pattern[(i, t[:i] + "\x00" + t[i + 1 :])].append(t)
        by_letters["".join(sorted(t))].append(t)
    for group in list(by_pattern.values()) + list(by_letters.values()):
        if 1 < len(group) <= 20:
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    add(a, b)
    return out


def _clusters(pairs, abbreviations) -> list[Cluster]:
    parent: dict[str, str] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    why: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for a, b, reason, conf in pairs:
        parent[find(a)] = find(b)
        why[a].append((reason, conf))
    for short, full in abbreviations:
        parent[find(short)] = find(full)
        why[short].append((f"{short} is defined as the abbreviation of {full} in the corpus", 0.9))
    groups: dict[str, set[str]] = defaultdict(set)
    for x in list(parent):
        groups[find(x)].add(x)
    out = []
    for forms in groups.values():
        if len(forms) < 2:
            continue
        reasons = [r for f in sorted(forms) for r in why.get(f, [])]  # sorted: the same report every run
        out.append(Cluster(forms, [r for r, _ in reasons], min(c for _, c in reasons) if reasons else 0.5))
    return out


def _generated_variants(text: str) -> set[str]:
    """Forms one near-synonym substitution away from ``text``. (Not deletions: a string with a
    character left out is usually a piece of other words — 毒问题 in 吸毒问题.)"""
    out = set()
    for i, c in enumerate(text):
        for pair in NEAR_SYNONYMS:
            if c in pair:
                (other,) = pair - {c}
                out.add(text[:i] + other + text[i + 1 :])
    out.discard(text)
    return out


def _attested_variants(ctx: CheckContext, texts: list[str]) -> list[str]:
    """Variants of candidates that the corpus really contains, even when too rare to be mined
    (减少危害 once beside 减少伤害 twice)."""
    present = set(texts)
    wanted = set()
    for t in texts:
        if len(t) >= 2:
            wanted |= _generated_variants(t) - present
    if not wanted:
        return []
    scanner = FormScanner(wanted)
    found = set()
    for doc in ctx.docs:
        for _, _, form in scanner.finditer(ctx.normalized[doc.id].text):
            found.add(form)
    return sorted(found)


def _glossary_covers(ctx: CheckContext, forms: set[str]) -> bool:
    """Skip what the glossary already judges: forms of one concept, or of different concepts."""
    if ctx.glossary is None:
        return False
    if "glossary_forms" not in ctx.memo:
        ctx.memo["glossary_forms"] = {
            normalize_key(t.text): c.id for c in ctx.glossary.concepts for t in c.terms_in("zh")
        }
    index = ctx.memo["glossary_forms"]
    owners = {index.get(normalize_key(f)) for f in forms}
    return None not in owners or len(owners - {None}) > 1


def variant_clusters(ctx: CheckContext) -> list[Cluster]:
    """Clusters among the mined candidates that occur in the checked documents."""
    if not ctx.candidates:
        return []
    if "clusters" in ctx.memo:
        return ctx.memo["clusters"]
    texts = [c.text for c in ctx.candidates]
    texts += _attested_variants(ctx, texts)
    abbreviations = [(c.text, c.abbreviation_of) for c in ctx.candidates if c.abbreviation_of]
    clusters = []
    found = _clusters(candidate_pairs(texts), abbreviations)
    pieces = fragments(ctx, set().union(*(c.forms for c in found))) if found else set()
    for cluster in found:
        if pieces & cluster.forms:
            cluster = Cluster(cluster.forms - pieces, cluster.evidence, cluster.confidence)
            if len(cluster.forms) < 2:
                continue
        if _glossary_covers(ctx, cluster.forms):
            continue
        if ctx.glossary is not None and cluster.confidence < CONFIDENT:
            continue  # beside a glossary, only what is likely: a guess would bury what it says
        forms = cluster.counts(ctx)
        if len(forms) < 2:
            continue
        if all(f in {a for a, _ in abbreviations} | {b for _, b in abbreviations} for f in forms):
            # a full form with its defined abbreviation is UN style (full name first, short form
            # after), not two ways of writing; misuse is abbreviation-use's business. Beside a
            # glossary it is no card; without one it is worth knowing (the pair belongs in the
            # glossary), and a warning only when the documents split it.
            if ctx.glossary is not None:
                continue
            if not _disagree(forms):
                cluster.confidence = min(cluster.confidence, 0.5)
        clusters.append(cluster)
    ctx.memo["clusters"] = clusters
    return clusters


def _disagree(forms: dict[str, dict[str, int]]) -> bool:
    usage: dict[str, set[str]] = defaultdict(set)
    for f, per in forms.items():
        for d in per:
            usage[d].add(f)
    return bool(disagreeing(usage, limit=1))


def cross_document_clusters(ctx: CheckContext) -> list[Cluster]:
    return [c for c in variant_clusters(ctx) if _disagree(c.counts(ctx))]
