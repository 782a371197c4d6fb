"""Safe XML parsing for every XML format termkit reads (TBX, TMX, XLIFF).

Files come from clients and strangers, so the parser never resolves entities, never loads a DTD
and never touches the network; a document that declares entities (XXE, billion laughs) is
refused outright, since a glossary or translation memory has no need for them.

The decision is taken on the parsed document — libxml2's own view of the DTD, whatever comes
before it or however it is encoded — with a quick scan of the prolog first for a message with a
line number. Encodings XML documents have no need for (UTF-7, EBCDIC …) are refused: they are
only ever used to hide markup from text scanners. A file is read no further than its size limit
(``TERMKIT_MAX_XML_MB``), checked while reading, so a device or a growing file cannot exhaust
memory.
"""

from __future__ import annotations

import os
import re

from lxml import etree

from ..errors import InputError
from .limits import DEFAULT_MAX_XML_MB, check_not_device, max_xml_bytes, read_limited, too_large  # noqa: F401

# Read at most this much before deciding whether a DOCTYPE declares entities.
_PROLOG_BYTES = 64 * 1024
_ENTITY_DECL_RE = re.compile(rb"<!ENTITY", re.I)
_INTERNAL_SUBSET_RE = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.I)
_ENCODING_DECL_RE = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._\-]+)[\"']")
# Encodings a termbase, memory or XLIFF file may be in; anything else is refused.
_ALLOWED_ENCODINGS = re.compile(
    r"(utf-?8|utf-?16(-?[lb]e)?|utf-?32(-?[lb]e)?|ucs-?[24]|(us-)?ascii|iso[-_]?8859-\d+|latin-?1|"
    r"(windows|cp)-?12\d\d|gb18030|gbk|gb2312|cp936|euc-(cn|jp|kr|tw)|big-?5(-hkscs)?|cp950|"
    r"shift[-_]jis|sjis|cp932|iso-2022-(jp|kr|cn)|koi8-[ru])",
    re.I,
)


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


def check_encoding_name(name: str, path: str, line: int | None = 1) -> None:
    if not _ALLOWED_ENCODINGS.fullmatch(name.strip()):
        raise InputError(
            f"XML in encoding {name!r} refused (termkit reads XML in UTF-8/16, GB18030, Big5 and other "
            "text encodings; re-save the file as UTF-8)",
            path,
            line,
        )


def check_parsed(tree: etree._ElementTree, path: str) -> None:
    """The decision on the parsed document: libxml2's own view of the DTD and the encoding."""
    info = tree.docinfo
    if info.encoding:
        check_encoding_name(info.encoding, path, None)
    dtd = info.internalDTD
    if dtd is not None and next(iter(dtd.iterentities()), None) is not None:
        raise InputError("XML declares entities (<!ENTITY>); refused for safety (XXE / entity expansion)", path)


def check_declared_encoding(head: bytes, path: str) -> None:
    """Refuse a file whose encoding declaration lies: it claims a single-byte encoding (which
    would turn every Chinese character into mojibake without an error) but is UTF-8; refuse
    encodings XML has no need for (UTF-7)."""
    m = _ENCODING_DECL_RE.match(head)
    if not m:
        return
    check_encoding_name(m.group(1).decode("ascii"), path, head[: m.start(1)].count(b"\n") + 1)
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
    limit = max_xml_bytes()
    try:
        fh = open(path, "rb")  # noqa: SIM115
    except OSError:
        read_limited(path, limit, "an XML file", "XML")  # its one-line error
        raise
    with fh:
        check_not_device(fh.fileno(), shown, "an XML file")
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise too_large(shown, "XML", limit, "TERMKIT_MAX_XML_MB", size)
        head = fh.read(_PROLOG_BYTES)
        if not head.strip():
            raise InputError("empty file", shown)
        check_prolog(head, shown)
        parser = safe_parser()
        read = 0
        chunk = head

        def feed() -> None:
            nonlocal chunk, read
            while chunk:  # fed a block at a time, the bytes never all held: memory is the tree's
                read += len(chunk)
                if read > limit:
                    raise too_large(shown, "XML", limit, "TERMKIT_MAX_XML_MB")
                parser.feed(chunk)
                chunk = fh.read(1 << 20)

        return _parse(lambda: (feed(), parser.close())[1], shown).getroottree()


def parse_xml_bytes(data: bytes, path: str = "<bytes>") -> etree._Element:
    check_prolog(data[:_PROLOG_BYTES], path)
    return _parse(lambda: etree.fromstring(data, safe_parser()), path)


def _parse(parse, path: str) -> etree._Element:
    try:
        root = parse()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        message = exc.msg.split(", line ")[0] if exc.msg else "not well-formed XML"
        raise InputError(f"XML error: {message}", path, line) from None
    except (OSError, ValueError, LookupError) as exc:  # libxml2 reports some decoding failures so
        reason = str(exc).rsplit(": ", 1)[-1] if ": " in str(exc) else str(exc)
        raise InputError(f"XML error: {reason.lower()}", path) from None
    check_parsed(root.getroottree(), path)
    return root


def local_name(element) -> str:
    """Tag without namespace: ``{urn:iso:std:iso:30042:ed-2}termEntry`` → ``termEntry``."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def text_of(element) -> str:
    """All text inside an element, inline markup dropped (``<ph>``, ``<g>``, ``<hi>`` …)."""
    return "".join(element.itertext())
