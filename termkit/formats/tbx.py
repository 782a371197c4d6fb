"""TBX termbases: write TBX-Basic v3 and v2, read any TBX leniently (``read()`` / ``write()``).

Writing
-------
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

Reading
-------
v2 and v3 are detected by the root element (``martif`` or ``tbx``); DCA and DCT style, ``tig``
and ``ntig``. Leniently: language tags in any case or with underscores (``zh-cn``, ``zh_CN`` →
``zh-CN``), non-standard status values (``preferred``, ``admitted``, ``notRecommended``,
``forbidden`` → deprecated, ``Obsolete`` → superseded), parts of speech and term types in any case.
Whatever the model has no field for — custom data categories (TermWeb's ``Usage note``,
``Translation needed``), ``grammaticalGender``, cross-references, transactions, a second subject
field — is kept as a line ``label: value`` in the note of the concept or term it belongs to, never
dropped. What breaks the standard is reported as warnings (:class:`~termkit.glossary.validate.Problem`
with file and line): duplicate ids, references to missing ids, unknown elements and data
categories, values outside the picklists, elements out of order, language tags that are not BCP 47.

Files written by termkit (recognised by the header line above) are read verbatim; in other files a
line break plus indentation inside a text is layout from pretty-printing and is read as one space.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import IO, Iterable, Mapping, Optional

from lxml import etree

from ..errors import InputError, TermkitError
from ..model import STATUSES, Concept, Term
from .atomic import atomic_write
from .xmlsafe import local_name, parse_xml, text_of

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XCS_V2 = "TBXBasicXCSV02.xcs"
LANG_HEADER = "termkit-language-tags:"
ID_NOTE = "concept_id: "
CONTEXT_PREFIX = "context: "
# A proposed term is written without administrativeStatus (TBX-Basic has no value for "not yet
# reviewed"; CAT tools then treat it as allowed) and with this note, which reads back as the status.
PROPOSED_NOTE = "status: proposed (mined by termkit, not yet reviewed by a terminologist)"
DEFAULT_LANG_TAGS: dict[str, str] = {"zh": "zh-CN"}

STATUS_TO_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "superseded": "supersededTerm-admn-sts",
}
TERM_TYPES_BASIC = ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase")
POS_V3 = ("adjective", "noun", "other", "verb", "adverb")
POS_V2 = ("noun", "verb", "adjective", "adverb", "properNoun", "other")

# Lenient readings, keyed by the value lower-cased without spaces, hyphens and underscores.
_STATUS_SYNONYMS = {
    "preferredtermadmnsts": "preferred",
    "preferred": "preferred",
    "preferredterm": "preferred",
    "admittedtermadmnsts": "admitted",
    "admitted": "admitted",
    "admittedterm": "admitted",
    "permitted": "admitted",
    "acceptable": "admitted",
    "deprecatedtermadmnsts": "deprecated",
    "deprecated": "deprecated",
    "deprecatedterm": "deprecated",
    "notrecommended": "deprecated",
    "forbidden": "deprecated",
    "donotuse": "deprecated",
    "supersededtermadmnsts": "superseded",
    "superseded": "superseded",
    "supersededterm": "superseded",
    "obsolete": "superseded",
    "outdated": "superseded",
    "proposed": "proposed",
    "candidate": "proposed",
}
_STANDARD_STATUS = {v for v in STATUS_TO_TBX.values()}
_TYPE_SYNONYMS = {t.lower(): t for t in TERM_TYPES_BASIC}
_TYPE_SYNONYMS.update({"full form": "fullForm", "short form": "shortForm", "fullform": "fullForm", "shortform": "shortForm"})
_POS_SYNONYMS = {p.lower(): p for p in POS_V2}
_POS_SYNONYMS.update({"propernoun": "properNoun", "proper noun": "properNoun", "proper_noun": "properNoun", "adj": "adjective", "n": "noun", "v": "verb", "adv": "adverb"})

# TBX-Basic data categories by element (both versions); anything else is kept as a note.
_BASIC = {
    "descrip": {"subjectField", "definition", "context"},
    "termNote": {"administrativeStatus", "partOfSpeech", "termType", "grammaticalGender", "geographicalUsage", "termLocation"},
    "admin": {"source", "customerSubset", "projectSubset"},
    "ref": {"crossReference"},
    "xref": {"externalCrossReference", "xGraphic"},
    "transac": {"transactionType"},
    "transacNote": {"responsibility"},
}
# DCT style (v3): the data category is the element name, in a module namespace.
_DCT_KIND = {dc: kind for kind, dcs in _BASIC.items() for dc in dcs}
_AUX = {"descrip", "descripGrp", "admin", "adminGrp", "note", "ref", "xref", "transacGrp"}
_IN_GROUPS = {"date", "adminNote", "descripNote", "termNoteGrp"}
_XML_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LANG_RE = re.compile(r"^[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*$")


# --------------------------------------------------------------------------------------------
# warnings


@dataclass
class _Warnings:
    """Collects reader/writer warnings; repeated ones (same code and key) become one with a count."""

    path: str
    items: list = field(default_factory=list)  # [code, message, line, key, count, path]
    _by_key: dict = field(default_factory=dict)

    def add(self, code: str, message: str, line: Optional[int] = None, key=None, path: Optional[str] = None) -> None:
        if key is not None:
            k = (code, key)
            if k in self._by_key:
                self._by_key[k][4] += 1
                return
            item = [code, message, line, key, 1, path]
            self._by_key[k] = item
        else:
            item = [code, message, line, None, 1, path]
        self.items.append(item)

    def problems(self):
        from ..model import Problem

        out = []
        for code, message, line, _key, count, path in self.items:
            if count > 1:
                message = f"{message} ({count} times; first here)"
            out.append(Problem(path or self.path, line, "warning", code, message))
        return out


# --------------------------------------------------------------------------------------------
# vocabulary shared with the other readers (wide CSV, XLSX)


def _key(value: str) -> str:
    return re.sub(r"[\s_\-]", "", value.strip().lower())


def canonical_status(value: str) -> tuple[Optional[str], bool]:
    """``(status, standard)``: the model's status for a TBX or CAT status value, or ``None``.

    ``standard`` is true for the model's own words and the TBX ``*-admn-sts`` values.
    """
    v = value.strip()
    if v in STATUSES or v in _STANDARD_STATUS:
        return _STATUS_SYNONYMS[_key(v)], True
    status = _STATUS_SYNONYMS.get(_key(v))
    return status, False


def canonical_type(value: str) -> tuple[str, bool]:
    """``(type, known)``: a termType in its TBX spelling, or the value as written."""
    v = value.strip()
    found = _TYPE_SYNONYMS.get(v.lower()) or _TYPE_SYNONYMS.get(_key(v))
    return (found, True) if found else (v, False)


def canonical_pos(value: str) -> tuple[str, bool]:
    """``(pos, known)``: a partOfSpeech in its TBX spelling (v2 list), or the value as written."""
    v = value.strip()
    found = _POS_SYNONYMS.get(v.lower()) or _POS_SYNONYMS.get(_key(v))
    return (found, True) if found else (v, False)


def canonical_lang(tag: str) -> tuple[str, bool]:
    """``(tag, valid)``: ``zh_cn`` → ``zh-CN``, ``EN`` → ``en``, ``zh-hans`` → ``zh-Hans``.

    ``valid`` is false when the tag as written is not a BCP 47 tag (underscores, bad shape).
    """
    t = tag.strip()
    valid = bool(_LANG_RE.match(t)) and "_" not in t
    parts = re.split(r"[-_]", t)
    out = [parts[0].lower()]
    for p in parts[1:]:
        if len(p) == 2 and p.isalpha():
            out.append(p.upper())
        elif len(p) == 4 and p.isalpha():
            out.append(p.title())
        else:
            out.append(p.lower() if p.isalpha() else p)
    return "-".join(out) if t else t, valid


# --------------------------------------------------------------------------------------------
# writing


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


def _check_text(value: str, what: str, concept: Concept, term: Optional[Term] = None) -> str:
    m = _XML_BAD_CHARS.search(value)
    if m:
        where = f"term {term.text!r} of concept {concept.id}" if term is not None else f"concept {concept.id}"
        raise InputError(
            f"{what} of {where} contains U+{ord(m.group()):04X}, which XML cannot hold; remove it before exporting to TBX",
            concept.origin or None,
            (term.line if term is not None else concept.line),
        )
    return value


def map_lang(tag: str, lang_tags: Mapping[str, str]) -> str:
    return lang_tags.get(tag, tag)


def resolve_lang_tags(lang_tags: Optional[Mapping[str, str]]) -> dict[str, str]:
    """The mapping to apply: the defaults, updated with ``lang_tags`` (``{"zh": "zh-Hans"}``)."""
    out = dict(DEFAULT_LANG_TAGS)
    if lang_tags:
        out.update(lang_tags)
    return out


def check_lang_tags(concepts: list[Concept], lang_tags: Mapping[str, str], path: Optional[str] = None, warnings: Optional[_Warnings] = None) -> dict[str, str]:
    """The tag written for every tag used (mapped, in canonical case).

    Two tags written alike (``zh`` mapped to ``zh-CN`` in a glossary that also has ``zh-CN``)
    share one language section; that is reported as a warning, since reading the file back
    gives the first tag for both.
    """
    used = []
    for c in concepts:
        for t in c.terms:
            if t.lang not in used:
                used.append(t.lang)
    written: dict[str, str] = {}
    back: dict[str, str] = {}
    for tag in used:
        if not tag.strip():
            continue
        fixed, _valid = canonical_lang(map_lang(tag, lang_tags))
        if fixed in back and back[fixed] != tag and warnings is not None:
            warnings.add(
                "lang",
                f"language tags {back[fixed]!r} and {tag!r} are both written as {fixed!r} (read back, both become {back[fixed]!r})",
                None,
                key=("merge", fixed),
                path=path,
            )
        back.setdefault(fixed, tag)
        written[tag] = fixed
    return written


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
            parts.append(("context", line[len(CONTEXT_PREFIX):]))
        else:
            plain.append(line)
    if plain:
        parts.append(("note", "\n".join(plain)))
    return parts


def _sub(parent, d: _Dialect, name: str, text: Optional[str] = None, **attrs):
    el = etree.SubElement(parent, d.tag(name))
    for k, v in attrs.items():
        el.set(k, v)
    if text is not None:
        el.text = text
    return el


def build_tree(
    concepts: list[Concept],
    version: int = 3,
    lang_tags: Optional[Mapping[str, str]] = None,
    title: str = "termkit termbase",
    source: str = "",
    warnings: Optional[_Warnings] = None,
) -> etree._Element:
    """The TBX document (an lxml element) for ``concepts``."""
    from .._version import __version__

    if version not in (2, 3):
        raise TermkitError(f"unknown TBX version {version!r} (expected 2 or 3)")
    if not concepts:
        raise InputError("nothing to export: the glossary has no concepts", source or None)
    w = warnings if warnings is not None else _Warnings(source)
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
            w.add("empty", f"concept {concept.id} has no terms and is not exported (a TBX entry needs a term)", concept.line, path=concept.origin)
            continue
        n += 1
        _write_concept(body, d, concept, f"c{n}", written_tag, w)
    if n == 0:
        raise InputError("nothing to export: no concept has a term", source or None)
    return root


def _clean_attr_text(value: str) -> str:
    return _XML_BAD_CHARS.sub("", value)


def _write_concept(body, d: _Dialect, concept: Concept, cid: str, written_tag: dict[str, str], w: _Warnings) -> None:
    entry = _sub(body, d, d.entry, id=cid)
    if concept.subject:
        _sub(entry, d, "descrip", _check_text(concept.subject, "subject", concept), type="subjectField")
    if concept.definition:
        _sub(entry, d, "descrip", _check_text(concept.definition, "definition", concept), type="definition")
    if concept.id != cid or _ID_NOTE_RE.fullmatch(concept.note or ""):
        _sub(entry, d, "note", ID_NOTE + _check_text(concept.id, "id", concept))
    if concept.note:
        _sub(entry, d, "note", _check_text(concept.note, "note", concept))

    groups: dict[str, list[tuple[int, Term]]] = {}
    for i, term in enumerate(concept.terms, 1):
        if not term.lang.strip():
            raise InputError(f"term {term.text!r} of concept {concept.id} has no language", concept.origin or None, term.line)
        groups.setdefault(written_tag[term.lang], []).append((i, term))

    for lang, terms in groups.items():
        section = _sub(entry, d, d.lang_section)
        section.set(XML_LANG, lang)
        targeted = set()
        for k, (i, term) in enumerate(terms):
            if term.definition:
                el = _sub(section, d, "descrip", _check_text(term.definition, "definition", concept, term), type="definition")
                if k > 0:
                    el.set("target", f"{cid}-{i}")
                    targeted.add(i)
        for i, term in terms:
            _write_term(section, d, concept, term, f"{cid}-{i}" if i in targeted else None, w)


def _write_term(section, d: _Dialect, concept: Concept, term: Term, tid: Optional[str], w: _Warnings) -> None:
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
            w.add("type", f"term type {term.type!r} is not a TBX-Basic termType; written as a note", term.line, key=term.type, path=concept.origin)
    if term.pos:
        value, known = canonical_pos(term.pos)
        if known and value in d.pos_values:
            _sub(sec, d, "termNote", value, type="partOfSpeech")
        elif known and value == "properNoun":  # v3 only
            _sub(sec, d, "termNote", "noun", type="partOfSpeech")
            extra.append(f"partOfSpeech: {term.pos}")
            w.add("pos", "partOfSpeech 'properNoun' is not in TBX-Basic v3; written as 'noun' with a note", term.line, key="properNoun", path=concept.origin)
        else:
            extra.append(f"partOfSpeech: {term.pos}")
            w.add("pos", f"part of speech {term.pos!r} is not a TBX-Basic partOfSpeech; written as a note", term.line, key=term.pos, path=concept.origin)
    status, _standard = canonical_status(term.status or "preferred")
    if status == "proposed":
        _sub(sec, d, "note", PROPOSED_NOTE)
    elif status is None:
        extra.append(f"administrativeStatus: {term.status}")
        w.add("status", f"status {term.status!r} is not a TBX administrativeStatus; written as a note", term.line, key=term.status, path=concept.origin)
    else:
        if term.status != status:
            w.add("status", f"status {term.status!r} written as {STATUS_TO_TBX[status]}", term.line, key=term.status, path=concept.origin)
        _sub(sec, d, "termNote", STATUS_TO_TBX[status], type="administrativeStatus")
    if extra:
        _sub(sec, d, "note", "\n".join(_check_text(x, "value", concept, term) for x in extra))
    for kind, text in _note_parts(term.note):
        _check_text(text, "note", concept, term)
        if kind == "context":
            _sub(sec, d, "descrip", text, type="context")
        else:
            _sub(sec, d, "note", text)
    if term.source:
        _sub(sec, d, "admin", _check_text(term.source, "source", concept, term), type="source")


def tbx_bytes(concepts: Iterable[Concept], version: int = 3, lang_tags: Optional[Mapping[str, str]] = None, title: str = "termkit termbase", source: str = "") -> bytes:
    """The TBX file as bytes (UTF-8, XML declaration, indented)."""
    root = build_tree(list(concepts), version, lang_tags, title, source)
    return _serialize(root, version)


def _serialize(root, version: int) -> bytes:
    tree = etree.ElementTree(root)
    if version == 3:
        # The schema hints TBX v3 files carry (oXygen and other validators pick them up).
        for href, ns in (
            ("https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng", "http://relaxng.org/ns/structure/1.0"),
            ("https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch", "http://purl.oclc.org/dsdl/schematron"),
        ):
            root.addprevious(etree.ProcessingInstruction("xml-model", f'href="{href}" type="application/xml" schematypens="{ns}"'))
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write(
    concepts: Iterable[Concept],
    out: str | os.PathLike | IO[bytes],
    version: int = 3,
    lang_tags: Optional[Mapping[str, str]] = None,
    title: str = "termkit termbase",
    source: str = "",
):
    """Write a TBX-Basic file (atomically when given a path); returns the warnings (Problems)."""
    concepts = list(concepts)
    shown = str(out) if isinstance(out, (str, os.PathLike)) else source
    w = _Warnings(source or shown)
    root = build_tree(concepts, version, lang_tags, title, source, w)
    data = _serialize(root, version)
    if hasattr(out, "write"):
        out.write(data)
    else:
        with atomic_write(out, "wb") as fh:
            fh.write(data)
    return w.problems()


# --------------------------------------------------------------------------------------------
# reading

_ID_NOTE_RE = re.compile(r"concept_id: (\S[^\n]*)")  # used with fullmatch
_LAYOUT_RE = re.compile(r"[ \t\r]*\n\s*")


@dataclass
class TbxFile:
    """What :func:`read` found: concepts, warnings, and which TBX it was."""

    concepts: list[Concept]
    warnings: list  # Problem
    version: int
    dialect: str = ""  # the root's type attribute: TBX-Basic, TBX-Min, TBX …
    by_termkit: bool = False


class _Reader:
    def __init__(self, path: str, root, lang_tags: Optional[Mapping[str, str]]):
        self.path = path
        self.root = root
        self.w = _Warnings(path)
        self.ids: dict[str, int] = {}
        self.inverse: dict[str, str] = {}
        self.verbatim = False
        self.default_lang = root.get(XML_LANG, "")
        # a file in a wrong namespace (warned about) still has its core structure in that one
        self.core_ns = root.tag[1:].split("}")[0] if isinstance(root.tag, str) and root.tag.startswith("{") else ""
        self._read_header()
        if lang_tags is not None:
            self.inverse = {v: k for k, v in resolve_lang_tags(lang_tags).items()}

    # -- helpers

    def text(self, el) -> str:
        value = text_of(el)
        if self.verbatim:
            return value
        return _LAYOUT_RE.sub(" ", value).strip()

    def kind(self, el) -> tuple[str, str]:
        """``(element kind, data category)``: ``("descrip", "definition")``, ``("note", "")``.

        DCT elements (``<basic:termType>``) are mapped to the DCA kind they stand for.
        """
        name = local_name(el)
        ns = el.tag[1:].split("}")[0] if isinstance(el.tag, str) and el.tag.startswith("{") else ""
        if ns and ns not in (TBX_NS, self.core_ns):
            return _DCT_KIND.get(name, "dct"), name
        return name, (el.get("type") or "")

    def lang(self, el) -> str:
        raw = el.get(XML_LANG)
        if raw is None:
            raw = self.default_lang
            self.w.add("lang", f"<{local_name(el)}> has no xml:lang; using the file's language {raw!r}", el.sourceline, key="missing")
        tag, valid = canonical_lang(raw)
        if not valid:
            self.w.add("lang", f"language tag {raw!r} is not BCP 47; read as {tag!r}", el.sourceline, key=raw)
        return self.inverse.get(tag, tag)

    def _read_header(self) -> None:
        header = None
        for child in self.root:
            if local_name(child) in ("martifHeader", "tbxHeader"):
                header = child
        if header is None:
            return
        for p in header.iter():
            if local_name(p) == "p" and text_of(p).strip().startswith(LANG_HEADER):
                self.verbatim = True
                spec = text_of(p).strip()[len(LANG_HEADER):]
                for pair in spec.split(","):
                    if "=" in pair:
                        original, written = (x.strip() for x in pair.split("=", 1))
                        if original and written:
                            self.inverse[written] = original

    def label_line(self, el) -> str:
        """``label: value`` for something the model has no field for (a group becomes one line)."""
        kind, dc = self.kind(el)
        if kind.endswith("Grp") or local_name(el).endswith("Grp"):
            parts = []
            for c in el:
                if isinstance(c.tag, str):
                    self.check_category(c, local_name(el))
                    parts.append(self.label_line(c))
            return "; ".join(parts)
        label = dc or local_name(el)
        value = self.text(el)
        target = el.get("target")
        if target:
            value = f"{value} [{target}]" if value else f"[{target}]"
        return f"{label}: {value}" if label != "note" else value

    def set_picklist(self, term, attr: str, canonical, dc: str, value: str, head: list, line, allowed: str) -> None:
        """Set a term's picklist field (``attr``) from a TBX data category, once: a second value
        goes to the term's note, a value outside TBX-Basic's picklist is kept as written."""
        if getattr(term, attr):
            head.append(f"{dc}: {value}")
            return
        found, known = canonical(value)
        setattr(term, attr, found)
        if not known:
            self.w.add(attr, f"{dc} {value!r} is not in TBX-Basic ({allowed}); kept as written", line, key=value)

    def check_category(self, el, level: str) -> None:
        kind, dc = self.kind(el)
        if kind == "dct":
            self.w.add("category", f"data category <{local_name(el)}> is not TBX-Basic; kept as a note", el.sourceline, key=("dct", local_name(el)))
            return
        if kind in _BASIC and dc not in _BASIC[kind]:
            self.w.add(
                "category",
                f"<{kind} type={dc!r}> is not a TBX-Basic data category; kept as a note ({level} level)",
                el.sourceline,
                key=(kind, dc),
            )
        elif kind not in _BASIC and kind not in _AUX and kind not in _IN_GROUPS:
            self.w.add("element", f"unknown element <{local_name(el)}> in <{local_name(el.getparent())}>; kept as a note", el.sourceline, key=("element", local_name(el)))

    # -- structure

    def read(self) -> list[Concept]:
        for el in self.root.iter():
            if not isinstance(el.tag, str):
                continue
            ident = el.get("id")
            if ident is not None:
                if ident in self.ids:
                    self.w.add("duplicate-id", f"duplicate id {ident!r} (first at line {self.ids[ident]})", el.sourceline)
                else:
                    self.ids[ident] = el.sourceline
        for el in self.root.iter():
            if not isinstance(el.tag, str) or el.get("target") is None:
                continue
            kind, _dc = self.kind(el)
            target = el.get("target")
            if kind == "xref" or target.startswith(("http://", "https://")):
                continue
            if target not in self.ids:
                self.w.add("dangling-reference", f"<{local_name(el)}> refers to id {target!r}, which is not in the file", el.sourceline)

        body = None
        for text in self.root:
            if local_name(text) == "text":
                for child in text:
                    if local_name(child) == "body":
                        body = child
                    elif local_name(child) == "back" and len(child):
                        n = sum(1 for x in child.iter() if local_name(x) == "refObject")
                        self.w.add("back-matter", f"back matter ({n} reference objects, e.g. persons) is not imported", child.sourceline)
        if body is None:
            self.w.add("empty", "no <body>: the file has no entries", self.root.sourceline)
            return []
        concepts = []
        for n, entry in enumerate(body, 1):
            if not isinstance(entry.tag, str):
                continue
            if local_name(entry) not in ("termEntry", "conceptEntry"):
                self.w.add("element", f"unexpected <{local_name(entry)}> in <body>; skipped", entry.sourceline)
                continue
            concepts.append(self.concept(entry, len(concepts) + 1))
        return concepts

    def concept(self, entry, n: int) -> Concept:
        cid = entry.get("id")
        if not cid:
            cid = f"c{n}"
            self.w.add("id", f"<{local_name(entry)}> without id; called {cid!r}", entry.sourceline, key="no-id")
        concept = Concept(id=cid, origin=self.path, line=entry.sourceline)
        lines: list[str] = []
        definitions: list[str] = []
        subjects: list[str] = []
        first_note = True
        seen_section = False
        for child in entry:
            if not isinstance(child.tag, str):
                continue
            kind, dc = self.kind(child)
            if kind in ("langSet", "langSec"):
                seen_section = True
                self.language(child, concept, lines)
                continue
            if seen_section:
                self.w.add("order", f"<{local_name(child)}> after the language sections of entry {cid!r} (TBX puts entry information first)", child.sourceline, key="entry-order")
            if kind == "note":
                value = self.text(child)
                m = _ID_NOTE_RE.fullmatch(value) if first_note else None
                first_note = False
                if m:
                    concept.id = m.group(1)
                else:
                    lines.append(value)
            elif kind == "descrip" and dc == "subjectField":
                subjects.append(self.text(child))
            elif kind == "descrip" and dc == "definition":
                definitions.append(self.text(child))
            elif kind == "descripGrp":
                main, rest = self.group(child)
                if main is not None and self.kind(main) == ("descrip", "definition"):
                    definitions.append(self.text(main))
                    lines.extend(f"definition {line}" for line in rest)
                elif main is not None and self.kind(main) == ("descrip", "subjectField"):
                    subjects.append(self.text(main))
                    lines.extend(f"subjectField {line}" for line in rest)
                else:
                    lines.append(self.label_line(child))
            else:
                self.check_category(child, "entry")
                lines.append(self.label_line(child))
        concept.subject = "; ".join(s for s in subjects if s)
        concept.definition = "\n".join(x for x in definitions if x)
        concept.note = "\n".join(lines)
        if not concept.terms:
            self.w.add("empty", f"entry {cid!r} has no terms", entry.sourceline)
        return concept

    def group(self, grp):
        """A ``descripGrp``: its main descrip, and the other children as label lines."""
        main = None
        rest = []
        for c in grp:
            if not isinstance(c.tag, str):
                continue
            if main is None and self.kind(c)[0] == "descrip":
                main = c
            else:
                self.check_category(c, "descripGrp")
                rest.append(self.label_line(c))
        return main, rest

    def language(self, section, concept: Concept, concept_lines: list[str]) -> None:
        lang = self.lang(section)
        lines: list[str] = []
        definitions: list[tuple[str, Optional[str], Optional[int]]] = []
        terms: list[tuple[Term, set[str]]] = []
        for child in section:
            if not isinstance(child.tag, str):
                continue
            kind, dc = self.kind(child)
            if kind in ("tig", "ntig", "termSec"):
                terms.append(self.term(child, lang))
                continue
            if terms:
                self.w.add("order", f"<{local_name(child)}> after the terms of a language section (TBX puts it before them)", child.sourceline, key="lang-order")
            if kind == "descrip" and dc == "definition":
                definitions.append((self.text(child), child.get("target"), child.sourceline))
            elif kind == "descripGrp":
                main, rest = self.group(child)
                if main is not None and self.kind(main) == ("descrip", "definition"):
                    definitions.append((self.text(main), main.get("target"), main.sourceline))
                    lines.extend(f"definition {line}" for line in rest)
                else:
                    lines.append(self.label_line(child))
            else:
                if kind != "note":
                    self.check_category(child, "language")
                lines.append(self.label_line(child))
        if not terms:
            self.w.add("empty", f"language section {lang!r} of entry {concept.id!r} has no terms; its information is kept in the entry's note", section.sourceline)
            concept_lines.extend(x for x, _t, _l in definitions)
            concept_lines.extend(lines)
            return
        for text, target, line in definitions:
            owner = terms[0][0]
            if target:
                found = [t for t, ids in terms if target in ids]
                if found:
                    owner = found[0]
            owner.definition = f"{owner.definition}\n{text}" if owner.definition else text
        if lines:
            first = terms[0][0]
            first.note = "\n".join(lines + ([first.note] if first.note else []))
        concept.terms.extend(t for t, _ids in terms)

    def term(self, sec, lang: str) -> tuple[Term, set[str]]:
        ids = {x for x in (sec.get("id"),) if x}
        children = [c for c in sec if isinstance(c.tag, str)]
        if local_name(sec) == "ntig":
            flat = []
            for c in children:
                if local_name(c) == "termGrp":
                    flat.extend(x for x in c if isinstance(x.tag, str))
                else:
                    flat.append(c)
            children = flat
        term_el = next((c for c in children if local_name(c) == "term"), None)
        term = Term(text="", lang=lang, status="", line=sec.sourceline)
        if term_el is None:
            self.w.add("empty", f"<{local_name(sec)}> without a <term>", sec.sourceline)
        else:
            term.text = self.text(term_el)
            term.line = term_el.sourceline
            if term_el.get("id"):
                ids.add(term_el.get("id"))
            if not term.text.strip():
                self.w.add("empty", "empty <term>", term_el.sourceline)
            if children[0] is not term_el:
                self.w.add("order", f"<term> is not the first element of <{local_name(sec)}>", term_el.sourceline, key="term-first")
        head: list[str] = []  # from termNotes, which TBX puts first
        lines: list[str] = []
        sources: list[str] = []
        seen_aux = False
        for child in children:
            if child is term_el:
                continue
            kind, dc = self.kind(child)
            if kind == "termNote" or kind == "termNoteGrp":
                if seen_aux:
                    self.w.add("order", f"<{local_name(child)}> after notes or descriptions in <{local_name(sec)}> (TBX puts termNotes right after the term)", child.sourceline, key="termnote-order")
                note_el = child if kind == "termNote" else next((c for c in child if self.kind(c)[0] == "termNote"), None)
                if note_el is None:
                    head.append(self.label_line(child))
                    continue
                self.term_note(note_el, term, head)
                if kind == "termNoteGrp":
                    head.extend(self.label_line(c) for c in child if c is not note_el and isinstance(c.tag, str))
                continue
            seen_aux = True
            if kind == "note":
                if self.text(child) == PROPOSED_NOTE and not term.status:
                    term.status = "proposed"
                    continue
                lines.append(self.text(child))
            elif kind == "descrip" and dc == "context":
                lines.append(CONTEXT_PREFIX + self.text(child))
            elif kind == "admin" and dc == "source" and not sources:
                sources.append(self.text(child))
            elif kind == "descripGrp":
                main, rest = self.group(child)
                if main is not None and self.kind(main) == ("descrip", "context"):
                    lines.append(CONTEXT_PREFIX + self.text(main))
                    lines.extend(f"context {line}" for line in rest)
                else:
                    if main is not None and self.kind(main) == ("descrip", "definition"):
                        self.w.add("level", "definition inside a term section (TBX-Basic puts definitions at entry or language level); kept as a note", main.sourceline, key="term-definition")
                    lines.append(self.label_line(child))
            else:
                if kind == "descrip" and dc == "definition":
                    self.w.add("level", "definition inside a term section (TBX-Basic puts definitions at entry or language level); kept as a note", child.sourceline, key="term-definition")
                elif kind == "descrip" and dc == "subjectField":
                    self.w.add("level", "subjectField inside a term section (TBX-Basic puts it at entry level); kept as a note", child.sourceline, key="term-subject")
                else:
                    self.check_category(child, "term")
                lines.append(self.label_line(child))
        if not term.status:
            term.status = "preferred"
        term.source = sources[0] if sources else ""
        term.note = "\n".join(head + lines)
        return term, ids

    def term_note(self, el, term: Term, head: list[str]) -> None:
        kind, dc = self.kind(el)
        value = self.text(el)
        line = el.sourceline
        if dc == "administrativeStatus":
            status, standard = canonical_status(value)
            if term.status:
                head.append(f"administrativeStatus: {value}")
                self.w.add("status", "a term with two administrativeStatus values; the second is kept as a note", line, key="two")
            elif status is None:
                term.status = "admitted"
                head.append(f"administrativeStatus: {value}")
                self.w.add("status", f"unknown administrativeStatus {value!r}: read as admitted, the value kept in the term's note", line, key=value)
            else:
                term.status = status
                if not standard:
                    as_written = f" ({STATUS_TO_TBX[status]})" if status in STATUS_TO_TBX else ""
                    self.w.add("status", f"non-standard administrativeStatus {value!r} read as {status}{as_written}", line, key=value)
        elif dc == "termType":
            self.set_picklist(term, "type", canonical_type, dc, value, head, line,
                              "fullForm, acronym, abbreviation, shortForm, variant, phrase")
        elif dc == "partOfSpeech":
            self.set_picklist(term, "pos", canonical_pos, dc, value, head, line,
                              "noun, verb, adjective, adverb, properNoun, other")
        else:
            self.check_category(el, "term")
            head.append(self.label_line(el))


def detect_version(root) -> Optional[int]:
    name = local_name(root)
    if name == "martif":
        return 2
    if name == "tbx":
        return 3
    return None


def read(path: str | os.PathLike, lang_tags: Optional[Mapping[str, str]] = None) -> TbxFile:
    """Read a TBX file (v2 or v3, by content) into concepts plus warnings.

    ``lang_tags``: the mapping the file was written with, to undo it (``{"zh": "zh-CN"}`` reads
    ``zh-CN`` as ``zh``). By default the mapping recorded in a termkit file's header is used, and
    other files keep their tags (in canonical case).
    """
    shown = str(path)
    tree = parse_xml(path)
    root = tree.getroot()
    version = detect_version(root)
    if version is None:
        raise InputError(f"not a TBX file: the root element is <{local_name(root)}>, expected <tbx> (TBX v3) or <martif> (TBX v2)", shown, root.sourceline)
    reader = _Reader(shown, root, lang_tags)
    if version == 3:
        ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
        if ns != TBX_NS:
            reader.w.add("namespace", f"<tbx> not in the TBX namespace {TBX_NS} (found {ns or 'none'}); read as TBX v3", root.sourceline)
    concepts = reader.read()
    return TbxFile(concepts, reader.w.problems(), version, root.get("type", ""), reader.verbatim)


def read_concepts(path: str | os.PathLike, lang_tags: Optional[Mapping[str, str]] = None) -> tuple[list[Concept], list]:
    result = read(path, lang_tags)
    return result.concepts, result.warnings
