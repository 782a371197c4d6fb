"""The miner's word lists: one plain file a list under ``termkit/data/lexicon/``, loaded here once.

Each file ``NAME.txt`` holds one list (stop words, light verbs, name heads …): a header of ``#``
comment lines saying what the list does, then its entries separated by white space or line
breaks. Domain knowledge lives there, not in the code: a user in another domain extends or
replaces lists without editing code (``termkit mine --lexicon DIR``, ``mine(lexicon=DIR)``):

- ``DIR/NAME.txt`` *adds* its entries to the shipped list ``NAME``; an entry written ``-word``
  removes ``word`` from it (a lone ``-`` is an entry);
- a header line ``# mode: replace`` makes the file *replace* the shipped list;
- a file whose name is not a shipped list is an error (a misspelt name would be silently unused).

The active lexicon is process-wide (:func:`lexicon`); :func:`use` switches it, and the caches built
from it (token kinds, tokenizers) are dropped through the callbacks registered with
:func:`on_change`. A :class:`Lexicon` is a small picklable value, so the map tasks of a process
pool or a Dask cluster get the run's lexicon with their arguments and switch to it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from ..errors import InputError

LEXICON_PACKAGE_DIR = ("data", "lexicon")
_REPLACE = "mode: replace"


def parse_list(text: str) -> tuple[list[str], list[str], bool]:
    """``(entries, removals, replace)`` of one list file's text."""
    entries: list[str] = []
    removals: list[str] = []
    replace = False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("#"):
            if s.lstrip("# ").lower().startswith(_REPLACE):
                replace = True
            continue
        for item in s.split():
            if item.startswith("-") and len(item) > 1:
                removals.append(item[1:])
            else:
                entries.append(item)
    return entries, removals, replace


@dataclass(frozen=True)
class Lexicon:
    """Named word lists (``lex.stop_words``, ``lex["stop_words"]``) and where they came from."""

    lists: Mapping[str, frozenset] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name, words in self.lists.items():  # each list an attribute: a plain lookup in hot code
            if name not in ("lists", "sources", "names", "fingerprint"):
                object.__setattr__(self, name, words)

    def __getitem__(self, name: str) -> frozenset:
        return self.lists[name]

    def __getstate__(self) -> dict:
        return {"lists": dict(self.lists), "sources": self.sources}

    def __setstate__(self, state: dict) -> None:
        object.__setattr__(self, "lists", state["lists"])
        object.__setattr__(self, "sources", state["sources"])
        self.__post_init__()

    @property
    def names(self) -> list[str]:
        return sorted(self.lists)

    @cached_property
    def fingerprint(self) -> str:
        """A digest of every list (the same lists give the same fingerprint)."""
        h = hashlib.sha256()
        for name in sorted(self.lists):
            h.update(name.encode() + b"\0" + "\x1f".join(sorted(self.lists[name])).encode() + b"\0")
        return h.hexdigest()

    def extended(self, directory: str | os.PathLike) -> Lexicon:
        """This lexicon with the lists of ``directory`` added or replacing (see the module)."""
        path = Path(directory)
        if not path.is_dir():
            raise InputError("not a directory of word lists", str(path))
        lists = dict(self.lists)
        files = sorted(path.glob("*.txt"))
        if not files:
            raise InputError("no word lists (*.txt) in this directory", str(path))
        for f in files:
            name = f.stem
            if name not in lists:
                known = ", ".join(sorted(lists))
                raise InputError(f"unknown word list {name!r} (the lists are: {known})", str(f))
            try:
                text = f.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"cannot read: {exc}", str(f)) from None
            entries, removals, replace = parse_list(text)
            base = set() if replace else set(lists[name])
            lists[name] = frozenset((base | set(entries)) - set(removals))
        return Lexicon(lists, (*self.sources, str(path)))


def _shipped_files() -> Iterable[tuple[str, str]]:
    root = resources.files("termkit").joinpath(*LEXICON_PACKAGE_DIR)
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            yield entry.name[: -len(".txt")], entry.read_text(encoding="utf-8")


_shipped: Lexicon | None = None


def shipped() -> Lexicon:
    """The lists that ship with termkit (read once per process)."""
    global _shipped
    if _shipped is None:
        lists = {}
        for name, text in _shipped_files():
            entries, _, _ = parse_list(text)
            lists[name] = frozenset(entries)
        _shipped = Lexicon(lists, ("termkit/data/lexicon",))
    return _shipped


def load(directory: str | os.PathLike | None = None) -> Lexicon:
    """The shipped lexicon, extended by the lists of ``directory`` when given."""
    base = shipped()
    return base if directory is None else base.extended(directory)


_active: Lexicon | None = None
_callbacks: list[Callable[[], None]] = []


def lexicon() -> Lexicon:
    """The lexicon in use in this process (the shipped one until :func:`use` says otherwise)."""
    global _active
    if _active is None:
        _active = shipped()
    return _active


def use(lex: Lexicon | None) -> Lexicon:
    """Make ``lex`` (None: the shipped lexicon) the active lexicon; drop the caches built from
    another one. Returns the lexicon that was active before."""
    global _active
    before = lexicon()
    new = lex if lex is not None else shipped()
    if new is not before and new.fingerprint != before.fingerprint:
        _active = new
        for callback in _callbacks:
            callback()
    return before


def on_change(callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever the active lexicon changes (to drop a cache built from it)."""
    _callbacks.append(callback)


def derived(build: Callable[[Lexicon], object]) -> Callable[[], object]:
    """A value computed from the active lexicon once, and again after it changes:
    ``FUNCTION_CHARS = derived(lambda lex: …)`` then ``FUNCTION_CHARS()``."""
    cache: list = []

    def get():
        if not cache:
            cache.append(build(lexicon()))
        return cache[0]

    on_change(cache.clear)
    return get
