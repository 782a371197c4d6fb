"""Abbreviation definitions: ``全称（简称）`` and ``简称 = 全称`` in the corpus.

The map (:func:`find_definitions`) records each definition as it is written: the short form and
the words before the bracket, back to the previous punctuation or function word (the *window*).
Which suffix of the window is the full form is decided once, on the merged counts
(:func:`resolve`), because that needs the candidate table: in ``随时了解国际麻醉品管制局（麻管局）``
the full form is 国际麻醉品管制局 — the longest suffix that is itself a term candidate and holds
the characters of 麻管局 in order.

Recognized:

- ``联合国毒品和犯罪问题办公室（毒罪办）``, ``世界卫生组织（世卫组织）`` — a Chinese short form whose
  characters appear, in order, in the full form;
- ``四氢呋喃芬太尼（THF-F）``, ``冠状病毒病（COVID-19）`` — a Latin acronym or code after a term;
- ``…（以下简称“毒罪办”）``, ``…（简称毒罪办）``, ``…（下称…）``;
- ``UNODC = 联合国毒品和犯罪问题办公室`` (one definition a line, as in lists of abbreviations).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..text.chars import HANZI
from .kinds import EDGE, KINDS, SEP, STOP
from .lexicon import lexicon
from .names import body_name
from .segmenter import NOUN_TAGS, dictionary_tag

_OPEN = ("（", "(")
_CLOSE = ("）", ")")
_QUOTES = "“”\"‘’'「」"
_HANZI_RE = re.compile(f"[{HANZI}]")
_LATIN_SHORT_RE = re.compile(r"^[A-Za-z0-9]+(?:[-&][A-Za-z0-9]+)*$")
_EQUALS_RE = re.compile(
    rf"^[ \t]*([A-Za-z][A-Za-z0-9&\-]{{1,11}}|[{HANZI}]{{2,8}})[ \t]*[=＝][ \t]*([^=＝\n，。；：、]{{2,40}}?)[ \t]*$",
    re.M,
)
MAX_WINDOW_CHARS = 30
MAX_SHORT_CHARS = 12


def is_subsequence(short: str, full: str) -> bool:
    """Do the characters of ``short`` appear in ``full`` in order (毒罪办 in 毒品和犯罪问题办公室)?"""
    it = iter(full)
    return all(c in it for c in short)


def plausible_short(short: str) -> bool:
    if not 2 <= len(short) <= MAX_SHORT_CHARS:
        return False
    if _HANZI_RE.search(short):
        return not any(c.isspace() for c in short)
    # Latin: an acronym or code with two capitals at least (not a symbol, URL or list letter)
    return bool(_LATIN_SHORT_RE.match(short)) and sum(c.isupper() for c in short) >= 2


def find_definitions(tokens: Sequence[str], kinds: Sequence[int], text: str = "") -> list[tuple[str, str]]:
    """``(short, window)`` for each ``window（short）`` in a token sequence (the map's part).

    ``window`` is the words before the bracket (joined by the n-gram separator) back to the
    previous punctuation or stop word, at most 30 characters.
    """
    out: list[tuple[str, str]] = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t not in _OPEN or i == 0:
            continue
        # the short form: the tokens up to the closing bracket
        j = i + 1
        while j < n and tokens[j] not in _CLOSE and j - i <= 10:
            j += 1
        if j >= n or tokens[j] not in _CLOSE or j == i + 1:
            continue
        a, b = i + 1, j
        # drop 以下简称 / 简称 / 下称 and quotation marks around the short form
        markers = lexicon().abbreviation_markers
        while a < b and (tokens[a] in markers or tokens[a] == "称" or all(c in _QUOTES for c in tokens[a])):
            a += 1
        while b > a and all(c in _QUOTES for c in tokens[b - 1]):
            b -= 1
        if a >= b or any(kinds[x] <= STOP for x in range(a, b)):
            continue
        short = "".join(tokens[a:b])
        if not plausible_short(short):
            continue
        # the window: words before the bracket
        k = i - 1
        window: list[str] = []
        length = 0
        while k >= 0 and kinds[k] > STOP and length + len(tokens[k]) <= MAX_WINDOW_CHARS:
            window.append(tokens[k])
            length += len(tokens[k])
            k -= 1
        if not window or kinds[i - 1] != EDGE:
            continue
        window.reverse()
        full_text = "".join(window)
        if short == full_text or len(short) >= len(full_text):
            continue
        if _HANZI_RE.search(short) and not is_subsequence(short, full_text):
            continue
        out.append((short, SEP.join(window)))
    if text and ("=" in text or "＝" in text):
        for m in _EQUALS_RE.finditer(text):
            short, full = m.group(1), m.group(2).strip()
            if plausible_short(short) and len(full) > len(short):
                out.append((short, full))
    return out


@dataclass
class Abbreviation:
    short: str
    full: str
    count: int  # definitions seen (0 for an inferred one)
    inferred: bool = False  # never defined in the corpus: guessed from its characters (:func:`infer`)


def resolve(definitions: Mapping[tuple[str, str], int]) -> list[Abbreviation]:
    """Pick the full form of each definition among the words before its bracket.

    The full form is what is left of those words after cutting, from the right, (1) at a joiner
    (和, 与, 及) when the words after it already hold the short form (会员国与 | 联合国毒品和犯罪问题办公室),
    and (2) after the last verb before the short form's first character (科学服务处提出建议供 |
    世界卫生组织, 了解 | 国际麻醉品管制局); it must begin with a content word. Neither cut is made
    inside a name: a joiner before a verb joins two predicates of one name, and a verb after
    联合国 belongs to the name, as UN names begin with it (联合国促进性别平等和增强妇女权能署（妇女署）,
    not 妇女权能署). A Chinese short form
    must be a subsequence of it (毒罪办 in 联合国毒品和犯罪问题办公室); a Latin acronym or code stands
    for the name before it (四氢呋喃芬太尼（THF-F）).
    """

    lex = lexicon()
    joiners, nouns = lex.coordinators, NOUN_TAGS()

    def is_verb(w: str) -> bool:
        return w in lex.light_verbs or w in lex.predicate_ends or dictionary_tag(w) == "v"

    pairs: dict[tuple[str, str], int] = {}
    for (short, window), count in definitions.items():
        words = window.split(SEP)
        chinese = bool(_HANZI_RE.search(short))
        start = 0
        for k in range(len(words) - 1, 0, -1):
            if words[k] in joiners:
                # 促进性别平等和增强妇女权能署: a joiner before a verb joins two predicates inside
                # one name, not two names
                if k + 1 < len(words) and is_verb(words[k + 1]) and dictionary_tag(words[k + 1]) not in nouns:
                    continue
                if not chinese or is_subsequence(short, "".join(words[k + 1 :])):
                    start = k + 1
                    break
        # the word holding the short form's first character in the shortest match
        first = len(words) - 1
        if chinese:
            while first > start and not is_subsequence(short, "".join(words[first:])):
                first -= 1
        for k in range(first - 1, start - 1, -1):
            if is_verb(words[k]) and dictionary_tag(words[k]) not in nouns:
                if words[k - 1 if k else 0] in joiners or "联合国" in words[start:k]:
                    continue  # inside the name: 促进…和增强…署, 联合国打击…公约 (UN names start with 联合国)
                start = k + 1
                break
        while start < len(words) and KINDS[words[start]] != EDGE:
            start += 1
        full = "".join(words[start:])
        if not full or full == short or len(full) <= len(short):
            continue
        if chinese and not is_subsequence(short, full):
            continue
        pairs[(short, full)] = pairs.get((short, full), 0) + count
    return [Abbreviation(s, f, c) for (s, f), c in sorted(pairs.items(), key=lambda kv: -kv[1])]


MAX_INFERRED_CHARS = 4
_ABBREVIATION_TAGS = (None, "j", "nt")  # not in the dictionary, or there as an abbreviation or a name


def could_abbreviate(short: str, full: str, last_word: str) -> bool:
    """Is ``short`` shaped like a Chinese abbreviation of the name ``full`` (ending in ``last_word``)?

    Chinese short forms keep characters of the main parts of the name, in order, from its first
    character to a character of its head (麻醉药品委员会 → 麻委会, 首长协调理事会 → 首协会):
    so they begin as the name begins and end inside its last word. They are at most half as long,
    and not a piece of the name as written (药品委员会 is a fragment, not a short form).
    """
    return (
        short[0] == full[0]
        and 2 * len(short) <= len(full)
        and short not in full
        and short[-1] in last_word
        and is_subsequence(short, full)
    )


def infer(candidates: Mapping[str, Sequence[str]], known: Iterable[Abbreviation] = ()) -> list[Abbreviation]:
    """Short forms the corpus uses without defining them, linked to their full forms.

    A document often defines an abbreviation in another document or not at all (麻委会 for
    麻醉药品委员会, the Commission on Narcotic Drugs, is common knowledge in UN texts). A
    candidate of 2–4 hanzi that general Chinese does not have as a word (the dictionary lacks it,
    or lists it as an abbreviation or a name: 公司 or 人事 are words, not short forms) is linked
    to the one candidate naming a body (:func:`.names.body_name`) of which it has the shape
    of an abbreviation (:func:`could_abbreviate`); with two such names it is left alone, as a
    reader could not tell which is meant either. ``candidates``: text → words; ``known``: the
    defined abbreviations, whose short forms are not inferred again.
    """
    defined = {a.short for a in known}
    bodies: dict[str, list[tuple[str, str]]] = {}  # by first character: a short form starts as its name
    for t, w in candidates.items():
        if body_name(w):
            bodies.setdefault(t[0], []).append((t, w[-1]))
    out = []
    for short in candidates:
        if short in defined or not 2 <= len(short) <= MAX_INFERRED_CHARS or short[0] not in bodies:
            continue
        if not _all_hanzi(short) or dictionary_tag(short) not in _ABBREVIATION_TAGS:
            continue
        fulls = [full for full, last in bodies[short[0]] if could_abbreviate(short, full, last)]
        if len(fulls) == 1:
            out.append(Abbreviation(short, fulls[0], 0, inferred=True))
    return out


def _all_hanzi(text: str) -> bool:
    return all(_HANZI_RE.match(c) for c in text)


def link(abbreviations: Iterable[Abbreviation]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """``short → full`` (the most frequent definition) and ``full → [shorts]``."""
    full_of: dict[str, str] = {}
    shorts_of: dict[str, list[str]] = {}
    for a in abbreviations:  # most frequent first
        if a.short in full_of:
            continue
        full_of[a.short] = a.full
        shorts_of.setdefault(a.full, []).append(a.short)
    return full_of, shorts_of
