"""A glossary's lookup index kept in the cache folder, so that a one-term lookup neither reads
the glossary nor builds its index again (nor loads pypinyin for its terms' readings).

The index is rebuilt whenever anything it was built from may differ: the glossary files (their
paths, sizes and modification times), the Python version, the source files of the code that reads
glossaries and builds the index (their sizes and modification times: another termkit version, or a
changed source tree, never reads a stale index). A glossary with reader warnings is not cached:
reading it again reports them. ``Glossary.index()`` goes through :func:`index_for`, so that every
command that looks terms up (``lookup``, ``mine`` and ``run`` for the candidates' glossary status,
``review``) builds a glossary's index once; ``lookup`` reads it without reading the glossary
(:func:`termkit.glossary.lookup_index`). See :mod:`termkit.formats.cache` for the folder and
``TERMKIT_CACHE_DIR=off``.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path

from ..formats.cache import cache_dir, read_pickle, write_pickle

# Bump when what the cache file holds changes shape.
_FORMAT = 1
# The code an index depends on: the readers, the keys, the index itself.
_SOURCES = ("glossary", "formats", "formats/csv", "formats/tbx", "text")
_KEPT = 20  # glossary indexes kept in the cache folder
# What pypinyin's readings come from.
_PYPINYIN_FILES = ("__init__.py", "constants.py", "converter.py", "pinyin_dict.json", "phrases_dict.json")


def _stamp(path: str | os.PathLike) -> tuple:
    st = os.stat(path)
    return (os.path.abspath(path), st.st_size, st.st_mtime_ns)


def _source_stamps() -> list[tuple]:
    root = Path(__file__).resolve().parent.parent
    out = [_stamp(root / "model.py")]
    for sub in _SOURCES:
        with os.scandir(root / sub) as entries:
            out += sorted(_stamp(e.path) for e in entries if e.name.endswith(".py"))
    return out


def _cache_file(paths: list) -> tuple[Path, tuple] | None:
    """The cache file for glossaries read from ``paths``, and the key its content must carry."""
    root = cache_dir()
    if root is None or not paths:
        return None
    try:
        stamps = [_stamp(p) for p in paths]
        key = (_FORMAT, sys.version_info[:2], stamps, _source_stamps())
    except OSError:  # a file that is not there: reading it says so
        return None
    name = f"{zlib.crc32(repr([s[0] for s in stamps]).encode('utf-8')):08x}"  # one file per set of paths
    return root / f"glossary-index-{name}.pickle", key


def stored_index(paths: Iterable[str | os.PathLike]):
    """The index kept for the glossaries at ``paths`` when it was built from these very files by
    this very code; else None."""
    paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    found = _cache_file(paths)
    if found is None:
        return None
    cache, key = found
    held = read_pickle(cache)
    if not (isinstance(held, dict) and held.get("key") == key):
        return None
    with contextlib.suppress(OSError):
        os.utime(cache)  # looked up now: the last to be pruned
    index = held["index"]
    index.first_letters = functools.partial(first_letters, cache.parent)  # read when a query needs it
    return index


def index_for(glossary):
    """``GlossaryIndex(glossary)``: the one kept for the files the glossary was read from when it
    holds the very terms, in the same order (its entries then point at this glossary's concepts and
    terms, as a fresh index's would); else built, and kept for next time."""
    from .index import GlossaryIndex

    paths = list(getattr(glossary, "paths", None) or [])
    if getattr(glossary, "warnings", None):
        paths = []  # reading the files again must report their warnings
    index = stored_index(paths)
    if index is not None and _adopt(index, glossary):
        return index
    index = GlossaryIndex(glossary)
    found = _cache_file(paths)
    if found is not None:
        cache, key = found
        # what the first queries would build (n-grams, readings), made now so that it is kept
        index.prepare()
        write_pickle(cache, {"key": key, "index": index})
        _prune(cache.parent)
        index.first_letters = functools.partial(first_letters, cache.parent)
    return index


def _adopt(index, glossary) -> bool:
    """Point the index's entries at the glossary's own concepts and terms, when the index was built
    from the same terms in the same order (an index reads nothing else of them when built)."""
    from .index import key_for

    live = []
    for concept in getattr(glossary, "concepts", glossary):
        for term in concept.terms:
            text = term.text.strip()
            if text and key_for(text):
                live.append((concept, term, text))
    if len(live) != len(index.entries):
        return False
    if any(text != e.term.text.strip() for (_, _, text), e in zip(live, index.entries)):
        return False
    for (concept, term, _), e in zip(live, index.entries):
        e.concept, e.term = concept, term
    return True


def _prune(root: Path) -> None:
    """Keep the indexes of the ``_KEPT`` glossaries looked up last (lookups in passing glossaries,
    temporary files, must not fill the folder)."""
    try:
        held = sorted(root.glob("glossary-index-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in held[_KEPT:]:
            old.unlink()
    except OSError:
        pass


def first_letters(root: Path) -> dict[str, str] | None:
    """:func:`termkit.text.pinyin.first_letters_table`, kept in the cache folder for the
    installed pypinyin (its dictionaries' sizes and modification times); None without pypinyin."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return None
    where = Path(next(iter(spec.submodule_search_locations)))
    try:
        key = (_FORMAT, [_stamp(where / name) for name in _PYPINYIN_FILES])
    except OSError:
        return None
    cache = root / "pinyin-first-letters.pickle"
    held = read_pickle(cache)
    if isinstance(held, dict) and held.get("key") == key:
        return held["table"]
    from ..text.pinyin import first_letters_table

    table = first_letters_table()
    write_pickle(cache, {"key": key, "table": table})
    return table
