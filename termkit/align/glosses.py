"""What the dictionary and the Chinese around a term say about an English n-gram proposed for it
(:mod:`termkit.align.terms` weighs it): the dictionary's English for the words inside a Chinese
term and how much of the term an n-gram translates, each English word in one place; the words
right beside the term in the Chinese (an n-gram that translates those took in its neighbours);
acronyms spelt by the dictionary's words; and how an English term is written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from ..text.normalize import normalize_key
from .cooccurrence import Cooccurrences, _en_key, _is_stopword
from .dictionary import STOPWORDS
from .dictionary import content_stems as _content_stems

_HANZI_RE = re.compile("[\u3400-\u9fff]")


@lru_cache(maxsize=100_000)
def content_stems(text: str) -> tuple[str, ...]:
    return tuple(_content_stems(text))


@lru_cache(maxsize=100_000)
def word_glosses(en_text: str) -> tuple[frozenset[str], ...]:
    """Each content word's stems: its own, and its parts' when hyphenated (high-level: high, level)."""
    stems = content_stems(en_text)
    return tuple(frozenset({s, *content_stems(w.replace("-", " "))}) for s, w in content_words(en_text, stems))


def glossary_english(glossary) -> dict[str, set[str]]:
    """A glossary's Chinese forms (normalized) → the English keys of their concepts."""
    out: dict[str, set[str]] = {}
    for concept in glossary.concepts if glossary is not None else ():
        en_terms = {_en_key(t.text) for t in concept.terms_in("en")}
        for t in concept.terms_in("zh"):
            out.setdefault(normalize_key(t.text), set()).update(en_terms)
    return out


def acronym(ngram: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", ngram) if w and w.lower() not in STOPWORDS]
    return "".join(w[0] for w in words).upper()


def gloss_stems(term: str, words: dict) -> tuple[set[str], list[tuple[int, int, frozenset]]]:
    """Stems the dictionary gives for any word inside ``term``, and where those words are."""
    stems: set[str] = set()
    spans = []
    for i in range(len(term)):
        for j in range(i + 1, min(len(term), i + 8) + 1):
            got = words.get(term[i:j])
            if got and (j - i > 1 or len(term) <= 2):
                stems.update(got)
                spans.append((i, j, got))
    return stems, spans


_QUOTES = str.maketrans("", "", "《》〈〉“”‘’\"'「」『』")


def content_words(en_text: str, stems: Sequence[str]) -> list[tuple[str, str]]:
    """Each content stem with the word it comes from (the word itself, where they do not line up)."""
    words = [w for w in en_text.split() if content_stems(w)]
    return list(zip(stems, words)) if len(words) == len(stems) else [(s, s) for s in stems]


class Beside:
    """What the Chinese right beside a term says, segment by segment: the dictionary's English
    for the words touching the term (or one or two characters from it: 性别平等和|增强妇女权能,
    核紧急情况的|准备) in each example segment, computed when first asked."""

    EXAMPLES = 20  # all that are kept
    REACH = 16  # characters looked at on either side
    GAP = 2  # a word beside the term starts or ends at most this far from it

    def __init__(self, term: str, examples: Sequence[tuple[str, str]], words: dict):
        self.term, self.examples, self.words = term, examples, words
        self._stems: list[set[str]] | None = None

    def _beside(self, zh: str) -> set[str]:
        out: set[str] = set()
        zh = zh.translate(_QUOTES)  # 《北京宣言》和《行动纲要》: the words beside, not the marks
        start = zh.find(self.term)
        while start >= 0:
            end = start + len(self.term)
            before, after = zh[max(0, start - self.REACH) : start], zh[end : end + self.REACH]
            # the words touching the term, and the words touching those (持久性有机污染物的|斯德哥尔摩公约)
            edge = len(before)
            for i, j, got in sorted(gloss_stems(before, self.words)[1], key=lambda s: -s[1]):
                if j - i > 1 and j >= edge - self.GAP:
                    out.update(got)
                    edge = min(edge, i)
            edge = 0
            for i, j, got in sorted(gloss_stems(after, self.words)[1]):
                if j - i > 1 and i <= edge + self.GAP:
                    out.update(got)
                    edge = max(edge, j)
            start = zh.find(self.term, end)
        return out

    def explains(self, en_text: str, stems: Sequence[str]) -> bool | None:
        """Do the words beside the term translate some of ``stems`` in most example segments
        holding ``en_text``? None when no example holds it."""
        if self._stems is None:
            self._stems = [self._beside(zh) for _en, zh in self.examples[: self.EXAMPLES]]
        low = en_text.lower()
        seen = [got for (en, _zh), got in zip(self.examples, self._stems) if low in en.lower()]
        if not seen:
            return None
        return sum(1 for got in seen if any(s in got for s in stems)) * 2 >= len(seen)


def spells_gloss(en_text: str, term: str, words: dict) -> bool:
    """Is ``en_text`` an acronym (FAO) whose letters, in order, begin English words the dictionary
    gives for consecutive pieces of ``term`` (粮 food, 农 agriculture, 组织 organization)?"""
    if not (2 <= len(en_text) <= 6 and en_text.isalpha() and en_text.isupper()):
        return False
    initials: list[set[str]] = []  # for each character position, the initials of words starting there
    for i in range(len(term)):
        found = set()
        for j in range(i + 1, min(len(term), i + 4) + 1):
            for gloss in words.get(term[i:j], ()):
                found.add((j, gloss[:1].lower()))
        initials.append(found)

    def walk(pos: int, k: int) -> bool:
        if k == len(en_text):
            return pos == len(term)
        if pos >= len(term):
            return False
        return any(letter == en_text[k].lower() and walk(j, k + 1) for j, letter in initials[pos])

    return walk(0, 0)


def written_form(surface: Counter) -> str:
    """How an English term is written: its most frequent form, but a name keeps its capitals
    (Stockholm Convention beside "Basel, Rotterdam and Stockholm conventions"), and a capital
    that only began a sentence goes (``Drug trafficking`` beside ``drug trafficking``)."""
    ranked = surface.most_common()
    best, top = ranked[0]
    if len(ranked) == 1:
        return best
    names = [(form, n) for form, n in ranked if is_name(form)]
    if names and not is_name(best) and names[0][1] >= 0.3 * top:
        return names[0][0]
    lowered = best[0].lower() + best[1:]
    if best[0].isupper() and not best[1:2].isupper() and surface.get(lowered, 0) > 0:
        return lowered
    return best


def is_name(form: str) -> bool:
    """Every content word capitalized: a name (Commission on Narcotic Drugs)."""
    words = [w for w in form.split() if not _is_stopword(w)]
    return len(words) > 1 and all(w[:1].isupper() for w in words)


def zh_coverage(term: str, spans, stems: set[str]) -> float:
    """The share of the term's characters the English words translate, each word in one place
    (the Convention of Parties to the Stockholm Convention is 公约, not 大会 too)."""
    covered = _covered(term, spans, stems)
    hanzi = [k for k, ch in enumerate(term) if _HANZI_RE.match(ch)]
    return sum(1 for k in hanzi if covered[k]) / len(hanzi) if hanzi else 0.0


def _covered(term: str, spans, stems: set[str]) -> list[bool]:
    """Which characters of the term the English words translate: each word its longest place
    and the words overlapping it."""
    covered = [False] * len(term)
    for s in stems:
        places = [(i, j) for i, j, got in spans if s in got]
        if not places:
            continue
        i0, j0 = max(places, key=lambda ij: (ij[1] - ij[0], -ij[0]))
        for i, j in places:
            if i < j0 and j > i0:  # the longest place and the words overlapping it
                for p in range(i, j):
                    covered[p] = True
    return covered


_LATIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]+")


def untranslated(term: str, spans, words: dict, en_text: str) -> list[str]:
    """The words of ``term`` that the English n-gram leaves out although the dictionary knows them
    — the n-gram translates a piece of the term (statement for 发表声明, technology transfer for
    技术转让区域中心): a word of two characters or more none of whose characters the English
    words stand for (each in its place, as :func:`zh_coverage` says) and none of whose English the
    n-gram holds; the rest (two characters or more, or the term's last) of a longer word of which the English says only what a shorter word at
    its start or end says (members for 成员国, "member country", says 成员: 国 is left out; agencies
    for 专门机构 says 机构: 专门, "special", is left out); a Latin word of the term the English does not
    write (DLDD in DLDD监测系统)."""
    english = set().union(*word_glosses(en_text)) if content_stems(en_text) else set()
    covered = _covered(term, spans, english)
    out = [term[i:j] for i, j, got in spans if j - i > 1 and not any(covered[i:j]) and not (got & english)]
    for i, j, got in spans:
        if not all(covered[i:j]):
            continue
        for a, b, part in spans:
            rest = term[b:j] if a == i else term[i:a] if b == j else ""
            ok = rest and (len(rest) > 1 or j == len(term)) and rest in words and not (words[rest] & english)
            if ok and (got & english) <= part and (got - part - english):
                out.append(rest)
    low = en_text.lower()
    out += [w for w in _LATIN_RE.findall(term) if w.lower() not in low]
    return list(dict.fromkeys(out))


def said_apart(
    term: str, spans, words: dict, en_text: str, co: Counter, en_freq: Counter, hits: int, part=None
) -> bool:
    """Do the term's segments say in English, outside the n-gram ``en_text``, a word of the term
    that the n-gram leaves out (``part``, else :func:`untranslated`) — an English word the
    dictionary gives for it (a Latin word: itself) in half the term's segments or more, going
    with the term (Dice 0.2 or more)? Then the term's English says that word too, in another
    order or apart, and the n-gram is a piece of it (Regional Centre for 技术转让区域中心, whose
    segments say Regional Centre for Training and Technology Transfer; Group of Friends for
    家庭之友小组, whose segments all speak of the family; monitoring system for DLDD监测系统)."""
    own = set().union(*word_glosses(en_text))
    for w in untranslated(term, spans, words, en_text) if part is None else part:
        for s in (words.get(w) or frozenset(content_stems(w))) - own:
            n = co.get(s, 0)
            if n >= 0.5 * hits and 2 * n >= 0.2 * (hits + en_freq[s]):
                return True
    return False


def as_written_beside(key: str, en_text: str, counts: Cooccurrences, lowered: list[str]) -> str:
    """The form of an English key that the term's own segments (``lowered``) write, where the key
    stands for more than one word or number (constitution and constitute, organization and
    organizations) — among the forms that stand alone somewhere, if any: a form seen only inside a
    longer name (Security Force in Interim Security Force for Abyei) is the name's, not the term's
    (security forces)."""
    variants = {f.lower() for f in counts.surface.get(key, ())} or {f.lower() for f in counts.name_surface.get(key, ())}
    if len(variants) < 2:
        return en_text
    seen = {v: sum(1 for en in lowered if holds(en, v)) for v in variants}
    best = max(seen.values())
    if not best or seen.get(en_text.lower(), 0) == best:
        return en_text
    chosen = max((v for v in variants if seen[v] == best), key=lambda v: counts.written(key, {v}).total())
    return written_form(counts.written(key, {chosen}))


def holds(text: str, words: str) -> bool:
    """Does ``text`` hold ``words`` as whole words?"""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(words, at + 1)
    return False


def only_in_names(counts: Cooccurrences, key: str) -> bool:
    """Is the n-gram ``key`` written only inside longer names, mostly with a capitalised word
    right beside it (Space Centre in Guiana Space Centre), never by itself?"""
    return not counts.surface.get(key) and counts.name_piece[key] >= 0.5 * counts.en_freq[key] > 0


def common_noun(en_text: str) -> str:
    """A common noun phrase as written by itself: the capitals it took from a name go (space
    centre from Guiana Space Centre); acronyms (all capitals) stay."""
    return " ".join(w if w.isupper() and len(w) > 1 else w[:1].lower() + w[1:] for w in en_text.split())


@lru_cache(maxsize=1)
def coordinators() -> frozenset[str]:
    """The Chinese words that join the parts of a name or a list (和, 与, 及 …) as shipped: the
    miner's list, ``termkit/data/lexicon/coordinators.txt`` (a run with the user's word lists
    passes its own list to :func:`coordinated`)."""
    text = resources.files("termkit.data").joinpath("lexicon").joinpath("coordinators.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def coordinated(term: str, spans, joiners: Iterable[str] | None = None) -> bool:
    """Does ``term`` join two parts with a coordinator (特克斯和凯科斯群岛, 北京宣言和行动纲要) that
    is neither its first or last word nor a piece of a longer word the dictionary knows (和平 in
    维护和平)? ``joiners``: the coordinators (None: the shipped list, :func:`coordinators`)."""
    for w in coordinators() if joiners is None else joiners:
        start = term.find(w, 1)
        while start > 0 and start + len(w) < len(term):
            end = start + len(w)
            if not any(i < end and j > start and (i, j) != (start, end) and j - i > 1 for i, j, _got in spans):
                return True
            start = term.find(w, start + 1)
    return False
