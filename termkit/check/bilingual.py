"""What the bilingual checks share: EN–ZH units, glossary terms found in the English side, and
locations that show both sides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..glossary.keys import en_key
from ..model import Concept, Location, TranslationUnit, lang_base
from ..text.normalize import normalize_key

MAX_TERM_WORDS = 10


@dataclass
class Unit:
    """A translation unit seen as English and Chinese, whichever side is the source."""

    file: str  # the file's id (its stem), like a document id
    id: str
    en: str
    zh: str
    zh_is_target: bool = True
    line: Optional[int] = None


def units_from(file_id: str, tus: list[TranslationUnit]) -> list[Unit]:
    """EN–ZH units of a TMX/XLIFF file (units in other languages, or without a target, left out)."""
    out = []
    for tu in tus:
        langs = (lang_base(tu.src_lang), lang_base(tu.tgt_lang))
        if langs == ("en", "zh"):
            out.append(Unit(file_id, tu.id, tu.source, tu.target, True, tu.line))
        elif langs == ("zh", "en"):
            out.append(Unit(file_id, tu.id, tu.target, tu.source, False, tu.line))
    return [u for u in out if u.en.strip() and u.zh.strip()]


def location(u: Unit, start: int = 0, end: int = 0, form: str = "") -> Location:
    """A place in the Chinese side, with the English side beside it."""
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
                concept = self.by_key.get(tuple(words[i:i + n]))
                if concept is not None:
                    out.append((concept, " ".join(words[i:i + n])))
                    i += n
                    break
            else:
                i += 1
        return out


def zh_forms_in(text: str, concept: Concept) -> list[tuple[str, str, int]]:
    """``(form, status, position)`` of the concept's Chinese forms in ``text`` (normalized match)."""
    norm = normalize_key(text)
    found = []
    for t in sorted(concept.terms_in("zh"), key=lambda t: -len(t.text)):
        key = normalize_key(t.text)
        pos = norm.find(key)
        if pos >= 0 and not any(key in f for f, _, _ in found):
            found.append((t.text, t.status, pos))
    return found
