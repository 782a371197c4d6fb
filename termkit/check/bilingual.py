"""What the bilingual checks share: EN–ZH units, glossary terms found in the English side, and
locations that show both sides."""

from __future__ import annotations

from dataclasses import dataclass

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
    line: int | None = None


def units_from(file_id: str, tus: list[TranslationUnit]) -> tuple[list[Unit], list[tuple[str, int, str]]]:
    """EN–ZH units of a TMX/XLIFF file, and what was left out: units in other languages, or with
    an empty side (no target, or inline codes only), as ``(line, count, message)`` per kind."""
    out, skipped = [], {}
    for tu in tus:
        langs = (lang_base(tu.src_lang), lang_base(tu.tgt_lang))
        if langs == ("en", "zh"):
            unit = Unit(file_id, tu.id, tu.source, tu.target, True, tu.line)
        elif langs == ("zh", "en"):
            unit = Unit(file_id, tu.id, tu.target, tu.source, False, tu.line)
        else:
            skipped.setdefault(f"not English–Chinese ({tu.src_lang or '?'}→{tu.tgt_lang or '?'})", []).append(tu)
            continue
        if not unit.en.strip() or not unit.zh.strip():
            skipped.setdefault("without text on one side (no target, or inline codes only)", []).append(tu)
            continue
        out.append(unit)
    left_out = [
        (
            tus_skipped[0].line,
            len(tus_skipped),
            f"{len(tus_skipped)} unit(s) {why} left out, the first is {tus_skipped[0].id!r}",
        )
        for why, tus_skipped in skipped.items()
    ]
    return out, left_out


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
                concept = self.by_key.get(tuple(words[i : i + n]))
                if concept is not None:
                    out.append((concept, " ".join(words[i : i + n])))
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
