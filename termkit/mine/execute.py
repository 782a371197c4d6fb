"""Where the miner's maps run: in this process, in a local process pool, or on a Dask cluster.

The miner is a map over chunks of the corpus followed by a reduce (DESIGN.md, "Scale"). This
module runs the map; :mod:`.miner` does everything else (scoring and output), whatever the
executor. All three executors see the same chunks (:func:`.chunks.plan_chunks`) and merge the
results with the same ``merge`` methods, which are order-preserving ordered unions (left keys
first, then the right's new keys): associative, so a linear fold (in-process, pool) and Dask's
tree reduction give the same counts in the same key order, and the ranked output is identical.

- :class:`LocalExecutor` — one process, chunk after chunk.
- :class:`PoolExecutor` — ``--jobs N``: N worker processes (``forkserver``), at most 2·N chunks
  in flight, results merged in chunk order as they come back.
- :class:`DaskExecutor` — ``--scheduler tcp://HOST:8786`` (an existing cluster) or
  ``--scheduler local`` (a LocalCluster on 127.0.0.1): a ``dask.bag`` with one chunk per
  partition, the map as tasks, a tree reduction of the results on the workers. Workers read
  the input files themselves: the files must be visible at the same paths on every worker, and
  workers need termkit installed in the same version. Dask is imported only here, on use.

The tasks are pure top-level functions (:func:`.levels.first_pass`, :func:`.levels.level_pass`,
:func:`.scan.scan_chunk`), so they can be pickled to any process; the chunks they run on are
planned in :mod:`.chunks`.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence

from ..errors import InputError
from .chunks import Chunk

DASK_MISSING = "--scheduler needs Dask: pip install 'termkit[dask]' (dask[distributed])"


# --- merging the results ---------------------------------------------------------------------------


def merge_all(results: Iterable):
    """Merge map results left to right (their ``merge`` method, in place into the first)."""
    acc = None
    for r in results:
        acc = r if acc is None else acc.merge(r)
    return acc


def merge_new(results: Iterable):
    """Merge map results left to right into a new object, leaving the inputs untouched (what a
    Dask task must do: its inputs may be kept by the worker, e.g. for a retry)."""
    items = list(results)
    if len(items) <= 1:
        return items[0] if items else None
    acc = items[0] + items[1]
    for r in items[2:]:
        acc.merge(r)
    return acc


class Found(dict):
    """A map result keyed by what each task was given (document, candidate): merged by union."""

    def merge(self, other: Found) -> Found:
        self.update(other)
        return self

    def __add__(self, other: Found) -> Found:
        return Found(self).merge(other)


def _fold(results: Iterable, merger=None):
    if merger is None:
        return merge_all(results)
    try:
        for r in results:
            merger.add(r)
        return merger.result()
    finally:
        merger.close()


# --- executors ------------------------------------------------------------------------------------

#: ``progress(items, length, label) -> items``: reports progress over the items it passes on.
Progress = Callable[[Iterable, int | None, str], Iterable]


def no_progress(items, length=None, label=""):
    """The :data:`Progress` that reports nothing."""
    return items


class LocalExecutor:
    """The map in this process, chunk after chunk (a linear fold)."""

    name = "local"
    workers = 1

    def map_reduce(
        self, func, chunks: Sequence[Chunk], *args, progress: Progress = no_progress, label: str = "", merger=None
    ):
        """``func(chunk, *args)`` for every chunk, merged in chunk order (by ``merger``, e.g. a
        :class:`.store.SpillingMerge`, when given)."""
        return _fold(progress((func(c, *args) for c in chunks), len(chunks), label), merger)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class PoolExecutor(LocalExecutor):
    """The map in ``jobs`` worker processes; results merged in chunk order as they arrive."""

    name = "pool"

    def __init__(self, jobs: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = max(1, int(jobs))
        if "forkserver" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("forkserver")
            # the workers fork from a server that has loaded what they need (.preload) besides the
            # main module (multiprocessing's default); it takes effect when the server starts, at a
            # process's first pool
            ctx.set_forkserver_preload(["__main__", "termkit.mine.preload"])
        else:
            ctx = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)

    def _results(self, func, chunks, args):
        pending: deque = deque()
        it = iter(chunks)
        for c in it:  # at most 2 chunks per worker in flight: bounded memory in the parent
            pending.append(self.pool.submit(func, c, *args))
            if len(pending) >= 2 * self.workers:
                break
        while pending:
            result = pending.popleft().result()
            c = next(it, None)
            if c is not None:
                pending.append(self.pool.submit(func, c, *args))
            yield result

    def map_reduce(self, func, chunks, *args, progress: Progress = no_progress, label: str = "", merger=None):
        return _fold(progress(self._results(func, chunks, args), len(chunks), label), merger)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(LocalExecutor):
    """The map as Dask tasks over a bag of chunks, merged by a tree reduction on the workers.

    ``scheduler``: ``"local"`` (start a LocalCluster of ``jobs`` worker processes on
    127.0.0.1, closed with the executor), an address (``tcp://HOST:8786``), or a
    ``distributed.Client`` to use as it is (not closed here).
    """

    name = "dask"
    split_every = 8

    def __init__(self, scheduler, jobs: int | None = None):
        try:
            import dask.bag  # noqa: F401
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise InputError(DASK_MISSING) from None
        self.cluster = None
        self.own_client = True
        if isinstance(scheduler, Client):
            self.client = scheduler
            self.own_client = False
        elif scheduler == "local":
            self.cluster = LocalCluster(
                n_workers=max(1, int(jobs or os.cpu_count() or 1)),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(str(scheduler), timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def map_reduce(self, func, chunks, *args, progress: Progress = no_progress, label: str = "", merger=None):
        """The reduction runs on the workers (``merger`` does not apply: the cluster's memory
        holds the partial results, and the client receives the merged one)."""
        import dask.bag as db

        if not chunks:
            return None
        bag = db.from_sequence(list(chunks), npartitions=len(chunks))
        mapped = bag.map(func, *args)
        total = mapped.reduction(merge_new, merge_new, split_every=self.split_every)
        return self.client.compute(total).result()

    def close(self) -> None:
        if self.own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


Executor = LocalExecutor | PoolExecutor | DaskExecutor


def make_executor(jobs: int | None = None, scheduler=None) -> Executor:
    """The executor for ``--jobs``/``--scheduler``: Dask when a scheduler is given, a process
    pool for ``jobs`` > 1, else this process."""
    if scheduler is not None and scheduler != "":
        return DaskExecutor(scheduler, jobs)
    if jobs is not None and int(jobs) > 1:
        return PoolExecutor(int(jobs))
    return LocalExecutor()
