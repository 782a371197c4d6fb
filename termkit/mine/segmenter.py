"""The segmenter: private jieba tokenizers and the parts of speech of jieba's dictionary.

Everything the miner knows of a word from jieba is here: how text is cut into words
(:func:`tokenizer`, one private tokenizer per set of extra words, such as a glossary's terms) and
which part of speech the dictionary gives a word (:func:`dictionary_tag`); which glossary forms
join its dictionary (:func:`glossary_words`). jieba is imported on first use (it takes a while
to load its dictionary).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from ..text.chars import HAS_HANZI_RE
from ..text.normalize import normalize_key
from .lexicon import derived, lexicon, on_change

_lock = threading.Lock()
_tokenizers: dict[frozenset, object] = {}


def _forget_tokenizers() -> None:
    with _lock:
        _tokenizers.clear()


#: The general words jieba's dictionary lacks (lexicon list extra_words: 有组织, 可持续) are added
#: to the private tokenizers, which are built again when the lexicon changes.
on_change(_forget_tokenizers)


def tokenizer(extra_words: Iterable[str] = ()):
    """A private ``jieba.Tokenizer`` whose dictionary also holds ``extra_words``.

    The global ``jieba`` tokenizer is never touched, so words added for one glossary do not leak
    into another run. The default dictionary is loaded once per process and shared (copied) by
    the extended tokenizers.
    """
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
        if len(_tokenizers) > 8:  # a few glossaries per process at most
            for k in list(_tokenizers):
                if k:
                    del _tokenizers[k]
                    break
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
        tags: dict[str, str] = {}
        with tokenizer().get_dict_file() as fh:
            for raw in fh:
                parts = raw.decode("utf-8").split()
                if len(parts) >= 3:
                    tags[parts[0]] = parts[2]
        _tags = tags
    return _tags.get(word)


def glossary_words(terms: Iterable[str]) -> tuple[str, ...]:
    """Glossary forms worth adding to the segmenter's dictionary (normalized, with hanzi, ≥ 2 chars)."""
    out = set()
    for t in terms:
        k = normalize_key(t)
        if len(k) >= 2 and HAS_HANZI_RE.search(k) and not any(c.isspace() for c in k):
            out.add(k)
    return tuple(sorted(out))
