"""Office Open XML packages (.docx) opened safely: a zip of XML parts that a stranger may have built.

Nothing in a package is trusted. The zip is opened without extracting anything to disk; a part is
read only up to its size limit (:func:`~termkit.formats.xmlsafe.max_xml_bytes`, 64 MB by default,
``TERMKIT_MAX_XML_MB``), whatever the zip's directory claims, and a package that unpacks to more
than :data:`MAX_UNPACKED` is refused (zip bombs). Every part is parsed by
:mod:`termkit.formats.xmlsafe` (no entities, no DTD, no network), and a part with any DOCTYPE is
refused: OOXML has none. A relationship that points outside the package (``TargetMode="External"``)
is refused unless it is a hyperlink — a link a reader clicks, never content that Word loads (an
attached template, a linked image or OLE object, a sub-document, an imported chunk could make a
reader fetch a file or a URL); termkit never follows any relationship out of the package.
"""

from __future__ import annotations

import os
import posixpath
import stat
import zipfile
from dataclasses import dataclass

from lxml import etree

from ..errors import InputError
from .xmlsafe import local_name, max_xml_bytes, parse_xml_bytes

MAX_UNPACKED = 512 * 1024 * 1024
MAX_ENTRIES = 20_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HYPERLINK = "/hyperlink"
OFFICE_DOCUMENT = "/officeDocument"


@dataclass
class Relationship:
    id: str
    type: str  # the full type URI; compare its end (``/footnotes``)
    target: str  # the part's name inside the package (resolved), or the external target


class Package:
    """An open OOXML package: ``part(name)`` parses a part, ``rels(name)`` its relationships."""

    def __init__(self, path: str | os.PathLike, kind: str = ".docx"):
        self.shown = str(path)
        self.kind = kind
        a_kind = ("an " if kind[1:2] in "aeiouxAEIOUX" else "a ") + kind
        try:
            with open(path, "rb") as fh:
                if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                    raise InputError(f"not a regular file (a device or a pipe); expected {a_kind} file", self.shown)
                magic = fh.read(8)
        except FileNotFoundError:
            raise InputError("no such file", self.shown) from None
        except IsADirectoryError:
            raise InputError(f"is a directory, expected a {kind} file", self.shown) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", self.shown) from None
        if magic == _OLE_MAGIC:
            raise InputError(
                f"not {a_kind} file: a password-protected document or an old binary .doc "
                f"(save it as {kind} without a password)",
                self.shown,
            )
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, OverflowError):
            raise InputError(f"not {a_kind} file (not a zip archive)", self.shown) from None
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise InputError(f"refused: the package holds {len(infos):,} files (more than {MAX_ENTRIES:,})", self.shown)
        if sum(i.file_size for i in infos) > MAX_UNPACKED:
            raise InputError(f"refused: unpacks to more than {MAX_UNPACKED // 2**20} MiB (zip bomb?)", self.shown)
        self.names = {i.filename.lstrip("/"): i for i in infos}
        self._lower = {name.lower(): name for name in self.names}

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, name: str) -> bool:
        return name.lower() in self._lower

    def read(self, name: str) -> bytes:
        """A part's bytes, read no further than the size limit (whatever the zip claims)."""
        info = self.names[self._lower[name.lower()]]
        limit = max_xml_bytes()
        if info.file_size > limit:
            raise self._too_large(name, info.file_size)
        try:
            with self.zip.open(info) as fh:
                data = fh.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
            raise InputError(f"damaged {self.kind} file: part {name} cannot be unpacked ({exc})", self.shown) from None
        except Exception as exc:  # zlib.error and the like from a forged archive
            raise InputError(f"damaged {self.kind} file: part {name} cannot be unpacked ({exc})", self.shown) from None
        if len(data) > limit:
            raise self._too_large(name, len(data))
        return data

    def _too_large(self, name: str, size: int) -> InputError:
        limit = max_xml_bytes()
        return InputError(
            f"refused: part {name} unpacks to more than {limit / 2**20:,.0f} MB "
            "(zip bomb? raise TERMKIT_MAX_XML_MB for a real document this large)",
            self.shown,
        )

    def part(self, name: str) -> etree._Element:
        """A part parsed safely; a DOCTYPE (entities, DTDs) is refused, decided on the parsed part."""
        data = self.read(name)
        refused = f"refused for safety: part {name} declares a DOCTYPE or entities (XXE / entity expansion)"
        head = data[:4096].replace(b"\x00", b"").upper()
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise InputError(refused, self.shown)
        try:
            root = parse_xml_bytes(data, self.shown)
        except InputError as exc:
            if exc.message.startswith(("XML declares entities", "XML has a DOCTYPE")):
                raise InputError(refused, self.shown) from None
            at = f" line {exc.line}" if exc.line else ""
            raise InputError(f"damaged {self.kind} file: part {name}{at}: {exc.message}", self.shown) from None
        if root.getroottree().docinfo.doctype:
            raise InputError(refused, self.shown)
        return root

    def rels(self, name: str) -> list[Relationship]:
        """The relationships of a part (``""``: the package's own), targets resolved to part names.
        An external relationship other than a hyperlink is refused."""
        folder, base = posixpath.split(name)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return []
        out = []
        for el in self.part(rels_name):
            if local_name(el) != "Relationship":
                continue
            rtype = el.get("Type", "")
            target = el.get("Target", "")
            if el.get("TargetMode", "").lower() == "external":
                if rtype.endswith(_HYPERLINK):
                    continue
                kind = rtype.rsplit("/", 1)[-1] or "?"
                raise InputError(
                    f"refused for safety: part {name or '(package)'} has an external relationship "
                    f"({kind} → {target[:80]}) that would load content from outside the document",
                    self.shown,
                )
            if target.startswith("/"):
                resolved = posixpath.normpath(target.lstrip("/"))
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            if resolved.startswith("../") or resolved == "..":
                raise InputError(
                    f"refused for safety: part {name or '(package)'} points outside the package ({target[:80]})",
                    self.shown,
                )
            out.append(Relationship(el.get("Id", ""), rtype, resolved))
        return out

    def check_all_rels(self) -> None:
        """Look at every relationship part of the package (external targets are refused)."""
        for name in list(self.names):
            folder, base = posixpath.split(name)
            if posixpath.basename(folder) == "_rels" and base.endswith(".rels"):
                owner = posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])
                self.rels(owner if base != ".rels" else "")

    def main_part(self) -> str:
        """The name of the package's main part (``word/document.xml``)."""
        for rel in self.rels(""):
            if rel.type.endswith(OFFICE_DOCUMENT) and self.has(rel.target):
                return rel.target
        for name in ("word/document.xml",):
            if self.has(name):
                return name
        raise InputError(f"not a {self.kind} file (no main document part)", self.shown)
