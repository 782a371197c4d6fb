"""Bilingual term extraction: mined Chinese terms with their English equivalents, from the English
originals beside the Chinese (UN documents always exist in English: the Chinese translates them).

The Chinese documents are mined as usual (:func:`termkit.mine.mine`). Each is paired with its
English original — by name (``report.en.txt`` / ``report.zh.txt``, ``A_73_123-EN`` / ``…-ZH``), by
the UN document symbol on both cover pages (``E/CN.7/2024/1``), or by a pairs file (:mod:`.pairing`) — and then, as
the mining itself, a map over the pairs and a reduce: each pair is aligned sentence by sentence
(:func:`termkit.align.align_documents`) and each mined term counted with the English n-grams beside
it (:func:`termkit.align.terms.count_cooccurrences`); the counts merge; the reduce scores the
English proposals (:func:`termkit.align.terms.score_equivalents`). The map runs in this process, in
a process pool (``jobs``) or on Dask (``scheduler``), like the miner's. TMX, XLIFF and aligned TSV
files are parallel input as they are: their Chinese side is mined, their units counted.

Each candidate gets its best English equivalent and up to two alternatives (``Candidate.english``),
each with a confidence, its evidence in words and an example sentence pair; a new candidate whose
English is a glossary concept's becomes ``new-variant`` of that concept — a new Chinese form of a
known concept, what a terminologist most wants to see.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..align import align_documents
from ..align.cooccurrence import Cooccurrences, _en_key, chinese_terms, count_cooccurrences
from ..align.cooccurrence import _pairs as english_chinese
from ..align.terms import score_equivalents
from ..documents import load_documents, segment_document
from ..formats.beads import read_aligned_tsv
from ..formats.bilingual import read_bilingual
from ..formats.registry import is_parallel
from ..formats.txt import corpus_files
from ..glossary import load_glossary
from ..model import Candidate, Document, Equivalent, Match
from .execute import make_executor, no_progress
from .lexicon import Lexicon, load, use
from .lexicon import lexicon as active_lexicon
from .miner import MineResult, mine
from .pairing import Pairing, pair_documents, warn_unpaired
from .segmenter import tokenizer

ALTERNATIVES = 2  # English proposals kept beside the best one
MIN_CONFIDENCE = 0.3
NEW_VARIANT_CONFIDENCE = 0.5  # how sure the English must be to call a candidate a known concept's


@lru_cache(maxsize=4)
def _glossary(paths: tuple[str, ...]):
    return load_glossary(list(paths), report=False) if paths else None


def count_pair(
    pair: tuple[str, str], terms: Sequence[str], glossary_paths: tuple[str, ...], encoding=None
) -> Cooccurrences:
    """The map task: align one English–Chinese document pair, count the terms beside English n-grams."""
    en_path, zh_path = pair
    aligned = align_documents(en_path, zh_path, src_lang="en", glossary=_glossary(glossary_paths), encoding=encoding)
    segments = [
        (" ".join(aligned.src[i] for i in p.src), "".join(aligned.tgt[j] for j in p.tgt))
        for p in aligned.pairs
        if p.src and p.tgt
    ]
    return count_cooccurrences(segments, terms)


def parallel_units(path: str | os.PathLike) -> list[tuple[str, str]]:
    """(English, Chinese) segments of a TMX (English and Chinese wherever they are in a
    multilingual memory), XLIFF or aligned TSV file; units with an empty side are left out."""
    if str(path).lower().endswith(".tsv"):
        return read_aligned_tsv(path)
    return english_chinese(read_bilingual(Path(path), pair=("en", "zh")))


def english_equivalents(
    segment_pairs: Iterable,
    candidates: Iterable,
    glossary=None,
    *,
    alternatives: int = ALTERNATIVES,
    lexicon: Lexicon | str | os.PathLike | None = None,
) -> dict[str, list[Equivalent]]:
    """English equivalents of Chinese terms from aligned segments you already have: ``(english,
    chinese)`` tuples or translation units. ``{chinese: [best, alternative, …]}``. ``lexicon``:
    the miner's word lists (:mod:`.lexicon`; a directory of lists or a Lexicon; None: the lists
    in use) — its segmenter cuts the Chinese into the words the segments teach, its coordinators
    say which terms join two parts (A和B, "A and B")."""
    terms = chinese_terms(candidates)
    return _proposals(count_cooccurrences(segment_pairs, terms), terms, glossary, alternatives, _lexicon(lexicon))


def _lexicon(lexicon: Lexicon | str | os.PathLike | None) -> Lexicon:
    """A run's word lists: the Lexicon given, a directory's lists, else the lists in use."""
    if isinstance(lexicon, Lexicon):
        return lexicon
    return active_lexicon() if lexicon is None else load(lexicon)


def _proposals(counts: Cooccurrences, terms, glossary, alternatives: int, lex: Lexicon) -> dict[str, list[Equivalent]]:
    out: dict[str, list[Equivalent]] = {}
    before = use(lex)  # the run's word lists: its segmenter's extra words, its coordinators
    try:
        scored = score_equivalents(
            counts,
            terms,
            glossary,
            top=1 + alternatives,
            min_confidence=MIN_CONFIDENCE,
            examples=1,
            tokenize=tokenizer().lcut,
            coordinators=lex.coordinators,
        )
    finally:
        use(before)
    for p in scored:
        evidence = ["aligned"] + [_evidence_source(e) for e in p.evidence]
        out.setdefault(p.zh, []).append(
            Equivalent(p.en, p.confidence, list(dict.fromkeys(evidence)), p.examples[0] if p.examples else None)
        )
    for proposals in out.values():
        proposals.sort(key=lambda e: -e.confidence)
    return out


def _evidence_source(evidence: str) -> str:
    """The evidence in the words of the issue's sources: aligned, glossary, CC-CEDICT, abbreviation."""
    if evidence.startswith("dictionary"):
        return "CC-CEDICT: " + evidence.split(": ", 1)[1]
    if evidence.startswith("abbreviation"):
        return "abbreviation in brackets: " + evidence.split(" ", 1)[1]
    if evidence.startswith("dice"):
        return "aligned: " + evidence
    return evidence


def full_forms(candidates: Iterable[Candidate], terms: Iterable[str]) -> dict[str, list[str]]:
    """The full forms each candidate may abbreviate: the miner's (``abbreviation_of``), else the
    longer terms that begin and end as it does and hold its characters in order, but not as one
    run (安理会 in 安全理事会, 经社理事会 in 经济及社会理事会; 缔约方大会 is a part of 斯德哥尔摩公约缔约方大会,
    not its abbreviation)."""
    terms = list(terms)
    by_first: dict[str, list[str]] = {}
    for t in terms:
        by_first.setdefault(t[:1], []).append(t)
    out: dict[str, list[str]] = {}
    for c in candidates:
        short = c.text
        if c.abbreviation_of:
            if c.abbreviation_of not in out.get(short, []) and short not in c.abbreviation_of:
                out.setdefault(short, []).append(c.abbreviation_of)
            continue
        if len(short) < 2:
            continue
        for t in by_first.get(short[:1], []):
            if len(t) > len(short) and t[-1] == short[-1] and short not in t and _in_order(short, t):
                out.setdefault(short, []).append(t)
    return out


def _in_order(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


def inherit_from_full_forms(candidates: Iterable[Candidate], proposals: dict[str, list[Equivalent]], counts) -> None:
    """An abbreviation (安理会) takes its full form's English (Security Council) when that English
    stands beside it in the aligned text: English writes the name where Chinese abbreviates it,
    while the abbreviation's own co-occurrences favour fragments (Council). Where its own best
    English is a piece of the full form's (council of Economic and Social Council, for 经社理事会),
    the full form's English beside it once is enough."""
    candidates = list(candidates)
    for c in candidates:
        best_full, best, beside = "", None, 0
        for full in full_forms([c], counts.hits).get(c.text, []):
            english = proposals.get(full)
            if english:
                n = counts.co.get(c.text, {}).get(_en_key(english[0].en), 0)
                if n > beside:
                    best_full, best, beside = full, english[0], n
        if best is None:
            continue
        mine = proposals.get(c.text)
        piece = bool(mine) and f" {_en_key(mine[0].en)} " in f" {_en_key(best.en)} "
        if beside < (1 if piece else max(2, 0.3 * counts.hits.get(c.text, 0))):
            continue
        own = [e for e in proposals.get(c.text, []) if _en_key(e.en) != _en_key(best.en)]
        confidence = max([best.confidence * 0.9] + [e.confidence for e in own[:1]])
        example = next(((en, zh) for en, zh in counts.examples.get(c.text, []) if best.en.lower() in en.lower()), None)
        inherited = Equivalent(best.en, round(confidence, 3), ["aligned", f"abbreviation of {best_full}"], example)
        proposals[c.text] = [inherited, *own][: 1 + ALTERNATIVES]


def attach(candidates: Iterable[Candidate], proposals: dict[str, list[Equivalent]], glossary=None) -> int:
    """Give each candidate its English proposals; a new candidate whose best English is a glossary
    concept's English term becomes ``new-variant`` of that concept. Returns how many got English."""
    known: dict[str, tuple] = {}
    if glossary is not None:
        for concept in glossary.concepts:
            for term in concept.terms_in("en"):
                known.setdefault(_en_key(term.text), (concept, term))
    n = 0
    for c in candidates:
        c.english = proposals.get(c.text, [])
        if not c.english:
            continue
        n += 1
        best = c.english[0]
        hit = known.get(_en_key(best.en))
        if c.status == "new" and hit and best.confidence >= NEW_VARIANT_CONFIDENCE:
            concept, term = hit
            c.status = "new-variant"
            c.match = Match(
                query=c.text, concept=concept, term=term, kind="new-variant", score=round(100 * best.confidence, 1)
            )
    return n


@dataclass
class BilingualResult:
    """The mining result with English, and how the documents were paired."""

    mined: MineResult
    pairing: Pairing
    segments: int = 0  # aligned segment pairs (and parallel units) counted
    with_english: int = 0  # candidates that got an English proposal


def mine_bilingual(
    inputs: Sequence[str | os.PathLike],
    sources: Sequence[str | os.PathLike] = (),
    glossary_paths: Sequence[str | os.PathLike] = (),
    *,
    pairs_file: str | None = None,
    jobs: int | None = None,
    scheduler=None,
    encoding: str | None = None,
    progress=None,
    **mine_options,
) -> BilingualResult:
    """Mine Chinese documents and give every candidate English equivalents from their originals.

    ``inputs``: Chinese text files and folders, and TMX/XLIFF/aligned-TSV files (parallel as they
    are); ``sources``: the English originals (files or folders); ``pairs_file``: explicit pairs.
    Documents without a partner are mined as usual and listed in a warning. Other keyword
    arguments go to :func:`termkit.mine.mine` (``top``, ``min_freq``, ``contexts``, ``lexicon`` …);
    the word lists of ``lexicon`` serve the English equivalents too (their coordinators, the
    segmenter's extra words).
    """
    progress = progress or no_progress
    inputs = [Path(p) for p in inputs]
    parallel = [p for p in inputs if is_parallel(p)]
    texts = [p for p in inputs if p not in parallel]
    zh_files = corpus_files(texts) if texts else []
    glossary = _glossary(tuple(str(p) for p in glossary_paths))
    units = {str(p): parallel_units(p) for p in parallel}
    if parallel:  # mine their Chinese sides too: every input becomes a Document
        docs = list(load_documents(zh_files, encoding=encoding))
        for path, segs in units.items():
            doc = Document(id=Path(path).stem, text="\n\n".join(zh for _, zh in segs), path=path, lang="zh")
            docs.append(segment_document(doc, "zh"))
        corpus = docs
    else:
        corpus = zh_files
    lex = _lexicon(mine_options.pop("lexicon", None))
    mined = mine(
        corpus,
        glossary,
        encoding=encoding,
        progress=progress,
        jobs=jobs,
        scheduler=scheduler,
        lexicon=lex,
        **mine_options,
    )
    pairing, segments, with_english = add_english(
        mined.candidates,
        zh_files,
        sources,
        glossary_paths,
        pairs_file=pairs_file,
        units=list(units.values()),
        jobs=jobs,
        scheduler=scheduler,
        encoding=encoding,
        progress=progress,
        lexicon=lex,
    )
    return BilingualResult(mined, pairing, segments, with_english)


def add_english(
    candidates: Sequence[Candidate],
    zh_files: Sequence[str | os.PathLike],
    sources: Sequence[str | os.PathLike] = (),
    glossary_paths: Sequence[str | os.PathLike] = (),
    *,
    pairs_file: str | None = None,
    units: Sequence[Sequence[tuple[str, str]]] = (),
    jobs: int | None = None,
    scheduler=None,
    encoding: str | None = None,
    progress=None,
    lexicon: Lexicon | str | os.PathLike | None = None,
) -> tuple[Pairing, int, int]:
    """Give mined candidates English equivalents: pair the Chinese files with the English
    ``sources`` (or a ``pairs_file``), align and count each pair (the map, on ``jobs`` processes or
    a Dask ``scheduler``), add parallel ``units`` you already have, score, attach. ``lexicon``:
    the word lists the candidates were mined with (see :func:`english_equivalents`; None: the
    lists in use). Returns the pairing, the number of segments counted and of candidates that
    got English."""
    progress = progress or no_progress
    en_files = corpus_files([Path(p) for p in sources]) if sources else []
    pairing = pair_documents(zh_files, en_files, pairs_file)
    warn_unpaired(pairing)
    glossary_paths = tuple(str(p) for p in glossary_paths)
    glossary = _glossary(glossary_paths)
    # the full forms of abbreviations too: an abbreviation shares its full form's English
    terms = chinese_terms([*candidates, *(c.abbreviation_of for c in candidates if c.abbreviation_of)])
    counts = Cooccurrences()
    if pairing.pairs and terms:
        with make_executor(jobs, scheduler) as executor:
            counted = executor.map_reduce(
                count_pair, pairing.pairs, terms, glossary_paths, encoding, progress=progress, label="aligning"
            )
        counts = counted if counted is not None else counts  # the merged counts as they are: no copy
    for segs in units:
        counts.merge(count_cooccurrences(segs, terms))
    proposals = _proposals(counts, terms, glossary, ALTERNATIVES, _lexicon(lexicon))
    inherit_from_full_forms(candidates, proposals, counts)
    return pairing, counts.segments, attach(candidates, proposals, glossary)
