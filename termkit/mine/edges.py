"""Term edges in running text: where an occurrence of a candidate may begin and end.

The scan for contexts (:mod:`.scan`) records each occurrence's neighbours for branching
entropy; a neighbour that is a natural edge of a term — punctuation, the sentence's start or
end, a number, a function word, the title of a body's head after its name — is counted as an
edge, not as a neighbour that would make the candidate a fragment of a longer phrase.
"""

from __future__ import annotations

import re

from ..text.chars import HANZI
from .kinds import JOINERS
from .lexicon import derived, lexicon

_WORD_CHAR_RE = re.compile(rf"[{HANZI}A-Za-z]")
#: Symbols that join the parts of a name (艾滋病毒/艾滋病): no edge next to them.
_JOINING = derived(lambda lex: frozenset(c for s in lex.joining_symbols for c in s if not c.isalnum()))
_NUMERALS = set("0123456789〇零一二三四五六七八九十百千万两")


def left_is_edge(text: str, i: int) -> bool:
    """Is the occurrence starting at ``i`` at a term edge on its left?

    Punctuation, the sentence start, a digit, or a date or count written with digits
    (``2018 年``世界毒品问题报告) — numbers end terms, so they are edges, not neighbours. Not
    so for the session a count of sessions names: in 第六十二届会议高级别会议 the 会议 after 第六十二届
    is part of the session's designation, and 会议高级别会议 a piece of it.
    """
    if i == 0:
        return True
    ch = text[i - 1]
    if not _WORD_CHAR_RE.match(ch):
        return ch not in _JOINING()  # 艾滋病毒/艾滋病联合规划署: the slash joins
    if ch == "届" and text.startswith(_SESSIONS(), i):
        return False
    if ch in "年月日号项次届" and i >= 2 and text[i - 2] in _NUMERALS:
        return True
    words, lasts, _ = _WORD_EDGES()
    return ch in lasts and any(text[i - k : i] in words for k in (2, 3, 4) if i >= k)


def _word_edges(lex) -> tuple[frozenset, frozenset, frozenset]:
    """The words, their last characters and their first characters (to rule most places out fast)."""
    words = frozenset(w for w in lex.stop_words | lex.reporting_verbs | lex.light_verbs if 2 <= len(w) <= 4)
    return words, frozenset(w[-1] for w in words), frozenset(w[0] for w in words)


#: Function words, reporting and light verbs of two characters or more: next to a candidate they
#: end it, as punctuation does (包括|预防性替代发展, 打击|跨国有组织犯罪, 会员国|落实).
_WORD_EDGES = derived(_word_edges)


#: What a count of sessions (第六十二届) counts (lexicon list session_words).
_SESSIONS = derived(lambda lex: tuple(sorted(lex.session_words)))

#: Titles of the people who head a body (director, chief, chair, secretary-general), written
#: right after the body's name with no 的 (政策分析和公共事务司``司长``): lexicon list head_titles.
HEAD_TITLES = derived(lambda lex: tuple(sorted(lex.head_titles)))


def inside_a_list(text: str, i: int, cand: str) -> bool:
    """Is a coordination ``B和C`` at ``i`` the end of a longer list ``A、B和C``?

    In a Chinese list the items are separated by 、 and the last one is joined by 和 (与, 及), so
    the list is one phrase: 预防、治疗和康复科 is the Prevention, Treatment and Rehabilitation
    Section, and 治疗和康复科 a piece of it. The 、 before such a candidate is then a neighbour
    inside the phrase, not a term edge (it stays an edge before a candidate without a
    coordinator: 海洛因、``可卡因``).
    """
    return i > 0 and text[i - 1] == "、" and any(c in cand for c in lexicon().coordinators)


def head_title_at(text: str, j: int) -> bool:
    """Does the title of a body's head (:data:`HEAD_TITLES`, or its deputy's: 副主任) start at ``j``?

    Such a title is a noun of its own, the head of the phrase ``name + title`` (the director *of*
    the division): the name before it ends there, as it would before 的. Without this, a name
    only ever cited as its head's affiliation (毒罪办政策分析和公共事务司司长) would look like a
    fragment of the longer phrase, its right neighbour always the same.
    """
    if text.startswith("副", j):
        j += 1
    return text.startswith(HEAD_TITLES(), j)


#: Function words of one character (的, 和, 与, 在 …): next to a candidate, usually an edge.
FUNCTION_CHARS = derived(lambda lex: frozenset(w for w in lex.stop_words | JOINERS() | lex.negations if len(w) == 1))


def crosses(name_starts: dict, i: int, j: int) -> bool:
    """Does the name of an organization that starts before ``i`` end inside ``text[i:j]``? Then
    the occurrence's left boundary cuts through that name, and a function word before it belongs
    to the name (毒品和犯罪问题办公室 across 犯罪问题办公室研究和趋势分析处). ``name_starts``: end →
    the earliest start of a name ending there, for the occurrences seen so far (all that start
    before ``i``)."""
    return any(name_starts.get(e, i) < i for e in range(i + 1, j))


def right_is_edge(text: str, j: int) -> bool:
    """Is the occurrence ending at ``j`` at a term edge on its right (punctuation, the end, a
    number, an ordinal: 禁毒执法机构负责人``第二十七次会议``, or a head's title:
    政策分析和公共事务司``司长``)?"""
    if j >= len(text):
        return True
    ch = text[j]
    if not _WORD_CHAR_RE.match(ch):
        return ch not in _JOINING()
    if (ch == "第" and j + 1 < len(text) and text[j + 1] in _NUMERALS) or head_title_at(text, j):
        return True
    words, _, firsts = _WORD_EDGES()
    return ch in firsts and any(text[j : j + k] in words for k in (2, 3, 4))
