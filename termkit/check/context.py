"""What every check reads: the documents, their normalized text, and where glossary forms occur.

Built once per run and shared, so that no check reads or scans a document again.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..formats.vocabulary import is_traditional
from ..glossary.scan import GlossaryScanner, Occurrence
from ..model import Document, Location
from ..text.dates import document_date
from ..text.normalize import Normalized, normalize
from .bilingual import normalize_units, unit_location

# Titles: in 《》, and the titles of resolutions and documents that UN Chinese quotes after 题为
# ("entitled"): 题为“联合国国际毒品管制方案基金 2018-2019 两年期预算”的第 61/1 号决议.
_TITLE_RE = re.compile(r"《[^《》\n]{1,200}》|(?<=题为)“[^“”\n]{1,300}”")


@dataclass
class CheckContext:
    docs: list[Document]
    glossary: object | None = None  # a termkit.glossary.Glossary
    candidates: list = field(default_factory=list)  # mined Candidates (for discovery without a glossary)
    units: list = field(default_factory=list)  # bilingual EN–ZH units (check.bilingual.Unit)
    max_locations: int = 50  # per form and finding; counts are always complete
    memo: dict = field(default_factory=dict)  # results checks share within one run (discover.py)

    @cached_property
    def units_by_doc(self) -> dict[str, list]:
        """The units of each document that holds the Chinese side of a bilingual file, in order."""
        out: dict[str, list] = {}
        for u in self.units:
            if getattr(u, "start", -1) >= 0:
                out.setdefault(u.file, []).append(u)
        return {d: sorted(us, key=lambda u: u.start) for d, us in out.items()}

    @cached_property
    def _unit_starts(self) -> dict[str, list[int]]:
        return {d: [u.start for u in us] for d, us in self.units_by_doc.items()}

    @cached_property
    def normalized(self) -> dict[str, Normalized]:
        """Each document normalized for matching: a bilingual file's Chinese side unit by unit, in
        the script it declares (see :mod:`termkit.check.bilingual`)."""
        return {
            d.id: normalize_units(d, self.units_by_doc[d.id]) if d.id in self.units_by_doc else normalize(d.text)
            for d in self.docs
        }

    @cached_property
    def occurrences(self) -> dict[str, list[Occurrence]]:
        """Glossary forms found in each document (empty without a glossary); in a document that
        declares traditional characters, through OpenCC (both sides folded to simplified)."""
        if self.glossary is None:
            return {d.id: [] for d in self.docs}
        scanners: dict[bool, GlossaryScanner] = {}
        out = {}
        for d in self.docs:
            traditional = is_traditional(d.lang)
            if traditional not in scanners:
                scanners[traditional] = GlossaryScanner(self.glossary, lang="zh", simplified=traditional)
            out[d.id] = scanners[traditional].find(d, self.normalized[d.id])
        return out

    @cached_property
    def _segment_starts(self) -> dict[str, list[int]]:
        return {d.id: [s.start for s in d.segments] for d in self.docs}

    @cached_property
    def _docs_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.docs}

    def doc(self, doc_id: str) -> Document:
        return self._docs_by_id[doc_id]

    @cached_property
    def dates(self) -> dict[str, str]:
        """Each document's date: as given (``--date``), else its cover page's, else the latest it
        mentions (see :mod:`termkit.text.dates`); "" when it names none."""
        return {d.id: d.date or document_date(d.text) for d in self.docs}

    @cached_property
    def _titles(self) -> dict[str, list[tuple[int, int]]]:
        return {d.id: [(m.start(), m.end()) for m in _TITLE_RE.finditer(d.text)] for d in self.docs}

    def in_title(self, doc_id: str, start: int, end: int) -> bool:
        """Is ``start:end`` inside a title (in 《》, or quoted after 题为)? A title is cited as the
        document names it — 《2019-2023年艾滋病病毒战略》, or an edition under its own title,
        《2013年世界毒品报告》 — so the forms inside it are not the writer's term choice. (A form
        that carries the brackets itself, 《巴黎公约》方案, is not inside one.)"""
        titles = self._titles[doc_id]
        k = bisect.bisect_right(titles, (start, len(self._docs_by_id[doc_id].text))) - 1
        if k < 0:
            return False
        open_, close = titles[k]
        return open_ < start and end <= close - 1

    @cached_property
    def _line_starts(self) -> dict[str, list[int]]:
        out = {}
        for d in self.docs:
            starts = [0]
            pos = d.text.find("\n")
            while pos >= 0:
                starts.append(pos + 1)
                pos = d.text.find("\n", pos + 1)
            out[d.id] = starts
        return out

    def line_column(self, doc_id: str, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in the document's original text."""
        starts = self._line_starts[doc_id]
        k = bisect.bisect_right(starts, offset) - 1
        return k + 1, offset - starts[k] + 1

    def location(self, doc_id: str, start: int, end: int, form: str = "") -> Location:
        """A location with the sentence around ``start`` (the original text, as written); in a
        bilingual file's Chinese side, the unit (its id and line in the file, the other side)."""
        units = self.units_by_doc.get(doc_id)
        if units:
            k = bisect.bisect_right(self._unit_starts[doc_id], start) - 1
            return unit_location(units[max(k, 0)], start, end, form)
        loc = self._location(doc_id, start, end, form)
        doc = self._docs_by_id[doc_id]
        if doc.places:  # DOCX, PDF, HTML: the page and paragraph, the character in the paragraph
            loc.page, loc.paragraph, loc.column = doc.place(start)
        else:
            loc.line, loc.column = self.line_column(doc_id, start)
        loc.path = doc.path or ""
        return loc

    def _location(self, doc_id: str, start: int, end: int, form: str) -> Location:
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
