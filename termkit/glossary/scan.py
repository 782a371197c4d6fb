"""Find glossary forms in running text.

Matching is leftmost-longest, so a form inside a longer form is not counted twice
(毒品和犯罪问题办公室 inside 联合国毒品和犯罪问题办公室 counts for the longer one). The search is one
Aho–Corasick pass (ahocorasick-rs) over the normalized text, whatever the number of forms;
hits are mapped back to offsets in the original text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick_rs

from ..model import Concept, Document, Term, lang_base
from ..text.normalize import Normalized, normalize, normalize_key


class FormScanner:
    """Finds any of a set of strings in a text (exact: normalize both sides first)."""

    def __init__(self, forms: Iterable[str]):
        self.forms = sorted({f for f in forms if f})
        self._automaton = (
            ahocorasick_rs.AhoCorasick(self.forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            if self.forms
            else None
        )

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Non-overlapping ``(start, end, form)`` hits, leftmost-longest."""
        forms = self.forms
        for k, start, end in self.indexes(text):
            yield start, end, forms[k]

    def indexes(self, text: str) -> list[tuple[int, int, int]]:
        """The hits as ``(index into self.forms, start, end)``."""
        return self._automaton.find_matches_as_indexes(text) if self._automaton is not None else []


@dataclass
class Occurrence:
    """A glossary form found in a document: original offsets, and the form as written there."""

    doc_id: str
    start: int
    end: int
    concept: Concept
    term: Term
    written: str  # the original text between start and end (may hold a PDF line break)


class GlossaryScanner:
    """Finds every ``lang`` form of a glossary in documents (normalized text, original offsets)."""

    def __init__(self, glossary, lang: str = "zh", simplified: bool = False):
        """``simplified``: forms folded to simplified characters (OpenCC t2s), to find them in text
        normalized so — a document in traditional characters."""
        concepts = getattr(glossary, "concepts", glossary)
        self.by_form: dict[str, list[tuple[Concept, Term]]] = {}
        for concept in concepts:
            for term in concept.terms:
                if lang_base(term.lang) != lang_base(lang) or not term.text.strip():
                    continue
                self.by_form.setdefault(normalize_key(term.text, simplified=simplified), []).append((concept, term))
        self.scanner = FormScanner(self.by_form)
        # one concept per form (validate flags clashes), by the scanner's index of the form
        self._first = [self.by_form[form][0] for form in self.scanner.forms]

    def find(self, doc: Document, normalized: Normalized | None = None) -> list[Occurrence]:
        norm = normalized or normalize(doc.text)
        first, offsets, text, out = self._first, norm.offsets, doc.text, []
        for k, s, e in self.scanner.indexes(norm.text):
            # the original span (norm.original_span, inlined: this runs for every hit)
            window = offsets[s:e]
            start, end = min(window), max(window) + 1
            concept, term = first[k]
            out.append(Occurrence(doc.id, start, end, concept, term, text[start:end]))
        return out
