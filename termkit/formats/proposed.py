"""Mined candidates as proposed termbase entries: ``termkit export`` of a ``termkit mine`` file,
and the ``proposed.tbx``/``proposed.csv`` of ``termkit run``.

An entry is one candidate concept — the forms the miner grouped as naming one thing, its head
first — and carries what a terminologist needs to decide on it, in the fields every termbase format
has: the status ``proposed`` (which TBX writes as a note, having no administrativeStatus for it),
the mining statistics as ``label: value`` lines of the term's note, and the example sentences
as ``context: …`` lines, which TBX writes as ``<descrip type="context">``. Mined with the English
originals (``--source``), an entry has the best English proposal as its English term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Candidate, Concept, Term
from .candidates import STATISTICS
from .vocabulary import CONTEXT_PREFIX

_SPACE_RE = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


_TERM_TYPES = {"abbreviation": "abbreviation", "short form": "shortForm", "variant": "variant", "edition": "variant"}


def _term(c: Candidate, rank: int, lang: str) -> Term:
    """One mined form as a proposed term, its statistics, evidence and contexts in its note."""
    lines = [f"termkit mine: rank {rank}, score {c.score:.4g}, frequency {c.freq}, in {c.doc_freq} document(s)"]
    scores = c.scores or {}
    stats = ", ".join(f"{k} {scores[k]:.4g}" for k in STATISTICS if isinstance(scores.get(k), (int, float)))
    if stats:
        lines.append(f"statistics: {stats}")
    if c.evidence:
        lines.append("evidence: " + "; ".join(c.evidence))
    if c.pinyin:
        lines.append(f"pinyin: {c.pinyin}")
    if c.abbreviation_of:
        lines.append(
            f"abbreviation of: {c.abbreviation_of}"
            + (" (inferred: never defined in the corpus)" if c.abbreviation_inferred else "")
        )
    if c.abbreviations:
        lines.append("abbreviations: " + "; ".join(c.abbreviations))
    if c.match is not None and c.status not in ("new", "known"):
        pref = c.match.concept.preferred(lang)
        shown = f" ({pref.text})" if pref is not None else ""
        if c.status == "new-variant":
            by = f", by its English {c.match.term.text}"
            lines.append(f"glossary: a new Chinese form of concept {c.match.concept.id}{shown}{by}")
        else:
            lines.append(f"glossary: {c.status} of concept {c.match.concept.id}{shown}")
    elif c.status == "known" and c.match is not None:
        lines.append(f"glossary: already in concept {c.match.concept.id}")
    for x in c.contexts:
        lines.append(CONTEXT_PREFIX + _one_line(x.sentence))
    where = ", ".join(f"{x.doc_id}:{x.start}-{x.end}" for x in c.contexts)
    kind = _TERM_TYPES.get(c.role, "")
    if not kind and c.abbreviation_of:
        kind = "abbreviation"
    return Term(
        text=c.text,
        lang=lang,
        status="proposed",
        type=kind,
        note="\n".join(lines),
        source="termkit mine" + (f"; contexts at {where}" if where else ""),
    )


def candidates_to_concepts(
    candidates: Iterable[Candidate],
    lang: str = "zh",
    include_known: bool = False,
    id_prefix: str = "cand-",
    subject: str = "",
) -> list[Concept]:
    """Mined candidate concepts as proposed glossary entries, best first.

    The candidates come in concept order (``termkit mine``'s output, or a file of it read back):
    each candidate concept — a head and the forms grouped under it (``group``, ``role``) — becomes
    one concept ``cand-<n>``, its head first, then its abbreviations, short forms and variants as
    terms of their own (status ``proposed``: nobody has approved them yet, and TBX files say so
    in a note rather than an administrativeStatus; type ``abbreviation``, ``shortForm`` or
    ``variant`` by their role). Each term's note carries its mining statistics (score,
    frequency, document frequency, C-value, cohesion, branching entropy, domain specificity),
    the evidence of its rank, the pinyin, abbreviation links and the glossary match, one
    ``label: value`` line each, then its example sentences as ``context: …`` lines, which TBX
    writes as ``<descrip type="context">``; its source names the documents and offsets of those
    sentences. A concept whose forms the glossary all has already (status ``known``) is left out
    unless ``include_known``; candidates without a group are concepts of their own.
    """
    groups: list[list[tuple[int, Candidate]]] = []
    previous: Candidate | None = None
    for rank, c in enumerate(candidates, 1):
        if not groups or c.role in ("", "head") or previous is None or c.group != previous.group:
            groups.append([])
        groups[-1].append((rank, c))
        previous = c
    out: list[Concept] = []
    for n, group in enumerate(groups, 1):
        if not include_known and all(c.status == "known" for _, c in group):
            continue
        terms = [_term(c, rank, lang) for rank, c in group]
        terms += english_terms(group[0][1])  # the head's English
        note = "proposed entry, not yet reviewed"
        if len(group) > 1:
            note += f"; {len(group)} forms mined as one candidate concept"
        out.append(Concept(id=f"{id_prefix}{n}", terms=terms, subject=subject, note=note))
    return out


def english_terms(c: Candidate) -> list[Term]:
    """The best English proposal as the entry's English term (status proposed), the evidence, the
    alternatives and an example sentence pair in its note; none without a proposal."""
    if not c.english:
        return []
    best = c.english[0]
    lines = [f"termkit mine --source: confidence {best.confidence:.2f}; evidence: " + "; ".join(best.evidence)]
    if len(c.english) > 1:
        lines.append("alternatives: " + "; ".join(f"{e.en} ({e.confidence:.2f})" for e in c.english[1:]))
    if best.example:
        lines.append(CONTEXT_PREFIX + _one_line(best.example[0]))
    return [Term(text=best.en, lang="en", status="proposed", note="\n".join(lines), source="termkit mine --source")]
