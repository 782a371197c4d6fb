"""What ``mine()`` is given: the corpus (paths or Document objects) and a glossary.

Files are not read here but listed: the maps read them chunk by chunk (:mod:`.chunks`), and
:meth:`Corpus.document` reads one again for its example sentences.
"""

from __future__ import annotations

import os

from ..errors import InputError
from ..formats.txt import corpus_files, read_text, read_text_part
from ..model import Document
from .chunks import CHUNK_BYTES, PART_BYTES, plan_chunks


def is_path(x) -> bool:
    return isinstance(x, (str, os.PathLike))


class Corpus:
    """Documents given as paths (read again for each pass) or as Document objects."""

    def __init__(self, inputs, encoding: str | None = None):
        items = list(inputs) if not isinstance(inputs, (str, os.PathLike, Document)) else [inputs]
        self.encoding = encoding
        self.parts: dict[str, tuple] = {}  # document id of a part of a large file → its chunk item
        self.paths = [x for x in items if is_path(x)]
        self.docs = [x for x in items if isinstance(x, Document)]
        if len(self.paths) + len(self.docs) != len(items):
            raise TypeError("mine() takes paths or Document objects")
        self.files = corpus_files(self.paths) if self.paths else []
        # document ids as read_corpus gives them: the file stem, or the path when stems repeat
        self.ids: dict[str, str] = {}
        seen: set[str] = set()
        for f in self.files:
            doc_id = f.stem if f.stem not in seen else str(f)
            seen.add(doc_id)
            self.ids[str(f)] = doc_id
        if not self.files and not self.docs:
            raise InputError("the corpus is empty: no documents to mine")

    @property
    def where(self) -> str | None:
        if len(self.paths) == 1:
            return str(self.paths[0])
        return None

    def plan(self, chunk_bytes: int = CHUNK_BYTES, part_bytes: int = PART_BYTES, workers: int = 1) -> list:
        """The corpus as chunks for the maps of ``workers`` (:func:`.chunks.plan_chunks`)."""
        chunks = plan_chunks(
            [(str(f), self.ids[str(f)]) for f in self.files], self.docs, chunk_bytes, self.encoding, part_bytes, workers
        )
        self.parts = {item[1]: item for c in chunks for item in c if isinstance(item, tuple) and len(item) == 4}
        return chunks

    def document(self, doc_id: str) -> Document:
        """One document by id (read again from its file, or the part of a large file)."""
        for d in self.docs:
            if d.id == doc_id:
                return d
        part = self.parts.get(doc_id)
        if part is not None:
            path, _, begin, end = part
            return read_text_part(path, begin, end, encoding=self.encoding, doc_id=doc_id)
        path = next(p for p, i in self.ids.items() if i == doc_id)
        return read_text(path, encoding=self.encoding, doc_id=doc_id)


def load_glossary(glossary):
    """The glossary to mine with: a :class:`termkit.glossary.Glossary` as given, or read from a
    path or paths; None for none."""
    if glossary is None:
        return None
    if hasattr(glossary, "index") and hasattr(glossary, "terms"):
        return glossary
    # on first use, as termkit's own __init__ does: the glossary's index loads rapidfuzz
    from ..glossary import load_glossary as read_glossary

    paths = [glossary] if is_path(glossary) else list(glossary)
    if not paths:
        return None
    return read_glossary(paths)
