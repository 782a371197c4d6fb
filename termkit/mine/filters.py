"""Filters: what keeps a run of words that the counting found from being a term.

Applied to the merged candidate table (:mod:`.table`) and to the shortlist: a surface that is
not shaped like a term (:func:`acceptable`), a predicate rather than a name
(:func:`light_verb_phrase`, :func:`predicate`), a session number, a person's title, and the
fragments that are always part of one longer candidate (:func:`fragments`). A modifier that
narrows a term (:func:`modifier_expansion`) does not make it a fragment.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.chars import HAS_HANZI_RE
from .kinds import ORDINAL_RE
from .lexicon import lexicon
from .segmenter import NOUN_TAGS, dictionary_tag

# The word lists are data (:mod:`.lexicon`): predicate_ends (words that end a predicate rather
# than a name when a candidate of their own precedes them: 国际麻醉品管制局 | 合作),
# scope_modifiers (国际, 国家, 全球, 区域 …: written before a term, one narrows where it applies
# without making it another term, so the term after one is not a fragment of the longer phrase —
# :func:`modifier_expansion`), kind_markers (类: in X类Y, Y names the class), light_verbs,
# head_titles.


def modifier_expansion(words: Sequence[str], i: int) -> bool:
    """Is the candidate ``words`` its tail ``words[i:]`` narrowed by a modifier — a modifier of scope
    (国际|毒品管制公约) or a kind marked with 类 (苯丙胺类|兴奋剂)? Then the tail, the broader
    term, is used in it (its occurrences there are uses of the term, not of a fragment)."""
    lex = lexicon()
    return i >= 1 and (words[i - 1] in lex.scope_modifiers or words[i - 1] in lex.kind_markers)


def light_verb_phrase(words: Sequence[str], freq: int = 0, freq_of=None) -> bool:
    """Does this candidate start with a light verb without naming something?

    A name may begin with one (打击洗钱全球方案, 执行支持科): three words or more, ending in a
    noun, and what follows the verb is not used without it. A predicate (加强国际合作,
    应对世界毒品问题) fails one of these: its object stands on its own elsewhere in the corpus.
    """
    if words[0] not in lexicon().light_verbs:
        return False
    if len(words) < 3 or dictionary_tag(words[-1]) not in NOUN_TAGS():
        return True
    return freq_of is not None and predicate(words, freq, freq_of)


def predicate(words: Sequence[str], freq: int, freq_of) -> bool:
    """Is this candidate a clause rather than a term — a light verb applied to something that is
    a candidate on its own (应对世界毒品问题, 会员国执行第三十届特别会议成果文件, 国际麻醉品管制局合作)?

    True when a light verb (lexicon list light_verbs) stands anywhere but last and the longest
    candidate after it is used more than 1.5 times as often on its own; or when the candidate ends
    with a predicate word (lists predicate_ends, light_verbs) and the longest candidate of two
    words or more before it is. A name that merely holds a verb (执行支持科, 打击洗钱全球方案,
    联合国促进性别平等和增强妇女权能署) passes: what follows its verb is not used without it.
    """
    n = len(words)
    if n < 2:
        return False
    limit = 1.5 * freq
    lex = lexicon()
    light = lex.light_verbs
    for i in range(n - 1):
        if words[i] in light:
            for k in range(i + 1, n):
                f = freq_of("".join(words[k:]))
                if f:
                    if f > limit:
                        return True
                    break
    if n >= 3 and (words[-1] in lex.predicate_ends or words[-1] in light):
        for j in range(n - 1, 1, -1):
            f = freq_of("".join(words[:j]))
            if f:
                return f > limit
    return False


def acceptable(text: str) -> bool:
    """Final shape checks on a candidate's surface form."""
    if len(text) < 2:
        return False
    if HAS_HANZI_RE.search(text):
        return True
    # Latin only: a code or acronym (two capitals at least), never a document symbol or URL.
    if "/" in text or "." in text:
        return False
    return sum(1 for c in text if c.isupper()) >= 2


def job_title(text: str) -> bool:
    """A person's title is not a term (the judged list's criteria, like a terminologist's): a name
    followed by its head's title (研究和趋势分析处处长, 艾滋病科科长 — jieba has 处处长 and 科科长 as
    words) names a post, not a concept."""
    return text.endswith(tuple(lexicon().head_titles))


def session_number(words: Sequence[str]) -> bool:
    """A session number is not a term: 第六十一届会议, 麻醉药品委员会第五十七届会议."""
    return len(words) >= 2 and words[-1] in ("会议", "届会") and ORDINAL_RE.match(words[-2]) is not None


def fragments(cands: Sequence[str], freq: dict) -> dict[str, str]:
    """Candidates always surrounded by one longer candidate: fragment → the longer one.

    ``freq`` holds occurrence counts from the scan (substring counts, independent of
    segmentation): ``a`` inside ``b`` with ``freq[b] ≥ freq[a]`` means every ``a`` is in a ``b``.
    """
    present = set(cands)
    out: dict[str, str] = {}
    for b in cands:
        fb = freq.get(b, 0)
        if fb <= 0:
            continue
        n = len(b)
        for i in range(n):
            for j in range(i + 2 if i or n > 2 else i + 1, n + 1 if i else n):
                a = b[i:j]
                if a in present and a != b and freq.get(a, 0) <= fb:
                    prev = out.get(a)
                    if prev is None or len(b) < len(prev):
                        out[a] = b
    return out
