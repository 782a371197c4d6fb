"""The segmenter: private jieba tokenizers and the parts of speech of jieba's dictionary.

Everything the miner knows of a word from jieba is here: how text is cut into words
(:func:`tokenizer`, one private tokenizer per set of extra words, such as a glossary's terms) and
which part of speech the dictionary gives a word (:func:`dictionary_tag`); which glossary forms
join its dictionary (:func:`glossary_words`). jieba is imported on first use (it takes a while
to load its dictionary).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
import threading
from collections.abc import Iterable

from ..errors import InputError
from ..formats.cache import cache_dir, read_pickle, write_pickle
from ..text.chars import HAS_HANZI_RE
from ..text.normalize import normalize_key
from . import compiled
from .lexicon import derived, lexicon, on_change

_lock = threading.RLock()
_tokenizers: dict[frozenset, object] = {}
_compiled: dict[frozenset, compiled.CompiledTokenizer] = {}
_dictionary: tuple[dict[str, int], int] | None = None


def _forget_tokenizers() -> None:
    with _lock:
        _tokenizers.clear()
        _compiled.clear()


#: The general words jieba's dictionary lacks (lexicon list extra_words: 有组织, 可持续) are added
#: to the private tokenizers, which are built again when the lexicon changes.
on_change(_forget_tokenizers)


def segmenter_name() -> str:
    """Which segmenter cuts the text: ``rjieba`` (jieba-rs, jieba's tokens computed ten times
    faster; :mod:`.compiled`) when installed, else ``jieba``. ``TERMKIT_SEGMENTER=jieba`` forces
    jieba's pure Python."""
    wanted = os.environ.get("TERMKIT_SEGMENTER", "auto").strip().lower()
    if wanted not in ("auto", "jieba", "rjieba"):
        raise InputError(f"TERMKIT_SEGMENTER={wanted!r}: expected auto, jieba or rjieba")
    if wanted == "jieba":
        return "jieba"
    if compiled.available():
        return "rjieba"
    if wanted == "rjieba":
        raise InputError("TERMKIT_SEGMENTER=rjieba but rjieba is not installed (pip install rjieba)")
    return "jieba"


def tokenizer(extra_words: Iterable[str] = ()):
    """A private tokenizer whose dictionary also holds ``extra_words``: jieba's, or the compiled
    one that gives the same tokens (:func:`segmenter_name`).

    The global ``jieba`` tokenizer is never touched, so words added for one glossary do not leak
    into another run. The default dictionary is loaded once per process and shared (copied) by
    the extended tokenizers.
    """
    key = frozenset(w for w in extra_words if w)
    if segmenter_name() == "jieba":
        return jieba_tokenizer(key)
    with _lock:
        tok = _compiled.get(key)
        if tok is None:
            global _dictionary
            if _dictionary is None:
                _dictionary = _from_dictionary_file("frequencies", compiled.dictionary_frequencies)
            tok = compiled.CompiledTokenizer(*_dictionary, jieba_tokenizer=lambda: jieba_tokenizer(key))
            tok.add_words(sorted(lexicon().extra_words))
            tok.add_words(sorted(key))
            _evict(_compiled)
            _compiled[key] = tok
        return tok


def _evict(cache: dict) -> None:
    if len(cache) > 8:  # a few glossaries per process at most
        for k in list(cache):
            if k:
                del cache[k]
                break


def jieba_tokenizer(extra_words: Iterable[str] = ()):
    """A private ``jieba.Tokenizer`` (pure Python) whose dictionary also holds ``extra_words``."""
    import jieba

    key = frozenset(w for w in extra_words if w)
    with _lock:
        tok = _tokenizers.get(key)
        if tok is not None:
            return tok
        jieba.setLogLevel(logging.WARNING)
        base = _tokenizers.get(frozenset())
        if base is None:
            base = jieba.Tokenizer()
            base.initialize()
            _tokenizers[frozenset()] = base
            for word in sorted(lexicon().extra_words):
                base.add_word(word, freq=max(base.suggest_freq(word, tune=False), 10))
        if not key:
            return base
        tok = jieba.Tokenizer()
        tok.FREQ = dict(base.FREQ)
        tok.total = base.total
        tok.initialized = True
        for word in sorted(key):
            tok.add_word(word, freq=max(tok.suggest_freq(word, tune=False), 10))
        _evict(_tokenizers)
        _tokenizers[key] = tok
        return tok


_tags: dict[str, str] | None = None

#: Dictionary tags of words that can be a term on their own (nouns, abbreviations, foreign words):
#: the lexicon's list noun_tags.
NOUN_TAGS = derived(lambda lex: lex.noun_tags)


def dictionary_tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives ``word`` (None for a word it does not have).

    Read once from the dictionary file: a lookup, not jieba.posseg's tagging of running text.
    """
    global _tags
    if _tags is None:
        _tags = _from_dictionary_file("tags", _read_tags)
    return _tags.get(word)


def _read_tags(dict_file) -> dict[str, str]:
    tags: dict[str, str] = {}
    for raw in dict_file:
        parts = raw.decode("utf-8").split()
        if len(parts) >= 3:
            tags[parts[0]] = parts[2]
    return tags


def _from_dictionary_file(what: str, read):
    """``read(jieba's dictionary file)``, kept in the cache folder (:mod:`termkit.formats.cache`)
    for that file (its path, size and modification time) and this module's source: parsing the
    350,000 lines takes longer than reading the result back."""
    with _dictionary_file() as fh:
        root = cache_dir()
        try:
            key = (what, _stamp(fh.name), _stamp(compiled.__file__), _stamp(__file__))
        except (OSError, AttributeError, TypeError):  # not a file on disk: just read it
            root = None
        cache = root / f"jieba-{what}.pickle" if root is not None else None
        held = read_pickle(cache)
        if isinstance(held, dict) and held.get("key") == key:
            return held["value"]
        value = read(fh)
    write_pickle(cache, {"key": key, "value": value})
    return value


def _dictionary_file():
    """jieba's dictionary file, open: ``jieba.get_dict_file()``, found without importing jieba (its
    HMM tables take 0.15 s) when nothing has imported it, and so could not have set another."""
    if "jieba" not in sys.modules:
        spec = importlib.util.find_spec("jieba")
        if spec is not None and spec.origin:
            path = os.path.join(os.path.dirname(spec.origin), "dict.txt")
            if os.path.isfile(path):
                return open(path, "rb")
    import jieba

    return jieba.get_dict_file()


def _stamp(path) -> tuple:
    st = os.stat(path)
    return (os.path.abspath(path), st.st_size, st.st_mtime_ns)


def glossary_words(terms: Iterable[str]) -> tuple[str, ...]:
    """Glossary forms worth adding to the segmenter's dictionary (normalized, with hanzi, ≥ 2 chars)."""
    out = set()
    for t in terms:
        k = normalize_key(t)
        if len(k) >= 2 and HAS_HANZI_RE.search(k) and not any(c.isspace() for c in k):
            out.add(k)
    return tuple(sorted(out))
