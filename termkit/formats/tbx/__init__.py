"""TBX termbases: write TBX-Basic v3 and v2, read any TBX leniently (``read()`` / ``write()``).

Writing (:mod:`.writer`): v3 (ISO 30042:2019, ``<tbx>``, ``conceptEntry``/``langSec``/``termSec``)
or v2 (ISO 30042:2008, ``<martif>``, ``termEntry``/``langSet``/``tig``, what most CAT tools read),
both valid against the official schemas; the module's docstring gives the field mapping.
Reading (:mod:`.reader`): v2 or v3 by the root element, DCA or DCT style, leniently, with every
departure from the standard reported as a warning and nothing dropped. What both share — the
namespaces and the marks that make a termkit file read back exactly — is in :mod:`.conventions`;
the picklists and language-tag mapping that the CSV and XLSX formats share too are in
:mod:`termkit.formats.vocabulary`.
"""

from ..vocabulary import (
    DEFAULT_LANG_TAGS,
    STATUS_TO_TBX,
    canonical_lang,
    canonical_pos,
    canonical_status,
    canonical_type,
    check_lang_tags,
    map_lang,
    resolve_lang_tags,
)
from .conventions import PROPOSED_NOTE, TBX_NS, XML_LANG
from .reader import TbxFile, detect_version, read, read_concepts
from .writer import build_tree, tbx_bytes, write

__all__ = [
    "DEFAULT_LANG_TAGS",
    "PROPOSED_NOTE",
    "STATUS_TO_TBX",
    "TBX_NS",
    "XML_LANG",
    "TbxFile",
    "build_tree",
    "canonical_lang",
    "canonical_pos",
    "canonical_status",
    "canonical_type",
    "check_lang_tags",
    "detect_version",
    "map_lang",
    "read",
    "read_concepts",
    "resolve_lang_tags",
    "tbx_bytes",
    "write",
]
