"""Termhood statistics, one function each, and the score that combines them.

All functions are pure and work on merged counts (the reduce side of the miner).

- :func:`spread` — how many of the corpus's documents use the candidate.
- :func:`c_value` — frequency discounted by the longer candidates that contain the candidate
  (Frantzi, Ananiadou & Mima 2000), with the length measured in characters: a nested fragment
  (犯罪问题办公室 inside 毒品和犯罪问题办公室) keeps only the occurrences it has on its own.
- :func:`cohesion` — how much more often the words occur together than apart: the average
  pointwise mutual information per word boundary (content words only; 和 and 与 are glue).
- :func:`branching_entropy` — the entropy of the characters just left or right of the
  occurrences; a fragment has one edge that is always the same (问 | 题办公室), a term has varied
  neighbours on both sides. Punctuation and sentence edges count as distinct neighbours.
- :func:`domain_specificity` — how much more frequent the candidate's words are in the corpus
  than in general Chinese, the reference being the word frequencies of jieba's own dictionary
  (60 million words). A word absent from the dictionary counts as unseen (frequency 0, smoothed
  by one), never estimated from its characters. With the general-UN reference (the default,
  :mod:`.reference`), each word is also compared with general UN text and keeps the lower of the
  two figures (:func:`combined_specificity`), so UN phrasing (国际合作, 伙伴关系) is not mistaken
  for the domain's; names of bodies and instruments are judged against general Chinese only.
- :func:`termhood` — the combined score (documented there).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence


def spread(doc_freq: int, n_docs: int) -> float:
    """Document spread in [0.75, 1]: ``0.75 + 0.25 × log(1 + doc_freq) / log(1 + n_docs)``.

    A term used across the documents of a corpus beats one repeated in a single document; the
    weight is mild because a term may well belong to one document's subject (《巴黎公约》).
    """
    if n_docs <= 1:
        return 1.0
    return 0.75 + 0.25 * math.log(1 + doc_freq) / math.log(1 + n_docs)


def c_value(length: int, freq: int, container_freqs: Sequence[int] = ()) -> float:
    """C-value of a candidate of ``length`` characters seen ``freq`` times.

    ``container_freqs`` are the frequencies of the longer candidates that contain it. Nested in
    them, the candidate is credited only with its frequency beyond their mean:
    ``log2(1 + length) × (freq − mean(container_freqs))``. Never negative.
    """
    weight = math.log2(1 + length)
    if not container_freqs:
        return weight * freq
    return weight * max(freq - sum(container_freqs) / len(container_freqs), 0.0)


def cohesion(freq: int, word_freqs: Sequence[int], n_tokens: int) -> float | None:
    """Average PMI per boundary: ``(log P(phrase) − Σ log P(word)) / (n − 1)`` in bits.

    ``word_freqs`` are the corpus frequencies of the candidate's content words (joiners left
    out). None for a single word: a word is cohesive by definition.
    """
    n = len(word_freqs)
    if n < 2 or freq <= 0 or n_tokens <= 0:
        return None
    log_n = math.log2(n_tokens)
    pmi = math.log2(freq) - log_n - sum(math.log2(max(f, freq)) - log_n for f in word_freqs)
    return pmi / (n - 1)


def entropy(counts: Iterable[int]) -> float:
    """Shannon entropy (bits) of a distribution given by its counts."""
    values = [c for c in counts if c > 0]
    total = sum(values)
    if total <= 0:
        return 0.0
    return -sum(c / total * math.log2(c / total) for c in values)


def branching_entropy(neighbours: Mapping[str, int], edges: int = 0) -> float:
    """Entropy of the neighbours on one side; each of the ``edges`` occurrences at a sentence
    edge or punctuation counts as a neighbour of its own (an edge does not make a fragment)."""
    return entropy(list(neighbours.values()) + [1] * edges)


def word_specificity(corpus_freq: int, n_tokens: int, ref_freq: int, ref_total: int) -> float:
    """log2 of the word's relative frequency in the corpus over that in the reference.

    ``ref_freq`` is 0 for a word the reference does not have (unseen, smoothed by one).
    """
    p_corpus = corpus_freq / max(n_tokens, 1)
    p_ref = (ref_freq + 1) / (ref_total + 1)
    return math.log2(p_corpus / p_ref) if p_corpus > 0 else 0.0


def un_word_specificity(corpus_freq: int, n_tokens: int, un_low: float, un_total: int) -> float | None:
    """log2 of the word's relative frequency in the corpus over that in general UN text, or None
    when the general-UN reference has too little evidence about the word (``un_low`` is its
    cautious count, :meth:`.reference.UNReference.low`)."""
    if un_low <= 0 or corpus_freq <= 0:
        return None
    return math.log2((corpus_freq / max(n_tokens, 1)) / (un_low / max(un_total, 1)))


def combined_specificity(general: float, un: float | None) -> float:
    """A word is as specific as the more demanding reference allows: ``min(general, un)``.

    Against general Chinese alone, all UN prose looks specialised (国际 合作 4–5 bits, 伙伴关系 14
    bits); against general UN text, the vocabulary of every UN document falls to about 0 while
    drug-control words keep several bits (毒品 ≈ 5). Words the UN reference has too little
    evidence for (None) keep the general figure.
    """
    return general if un is None else min(general, un)


def domain_specificity(word_scores: Sequence[float]) -> float:
    """The candidate's specificity from its content words': the mean of the best and the mean.

    A term needs at least one word that is typical of the domain (毒品, 芬太尼, 麻醉药品) and is
    pulled down when the rest is general language (加强 国际 合作).
    """
    if not word_scores:
        return 0.0
    return (max(word_scores) + sum(word_scores) / len(word_scores)) / 2


def _squash(x: float, mid: float, scale: float) -> float:
    """A logistic curve from 0 to 1, 0.5 at ``mid``."""
    return 1.0 / (1.0 + math.exp(-(x - mid) / scale))


#: Parameters of :func:`termhood` (see there).
PARAMS = {
    "edge_bits": 2.0,  # branching entropy at which an edge counts as free
    "edge_floor": 0.05,  # what a fragment (entropy 0) keeps
    "coordination": 0.75,  # f(A和B) / min(f(A), f(B)) at which a coordination counts as fixed
    "cohesion_mid": 2.0,
    "cohesion_scale": 1.5,
    "spec_mid": 4.0,  # specificity (bits) at which a multi-word candidate gets half
    "spec_scale": 1.5,
    "single_spec_mid": 5.5,  # … and a single word
    "single_spec_scale": 1.0,
    "single": 0.8,  # a single word's weight against a multi-word candidate
    "title": 1.25,
    "head": 1.4,
    "body_floor": 0.6,  # least specificity factor of a body's or instrument's name (独立评价股)  # a multi-word candidate ending in a name head (委员会, 公约, 物质 …)
    "abbreviation": 1.25,
    "institution": 1.25,  # the institution's own vocabulary (lexicon list un_vocabulary)
    "verb_bits": 6.0,  # least specificity of a single verb standing as a term (洗钱, 贩运)
}


def termhood(
    *,
    cvalue: float,
    doc_freq: int,
    n_docs: int,
    edge_entropy: float | None,
    cohesion_bits: float | None,
    specificity: float,
    single: bool = False,
    title: bool = False,
    abbreviation: bool = False,
    coordination: float = 1.0,
    freq: int = 0,
    named: bool = False,
    body: bool = False,
    institution: bool = False,
) -> float:
    """The termhood score: one number per candidate, higher is more term-like.

    ``score = log2(1 + C-value) × spread × edges × cohesion × specificity × fixed × evidence``
    (parameters in :data:`PARAMS`):

    - ``spread`` — :func:`spread`, 0.75 to 1 by the share of documents using the candidate;
    - ``edges = 0.05 + 0.95 × min(1, H / min(2, log2 freq))`` with H the lower of the left and
      right branching entropies (:func:`branching_entropy`) — a fragment, with one fixed
      neighbour (H = 0), keeps 5 %; a rare candidate is judged against the entropy its frequency
      allows;
    - ``cohesion`` — a logistic curve of the average PMI (:func:`cohesion`), 0.5 at 2 bits
      (1 for a single word);
    - ``specificity`` — a logistic curve of :func:`domain_specificity`, the log-ratio against
      general Chinese: 0.5 at 4 bits (16 times as frequent as in general Chinese) for a
      multi-word candidate; for a single word 0.5 at 6 bits, times 0.8 — a word alone has no
      cohesion or nesting evidence and must be far more typical of the corpus to be a term; the
      name of a body or instrument (``body``: ending in 委员会, 司, 股, 公约 … —
      :func:`.names.body_name`) keeps at least 0.5, as such names are often made of
      everyday words (统计委员会, 独立评价股); so does a title the corpus writes in 《》, which
      the writer marks as the name of a work (《条约汇编》, the Treaty Series);
    - ``fixed`` — for a coordination ``A和B``, ``min(1, f(A和B) / min(f(A), f(B)) / 0.75)``: a
      fixed pair (麻醉药品和精神药物) keeps 1, two words listed together (治疗和护理) much less;
    - ``evidence`` — ×1.25 when the corpus writes it as a title in 《》, ×1.25 when it defines an
      abbreviation for it (or it is one), ×1.4 when it ends in a name head (委员会, 公约, 物质 —
      :data:`.names.NAME_HEADS`) or is an organization's name in the dictionary.
    """
    p = PARAMS
    base = math.log2(1.0 + max(cvalue, 0.0))
    used = spread(doc_freq, n_docs)
    if edge_entropy is None:
        edges = 1.0
    else:
        # entropy can reach log2(freq) at most: a rare candidate is judged against that
        room = min(p["edge_bits"], math.log2(freq)) if freq > 1 else p["edge_bits"]
        edges = p["edge_floor"] + (1 - p["edge_floor"]) * min(1.0, edge_entropy / room)
    cohesive = 1.0 if cohesion_bits is None else _squash(cohesion_bits, p["cohesion_mid"], p["cohesion_scale"])
    if single:
        specific = _squash(specificity, p["single_spec_mid"], p["single_spec_scale"])
        if body or title:
            specific = max(specific, p["body_floor"])
        specific *= p["single"]
    else:
        specific = _squash(specificity, p["spec_mid"], p["spec_scale"])
        if body or title:
            specific = max(specific, p["body_floor"])
    evidence = (p["title"] if title else 1.0) * (p["abbreviation"] if abbreviation else 1.0)
    evidence *= p["head"] if named else 1.0
    evidence *= p["institution"] if institution else 1.0
    fixed = min(1.0, coordination / p["coordination"])
    return base * used * edges * cohesive * specific * evidence * fixed
