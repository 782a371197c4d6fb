"""The term miner: Chinese term candidates ranked by termhood (see :mod:`.miner`).

One module per role, from the bottom up:

- the words — :mod:`.segmenter` (jieba), :mod:`.kinds` (what each token may be to a term),
  :mod:`.names` (names of bodies, instruments, countries), :mod:`.edges` (term edges in running
  text), :mod:`.filters` (what is not a term), :mod:`.abbreviations` (全称（简称） definitions);
- the counting map — :mod:`.candidates` (segmentation and n-gram assembly), :mod:`.counts` (the
  mergeable tables), :mod:`.spool` (files between passes), :mod:`.chunks` (the unit of work),
  :mod:`.levels` (counting in passes pruned by support), :mod:`.execute` (where the maps run:
  in-process, a process pool, Dask), :mod:`.store` (the reduce under a memory limit);
- the reduce — :mod:`.table` (the candidate table), :mod:`.scores` (one function per statistic),
  :mod:`.reference` (the general-UN reference), :mod:`.termhood` (scoring the table);
- the scan map — :mod:`.scan` (occurrences of the shortlist), :mod:`.contexts` (example
  sentences, written forms);
- :mod:`.inputs`, :mod:`.status` (glossary status), :mod:`.options` (:class:`MineOptions`) and
  :mod:`.miner` (``mine()``, which runs the stages in order).
"""

from .candidates import count_documents, count_files
from .contexts import fill_sentences
from .counts import Counts
from .miner import MineResult, mine
from .options import MineOptions
from .scan import Occurrences, scan_documents

__all__ = [
    "Counts",
    "MineOptions",
    "MineResult",
    "Occurrences",
    "count_documents",
    "count_files",
    "fill_sentences",
    "mine",
    "scan_documents",
]
