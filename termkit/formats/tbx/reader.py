"""Reading TBX termbases, any version and style, leniently (``read()``).

v2 and v3 are detected by the root element (``martif`` or ``tbx``); DCA and DCT style, ``tig``
and ``ntig``. Leniently: language tags in any case or with underscores (``zh-cn``, ``zh_CN`` →
``zh-CN``), non-standard status values (``preferred``, ``admitted``, ``notRecommended``,
``forbidden`` → deprecated, ``Obsolete`` → superseded), parts of speech and term types in any case.
Whatever the model has no field for — custom data categories (TermWeb's ``Usage note``,
``Translation needed``), ``grammaticalGender``, cross-references, transactions, a second subject
field — is kept as a line ``label: value`` in the note of the concept or term it belongs to, never
dropped. What breaks the standard is reported as warnings (:class:`~termkit.model.Problem`
with file and line): duplicate ids, references to missing ids, unknown elements and data
categories, values outside the picklists, elements out of order, language tags that are not BCP 47.

Files written by termkit (recognised by the language-tag line of their header, see
:mod:`.conventions`) are read verbatim; in other files a line break plus indentation inside a text
is layout from pretty-printing and is read as one space. The field mapping is the writer's, read
back (:mod:`.writer`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from ...errors import InputError
from ...model import Concept, Term
from ..ids import fresh_id
from ..xmlsafe import local_name, parse_xml
from .conventions import ID_NOTE_RE, TBX_NS
from .elements import ElementReader


@dataclass
class TbxFile:
    """What :func:`read` found: concepts, warnings, and which TBX it was."""

    concepts: list[Concept]
    warnings: list  # Problem
    version: int
    dialect: str = ""  # the root's type attribute: TBX-Basic, TBX-Min, TBX …
    by_termkit: bool = False


ENTRIES = ("termEntry", "conceptEntry")


class _Reader(ElementReader):
    """Walks a TBX body: entries, their language sections, their terms."""

    def read(self) -> list[Concept]:
        for el in self.root.iter():
            if not isinstance(el.tag, str):
                continue
            ident = el.get("id")
            if ident is None:
                continue
            if ident not in self.ids:
                self.ids[ident] = el.sourceline
            elif local_name(el) not in ENTRIES:  # a repeated entry id is reported as the entry is renamed
                self.w.add("duplicate-id", f"duplicate id {ident!r} (first at line {self.ids[ident]})", el.sourceline)
        for el in self.root.iter():
            if not isinstance(el.tag, str) or el.get("target") is None:
                continue
            kind, _dc = self.kind(el)
            target = el.get("target")
            if kind == "xref" or target.startswith(("http://", "https://")):
                continue
            if target not in self.ids:
                self.w.add(
                    "dangling-reference",
                    f"<{local_name(el)}> refers to id {target!r}, which is not in the file",
                    el.sourceline,
                )

        body = None
        for text in self.root:
            if local_name(text) == "text":
                for child in text:
                    if local_name(child) == "body":
                        body = child
                    elif local_name(child) == "back" and len(child):
                        n = sum(1 for x in child.iter() if local_name(x) == "refObject")
                        self.w.add(
                            "back-matter",
                            f"back matter ({n} reference objects, e.g. persons) is not imported",
                            child.sourceline,
                        )
        if body is None:
            self.w.add("empty", "no <body>: the file has no entries", self.root.sourceline)
            return []
        entries = []
        for entry in body:
            if not isinstance(entry.tag, str):
                continue
            if local_name(entry) not in ENTRIES:
                self.w.add("element", f"unexpected <{local_name(entry)}> in <body>; skipped", entry.sourceline)
                continue
            entries.append(entry)
        # every id an entry gives itself (attribute, or a termkit file's concept_id note): a
        # generated or renamed id must not take one of them
        self.taken = {e.get("id") for e in entries if e.get("id")} | {x for e in entries if (x := self.id_note(e))}
        first: dict[str, int] = {}
        concepts = []
        for n, entry in enumerate(entries, 1):
            concept = self.concept(entry)
            if not concept.terms:
                what = " (its definition and notes are not kept)" if concept.definition or concept.note else ""
                name = f"<{local_name(entry)}>" + (f" {concept.id!r}" if concept.id else "")
                self.w.add("empty", f"{name} has no terms: skipped{what}", entry.sourceline)
                continue
            if not concept.id.strip():
                concept.id = fresh_id(f"c{n}", self.taken)
                self.taken.add(concept.id)
                self.w.add(
                    "id",
                    f"<{local_name(entry)}> without id; called {concept.id!r} (an id no entry of the file has)",
                    entry.sourceline,
                    key="no-id",
                )
            elif concept.id in first:
                old, concept.id = concept.id, fresh_id(concept.id, self.taken)
                self.taken.add(concept.id)
                self.w.add(
                    "duplicate-id",
                    f"duplicate id {old!r} (first at line {first[old]}): a different entry, read as {concept.id!r}",
                    entry.sourceline,
                )
            first[concept.id] = entry.sourceline
            concepts.append(concept)
        return concepts

    def id_note(self, entry) -> str:
        """The concept id a termkit file keeps in an entry's first note (``concept_id: unodc``)."""
        for child in entry:
            if isinstance(child.tag, str) and self.kind(child)[0] == "note":
                m = ID_NOTE_RE.fullmatch(self.text(child))
                return m.group(1) if m else ""
        return ""

    def concept(self, entry) -> Concept:
        cid = (entry.get("id") or "").strip()
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
                self.w.add(
                    "order",
                    f"<{local_name(child)}> after the language sections of entry {cid!r} (TBX puts entry information first)",
                    child.sourceline,
                    key="entry-order",
                )
            if kind == "note":
                value = self.text(child)
                m = ID_NOTE_RE.fullmatch(value) if first_note else None
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
        definitions: list[tuple[str, str | None, int | None]] = []
        terms: list[tuple[Term, set[str]]] = []
        for child in section:
            if not isinstance(child.tag, str):
                continue
            kind, dc = self.kind(child)
            if kind in ("tig", "ntig", "termSec"):
                term, ids = self.term(child, lang)
                if term.text.strip():  # an empty term is not a term (term() said so)
                    terms.append((term, ids))
                continue
            if terms:
                self.w.add(
                    "order",
                    f"<{local_name(child)}> after the terms of a language section (TBX puts it before them)",
                    child.sourceline,
                    key="lang-order",
                )
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
        if terms and not lang:
            self.w.add(
                "lang",
                f"language section of entry {concept.id!r} has no language (xml:lang empty, and none for the file): "
                f"its {len(terms)} term(s) dropped",
                section.sourceline,
            )
            terms = []
        if not terms:
            self.w.add(
                "empty",
                f"language section {lang!r} of entry {concept.id!r} has no terms; its information is kept in the entry's note",
                section.sourceline,
            )
            concept_lines.extend(x for x, _t, _l in definitions)
            concept_lines.extend(lines)
            return
        for text, target, _line in definitions:
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


def detect_version(root) -> int | None:
    name = local_name(root)
    if name == "martif":
        return 2
    if name == "tbx":
        return 3
    return None


def read(path: str | os.PathLike, lang_tags: Mapping[str, str] | None = None) -> TbxFile:
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
        raise InputError(
            f"not a TBX file: the root element is <{local_name(root)}>, expected <tbx> (TBX v3) or <martif> (TBX v2)",
            shown,
            root.sourceline,
        )
    reader = _Reader(shown, root, lang_tags)
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if version == 3 and ns != TBX_NS:
        reader.w.add(
            "namespace",
            f"<tbx> not in the TBX namespace {TBX_NS} (found {ns or 'none'}); read as TBX v3",
            root.sourceline,
        )
    elif version == 2 and ns:
        # TBX v2 (ISO 30042:2008) has no namespace; a <martif> in one is a v2 file half-converted
        # to v3 (or v3's namespace pasted onto v2), which strict readers of either version refuse
        reader.w.add(
            "namespace",
            f"<martif> (TBX v2) in the namespace {ns}"
            + (" of TBX v3" if ns == TBX_NS else "")
            + "; TBX v2 has no namespace; read as TBX v2",
            root.sourceline,
        )
    concepts = reader.read()
    return TbxFile(concepts, reader.w.problems(), version, root.get("type", ""), reader.verbatim)


def read_concepts(path: str | os.PathLike, lang_tags: Mapping[str, str] | None = None) -> tuple[list[Concept], list]:
    result = read(path, lang_tags)
    return result.concepts, result.warnings
