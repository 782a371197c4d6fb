"""Which column of a glossary table holds what: told by the header, by the content, or by ``--columns``.

Glossaries made by others come in every layout, and the reader says what it assumed instead of
refusing them (warnings with the code ``columns``):

- **a header row** whose names say the language — a tag (``en``, ``zh_CN``), a language name
  (``English``, ``Chinese (PRC)``, ``中文``), or either with a word for "term" (``english_name``,
  ``English_word``, ``term_en``, ``英文名称``) — or only the role (``source``, ``target``,
  ``term``, ``translation``): then the language comes from the column's content (hanzi: Chinese;
  kana: Japanese; hangul: Korean; Cyrillic: Russian; Latin letters: English, assumed);
- **a title row** (or a few) above the header: skipped;
- **no header** at all (OmegaT's tab-separated glossaries: source term, target term, comment;
  lines starting with ``#`` are comments): the first two columns are the terms, languages by
  content, a third column is a note;
- **``--columns``** names the columns in order when neither tells (``--columns en,zh,note``;
  ``-`` skips a column); a first row that names the columns is then skipped as a header.

When the languages cannot be told apart (two columns of Latin text, say English and French), the
reader stops and asks for ``--columns`` rather than guess.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...errors import InputError, TermkitError
from ..problems import Warnings
from .columns import LANGUAGE_NAMES, ROLE_NAMES, WIDE_COLUMN_RE, column_lang
from .long import is_long_header

# Words that, beside a language, name the column of its terms (english_name, 中文名称).
TERM_WORDS = frozenset(
    "term terms name names word words text string strings phrase phrases expression entry label value "
    "translation translations equivalent equivalents form".split()
    + "词 词语 术语 名称 名 译名 译文 全称 用语 詞 詞語 術語 名稱 譯名".split()
)
# Columns that hold a side of a term pair without saying its language.
PAIR_NAMES = {
    **dict.fromkeys(("source", "src", "original", "sourceword", "sourcephrase", "原文", "源文", "原词"), "source_term"),
    **dict.fromkeys(
        ("target", "tgt", "translation", "translated", "targetword", "targetphrase", "译文", "译词", "目标"),
        "target_term",
    ),
    "term": "source_term",
}
_SCRIPT_WORDS = {"simplified": "Hans", "traditional": "Hant", "简体": "Hans", "繁體": "Hant", "繁体": "Hant"}
_PART_RE = re.compile(r"[\s_/()\[\]:.]+")
_TOKEN_RE = re.compile(r"[\s_\-/()\[\]:.]+|(?<=[a-z])(?=[A-Z])")
_CJK_NAMES = sorted((k for k in LANGUAGE_NAMES if re.search(r"[\u4e00-\u9fff]", k)), key=len, reverse=True)
_SCRIPTS = (
    ("zh", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("en", re.compile(r"[A-Za-z\u00c0-\u024f]")),
)
MAX_TITLE_ROWS = 5
SAMPLE_ROWS = 500


@dataclass
class Layout:
    """What :func:`detect` found: the role of each column, the rows that hold entries, and the
    header (column names for messages)."""

    roles: dict[int, tuple]
    body: list[tuple[int, list[str]]]
    names: list[str] = field(default_factory=list)
    long_header: list[str] | None = None  # the header is the long shape's: read the body as long rows


def name_role(name: str) -> tuple | None:
    """The role a header name gives its column, or None: ``("term", lang, slot)``, ``("field",
    lang, slot, field)``, ``("concept", name)`` (incl. the pair roles of TICO-19 style lists), with
    ``lang`` None when the name gives the role but not the language (``source``, ``term``)."""
    raw = (name or "").strip()
    if not raw:
        return None
    low = raw.lower()
    key = re.sub(r"[\s_\-]", "", low)
    if key in ROLE_NAMES:
        return ("concept", ROLE_NAMES[key])
    if key in PAIR_NAMES or low in PAIR_NAMES:
        return ("concept", PAIR_NAMES.get(key) or PAIR_NAMES[low])
    m = WIDE_COLUMN_RE.fullmatch(raw)
    lang = column_lang(m.group("lang")) if m else None
    if lang is not None:
        slot = int(m.group("slot") or 1)
        fname = (m.group("field") or "").lower()
        return ("field", lang, slot, fname) if fname else ("term", lang, slot)
    lang = _lang_in_words(raw)
    return ("term", lang, 1) if lang else None


def _lang_in_words(name: str) -> str | None:
    """``english_name``, ``English word``, ``term_en``, ``Chinese (Simplified) term``, ``英文名称``."""
    for cjk in _CJK_NAMES:
        if name.startswith(cjk) and (name[len(cjk) :].strip() in TERM_WORDS or not name[len(cjk) :].strip()):
            return LANGUAGE_NAMES[cjk]
    tokens = []
    for part in _PART_RE.split(name):  # a tag keeps its hyphen (term_zh-CN); words split further
        if part and column_lang(part) and "-" in part:
            tokens.append(column_lang(part))
        else:
            tokens += [t.lower() for t in _TOKEN_RE.split(part) if t]
    langs = [LANGUAGE_NAMES[t] for t in tokens if t in LANGUAGE_NAMES and t.isascii()]
    langs += [t if "-" in t else column_lang(t) for t in tokens if _code(t)]
    scripts = [_SCRIPT_WORDS[t] for t in tokens if t in _SCRIPT_WORDS]
    rest = [t for t in tokens if t not in LANGUAGE_NAMES and t not in _SCRIPT_WORDS and not _code(t)]
    if len(langs) != 1 or len(scripts) > 1 or any(t not in TERM_WORDS for t in rest) or not (rest or scripts):
        return None
    lang = langs[0]
    return f"{lang}-{scripts[0]}" if scripts and lang == "zh" else lang


def _code(token: str) -> bool:
    """A language code inside a longer name (term_en, zh_name, term_zh-CN); not ``id`` or ``no``."""
    if "-" in token:
        return column_lang(token) is not None
    return len(token) in (2, 3) and token not in ("id", "no") and column_lang(token) is not None


def content_lang(values: Sequence[str]) -> tuple[str | None, str]:
    """The language a column's text is in, by its script, and how that was told: ``("zh",
    "hanzi")``, ``("en", "Latin letters: assumed English")``; ``(None, …)`` when it has no text."""
    counts = dict.fromkeys((lang for lang, _ in _SCRIPTS), 0)
    for value in values[:SAMPLE_ROWS]:
        for lang, pattern in _SCRIPTS:
            counts[lang] += len(pattern.findall(value))
    total = sum(counts.values())
    if not total:
        return None, "no text"
    if counts["ja"] >= 0.1 * (counts["ja"] + counts["zh"]) and counts["ja"] + counts["zh"] >= total / 2:
        return "ja", "kana"
    best = max(counts, key=counts.get)
    how = {
        "zh": "hanzi",
        "ko": "hangul",
        "ru": "Cyrillic letters: assumed Russian",
        "ar": "Arabic letters: assumed Arabic",
        "en": "Latin letters: assumed English",
    }
    return best, how.get(best, best)


def parse_columns(spec: str | Sequence[str]) -> list[tuple | None]:
    """``--columns en,zh-CN,note,-`` → one role per column (None: ignore the column)."""
    names = [x.strip() for x in spec.split(",")] if isinstance(spec, str) else [x.strip() for x in spec]
    out: list[tuple | None] = []
    for name in names:
        if name in ("", "-", "_", "skip"):
            out.append(None)
            continue
        role = name_role(name)
        if role is None or (role[0] in ("term", "field") and role[1] is None):
            raise TermkitError(
                f"--columns: {name!r} is not a language tag (en, zh-CN), a term field (en_note) or a "
                f"column (concept_id, subject, definition, note, pos, -)"
            )
        if role == ("concept", "source_term") or role == ("concept", "target_term"):
            raise TermkitError(f"--columns: name the language of {name!r} (e.g. en or zh-CN)")
        out.append(role)
    return out


def _is_header(record: list[str]) -> bool:
    cells = [c.strip() for c in record if c and c.strip()]
    if not cells:
        return False
    roles = [name_role(c) for c in cells]
    recognized = sum(r is not None for r in roles)
    termish = sum(
        r is not None and (r[0] in ("term", "field") or r[1] in ("source_term", "target_term")) for r in roles
    )
    hanzi_data = any(r is None and _SCRIPTS[0][1].search(c) for c, r in zip(cells, roles))
    return (
        termish >= 1 and not hanzi_data and recognized >= min(2, len(cells)) and recognized >= math.ceil(len(cells) / 2)
    )


def _shown(record: list[str]) -> str:
    text = " | ".join(c.strip() for c in record if c and c.strip())
    return text if len(text) <= 60 else text[:57] + "…"


def detect(
    rows: list[tuple[int, list[str]]], path: str, w: Warnings, columns: Sequence[tuple | None] | None = None
) -> Layout:
    """Find the header (or its absence) and the role of every column of a glossary table."""
    k = 0
    while k < len(rows) and rows[k][1] and rows[k][1][0].lstrip().startswith("#"):
        k += 1  # comment lines at the top (OmegaT's glossaries start so)
    rows = rows[k:]
    head = next((k for k, (_, rec) in enumerate(rows[:MAX_TITLE_ROWS]) if _is_header(rec) or is_long_header(rec)), None)
    if head is not None and columns is None and is_long_header(rows[head][1]):
        _skip_titles(rows[:head], w)
        return Layout({}, rows[head + 1 :], [h.strip() for h in rows[head][1]], [h.strip() for h in rows[head][1]])
    if columns is not None:
        body = rows[head + 1 :] if head is not None else rows
        _skip_titles(rows[:head] if head is not None else [], w)
        roles = {i: r for i, r in enumerate(columns) if r is not None}
        names = list(rows[head][1]) if head is not None else [f"column {i + 1}" for i in range(len(columns))]
        return Layout(roles, body, names)
    if head is not None:
        _skip_titles(rows[:head], w)
        header = [h.strip() for h in rows[head][1]]
        return Layout(_header_roles(header, rows[head + 1 :], path, w, rows[head][0]), rows[head + 1 :], header)
    return _headerless(rows, path, w)


def _skip_titles(rows, w: Warnings) -> None:
    for line, record in rows:
        if any(c and c.strip() for c in record):
            w.add("columns", f"above the header, not an entry ({_shown(record)!r}): skipped", line)


def _header_roles(header: list[str], body, path: str, w: Warnings, line: int) -> dict[int, tuple]:
    roles: dict[int, tuple] = {}
    for i, name in enumerate(header):
        if not name:
            continue
        role = name_role(name)
        if role is None:
            roles[i] = ("extra", name)
            w.add(
                "column",
                f"column {name!r} is not a language or a known field; kept in the concept note as '{name}: …'",
                line,
            )
            continue
        if role[0] in ("term", "field"):
            lang_part = WIDE_COLUMN_RE.fullmatch(name)
            written = lang_part.group("lang") if lang_part else name
            if "_" in written and written.lower() not in LANGUAGE_NAMES and column_lang(written):
                w.add(
                    "lang",
                    f"column {written!r}: language tags use '-', not '_'; read as {role[1]!r}",
                    line,
                    key=written,
                )
            elif role[1] and column_lang(written) is None and WIDE_COLUMN_RE.fullmatch(name) is not None:
                w.add("columns", f"column {name!r} read as the {role[1]} terms", line, key=("named", name))
        roles[i] = role
    seen: dict[tuple, str] = {}
    for i, role in roles.items():  # two columns for one thing: one would silently win
        if role[0] in ("term", "field") and role[1] is not None:
            if role in seen:
                raise InputError(
                    f"header repeats column(s) {header[i]} (as {seen[role]!r}); a second column for the same "
                    "language and field would be dropped — number it (en_2) or rename it",
                    path,
                    line,
                )
            seen[role] = header[i]
    pair = {r[1] for r in roles.values() if r[0] == "concept"}
    if {"source_lang", "target_lang"} & pair:
        return roles  # the rows say their languages (TICO-19 style)
    for i, role in list(roles.items()):  # source/target/term without a language: a term column
        if role[0] == "concept" and role[1] in ("source_term", "target_term"):
            roles[i] = ("term", None, 1)
    unknown = [i for i, r in roles.items() if r[0] == "term" and r[1] is None]
    if unknown:
        known = {r[1] for r in roles.values() if r[0] == "term" and r[1] and r[2] == 1}
        for i in unknown:
            lang, how = content_lang([rec[i] for _, rec in body if i < len(rec) and rec[i]])
            if lang is None or lang in known:
                _ask_for_columns(path, line, f"cannot tell the language of column {header[i]!r} ({how})")
            known.add(lang)
            roles[i] = ("term", lang, 1)
            w.add("columns", f"column {header[i]!r} read as {lang} terms ({how})", line, key=("content", i))
    return roles


def _headerless(rows, path: str, w: Warnings) -> Layout:
    body = [(line, rec) for line, rec in rows if not (rec and rec[0].lstrip().startswith("#"))]
    wide = [r for r in body if sum(1 for c in r[1] if c and c.strip()) >= 2]
    if len(wide) > len(body) / 2:  # titles: leading rows of one cell, when entries have two
        k = 0
        while k < len(body) and sum(1 for c in body[k][1] if c and c.strip()) < 2:
            k += 1
        _skip_titles(body[:k], w)
        body = body[k:]
    width = max((len(rec) for _, rec in body), default=0)
    if width < 2:
        _ask_for_columns(path, rows[0][0] if rows else None, "no header and fewer than two columns")
    roles: dict[int, tuple] = {}
    told = []
    for i in (0, 1):
        lang, how = content_lang([rec[i] for _, rec in body if i < len(rec) and rec[i]])
        if lang is None or any(r[1] == lang for r in roles.values()):
            _ask_for_columns(
                path,
                body[0][0] if body else None,
                f"no header, and the language of column {i + 1} cannot be told ({how})",
            )
        roles[i] = ("term", lang, 1)
        told.append(f"column {i + 1} as {lang} terms ({how})")
    if width > 2:
        roles[2] = ("concept", "note")
        told.append("column 3 as a note")
    for i in range(3, width):
        roles[i] = ("extra", f"column {i + 1}")
    w.add(
        "columns",
        "no header row: read "
        + ", ".join(told)
        + " (OmegaT's layout: source, target, comment); give --columns to say otherwise",
        body[0][0] if body else None,
    )
    return Layout(roles, body, [f"column {i + 1}" for i in range(width)])


def _ask_for_columns(path: str, line, why: str):
    raise InputError(
        f"{why}: name the columns with --columns (e.g. --columns en,zh-CN,note), or give the file a header "
        "like 'en,zh-CN,…' (the wide shape), 'concept_id,lang,term,…' (the long shape) or 'source,target'",
        path,
        line,
    )
