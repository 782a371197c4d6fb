"""The corpus as chunks: the unit of work of the miner's maps.

Every executor (:mod:`.execute`) runs the maps over the same plan of chunks
(:func:`plan_chunks`), and each task reads its chunk's documents itself
(:func:`chunk_documents`), one at a time, so that only paths travel to the workers.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from ..formats.txt import read_text, read_text_part, text_parts
from ..model import Document

#: A chunk: files as ``(path, doc_id)`` pairs, or Document objects given in memory.
Chunk = list

#: Default size of a chunk of files (bytes on disk). Chunking decides which example sentences
#: are kept, so every executor uses the same plan.
CHUNK_BYTES = 8_000_000
#: Files larger than this are read in parts. A document is otherwise read whole, and while it is
#: segmented it takes some 35 times its size in memory (the text, its offset map, the tokens).
PART_BYTES = 4_000_000


def plan_chunks(
    files: Sequence[tuple[str, str]],
    docs: Sequence[Document] = (),
    chunk_bytes: int = CHUNK_BYTES,
    encoding: str | None = None,
    part_bytes: int = PART_BYTES,
) -> list[Chunk]:
    """The corpus as chunks: in-memory documents first (one chunk), then files grouped in order
    into chunks of about ``chunk_bytes`` (a larger file is a chunk of its own). A file larger than
    ``part_bytes`` is cut at line ends into parts of about ``part_bytes``
    (:func:`..formats.txt.text_parts`), one chunk each, so that no task holds more than that:
    part *k* of ``doc`` is the document ``doc#k`` (for document frequency and for the offsets of
    example sentences)."""
    chunks: list[Chunk] = []
    if docs:
        chunks.append(list(docs))
    size = 0
    start = len(chunks)
    for path, doc_id in files:
        try:
            n = os.path.getsize(path)
        except OSError:
            n = 0
        where = os.path.abspath(path)  # workers may run elsewhere
        if n > part_bytes:
            parts = text_parts(path, part_bytes, encoding)
            if len(parts) > 1:
                for k, (b, e) in enumerate(parts, 1):
                    chunks.append([(where, f"{doc_id}#{k}", b, e)])
                size = chunk_bytes  # the next file starts a chunk of its own
                start = -1
                continue
        if len(chunks) == start or size + n > chunk_bytes:
            chunks.append([])
            start = -1
            size = 0
        chunks[-1].append((where, doc_id))
        size += n
    return chunks


def chunk_documents(chunk: Chunk, encoding: str | None = None) -> Iterable[Document]:
    """The documents of a chunk, read one at a time."""
    for item in chunk:
        if isinstance(item, Document):
            yield item
        elif len(item) == 4:
            path, doc_id, begin, end = item
            yield read_text_part(path, begin, end, encoding=encoding, doc_id=doc_id)
        else:
            path, doc_id = item
            yield read_text(path, encoding=encoding, doc_id=doc_id)
