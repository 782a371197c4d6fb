"""termkit: English–Chinese terminology toolkit.

The library is the product; the ``termkit`` command is a thin layer over it::

    import termkit
    docs = list(termkit.load_documents(["seeds/"]))
    for seg in docs[0].segments[:3]:
        print(seg.start, seg.end, seg.text)
    termkit.normalize("２０２１ 年《宣言》，¹该").text   # '2021年《宣言》，该'
"""

from ._version import __version__ as __version__  # the package root is where people look for it
from .documents import load_documents, segment_document
from .errors import InputError, TermkitError
from .formats.txt import read_corpus, read_text
from .mine import mine
from .model import Candidate, Concept, Document, Finding, Match, Segment, SentencePair, Term
from .text.normalize import Normalized, normalize, normalize_key
from .text.pinyin import pinyin_key
from .text.segment import segment

# The heavier stages load on first use, so that `import termkit` and `termkit --help` stay quick.
# (Names differ from the subpackages' — termkit.check, termkit.align, termkit.export — so that
# importing one never hides the function.)
_LAZY = {
    "load_glossary": ("termkit.glossary", "load_glossary"),
    "check_paths": ("termkit.pipeline", "check_paths"),
    "check_documents": ("termkit.check", "check_documents"),
    "run_job": ("termkit.pipeline", "run_job"),
    "align_sentences": ("termkit.align", "align"),
    "align_documents": ("termkit.align", "align_documents"),
    "export_glossary": ("termkit.export", "export_glossary"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'termkit' has no attribute {name!r}")


__all__ = [
    "Candidate",
    "Concept",
    "Document",
    "Finding",
    "InputError",
    "Match",
    "Normalized",
    "Segment",
    "SentencePair",
    "Term",
    "TermkitError",
    "load_documents",
    "mine",
    "normalize",
    "normalize_key",
    "pinyin_key",
    "read_corpus",
    "read_text",
    "segment",
    "segment_document",
    *_LAZY,
]
