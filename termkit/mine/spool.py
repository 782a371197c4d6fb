"""The spool files of a mining run: what one pass of the counting leaves for the next.

All of them live in one directory per run (:func:`spool_directory`), which every worker must
see at the same path:

- the *runs* of a chunk's documents for each pass of the counting by levels
  (:class:`RunSpool`, :func:`spool_path`; :mod:`.levels`), so the passes after the first need
  not segment again;
- the *frequent sets* of each pass (:func:`write_frequent`, :func:`read_frequent`);
- the normalized text of a chunk's documents (:func:`write_normalized`, :func:`text_spool_path`),
  which the scan for contexts reads (:func:`.scan.scan_chunk`) instead of normalizing again.
"""

from __future__ import annotations

import errno
import os
import pickle
import shutil
import tempfile
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress

from ..errors import InputError, display_path
from ..text.normalize import Normalized

# --- runs -------------------------------------------------------------------------------------------


class RunSpool:
    """The runs of a chunk's documents, each distinct run once with how often and in which
    documents (numbered in the chunk) it occurs: formulaic text repeats clauses, and the later
    passes then handle each once. Written as lines ``count<TAB>doc,doc…<TAB>run``."""

    def __init__(self):
        self.runs: dict[str, list] = {}  # run → [count, document numbers]

    def add(self, doc_no: int, found: Iterable[str]) -> None:
        runs = self.runs
        for r in found:
            entry = runs.get(r)
            if entry is None:
                runs[r] = [1, [doc_no]]
            else:
                entry[0] += 1
                if entry[1][-1] != doc_no:
                    entry[1].append(doc_no)

    def add_many(self, run: str, count: int, docs: Sequence[int]) -> None:
        """A run seen ``count`` times in ``docs`` (a stretch of a run of the previous pass)."""
        entry = self.runs.get(run)
        if entry is None:
            self.runs[run] = [count, list(docs)]
        else:
            entry[0] += count
            entry[1] = sorted(set(entry[1]).union(docs))

    def write(self, fh) -> None:
        for r, (count, docs) in self.runs.items():
            fh.write(f"{count}\t{','.join(map(str, docs))}\t{r}\n")


def read_runs(fh) -> Iterator[tuple[int, list[int], str]]:
    """``(count, document numbers, run)`` from a spool written by :class:`RunSpool`."""
    for line in fh:
        count, docs, run = line.rstrip("\n").split("\t", 2)
        yield int(count), [int(d) for d in docs.split(",")], run


# --- normalized text ---------------------------------------------------------------------------------


def write_normalized(fh, norm) -> None:
    """Append a document's normalized text and offset map to a binary spool file (the offsets,
    consecutive numbers for the most part, compress to almost nothing)."""
    if norm is None:
        pickle.dump(None, fh, protocol=pickle.HIGHEST_PROTOCOL)
    else:
        pickle.dump(
            (norm.text, norm.offsets.typecode, zlib.compress(norm.offsets.tobytes(), 1)),
            fh,
            protocol=pickle.HIGHEST_PROTOCOL,
        )


def read_normalized(fh):
    """The documents' :class:`..text.normalize.Normalized` from a spool file, in order (None for
    a document without text)."""
    while True:
        try:
            record = pickle.load(fh)
        except EOFError:
            return
        if record is None:
            yield None
        else:
            text, typecode, packed = record
            offsets = array(typecode)
            offsets.frombytes(zlib.decompress(packed))
            yield Normalized(text, offsets)


# --- paths and frequent sets ------------------------------------------------------------------------


def spool_path(directory: str, chunk_no: int, level: int) -> str:
    return os.path.join(directory, f"chunk{chunk_no:06d}.level{level}")


def text_spool_path(directory: str, chunk_no: int) -> str:
    """The normalized text of a chunk's documents, for the scan (:func:`.scan.scan_chunk`)."""
    return os.path.join(directory, f"text{chunk_no:06d}")


def frequent_path(directory: str, level: int) -> str:
    return os.path.join(directory, f"frequent.level{level}")


def write_frequent(directory: str, level: int, keys: Iterable[str]) -> int:
    path = frequent_path(directory, level)
    n = 0
    with open(path + ".tmp", "w", encoding="utf-8", errors="surrogatepass") as fh:
        for k in keys:
            fh.write(k)
            fh.write("\n")
            n += 1
    os.replace(path + ".tmp", path)
    return n


_frequent_cache: dict[tuple, frozenset] = {}


def read_frequent(directory: str, level: int) -> frozenset:
    """The frequent runs of a level, read once per process (a worker serves many chunks). The
    file's identity is part of the key: a Dask worker outlives a run, and the next run in the
    same spool directory writes a new file at the same path."""
    path = frequent_path(directory, level)
    st = os.stat(path)
    key = (path, st.st_ino, st.st_mtime_ns, st.st_size)
    got = _frequent_cache.get(key)
    if got is None:
        with open(path, encoding="utf-8", errors="surrogatepass") as fh:
            got = frozenset(line.rstrip("\n") for line in fh)
        _frequent_cache.clear()  # one level at a time
        _frequent_cache[key] = got
    return got


def forget_frequent() -> None:
    """Empty this process's cache of frequent sets (at the end of a counting)."""
    _frequent_cache.clear()


# --- the directory ----------------------------------------------------------------------------------


@contextmanager
def spool_directory(directory: str | None = None):
    """A new directory for the spool files of one mining run, removed at the end: inside
    ``directory`` (created if needed) when given, else in the system's temporary folder. A run
    of its own, so two runs given the same ``--spool-dir`` do not meet."""
    try:
        if directory is not None:
            os.makedirs(directory, exist_ok=True)
        path = tempfile.mkdtemp(prefix="termkit-mine-", dir=directory)
    except OSError as exc:
        raise InputError(
            f"cannot keep the counting's spool files in {directory or tempfile.gettempdir()}: {exc.strerror or exc}"
        ) from None
    try:
        yield path
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise
        raise InputError(
            f"cannot keep the counting's spool files in {display_path(directory or tempfile.gettempdir())}: "
            f"{(exc.strerror or str(exc)).lower()} (free some space, or name a folder on a larger disk with --spool-dir)"
        ) from None
    finally:
        forget_frequent()
        shutil.rmtree(path, ignore_errors=True)


def remove_files(directory: str, prefixes: tuple) -> None:
    """Remove the files of ``directory`` whose names start with one of ``prefixes``."""
    for name in os.listdir(directory):
        if name.startswith(prefixes):
            remove_file(os.path.join(directory, name))


def remove_file(path: str) -> None:
    """Remove a file if it is there (a task may run again, and find it gone)."""
    with suppress(OSError):
        os.unlink(path)
