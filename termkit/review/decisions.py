"""The fields of a decision, checked before anything is saved: a request the workbench cannot
act on gets one clear message (:class:`BadDecision`, an HTTP 400), never a half-saved decision.

- ``accept``: a new concept — ``zh`` (the Chinese term, default the head form), ``en``,
  ``status`` (``preferred`` or ``admitted``), ``type`` (a TBX term type), ``subject``, ``note``,
  ``source``, ``forms`` (the other Chinese forms to keep in it as admitted terms; default all the
  candidate's other forms) and ``id`` (the concept id; default ``review-<candidate id>``).
- ``merge``: into an existing concept — ``concept`` (its id: a glossary concept, or one accepted
  in this review), ``as`` (``variant``, ``abbreviation``, ``admitted`` or ``deprecated``),
  ``forms`` (default all the candidate's forms), ``note``.
- ``reject``: ``forms`` (default all; these go to the stop list), ``note``.
- ``defer``: ``note``.
"""

from __future__ import annotations

import re

from ..formats.vocabulary import TERM_TYPES_BASIC
from .candidates import Entry

ACCEPT_STATUSES = ("preferred", "admitted")
MERGE_AS = ("variant", "abbreviation", "admitted", "deprecated")
FIELDS = {
    "accept": ("zh", "en", "status", "type", "subject", "note", "source", "forms", "id"),
    "merge": ("concept", "as", "forms", "note"),
    "reject": ("forms", "note"),
    "defer": ("note",),
}
MAX_TERM = 200
MAX_TEXT = 4000
_ID_RE = re.compile(r"^[\w][\w.:\-]{0,99}$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadDecision(ValueError):
    """A decision the workbench refuses, with the reason in one line."""


def _text(fields: dict, key: str, limit: int = MAX_TEXT, one_line: bool = False) -> str:
    value = fields.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise BadDecision(f"{key} must be a string")
    value = value.strip()
    if len(value) > limit:
        raise BadDecision(f"{key} is longer than {limit} characters")
    if _CONTROL_RE.search(value) or (one_line and ("\n" in value or "\r" in value or "\t" in value)):
        raise BadDecision(f"{key} holds control characters or a line break")
    return value


def _forms(fields: dict, default: list[str]) -> list[str]:
    raw = fields.get("forms")
    if raw is None:
        return list(default)
    if not isinstance(raw, list) or not all(isinstance(f, str) for f in raw):
        raise BadDecision("forms must be a list of strings")
    out: list[str] = []
    for f in raw:
        f = _text({"form": f}, "form", MAX_TERM, one_line=True)
        if f and f not in out:
            out.append(f)
    return out


def check_decision(entry: Entry, action: str, fields, known_concept=None) -> dict:
    """The fields of ``action`` on ``entry``, checked and completed with their defaults.

    ``known_concept(id)`` says whether a concept id exists (a merge needs one)."""
    if action not in FIELDS:
        raise BadDecision(f"unknown action {action!r} (expected accept, merge, reject, defer, undo or clear)")
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        raise BadDecision("fields must be an object")
    unknown = sorted(set(fields) - set(FIELDS[action]))
    if unknown:
        raise BadDecision(f"unknown field(s) for {action}: {', '.join(unknown)}")
    note = _text(fields, "note")
    if action == "defer":
        return {"note": note}
    if action == "reject":
        forms = _forms(fields, entry.texts)
        if not forms:
            raise BadDecision("a rejection names at least one form")
        return {"forms": forms, "note": note}
    if action == "merge":
        concept = _text(fields, "concept", 100, one_line=True)
        if not concept:
            raise BadDecision("a merge names the concept to merge into (concept)")
        if known_concept is not None and not known_concept(concept):
            raise BadDecision(f"no concept {concept!r} in the glossary or among the accepted candidates")
        kind = _text(fields, "as", 20, one_line=True) or "variant"
        if kind not in MERGE_AS:
            raise BadDecision(f"as must be one of {', '.join(MERGE_AS)}, not {kind!r}")
        forms = _forms(fields, entry.texts)
        if not forms:
            raise BadDecision("a merge names at least one form")
        return {"concept": concept, "as": kind, "forms": forms, "note": note}
    zh = _text(fields, "zh", MAX_TERM, one_line=True) or entry.head.text
    status = _text(fields, "status", 20, one_line=True) or "preferred"
    if status not in ACCEPT_STATUSES:
        raise BadDecision(f"status must be one of {', '.join(ACCEPT_STATUSES)}, not {status!r}")
    kind = _text(fields, "type", 20, one_line=True)
    if kind and kind not in TERM_TYPES_BASIC:
        raise BadDecision(f"type must be one of {', '.join(TERM_TYPES_BASIC)}, not {kind!r}")
    concept_id = _text(fields, "id", 100, one_line=True)
    if concept_id and not _ID_RE.match(concept_id):
        raise BadDecision("id: letters, digits and . : - _ only, starting with a letter or digit")
    others = [f for f in _forms(fields, [t for t in entry.texts if t != zh]) if f != zh]
    return {
        "zh": zh,
        "en": _text(fields, "en", MAX_TERM, one_line=True),
        "status": status,
        "type": kind,
        "subject": _text(fields, "subject", MAX_TERM, one_line=True),
        "note": note,
        "source": _text(fields, "source", MAX_TERM, one_line=True),
        "forms": others,
        "id": concept_id or f"review-{entry.id}",
    }
