"""What every check reads: the documents, their normalized text, and where glossary forms occur.

Built once per run and shared, so that no check reads or scans a document again.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from ..glossary.scan import GlossaryScanner, Occurrence
from ..model import Document, Location
from ..text.normalize import Normalized, normalize


@dataclass
class CheckContext:
    docs: list[Document]
    glossary: object | None = None  # a termkit.glossary.Glossary
    candidates: list = field(default_factory=list)  # mined Candidates (for discovery without a glossary)
    units: list = field(default_factory=list)  # bilingual EN–ZH units (check.bilingual.Unit)
    max_locations: int = 50  # per form and finding; counts are always complete
    memo: dict = field(default_factory=dict)  # results checks share within one run (discover.py)

    @cached_property
    def normalized(self) -> dict[str, Normalized]:
        return {d.id: normalize(d.text) for d in self.docs}

    @cached_property
    def occurrences(self) -> dict[str, list[Occurrence]]:
        """Glossary forms found in each document (empty without a glossary)."""
        if self.glossary is None:
            return {d.id: [] for d in self.docs}
        scanner = GlossaryScanner(self.glossary, lang="zh")
        return {d.id: scanner.find(d, self.normalized[d.id]) for d in self.docs}

    @cached_property
    def _segment_starts(self) -> dict[str, list[int]]:
        return {d.id: [s.start for s in d.segments] for d in self.docs}

    @cached_property
    def _docs_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.docs}

    def doc(self, doc_id: str) -> Document:
        return self._docs_by_id[doc_id]

    def location(self, doc_id: str, start: int, end: int, form: str = "") -> Location:
        """A location with the sentence around ``start`` (the original text, as written)."""
        doc = self._docs_by_id[doc_id]
        starts = self._segment_starts[doc_id]
        k = bisect.bisect_right(starts, start) - 1
        # a sentence broken around footnotes spans them: prefer the segment that really holds start
        while k > 0 and not (doc.segments[k].start <= start < doc.segments[k].end):
            k -= 1
        if k >= 0 and doc.segments[k].start <= start < doc.segments[k].end:
            seg = doc.segments[k]
            return Location(doc_id, start, end, sentence=seg.text, form=form, sentence_start=seg.start)
        lo = max(0, start - 40)
        return Location(doc_id, start, end, sentence=doc.text[lo : end + 40], form=form, sentence_start=lo)
