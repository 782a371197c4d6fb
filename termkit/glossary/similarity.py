"""Similarity scorers for fuzzy lookup, one per script, on rapidfuzz's 0–100 scale.

Each is a plain function ``(a, b, *, processor=None, score_cutoff=None) -> float`` that
``rapidfuzz.process.extract`` accepts as its ``scorer``, so a caller can plug in another.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA


def chinese_similarity(a: str, b: str, *, processor=None, score_cutoff=None) -> float:
    """Characters inserted or deleted (Indel): a missing or extra hanzi is the usual slip."""
    return fuzz.ratio(a, b, processor=processor, score_cutoff=score_cutoff)


def sorted_words(text: str) -> str:
    """The words of ``text`` in alphabetical order: word order does not count."""
    return " ".join(sorted(text.split()))


def english_similarity(a: str, b: str, *, processor=None, score_cutoff=None) -> float:
    """Words in any order, then edits as a typist makes them (optimal string alignment).

    A wrong letter (fentan*i*l) or two swapped letters count as one edit, while letters added to
    a word count one each, so a misspelt word stays closer to itself than to a longer word
    that contains its letters: ``fentanil`` is nearer ``fentanyl`` than ``ocfentanil``
    (Indel, which prices a substitution as two edits, has it the other way round).
    """
    if processor is not None:
        a, b = processor(a), processor(b)
    score = 100.0 * OSA.normalized_similarity(sorted_words(a), sorted_words(b))
    return score if score_cutoff is None or score >= score_cutoff else 0.0
