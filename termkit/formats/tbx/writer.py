"""Writing TBX termbases: TBX-Basic v3 and v2 (``write()``, ``tbx_bytes()``, ``build_tree()``).

- **v3** (ISO 30042:2019): ``<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"
  style="dca">``, ``conceptEntry`` / ``langSec`` / ``termSec``.
- **v2** (ISO 30042:2008, what most CAT tools read): ``<martif type="TBX-Basic">``, no namespace,
  ``termEntry`` / ``langSet`` / ``tig``, the standard XCS ``TBXBasicXCSV02.xcs``; no DOCTYPE, so
  no reader goes looking for a DTD.

Both validate against the official schemas (see ``tests/test_tbx.py``). Field mapping, the same in
both versions (element names differ only as above):

======================  =====================================================================
glossary field          TBX
======================  =====================================================================
concept id              ``id="c1"``, ``c2`` … in export order (``xsd:ID`` needs a letter first;
                        slugs like ``1961-convention`` are not IDs). The slug is kept as the
                        concept's first note, ``<note>concept_id: unodc</note>``, which
                        :func:`read` turns back into the id.
concept subject         ``<descrip type="subjectField">`` (concept level)
concept definition      ``<descrip type="definition">`` (concept level)
concept note            ``<note>`` (concept level)
term lang               ``xml:lang`` of the language section, mapped by ``lang_tags``
                        (default ``zh`` → ``zh-CN``; ``en`` stays ``en``). The mapping is written
                        into the header (``<p>termkit-language-tags: en=en, zh=zh-CN</p>``) so that
                        reading the file back restores the original tags.
term text               ``<term>``
term status             ``<termNote type="administrativeStatus">`` ``preferredTerm-admn-sts``,
                        ``admittedTerm-admn-sts``, ``deprecatedTerm-admn-sts``,
                        ``supersededTerm-admn-sts``
term type               ``<termNote type="termType">``
term pos                ``<termNote type="partOfSpeech">`` (v3 has no ``properNoun``: written as
                        ``noun`` plus a note ``partOfSpeech: properNoun``)
term definition         ``<descrip type="definition">`` at language level (TBX-Basic allows
                        definitions only at concept and language level). A definition of the
                        language's first term has no target; one of a later term points at it
                        with ``target="c1-3"`` (that term's ``id``).
term note               ``<note>`` in the term section. Lines of the note that read
                        ``context: …`` are written as ``<descrip type="context">`` (contexts of
                        mined candidates), in place, so the note reads back unchanged.
term source             ``<admin type="source">`` in the term section
======================  =====================================================================

A value outside the dialect's picklist (an unknown status, type or part of speech) is never
written as an invalid value: it goes into a note (``partOfSpeech: preposition``) and ``write``
returns a warning. Text that XML cannot hold (control characters) is an error.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import IO

from lxml import etree

from ..._version import __version__
from ...errors import InputError, TermkitError
from ...model import Concept, Term
from ..atomic import atomic_write
from ..problems import Warnings
from ..vocabulary import (
    CONTEXT_PREFIX,
    POS_V2,
    POS_V3,
    STATUS_TO_TBX,
    XML_BAD_CHARS,
    canonical_lang,
    canonical_pos,
    canonical_status,
    canonical_type,
    check_lang_tags,
    map_lang,
    resolve_lang_tags,
)
from .conventions import (
    ID_NOTE,
    ID_NOTE_RE,
    LANG_HEADER,
    PROPOSED_NOTE,
    TBX_NS,
    VALID_FROM_NOTE,
    VALID_UNTIL_NOTE,
    XML_LANG,
)

XCS_V2 = "TBXBasicXCSV02.xcs"


@dataclass
class _Dialect:
    version: int

    def tag(self, name: str) -> str:
        if self.version == 3:
            return f"{{{TBX_NS}}}{name}"
        return name

    @property
    def entry(self):
        return "conceptEntry" if self.version == 3 else "termEntry"

    @property
    def lang_section(self):
        return "langSec" if self.version == 3 else "langSet"

    @property
    def term_section(self):
        return "termSec" if self.version == 3 else "tig"

    @property
    def pos_values(self):
        return POS_V3 if self.version == 3 else POS_V2


def _check_text(value: str, what: str, concept: Concept, term: Term | None = None) -> str:
    m = XML_BAD_CHARS.search(value)
    if m:
        where = f"term {term.text!r} of concept {concept.id}" if term is not None else f"concept {concept.id}"
        raise InputError(
            f"{what} of {where} contains U+{ord(m.group()):04X}, which XML cannot hold; remove it before exporting to TBX",
            concept.origin or None,
            (term.line if term is not None else concept.line),
        )
    return value


def _note_parts(note: str, allow_context: bool = True) -> list[tuple[str, str]]:
    """Split a term note into ``("note", text)`` and ``("context", sentence)`` parts, in order.

    Reading the parts back and joining them with newlines gives ``note`` exactly.
    """
    if not note:
        return []
    parts: list[tuple[str, str]] = []
    plain: list[str] = []
    for line in note.split("\n"):
        if allow_context and line.startswith(CONTEXT_PREFIX):
            if plain:
                parts.append(("note", "\n".join(plain)))
                plain = []
            parts.append(("context", line[len(CONTEXT_PREFIX) :]))
        else:
            plain.append(line)
    if plain:
        parts.append(("note", "\n".join(plain)))
    return parts


def _sub(parent, d: _Dialect, name: str, text: str | None = None, **attrs):
    el = etree.SubElement(parent, d.tag(name))
    for k, v in attrs.items():
        el.set(k, v)
    if text is not None:
        el.text = text
    return el


def build_tree(
    concepts: list[Concept],
    version: int = 3,
    lang_tags: Mapping[str, str] | None = None,
    title: str = "termkit termbase",
    source: str = "",
    warnings: Warnings | None = None,
) -> etree._Element:
    """The TBX document (an lxml element) for ``concepts``."""
    if version not in (2, 3):
        raise TermkitError(f"unknown TBX version {version!r} (expected 2 or 3)")
    if not concepts:
        raise InputError("nothing to export: the glossary has no concepts", source or None)
    w = warnings if warnings is not None else Warnings(source)
    d = _Dialect(version)
    tags = resolve_lang_tags(lang_tags)
    written_tag = check_lang_tags(concepts, tags, source or None, w)
    for original, out in written_tag.items():
        if not canonical_lang(map_lang(original, tags))[1]:
            w.add("lang", f"language tag {original!r} is not BCP 47; written as {out!r}", None, key=original)
    langs = list(dict.fromkeys(written_tag.values()))
    main_lang = langs[0] if langs else "en"

    if version == 3:
        root = etree.Element(d.tag("tbx"), nsmap={None: TBX_NS})
        root.set("type", "TBX-Basic")
        root.set("style", "dca")
        root.set(XML_LANG, main_lang)
        header = _sub(root, d, "tbxHeader")
    else:
        root = etree.Element("martif")
        root.set("type", "TBX-Basic")
        root.set(XML_LANG, main_lang)
        header = _sub(root, d, "martifHeader")
    file_desc = _sub(header, d, "fileDesc")
    title_stmt = _sub(file_desc, d, "titleStmt")
    _sub(title_stmt, d, "title", _clean_attr_text(title))
    source_desc = _sub(file_desc, d, "sourceDesc")
    origin = f" from {_clean_attr_text(source)}" if source else ""
    _sub(source_desc, d, "p", f"TBX-Basic termbase written by termkit {__version__}{origin}.")
    first_of: dict[str, str] = {}
    for original, out in written_tag.items():
        first_of.setdefault(out, original)
    mapping = ", ".join(f"{k}={v}" for v, k in first_of.items())
    _sub(source_desc, d, "p", f"{LANG_HEADER} {mapping}")
    if version == 2:
        encoding = _sub(header, d, "encodingDesc")
        _sub(encoding, d, "p", XCS_V2, type="XCSURI")
    body = _sub(_sub(root, d, "text"), d, "body")

    n = 0
    for concept in concepts:
        if not concept.terms:
            w.add(
                "empty",
                f"concept {concept.id} has no terms and is not exported (a TBX entry needs a term)",
                concept.line,
                path=concept.origin,
            )
            continue
        n += 1
        _write_concept(body, d, concept, f"c{n}", written_tag, w)
    if n == 0:
        raise InputError("nothing to export: no concept has a term", source or None)
    return root


def _clean_attr_text(value: str) -> str:
    return XML_BAD_CHARS.sub("", value)


def _write_concept(body, d: _Dialect, concept: Concept, cid: str, written_tag: dict[str, str], w: Warnings) -> None:
    entry = _sub(body, d, d.entry, id=cid)
    if concept.subject:
        _sub(entry, d, "descrip", _check_text(concept.subject, "subject", concept), type="subjectField")
    if concept.definition:
        _sub(entry, d, "descrip", _check_text(concept.definition, "definition", concept), type="definition")
    if concept.id != cid or ID_NOTE_RE.fullmatch(concept.note or ""):
        _sub(entry, d, "note", ID_NOTE + _check_text(concept.id, "id", concept))
    if concept.note:
        _sub(entry, d, "note", _check_text(concept.note, "note", concept))

    groups: dict[str, list[tuple[int, Term]]] = {}
    for i, term in enumerate(concept.terms, 1):
        if not term.lang.strip():
            raise InputError(
                f"term {term.text!r} of concept {concept.id} has no language", concept.origin or None, term.line
            )
        groups.setdefault(written_tag[term.lang], []).append((i, term))

    for lang, terms in groups.items():
        section = _sub(entry, d, d.lang_section)
        section.set(XML_LANG, lang)
        targeted = set()
        for k, (i, term) in enumerate(terms):
            if term.definition:
                el = _sub(
                    section, d, "descrip", _check_text(term.definition, "definition", concept, term), type="definition"
                )
                if k > 0:
                    el.set("target", f"{cid}-{i}")
                    targeted.add(i)
        for i, term in terms:
            _write_term(section, d, concept, term, f"{cid}-{i}" if i in targeted else None, w)


def _write_term(section, d: _Dialect, concept: Concept, term: Term, tid: str | None, w: Warnings) -> None:
    sec = _sub(section, d, d.term_section)
    if tid:
        sec.set("id", tid)
    _sub(sec, d, "term", _check_text(term.text, "text", concept, term))
    extra: list[str] = []  # values that cannot be written as their data category
    if term.type:
        value, known = canonical_type(term.type)
        if known:
            _sub(sec, d, "termNote", value, type="termType")
        else:
            extra.append(f"termType: {term.type}")
            w.add(
                "type",
                f"term type {term.type!r} is not a TBX-Basic termType; written as a note",
                term.line,
                key=term.type,
                path=concept.origin,
            )
    if term.pos:
        value, known = canonical_pos(term.pos)
        if known and value in d.pos_values:
            _sub(sec, d, "termNote", value, type="partOfSpeech")
        elif known and value == "properNoun":  # v3 only
            _sub(sec, d, "termNote", "noun", type="partOfSpeech")
            extra.append(f"partOfSpeech: {term.pos}")
            w.add(
                "pos",
                "partOfSpeech 'properNoun' is not in TBX-Basic v3; written as 'noun' with a note",
                term.line,
                key="properNoun",
                path=concept.origin,
            )
        else:
            extra.append(f"partOfSpeech: {term.pos}")
            w.add(
                "pos",
                f"part of speech {term.pos!r} is not a TBX-Basic partOfSpeech; written as a note",
                term.line,
                key=term.pos,
                path=concept.origin,
            )
    status, _standard = canonical_status(term.status or "preferred")
    if status == "proposed":
        _sub(sec, d, "note", PROPOSED_NOTE)
    elif status is None:
        extra.append(f"administrativeStatus: {term.status}")
        w.add(
            "status",
            f"status {term.status!r} is not a TBX administrativeStatus; written as a note",
            term.line,
            key=term.status,
            path=concept.origin,
        )
    else:
        if term.status != status:
            w.add(
                "status",
                f"status {term.status!r} written as {STATUS_TO_TBX[status]}",
                term.line,
                key=term.status,
                path=concept.origin,
            )
        _sub(sec, d, "termNote", STATUS_TO_TBX[status], type="administrativeStatus")
    if extra:
        _sub(sec, d, "note", "\n".join(_check_text(x, "value", concept, term) for x in extra))
    if term.valid_from:
        _sub(sec, d, "note", VALID_FROM_NOTE + _check_text(term.valid_from, "valid_from", concept, term))
    if term.valid_until:
        _sub(sec, d, "note", VALID_UNTIL_NOTE + _check_text(term.valid_until, "valid_until", concept, term))
    for kind, text in _note_parts(term.note):
        _check_text(text, "note", concept, term)
        if kind == "context":
            _sub(sec, d, "descrip", text, type="context")
        else:
            _sub(sec, d, "note", text)
    if term.source:
        _sub(sec, d, "admin", _check_text(term.source, "source", concept, term), type="source")


def tbx_bytes(
    concepts: Iterable[Concept],
    version: int = 3,
    lang_tags: Mapping[str, str] | None = None,
    title: str = "termkit termbase",
    source: str = "",
) -> bytes:
    """The TBX file as bytes (UTF-8, XML declaration, indented)."""
    root = build_tree(list(concepts), version, lang_tags, title, source)
    return _serialize(root, version)


def _serialize(root, version: int) -> bytes:
    tree = etree.ElementTree(root)
    if version == 3:
        # The schema hints TBX v3 files carry (oXygen and other validators pick them up).
        for href, ns in (
            (
                "https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng",
                "http://relaxng.org/ns/structure/1.0",
            ),
            (
                "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch",
                "http://purl.oclc.org/dsdl/schematron",
            ),
        ):
            root.addprevious(
                etree.ProcessingInstruction("xml-model", f'href="{href}" type="application/xml" schematypens="{ns}"')
            )
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write(
    concepts: Iterable[Concept],
    out: str | os.PathLike | IO[bytes],
    version: int = 3,
    lang_tags: Mapping[str, str] | None = None,
    title: str = "termkit termbase",
    source: str = "",
):
    """Write a TBX-Basic file (atomically when given a path); returns the warnings (Problems)."""
    concepts = list(concepts)
    shown = str(out) if isinstance(out, (str, os.PathLike)) else source
    w = Warnings(source or shown)
    root = build_tree(concepts, version, lang_tags, title, source, w)
    data = _serialize(root, version)
    if hasattr(out, "write"):
        out.write(data)
    else:
        with atomic_write(out, "wb") as fh:
            fh.write(data)
    return w.problems()
