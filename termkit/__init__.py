"""termkit: English–Chinese terminology toolkit.

The library is the product; the ``termkit`` command is a thin layer over it::

    import termkit
    docs = list(termkit.load_documents(["seeds/"]))
    for seg in docs[0].segments[:3]:
        print(seg.start, seg.end, seg.text)
    termkit.normalize("２０２１ 年《宣言》，¹该").text   # '2021年《宣言》，该'
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("termkit")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"

from .documents import load_documents, segment_document
from .errors import InputError, TermkitError
from .formats.txt import read_corpus, read_text
from .mine import mine
from .model import Document, Segment
from .text.normalize import Normalized, normalize, normalize_key
from .text.pinyin import pinyin_key
from .text.segment import segment

__all__ = [
    "Document",
    "InputError",
    "Normalized",
    "Segment",
    "TermkitError",
    "load_documents",
    "mine",
    "normalize",
    "normalize_key",
    "pinyin_key",
    "read_corpus",
    "read_text",
    "segment",
    "segment_document",
]
