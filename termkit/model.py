"""Plain data objects that flow between the stages (read → normalize → mine → match → check → report).

Offsets are always character offsets into ``Document.text``, the text exactly as read, so that
every result can point back at the place it came from.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class Segment:
    """A sentence (or heading, list item, footnote) of a document.

    ``text == document.text[start:end]`` always holds. ``label`` is the paragraph number or
    list marker that introduced it (``12.``, ``(a)``, ``一.``), kept out of ``text``; ``kind`` is
    ``sentence``, ``heading`` or ``footnote``.

    A sentence broken across lines (or around a page's footnotes) in PDF-extracted text has
    ``parts``: the original spans of its pieces in reading order. ``content`` joins them, without
    the line breaks and footnotes in between; it is what matching and mining read.
    """

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    label: str = ""
    kind: str = "sentence"
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def content(self) -> str:
        if not self.parts:
            return self.text
        pieces = [self.text[s - self.start : e - self.start] for s, e in self.parts]
        return join_pieces(pieces)

    def content_offsets(self) -> list[int]:
        """Original document offset of each character of ``content`` (-1 for an added joiner)."""
        if not self.parts:
            return list(range(self.start, self.end))
        offsets: list[int] = []
        joined = ""
        for s, e in self.parts:
            piece = self.text[s - self.start : e - self.start]
            if joined:
                joiner = piece_joiner(joined, piece)
                offsets.extend([-1] * len(joiner))
                joined += joiner
            offsets.extend(range(s, e))
            joined += piece
        return offsets


def join_pieces(pieces: list[str]) -> str:
    """Join the pieces of a broken sentence: nothing between Chinese, a space between Latin words."""
    out = pieces[0]
    for piece in pieces[1:]:
        out += piece_joiner(out, piece) + piece
    return out


# The characters that take no space around them, which is what joining pieces turns on; the
# character classes of termkit.text.chars build on these.
# CJK Unified Ideographs with Extension A and the compatibility block; enough for UN Chinese.
HANZI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese (full-width) punctuation: CJK symbols, full-width forms' punctuation, curly quotes.
CJK_PUNCT = (
    "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"
)


def is_cjk(ch: str) -> bool:
    """A hanzi or a Chinese punctuation mark: a character that takes no spaces around it."""
    return bool(ch) and re.match(f"[{HANZI}{CJK_PUNCT}]", ch) is not None


def piece_joiner(prev: str, nxt: str) -> str:
    """What goes between two pieces of a line-broken sentence: nothing next to Chinese, else a space."""
    if not prev or not nxt or is_cjk(prev[-1]) or is_cjk(nxt[0]):
        return ""
    return " "


_BIG = 1 << 62


@dataclass
class Document:
    """One input text. ``text`` is the decoded file content, unchanged (line endings included)."""

    id: str
    text: str
    path: str | None = None
    lang: str = "zh"
    encoding: str | None = None
    segments: list[Segment] = field(default_factory=list)
    date: str = ""  # ISO date of the document (its cover page, or given), "" when unknown
    # For a document read from DOCX, PDF or HTML: where each paragraph starts in ``text``, as
    # ``(offset, page, paragraph)`` in text order (page 0 where the format has none; a paragraph
    # that goes on over a page break starts again at paragraph 1 of the next page). Empty for text.
    places: list[tuple[int, int, int]] = field(default_factory=list)

    def place(self, offset: int) -> tuple[int, int, int]:
        """``(page, paragraph, column)`` of an offset of ``text``: the column is the 1-based
        character in the paragraph; ``(0, 0, 0)`` for a document without places."""
        k = bisect.bisect_right(self.places, (offset, _BIG, _BIG)) - 1
        if k < 0:
            return 0, 0, 0
        start, page, paragraph = self.places[k]
        return page, paragraph, offset - start + 1

    def __repr__(self) -> str:  # the full text would flood tracebacks and test output
        return f"Document(id={self.id!r}, path={self.path!r}, lang={self.lang!r}, chars={len(self.text)})"


# The first four are TBX administrativeStatus values. ``proposed`` is a mined candidate nobody has
# approved yet: TBX-Basic has no administrativeStatus for it, so TBX files carry it as a note.
STATUSES = ("preferred", "admitted", "deprecated", "superseded", "proposed")
TERM_TYPES = ("fullForm", "abbreviation", "acronym", "shortForm", "variant")


@dataclass
class Term:
    """One written form of a concept in one language (TBX: a termSec / tig)."""

    text: str
    lang: str
    status: str = "preferred"  # one of STATUSES (TBX administrativeStatus, or proposed)
    type: str = ""  # one of TERM_TYPES (TBX termType), or empty
    pos: str = ""
    definition: str = ""  # a language-level definition (the CSV row's definition)
    note: str = ""
    source: str = ""
    line: int | None = None  # where it was read from, for messages
    # When the form was right (ISO dates, either may be empty): a name superseded on 1 January 2019
    # is still right in a document of 2018.
    valid_from: str = ""
    valid_until: str = ""


@dataclass
class Concept:
    """A glossary entry: terms in several languages for one meaning (TBX: a conceptEntry)."""

    id: str
    terms: list[Term] = field(default_factory=list)
    subject: str = ""
    definition: str = ""  # concept-level definition (TBX); CSV definitions live on the terms
    note: str = ""
    origin: str = ""  # the glossary file the concept was read from
    line: int | None = None

    def describe(self) -> str:
        """The definition to show: the concept's own, else the English one, else any."""
        if self.definition:
            return self.definition
        ordered = sorted(self.terms, key=lambda t: (lang_base(t.lang) != "en", t.status != "preferred"))
        return next((t.definition for t in ordered if t.definition), "")

    def terms_in(self, lang: str) -> list[Term]:
        base = lang_base(lang)
        return [t for t in self.terms if lang_base(t.lang) == base]

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in ``lang`` (else the first admitted one, else the first one)."""
        terms = self.terms_in(lang)
        for wanted in ("preferred", "admitted"):
            for t in terms:
                if t.status == wanted:
                    return t
        return terms[0] if terms else None


@lru_cache(maxsize=4096)  # called for every term of every concept: a handful of tags in practice
def lang_base(tag: str) -> str:
    """``zh-Hans``, ``zh_CN``, ``ZH`` → ``zh``; ``en-US`` → ``en``."""
    return tag.replace("_", "-").split("-")[0].lower()


@dataclass
class Match:
    """A glossary hit for a query. kind: exact, normalized, variant, pinyin, fuzzy or partial."""

    query: str
    concept: Concept
    term: Term
    kind: str
    score: float  # 0–100, comparable across kinds

    @property
    def preferred(self) -> Term | None:
        return self.concept.preferred(self.term.lang)


@dataclass
class Context:
    """An example sentence for a candidate: where it is and the sentence as written."""

    doc_id: str
    start: int  # offsets of the candidate in the original document text
    end: int
    sentence: str


@dataclass
class Equivalent:
    """An English equivalent proposed for a mined Chinese term, from the English originals."""

    en: str
    confidence: float
    evidence: list[str] = field(default_factory=list)  # in words: aligned, glossary, CC-CEDICT, abbreviation
    example: tuple[str, str] | None = None  # an (English, Chinese) sentence pair holding both


@dataclass
class Candidate:
    """A mined term candidate with its statistics."""

    text: str
    freq: int = 0
    doc_freq: int = 0
    score: float = 0.0
    scores: dict = field(default_factory=dict)
    contexts: list[Context] = field(default_factory=list)
    pinyin: str = ""
    # against a glossary: known, variant, fuzzy, pinyin, partial, new — or new-variant: a new
    # Chinese form whose English equivalent is a glossary concept's
    status: str = "new"
    match: Match | None = None
    abbreviation_of: str = ""  # the full form, when this candidate is defined as its short form
    abbreviation_inferred: bool = False  # abbreviation_of was guessed: the corpus never defines it
    abbreviations: list[str] = field(default_factory=list)  # short forms defined for this candidate
    # the candidate as the miner counted it: ``key`` its normalized form (``text`` is as the corpus
    # writes it), ``words`` how the segmenter cut it; empty for candidates read back from a file
    key: str = ""
    words: list[str] = field(default_factory=list)
    english: list[Equivalent] = field(default_factory=list)  # best first (mining with --source)
    # the candidate concept it belongs to: ``group`` is the head form's text (its own for a head),
    # ``role`` one of head, abbreviation, short form, edition, variant; ``evidence`` what raised or
    # lowered its rank, in words ("title in 《》", "name head 委员会", "general-language word 国际")
    group: str = ""
    role: str = ""
    evidence: list[str] = field(default_factory=list)


SEVERITIES = ("error", "warning", "info")


@dataclass
class Location:
    """Where a finding is: a span of a document's original text and the sentence around it.

    For bilingual material, ``side`` is ``source`` or ``target`` and ``segment_id`` names the
    translation unit; ``other`` holds the sentence on the other side.
    """

    doc_id: str
    start: int
    end: int
    sentence: str = ""
    form: str = ""  # the surface form found here, as written
    sentence_start: int = 0  # offset of ``sentence`` in the document, to highlight start-end in it
    side: str = ""
    segment_id: str = ""
    other: str = ""
    line: int = 0  # 1-based line and column of ``start`` in the original file (0: unknown)
    column: int = 0  # (in a DOCX, PDF or HTML file: line 0, the character in the paragraph)
    path: str = ""  # the file, as given
    page: int = 0  # the PDF page (1-based; 0: none)
    paragraph: int = 0  # the paragraph: of the document in DOCX and HTML, of its page in PDF (0: none)


@dataclass
class Finding:
    """One problem found by a check. ``forms`` maps each surface form to its count per document."""

    check: str
    severity: str
    message: str
    id: str = ""  # stable across runs: the same problem in the same documents gets the same id
    concept: str | None = None
    forms: dict[str, dict[str, int]] = field(default_factory=dict)
    preferred: str = ""
    locations: list[Location] = field(default_factory=list)
    suggestion: str = ""
    confidence: float = 1.0
    evidence: list[str] = field(default_factory=list)


@dataclass
class SentencePair:
    """An alignment bead: source and target sentence indices (either may be empty) and a score."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0


@dataclass
class TranslationUnit:
    """A bilingual segment: a TMX ``<tu>``, an XLIFF ``<trans-unit>``/``<segment>``, or an aligned bead.

    ``source`` and ``target`` are plain text (inline codes such as ``<ph>``, ``<bpt>`` dropped, the
    text of ``<g>``, ``<mrk>``, ``<pc>`` kept); language tags are kept as the file writes them
    (compare them with :func:`lang_base`). ``line`` is where the unit starts in its file.
    ``translate`` is false for a unit the file marks not for translation (XLIFF ``translate="no"``).
    """

    id: str
    source: str
    target: str
    src_lang: str
    tgt_lang: str
    note: str = ""
    line: int | None = None
    translate: bool = True


@dataclass(frozen=True)
class Problem:
    """Something wrong in an input file, with its file and line: a validation result, or a warning
    from a reader or writer that could go on (TBX non-standard values, unknown CSV columns…)."""

    path: str
    line: int | None
    severity: str  # error or warning
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message} [{self.code}]"


@dataclass
class CardForm:
    """One form on a report card: its status in the glossary and where it is used."""

    form: str
    status: str = ""  # the glossary's (preferred, admitted, deprecated, superseded); "" when discovered
    type: str = ""
    counts: dict[str, int] = field(default_factory=dict)  # document → occurrences
    fix: bool = False  # the form to write
    note: str = ""  # the glossary's note and source for this form
    valid: str = ""  # when the form was right, in words ("until 2019-01-01")

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Card:
    """What a reviewer acts on: every finding about one concept (or one discovered cluster, or one
    lone problem), with all its forms, what is wrong, the fix and the places to look at."""

    id: str  # stable: "concept:unodc", "forms:艾滋病毒|艾滋病病毒", or the lone finding's id
    severity: str
    title: str  # the form to write, or the problem in a few words
    problem: str  # what is wrong, in words
    fix: str
    concept: str | None = None
    english: str = ""
    definition: str = ""
    forms: list[CardForm] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # ids, for the ignore file
    checks: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)  # shown: the wrong forms first
    occurrences: list[Location] = field(default_factory=list)  # every place, for spreadsheets
    places: int = 0  # places to change
