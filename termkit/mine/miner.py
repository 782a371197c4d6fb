"""``mine()``: from a Chinese corpus, its terms ranked by termhood.

The shape is the map/reduce of DESIGN.md:

1. map — per chunk of documents, segment with jieba and count words, titles, abbreviation
   definitions and candidate n-grams → mergeable :class:`.candidates.Counts`; the n-grams are
   counted in passes by length, each pruned by the frequent n-grams of the pass before
   (:mod:`.levels`);
2. reduce — merge the counts; build the candidate table (frequency ≥ ``min_freq``); C-value,
   cohesion and domain specificity; a shortlist of the best candidates;
3. map — :func:`.contexts.scan_documents` per chunk for the shortlist only (every occurrence:
   neighbours for branching entropy, written forms, example sentences) → mergeable
   :class:`.contexts.Occurrences`;
4. reduce — fragments dropped, the final termhood score, abbreviations linked, glossary status.

Files are streamed twice (once per map); memory grows with the vocabulary, not the corpus.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Sequence

from ..errors import InputError
from ..model import Candidate, Document
from ..text.normalize import normalize_key
from ..text.pinyin import pinyin_display
from . import scores
from .abbreviations import Abbreviation, infer, link, resolve
from .candidates import (
    END,
    START,
    EDGE,
    INNER,
    SEP,
    STOP_WORDS,
    JOINERS,
    Counts,
    _KINDS,
    acceptable,
    NAME_HEADS,
    NOUN_TAGS,
    body_name,
    _ORDINAL_RE,
    dictionary_tag,
    glossary_words,
    light_verb_phrase,
    modifier_expansion,
    predicate,
    surface,
    tokenizer,
)
from .reference import UNReference, get_reference
from .contexts import HEAD_TITLES, Occurrences, fill_sentences, written_form
from .execute import CHUNK_BYTES, PART_BYTES, Progress, no_progress, make_executor, plan_chunks, scan_chunk
from .levels import LevelStats, count_by_levels, spool_directory

#: Characters that count as a term edge when they stand next to an occurrence (function words).
EDGE_CHARS = frozenset(w for w in STOP_WORDS | JOINERS if len(w) == 1)

DEFAULT_SHORTLIST = 3000


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
    cohesion: Optional[float] = None
    specificity: float = 0.0
    prelim: float = 0.0
    single: bool = False
    coordination: float = 1.0


@dataclass
class MineResult:
    """The ranked candidates and what they were mined from."""

    candidates: list[Candidate]
    n_docs: int = 0
    n_chars: int = 0
    n_candidates: int = 0  # in the table before ranking (frequency ≥ min_freq)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    counting: Optional[LevelStats] = None  # n-grams counted and found frequent in each pass

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates)

    def __len__(self) -> int:
        return len(self.candidates)

    def __getitem__(self, i):
        return self.candidates[i]


# --- inputs ----------------------------------------------------------------------------------------

def _is_path(x) -> bool:
    return isinstance(x, (str, os.PathLike))


class _Corpus:
    """Documents given as paths (read again for each pass) or as Document objects."""

    def __init__(self, inputs, encoding: Optional[str], progress: Progress):
        from ..formats.txt import corpus_files

        items = list(inputs) if not isinstance(inputs, (str, os.PathLike, Document)) else [inputs]
        self.encoding = encoding
        self.progress = progress
        self.parts: dict[str, tuple] = {}  # document id of a part of a large file → its chunk item
        self.paths = [x for x in items if _is_path(x)]
        self.docs = [x for x in items if isinstance(x, Document)]
        if len(self.paths) + len(self.docs) != len(items):
            raise TypeError("mine() takes paths or Document objects")
        self.files = corpus_files(self.paths) if self.paths else []
        # document ids as read_corpus gives them: the file stem, or the path when stems repeat
        self.ids: dict[str, str] = {}
        seen: set[str] = set()
        for f in self.files:
            doc_id = f.stem if f.stem not in seen else str(f)
            seen.add(doc_id)
            self.ids[str(f)] = doc_id
        if not self.files and not self.docs:
            raise InputError("the corpus is empty: no documents to mine")

    @property
    def where(self) -> Optional[str]:
        if len(self.paths) == 1:
            return str(self.paths[0])
        return None

    def plan(self, chunk_bytes: int = CHUNK_BYTES, part_bytes: int = PART_BYTES) -> list:
        """The corpus as chunks for the maps (:func:`.execute.plan_chunks`)."""
        chunks = plan_chunks([(str(f), self.ids[str(f)]) for f in self.files], self.docs, chunk_bytes, self.encoding,
                             part_bytes)
        self.parts = {item[1]: item for c in chunks for item in c if isinstance(item, tuple) and len(item) == 4}
        return chunks

    def document(self, doc_id: str) -> Document:
        """One document by id (read again from its file, or the part of a large file)."""
        for d in self.docs:
            if d.id == doc_id:
                return d
        from ..formats.txt import read_text, read_text_part

        part = self.parts.get(doc_id)
        if part is not None:
            path, _, begin, end = part
            return read_text_part(path, begin, end, encoding=self.encoding, doc_id=doc_id)
        path = next(p for p, i in self.ids.items() if i == doc_id)
        return read_text(path, encoding=self.encoding, doc_id=doc_id)


# --- the reduce ------------------------------------------------------------------------------------

_LEADING_YEAR_RE = re.compile(r"^[0-9]{4}(?:[-–][0-9]{2,4})?年")


def _title_candidate(title: str, tok, hmm: bool):
    """A title written in 《》 as a candidate: ``(text, words)``, or None when it cannot be one
    (it starts with a function word or a number, or ends with one). A leading year is dropped:
    《2018 年世界毒品问题报告》 names the report 世界毒品问题报告."""
    text = _LEADING_YEAR_RE.sub("", normalize_key(title))
    if len(text) < 2 or text != text.strip():
        return None
    words = [w for w in tok.lcut(text, HMM=hmm) if w]
    if not words or _KINDS[words[0]] not in (EDGE, START) or _KINDS[words[-1]] not in (EDGE, END):
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
    freq_of = lambda t: table[t].freq if t in table else 0  # noqa: E731
    return {
        t: e
        for t, e in table.items()
        if e.freq >= min_freq
        and acceptable(t)
        and not light_verb_phrase(e.words, e.freq, freq_of)
        and not predicate(e.words, e.freq, freq_of)
        and not _session(e.words)
        and not _job_title(t)
    }


def _job_title(text: str) -> bool:
    """A person's title is not a term (the judged list's criteria, like a terminologist's): a name
    followed by its head's title (研究和趋势分析处处长, 艾滋病科科长 — jieba has 处处长 and 科科长 as
    words) names a post, not a concept."""
    return text.endswith(HEAD_TITLES)


def _session(words: Sequence[str]) -> bool:
    """A session number is not a term: 第六十一届会议, 麻醉药品委员会第五十七届会议."""
    return len(words) >= 2 and words[-1] in ("会议", "届会") and _ORDINAL_RE.match(words[-2]) is not None


def _coordination(e: Entry, table: dict, words) -> float:
    """How fixed a coordination ``A和B`` is (1 when the candidate is not one).

    ``f(A和B) / min(f(A), f(B))``: 麻醉药品和精神药物 is most of the uses of its rarer part; 区域和
    国际 or 治疗和护理 are two words that happen to be listed together. Parts that are not
    candidates on their own (犯罪问题办公室 in 毒品和犯罪问题办公室) make no coordination.
    """
    w = e.words
    joints = [i for i in range(1, len(w) - 1) if w[i] in ("和", "与", "及", "以及", "或")]
    if not joints:
        return 1.0
    i = joints[-1]
    left, right = "".join(w[:i]), "".join(w[i + 1:])
    fl = table[left].freq if left in table else (words.get(left, 0) if i == 1 else 0)
    fr = table[right].freq if right in table else (words.get(right, 0) if i == len(w) - 2 else 0)
    if fl <= e.freq or fr <= e.freq:
        return 1.0
    return e.freq / min(fl, fr)


def _named(e: Entry) -> bool:
    """Does the candidate end in a name head (委员会, 公约, 物质, 事务司) or is it an organization's name?"""
    if len(e.words) == 1:
        return dictionary_tag(e.words[0]) == "nt"
    return e.words[-1] in NAME_HEADS or body_name(e.words)


#: Last words of country names (伊朗伊斯兰共和国, 大不列颠及北爱尔兰联合王国).
COUNTRY_HEADS = frozenset("共和国 王国 联合王国 联邦 合众国 酋长国 公国 大公国 多民族国".split())


def _country(words: Sequence[str]) -> bool:
    """A country's name: it ends in a country head, or every word is a place name."""
    if words and words[-1].endswith(tuple(COUNTRY_HEADS)):  # 朝鲜民主主义人民共和国 is one word
        return True
    return len(words) > 1 and all(dictionary_tag(w) == "ns" for w in words)


def _noun_like(word: str) -> bool:
    """Can this word be a term on its own? Nouns and words the dictionary lacks (new words,
    codes); not verbs, adjectives, adverbs, idioms or place and person names."""
    tag = dictionary_tag(word)
    return tag is None or tag in NOUN_TAGS


#: Classes of substances named by their effect (stimulants, analgesics, sedatives …). Like the
#: other heads of :data:`.candidates.NAME_HEADS` they end longer names (苯丙胺类兴奋剂), but
#: unlike 物质, 药物 or 化学品 (a substance, a drug, a chemical), which say only what kind of
#: thing is named, each is a pharmacological class and a term on its own.
EFFECT_CLASSES = frozenset("兴奋剂 镇痛剂 镇静剂 致幻剂 抑制剂 麻醉剂".split())


def _bare_head(word: str) -> bool:
    """Is this word, standing alone, only the head of names (公约, 委员会, 物质), naming nothing
    in particular? Classes of substances by effect (:data:`EFFECT_CLASSES`) are not."""
    return word in NAME_HEADS and word not in EFFECT_CLASSES


def _content_words(words: Sequence[str]) -> list[str]:
    return [w for w in words if _KINDS[w] > INNER]


def score_table(
    table: dict[str, Entry],
    counts: Counts,
    ref_freq: dict,
    ref_total: int,
    glued: frozenset = frozenset(),
    un_ref: Optional[UNReference] = None,
    names: frozenset = frozenset(),
) -> None:
    """C-value, cohesion, specificity and a preliminary score (no entropy yet) for each entry.

    ``ref_freq``/``ref_total``: general Chinese (jieba's dictionary); ``un_ref``: the general-UN
    reference (:mod:`.reference`), or None to judge against general Chinese only. ``names``:
    candidates known to be names (abbreviations the corpus defines and their full forms).

    ``glued``: glossary terms the segmenter keeps whole; they are scored on the words the
    default dictionary would cut them into, like any multi-word candidate.
    """
    # containers: the longer candidates of which an entry is a contiguous sub-sequence of words;
    # those that only narrow it by a modifier (国际|毒品管制公约, 苯丙胺类|兴奋剂) hold uses of it
    for e in table.values():
        w = e.words
        n = len(w)
        if n < 2:
            continue
        for i in range(n):
            if _KINDS[w[i]] != EDGE and _KINDS[w[i]] != 4:
                continue
            s = ""
            for j in range(i, n):
                s += w[j]
                if j - i + 1 == n:
                    break
                inner = table.get(s)
                if inner is None:
                    continue
                if j == n - 1 and modifier_expansion(w, i):
                    inner.expansions.append((w[i - 1][-1], e.freq))  # a use of the term, not a container
                else:
                    inner.containers.append(e.freq)
    n_tokens = max(counts.n_tokens, 1)
    words = counts.words
    spec_cache: dict[str, tuple[float, float]] = {}

    def spec_of(w: str, f: int) -> tuple[float, float]:
        general = scores.word_specificity(f, n_tokens, ref_freq.get(w, 0) or 0, ref_total)
        if un_ref is None:
            return general, general
        un = scores.un_word_specificity(f, n_tokens, un_ref.low(w), un_ref.n_tokens)
        return general, scores.combined_specificity(general, un)

    def word_spec(w: str, at_least: int) -> tuple[float, float]:
        # a word occurs at least as often as a candidate holding it (not so in the counts for the
        # parts of a glossary term the segmenter kept whole)
        f = words.get(w, 0)
        if f >= at_least:
            v = spec_cache.get(w)
            if v is None:
                v = spec_cache[w] = spec_of(w, f)
            return v
        return spec_of(w, at_least)

    base = tokenizer() if glued else None
    for e in table.values():
        e.cvalue = scores.c_value(len(e.text), e.freq, e.containers)
        content = _content_words(e.words)
        if glued and any(w in glued for w in content):
            content = _content_words([p for w in e.words for p in (base.lcut(w) if w in glued else [w])])
        if len(content) > 1:
            e.cohesion = scores.cohesion(e.freq, [max(words.get(w, 0), e.freq) for w in content], n_tokens)
        specs = [word_spec(w, e.freq) for w in content] or [(0.0, 0.0)]
        # a name (委员会, 公约 … at its end, an organization in the dictionary, a title) is a term
        # whatever its subject: the general-UN reference demotes UN phrasing, not UN names
        # (人权理事会, 可持续发展目标), which are judged against general Chinese only
        name = e.title > 0 or _named(e) or e.text in names
        e.specificity = scores.domain_specificity([g if name else c for g, c in specs])
        e.coordination = _coordination(e, table, words)
        e.single = len(content) == 1
        if e.single and e.title == 0 and not _noun_like(content[0]):
            e.prelim = -1.0  # a single verb, adjective, adverb or place name: not a term alone
            continue
        if (e.single and _bare_head(content[0])) or _country(e.words):
            # a bare head (公约, 宣言) names no particular thing; country names belong to the UN
            # country nomenclature, not to a domain's termbase
            e.prelim = -1.0
            continue
        e.prelim = scores.termhood(
            cvalue=e.cvalue,
            doc_freq=e.doc_freq,
            n_docs=counts.n_docs,
            edge_entropy=None,
            cohesion_bits=e.cohesion,
            specificity=e.specificity,
            single=e.single,
            title=e.title > 0,
            coordination=e.coordination,
            named=_named(e),
            body=body_name(e.words),
        )


#: Last words of the names of instruments, which BODY_HEADS also holds: not organizations.
INSTRUMENT_HEADS = frozenset("公约 宣言 议定书 协定 条约".split())


def _organization(e: Entry) -> bool:
    """Is the candidate an organization's or a body's name: one ending in a body's head
    (委员会, 办公室, 事务司, 服务处 …) or an organization in the dictionary (联合国)?"""
    if len(e.words) == 1:
        return dictionary_tag(e.words[0]) == "nt"
    return body_name(e.words) and e.words[-1] not in INSTRUMENT_HEADS


def organizations(cands: Iterable[str], table: dict[str, Entry], full_of: dict[str, str]) -> frozenset:
    """The shortlisted candidates that name an organization or a body, with their short forms,
    defined or inferred (毒罪办 for 联合国毒品和犯罪问题办公室): see :func:`_edge_entropy`."""
    names = {t for t in cands if t in table and _organization(table[t])}
    names |= {short for short, full in full_of.items()
              if full in names or (full in table and _organization(table[full]))}
    return frozenset(names)


def _edge_entropy(cand: str, occ: Occurrences, side: str, names: frozenset = frozenset(),
                  expansions: Sequence[tuple[str, int]] = ()) -> float:
    """Branching entropy of the candidate's neighbours on one side.

    Function words next to it are edges. So, on its left, is an organization's name (``names``):
    written right before a thing, with or without 的, a name says whose it is — 毒罪办合成毒品战略
    is UNODC's Synthetic Drugs Strategy, as 毒罪办的合成毒品战略 would be — and a term that is
    mostly cited with its owner's name (13 of the 14 合成毒品战略) is not a fragment of the
    longer phrase. The same holds for a modifier that narrows it (``expansions``: 国际 before
    毒品管制公约, 苯丙胺类 before 兴奋剂 — :func:`.candidates.modifier_expansion`).
    """
    neighbours = dict(getattr(occ, side).get(cand, {}))
    edges = getattr(occ, side + "_edges").get(cand, 0)
    if side == "left" and names:
        for before, c in occ.left_candidates.get(cand, {}).items():
            if before in names and neighbours.get(before[-1], 0) >= c:
                neighbours[before[-1]] -= c
                edges += c
    if side != "left":
        expansions = ()
    for ch, c in expansions:
        moved = min(neighbours.get(ch, 0), c)
        if moved:
            neighbours[ch] -= moved
            edges += moved
    crossed = occ.left_crossed.get(cand, {}) if side == "left" else {}
    kept = {}
    for ch, c in neighbours.items():
        if ch in EDGE_CHARS:
            inside = crossed.get(ch, 0)  # … unless a longer candidate runs across it
            edges += c - inside  # a function word next to it: a natural edge
            if inside:
                kept[ch] = inside
        else:
            kept[ch] = c
    return scores.branching_entropy(kept, edges)


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


# --- glossary status -------------------------------------------------------------------------------

def _load_glossary(glossary):
    if glossary is None:
        return None
    if hasattr(glossary, "index") and hasattr(glossary, "terms"):
        return glossary
    from ..glossary import load_glossary

    paths = [glossary] if _is_path(glossary) else list(glossary)
    if not paths:
        return None
    return load_glossary(paths)


def glossary_status(index, text: str):
    """``(status, match)`` of a candidate against a glossary index.

    known — exact or normalized hit on a preferred or admitted form; variant — hit on a
    deprecated, superseded or variant form (the match gives the concept and its preferred
    form); pinyin / fuzzy — a near neighbour; partial — part of (or containing) a glossary term;
    new — nothing.
    """
    matches = index.lookup(text, limit=3, min_score=70.0)
    if not matches:
        return "new", None
    m = matches[0]
    if m.kind in ("exact", "normalized"):
        if m.term.status in ("deprecated", "superseded") or m.term.type == "variant":
            return "variant", m
        return "known", m
    if m.kind == "variant":
        if m.term.status in ("preferred", "admitted") and m.term.type != "variant":
            return "known", m
        return "variant", m
    return m.kind, m


# --- the whole job ---------------------------------------------------------------------------------

def mine(
    inputs,
    glossary=None,
    *,
    top: Optional[int] = None,
    min_freq: int = 2,
    contexts: int = 3,
    encoding: Optional[str] = None,
    hmm: bool = True,
    shortlist: int = DEFAULT_SHORTLIST,
    progress: Optional[Progress] = None,
    reference: str = "un",
    jobs: Optional[int] = None,
    scheduler=None,
    chunk_bytes: int = CHUNK_BYTES,
    memory_limit=None,
    spool_dir=None,
    part_bytes: int = PART_BYTES,
) -> MineResult:
    """Mine term candidates from Chinese documents, best first.

    ``inputs``: files and folders (``*.txt``, read lazily, twice) or :class:`Document` objects.
    ``glossary``: a :class:`termkit.glossary.Glossary` or glossary file paths; its Chinese terms
    join the segmenter's dictionary (so known terms stay whole) and each candidate gets a
    glossary status. ``top``: how many to return (all when None or 0). ``min_freq``: fewest
    occurrences. ``contexts``: example sentences per candidate. ``progress``: a callable
    ``(items, length, label) -> items`` to report progress over files. ``reference``: what
    domain specificity is measured against — ``"un"`` (default: general Chinese and general UN
    text, :mod:`.reference`) or ``"general"`` (general Chinese only, jieba's dictionary).

    Where the maps run (:mod:`.execute`; the output is the same): in this process (default),
    ``jobs`` worker processes, or a Dask cluster — ``scheduler="local"`` (a LocalCluster of
    ``jobs`` workers), ``"tcp://HOST:8786"`` or a ``distributed.Client``. ``chunk_bytes``: the
    size of a map task (files are grouped into chunks of about this many bytes).
    ``memory_limit`` (bytes, or ``"2G"``; default a quarter of the machine's memory): past it,
    the merged counts spill to an SQLite file (:mod:`.store`); the output is the same.
    ``spool_dir``: where the counting by levels (:mod:`.levels`) keeps its spool files (a
    temporary directory by default; on a Dask cluster of several machines, a directory every
    worker sees at the same path). ``part_bytes``: a file larger than this is read in parts cut
    at line ends, each counted as a document ``name#k`` (:func:`.execute.plan_chunks`).

    Raises :class:`InputError` for an empty corpus or one without Chinese text.
    """
    progress = progress or no_progress
    un_ref = get_reference(reference)
    corpus = _Corpus(inputs, encoding, progress)
    gloss = _load_glossary(glossary)
    extra = glossary_words(t.text for t in gloss.terms("zh")) if gloss is not None else ()
    min_freq = max(1, int(min_freq))

    with make_executor(jobs, scheduler) as executor:
        return _mine(corpus, executor, gloss, extra, top, min_freq, contexts, encoding, hmm, shortlist,
                     un_ref, chunk_bytes, memory_limit, spool_dir, part_bytes)


def _mine(corpus, executor, gloss, extra, top, min_freq, contexts, encoding, hmm, shortlist, un_ref,
          chunk_bytes, memory_limit=None, spool_dir=None, part_bytes=PART_BYTES) -> MineResult:
    from .store import parse_size

    limit = None if memory_limit is None else parse_size(memory_limit)
    chunks = corpus.plan(chunk_bytes, part_bytes)
    with spool_directory(spool_dir) as spool:  # the spool files of both maps, removed at the end
        return _mine_spooled(corpus, executor, gloss, extra, top, min_freq, contexts, encoding, hmm, shortlist,
                             un_ref, chunks, limit, spool)


def _mine_spooled(corpus, executor, gloss, extra, top, min_freq, contexts, encoding, hmm, shortlist, un_ref,
                  chunks, limit, spool) -> MineResult:
    progress = corpus.progress
    stats = LevelStats()

    # 1. map: count (in passes, pruned by support); 2. reduce
    counts = count_by_levels(executor, chunks, min_freq, tuple(extra), hmm, encoding, limit, spool,
                             progress=progress, stats=stats)
    if counts.n_docs == 0 or counts.n_chars == 0:
        raise InputError("the corpus is empty: no text to mine", corpus.where)
    if counts.n_zh_docs == 0:
        raise InputError("no Chinese text in the corpus (termkit mine mines Chinese terms)", corpus.where)

    tok = tokenizer(extra)
    table = build_table(counts, min_freq, tok, hmm)
    abbreviations = resolve(counts.definitions)
    abbreviations += infer({t: e.words for t, e in table.items()}, abbreviations)
    inferred = {a.short for a in abbreviations if a.inferred}
    full_of, shorts_of = link(abbreviations)
    defined = set(full_of) | set(shorts_of)
    score_table(table, counts, tokenizer().FREQ, tokenizer().total, frozenset(extra), un_ref, frozenset(defined))
    want = max(shortlist, 3 * (top or 0))
    ranked = sorted(table.values(), key=lambda e: -e.prelim)
    short = [e.text for e in ranked[:want] if e.prelim > 0]
    short_set = set(short)
    short += [t for t in defined if t in table and t not in short_set and table[t].prelim >= 0]
    n_docs, n_chars = counts.n_docs, counts.n_chars
    del counts

    # 3. map: occurrences of the shortlist; 4. reduce
    names = organizations(short, table, full_of)
    occ = executor.map_reduce(scan_chunk, list(enumerate(chunks)), list(short), contexts, encoding, spool, names,
                              progress=progress, label="scanning") or Occurrences(contexts)
    frag = fragments(short, occ.freq)

    results: list[Candidate] = []
    for text in short:
        if text in frag:
            continue
        e = table[text]
        h_left = _edge_entropy(text, occ, "left", names, e.expansions)
        h_right = _edge_entropy(text, occ, "right")
        edge = min(h_left, h_right)
        score = scores.termhood(
            cvalue=e.cvalue,
            doc_freq=e.doc_freq,
            n_docs=n_docs,
            edge_entropy=edge,
            cohesion_bits=e.cohesion,
            specificity=e.specificity,
            single=e.single,
            title=e.title > 0,
            abbreviation=text in defined,
            coordination=e.coordination,
            freq=e.freq,
            named=_named(e),
            body=body_name(e.words),
        )
        results.append(
            Candidate(
                text=written_form(occ.forms.get(text), text),
                freq=max(occ.freq.get(text, 0), e.freq) if occ.freq.get(text) else e.freq,
                doc_freq=occ.doc_freq.get(text, 0) or e.doc_freq,
                score=round(score, 4),
                scores={
                    "cvalue": round(e.cvalue, 3),
                    "cohesion": None if e.cohesion is None else round(e.cohesion, 3),
                    "entropy_left": round(h_left, 3),
                    "entropy_right": round(h_right, 3),
                    "specificity": round(e.specificity, 3),
                    "title": e.title,
                },
                contexts=occ.contexts_of(text),
                abbreviation_of=full_of.get(text, ""),
                abbreviation_inferred=text in inferred,
                abbreviations=list(shorts_of.get(text, [])),
                key=text,
                words=list(e.words),
            )
        )
    results.sort(key=lambda c: (-c.score, -c.freq, c.key))
    if top:
        results = results[:top]
    fill_sentences([x for c in results for x in c.contexts], corpus.document)
    index = gloss.index() if gloss is not None else None
    for c in results:
        c.pinyin = pinyin_display(c.key)
        if index is not None:
            c.status, c.match = glossary_status(index, c.key)
    return MineResult(results, n_docs=n_docs, n_chars=n_chars, n_candidates=len(table), abbreviations=abbreviations,
                      counting=stats)
