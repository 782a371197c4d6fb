"""Completing a Chinese term's best English proposal from the English around it
(:mod:`termkit.align.terms` asks): the longer n-gram whose added words the dictionary gives for
the words of the term the proposal leaves out (Chemical Weapons Convention around chemical
weapons for 化学武器公约), the noun an English modifier proposed alone stands before in the
term's segments (crucial role, not crucial, for 关键作用), and the name beside a title
(Lieutenant General Singha, not Lieutenant General, for 辛哈中将).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib import resources

from .cooccurrence import Cooccurrences, _en_key, _is_stopword
from .glosses import content_stems, is_name, written_form, zh_coverage


def completed(text: str, en_text: str, co: Counter, counts, spans, words: dict, outside, written: dict) -> tuple | None:
    """The longer n-gram around a best proposal that translates more of the term — every word it
    adds is the dictionary's for a word or character of the term, none for the Chinese beside it —
    though it stands in one segment only (Chemical Weapons Convention around chemical weapons for
    化学武器公约, complete elimination of nuclear weapons for 彻底消除核武器): (English, segments,
    English frequency), or None."""
    inside = {p for i, j, _got in spans for p in range(i, j)}  # characters of the dictionary's words
    spans1 = spans + [(i, i + 1, words[ch]) for i, ch in enumerate(text) if ch in words and i not in inside]
    glossed = {s for *_ij, got in spans1 for s in got}
    strong = {s for *_ij, got in spans for s in got}
    own = set(content_stems(en_text))
    base = zh_coverage(text, spans1, own)
    key = " " + _en_key(en_text) + " "
    own_c = co.get(key.strip(), 0)
    name = en_text[:1].isupper()
    best, best_rank = None, None
    for k, c in co.items():
        if key not in " " + k + " " or len(k) <= len(key) - 2:
            continue
        longer = written.get(k) or written.setdefault(k, written_form(counts.written(k)))
        if name and not is_name(longer):
            continue  # a name goes on as a name (Office of the High Commissioner), not into a phrase
        stems = content_stems(longer)
        extra = [s for s in stems if s not in own]
        if not extra or any(s not in glossed for s in extra):
            continue
        cov = zh_coverage(text, spans1, set(stems))
        weak = [s for s in extra if s not in strong]  # words only a character of the term gives
        if cov <= base + 0.05 or c < 0.25 * own_c or (weak and outside.explains(longer, weak) is not False):
            continue
        rank = (cov, sum(1 if s in strong else -1 for s in extra), c, -len(longer))
        if best_rank is None or rank > best_rank:
            best, best_rank = (longer, c, counts.en_freq[k]), rank
    return best


def with_head(
    en_text: str, key: str, co: Counter, counts: Cooccurrences, outside, written: dict, min_cooccurrence: int = 2
) -> tuple | None:
    """The n-gram of a proposal that says only part of the term and, in every segment of the term
    that holds it, stands before another word — a modifier there, never a noun of its own
    (crucial before role and relevance for 关键作用) — with the word after it that goes with the
    term in the most segments (role, in three of four), if that word goes with it in
    ``min_cooccurrence`` segments and the Chinese beside the term does not say it: (English,
    segments, English frequency), or None."""
    after = _after(key, co)
    if not modifier(key, co, after):
        return None  # somewhere it stands at the end of the phrase: a word of its own
    best, best_rank = None, None
    for k, c in after:
        head = k.rsplit(" ", 1)[1]
        rank = (co.get(head, 0), c, -counts.en_freq[k])
        if rank[0] < min_cooccurrence or (best_rank is not None and rank <= best_rank):
            continue
        longer = written.get(k) or written.setdefault(k, written_form(counts.written(k)))
        if outside.explains(longer, content_stems(longer)[-1:]):
            continue  # the word after it is the Chinese beside the term's
        best, best_rank = (longer, c, counts.en_freq[k]), rank
    return best


def with_name(key: str, co: Counter, counts: Cooccurrences, glossed: set, hits: int, written: dict) -> tuple | None:
    """A title proposed alone for a term that holds a name (Lieutenant General for 辛哈中将): the
    shortest longer name around it whose added words are a name — capitalised, none of them the
    dictionary's for the term, each with the term in every one of its segments (two or more) and
    seldom without it (Dice 0.8 or more): Lieutenant General Singha. (English, segments, English
    frequency), or None."""
    own = key.split()
    best, best_rank = None, None
    for k, c in co.items():
        words = k.split()
        extra = [s for s in words if s not in own]
        if not extra or len(words) != len(own) + len(extra) or f" {key} " not in f" {k} ":
            continue
        if any(_is_stopword(s) or s in glossed or co.get(s, 0) < max(2, hits) for s in extra):
            continue
        if any(5 * co[s] < 2 * (hits + counts.en_freq[s]) for s in extra):  # Dice below 0.8
            continue
        rank = (-len(extra), c)
        if best_rank is None or rank > best_rank:
            longer = written.get(k) or written.setdefault(k, written_form(counts.written(k)))
            if is_name(longer):
                best, best_rank = (longer, c, counts.en_freq[k]), rank
    return best


def _after(key: str, co: Counter) -> list[tuple[str, int]]:
    n = key.count(" ") + 2
    return [(k, c) for k, c in co.items() if k.startswith(key + " ") and k.count(" ") + 1 == n]


def modifier(key: str, co: Counter, after: list | None = None) -> bool:
    """Does the n-gram ``key`` stand before another word in every segment of the term that holds
    it — a modifier there (judicial in judicial proceedings and judicial process), not a term?"""
    own = co.get(key, 0)
    return bool(own) and sum(c for _k, c in (_after(key, co) if after is None else after)) >= own


@lru_cache(maxsize=1)
def suffixes() -> dict[str, tuple[str, ...]]:
    """English endings by part of speech (``termkit/data/en_suffixes.txt``): noun, adjective."""
    text = resources.files("termkit.data").joinpath("en_suffixes.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _sep, ends = line.partition(":")
            out[kind.strip()] = tuple(ends.split())
    return out


def _singular(word: str) -> str:
    w = word.lower()
    return w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def noun_form(
    text: str, en_text: str, key: str, co: Counter, counts: Cooccurrences, words: dict, written: dict, least: int = 2
) -> tuple | None:
    """A Chinese noun made by a suffix whose dictionary English is a noun ending (可持续性: 性 -ity,
    -ness; 流行病学: 学 -ology), proposed an English phrase ending in an adjective (sustainable,
    epidemiological): the same phrase ending in the noun of that word's root (sustainability,
    epidemiology) that stands in ``least`` of the term's segments, if any — (English, segments,
    English frequency), or None."""
    ends = suffixes()
    noun_ends = set(ends.get("noun", ()))
    if not any(s in noun_ends for n in (1, 2) if len(text) > n for s in words.get(text[-n:], ())):
        return None
    *head, last = en_text.split()
    if not _singular(last).endswith(ends.get("adjective", ())):
        return None
    best = None
    for k, c in co.items():
        if (
            c < least
            or k.count(" ") != key.count(" ")
            or k == key
            or (head and not k.startswith(key.rsplit(" ", 1)[0]))
        ):
            continue
        longer = written.get(k) or written.setdefault(k, written_form(counts.written(k)))
        other = longer.split()[-1]
        root = len(_common_prefix(last.lower(), other.lower()))
        if root < max(4, min(len(last), len(other)) - 4) or _singular(other).endswith(ends.get("adjective", ())):
            continue
        if best is None or c > best[1]:
            best = (" ".join([*head, other]), c, counts.en_freq[k])
    return best


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
