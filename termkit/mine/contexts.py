"""Contexts: a mined candidate's example sentences and the form it is shown in.

The scan (:mod:`.scan`) records example *places* (document, start, end) for every shortlisted
candidate; once the ranking has kept the few it returns, :func:`fill_sentences` gives those
places their sentences, splitting into sentences only the documents that supply them.
:func:`written_form` picks how a candidate is shown: as the corpus most often writes it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..documents import detect_lang
from ..model import Context, Document
from ..text.chars import SUPERSCRIPT_DIGITS
from ..text.segment import SegmentsByOffset, SentenceAt
from .chunks import chunk_documents
from .execute import Found


def fill_sentences(
    contexts: Iterable[Context], get_document, executor=None, sources: dict | None = None, encoding=None
) -> None:
    """Set each context's sentence: the segment of its document that holds its start.

    ``get_document(doc_id)`` returns the Document (read again from its file when needed); each
    document is split into sentences once. With an ``executor`` of several workers
    (:mod:`.execute`) and ``sources`` (document id → the chunk item a worker reads it from,
    :func:`.chunks.chunk_documents`), the documents read from files are split in the workers, at
    the same time: the same sentences, without the parent splitting one document after another.
    """
    by_doc: dict[str, list[Context]] = {}
    for c in contexts:
        if not c.sentence:
            by_doc.setdefault(c.doc_id, []).append(c)
    if executor is not None and getattr(executor, "workers", 1) > 1 and sources:
        tasks = [(sources[d], [c.start for c in ctxs]) for d, ctxs in by_doc.items() if d in sources]
        if len(tasks) > 1:
            found = executor.map_reduce(sentences_at, tasks, encoding) or Found()
            for d, ctxs in list(by_doc.items()):
                if d in found:
                    for c, sentence in zip(ctxs, found[d]):
                        c.sentence = sentence
                    del by_doc[d]
    for doc_id, ctxs in by_doc.items():
        sentences = _Sentences(get_document(doc_id))
        for c in ctxs:
            c.sentence = sentences.at(c.start) or ""


def sentences_at(task, encoding=None) -> Found:
    """The map task of :func:`fill_sentences`: ``(chunk item, offsets)`` → the sentences of that
    document at those offsets."""
    item, offsets = task
    (doc,) = chunk_documents([item], encoding)
    sentences = _Sentences(doc)
    return Found({doc.id: [sentences.at(o) or "" for o in offsets]})


class _Sentences:
    """The sentences of a document found by original offset: its own segments when it has
    them (:class:`~termkit.text.segment.SegmentsByOffset`), else only the paragraphs that hold
    the offsets asked about, split on first use (:class:`~termkit.text.segment.SentenceAt`)."""

    def __init__(self, doc: Document):
        if doc.segments or not doc.text:
            self._find = SegmentsByOffset(doc.segments)
        else:
            lang = doc.lang if doc.lang in ("zh", "en") else detect_lang(doc.text)
            self._find = SentenceAt(doc.text, lang, doc.id)

    def at(self, offset: int):
        seg = self._find(offset)
        return seg.content if seg is not None else None


_NOT_PART_OF_A_TERM = frozenset("\n\r*") | frozenset(SUPERSCRIPT_DIGITS)


def written_form(forms: Counter | None, fallback: str) -> str:
    """The candidate as it is most often written, else ``fallback`` (the normalized form): the
    most common original form without a line break or a footnote mark inside (临时议程*项目 is
    临时议程项目 with a footnote on 议程)."""
    if forms:
        for form, _ in forms.most_common():
            if not _NOT_PART_OF_A_TERM.intersection(form):
                return form
    return fallback
