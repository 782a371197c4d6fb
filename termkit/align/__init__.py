"""EN–ZH alignment.

``align(src_sentences, tgt_sentences, src_lang="en", glossary=None)`` aligns two lists of
sentences into beads (:class:`termkit.model.SentencePair`); ``align_documents(src_path,
tgt_path, …)`` reads two files, splits them into sentences (or takes one sentence per line with
``presplit=True``) and aligns them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..documents import segment_document
from ..errors import InputError
from ..formats.txt import read_text
from ..model import SentencePair
from ..text.chars import dominant_script
from .cost import AlignParams
from .sentences import align_sentences

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
    """Two documents' sentences and the beads between them."""

    src: list[str]
    tgt: list[str]
    pairs: list[SentencePair]
    src_lang: str
    tgt_lang: str
    src_path: str = ""
    tgt_path: str = ""


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
    """Read, split and align a source document and its translation (English and Chinese)."""
    if src_lang not in ("en", "zh"):
        raise ValueError(f"src_lang must be 'en' or 'zh', not {src_lang!r}")
    tgt_lang = "zh" if src_lang == "en" else "en"
    src = document_sentences(src_path, src_lang, presplit, encoding)
    tgt = document_sentences(tgt_path, tgt_lang, presplit, encoding)
    _check_languages({src_lang: (src_path, src), tgt_lang: (tgt_path, tgt)})
    pairs = align(src, tgt, src_lang=src_lang, glossary=glossary, params=params)
    return AlignedDocuments(src, tgt, pairs, src_lang, tgt_lang, str(src_path), str(tgt_path))


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


__all__ = ["AlignParams", "AlignedDocuments", "align", "align_documents", "align_sentences", "document_sentences"]
