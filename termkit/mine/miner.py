"""``mine()``: from a Chinese corpus, its terms ranked by termhood.

The shape is the map/reduce of DESIGN.md:

1. map — per chunk of documents, segment with jieba and count words, titles, abbreviation
   definitions and candidate n-grams → mergeable :class:`.counts.Counts`; the n-grams are
   counted in passes by length, each pruned by the frequent n-grams of the pass before
   (:mod:`.levels`);
2. reduce — merge the counts; build the candidate table (frequency ≥ ``min_freq``); C-value,
   cohesion and domain specificity (:mod:`.table`, :mod:`.termhood`); a shortlist of the best
   candidates;
3. map — :func:`.scan.scan_documents` per chunk for the shortlist only (every occurrence:
   neighbours for branching entropy, written forms, example sentences) → mergeable
   :class:`.scan.Occurrences`;
4. reduce — fragments dropped, the final termhood score, abbreviations linked, glossary status.

Files are streamed twice (once per map); memory grows with the vocabulary, not the corpus.

The stages live in their own modules and take one :class:`.options.MineOptions`, which
:func:`mine` builds from its keyword arguments; this module runs them in order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import Candidate, Document
from ..text.normalize import normalize_key
from ..text.pinyin import pinyin_display
from .abbreviations import Abbreviation, infer, link, resolve
from .chunks import CHUNK_BYTES, PART_BYTES
from .collector import collecting_less
from .concepts import group_candidates, groups_of, short_forms
from .contexts import fill_sentences, written_form
from .evidence import evidence
from .execute import Progress, make_executor, no_progress
from .filters import acceptable, fragments
from .inputs import Corpus, load_glossary
from .levels import LevelStats, count_by_levels
from .lexicon import Lexicon, load, use
from .options import DEFAULT_SHORTLIST, MineOptions
from .reference import get_reference
from .scan import Occurrences, scan_chunk
from .segmenter import dictionary_tag, glossary_words, segmenter_name, tokenizer
from .spool import spool_directory
from .status import STATUSES, glossary_status
from .store import parse_size
from .table import Entry, build_table, organizations
from .termhood import final_score, score_table, shortlisted

if TYPE_CHECKING:
    from distributed import Client

    from ..glossary import Glossary


@dataclass
class MineResult:
    """The ranked candidates and what they were mined from."""

    candidates: list[Candidate]
    n_docs: int = 0
    n_chars: int = 0
    n_candidates: int = 0  # in the table before ranking (frequency ≥ min_freq)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    counting: LevelStats | None = None  # n-grams counted and found frequent in each pass
    segmenter: str = "jieba"  # which computed jieba's tokens: jieba, or rjieba (jieba-rs)

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates)

    def __len__(self) -> int:
        return len(self.candidates)

    def __getitem__(self, i):
        return self.candidates[i]


def mine(
    inputs: Iterable[str | os.PathLike | Document],
    glossary: Glossary | Iterable[str | os.PathLike] | None = None,
    *,
    top: int | None = None,
    min_freq: int = 2,
    contexts: int = 3,
    encoding: str | None = None,
    hmm: bool = True,
    shortlist: int = DEFAULT_SHORTLIST,
    progress: Progress | None = None,
    reference: str = "un",
    jobs: int | None = None,
    scheduler: str | Client | None = None,
    chunk_bytes: int = CHUNK_BYTES,
    memory_limit: str | int | None = None,
    spool_dir: str | os.PathLike | None = None,
    part_bytes: int = PART_BYTES,
    lexicon: Lexicon | str | os.PathLike | None = None,
    ignore: Iterable[str] = (),
    status: Iterable[str] | None = None,
) -> MineResult:
    """Mine term candidates from Chinese documents, best first.

    ``inputs``: files and folders (``*.txt``, read lazily, twice) or :class:`Document` objects.
    ``glossary``: a :class:`termkit.glossary.Glossary` or glossary file paths. It never changes
    how the corpus is cut or counted (a known form keeps the termhood it has without the
    glossary: status is a column, not a penalty or a bonus); its Chinese forms that occur in the
    corpus at least ``min_freq`` times are candidates even when the segmenter never produces
    them whole, each candidate gets a glossary status, and the forms of one glossary concept are
    grouped. ``status``: keep only the candidate concepts with a form of one of these statuses
    (``{"new"}``: what the glossary lacks; also variant, pinyin, fuzzy, partial, known).
    ``ignore``: forms never to propose (a review's decisions), left out before grouping.
    ``lexicon``: the miner's word lists (:mod:`.lexicon`): a :class:`.lexicon.Lexicon` or a
    directory whose lists add to or replace the shipped ones.

    The candidates come in concept order (:mod:`.concepts`): the head of each candidate concept,
    then its other forms (``group``, ``role``); ``top`` counts concepts (all when None or 0).
    Each candidate carries its ``evidence``. ``min_freq``: fewest
    occurrences. ``contexts``: example sentences per candidate. ``progress``: a callable
    ``(items, length, label) -> items`` to report progress over files. ``reference``: what
    domain specificity is measured against — ``"un"`` (default: general Chinese and general UN
    text, :mod:`.reference`) or ``"general"`` (general Chinese only, jieba's dictionary).

    Where the maps run (:mod:`.execute`; the output is the same): in this process (default),
    ``jobs`` worker processes, or a Dask cluster — ``scheduler="local"`` (a LocalCluster of
    ``jobs`` workers), ``"tcp://HOST:8786"`` or a ``distributed.Client``. ``chunk_bytes``: the
    size of a map task (files are grouped into chunks of about this many bytes; with several
    workers, into a multiple of their number of equal chunks no larger than this).
    ``memory_limit`` (bytes, or ``"2G"``; default a quarter of the machine's memory): past it,
    the merged counts spill to an SQLite file (:mod:`.store`); the output is the same.
    ``spool_dir``: where the counting by levels (:mod:`.levels`) keeps its spool files (a
    temporary directory by default; on a Dask cluster of several machines, a directory every
    worker sees at the same path). ``part_bytes``: a file larger than this is read in parts cut
    at line ends, each counted as a document ``name#k`` (:func:`.chunks.plan_chunks`).

    Raises :class:`InputError` for an empty corpus or one without Chinese text.
    """
    un_ref = get_reference(reference)
    lex = lexicon if isinstance(lexicon, Lexicon) else load(lexicon)
    wanted = None if status is None else frozenset(status)
    if wanted is not None and not wanted <= set(STATUSES):
        raise ValueError(f"unknown status {sorted(wanted - set(STATUSES))} (one of: {', '.join(STATUSES)})")
    corpus = Corpus(inputs, encoding)
    gloss = load_glossary(glossary)
    forms = glossary_words(t.text for t in gloss.terms("zh")) if gloss is not None else ()
    options = MineOptions(
        top=top,
        min_freq=max(1, int(min_freq)),
        contexts=contexts,
        encoding=encoding,
        hmm=hmm,
        shortlist=shortlist,
        reference=reference,
        glossary_forms=tuple(forms),
        lexicon=lex,
        ignore=frozenset(normalize_key(f) for f in ignore if f and f.strip()),
        status=wanted,
        progress=progress or no_progress,
        jobs=jobs,
        scheduler=scheduler,
        chunk_bytes=chunk_bytes,
        part_bytes=part_bytes,
        memory_limit=memory_limit,
        spool_dir=spool_dir,
    )

    before = use(lex)
    try:
        with collecting_less(), make_executor(options.jobs, options.scheduler) as executor:
            return _mine(corpus, executor, gloss, un_ref, options)
    finally:
        use(before)


def _load_meanwhile(extra_words) -> None:
    """Load what the reduce needs — the segmenter's dictionary and its parts of speech (word
    kinds, general-Chinese frequencies) and pypinyin (the candidates' pinyin) — in a thread of
    this process while the workers count: the parent waits for them then, and would otherwise
    load them after them, with every worker idle."""
    import threading

    def load() -> None:
        with suppress(Exception):  # the run meets the same error where it needs these, and says it
            tokenizer(tuple(extra_words))
            dictionary_tag("术语")
            pinyin_display("术语")

    threading.Thread(target=load, daemon=True).start()


def _mine(corpus: Corpus, executor, gloss, un_ref, options: MineOptions) -> MineResult:
    if options.memory_limit is not None:
        options = replace(options, memory_limit=parse_size(options.memory_limit))
    chunks = corpus.plan(options.chunk_bytes, options.part_bytes, executor.workers)
    with spool_directory(options.spool_dir) as spool:  # the spool files of both maps, removed at the end
        return _mine_spooled(corpus, executor, gloss, un_ref, options, chunks, spool)


def _mine_spooled(
    corpus: Corpus, executor, gloss, un_ref, options: MineOptions, chunks: list, spool: str
) -> MineResult:
    stats = LevelStats()
    if executor.workers > 1:
        _load_meanwhile(options.extra_words)

    # 1. map: count (in passes, pruned by support); 2. reduce
    counts = count_by_levels(executor, chunks, options, spool, stats)
    if counts.n_docs == 0 or counts.n_chars == 0:
        raise InputError("the corpus is empty: no text to mine", corpus.where)
    if counts.n_zh_docs == 0:
        raise InputError("no Chinese text in the corpus (termkit mine mines Chinese terms)", corpus.where)
    extra = options.extra_words
    tok = tokenizer(extra)
    table = build_table(counts, options.min_freq, tok, options.hmm)
    abbreviations = resolve(counts.definitions)
    abbreviations += infer({t: e.words for t, e in table.items()}, abbreviations)
    inferred = {a.short for a in abbreviations if a.inferred}
    full_of, shorts_of = link(abbreviations)
    defined = set(full_of) | set(shorts_of)
    want = max(options.shortlist, 3 * (options.top or 0))
    scorer = score_table(
        table, counts, tokenizer().FREQ, tokenizer().total, frozenset(extra), un_ref, frozenset(defined), keep=want
    )
    short = shortlisted(table, want, defined)
    # a glossary's forms the counting never saw whole are scanned too (scored below if frequent)
    chars = set().union(*counts.words) if options.glossary_forms else set()
    added = [f for f in options.glossary_forms if f not in table and acceptable(f) and chars.issuperset(f)]
    n_docs, n_chars = counts.n_docs, counts.n_chars

    # 3. map: occurrences of the shortlist; 4. reduce
    names = organizations(short, table, full_of)
    occ = executor.map_reduce(
        scan_chunk,
        list(enumerate(chunks)),
        list(short) + added,
        options.contexts,
        options.encoding,
        spool,
        names,
        options.lexicon,
        progress=options.progress,
        label="scanning",
    )
    occ = occ or Occurrences(options.contexts)
    for f in added:
        if occ.freq.get(f, 0) >= options.min_freq:
            table[f] = Entry(f, tok.lcut(f, HMM=options.hmm), occ.freq[f], occ.doc_freq.get(f, 0))
            scorer.score(table[f])
            if table[f].prelim > 0:
                short.append(f)
    del counts
    owners = names | options.lexicon.owners
    frag = fragments(short, occ.freq)
    for a in short_forms(frag, {t: table[t].words for t in frag.values()}, owners):
        del frag[a]

    results: list[Candidate] = []
    for text in short:
        if text in frag or text in options.ignore:
            continue
        e = table[text]
        score, h_left, h_right = final_score(e, occ, n_docs, names, abbreviation=text in defined)
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
                evidence=evidence(e, h_left, h_right, full_of.get(text, ""), text in inferred, shorts_of.get(text)),
            )
        )
    results.sort(key=lambda c: (-c.score, -c.freq, c.key))
    index = gloss.index() if gloss is not None else None
    looked_up: set[str] = set()

    def look_up(cands) -> None:
        for c in cands:
            if index is not None and c.key not in looked_up:
                looked_up.add(c.key)
                c.status, c.match = glossary_status(index, c.key)
                if c.status != "new":
                    c.evidence.append(f"glossary: {c.status}")

    # the statuses group a glossary's forms: those of the best candidates (all of them when every
    # candidate is returned or a status is asked for), then of any other form shown
    wanted = len(results) if not options.top or options.status is not None else options.top + 100
    look_up(results[:wanted])
    results = group_candidates(results, owners, occ.freq)
    groups = groups_of(results)
    if options.status is not None:
        groups = [g for g in groups if any(c.status in options.status for c in g)]
    if options.top:
        groups = groups[: options.top]
    results = [c for g in groups for c in g]
    look_up(results)
    sources = {item[1]: item for chunk in chunks for item in chunk if isinstance(item, tuple)}
    fill_sentences([x for c in results for x in c.contexts], corpus.document, executor, sources, options.encoding)
    for c in results:
        c.pinyin = pinyin_display(c.key)
    return MineResult(
        results,
        n_docs=n_docs,
        n_chars=n_chars,
        n_candidates=len(table),
        abbreviations=abbreviations,
        counting=stats,
        segmenter=segmenter_name(),
    )
