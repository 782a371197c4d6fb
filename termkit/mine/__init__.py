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

import sys
import types

# Loaded on first use: the miner pulls in the readers, the counting and the scoring, which a
# `termkit --version` or a lookup does not need.
_LAZY = {
    "Counts": ".counts",
    "MineOptions": ".options",
    "MineResult": ".miner",
    "Occurrences": ".scan",
    "count_documents": ".candidates",
    "count_files": ".candidates",
    "fill_sentences": ".contexts",
    "mine": ".miner",
    "scan_documents": ".scan",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Miner(types.ModuleType):
    """``termkit.mine`` is both this package and the function ``termkit.mine(corpus, …)``: calling
    the package calls :func:`termkit.mine.miner.mine`."""

    def __call__(self, *args, **kwargs):
        from .miner import mine

        return mine(*args, **kwargs)


sys.modules[__name__].__class__ = _Miner

__all__ = sorted(_LAZY)
