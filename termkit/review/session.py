"""A review of one run folder: its candidate concepts, the glossary beside them, and the
decisions store — the library behind ``termkit review`` and every call of its JSON API.

::

    from termkit.review import Review
    with Review.open("out/") as review:
        page = review.list(status=["new"], limit=50)
        item = review.detail(page["items"][0]["id"])
        review.decide(item["id"], "accept", {"en": "synthetic drugs"}, version=0, who="li")
        review.export("out/curated.csv", stop_list="out/rejected.txt")
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..formats.candidates import read_candidates
from ..glossary import load_glossary
from ..run_folder import RECORD
from . import candidates as view
from .decisions import BadDecision, check_decision
from .export import ReviewExport, export_curated
from .store import STORE, Conflict, Decision, DecisionStore

CANDIDATES = "candidates.csv"
MAX_PAGE = 1000


def default_who() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "reviewer"


def run_glossaries(out_dir: Path) -> list[str]:
    """The glossaries a run in ``out_dir`` used (``termkit-run.json``), those that still exist."""
    try:
        record = json.loads((out_dir / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    paths = record.get("glossaries") if isinstance(record, dict) else None
    return [p for p in paths or [] if isinstance(p, str) and Path(p).is_file()]


class UnknownCandidate(LookupError):
    """No candidate concept with this id in the run folder (an HTTP 404)."""


class Review:
    """The candidates of a run folder under review. ``glossaries``: the glossary to curate
    (default: the run's own, from ``termkit-run.json``)."""

    def __init__(self, out_dir: str | os.PathLike, glossaries: Iterable[str | os.PathLike] | None = None):
        self.out_dir = Path(out_dir)
        if not self.out_dir.is_dir():
            raise InputError("no such run folder (make one with termkit run CORPUS -o OUT_DIR)", str(out_dir))
        path = self.out_dir / CANDIDATES
        if not path.is_file():
            raise InputError(f"no {CANDIDATES} in the folder: is it a termkit run's output?", str(out_dir))
        self.entries = view.entries(read_candidates(path))
        self.by_id = {e.id: e for e in self.entries}
        paths = [str(p) for p in glossaries] if glossaries else run_glossaries(self.out_dir)
        self.glossary = load_glossary(paths, report=False) if paths else None
        self.index = self.glossary.index() if self.glossary is not None else None
        concepts = self.glossary.concepts if self.glossary is not None else []
        self.glossary_forms = {t.text.strip(): c.id for c in concepts for t in c.terms if t.lang.lower()[:2] == "zh"}
        self.store = DecisionStore(self.out_dir / STORE)

    @classmethod
    def open(cls, out_dir: str | os.PathLike, glossaries: Iterable[str | os.PathLike] | None = None) -> Review:
        return cls(out_dir, glossaries)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Review:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading ------------------------------------------------------------------------------

    def entry(self, candidate: str) -> view.Entry:
        try:
            return self.by_id[candidate]
        except KeyError:
            raise UnknownCandidate(f"no candidate {candidate!r}") from None

    def list(
        self,
        *,
        status: Iterable[str] = (),
        min_score: float | None = None,
        doc: str = "",
        query: str = "",
        decision: str = "",
        offset: int = 0,
        limit: int = 100,
    ) -> dict:
        """One page of candidate concepts in rank order that pass the filters (see
        :func:`termkit.review.candidates.matches`), with the total that pass and the counts of
        decisions over the whole run."""
        decisions = self.store.all()
        actions = {k: d.action for k, d in decisions.items()}
        found = [
            e
            for e in self.entries
            if view.matches(
                e, status=status, min_score=min_score, doc=doc, query=query, decision=decision, actions=actions
            )
        ]
        limit = max(0, min(limit, MAX_PAGE))
        page = found[offset : offset + limit]
        counts: dict[str, int] = {}
        for a in actions.values():
            if a:
                counts[a] = counts.get(a, 0) + 1
        counts["undecided"] = len(self.entries) - sum(counts.values())
        return {
            "total": len(found),
            "offset": offset,
            "items": [view.summary(e, _shown(decisions.get(e.id))) for e in page],
            "counts": counts,
        }

    def detail(self, candidate: str) -> dict:
        entry = self.entry(candidate)
        return view.detail(entry, self.index, _shown(self.store.get(candidate)), self.store.history(candidate)[:20]) | {
            "accepted_neighbours": self._accepted_like(entry)
        }

    def summary(self, entry: view.Entry) -> dict:
        return view.summary(entry, _shown(self.store.get(entry.id)))

    def documents(self) -> list[str]:
        return sorted({d for e in self.entries for d in e.docs})

    def concepts(self, query: str, limit: int = 10) -> list[dict]:
        """Concepts to merge into: the glossary's nearest to ``query`` (Chinese or English), and
        the concepts accepted in this review whose terms hold it."""
        out: list[dict] = []
        if self.index is not None and query.strip():
            for m in self.index.lookup(query, limit=limit, min_score=60.0):
                out.append(view.concept_dict(m.concept) | {"kind": m.kind, "score": m.score})
        for d in self.store.all().values():
            if d.action == "accept" and (query in d.fields.get("zh", "") or query in d.fields.get("en", "")):
                out.append(_accepted_dict(d))
        return out[:limit]

    def _accepted_like(self, entry: view.Entry) -> list[dict]:
        """Concepts accepted in this review that share a form with the entry (to merge into)."""
        forms = set(entry.texts)
        return [
            _accepted_dict(d)
            for d in self.store.all().values()
            if d.action == "accept" and d.candidate != entry.id and forms & {d.fields["zh"], *d.fields["forms"]}
        ]

    def known_concept(self, concept_id: str) -> bool:
        if self.glossary is not None and self.glossary.get(concept_id) is not None:
            return True
        return any(d.action == "accept" and d.fields.get("id") == concept_id for d in self.store.all().values())

    # --- deciding -----------------------------------------------------------------------------

    def decide(self, candidate: str, action: str, fields: dict | None, version: int, who: str = "") -> Decision:
        """Save a decision at once; :class:`BadDecision` for bad fields, :class:`Conflict` when
        the candidate's decision is no longer at ``version``. ``undo`` puts back the value
        the current decision replaced; ``clear`` makes the candidate undecided again."""
        entry = self.entry(candidate)
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            raise BadDecision("version must be a whole number ≥ 0 (the decision's version the change is made on)")
        who = who or default_who()
        if action == "undo":
            if fields:
                raise BadDecision("undo takes no fields")
            return self.store.undo(candidate, version, who)
        if action == "clear":
            return self.store.decide(candidate, entry.head.text, "", {}, version, who)
        checked = check_decision(entry, action, fields, self.known_concept)
        if action == "accept":
            if self.glossary is not None and self.glossary.get(checked["id"]) is not None:
                raise BadDecision(f"id {checked['id']!r} is already a glossary concept's")
            if checked["zh"] in self.glossary_forms:
                raise BadDecision(
                    f"{checked['zh']} is already in the glossary (concept {self.glossary_forms[checked['zh']]}): "
                    "merge the other forms into it instead"
                )
        return self.store.decide(candidate, entry.head.text, action, checked, version, who)

    # --- the result ---------------------------------------------------------------------------

    def export(
        self, output: str | os.PathLike | None, *, stop_list: str | os.PathLike | None = None, tbx_version: int = 3
    ) -> ReviewExport:
        """Write the curated glossary (the old one plus accepted and merged candidates) and the
        stop list of rejected forms, atomically."""
        concepts = list(self.glossary.concepts) if self.glossary is not None else []
        title = ", ".join(Path(p).stem for p in self.glossary.paths) if self.glossary is not None else "termkit review"
        return export_curated(
            concepts,
            self.store.all(),
            self.by_id,
            output,
            stop_list=stop_list,
            title=f"{title} (reviewed)",
            tbx_version=tbx_version,
        )


def _shown(d: Decision | None) -> dict | None:
    return d.as_dict() if d is not None and d.version else None


def _accepted_dict(d: Decision) -> dict:
    f = d.fields
    terms = [{"text": f["zh"], "lang": "zh", "status": f.get("status", "preferred"), "type": f.get("type", "")}]
    terms += [{"text": x, "lang": "zh", "status": "admitted", "type": ""} for x in f.get("forms", [])]
    return {
        "id": f["id"],
        "zh": f["zh"],
        "en": f.get("en", ""),
        "subject": f.get("subject", ""),
        "origin": "review",
        "terms": terms,
    }


__all__ = ["BadDecision", "Conflict", "Decision", "Review", "UnknownCandidate", "default_who"]
