"""termkit: English–Chinese terminology toolkit.

The library is the product; the ``termkit`` command is a thin layer over it::

    import termkit
    docs = list(termkit.load_documents(["seeds/"]))
    for seg in docs[0].segments[:3]:
        print(seg.start, seg.end, seg.text)
    termkit.normalize("２０２１ 年《宣言》，¹该").text   # '2021年《宣言》，该'
"""

from . import mine  # the subpackage, callable as the function (termkit.mine(corpus, …)); loads lazily
from .errors import InputError, TermkitError

# The heavier stages (and pypinyin's dictionaries) load on first use, so that `import termkit` and
# `termkit --version` stay quick.
# (Names differ from the subpackages' — termkit.check, termkit.align, termkit.export — so that
# importing one never hides the function.)
_LAZY = {
    **{
        name: ("termkit.model", name)
        for name in ("Candidate", "Concept", "Document", "Finding", "Match", "Segment", "SentencePair", "Term")
    },
    "__version__": ("termkit._version", "__version__"),  # the package root is where people look for it
    "load_documents": ("termkit.documents", "load_documents"),
    "segment_document": ("termkit.documents", "segment_document"),
    "read_corpus": ("termkit.formats.txt", "read_corpus"),
    "read_text": ("termkit.formats.txt", "read_text"),
    "Normalized": ("termkit.text.normalize", "Normalized"),
    "normalize": ("termkit.text.normalize", "normalize"),
    "normalize_key": ("termkit.text.normalize", "normalize_key"),
    "segment": ("termkit.text.segment", "segment"),
    "pinyin_key": ("termkit.text.pinyin", "pinyin_key"),
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
    "InputError",
    "TermkitError",
    "mine",
    *(name for name in _LAZY if name != "__version__"),
]
