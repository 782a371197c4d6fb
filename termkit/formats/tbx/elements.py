"""Reading one TBX element leniently: which data category it is (DCA ``<descrip type="…">`` or DCT
``<basic:…>``), its text, its language, the ``label: value`` line that keeps in a note what
the model has no field for, and a whole term section (``tig``, ``ntig``, ``termSec``). Departures
from TBX-Basic become warnings; :mod:`.reader` walks the entries and language sections with these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ...model import Term
from ..problems import Warnings
from ..vocabulary import (
    CONTEXT_PREFIX,
    STATUS_TO_TBX,
    canonical_lang,
    canonical_pos,
    canonical_status,
    canonical_type,
    resolve_lang_tags,
)
from ..xmlsafe import local_name, text_of
from .conventions import LANG_HEADER, PROPOSED_NOTE, TBX_NS, VALIDITY_NOTE_RE, XML_LANG

# TBX-Basic data categories by element (both versions); anything else is kept as a note.
_BASIC = {
    "descrip": {"subjectField", "definition", "context"},
    "termNote": {
        "administrativeStatus",
        "partOfSpeech",
        "termType",
        "grammaticalGender",
        "geographicalUsage",
        "termLocation",
    },
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
_LAYOUT_RE = re.compile(r"[ \t\r]*\n\s*")


class ElementReader:
    """The element-level half of a TBX reader: one file's warnings, language mapping and layout rule."""

    def __init__(self, path: str, root, lang_tags: Mapping[str, str] | None):
        self.path = path
        self.root = root
        self.w = Warnings(path)
        self.ids: dict[str, int] = {}
        self.inverse: dict[str, str] = {}
        self.verbatim = False
        self.default_lang = root.get(XML_LANG, "")
        # a file in a wrong namespace (warned about) still has its core structure in that one
        self.core_ns = root.tag[1:].split("}")[0] if isinstance(root.tag, str) and root.tag.startswith("{") else ""
        self._read_header()
        if lang_tags is not None:
            self.inverse = {v: k for k, v in resolve_lang_tags(lang_tags).items()}

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
        if raw is None or not raw.strip():
            raw = self.default_lang.strip()
            self.w.add(
                "lang",
                f"<{local_name(el)}> has no xml:lang; using the file's language {raw!r}"
                if raw
                else f"<{local_name(el)}> has no xml:lang, and the file names no language",
                el.sourceline,
                key="missing",
            )
            if not raw:
                return ""
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
                spec = text_of(p).strip()[len(LANG_HEADER) :]
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
            self.w.add(
                "category",
                f"data category <{local_name(el)}> is not TBX-Basic; kept as a note",
                el.sourceline,
                key=("dct", local_name(el)),
            )
            return
        if kind in _BASIC and dc not in _BASIC[kind]:
            self.w.add(
                "category",
                f"<{kind} type={dc!r}> is not a TBX-Basic data category; kept as a note ({level} level)",
                el.sourceline,
                key=(kind, dc),
            )
        elif kind not in _BASIC and kind not in _AUX and kind not in _IN_GROUPS:
            self.w.add(
                "element",
                f"unknown element <{local_name(el)}> in <{local_name(el.getparent())}>; kept as a note",
                el.sourceline,
                key=("element", local_name(el)),
            )

    def term_note(self, el, term: Term, head: list[str]) -> None:
        kind, dc = self.kind(el)
        value = self.text(el)
        line = el.sourceline
        if dc == "administrativeStatus":
            status, standard = canonical_status(value)
            if term.status:
                head.append(f"administrativeStatus: {value}")
                self.w.add(
                    "status",
                    "a term with two administrativeStatus values; the second is kept as a note",
                    line,
                    key="two",
                )
            elif status is None:
                term.status = "admitted"
                head.append(f"administrativeStatus: {value}")
                self.w.add(
                    "status",
                    f"unknown administrativeStatus {value!r}: read as admitted, the value kept in the term's note",
                    line,
                    key=value,
                )
            else:
                term.status = status
                if not standard:
                    as_written = f" ({STATUS_TO_TBX[status]})" if status in STATUS_TO_TBX else ""
                    self.w.add(
                        "status",
                        f"non-standard administrativeStatus {value!r} read as {status}{as_written}",
                        line,
                        key=value,
                    )
        elif dc == "termType":
            self.set_picklist(
                term,
                "type",
                canonical_type,
                dc,
                value,
                head,
                line,
                "fullForm, acronym, abbreviation, shortForm, variant, phrase",
            )
        elif dc == "partOfSpeech":
            self.set_picklist(
                term, "pos", canonical_pos, dc, value, head, line, "noun, verb, adjective, adverb, properNoun, other"
            )
        else:
            self.check_category(el, "term")
            head.append(self.label_line(el))

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
            self.w.add("empty", f"<{local_name(sec)}> without a <term>: dropped", sec.sourceline)
        else:
            term.text = self.text(term_el)
            term.line = term_el.sourceline
            if term_el.get("id"):
                ids.add(term_el.get("id"))
            if not term.text.strip():
                self.w.add("empty", "empty <term> (no text, not a term): dropped", term_el.sourceline)
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
