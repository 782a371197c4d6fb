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
_INTERNAL_SUBSET_RE = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.I)
_ENCODING_DECL_RE = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._\-]+)[\"']")
# Larger XML files are refused rather than loaded whole (TERMKIT_MAX_XML_MB overrides).
DEFAULT_MAX_XML_MB = 64


def max_xml_bytes() -> int:
    try:
        return int(float(os.environ.get("TERMKIT_MAX_XML_MB", DEFAULT_MAX_XML_MB)) * 2**20)
    except ValueError:
        return DEFAULT_MAX_XML_MB * 2**20


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
    m = _INTERNAL_SUBSET_RE.search(head_ascii)
    if m:
        line = head_ascii[: m.start()].count(b"\n") + 1
        raise InputError("XML has a DOCTYPE with an internal subset ([...]); refused for safety", path, line)
    check_declared_encoding(head, path)


def check_declared_encoding(head: bytes, path: str) -> None:
    """Refuse a file whose encoding declaration lies: it claims a single-byte encoding (which
    would turn every Chinese character into mojibake without an error) but is UTF-8."""
    m = _ENCODING_DECL_RE.match(head)
    if not m:
        return
    declared = m.group(1).decode("ascii").lower()
    if declared.replace("_", "-") in ("utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "utf-32"):
        return
    body = head[m.end() :]
    if not any(b >= 0x80 for b in body):
        return
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(body) - 4:  # a cut-off final character is not a decoding failure
            return
    line = head[: m.end() + next(i for i, b in enumerate(body) if b >= 0x80)].count(b"\n") + 1
    raise InputError(
        f"the XML declaration says encoding={m.group(1).decode()!r} but the file is UTF-8; fix the declaration",
        path,
        line,
    )


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
    size = p.stat().st_size
    if size > max_xml_bytes():
        raise InputError(
            f"XML file of {size / 2**20:,.0f} MB is larger than the {max_xml_bytes() / 2**20:,.0f} MB limit "
            "(split it, or raise TERMKIT_MAX_XML_MB)",
            shown,
        )
    check_prolog(head, shown)
    try:
        return etree.parse(str(p), safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        message = exc.msg.split(", line ")[0] if exc.msg else "not well-formed XML"
        raise InputError(f"XML error: {message}", shown, line) from None
    except OSError as exc:  # libxml2 reports some decoding failures as a read error
        reason = str(exc).rsplit(": ", 1)[-1] if ": " in str(exc) else str(exc)
        raise InputError(f"XML error: {reason.lower()}", shown) from None


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
