"""Token kinds: what each word may be to a term, from general word lists of written Chinese.

A candidate is a run of words (:mod:`.candidates` assembles them); each word's *kind*
(:func:`token_kind`, cached in :data:`KINDS`) says whether it breaks a run (punctuation, numbers),
can never be part of a term (stop words, reporting verbs), may stand only inside one (joiners,
measure words, modifiers), may start or end one, or may only lead a name (a negation, a year).
The word lists are data (:mod:`.lexicon`). Also the shape of a candidate's key: its
words joined by :data:`SEP`.
"""

from __future__ import annotations

import re

from ..text.chars import HANZI
from .lexicon import derived, lexicon, on_change
from .segmenter import dictionary_tag, tokenizer

#: Separator between the words of an n-gram key (keys keep the segmentation; surfaces drop it).
SEP = "\x1f"

MAX_WORDS = 8
MAX_CHARS = 20

# Token kinds.
BREAK = 0  # punctuation, white space: nothing crosses it
STOP = 1  # a function word: never part of a term
INNER = 2  # only inside a term (joiners, numbers, measure words)
EDGE = 3  # a content word: may start and end a term
START = 4  # may start or stand inside, never end (第 …)
END = 5  # may end or stand inside, never start
LEAD = 6  # may only begin a term that is a name, and stands nowhere else (不扩散核武器条约, 2030年…)

#: The word lists behind the kinds are data (``termkit/data/lexicon/``, :mod:`.lexicon`):
#: stop_words, reporting_verbs, light_verbs, no_edge_words, coordinators and joining_symbols,
#: measure_words, start_only, end_only, negations, date_units.


def _joiners(lex) -> frozenset:
    return lex.coordinators | lex.joining_symbols


#: Words that join the parts of a name but never begin or end a term (和, 与, 及, /, -).
JOINERS = derived(_joiners)
#: One-character function words and date units: a two-character token glued across one is no word.
_STOP_CHARS = derived(lambda lex: frozenset(w for w in lex.stop_words if len(w) == 1) | lex.date_units)

_PUNCT_RE = re.compile(rf"^[^0-9A-Za-z{HANZI}]+$")
_NUMBER_RE = re.compile(
    r"^(?:[0-9]+(?:[.,][0-9]+)*%?|第?[0-9〇零一二三四五六七八九十百千万亿两几]+"
    r"(?:届|次|项|个|名|种|条|段|年|月|日|号|位|家|批|起|吨|倍|点|周|天|场|轮|期|份|例|所|套|笔)?)$"
)
_DIGITS_RE = re.compile(r"^[0-9][0-9.,:/%\-]*$|^[A-Za-z]?-?[0-9]+(?:[-/.][0-9]+)*$")
ORDINAL_RE = re.compile(r"^第[0-9〇零一二三四五六七八九十百千]+[届次]$")
#: A year or a count of years that begins a name: 2030年(可持续发展议程), 千年(发展目标).
YEAR_RE = re.compile(r"^(?:[12][0-9]{3}|千)年$")


def token_kind(token: str) -> int:
    """The kind of one token (cached per token in :class:`_Kinds`)."""
    lex = lexicon()
    if token in lex.negations or YEAR_RE.match(token):
        return LEAD
    if token in lex.stop_words or token in lex.reporting_verbs:
        return STOP
    stop_chars = _STOP_CHARS()
    if len(token) == 2 and (token[0] in stop_chars or token[1] in stop_chars) and not tokenizer().FREQ.get(token):
        return STOP  # a pair the segmenter's HMM glued across a function word (由毒 | 罪办, 等国)
    if len(token) >= 4 and _adverb_and_verb(token):
        return STOP  # one dictionary entry for an adverb and its verb (继续加强, 进一步推动) or a
        # light verb and its object (保持稳定): a predicate
    if token in JOINERS() or token in lex.no_edge_words:
        return INNER
    if token in lex.light_verbs:
        return START
    if ORDINAL_RE.match(token):
        return START
    if token.isspace() or _PUNCT_RE.match(token):
        return BREAK
    if _NUMBER_RE.match(token) or _DIGITS_RE.match(token) or (len(token) == 1 and token.isascii()):
        return BREAK  # a number ends a term (麻醉药品委员会 | 2014 年会员国)
    if token in lex.measure_words:
        return INNER
    if token in lex.start_only:
        return START
    if token in lex.end_only:
        return END
    return EDGE


def _adverb_and_verb(token: str) -> bool:
    """Is the token a function word followed by a light verb or another function word
    (继续|加强, 进一步|促进, 积极|参与), or a light verb followed by an adjective or adverb
    (保持|稳定, 保持|一致)? jieba's dictionary has some such phrases as one word, tagged as
    nouns; a light verb and a noun or verbal noun (打击|犯罪) may begin a name and is left alone."""
    lex = lexicon()
    stop, light = lex.stop_words, lex.light_verbs
    for i in range(2, len(token) - 1):
        head, rest = token[:i], token[i:]
        if head in stop and (rest in light or rest in stop):
            return True
        if head in light and (dictionary_tag(rest) or "n")[0] in "ad":
            return True
    return False


class _Kinds(dict):
    """token → kind, filled on first sight (a dict lookup per token in the hot loop)."""

    def __missing__(self, token: str) -> int:
        kind = token_kind(token)
        if len(self) < 2_000_000:
            self[token] = kind
        return kind


KINDS = _Kinds()
on_change(KINDS.clear)


def surface(key: str) -> str:
    """The candidate as text: its words joined."""
    return key.replace(SEP, "")


def words_of(key: str) -> list[str]:
    return key.split(SEP)
