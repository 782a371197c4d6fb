"""Glossaries: loading and merging (glossary.py), validation (validate.py), lookup (index.py; its
index kept between runs: cache.py), attestation in a corpus (attest.py).

The modules load on first use of their names, so that a lookup from the cached index does not load
the glossary readers.
"""

from ..model import Problem
from .attest import Attestation, attest  # eager: the function shares its name with the module

_LAZY = {
    "Glossary": "glossary",
    "load_glossary": "glossary",
    "read_concepts": "glossary",
    "GlossaryIndex": "index",
    "lookup_index": "glossary",
    "validate_concepts": "validate",
    "validate_file": "validate",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Attestation",
    "Glossary",
    "GlossaryIndex",
    "Problem",
    "attest",
    "load_glossary",
    "lookup_index",
    "read_concepts",
    "validate_concepts",
    "validate_file",
]
