"""What the workbench shows of a run's candidates: one entry per candidate concept, its forms with
their counts, example sentences with the form marked, the English proposals with their evidence,
the glossary's nearest concepts and the reasons it ranked where it did — as plain dicts, ready to
be sent as JSON (the page builds its text from them; nothing here is HTML).

Candidate concepts are read from the run's ``candidates.csv`` in rank order (a head and the forms
the miner grouped under it). Each has a stable id, made from its head form, so that a decision
still finds its candidate after the run is made again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Candidate, Concept

MAX_CONTEXTS = 10
MAX_NEIGHBOURS = 8
# What the filters call the glossary statuses of the forms.
STATUSES = ("new", "new-variant", "variant", "pinyin", "fuzzy", "partial", "known")
UNKNOWN = "unknown"  # the status filter for the candidates with a form the glossary does not know
_SPACE_RE = re.compile(r"\s+")


def candidate_id(head: str) -> str:
    """A candidate concept's id: stable across runs, as long as its head form is the same."""
    return hashlib.sha1(head.encode("utf-8")).hexdigest()[:12]


@dataclass
class Entry:
    """One candidate concept: its number in the ranking, its head and every form (head first)."""

    id: str
    rank: int
    forms: list[Candidate]

    @property
    def head(self) -> Candidate:
        return self.forms[0]

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.forms]

    @property
    def statuses(self) -> list[str]:
        return sorted({c.status for c in self.forms}, key=lambda s: STATUSES.index(s) if s in STATUSES else 99)

    @property
    def docs(self) -> list[str]:
        return sorted({x.doc_id for c in self.forms for x in c.contexts if x.doc_id})


def entries(candidates: Iterable[Candidate]) -> list[Entry]:
    """Candidates in concept order (``termkit mine``'s output) as candidate concepts."""
    groups: list[list[Candidate]] = []
    previous: Candidate | None = None
    for c in candidates:
        if not groups or c.role in ("", "head") or previous is None or c.group != previous.group:
            groups.append([])
        groups[-1].append(c)
        previous = c
    out: list[Entry] = []
    seen: set[str] = set()
    for n, forms in enumerate(groups, 1):
        cid = candidate_id(forms[0].text)
        k = 2
        while cid in seen:  # the same head twice (a hand-edited file): still one id each
            cid = candidate_id(f"{forms[0].text}#{k}")
            k += 1
        seen.add(cid)
        out.append(Entry(cid, n, forms))
    return out


def _form(c: Candidate) -> dict:
    concept = c.match.concept.id if c.match is not None else ""
    return {
        "text": c.text,
        "role": c.role or "head",
        "freq": c.freq,
        "doc_freq": c.doc_freq,
        "score": round(c.score, 4),
        "status": c.status,
        "concept": concept,
        "pinyin": c.pinyin,
        "abbreviation_of": c.abbreviation_of,
        "abbreviation_inferred": c.abbreviation_inferred,
    }


def summary(entry: Entry, decision: dict | None = None) -> dict:
    """An entry as the list shows it."""
    head = entry.head
    return {
        "id": entry.id,
        "rank": entry.rank,
        "head": head.text,
        "score": round(head.score, 4),
        "freq": head.freq,
        "doc_freq": head.doc_freq,
        "statuses": entry.statuses,
        "forms": [_form(c) for c in entry.forms],
        "english": head.english[0].en if head.english else "",
        "decision": decision or {"action": "", "version": 0, "fields": {}, "who": "", "at": ""},
    }


def matches(
    entry: Entry,
    *,
    status: Iterable[str] = (),
    min_score: float | None = None,
    doc: str = "",
    query: str = "",
    decision: str = "",
    actions: dict[str, str] | None = None,
) -> bool:
    """Does the entry pass the filters? ``status``: one of its forms has one of these glossary
    statuses (``unknown``: any but ``known``); ``min_score``: the head's score; ``doc``: an example sentence from this document;
    ``query``: in a form, its pinyin or the English; ``decision``: ``undecided`` or an action."""
    wanted = set(status)
    if wanted:
        unknown = UNKNOWN in wanted and any(s != "known" for s in entry.statuses)
        if not unknown and not wanted.intersection(entry.statuses):
            return False
    if min_score is not None and entry.head.score < min_score:
        return False
    if doc and doc not in entry.docs:
        return False
    if decision:
        action = (actions or {}).get(entry.id, "")
        if (decision == "undecided" and action) or (decision != "undecided" and action != decision):
            return False
    if query:
        q = query.casefold()
        haystack = [c.text for c in entry.forms] + [c.pinyin for c in entry.forms]
        haystack += [e.en for c in entry.forms for e in c.english]
        if not any(q in h.casefold() for h in haystack):
            return False
    return True


def _one_line(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def contexts(entry: Entry, limit: int = MAX_CONTEXTS) -> list[dict]:
    """Up to ``limit`` example sentences, taken from the forms in turn (the head's first), each
    split around the form so that the page can mark it: ``before``, ``form``, ``after``."""
    queues = [[(c.text, x) for x in c.contexts] for c in entry.forms]
    out: list[dict] = []
    seen: set[tuple[str, int]] = set()
    while len(out) < limit and any(queues):
        for q in queues:
            if not q or len(out) >= limit:
                continue
            form, x = q.pop(0)
            if (x.doc_id, x.start) in seen:
                continue
            seen.add((x.doc_id, x.start))
            line = _one_line(x.sentence)
            i = line.find(form)
            before, mark, after = (line[:i], form, line[i + len(form) :]) if i >= 0 else (line, "", "")
            out.append(
                {"doc": x.doc_id, "start": x.start, "end": x.end, "before": before, "form": mark, "after": after}
            )
    return out


def english(entry: Entry) -> list[dict]:
    """The English proposals (mined with ``--source``): the head's, then other forms' new ones."""
    out: list[dict] = []
    seen: set[str] = set()
    for c in entry.forms:
        for e in c.english:
            if e.en in seen:
                continue
            seen.add(e.en)
            example = {"en": _one_line(e.example[0]), "zh": _one_line(e.example[1])} if e.example else None
            out.append(
                {
                    "en": e.en,
                    "confidence": round(e.confidence, 2),
                    "evidence": list(e.evidence),
                    "example": example,
                    "form": c.text,
                }
            )
    return out


def concept_dict(concept: Concept, origin: str = "glossary") -> dict:
    """A glossary concept as the page shows it beside a candidate."""
    zh = concept.preferred("zh")
    en = concept.preferred("en")
    return {
        "id": concept.id,
        "zh": zh.text if zh is not None else "",
        "en": en.text if en is not None else "",
        "subject": concept.subject,
        "origin": origin,
        "terms": [{"text": t.text, "lang": t.lang, "status": t.status, "type": t.type} for t in concept.terms],
    }


def neighbours(entry: Entry, index, limit: int = MAX_NEIGHBOURS) -> list[dict]:
    """The glossary's nearest concepts to any of the entry's forms (exact, variant, pinyin,
    fuzzy, partial), best first, one row per concept with the form that found it."""
    if index is None:
        return []
    best: dict[str, tuple[float, dict]] = {}
    for c in entry.forms:
        for m in index.lookup(c.text, limit=5, min_score=60.0):
            row = concept_dict(m.concept)
            row.update({"kind": m.kind, "score": m.score, "query": c.text, "matched": m.term.text})
            if m.concept.id not in best or m.score > best[m.concept.id][0]:
                best[m.concept.id] = (m.score, row)
    ranked = sorted(best.values(), key=lambda v: -v[0])
    return [row for _, row in ranked[:limit]]


def detail(entry: Entry, index, decision: dict | None = None, history: list | None = None) -> dict:
    """Everything the page shows of one candidate concept."""
    out = summary(entry, decision)
    out["forms"] = [{**_form(c), "evidence": list(c.evidence)} for c in entry.forms]
    out.update(
        {
            "evidence": list(entry.head.evidence),
            "contexts": contexts(entry),
            "english_proposals": english(entry),
            "neighbours": neighbours(entry, index),
            "docs": entry.docs,
            "history": history or [],
        }
    )
    return out
