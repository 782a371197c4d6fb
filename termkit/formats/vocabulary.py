"""The termbase vocabulary every glossary format shares: statuses, term types, parts of speech,
language tags.

TBX, the wide CSV and XLSX read and write the same picklists (TBX-Basic's administrativeStatus,
termType and partOfSpeech) and map language tags the same way, so the lenient readings of CAT-tool
values (``preferred``, ``notRecommended``, ``Obsolete``, ``proper noun``, ``zh_cn``) live here,
below all of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import STATUSES, Concept
from .problems import Warnings

DEFAULT_LANG_TAGS: dict[str, str] = {"zh": "zh-CN"}
# A line of a term note that starts so is an example sentence (TBX writes it as
# <descrip type="context">; mined candidates carry their contexts so).
CONTEXT_PREFIX = "context: "

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
_TYPE_SYNONYMS.update(
    {"full form": "fullForm", "short form": "shortForm", "fullform": "fullForm", "shortform": "shortForm"}
)
_POS_SYNONYMS = {p.lower(): p for p in POS_V2}
_POS_SYNONYMS.update(
    {
        "propernoun": "properNoun",
        "proper noun": "properNoun",
        "proper_noun": "properNoun",
        "adj": "adjective",
        "n": "noun",
        "v": "verb",
        "adv": "adverb",
    }
)

# What XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE, U+FFFF): the TBX writer
# and the XML parts of an .xlsx refuse or drop it.
XML_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LANG_RE = re.compile(r"^[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*$")


def _key(value: str) -> str:
    return re.sub(r"[\s_\-]", "", value.strip().lower())


def canonical_status(value: str) -> tuple[str | None, bool]:
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


_TRADITIONAL_REGIONS = {"tw", "hk", "mo"}


def is_traditional(tag: str) -> bool:
    """Does a Chinese language tag declare traditional characters? ``zh-TW``, ``zh-Hant``,
    ``zh-HK``, ``zh-MO``, ``zh_Hant_TW``: yes; ``zh``, ``zh-CN``, ``zh-Hans``, ``zh-SG``: no (a
    script subtag wins over a region: ``zh-Hans-HK`` is simplified)."""
    parts = [p.lower() for p in re.split(r"[-_]", tag or "")]
    if not parts or parts[0] not in ("zh", "cmn", "yue", "zho", "chi"):
        return False
    if "hant" in parts:
        return True
    if "hans" in parts:
        return False
    return parts[0] == "yue" or any(p in _TRADITIONAL_REGIONS for p in parts[1:])


def map_lang(tag: str, lang_tags: Mapping[str, str]) -> str:
    """The tag written for ``tag`` under the mapping (``zh`` → ``zh-CN``); unmapped tags as they are."""
    return lang_tags.get(tag, tag)


def resolve_lang_tags(lang_tags: Mapping[str, str] | None) -> dict[str, str]:
    """The mapping to apply: the defaults, updated with ``lang_tags`` (``{"zh": "zh-Hans"}``)."""
    out = dict(DEFAULT_LANG_TAGS)
    if lang_tags:
        out.update(lang_tags)
    return out


def check_lang_tags(
    concepts: list[Concept], lang_tags: Mapping[str, str], path: str | None = None, warnings: Warnings | None = None
) -> dict[str, str]:
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
