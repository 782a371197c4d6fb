"""Glossaries: loading and merging (glossary.py), validation (validate.py), lookup (index.py),
attestation in a corpus (attest.py)."""

from ..model import Problem
from .attest import Attestation, attest
from .glossary import Glossary, load_glossary, read_concepts
from .index import GlossaryIndex
from .validate import validate_concepts, validate_file

__all__ = [
    "Attestation",
    "Glossary",
    "GlossaryIndex",
    "Problem",
    "attest",
    "load_glossary",
    "read_concepts",
    "validate_concepts",
    "validate_file",
]
