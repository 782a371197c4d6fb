"""Contexts: a mined candidate's example sentences and the form it is shown in.

The scan (:mod:`.scan`) records example *places* (document, start, end) for every shortlisted
candidate; once the ranking has kept the few it returns, :func:`fill_sentences` gives those
places their sentences, splitting into sentences only the documents that supply them.
:func:`written_form` picks how a candidate is shown: as the corpus most often writes it.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable

from ..documents import detect_lang
from ..model import Context, Document
from ..text.chars import SUPERSCRIPT_DIGITS
from ..text.segment import SentenceAt
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
    them, else only the paragraphs that hold the offsets asked about, split on first use
    (:class:`~termkit.text.segment.SentenceAt`).

    A sentence broken around a page's footnotes has parts, and the footnotes are segments of
    their own inside its span: the lookup goes by parts, which do not overlap.
    """

    def __init__(self, doc: Document):
        self._lazy = None
        if not doc.segments and doc.text:
            self._lazy = SentenceAt(doc.text, doc.lang if doc.lang in ("zh", "en") else detect_lang(doc.text), doc.id)
            return
        spans = []
        for seg in doc.segments:
            for s, e in seg.parts or ((seg.start, seg.end),):
                spans.append((s, e, seg))
        spans.sort(key=lambda x: x[0])
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def at(self, offset: int):
        if self._lazy is not None:
            seg = self._lazy(offset)
            return seg.content if seg is not None else None
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return None
        s, e, seg = self.spans[k]
        return seg.content if offset < e else None


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
