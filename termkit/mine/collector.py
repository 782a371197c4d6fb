"""Python's cyclic garbage collector, run less often while mining.

The miner builds millions of long-lived containers (counters, table entries, occurrence
samples) and frees few cycles. CPython starts a collection every 700 net allocations and, now
and then, walks every tracked object: on 10 MB of text the full walks alone cost 0.7 s of a
9 s run, for almost no garbage found. A larger first threshold makes collections rare while
the heap grows, without turning the collector off (cycles are still found, later).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Net allocations between collections of the youngest generation while mining (CPython's
#: default is 700).
MINING_THRESHOLD = 50_000


def collect_less() -> None:
    """Set the collector's first threshold to :data:`MINING_THRESHOLD` for good (for processes
    that only mine: the pool's workers)."""
    first, *rest = gc.get_threshold()
    if first and first < MINING_THRESHOLD:
        gc.set_threshold(MINING_THRESHOLD, *rest)


@contextmanager
def collecting_less() -> Iterator[None]:
    """:func:`collect_less` for the duration of a block, then the caller's thresholds again."""
    before = gc.get_threshold()
    collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*before)
