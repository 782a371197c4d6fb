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
from ..vocabulary import CONTEXT_PREFIX
from ..xmlsafe import local_name, parse_xml
from .conventions import ID_NOTE_RE, PROPOSED_NOTE, TBX_NS, VALIDITY_NOTE_RE
from .elements import ElementReader


@dataclass
class TbxFile:
    """What :func:`read` found: concepts, warnings, and which TBX it was."""

    concepts: list[Concept]
    warnings: list  # Problem
    version: int
    dialect: str = ""  # the root's type attribute: TBX-Basic, TBX-Min, TBX …
    by_termkit: bool = False


class _Reader(ElementReader):
    """Walks a TBX body: entries, their language sections, their terms."""

    def read(self) -> list[Concept]:
        for el in self.root.iter():
            if not isinstance(el.tag, str):
                continue
            ident = el.get("id")
            if ident is not None:
                if ident in self.ids:
                    self.w.add(
                        "duplicate-id", f"duplicate id {ident!r} (first at line {self.ids[ident]})", el.sourceline
                    )
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
        concepts = []
        for entry in body:
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
        definitions: list[tuple[str, str | None, int | None]] = []
        terms: list[tuple[Term, set[str]]] = []
        for child in section:
            if not isinstance(child.tag, str):
                continue
            kind, dc = self.kind(child)
            if kind in ("tig", "ntig", "termSec"):
                terms.append(self.term(child, lang))
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
                self.w.add(
                    "order",
                    f"<term> is not the first element of <{local_name(sec)}>",
                    term_el.sourceline,
                    key="term-first",
                )
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
                    self.w.add(
                        "order",
                        f"<{local_name(child)}> after notes or descriptions in <{local_name(sec)}> (TBX puts termNotes right after the term)",
                        child.sourceline,
                        key="termnote-order",
                    )
                note_el = (
                    child if kind == "termNote" else next((c for c in child if self.kind(c)[0] == "termNote"), None)
                )
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
                validity = VALIDITY_NOTE_RE.fullmatch(self.text(child))
                if validity and not getattr(term, f"valid_{validity[1]}"):
                    setattr(term, f"valid_{validity[1]}", validity[2])
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
                        self.w.add(
                            "level",
                            "definition inside a term section (TBX-Basic puts definitions at entry or language level); kept as a note",
                            main.sourceline,
                            key="term-definition",
                        )
                    lines.append(self.label_line(child))
            else:
                if kind == "descrip" and dc == "definition":
                    self.w.add(
                        "level",
                        "definition inside a term section (TBX-Basic puts definitions at entry or language level); kept as a note",
                        child.sourceline,
                        key="term-definition",
                    )
                elif kind == "descrip" and dc == "subjectField":
                    self.w.add(
                        "level",
                        "subjectField inside a term section (TBX-Basic puts it at entry level); kept as a note",
                        child.sourceline,
                        key="term-subject",
                    )
                else:
                    self.check_category(child, "term")
                lines.append(self.label_line(child))
        if not term.status:
            term.status = "preferred"
        term.source = sources[0] if sources else ""
        term.note = "\n".join(head + lines)
        return term, ids


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
    if version == 3:
        ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
        if ns != TBX_NS:
            reader.w.add(
                "namespace",
                f"<tbx> not in the TBX namespace {TBX_NS} (found {ns or 'none'}); read as TBX v3",
                root.sourceline,
            )
    concepts = reader.read()
    return TbxFile(concepts, reader.w.problems(), version, root.get("type", ""), reader.verbatim)


def read_concepts(path: str | os.PathLike, lang_tags: Mapping[str, str] | None = None) -> tuple[list[Concept], list]:
    result = read(path, lang_tags)
    return result.concepts, result.warnings
