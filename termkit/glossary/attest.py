"""Attestation: how often each glossary form occurs in a corpus, per document.

Counts are taken in normalized text (footnote markers, ``2014 年`` spacing, PDF line breaks and
full-width letters folded) with leftmost-longest matching, so a form nested in a longer glossary
form is counted only where it stands alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Concept, Document, Term, lang_base
from ..text.normalize import normalize, normalize_key
from .scan import FormScanner


@dataclass
class FormCount:
    concept: Concept
    term: Term
    per_doc: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.per_doc.values())


@dataclass
class Attestation:
    documents: list[str]
    forms: list[FormCount]

    @property
    def unattested(self) -> list[FormCount]:
        return [f for f in self.forms if f.total == 0]


def attest(glossary, documents: Iterable[Document], lang: str = "zh") -> Attestation:
    """Count every ``lang`` form of the glossary in each document."""
    concepts = getattr(glossary, "concepts", glossary)
    forms: list[FormCount] = []
    by_key: dict[str, list[FormCount]] = defaultdict(list)
    for concept in concepts:
        for term in concept.terms:
            if lang_base(term.lang) != lang_base(lang) or not term.text.strip():
                continue
            fc = FormCount(concept, term)
            forms.append(fc)
            by_key[normalize_key(term.text)].append(fc)
    scanner = FormScanner(by_key)
    doc_ids = []
    for doc in documents:
        doc_ids.append(doc.id)
        counts = Counter(form for _, _, form in scanner.finditer(normalize(doc.text).text))
        for key, fcs in by_key.items():
            for fc in fcs:
                fc.per_doc[doc.id] = counts.get(key, 0)
    return Attestation(doc_ids, forms)
