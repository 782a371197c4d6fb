"""Counts that spill to disk: the reduce under a memory limit (``--memory-limit``).

:class:`SpillingMerge` folds map results (:class:`.counts.Counts`) into one in memory until
their estimated size passes the limit, then moves every counter into an SQLite file (standard
library; a temporary file, deleted at the end) with an upsert per key, and starts again empty.
Each key keeps the sequence number of its first appearance, so reading the counters back in
that order gives exactly what the in-memory fold gives — the same counts in the same key order —
and the ranked output is identical (tested with a limit of one byte).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import sqlite3
import tempfile
from collections import Counter

#: Estimated bytes per counter entry in memory (a str key of a few words, an int, dict slot).
BYTES_PER_ENTRY = 200

_SIZE_RE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?)i?b?\s*$", re.I)


def parse_size(text) -> int:
    """``"512M"``, ``"2G"``, ``"1.5GB"``, ``"100000"`` → bytes."""
    if isinstance(text, (int, float)):
        return int(text)
    m = _SIZE_RE.match(str(text))
    if not m:
        raise ValueError(f"not a size: {text!r} (e.g. 512M, 2G)")
    return int(float(m.group(1)) * 1024 ** " kmgt".index(m.group(2).lower() or " "))


def default_memory_limit() -> int:
    """A quarter of the machine's physical memory (1 GiB when it cannot be read)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 4
    except (ValueError, OSError, AttributeError):
        return 1 << 30


def _key(k) -> bytes:
    # not marshal/pickle: their bytes for equal strings can differ (reference flags)
    if isinstance(k, str):
        return b"s" + k.encode("utf-8", "surrogatepass")
    return b"t" + "\x00".join(k).encode("utf-8", "surrogatepass")


def _unkey(b: bytes):
    text = b[1:].decode("utf-8", "surrogatepass")
    return text if b[:1] == b"s" else tuple(text.split("\x00"))


def counters_of(obj) -> list[str]:
    return [f.name for f in dataclasses.fields(obj) if isinstance(getattr(obj, f.name), Counter)]


def estimate_bytes(obj) -> int:
    return BYTES_PER_ENTRY * sum(len(getattr(obj, name)) for name in counters_of(obj))


class SpillingMerge:
    """Fold map results in order; past ``limit`` bytes, spill the counters to SQLite."""

    def __init__(
        self, limit: int | None = None, directory: str | None = None, at_least: int = 0, by: str | None = None
    ):
        self.at_least = at_least
        self.by = by
        self.limit = default_memory_limit() if limit is None else max(0, int(limit))
        self.directory = directory
        self.acc = None
        self.db: sqlite3.Connection | None = None
        self.path: str | None = None
        self.seq: dict[str, int] = {}
        self.spills = 0
        self.seen = 0  # distinct keys of ``by`` before the filter

    def add(self, result) -> None:
        self.acc = result if self.acc is None else self.acc.merge(result)
        if estimate_bytes(self.acc) > self.limit:
            self._spill()

    def _open(self) -> sqlite3.Connection:
        fd, self.path = tempfile.mkstemp(prefix="termkit-counts-", suffix=".sqlite", dir=self.directory)
        os.close(fd)
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        return db

    def _spill(self) -> None:
        if self.db is None:
            self.db = self._open()
        db = self.db
        for name in counters_of(self.acc):
            c = getattr(self.acc, name)
            if not c:
                continue
            db.execute(f"CREATE TABLE IF NOT EXISTS {name} (k BLOB PRIMARY KEY, n INTEGER, seq INTEGER)")
            base = self.seq.get(name, 0)
            db.executemany(
                f"INSERT INTO {name} (k, n, seq) VALUES (?, ?, ?) ON CONFLICT(k) DO UPDATE SET n = n + excluded.n",
                ((_key(k), n, base + i) for i, (k, n) in enumerate(c.items())),
            )
            self.seq[name] = base + len(c)
            setattr(self.acc, name, Counter())
        db.commit()
        self.spills += 1

    def result(self):
        """The merged result (counters read back from disk, in first-appearance order).

        With ``by`` (the name of a counter), every counter keeps only the keys whose count in
        ``by`` is at least ``at_least`` — filtered on disk, so only what is kept is read back."""
        at_least, by = self.at_least, self.by
        if self.db is None:
            if by is not None and self.acc is not None:
                ref = getattr(self.acc, by)
                self.seen = len(ref)
                for name in counters_of(self.acc):
                    c = getattr(self.acc, name)
                    setattr(self.acc, name, Counter({k: n for k, n in c.items() if ref.get(k, 0) >= at_least}))
            return self.acc
        self._spill()
        try:
            for name in counters_of(self.acc):
                c = Counter()
                exists = self.db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
                if exists:
                    if by is None:
                        rows = self.db.execute(f"SELECT k, n FROM {name} ORDER BY seq")
                    elif name == by:
                        self.seen = self.db.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]
                        rows = self.db.execute(f"SELECT k, n FROM {name} WHERE n >= ? ORDER BY seq", (at_least,))
                    else:
                        rows = self.db.execute(
                            f"SELECT k, n FROM {name} WHERE k IN (SELECT k FROM {by} WHERE n >= ?) ORDER BY seq",
                            (at_least,),
                        )
                    for k, n in rows:
                        c[_unkey(k)] = n
                setattr(self.acc, name, c)
        finally:
            self.close()
        return self.acc

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        if self.path:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            self.path = None
