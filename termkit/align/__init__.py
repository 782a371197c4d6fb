"""EN–ZH alignment.

``align(src_sentences, tgt_sentences, src_lang="en", glossary=None)`` aligns two lists of
sentences into beads (:class:`termkit.model.SentencePair`); ``align_checked(…)`` does the same
and returns the self-check's findings too (:class:`Alignment`: the stretches left unaligned, a
document score); ``align_documents(src_path, tgt_path, …)`` reads two files, splits them into
sentences (or takes one sentence per line with ``presplit=True``) and aligns them, with
:meth:`AlignedDocuments.warnings` saying what was left unaligned.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..documents import segment_document
from ..errors import InputError
from ..formats.txt import read_text
from ..model import SentencePair
from ..text.chars import dominant_script
from .cost import AlignParams
from .sentences import Alignment, Stretch, align_checked, align_sentences

if TYPE_CHECKING:
    from ..glossary import Glossary


def align(
    src_sentences: Sequence[str],
    tgt_sentences: Sequence[str],
    src_lang: str = "en",
    glossary: Glossary | None = None,
    params: AlignParams | None = None,
) -> list[SentencePair]:
    """Align English and Chinese sentences (``src_lang`` says which list is the source).

    ``glossary`` (a :class:`termkit.glossary.Glossary`) adds its EN–ZH term pairs to the
    dictionary. Returns beads in order; see :func:`termkit.align.sentences.align_sentences`.
    """
    return align_sentences(src_sentences, tgt_sentences, src_lang=src_lang, glossary=glossary, params=params)


@dataclass
class AlignedDocuments:
    """Two documents' sentences and the beads between them.

    ``stretches``: runs of sentences left unaligned (see :class:`Stretch`); ``score``: the mean
    bead score per sentence, unaligned sentences counting 0 (a wrong translation scores near 0).
    """

    src: list[str]
    tgt: list[str]
    pairs: list[SentencePair]
    src_lang: str
    tgt_lang: str
    src_path: str = ""
    tgt_path: str = ""
    stretches: list[Stretch] = field(default_factory=list)
    score: float = 0.0

    def warnings(self) -> list[tuple[str, str]]:
        """(file, message) per file with sentences left unaligned in runs, for the person at the
        terminal: ``412 sentences left unaligned (121–532): no translation found …``."""
        return stretch_warnings(self.stretches, len(self.src), len(self.tgt), self.src_path, self.tgt_path)


def stretch_warnings(stretches, n_src: int, n_tgt: int, src_path: str, tgt_path: str) -> list[tuple[str, str]]:
    """The messages of :meth:`AlignedDocuments.warnings` (sentence numbers 1-based)."""
    out = []
    for k, path, other, total in ((0, src_path, tgt_path, n_src), (1, tgt_path, src_path, n_tgt)):
        mine = [(s.tgt if k else s.src, s.unsupported) for s in stretches]
        ranges = [r for r, _ in mine if r[1] > r[0]]
        if not ranges:
            continue
        count = sum(b - a for a, b in ranges)
        shown = ", ".join(f"{a + 1}–{b}" if b - a > 1 else str(a + 1) for a, b in ranges[:4])
        if len(ranges) > 4:
            shown += ", …"
        other = other or "the other file"
        if any(bad and r[1] > r[0] for r, bad in mine):
            why = f"the pairs found there shared no more words than a wrong translation would (is {other} its translation?)"
        else:
            why = f"no counterpart in {other}"
        out.append((path, f"{count} sentences left unaligned (of {total}; sentences {shown}): {why}"))
    return out


def document_sentences(
    path: str | os.PathLike, lang: str, presplit: bool = False, encoding: str | None = None
) -> list[str]:
    """The sentences of a text file: its lines as they are (``presplit``), else segmented.

    With ``presplit`` the sentence ids are the 0-based line numbers, blank lines included, so
    that the output can be compared with a gold alignment of the same files.
    """
    doc = read_text(path, encoding=encoding, lang=lang)
    if presplit:
        lines = doc.text.splitlines()
        while lines and not lines[-1].strip():
            lines.pop()
        return [line.strip() for line in lines]
    segment_document(doc, lang)
    return [seg.content for seg in doc.segments]


def align_documents(
    src_path: str | os.PathLike,
    tgt_path: str | os.PathLike,
    src_lang: str = "en",
    glossary: Glossary | None = None,
    presplit: bool = False,
    encoding: str | None = None,
    params: AlignParams | None = None,
) -> AlignedDocuments:
    """Read, split and align a source document and its translation (English and Chinese).

    What the self-check left unaligned is logged as warnings (logger ``termkit.warnings``, one
    per file: the messages of :meth:`AlignedDocuments.warnings`)."""
    if src_lang not in ("en", "zh"):
        raise ValueError(f"src_lang must be 'en' or 'zh', not {src_lang!r}")
    tgt_lang = "zh" if src_lang == "en" else "en"
    src = document_sentences(src_path, src_lang, presplit, encoding)
    tgt = document_sentences(tgt_path, tgt_lang, presplit, encoding)
    _check_languages({src_lang: (src_path, src), tgt_lang: (tgt_path, tgt)})
    result = align_checked(src, tgt, src_lang=src_lang, glossary=glossary, params=params)
    aligned = AlignedDocuments(
        src, tgt, result.pairs, src_lang, tgt_lang, str(src_path), str(tgt_path), result.stretches, result.score
    )
    # said where every caller hears it (`termkit align`, `check --source`): termkit: warning: FILE: …
    for path, message in aligned.warnings():
        logging.getLogger("termkit.warnings").warning("%s: %s", path, message)
    return aligned


_LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}


def _check_languages(sides: dict) -> None:
    """Stop when a file is not in the language it was given as (two files swapped, say): the beads
    and the TMX written from them would carry the wrong ``xml:lang``."""
    found = {lang: dominant_script("\n".join(sentences)) for lang, (_, sentences) in sides.items()}
    wrong = [lang for lang, script in found.items() if script is not None and script != lang]
    if not wrong:
        return
    if len(wrong) == 2:
        en_path, zh_path = sides["en"][0], sides["zh"][0]
        raise InputError(
            f"the English file is Chinese text and the Chinese file ({zh_path}) is English: "
            "the two look swapped (the English file comes first)",
            str(en_path),
        )
    lang = wrong[0]
    path = sides[lang][0]
    raise InputError(
        f"given as the {_LANGUAGE_NAMES[lang]} file, but the text is {_LANGUAGE_NAMES[found[lang]]}", str(path)
    )


__all__ = [
    "AlignParams",
    "AlignedDocuments",
    "Alignment",
    "Stretch",
    "align",
    "align_checked",
    "align_documents",
    "align_sentences",
    "document_sentences",
    "stretch_warnings",
]
