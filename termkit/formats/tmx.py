"""TMX 1.4 translation memories: read (any TMX 1.1–1.4) and write.

Reading is safe (no entities, no DTD, no network: :mod:`termkit.formats.xmlsafe`), tolerant of
inline markup — the native codes inside ``<bpt>``, ``<ept>``, ``<it>``, ``<ph>``, ``<ut>`` are
dropped, the text of ``<hi>`` and ``<sub>`` kept — and of language tags in any case (``ZH-CN``,
``zh_cn``, ``lang=`` of TMX 1.1). Writing produces TMX 1.4 with ``creationtool="termkit"``, a
``srclang`` header and ``xml:lang`` on every ``<tuv>``, the shape CAT tools (Trados, memoQ,
OmegaT, Phrase) and translate-toolkit import.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import IO

from lxml import etree

from .._version import __version__
from ..errors import InputError
from ..model import TranslationUnit, lang_base
from .xmlsafe import local_name, parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Inline elements whose text is native code (formatting tags), not translatable content.
CODE_ELEMENTS = frozenset({"bpt", "ept", "it", "ph", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em"})
# XML 1.0 cannot carry these characters at all.
_INVALID_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def inline_text(element, code_elements: frozenset[str] = CODE_ELEMENTS) -> str:
    """The translatable text of a segment element: inline codes dropped, their tails kept.

    ``<sub>`` inside a code element is translatable and kept; XLIFF 2 ``<cp hex="…"/>`` becomes
    its character.
    """
    parts: list[str] = []

    def walk(el, in_code: bool) -> None:
        name = local_name(el)
        if name == "cp" and el.get("hex"):
            with contextlib.suppress(ValueError, OverflowError):
                parts.append(chr(int(el.get("hex"), 16)))
            return
        code = in_code or name in code_elements
        if name == "sub":
            code = False
        if el.text and not code:
            parts.append(el.text)
        for child in el:
            if not isinstance(child.tag, str):  # comments, processing instructions
                if child.tail and not code:
                    parts.append(child.tail)
                continue
            walk(child, code)
            if child.tail and not code:
                parts.append(child.tail)

    walk(element, False)
    return "".join(parts)


def _clean(text: str) -> str:
    return text.strip()


def tuv_lang(tuv) -> str:
    return tuv.get(XML_LANG) or tuv.get("lang") or ""


def _parse(path: str | os.PathLike):
    """The header's source language and every ``<tu>`` of a TMX file as ``(tu, variants, note)``,
    ``variants`` the ``(language tag, text)`` of its ``<tuv>`` in file order."""
    shown = str(path)
    root = parse_xml(path).getroot()
    if local_name(root) != "tmx":
        raise InputError(f"not a TMX file (root element <{local_name(root)}>)", shown, root.sourceline)
    header = next((el for el in root if local_name(el) == "header"), None)
    body = next((el for el in root if local_name(el) == "body"), None)
    if body is None:
        raise InputError("TMX file has no <body>", shown, root.sourceline)
    header_src = (header.get("srclang") if header is not None else None) or ""
    units = []
    for tu in (el for el in body.iter() if local_name(el) == "tu"):
        variants = []
        for tuv in tu:
            if local_name(tuv) != "tuv":
                continue
            seg = next((el for el in tuv if local_name(el) == "seg"), None)
            if seg is not None:
                variants.append((tuv_lang(tuv), _clean(inline_text(seg))))
        notes = [_clean(el.text or "") for el in tu if local_name(el) == "note"]
        notes += [
            _clean(el.text or "") for el in tu if local_name(el) == "prop" and (el.get("type") or "").lower() == "note"
        ]
        units.append((tu, variants, "\n".join(x for x in notes if x)))
    return ("" if header_src.lower() == "*all*" else header_src), units


def read_tmx(
    path: str | os.PathLike, src_lang: str | None = None, tgt_lang: str | None = None
) -> list[TranslationUnit]:
    """Read the translation units of a TMX file.

    ``src_lang`` defaults to the header's ``srclang`` (or the first language of the first unit
    when it is ``*all*``), ``tgt_lang`` to the first other language found. Languages match on
    their base (``zh`` matches ``zh-CN`` and ``ZH-TW``). A unit without the source language is
    skipped; one without the target language gets an empty target. (To pick two languages
    wherever they are in a multilingual memory, see :func:`read_tmx_pair`.)
    """
    header_src, tus = _parse(path)
    if src_lang is None:
        src_lang = header_src or next((v[0][0] for _, v, _ in tus if v and v[0][0]), "")
    if not src_lang:
        return []
    src_base = lang_base(src_lang)
    tgt_base = lang_base(tgt_lang) if tgt_lang else None
    out: list[TranslationUnit] = []
    for n, (tu, variants, note) in enumerate(tus, 1):
        src_tag = tgt_tag = None
        source = target = None
        for tag, text in variants:
            base = lang_base(tag) if tag else ""
            if base == src_base and source is None:
                source, src_tag = text, tag
            elif base and base != src_base and target is None and (tgt_base is None or base == tgt_base):
                if tgt_base is None:
                    tgt_base = base
                target, tgt_tag = text, tag
        if source is None:
            continue
        out.append(
            TranslationUnit(
                id=tu.get("tuid") or str(n),
                source=source,
                target=target or "",
                src_lang=src_tag or src_lang,
                tgt_lang=tgt_tag or tgt_lang or "",
                note=note,
                line=tu.sourceline,
            )
        )
    return out


def read_tmx_pair(path: str | os.PathLike, first: str, second: str) -> list[TranslationUnit]:
    """The ``first`` and ``second`` language of every ``<tu>``, wherever they are among its
    variants (an en/de/zh memory, a zh→ja one): a unit for each ``<tu>``, the side it lacks empty
    (tag ``""``); one with neither has its first two variants, as they are. Source is the one the header's ``srclang``
    names, else ``first``. Languages match on their base (``zh`` matches ``zh-TW``)."""
    header_src, tus = _parse(path)
    a, b = lang_base(first), lang_base(second)
    out: list[TranslationUnit] = []
    for n, (tu, variants, note) in enumerate(tus, 1):
        found: dict[str, tuple[str, str]] = {}
        for tag, text in variants:
            if tag and lang_base(tag) in (a, b):
                found.setdefault(lang_base(tag), (tag, text))
        if not found:  # neither language: the unit as it is, for the caller to say why it is left out
            (s_tag, s_text), (t_tag, t_text) = (variants + [("", ""), ("", "")])[:2]
            out.append(TranslationUnit(tu.get("tuid") or str(n), s_text, t_text, s_tag, t_tag, note, tu.sourceline))
            continue
        src_first = lang_base(tu.get("srclang") or header_src or first) != b
        src, tgt = (a, b) if src_first else (b, a)
        (s_tag, s_text), (t_tag, t_text) = found.get(src, ("", "")), found.get(tgt, ("", ""))
        out.append(TranslationUnit(tu.get("tuid") or str(n), s_text, t_text, s_tag, t_tag, note, tu.sourceline))
    return out


def xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 cannot represent (control characters)."""
    return _INVALID_XML_RE.sub("", text)


def write_tmx(
    units: Iterable[TranslationUnit],
    out: IO[str],
    src_lang: str,
    tgt_lang: str,
    props: Iterable[dict[str, str]] | None = None,
) -> int:
    """Write TMX 1.4 to a text stream; returns the number of ``<tu>`` written.

    ``props``, when given, is one dict per unit of extra ``<prop type="…">`` values (use ``x-``
    names, e.g. ``x-score``). Units with an empty source or target are skipped.
    """
    now = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        {
            "creationtool": "termkit",
            "creationtoolversion": __version__,
            "creationdate": now,
            "datatype": "plaintext",
            "segtype": "sentence",
            "adminlang": "en",
            "srclang": src_lang,
            "o-tmf": "termkit",
        },
    )
    body = etree.SubElement(root, "body")
    props_iter = iter(props) if props is not None else None
    n = 0
    for unit in units:
        extra = next(props_iter, {}) if props_iter is not None else {}
        if not unit.source.strip() or not unit.target.strip():
            continue
        attrs = {"tuid": xml_safe(str(unit.id))} if unit.id not in (None, "") else {}
        tu = etree.SubElement(body, "tu", attrs)
        for key, value in (extra or {}).items():
            prop = etree.SubElement(tu, "prop", type=key)
            prop.text = xml_safe(str(value))
        if unit.note:
            note = etree.SubElement(tu, "note")
            note.text = xml_safe(unit.note)
        for lang, text in ((unit.src_lang or src_lang, unit.source), (unit.tgt_lang or tgt_lang, unit.target)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            seg = etree.SubElement(tuv, "seg")
            seg.text = xml_safe(text)
        n += 1
    etree.indent(root, space="  ")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(etree.tostring(root, encoding="unicode"))
    out.write("\n")
    return n
