"""What the bilingual checks share: the Chinese side of each TMX/XLIFF unit and the English beside
it, the Chinese side as a document whose every place is a unit, glossary terms found in the
English side, and locations that show both sides.

A unit is never joined to another: the document holding a file's Chinese side is segmented unit
by unit and normalized unit by unit, so no sentence, match or finding crosses from one unit into
the next, and every location names its unit and the unit's line in the file. The Chinese side is
read in the script its language tag declares (``zh-TW``, ``zh-Hant``: traditional), and glossary
forms are matched in it through OpenCC (traditional folded to simplified on both sides).
"""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass

from ..formats.vocabulary import is_traditional
from ..glossary.keys import en_key
from ..model import Concept, Document, Location, Segment, TranslationUnit, lang_base
from ..text.normalize import Normalized, normalize, normalize_key
from ..text.segment import segment

MAX_TERM_WORDS = 10
# Between units in the document of a file's Chinese side: a line holding a full stop, so that no
# reader of the whole text (the miner normalizes it, joining lines broken inside a sentence) joins
# a unit that lacks one to the next. Nothing else sees it: segments, matching and locations are
# made unit by unit.
UNIT_SEPARATOR = "\n。\n"


@dataclass
class Unit:
    """A translation unit seen as English and Chinese, whichever side is the source.

    ``en`` is empty when the unit has no English side (a zh→ja memory): its Chinese side is
    checked as text, not as a translation. ``zh_lang`` is the Chinese side's tag as the file
    declares it; ``start`` the offset of ``zh`` in the document of the file's Chinese side."""

    file: str  # the file's id (its stem), like a document id
    id: str
    en: str
    zh: str
    zh_is_target: bool = True
    line: int | None = None
    path: str = ""
    zh_lang: str = "zh"
    start: int = -1


def units_from(
    file_id: str, tus: list[TranslationUnit], path: str = ""
) -> tuple[list[Unit], list[tuple[int | None, int, str]]]:
    """The units of a TMX/XLIFF file with a Chinese side, and what was left out as ``(line,
    count, message)`` per kind: units with no Chinese side, marked not for translation, with an
    empty Chinese side, or whose Chinese target only copies the source. A unit whose other side
    is not English (or is empty, or a copy) keeps its Chinese side with ``en`` empty."""
    out, skipped, monolingual = [], {}, []
    for tu in tus:
        langs = (lang_base(tu.src_lang), lang_base(tu.tgt_lang))
        if "zh" not in langs:
            skipped.setdefault(f"without a Chinese side ({tu.src_lang or '?'}→{tu.tgt_lang or '?'})", []).append(tu)
            continue
        zh_is_target = langs[0] != "zh"
        zh, other = (tu.target, tu.source) if zh_is_target else (tu.source, tu.target)
        other_lang = langs[0] if zh_is_target else langs[1]
        if not tu.translate:
            skipped.setdefault('marked translate="no" (not for translation)', []).append(tu)
            continue
        copy = bool(zh.strip()) and " ".join(zh.split()) == " ".join(other.split())
        if copy and zh_is_target:
            skipped.setdefault("untranslated (the target copies the source)", []).append(tu)
            continue
        if not zh.strip():
            skipped.setdefault("without Chinese text (no translation, or inline codes only)", []).append(tu)
            continue
        en = other if other_lang == "en" and other.strip() and not copy else ""
        if not en:
            monolingual.append(tu)
        zh_lang = tu.tgt_lang if zh_is_target else tu.src_lang
        out.append(Unit(file_id, tu.id, en, zh, zh_is_target, tu.line, path, zh_lang or "zh"))
    left_out = [
        (
            tus_skipped[0].line,
            len(tus_skipped),
            f"{len(tus_skipped)} unit(s) {why} left out, the first is {tus_skipped[0].id!r}",
        )
        for why, tus_skipped in skipped.items()
    ]
    if monolingual and out:
        left_out.append(
            (
                monolingual[0].line,
                len(monolingual),
                f"{len(monolingual)} unit(s) without an English translation beside the Chinese: their Chinese "
                f"side is checked as text, not against a translation; the first is {monolingual[0].id!r}",
            )
        )
    return out, left_out


def translation_pairs(units: list[Unit]) -> list[Unit]:
    """The units the bilingual checks compare: those with both an English and a Chinese side."""
    return [u for u in units if u.en.strip() and u.zh.strip()]


def target_documents(file_id: str, units: list[Unit], path: str = "") -> list[Document]:
    """The Chinese side of a file as documents — one, unless its units declare both scripts (an
    XLIFF with a zh-CN and a zh-TW ``<file>``) — each unit a paragraph of its own, segmented on
    its own; sets each unit's ``start``."""
    groups: dict[bool, list[Unit]] = {}
    for u in units:
        groups.setdefault(is_traditional(u.zh_lang), []).append(u)
    docs = []
    for traditional, group in groups.items():
        tag = Counter(u.zh_lang for u in group).most_common(1)[0][0]
        doc_id = file_id if len(groups) == 1 else f"{file_id} ({'traditional' if traditional else 'simplified'})"
        parts, segments, pos = [], [], 0
        for u in group:
            if parts:
                parts.append(UNIT_SEPARATOR)
                pos += len(UNIT_SEPARATOR)
            u.file, u.start = doc_id, pos
            for seg in segment(u.zh, lang="zh", doc_id=doc_id):
                shift = tuple((s + pos, e + pos) for s, e in seg.parts)
                segments.append(
                    Segment(doc_id, len(segments), seg.start + pos, seg.end + pos, seg.text, seg.label, seg.kind, shift)
                )
            parts.append(u.zh)
            pos += len(u.zh)
        docs.append(Document(id=doc_id, text="".join(parts), path=path or None, lang=tag, segments=segments))
    return docs


def normalize_units(doc: Document, units: list[Unit]) -> Normalized:
    """The document of a file's Chinese side normalized unit by unit (never a line joined across
    two units), traditional characters folded to simplified when it declares traditional."""
    simplified = is_traditional(doc.lang)
    text: list[str] = []
    offsets = array("q")
    for u in sorted((u for u in units if u.file == doc.id and u.start >= 0), key=lambda u: u.start):
        if text:
            text.append("\n")
            offsets.append(u.start - 1)
        norm = normalize(u.zh, simplified=simplified)
        text.append(norm.text)
        offsets.extend(o + u.start for o in norm.offsets)
    return Normalized("".join(text), offsets)


def unit_location(u: Unit, start: int, end: int, form: str = "") -> Location:
    """A place in a document of Chinese sides (offsets into it) as a place in its unit (a span
    reaching past the unit, some context around a form, is cut at the unit's edges)."""
    lo, hi = max(start, u.start), min(end, u.start + len(u.zh))
    if form and (lo, hi) != (start, end):
        form = form[lo - start : len(form) - (end - hi)]
    start, end = lo, max(lo, hi)
    loc = location(u, start - u.start, end - u.start, form)
    loc.start, loc.end, loc.sentence_start = start, end, u.start
    return loc


def location(u: Unit, start: int = 0, end: int = 0, form: str = "") -> Location:
    """A place in the Chinese side (offsets into ``u.zh``), with the English side beside it."""
    return Location(
        doc_id=u.file,
        start=start,
        end=end,
        sentence=u.zh,
        form=form,
        sentence_start=0,
        side="target" if u.zh_is_target else "source",
        segment_id=f"{u.file}#{u.id}" + (f" (line {u.line})" if u.line else ""),
        other=u.en,
        line=u.line or 0,
        path=u.path,
    )


class EnglishTermFinder:
    """Glossary English terms in English text, matched on keys (case, hyphens, plurals, spelling)."""

    def __init__(self, glossary):
        self.by_key: dict[tuple[str, ...], Concept] = {}
        for concept in glossary.concepts:
            for t in concept.terms_in("en"):
                words = tuple(en_key(t.text).split())
                if words and len(words) <= MAX_TERM_WORDS:
                    self.by_key.setdefault(words, concept)
        self.longest = max((len(k) for k in self.by_key), default=0)

    def find(self, text: str) -> list[tuple[Concept, str]]:
        """Concepts whose English term occurs (longest match first, no overlaps)."""
        words = en_key(text).split()
        out, i = [], 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                concept = self.by_key.get(tuple(words[i : i + n]))
                if concept is not None:
                    out.append((concept, " ".join(words[i : i + n])))
                    i += n
                    break
            else:
                i += 1
        return out


def zh_forms_in(text: str, concept: Concept, traditional: bool = False) -> list[tuple[str, str, int]]:
    """``(form, status, position)`` of the concept's Chinese forms in ``text`` (normalized match;
    ``traditional``: text in traditional characters, both sides folded to simplified)."""
    norm = normalize_key(text, simplified=traditional)
    found = []
    for t in sorted(concept.terms_in("zh"), key=lambda t: -len(t.text)):
        key = normalize_key(t.text, simplified=traditional)
        pos = norm.find(key)
        if pos >= 0 and not any(key in f for f, _, _ in found):
            found.append((t.text, t.status, pos))
    return found
