"""Safe XML parsing for every XML format termkit reads (TBX, TMX, XLIFF).

Files come from clients and strangers, so the parser never resolves entities, never loads a DTD
and never touches the network; a document that declares entities (XXE, billion laughs) is
refused outright, since a glossary or translation memory has no need for them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from ..errors import InputError

# Read at most this much before deciding whether a DOCTYPE declares entities.
_PROLOG_BYTES = 64 * 1024
_ENTITY_DECL_RE = re.compile(rb"<!ENTITY", re.I)
_DOCTYPE_RE = re.compile(rb"<!DOCTYPE[^>\[]*(\[)?", re.I)


def safe_parser(**options) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        **options,
    )


def check_prolog(head: bytes, path: str) -> None:
    """Refuse entity declarations (internal DTD subsets are where XXE and entity bombs live)."""
    head_ascii = head.replace(b"\x00", b"")  # UTF-16 files: look at the ASCII bytes only
    m = _ENTITY_DECL_RE.search(head_ascii)
    if m:
        line = head_ascii[: m.start()].count(b"\n") + 1
        raise InputError("XML declares entities (<!ENTITY>); refused for safety (XXE / entity expansion)", path, line)


def parse_xml(path: str | os.PathLike) -> etree._ElementTree:
    """Parse an XML file safely; errors become one-line InputErrors with the line number."""
    shown = str(path)
    p = Path(path)
    if p.is_dir():
        raise InputError("is a directory, expected an XML file", shown)
    try:
        with open(p, "rb") as fh:
            head = fh.read(_PROLOG_BYTES)
    except FileNotFoundError:
        raise InputError("no such file", shown) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
    if not head.strip():
        raise InputError("empty file", shown)
    check_prolog(head, shown)
    try:
        return etree.parse(str(p), safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        message = exc.msg.split(", line ")[0] if exc.msg else "not well-formed XML"
        raise InputError(f"XML error: {message}", shown, line) from None


def parse_xml_bytes(data: bytes, path: str = "<bytes>") -> etree._Element:
    check_prolog(data[:_PROLOG_BYTES], path)
    try:
        return etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"XML error: {exc.msg}", path, exc.lineno or None) from None


def local_name(element) -> str:
    """Tag without namespace: ``{urn:iso:std:iso:30042:ed-2}termEntry`` → ``termEntry``."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def text_of(element) -> str:
    """All text inside an element, inline markup dropped (``<ph>``, ``<g>``, ``<hi>`` …)."""
    return "".join(element.itertext())
