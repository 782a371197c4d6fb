"""Matching keys: two spellings of one term get the same key.

Chinese: width, spacing, punctuation and traditional/simplified folded (``艾滋病毒／艾滋病`` ≡
``艾滋病毒/艾滋病``, ``聯合國`` ≡ ``联合国``). English: case, hyphen/space
(``money-laundering`` ≡ ``money laundering``), plural/singular (``precursors`` ≡ ``precursor``)
and British/American spelling (``programme`` ≡ ``program``, ``organisation`` ≡ ``organization``).
Keys are for comparison only; nothing shows them to a user.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text.chars import HANZI_RE
from ..text.normalize import normalize_key

# Punctuation and symbols that do not tell two terms apart.
_PUNCT_RE = re.compile(
    r"[\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2010-\u2027\u00b7\"'`.,;:!?()\[\]{}<>/\\|_~*^-]+"
)

_BRITISH = {
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "centres": "centers",
    "defence": "defense",
    "offence": "offense",
    "offences": "offenses",
    "licence": "license",
    "licences": "licenses",
    "labour": "labor",
    "behaviour": "behavior",
    "behaviours": "behaviors",
    "neighbouring": "neighboring",
    "favour": "favor",
    "honour": "honor",
    "endeavour": "endeavor",
    "analyse": "analyze",
    "analysed": "analyzed",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "paediatric": "pediatric",
    "haemorrhage": "hemorrhage",
    "anaemia": "anemia",
    "oestrogen": "estrogen",
    "fulfil": "fulfill",
    "enrolment": "enrollment",
    "judgement": "judgment",
    "ageing": "aging",
    "travelling": "traveling",
    "modelling": "modeling",
    "counselling": "counseling",
    "cheque": "check",
    "tonne": "ton",
    "tonnes": "tons",
    "grey": "gray",
    "sulphate": "sulfate",
    "sulphuric": "sulfuric",
}
# Words ending in -ise that are spelled so in American English too.
_ISE_WORDS = {
    "advise",
    "exercise",
    "otherwise",
    "enterprise",
    "comprise",
    "promise",
    "premise",
    "expertise",
    "franchise",
    "compromise",
    "surprise",
    "supervise",
    "devise",
    "revise",
    "televise",
    "disguise",
    "merchandise",
    "raise",
    "praise",
    "noise",
    "wise",
    "rise",
    "precise",
    "concise",
    "paradise",
    "arise",
    "likewise",
    "clockwise",
    "demise",
    "despise",
    "improvise",
    "chastise",
    "incise",
}
_NO_PLURAL = ("ss", "us", "is", "ics", "ous", "sis", "ness", "as")


def _american(word: str) -> str:
    if word in _BRITISH:
        return _BRITISH[word]
    m = re.match(r"^(.{3,})is(ation|ations|e|ed|es|ing|er|ers)$", word)
    if m and m.group(1) + "ise" not in _ISE_WORDS:
        return f"{m.group(1)}iz{m.group(2)}"
    return word


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(_NO_PLURAL):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


@lru_cache(maxsize=300_000)
def en_key(text: str) -> str:
    """``Money-Laundering programmes`` → ``money laundering program``."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"['’]s\b", "", text)
    words = [w for w in _PUNCT_RE.split(text) if w]
    return " ".join(_singular(_american(w)) for w in words)


@lru_cache(maxsize=300_000)
def zh_key(text: str) -> str:
    """Width, spaces, punctuation and traditional characters folded; Latin letters lower-cased."""
    folded = normalize_key(text, simplified=True)
    return _PUNCT_RE.sub("", folded).lower()


def is_chinese(text: str) -> bool:
    return HANZI_RE.search(text) is not None


def match_key(text: str) -> str:
    """The key for ``text`` in its own script."""
    return zh_key(text) if is_chinese(text) else en_key(text)
