"""The settings of one mining run, passed as one object from ``mine()`` down to its stages.

:func:`.miner.mine` takes them as keyword arguments (its public signature) and builds one
:class:`MineOptions`; the stages (reading the corpus, counting by levels, scanning, ranking) read
what they need from it. The map tasks sent to worker processes get plain values instead: the
options hold a progress callback and possibly a Dask client, which do not travel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .chunks import CHUNK_BYTES, PART_BYTES
from .execute import Progress, no_progress
from .lexicon import Lexicon, shipped

#: How many candidates, by preliminary score, are scanned for contexts and ranked (at least).
DEFAULT_SHORTLIST = 3000


@dataclass(frozen=True)
class MineOptions:
    """What to mine and how (see :func:`.miner.mine` for each setting)."""

    top: int | None = None  # candidates returned (all when None or 0)
    min_freq: int = 2  # fewest occurrences of a candidate
    contexts: int = 3  # example sentences per candidate
    encoding: str | None = None  # of the input files (detected when None)
    hmm: bool = True  # jieba's HMM for words its dictionary lacks
    shortlist: int = DEFAULT_SHORTLIST  # candidates scanned for contexts and ranked (at least)
    reference: str = "un"  # what domain specificity is measured against (:mod:`.reference`)
    extra_words: tuple[str, ...] = ()  # added to the segmenter's dictionary (none by default)
    glossary_forms: tuple[str, ...] = ()  # a glossary's Chinese forms: candidates when frequent
    lexicon: Lexicon = field(default_factory=shipped)  # the word lists (:mod:`.lexicon`)
    ignore: frozenset = frozenset()  # normalized forms never to propose
    status: frozenset | None = None  # keep only concepts with a form of these glossary statuses
    progress: Progress = no_progress
    # where the maps run (:func:`.execute.make_executor`) and how the work is cut
    jobs: int | None = None
    scheduler: Any = None
    chunk_bytes: int = CHUNK_BYTES
    part_bytes: int = PART_BYTES
    # the counting's memory limit in bytes, None for a quarter of the machine's (mine() takes a
    # size such as "2G" too and parses it before the counting starts)
    memory_limit: int | str | None = None
    spool_dir: str | None = None  # where the run's spool directory is made (:mod:`.spool`)
