"""XLIFF 1.2 and 2.0 (CAT-tool bilingual files): read source/target segments with their ids.

* XLIFF 1.2: ``<file source-language target-language>`` / ``<trans-unit id>`` with ``<source>``
  and ``<target>`` (``<alt-trans>`` proposals are not the translation and are ignored). When a
  unit is segmented (``<seg-source>`` with ``<mrk mtype="seg" mid>``) each segment is a unit of
  its own, id ``UNIT:MID``.
* XLIFF 2.0/2.1: ``<xliff srcLang trgLang>`` / ``<unit id>`` / ``<segment id>`` with ``<source>``
  and ``<target>``; a unit with several segments gives ids ``UNIT:SEGMENT`` (or ``UNIT:N``).
  Module elements (``gls:glossary``, ``mtc:matches`` …) are skipped.

Inline markup is tolerated: codes (``<ph>``, ``<x>``, ``<bpt>``/``<ept>``, ``<sc>``/``<ec>``) are
dropped; the text of ``<g>``, ``<mrk>``, ``<pc>`` is kept. A unit marked ``translate="no"`` (on
itself or inherited from its group or file) is read with ``translate=False``: it is in the file,
not for translation. Parsing is safe against XXE (:mod:`termkit.formats.xmlsafe`).
"""

from __future__ import annotations

import os

from ..errors import InputError
from ..model import TranslationUnit
from .tmx import inline_text
from .xmlsafe import local_name, parse_xml


def _children(el, name: str):
    return [c for c in el if local_name(c) == name]


def _child(el, name: str):
    return next((c for c in el if local_name(c) == name), None)


def _text(el) -> str:
    return inline_text(el).strip() if el is not None else ""


def read_xliff(path: str | os.PathLike) -> list[TranslationUnit]:
    """Read every source/target segment of an XLIFF 1.2 or 2.x file."""
    shown = str(path)
    root = parse_xml(path).getroot()
    if local_name(root) != "xliff":
        raise InputError(f"not an XLIFF file (root element <{local_name(root)}>)", shown, root.sourceline)
    version = (root.get("version") or "").strip()
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if version.startswith("2") or ns.endswith(":2.0") or ns.endswith(":2.1") or ns.endswith(":2.2"):
        return _read_v2(root)
    if version and not version.startswith("1"):
        raise InputError(f"unsupported XLIFF version {version!r} (expected 1.2 or 2.x)", shown, root.sourceline)
    return _read_v1(root)


def _translatable(el) -> bool:
    """``translate="no"`` on the element or the nearest ancestor that says (XLIFF 1.2 and 2.x)."""
    while el is not None:
        value = el.get("translate")
        if value is not None:
            return value.strip().lower() not in ("no", "false")
        el = el.getparent()
    return True


def _notes(el) -> str:
    out = []
    for holder in [el] + _children(el, "notes"):
        for note in _children(holder, "note"):
            text = (note.text or "").strip() if len(note) == 0 else inline_text(note).strip()
            if text:
                out.append(text)
    return "\n".join(out)


def _read_v1(root) -> list[TranslationUnit]:
    out: list[TranslationUnit] = []
    for file_el in (el for el in root.iter() if local_name(el) == "file"):
        src_lang = file_el.get("source-language") or ""
        tgt_lang = file_el.get("target-language") or ""
        for n, tu in enumerate((el for el in file_el.iter() if local_name(el) == "trans-unit"), 1):
            uid = tu.get("id") or str(n)
            source_el = _child(tu, "source")
            target_el = _child(tu, "target")
            s_lang = (
                source_el.get("{http://www.w3.org/XML/1998/namespace}lang") if source_el is not None else None
            ) or src_lang
            t_lang = (
                target_el.get("{http://www.w3.org/XML/1998/namespace}lang") if target_el is not None else None
            ) or tgt_lang
            note = _notes(tu)
            translate = _translatable(tu)
            seg_source = _child(tu, "seg-source")
            segmented = _segments_v1(seg_source) if seg_source is not None else {}
            if segmented:
                targets = _segments_v1(target_el) if target_el is not None else {}
                for mid, (text, line) in segmented.items():
                    target = targets.get(mid, ("", None))[0]
                    out.append(TranslationUnit(f"{uid}:{mid}", text, target, s_lang, t_lang, note, line, translate))
                continue
            if source_el is None:
                continue
            out.append(
                TranslationUnit(uid, _text(source_el), _text(target_el), s_lang, t_lang, note, tu.sourceline, translate)
            )
    return out


def _segments_v1(el) -> dict[str, tuple[str, int | None]]:
    """``<mrk mtype="seg" mid="…">`` segments inside a seg-source or target."""
    out: dict[str, tuple[str, int | None]] = {}
    for mrk in el.iter():
        if local_name(mrk) == "mrk" and (mrk.get("mtype") or "") == "seg":
            out[mrk.get("mid") or str(len(out) + 1)] = (inline_text(mrk).strip(), mrk.sourceline)
    return out


def _read_v2(root) -> list[TranslationUnit]:
    src_lang = root.get("srcLang") or ""
    tgt_lang = root.get("trgLang") or ""
    out: list[TranslationUnit] = []
    for unit in (el for el in root.iter() if local_name(el) == "unit"):
        uid = unit.get("id") or str(len(out) + 1)
        note = _notes(unit)
        segments = _children(unit, "segment")
        for k, seg in enumerate(segments, 1):
            source_el = _child(seg, "source")
            if source_el is None:
                continue
            target_el = _child(seg, "target")
            sid = uid if len(segments) == 1 else f"{uid}:{seg.get('id') or k}"
            t_lang = (
                target_el.get("{http://www.w3.org/XML/1998/namespace}lang") if target_el is not None else None
            ) or tgt_lang
            out.append(
                TranslationUnit(
                    sid, _text(source_el), _text(target_el), src_lang, t_lang, note, seg.sourceline, _translatable(unit)
                )
            )
    return out
