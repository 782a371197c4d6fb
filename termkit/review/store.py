"""The review's decisions: an SQLite file in the run folder (``review.sqlite``).

One row per candidate concept holds its current decision — ``accept``, ``merge``, ``reject`` or
``defer`` with its fields (JSON) — and a ``version`` that grows by one with every change. Every
change is also appended to the audit trail with who made it, when, and the value it replaced, so
a decision can be undone (the previous value comes back as a new version) and nothing is lost.

Saving is optimistic: a change names the version it was made against, and when the candidate has
moved on since (another tab, another person), the change is refused with :class:`Conflict`,
which carries the newer decision, instead of silently overwriting it. Each change is one SQLite
transaction, committed before the call returns: a crash or a closed tab loses nothing saved.

The rejected forms are the stop list: :func:`rejected_forms` reads them for ``termkit run`` into
the same folder, and the review's export writes them as a file for ``termkit mine --ignore``, so
a rejected candidate never comes back.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

STORE = "review.sqlite"
ACTIONS = ("accept", "merge", "reject", "defer")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    candidate TEXT PRIMARY KEY,
    head TEXT NOT NULL,
    action TEXT NOT NULL,
    fields TEXT NOT NULL,
    version INTEGER NOT NULL,
    who TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    candidate TEXT NOT NULL,
    head TEXT NOT NULL,
    version INTEGER NOT NULL,
    action TEXT NOT NULL,
    fields TEXT NOT NULL,
    previous_action TEXT NOT NULL,
    previous_fields TEXT NOT NULL,
    who TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_candidate ON audit (candidate, version);
"""


@dataclass
class Decision:
    """A candidate concept's current decision (``action`` empty and ``version`` 0: none yet)."""

    candidate: str
    head: str = ""
    action: str = ""
    fields: dict = field(default_factory=dict)
    version: int = 0
    who: str = ""
    at: str = ""

    def as_dict(self) -> dict:
        return {
            "candidate": self.candidate,
            "head": self.head,
            "action": self.action,
            "fields": self.fields,
            "version": self.version,
            "who": self.who,
            "at": self.at,
        }


class Conflict(Exception):
    """A change made against an old version: ``current`` is the newer decision to show."""

    def __init__(self, current: Decision, expected: int):
        super().__init__(
            f"candidate {current.candidate} changed since (version {current.version}, not {expected}): "
            f"{current.action or 'no decision'} by {current.who or 'nobody'}"
        )
        self.current = current


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class DecisionStore:
    """The decisions of one run folder's review. Safe to share between the server's threads."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._lock = threading.RLock()  # one connection for the server's threads: one user at a time
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise InputError(f"cannot open the review decisions: {exc}", str(self.path)) from None

    @classmethod
    def in_folder(cls, out_dir: str | os.PathLike) -> DecisionStore:
        return cls(Path(out_dir) / STORE)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> DecisionStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading ------------------------------------------------------------------------------

    def get(self, candidate: str) -> Decision:
        with self._lock:
            return self._get(candidate)

    def _get(self, candidate: str) -> Decision:
        row = self._db.execute(
            "SELECT candidate, head, action, fields, version, who, at FROM decisions WHERE candidate = ?",
            (candidate,),
        ).fetchone()
        return _decision(row) if row else Decision(candidate)

    def all(self) -> dict[str, Decision]:
        with self._lock:
            rows = self._db.execute(
                "SELECT candidate, head, action, fields, version, who, at FROM decisions"
            ).fetchall()
        return {row[0]: _decision(row) for row in rows}

    def history(self, candidate: str) -> list[dict]:
        """The audit trail of one candidate, newest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT version, action, fields, previous_action, previous_fields, who, at FROM audit "
                "WHERE candidate = ? ORDER BY version DESC",
                (candidate,),
            ).fetchall()
        return [
            {
                "version": v,
                "action": a,
                "fields": json.loads(f),
                "previous_action": pa,
                "previous_fields": json.loads(pf),
                "who": who,
                "at": at,
            }
            for v, a, f, pa, pf, who, at in rows
        ]

    def rejected(self) -> dict[str, str]:
        """Every rejected form → the candidate concept's head it was rejected with."""
        return rejections(self.all().values())

    # --- changing -----------------------------------------------------------------------------

    def decide(self, candidate: str, head: str, action: str, fields: dict, version: int, who: str) -> Decision:
        """Record ``action`` for ``candidate`` if its decision is still at ``version`` (else
        :class:`Conflict`). ``action`` "" clears the decision (undecided again)."""
        if action and action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                current = self._get(candidate)
                if current.version != version:
                    raise Conflict(current, version)
                new = Decision(candidate, head, action, dict(fields), version + 1, who, _now())
                self._write(new, current)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return new

    def undo(self, candidate: str, version: int, who: str) -> Decision:
        """Put back the value the decision at ``version`` replaced (a new version: undo is audited)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                current = self._get(candidate)
                if current.version != version or version == 0:
                    raise Conflict(current, version)
                row = self._db.execute(
                    "SELECT previous_action, previous_fields FROM audit WHERE candidate = ? AND version = ?",
                    (candidate, version),
                ).fetchone()
                action, fields = (row[0], json.loads(row[1])) if row else ("", {})
                new = Decision(candidate, current.head, action, fields, version + 1, who, _now())
                self._write(new, current)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return new

    def _write(self, new: Decision, old: Decision) -> None:
        fields = json.dumps(new.fields, ensure_ascii=False, sort_keys=True)
        self._db.execute(
            "INSERT INTO decisions (candidate, head, action, fields, version, who, at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(candidate) DO UPDATE SET head = excluded.head, action = excluded.action, "
            "fields = excluded.fields, version = excluded.version, who = excluded.who, at = excluded.at",
            (new.candidate, new.head, new.action, fields, new.version, new.who, new.at),
        )
        self._db.execute(
            "INSERT INTO audit (candidate, head, version, action, fields, previous_action, previous_fields, who, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new.candidate,
                new.head,
                new.version,
                new.action,
                fields,
                old.action,
                json.dumps(old.fields, ensure_ascii=False, sort_keys=True),
                new.who,
                new.at,
            ),
        )


def rejections(decisions) -> dict[str, str]:
    """The rejected forms among ``decisions``, each → the head it was rejected with."""
    out: dict[str, str] = {}
    for d in decisions:
        if d.action == "reject":
            for form in d.fields.get("forms") or [d.head]:
                out.setdefault(form, d.head)
    return out


def _decision(row) -> Decision:
    candidate, head, action, fields, version, who, at = row
    return Decision(candidate, head, action, json.loads(fields), version, who, at)


def rejected_forms(out_dir: str | os.PathLike) -> set[str]:
    """The forms a review of the run in ``out_dir`` rejected (none when it has no review): what
    ``termkit run`` into that folder leaves out of its candidates."""
    path = Path(out_dir) / STORE
    if not path.is_file():
        return set()
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT head, fields FROM decisions WHERE action = 'reject'").fetchall()
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise InputError(f"cannot read the review decisions: {exc}", str(path)) from None
    forms: set[str] = set()
    for head, fields in rows:
        forms.update(json.loads(fields).get("forms") or [head])
    return forms
