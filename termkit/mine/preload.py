"""What the pool's workers need, loaded once in the process they are forked from.

:class:`.execute.PoolExecutor` names this module as the forkserver's preload: the forkserver
imports it when it starts — the map's modules and the segmenter's default dictionary — and every
worker forked from it starts with them (shared, copy-on-write) instead of importing and reading
them itself, two or more processes at once beside the parent reading its own.
"""

from contextlib import suppress

from . import levels, scan  # noqa: F401  (the modules of the map's tasks)
from .collector import collect_less
from .segmenter import tokenizer

collect_less()  # the workers only mine

with suppress(Exception):  # a worker meets the same error in its task, and reports it there
    tokenizer()
