"""Candidate terms: jieba segmentation, then word n-grams assembled under Chinese term rules.

This module holds the *map* of the miner: :func:`count_documents` reads a chunk of documents
and returns a :class:`.counts.Counts` — plain counters that merge with ``+``/``merge``, so the
map can run per chunk in one process, a process pool or a distributed engine, and the scoring
(:mod:`.termhood`) runs once on the merged counts. The miner calls it for words only and counts
longer n-grams by levels from its spool (:mod:`.levels`); called with the default
``max_words`` it counts every n-gram in one pass (the reference the levels are tested against:
:func:`count_chunk`).

Rules for a candidate (a run of 1–8 words, at most 20 characters, inside one clause), by the
kinds of its words (:mod:`.kinds`):

- it never crosses punctuation (clause or sentence), white space or a line break;
- it never contains a *stop word* — a function word that cannot be part of a term (的, 了, 在,
  对, 是, 我们, 也, 等 …; see :data:`.kinds.STOP_WORDS`);
- it never starts or ends with a *joiner* (和, 与, 及, /, -), a number or ordinal (2014, 第三十届,
  十五), a measure word (届, 项, 次 …) or an adverb/adjective that only modifies (进一步 …);
  these may stand inside (大会第三十届特别会议, 毒品和犯罪问题办公室, 艾滋病毒/艾滋病);
- a Latin-only candidate must look like a code or acronym (UNODC, THF-F, COVID-19)
  (:func:`.filters.acceptable`, on the merged table).

Titles written in 《》 are also counted whole (up to 40 characters), since a title names an
instrument even when it contains 、 or 的.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import compress

from ..formats.txt import read_corpus
from ..model import Document
from ..text.chars import HANZI
from ..text.normalize import normalize
from .abbreviations import find_definitions
from .chunks import Chunk, chunk_documents
from .counts import Counts
from .kinds import EDGE, END, INNER, KINDS, LEAD, MAX_CHARS, MAX_WORDS, SEP, START, STOP, YEAR_RE
from .lexicon import lexicon
from .names import body_name
from .segmenter import tokenizer
from .spool import RunSpool, write_normalized

MAX_TITLE_CHARS = 40

_LATIN_RE = re.compile(r"^[A-Za-z0-9]")
_HAS_HANZI_RE = re.compile(f"[{HANZI}]")
_TITLE_RE = re.compile(rf"《([^《》\n]{{2,{MAX_TITLE_CHARS}}})》")
_CODE_RE = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")


def document_text(doc: Document) -> str:
    """The document as the miner reads it: normalized as a whole — lines broken inside a
    sentence joined (also across a page's footnotes, which move after the paragraph), footnote
    marks dropped, full-width letters and digits folded, spaces next to hanzi removed
    (``2014 年`` → ``2014年``). The same text as the segments' content, without splitting it
    into sentences, which only the example sentences need."""
    return normalize(doc.text).text


def _merge_codes(tokens: list[str], text: str) -> list[str]:
    """Rejoin Latin codes that jieba splits at hyphens (THF-F, UR-144, COVID-19)."""
    codes = {m.group() for m in _CODE_RE.finditer(text) if sum(c.isalpha() for c in m.group()) >= 2}
    if not codes:
        return tokens
    out: list[str] = []
    done = 0  # tokens before this index are in ``out``
    n = len(tokens)
    hyphen = -1
    while True:
        try:  # only the hyphens matter: find them at C speed
            hyphen = tokens.index("-", hyphen + 1)
        except ValueError:
            break
        i = hyphen - 1
        if i < done or not _LATIN_RE.match(tokens[i]) or hyphen + 1 >= n:
            continue
        j = i
        s = tokens[i]
        while j + 2 < n and tokens[j + 1] == "-" and tokens[j + 2].isascii() and tokens[j + 2].isalnum():
            s2 = s + "-" + tokens[j + 2]
            if not any(c.startswith(s2) or s2 in c for c in codes):
                break
            s = s2
            j += 2
        if j > i:
            out.extend(tokens[done:i])
            out.append(s)
            done = j + 1
            hyphen = j
    if not done:
        return tokens
    out.extend(tokens[done:])
    return out


def ngram_keys(tokens: Sequence[str], kinds: Sequence[int], out: list[str], max_words: int = MAX_WORDS) -> None:
    """Append the candidate keys of one token sequence to ``out`` (the hot loop)."""
    n = len(tokens)
    for i in range(n):
        k = kinds[i]
        if k != EDGE and k != START and k != LEAD:
            continue
        s = tokens[i]
        if k == EDGE:
            out.append(s)
        length = len(s)
        stop = i + max_words
        if stop > n:
            stop = n
        for j in range(i + 1, stop):
            kj = kinds[j]
            if kj <= STOP or kj == LEAD:
                break
            t = tokens[j]
            length += len(t)
            if length > MAX_CHARS:
                break
            s = s + SEP + t
            if kj in (EDGE, END):
                out.append(s)


#: Tokens with no punctuation, white space or stop word among them, a name's lead (a negation, a
#: year) allowed first (on kinds as bytes).
_RUN_RE = re.compile(b"%c?[%c-%c]+" % (LEAD, INNER, END))


def runs(tokens: Sequence[str], kinds: Sequence[int]) -> list[str]:
    """The stretches of a token sequence that n-grams of two words or more can come from: maximal
    runs of two tokens or more with no punctuation, white space or stop word inside, a name's
    lead (:data:`.kinds.LEAD`) allowed first (as keys: words joined by :data:`.kinds.SEP`)."""
    return [SEP.join(tokens[m.start() : m.end()]) for m in _RUN_RE.finditer(bytes(kinds)) if m.end() - m.start() >= 2]


def _merge_years(tokens: list[str]) -> list[str]:
    """Rejoin a year and its 年 (2030|年 → 2030年), which may lead a name (2030年可持续发展议程)."""
    glued = []
    ranges = lexicon().range_marks
    i = -1
    while True:
        try:  # only the 年 matter: find them at C speed
            i = tokens.index("年", i + 1)
        except ValueError:
            break
        if i and YEAR_RE.match(tokens[i - 1] + "年") and (i < 2 or tokens[i - 2] not in ranges):
            glued.append(i)  # not the end of a range (2007-2015年…): the year leads no name there
    if not glued:
        return tokens
    out: list[str] = []
    done = 0
    for i in glued:
        out.extend(tokens[done : i - 1])
        out.append(tokens[i - 1] + "年")
        done = i + 1
    out.extend(tokens[done:])
    return out


_AFTER_TITLE_RE = re.compile(rf"《[^《》\n]{{2,{MAX_TITLE_CHARS}}}》([{HANZI}]{{2,8}})")


def title_names(text: str, tok, hmm: bool = True) -> list[str]:
    """Names made of a title in 《》 and the body it names (《巴黎公约》协调股, the Paris Pact
    Coordination Unit): the title, then the fewest words after it that end in a body's head
    (lexicon lists body_heads, body_head_chars), content words all."""
    out = []
    for m in _AFTER_TITLE_RE.finditer(text):
        words = tok.lcut(m.group(1), HMM=hmm)
        for k in range(1, len(words) + 1):
            if KINDS[words[k - 1]] != EDGE:
                break
            if body_name(["", *words[:k]]):
                out.append(text[m.start() : m.start(1)] + "".join(words[:k]))
                break
    return out


def count_documents(
    docs: Iterable[Document],
    extra_words: Sequence[str] = (),
    hmm: bool = True,
    max_words: int = MAX_WORDS,
    spool=None,
    text_spool=None,
) -> Counts:
    """The map: count candidate n-grams, words, titles and abbreviation definitions in ``docs``.

    A pure function of its inputs (documents with their segments, and the words added to the
    segmenter's dictionary), so chunks can be counted anywhere and merged with ``+``.

    ``max_words``: longest n-gram counted here (1 for the first pass of the counting by levels,
    :mod:`.levels`, which counts longer ones from ``spool``). ``spool``: a text file to which
    the documents' :func:`runs` are written (:class:`.spool.RunSpool`), so later passes need not
    segment again.
    ``text_spool``: a binary file to which each document's normalized text is written
    (:func:`.spool.write_normalized`), so the scan for contexts need not normalize again.
    """
    tok = tokenizer(extra_words)
    kinds_of = KINDS
    counts = Counts()
    ngrams = counts.ngrams
    words = counts.words
    run_spool = RunSpool() if spool is not None else None
    for doc_no, doc in enumerate(docs):
        norm = normalize(doc.text) if doc.text else None
        joined = norm.text if norm is not None else ""
        if text_spool is not None:
            write_normalized(text_spool, norm)
        counts.n_docs += 1
        counts.n_chars += len(doc.text)
        if not joined:
            continue
        if _HAS_HANZI_RE.search(joined):
            counts.n_zh_docs += 1  # documents with Chinese
        tokens = tok.lcut(joined, HMM=hmm)
        if "-" in joined:
            tokens = _merge_codes(tokens, joined)
        if "年" in joined:
            tokens = _merge_years(tokens)
        words.update(tokens)
        counts.n_tokens += len(tokens)
        kinds = list(map(kinds_of.__getitem__, tokens))
        if max_words == 1:  # one-word candidates only: the content words
            keys = list(compress(tokens, map(EDGE.__eq__, kinds)))
        else:
            keys = []
            ngram_keys(tokens, kinds, keys, max_words)
        ngrams.update(keys)
        counts.doc_freq.update(set(keys))
        if run_spool is not None:
            run_spool.add(doc_no, runs(tokens, kinds))
        if "《" in joined:
            found = [m.group(1) for m in _TITLE_RE.finditer(joined)]
            counts.titles.update(found)
            counts.title_docs.update(set(found))
            counts.title_names.update(title_names(joined, tok, hmm))
        if "（" in joined or "(" in joined or "=" in joined or "＝" in joined:
            counts.definitions.update(find_definitions(tokens, kinds, joined))
    if run_spool is not None:
        run_spool.write(spool)
    return counts


def count_files(
    paths: Iterable[str], extra_words: Sequence[str] = (), hmm: bool = True, encoding: str | None = None
) -> Counts:
    """The map over files: read and count (what a worker process runs on its chunk)."""
    return count_documents(read_corpus(paths, encoding=encoding), extra_words, hmm)


def count_chunk(chunk: Chunk, extra_words: Sequence[str] = (), hmm: bool = True, encoding: str | None = None):
    """Every n-gram of one chunk counted in one pass (:func:`count_documents`): what the counting
    by levels (:mod:`.levels`) is tested and benchmarked against."""
    return count_documents(chunk_documents(chunk, encoding), extra_words, hmm)
