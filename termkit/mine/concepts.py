"""Candidate concepts: the mined forms that name one thing, grouped under one head.

A terminologist decides on concepts, not rows. :func:`group_candidates` puts together

- an abbreviation and its full form, defined in the corpus or inferred (毒罪办 →
  联合国毒品和犯罪问题办公室, 麻委会 → 麻醉药品委员会);
- a name and the same name with its owner, its count or its year in front — the forms a
  document uses once it has given the full name: 合成毒品战略 under 毒罪办合成毒品战略,
  第三十届特别会议 and 特别会议 under 大会第三十届特别会议, 麻醉品单一公约 under
  1961年麻醉品单一公约. What is put in front must be an organization's name (the miner's
  organizations, with their short forms), an ordinal (第三十届) or a year (2030年); a modifier
  of scope or a topic (国际, 合成) makes another concept and is never grouped. A form held by
  several such longer names joins the one holding most of its uses, if it holds two thirds of
  them, and no group otherwise (特别会议 of two different sessions); a name cited by
  editions (2018年世界毒品问题报告, 2021年世界毒品问题报告) keeps its editions under it;
- the forms a glossary gives to one concept (known and variant forms alike).

The head of a group is its longest complete name: the longest form that is not an abbreviation
or an edition of another. Each form keeps its own counts and score; a group ranks by its best
form, and the forms of a group follow their head.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Candidate
from .kinds import ORDINAL_RE, YEAR_RE
from .names import named

HEAD, ABBREVIATION, SHORT_FORM, EDITION, VARIANT = "head", "abbreviation", "short form", "edition", "variant"
_DOMINANT = 2 / 3


class _Union:
    def __init__(self, keys: Iterable[str]):
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # deterministic: the smaller key is the root


def owner_prefix(words: Sequence[str], k: int, names: frozenset) -> str | None:
    """What ``words[:k]`` is when it only says whose, which or when the rest is: "year" (2030年),
    "owner" (organizations and ordinals: 毒罪办, 大会第三十届), or None."""
    prefix = words[:k]
    if len(prefix) == 1 and YEAR_RE.match(prefix[0]):
        return "year"
    i = 0
    while i < k:
        if ORDINAL_RE.match(prefix[i]):
            i += 1
            continue
        for j in range(k, i, -1):  # the longest organization's name starting here
            if "".join(prefix[i:j]) in names:
                i = j
                break
        else:
            return None
    return "owner"


def group_candidates(
    candidates: Sequence[Candidate], names: frozenset = frozenset(), freq: dict | None = None
) -> list[Candidate]:
    """The candidates in concept order: each group's head, then its other forms, the groups by
    their best score (the input order breaks ties). Sets ``group`` and ``role`` on each.

    ``names``: the organizations (and their short forms) whose name before a form says whose it
    is; ``freq``: occurrences of each candidate (the scan's), to tell which longer name holds
    most uses of a form.
    """
    by_key = {c.key or c.text: c for c in candidates}
    freq = freq or {}
    union = _Union(by_key)
    role: dict[str, str] = {}

    # abbreviations and their full forms
    for k, c in by_key.items():
        if c.abbreviation_of and c.abbreviation_of in by_key:
            union.join(k, c.abbreviation_of)
            role[k] = ABBREVIATION

    # a name and the same name with its owner, count or year before it
    holders: dict[str, list[tuple[str, str]]] = {}
    for k, c in by_key.items():
        words = c.words or [k]
        for i in range(1, len(words)):
            rest = "".join(words[i:])
            if rest not in by_key or rest == k or not named(words[i:]):
                continue  # a name (ending in a name head) with its owner before it
            kind = owner_prefix(words, i, names)
            if kind is not None:
                holders.setdefault(rest, []).append((k, kind))
    for short, held in sorted(holders.items()):
        years = [k for k, kind in held if kind == "year"]
        if len(years) >= 2:  # a name cited by editions: the editions join it
            for k in years:
                union.join(short, k)
                role[k] = EDITION
            held = [(k, kind) for k, kind in held if kind != "year"]
        if not held:
            continue
        best = max(held, key=lambda kk: (freq.get(kk[0], by_key[kk[0]].freq), kk[0]))[0]
        total = sum(freq.get(k, by_key[k].freq) for k, _ in held)
        f_best, f_short = freq.get(best, by_key[best].freq), freq.get(short, by_key[short].freq)
        # the longer name must hold most of the form's uses among its holders, and half of all
        # of them: a form used mostly elsewhere (部长级会议 beside 第三次部长级会议) is its own
        if f_best >= _DOMINANT * total and 2 * f_best >= f_short:
            union.join(short, best)
            role.setdefault(short, SHORT_FORM)

    # the forms a glossary gives to one concept
    by_concept: dict[str, str] = {}
    for k, c in by_key.items():
        if c.match is not None and c.status in ("known", "variant"):
            cid = c.match.concept.id
            if cid in by_concept:
                union.join(k, by_concept[cid])
                role.setdefault(k, VARIANT)
            else:
                by_concept[cid] = k

    groups: dict[str, list[str]] = {}
    for k in by_key:
        groups.setdefault(union.find(k), []).append(k)
    order = {k: i for i, k in enumerate(by_key)}
    out_groups = []
    for members in groups.values():
        head = _head(members, role, by_key)
        for k in members:
            c = by_key[k]
            c.group = by_key[head].text
            c.role = HEAD if k == head else role.get(k, VARIANT)
        rest = sorted((k for k in members if k != head), key=lambda k: (-by_key[k].score, order[k]))
        best = min(order[k] for k in members)
        top = max(by_key[k].score for k in members)
        out_groups.append((-top, best, [head, *rest]))
    out_groups.sort(key=lambda g: (g[0], g[1]))
    return [by_key[k] for _, _, members in out_groups for k in members]


def _head(members: list[str], role: dict[str, str], by_key: dict[str, Candidate]) -> str:
    """The glossary's preferred form when the group has it; else the longest complete name: not
    an abbreviation or an edition of another form, the longest, then the best scored."""
    if len(members) == 1:
        return members[0]
    preferred = [
        k
        for k in members
        if by_key[k].status == "known" and by_key[k].match is not None and by_key[k].match.term.status == "preferred"
    ]
    if preferred:
        return max(preferred, key=lambda k: (len(k), by_key[k].score, k))
    complete = [k for k in members if role.get(k) not in (ABBREVIATION, EDITION)] or members
    return max(complete, key=lambda k: (len(k), by_key[k].score, k))


def groups_of(candidates: Iterable[Candidate]) -> list[list[Candidate]]:
    """Candidates in concept order (:func:`group_candidates`'s output, or a file read back) as
    groups: each a list whose first element is the head."""
    out: list[list[Candidate]] = []
    for c in candidates:
        if out and c.group and c.group == out[-1][0].group and c.role != HEAD:
            out[-1].append(c)
        else:
            out.append([c])
    return out


def short_forms(frag: dict[str, str], words_of: dict, names: frozenset) -> set[str]:
    """The "fragments" (always inside a longer candidate: :func:`.filters.fragments`) that are the
    name itself with its owner, count or year left out (麻醉品单一公约 in 1961年麻醉品单一公约,
    可持续发展议程 in 2030年可持续发展议程): kept, to be grouped under the longer name."""
    out = set()
    for a, b in frag.items():
        words = words_of.get(b)
        if not words or not b.endswith(a):
            continue
        for i in range(1, len(words)):
            if "".join(words[i:]) == a and named(words[i:]) and owner_prefix(words, i, names):
                out.add(a)
                break
    return out
