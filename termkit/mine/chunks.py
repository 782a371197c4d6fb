"""The corpus as chunks: the unit of work of the miner's maps.

The executors (:mod:`.execute`) run the maps over a plan of chunks (:func:`plan_chunks`), and
each task reads its chunk's documents itself (:func:`chunk_documents`), one at a time, so that
only paths travel to the workers. Every map result merges exactly (counts, written forms, and
bottom-k samples of contexts), so the output does not depend on the plan, and the plan can
follow the number of workers: as many chunks of equal size as keep every worker busy to the end.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence

from ..formats.txt import read_text, read_text_part, text_parts
from ..model import Document

#: A chunk: files as ``(path, doc_id)`` pairs, or Document objects given in memory.
Chunk = list

#: Default (largest) size of a chunk of files, in bytes on disk: what one task holds.
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
    workers: int = 1,
) -> list[Chunk]:
    """The corpus as chunks: in-memory documents first (one chunk), then files grouped in order
    into chunks of about ``chunk_bytes``: a file goes to the chunk in which its middle byte falls,
    counting the corpus from its first byte (a file larger than a chunk is a chunk of its own).
    With several ``workers`` the chunks are made smaller where that gives each worker the same
    share (:func:`balanced_chunk_bytes`): 20 MB on two workers is four chunks of 5 MB, not
    8 + 8 + 4 MB with one worker idle while the other reads the last. A file larger than
    ``part_bytes`` is cut at line ends into parts of about ``part_bytes``
    (:func:`..formats.txt.text_parts`), one chunk each, so that no task holds more than that:
    part *k* of ``doc`` is the document ``doc#k`` (for document frequency and for the offsets of
    example sentences)."""
    chunks: list[Chunk] = []
    if docs:
        chunks.append(list(docs))
    sizes = [_size(path) for path, _ in files]
    target = balanced_chunk_bytes(sum(n for n in sizes if n <= part_bytes), chunk_bytes, workers)
    offset = 0.0  # bytes of the grouped files before this one
    current = None  # the number of the chunk the last file went to
    for (path, doc_id), n in zip(files, sizes, strict=True):
        where = os.path.abspath(path)  # workers may run elsewhere
        if n > part_bytes:
            parts = text_parts(path, part_bytes, encoding)
            if len(parts) > 1:
                chunks.extend([(where, f"{doc_id}#{k}", b, e)] for k, (b, e) in enumerate(parts, 1))
                current = None  # the next file starts a chunk of its own
                continue
        number = int((offset + n / 2) // target)
        if number != current:
            chunks.append([])
            current = number
        chunks[-1].append((where, doc_id))
        offset += n
    return chunks


def balanced_chunk_bytes(total: int, chunk_bytes: int, workers: int = 1) -> float:
    """The chunk size for ``total`` bytes on ``workers``: ``chunk_bytes`` for one worker; else
    the largest size ≤ ``chunk_bytes`` that cuts the corpus into a multiple of ``workers``
    chunks of equal size, so that no worker waits for another's last chunk."""
    chunk_bytes = max(1, chunk_bytes)
    if workers <= 1 or total <= 0:
        return chunk_bytes
    rounds = math.ceil(total / (workers * chunk_bytes))
    return total / (workers * rounds)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


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
