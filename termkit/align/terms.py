"""Bilingual term pairs: English equivalents for mined Chinese terms, from aligned segments.

For each Chinese candidate, the English word n-grams (1–12 words, not starting or ending with a
function word, not crossing punctuation or a clause word) of the segments whose Chinese side contains it are
scored by how exclusively they co-occur with it (Dice over segments, with a log-likelihood
ratio to say whether the association beats chance), and by other evidence:

* **dictionary** — the share of the n-gram's content words that CC-CEDICT (or the glossary)
  gives as a translation of a word inside the Chinese term, and the share of the term's
  characters so explained — and the word translations the segments themselves teach
  (:mod:`termkit.align.lexical`: 作用 → role, a sense CC-CEDICT lacks) count as the dictionary's;
* **abbreviation** — a Latin abbreviation written after the term in the Chinese
  (苯丙胺类兴奋剂（ATS）) whose letters are the initials of the n-gram (amphetamine-type
  stimulants), or that the n-gram contains;
* **glossary** — the glossary pairs the term with this English term.

Dice is low for an English term that several Chinese words translate; an n-gram in half the
term's segments or more that the dictionary explains is kept all the same (humanitarian
assistance), and for a term seen in three segments or fewer an n-gram of one segment that the
dictionary explains word for word. Then the n-grams that are not the term are put aside
(:mod:`termkit.align.glosses` says what the dictionary and the Chinese around the term say):

* an n-gram whose other words translate the Chinese right **beside** the term took in its
  neighbours (Gender Equality and the Empowerment of Women for 增强妇女权能, whose 性别平等和
  stands before it; preparedness and response to nuclear emergencies for 核紧急情况的准备与应对);
* a **fragment** gives way to the longer n-gram that comes with it nearly every time — unless
  the fragment says all of the term and nothing in the term says the longer one's other words —
  or that translates more of the term's characters, each English word in one place; a **piece
  of a name** (Global Environment, beside which a capitalised word stands) gives way to the name;
* a **part**: an n-gram all of whose words the dictionary gives for the term, that leaves out a
  word of the term it knows (statement for 发表声明, members for 成员国), loses a quarter of its
  confidence and is dropped where only the dictionary let it in (Dice below 0.2) and nothing
  whole is around it; the same words in another order give way to the order the term comes with
  more often (member States, not States members);
* a phrase the dictionary says nothing of, where it knows the term's words, needs three segments
  (not "requests the United Nations development system" for 经社理事会 from two);
* the best proposal is **completed** by the longer n-gram around it whose added words are the
  dictionary's for words of the term, none beside it, though it stands in fewer segments
  (Chemical Weapons Convention around chemical weapons for 化学武器公约; complete elimination of
  nuclear weapons for 彻底消除核武器); a name is completed by a longer name only.

Each proposal is a :class:`TermPair` with a confidence in [0, 1], the evidence in words and
example segment pairs; :func:`pairs_to_concepts` makes termbase entries (a Chinese and an English
term) for ``termkit export``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Concept, Term
from ..text.normalize import normalize_key
from .completion import completed, modifier, noun_form, with_head, with_name
from .cooccurrence import (
    Cooccurrences,
    _llr,
    chinese_terms,
    count_cooccurrences,
)
from .dictionary import STOPWORDS, Lexicon
from .glosses import (
    Beside,
    acronym,
    as_written_beside,
    common_noun,
    content_stems,
    content_words,
    coordinated,
    gloss_stems,
    glossary_english,
    only_in_names,
    said_apart,
    spells_gloss,
    untranslated,
    word_glosses,
    written_form,
    zh_coverage,
)
from .lexical import learn as learn_words
from .lexical import learned_in, with_learned

PART_WEIGHT = 0.75  # the confidence left to an n-gram that translates a part of the term only


class _Scored(NamedTuple):
    """One English n-gram scored for a term, before fragments are dropped."""

    confidence: float
    dice: float
    llr: float
    segments: int  # segments holding both
    en_freq: int  # segments holding the English
    en_text: str
    evidence: list[str]
    zh_cov: float  # the share of the term's characters its words translate
    covered: int  # its content words the dictionary gives, when it gives them all (else 0)
    stems: list[str]
    piece: bool  # mostly a piece of a longer name
    part: list[str]  # the term's words it leaves out (:func:`.glosses.untranslated`)
    apart: bool  # … one of which the term's segments say in English elsewhere
    key: str


@dataclass
class TermPair:
    """A proposed English equivalent for a Chinese term (or the reverse)."""

    zh: str
    en: str
    confidence: float
    cooccurrences: int  # segments with both
    zh_freq: int  # segments with the Chinese term
    en_freq: int  # segments with the English term
    dice: float = 0.0
    llr: float = 0.0
    evidence: list[str] = field(default_factory=list)
    examples: list[tuple[str, str]] = field(default_factory=list)  # (English, Chinese) segments


def propose_equivalents(
    pairs_of_segments: Iterable,
    candidates: Iterable,
    glossary=None,
    *,
    top: int = 3,
    min_cooccurrence: int = 2,
    min_confidence: float = 0.3,
    examples: int = 3,
) -> list[TermPair]:
    """Propose English equivalents for Chinese candidates (best first, overall).

    ``pairs_of_segments``: aligned segments — ``(english, chinese)`` tuples or translation units
    (TMX/XLIFF units, aligned beads). ``candidates``: Chinese terms — strings or mined
    :class:`termkit.model.Candidate` objects (``.text``); English candidates are skipped.
    ``top``: proposals kept per candidate, each at least ``min_confidence``. The same as
    :func:`score_equivalents` over :func:`count_cooccurrences` (which a caller with its own
    chunks of a corpus can run apart and merge with ``+``).
    """
    terms = chinese_terms(candidates)
    counts = count_cooccurrences(pairs_of_segments, terms)
    return score_equivalents(
        counts,
        terms,
        glossary,
        top=top,
        min_cooccurrence=min_cooccurrence,
        min_confidence=min_confidence,
        examples=examples,
    )


def score_equivalents(
    counts: Cooccurrences,
    terms: Sequence[str],
    glossary=None,
    *,
    top: int = 3,
    min_cooccurrence: int = 2,
    min_confidence: float = 0.3,
    examples: int = 3,
    tokenize: Callable[[str], list[str]] | None = None,
    learn: bool = True,
    coordinators: Iterable[str] | None = None,
) -> list[TermPair]:
    """The proposals the counts support for each term (the reduce), best first overall.

    ``learn``: add to the dictionary the word translations the segments teach
    (:mod:`termkit.align.lexical`, trained on the counts' sample), the Chinese cut into words by
    ``tokenize`` (the miner's segmenter; None: by the dictionary's words). ``coordinators``: the
    words that join two parts of a term (和, 与, 及 …; the miner's list in use — None: the
    shipped one)."""
    if not counts.segments:
        return []
    lexicon = Lexicon.build(glossary)
    joiners = None if coordinators is None else frozenset(coordinators)
    model = learn_words(counts.sample, tokenize, lexicon.words) if learn else None
    learned = model.glosses() if model is not None else {}
    base_words = lexicon.words
    lexicon = Lexicon(with_learned(base_words, learned), lexicon.max_len)
    glossary_en = glossary_english(glossary)
    n = counts.segments
    written: dict[str, str] = {}  # how each English key is written, worked out once
    out: list[TermPair] = []
    for text in terms:
        key = normalize_key(text)
        hits = counts.hits.get(text, 0)
        if not hits:
            continue
        # a term seen in few segments: an English n-gram in one of them may do, if the
        # dictionary explains it whole
        rare = hits <= 3 * min_cooccurrence // 2
        co = counts.co.get(text, Counter())
        gloss, spans = gloss_stems(text, lexicon.words)
        gloss1 = {s for ch in text for s in lexicon.words.get(ch, ())}  # what its characters can say
        glossed_share = zh_coverage(text, spans, {s for *_ij, got in spans for s in got})
        abbrevs = counts.abbreviations.get(text, set())
        known = glossary_en.get(key, set())
        has_digit = any(ch.isdigit() for ch in key)
        outside = Beside(text, counts.examples.get(text, []), lexicon.words)
        joined = coordinated(text, spans, joiners)  # A和B: an English "A and B" has the term's shape
        corpus_senses = learned_in(text, learned, base_words) if learned else {}
        scored = []
        for k, c in co.items():
            if c < min_cooccurrence and not rare:
                continue
            f_e = counts.en_freq[k]
            dice = 2 * c / (hits + f_e)
            # Dice is low for an English term that other Chinese words translate too (humanitarian
            # assistance for 人道主义援助 and 人道援助): it may still stand in most of the term's
            # segments and be the dictionary's translation of it, whole (at any Dice: provisions)
            usual = c >= 0.5 * hits and (dice >= 0.1 or all(w in gloss or w in STOPWORDS for w in k.split()))
            if dice < 0.2 and k not in known and not usual:
                continue
            if c < min_cooccurrence and not all(w in gloss or w in STOPWORDS or w.isdigit() for w in k.split()):
                continue  # one segment: only an n-gram the dictionary explains word for word
            en_text = written.get(k) or written.setdefault(k, written_form(counts.written(k)))
            if not has_digit and (en_text[0].isdigit() or en_text[-1].isdigit()):
                continue  # "controlled substances for the years 2011"
            stems = content_stems(en_text)
            dict_share = zh_cov = 0.0
            covered = 0
            if stems:
                # a hyphenated word is glossed whole or by its parts (high-level: 高级别)
                parts = word_glosses(en_text)
                covered = sum(1 for alts in parts if alts & gloss)
                zh_cov = zh_coverage(text, spans, set().union(*parts))
                dict_share = (covered / len(stems) + zh_cov) / 2
            whole = bool(stems) and covered == len(stems)  # every content word the dictionary's
            if whole and zh_cov >= 0.99 and " " + k + " " == " " + " ".join(stems) + " " and only_in_names(counts, k):
                en_text = common_noun(en_text)  # space centre, not Space Centre of Guiana Space Centre
            if dice < 0.2 and k not in known and not (whole and zh_cov >= 0.5):
                continue
            if c < min_cooccurrence and not (whole and zh_cov >= 0.75):
                continue
            # English words that the Chinese beside the term translates, not the term: the n-gram
            # took in its neighbours (Gender Equality and the Empowerment of Women for 增强妇女权能)
            unexplained = [s for s in stems if s not in gloss and s not in gloss1]
            if (
                len(stems) > covered
                and unexplained
                and (
                    outside.explains(en_text, unexplained)
                    or (model is not None and model.took_in_neighbours(text, en_text, unexplained, outside.examples))
                )
            ):
                continue
            evidence = [f"dice {dice:.2f} ({c} of {hits} segments; English in {f_e})"]
            if covered:
                evidence.append(f"dictionary: {covered}/{len(stems)} English words, {zh_cov:.0%} of the Chinese")
            senses = [f"{corpus_senses[s]} → {w}" for s, w in content_words(en_text, stems) if s in corpus_senses]
            if senses:
                evidence.append("learned from the aligned segments: " + ", ".join(senses))
            bonus = 0.0
            initials = acronym(en_text)
            for a in abbrevs:
                if a.upper() == initials or a.lower() in en_text.lower().split():
                    bonus = 0.3
                    evidence.append(f"abbreviation {a}")
                    break
            if not bonus and spells_gloss(en_text, text, lexicon.words):
                bonus = 0.3  # FAO for 粮农组织: the initials of food, agriculture, organization
                evidence.append(f"acronym of the dictionary's words for {text}")
            if k in known:
                bonus += 0.3
                evidence.append("glossary")
            llr = _llr(c, hits - c, f_e - c, n - hits - f_e + c)
            confidence = min(1.0, 0.55 * dice + 0.35 * dict_share + bonus + (0.1 if llr > 10.83 else 0.0))
            if stems and not covered and not bonus and glossed_share >= 0.5 and c < 3:
                # the dictionary knows the term's words, none is here, and two segments say so: a
                # phrase of the sentence (requests the United Nations development system) as likely
                # as an idiom (competent authorities); less so a single word
                confidence *= 0.5 if len(stems) > 1 else 0.75 if en_text.islower() else 1.0
            piece = counts.name_piece[k] >= 0.5 * f_e and zh_cov < 1.0  # of a longer name, mostly
            # every English word the dictionary's, yet a word of the term left out: the n-gram says
            # a part of the term (statement for 发表声明); behind any whole proposal
            part = untranslated(text, spans, lexicon.words, en_text) if whole and not bonus else []
            apart = bool(part) and said_apart(text, spans, lexicon.words, en_text, co, counts.en_freq, hits, part)
            if part and confidence >= min_confidence:
                confidence = max(min_confidence, confidence * PART_WEIGHT)
                evidence.append("translates only part of the term (not " + ", ".join(part) + ")")
            scored.append(
                _Scored(
                    confidence,
                    dice,
                    llr,
                    c,
                    f_e,
                    en_text,
                    evidence,
                    zh_cov,
                    covered if whole else 0,
                    stems,
                    piece,
                    part,
                    apart,
                    k,
                )
            )
        # A fragment of a longer n-gram is not a term: the longer one comes with it (nearly) every
        # time — unless the fragment says the whole Chinese and the longer one's other words are
        # none of the term's (Beijing Declaration, not Beijing Declaration and Platform, for 北京宣言)
        # — or it says more of the Chinese: translates more of its characters (each English word
        # in one place), and is not rare beside it.
        fragments = set()
        for x in scored:
            low = " " + x.en_text.lower() + " "
            x_whole = x.covered > 0 and x.zh_cov >= 0.99
            for y in scored:
                if y is not x and y.segments > x.segments and len(x.stems) > 1 and sorted(y.stems) == sorted(x.stems):
                    fragments.add(x.en_text)  # the same words in another order, less often: member States
                    break  # comes with 成员国 more often than States members
                if y is x or len(y.en_text) <= len(x.en_text) or low not in " " + y.en_text.lower() + " ":
                    continue
                extra = [s for s in y.stems if s not in x.stems]
                foreign = bool(extra) and not any(s in gloss or s in gloss1 for s in extra)
                # a term that joins two parts (A和B) is not whole in English without the "and"
                joins = joined and " and " not in low and " and " in " " + y.en_text.lower() + " "
                kept_apart = x_whole and foreign and not joins
                follows = y.segments >= 0.8 * x.segments and y.dice >= x.dice - 0.1 and not kept_apart
                # or in most of the term's segments, going with the term as strongly
                follows = follows or (y.segments > 0.5 * hits and y.dice >= x.dice and not kept_apart)
                says_more = y.zh_cov > x.zh_cov + 0.1 and y.segments >= max(min_cooccurrence, 0.3 * x.segments)
                # a piece of a name (Global Environment) gives way to the name (… Facility)
                piece = x.piece and " " in y.en_text and y.en_text[:1].isupper() and y.segments >= min_cooccurrence
                if follows or says_more or piece:
                    fragments.add(x.en_text)
                    break
        scored = [x for x in scored if x.en_text not in fragments and x.confidence >= min_confidence]
        # a tie goes to the n-gram with the term's shape: "A and B" for A和B (Turks and Caicos Islands
        # beside British Virgin Islands, in every segment of a list of territories)
        scored.sort(key=lambda x: (-x.confidence, -(joined and " and " in f" {x.key} "), -x.dice, len(x.en_text)))
        kept: list[str] = []
        lowered = [en.lower() for en, _zh in counts.examples.get(text, [])]
        for x in scored:
            if len(kept) >= top:
                break
            confidence, dice, llr, c, f_e, evidence = x.confidence, x.dice, x.llr, x.segments, x.en_freq, x.evidence
            en_text = as_written_beside(x.key, x.en_text, counts, lowered)
            if any(en_text.lower() in k.lower() or k.lower() in en_text.lower() for k in kept):
                continue  # a sub- or super-string of a better proposal
            longer = None if kept else completed(text, en_text, co, counts, spans, lexicon.words, outside, written)
            if longer and said_apart(text, spans, lexicon.words, longer[0], co, counts.en_freq, hits):
                longer = None  # itself a piece of an English that says the rest apart (Group of Friends)
            why = "the longer name translates more of the term"
            if not kept and not longer and x.part:
                longer = with_head(en_text, x.key, co, counts, outside, written, min_cooccurrence)
                why = "a modifier in all the term's segments: with the noun it stands before"
            if not kept and not longer and x.covered and x.zh_cov < 1:  # a title the dictionary explains
                longer = with_name(x.key, co, counts, gloss | gloss1, hits, written)
                why = "a title, with the name beside it in every segment"
            if not kept and not longer:
                longer = noun_form(text, en_text, x.key, co, counts, lexicon.words, written, min_cooccurrence)
                why = "a noun for a noun: the English noun of the adjective's root"
            if x.part and (dice < 0.2 or x.apart or modifier(x.key, co)) and not longer:
                continue  # a part let in only as the dictionary's (Dice low), or a piece of an English
                # that says the rest apart (Regional Centre … Technology Transfer), and nothing whole
            if longer:
                en_text, c, f_e = longer
                evidence = [
                    f"dice {2 * c / (hits + f_e):.2f} ({c} of {hits} segments; English in {f_e})",
                    *(e for e in evidence[1:] if not e.startswith(("dictionary", "translates only part"))),
                    why,
                ]
            kept.append(en_text)
            ex = [(en, zh) for en, zh in counts.examples.get(text, []) if en_text.lower() in en.lower()][:examples]
            out.append(
                TermPair(text, en_text, round(confidence, 3), c, hits, f_e, round(dice, 3), round(llr, 1), evidence, ex)
            )
    out.sort(key=lambda p: (-p.confidence, -p.cooccurrences))
    return out


def pairs_to_concepts(pairs: Sequence[TermPair], id_prefix: str = "pair-", best_only: bool = True) -> list[Concept]:
    """Term pairs as proposed termbase entries (Chinese and English term, status admitted),
    the evidence and example segments in the notes."""
    out: list[Concept] = []
    done: set[str] = set()
    for rank, p in enumerate(pairs, 1):
        if best_only and p.zh in done:
            continue
        done.add(p.zh)
        note = [f"termkit align: confidence {p.confidence:.2f}; " + "; ".join(p.evidence)]
        note += [f"context: {en} ||| {zh}" for en, zh in p.examples]
        out.append(
            Concept(
                id=f"{id_prefix}{rank}",
                terms=[
                    Term(text=p.zh, lang="zh", status="admitted", note="\n".join(note), source="termkit align"),
                    Term(text=p.en, lang="en", status="admitted", source="termkit align"),
                ],
                note="proposed pair, not yet reviewed",
            )
        )
    return out
