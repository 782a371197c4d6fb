"""The user's cache folder: tables termkit derives from its inputs and its data, kept between runs.

``$TERMKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/termkit`` or ``~/.cache/termkit``;
``TERMKIT_CACHE_DIR=off`` (or ``0``, ``no``, ``none``, empty) turns every cache file off. What is
kept there: the CC-CEDICT table (:mod:`termkit.align.dictionary`) and glossary lookup indexes
(:mod:`termkit.glossary.cache`). A cache file is only ever a shortcut: one that cannot be read
(damaged, foreign, from another version) is rebuilt, and one that cannot be written (a read-only
home) is done without.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from .atomic import atomic_write


def cache_dir() -> Path | None:
    """The cache folder, or None when ``TERMKIT_CACHE_DIR`` turns caching off."""
    root = os.environ.get("TERMKIT_CACHE_DIR")
    if root is not None and root.strip().lower() in ("", "0", "off", "no", "none"):
        return None
    if not root:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "termkit")
    return Path(root)


def read_pickle(path: Path | None) -> object | None:
    """What a cache file holds; None when there is none or it cannot be read."""
    if path is None or not path.is_file():
        return None
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # a damaged or foreign cache file: the caller rebuilds it
        return None


def write_pickle(path: Path | None, value: object) -> None:
    """Keep ``value`` in a cache file (written atomically); silently nothing when it cannot be."""
    if path is None:
        return
    try:
        with atomic_write(path, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a read-only home, a full disk: work without the cache
        pass
