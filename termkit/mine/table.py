"""The candidate table: the merged counts as candidates by surface form (the first reduce).

:func:`build_table` turns the n-gram keys and 《》 titles of the merged :class:`.counts.Counts`
into one :class:`Entry` per written string, the filters of :mod:`.filters` applied; the
scoring (:mod:`.termhood`) fills in each entry's statistics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text.normalize import normalize_key
from .counts import Counts
from .filters import acceptable, job_title, light_verb_phrase, predicate, session_number
from .kinds import EDGE, END, KINDS, LEAD, SEP, START, surface
from .lexicon import lexicon
from .names import named, organization
from .segmenter import tokenizer


@dataclass
class Entry:
    """One candidate surface in the merged table."""

    text: str
    words: list[str]
    freq: int = 0
    doc_freq: int = 0
    title: int = 0
    containers: list[int] = field(default_factory=list)  # freqs of longer candidates containing it
    # (left neighbour, freq) of the longer candidates that narrow it by a modifier (国际|毒品管制公约)
    expansions: list[tuple[str, int]] = field(default_factory=list)
    cvalue: float = 0.0
    cohesion: float | None = None
    specificity: float = 0.0
    prelim: float = 0.0
    single: bool = False
    coordination: float = 1.0
    # what the scoring found it to be (:class:`.termhood.Scorer`), for the score and its evidence
    named: bool = False  # ends in a name head before a specific word (集装箱管制方案)
    body: bool = False  # ends in the head of a body's or an instrument's name (委员会, 公约)
    generic: bool = False  # a name head after general words only (全球方案, 行动计划)
    institution: bool = False  # the institution's own vocabulary (lexicon list un_vocabulary)
    verb: bool = False  # a single verb far more typical of the corpus than of the references (洗钱)
    general_words: list[str] = field(default_factory=list)  # its words of general language


_LEADING_YEAR_RE = re.compile(r"^[0-9]{4}(?:[-–][0-9]{2,4})?年")


def _title_candidate(title: str, tok, hmm: bool):
    """A title written in 《》 as a candidate: ``(text, words)``, or None when it cannot be one
    (it starts with a function word or a number, or ends with one). A leading year is dropped:
    《2018 年世界毒品问题报告》 names the report 世界毒品问题报告."""
    text = _LEADING_YEAR_RE.sub("", normalize_key(title))
    if len(text) < 2 or text != text.strip():
        return None
    words = [w for w in tok.lcut(text, HMM=hmm) if w]
    if not words or KINDS[words[0]] not in (EDGE, START) or KINDS[words[-1]] not in (EDGE, END):
        return None
    return text, words


def build_table(counts: Counts, min_freq: int, tok=None, hmm: bool = True) -> dict[str, Entry]:
    """Candidates by surface form (several segmentations of one string are one candidate)."""
    tok = tok or tokenizer()
    table: dict[str, Entry] = {}
    seg_freq: dict[str, int] = {}
    for key, f in counts.ngrams.items():
        if f < min_freq:
            continue  # a candidate is a segmentation seen min_freq times (what pruned counting keeps)
        text = surface(key)
        e = table.get(text)
        if e is None:
            table[text] = Entry(text, key.split(SEP), f, counts.doc_freq.get(key, 0))
            seg_freq[text] = f
        else:
            e.freq += f
            e.doc_freq = max(e.doc_freq, counts.doc_freq.get(key, 0))
            if f > seg_freq[text]:
                e.words = key.split(SEP)
                seg_freq[text] = f
    for title, f in counts.titles.items():
        t = _title_candidate(title, tok, hmm)
        if t is None:
            continue
        text, words = t
        e = table.get(text)
        if e is None:
            table[text] = Entry(text, words, f, counts.title_docs.get(title, 0), title=f)
        else:
            e.title += f
    for name, f in counts.title_names.items():
        if f >= min_freq and name not in table:
            close = name.index("》") + 1
            table[name] = Entry(name, [name[:close], *tok.lcut(name[close:], HMM=hmm)], f, 0, title=f)
    freq_of = lambda t: table[t].freq if t in table else 0  # noqa: E731
    return {
        t: e
        for t, e in table.items()
        if e.freq >= min_freq
        and acceptable(t)
        and not light_verb_phrase(e.words, e.freq, freq_of)
        and not predicate(e.words, e.freq, freq_of)
        and not session_number(e.words)
        and (not job_title(t) or t in lexicon().un_vocabulary)
        and (KINDS[e.words[0]] != LEAD or (len(e.words) > 2 and named(e.words)))
    }


def organizations(cands: Iterable[str], table: dict[str, Entry], full_of: dict[str, str]) -> frozenset:
    """The shortlisted candidates that name an organization or a body, with their short forms,
    defined or inferred (毒罪办 for 联合国毒品和犯罪问题办公室): see :func:`.termhood._edge_entropy`."""
    names = {t for t in cands if t in table and organization(table[t].words)}
    names |= {
        short for short, full in full_of.items() if full in names or (full in table and organization(table[full].words))
    }
    return frozenset(names)
